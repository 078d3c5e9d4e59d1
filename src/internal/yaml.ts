import { LineCounter, parseAllDocuments } from 'yaml';
import type { Issue } from '../types.js';

/** Safety limits for untrusted YAML. */
export const YAML_LIMITS = { maxChars: 8_000_000, maxDocuments: 2_000, maxAliasCount: 100 } as const;

/** One parsed YAML document as plain data, or why it could not be read. */
export type YamlDocument =
  | { readonly ok: true; readonly index: number; readonly line: number; readonly value: unknown }
  | { readonly ok: false; readonly index: number; readonly issues: readonly [Issue, ...Issue[]] };

/**
 * Parses (multi-document) YAML into plain data. Keys named `__proto__` become own properties (the
 * yaml package defines them, never assigns), aliases are capped (billion laughs), and every error
 * carries a line/column and the document index.
 */
export function parseYamlDocuments(text: string, source?: string): { ok: true; documents: YamlDocument[] } | { ok: false; issues: [Issue, ...Issue[]] } {
  const src = source === undefined ? {} : { source };
  if (text.length > YAML_LIMITS.maxChars) {
    return { ok: false, issues: [{ code: 'input-too-large', message: `YAML text is ${text.length} characters; the limit is ${YAML_LIMITS.maxChars}`, ...src }] };
  }
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (e) {
    return { ok: false, issues: [{ code: 'yaml-invalid', message: String((e as Error).message), ...src }] };
  }
  const list = Array.isArray(docs) ? docs : [];
  if (list.length > YAML_LIMITS.maxDocuments) {
    return { ok: false, issues: [{ code: 'input-too-large', message: `${list.length} YAML documents; the limit is ${YAML_LIMITS.maxDocuments}`, ...src }] };
  }
  const documents: YamlDocument[] = [];
  list.forEach((doc, index) => {
    const start = doc.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length > 0) {
      const issues = doc.errors.map((err): Issue => {
        const pos = lineCounter.linePos(err.pos[0]);
        return { code: 'yaml-invalid', message: `document ${index}: ${err.message.split('\n')[0] ?? err.code}`, line: pos.line, column: pos.col, ...src };
      }) as [Issue, ...Issue[]];
      documents.push({ ok: false, index, issues });
      return;
    }
    try {
      documents.push({ ok: true, index, line, value: doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount }) });
    } catch (e) {
      documents.push({ ok: false, index, issues: [{ code: 'yaml-invalid', message: `document ${index}: ${(e as Error).message}`, line, ...src }] });
    }
  });
  return { ok: true, documents };
}

/** Formats a zod/JS path as `spec.containers[1].args[0]`. */
export function formatPath(prefix: string, parts: readonly PropertyKey[]): string {
  let out = prefix;
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else {
      const key = String(p);
      out += /^[A-Za-z_$][\w$-]*$/.test(key) ? (out === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}
