import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { DEFAULT_LIMITS, limitIssue, resolveLimits, type Limits, type LimitsOption } from '../core/limits.js';
import { expectType } from './text.js';
import type { Issue } from '../core/types.js';

/** 1-based line and column in the YAML text. */
export interface YamlPosition {
  readonly line: number;
  readonly column: number;
}

/** One parsed YAML document as plain data, or why it could not be read. */
export type YamlDocument =
  | {
      readonly ok: true;
      readonly index: number;
      readonly line: number;
      readonly value: unknown;
      /** Where the node at a data path (`['spec', 'containers', 0]`) is; see {@link locateYamlPath}. */
      readonly locate: (path: readonly PropertyKey[]) => YamlPosition;
      /** With `YamlReadOptions.tags`: the nodes carrying one of those tags, by data path (see {@link taggedPaths}). */
      readonly tagged?: readonly TaggedPath[];
    }
  | { readonly ok: false; readonly index: number; readonly issues: readonly [Issue, ...Issue[]] };

/**
 * The entry of the workload readers (`resolveManifests`, `resolveComposeFile`): checks the
 * argument types (`images` is a record or a lookup function), then parses the documents.
 */
export function readWorkloadYaml(yamlText: string, options: LimitsOption & { readonly images?: unknown; readonly source?: string }): ReturnType<typeof parseYamlDocuments> {
  expectType(yamlText, 'string', 'yamlText');
  expectType(options, 'object', 'options');
  if (options.images !== undefined && typeof options.images !== 'function') expectType(options.images, 'object', 'options.images');
  return parseYamlDocuments(yamlText, options.source, resolveLimits(options.limits));
}

/** Options of {@link parseYamlDocuments} beyond the limits. */
export interface YamlReadOptions {
  /** Apply YAML 1.1 merge keys (`<<: *anchor`), as go-yaml does for Compose files. Default: false. */
  readonly merge?: boolean;
  /** Local tags to report by data path (Compose: `!reset`, `!override`); such nodes otherwise read as untagged. */
  readonly tags?: readonly string[];
}

/** A node carrying one of the requested tags, at a data path (merge keys `<<` left out of it). */
export interface TaggedPath {
  readonly path: readonly string[];
  readonly tag: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Parses (multi-document) YAML into plain data. Keys named `__proto__` become own properties (the
 * yaml package defines them, never assigns), aliases are capped (billion laughs), and every error
 * carries a line/column and the document index.
 */
export function parseYamlDocuments(
  text: string,
  source?: string,
  limits: Limits = DEFAULT_LIMITS,
  read: YamlReadOptions = {},
): { ok: true; documents: YamlDocument[] } | { ok: false; issues: [Issue, ...Issue[]] } {
  const src = source === undefined ? {} : { source };
  if (text.length > limits.maxInputLength) {
    return { ok: false, issues: [limitIssue('maxInputLength', 'YAML text length', text.length, limits.maxInputLength, src)] };
  }
  // The yaml package recurses on nesting; cap it before parsing so that the outcome never depends
  // on the stack size left to the caller.
  const deep = yamlDepthExceeded(text, limits.maxNestingDepth);
  if (deep !== 0) {
    return { ok: false, issues: [limitIssue('maxNestingDepth', 'YAML nesting depth', limits.maxNestingDepth + 1, limits.maxNestingDepth, { line: deep, ...src })] };
  }
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, logLevel: 'error', merge: read.merge === true });
  } catch (e) {
    return { ok: false, issues: [{ code: 'yaml-invalid', message: e instanceof Error ? e.message : String(e), ...src }] };
  }
  const list = Array.isArray(docs) ? docs : [];
  if (list.length > limits.maxYamlDocuments) {
    return { ok: false, issues: [limitIssue('maxYamlDocuments', 'Number of YAML documents', list.length, limits.maxYamlDocuments, src)] };
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
      const value: unknown = doc.toJS({ maxAliasCount: limits.maxYamlAliases });
      const locate = (path: readonly PropertyKey[]) => locateYamlPath(doc, lineCounter, path);
      const tagged = read.tags === undefined ? {} : { tagged: taggedPaths(doc, lineCounter, read.tags, limits.maxYamlAliases) };
      documents.push({ ok: true, index, line, value, locate, ...tagged });
    } catch (e) {
      documents.push({ ok: false, index, issues: [{ code: 'yaml-invalid', message: `document ${index}: ${(e as Error).message}`, line, ...src }] });
    }
  });
  return { ok: true, documents };
}

/**
 * The position of the node at a data path: its value (`args: 5` → the `5`), or, when the path
 * leads nowhere (a missing key, an index past the end, a merge key), the nearest existing
 * ancestor: the key it hangs from (`spec:`), or the sequence item itself. Aliases are followed.
 * Keys match by their text, as `toJS` makes them strings (`1:` is key `'1'`).
 */
export function locateYamlPath(doc: Document.Parsed, lineCounter: LineCounter, path: readonly PropertyKey[]): YamlPosition {
  const at = (offset: number): YamlPosition => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  let node: unknown = doc.contents;
  // Where to point when the next step fails: the key of the current node, or the node itself.
  let anchor = doc.contents?.range?.[0] ?? doc.range[0];
  for (const part of path) {
    let seen = 0;
    while (isAlias(node) && seen++ < 100) node = node.resolve(doc);
    let next: unknown;
    let keyStart: number | undefined;
    if (isMap(node)) {
      const pair = findPair(doc, node, String(part));
      if (pair === undefined) return at(anchor);
      next = pair.value;
      keyStart = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    } else if (isSeq(node) && typeof part === 'number') {
      next = node.items[part];
      if (next === undefined) return at(anchor);
    } else return at(anchor);
    const nextStart = (next as { range?: [number, number, number] } | null)?.range?.[0];
    if (nextStart === undefined && keyStart === undefined) return at(anchor);
    anchor = keyStart ?? (nextStart as number);
    node = next;
    if (nextStart === undefined) return at(anchor);
  }
  const start = (node as { range?: [number, number, number] } | null)?.range?.[0];
  return at(start ?? anchor);
}

type YamlMap = Extract<ReturnType<typeof asMap>, object>;

function asMap(doc: Document.Parsed, node: unknown) {
  let n = node;
  for (let seen = 0; isAlias(n) && seen < 100; seen++) n = n.resolve(doc);
  return isMap(n) ? n : undefined;
}

/** A `<<` merge key: with `merge: true` the yaml package reads it as a symbol, otherwise as the text `<<`. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || (typeof key.value === 'symbol' && key.source === '<<'));
}

/**
 * The pair of `key` in a mapping, else in the mappings its merge keys (`<<: *a`, `<<: [*a, *b]`)
 * bring in, earlier sources first, one level deep.
 */
function findPair(doc: Document.Parsed, node: YamlMap, key: string) {
  const own = node.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
  if (own !== undefined) return own;
  const merge = node.items.find((it) => isMergeKey(it.key));
  if (merge === undefined) return undefined;
  const sources = isSeq(merge.value) ? merge.value.items : [merge.value];
  for (const source of sources) {
    const m = asMap(doc, source);
    const pair = m?.items.find((it) => isScalar(it.key) && String(it.key.value) === key);
    if (pair !== undefined) return pair;
  }
  return undefined;
}

/**
 * The nodes tagged with one of `tags`, by data path, walked without recursion. A tag inside a merge
 * key's mapping counts for the mapping that merges it, and one reached through an alias for the alias's
 * place too (compose-go's ResetProcessor). At most `maxVisits` alias expansions are followed.
 */
export function taggedPaths(doc: Document.Parsed, lineCounter: LineCounter, tags: readonly string[], maxVisits: number): TaggedPath[] {
  const out: TaggedPath[] = [];
  const stack: { node: unknown; path: readonly string[] }[] = [{ node: doc.contents, path: [] }];
  let aliases = 0;
  while (stack.length > 0) {
    const { node, path } = stack.pop() as { node: unknown; path: readonly string[] };
    if (isAlias(node)) {
      if (++aliases > maxVisits) break;
      stack.push({ node: node.resolve(doc), path });
      continue;
    }
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag !== undefined && tags.includes(tag)) {
      const p = lineCounter.linePos((node as { range?: [number] }).range?.[0] ?? 0);
      out.push({ path, tag, line: p.line, column: p.col });
      continue;
    }
    if (isMap(node)) {
      for (const it of node.items) {
        if (!isPair(it) || !isScalar(it.key)) continue;
        const key = String(it.key.value);
        if (isMergeKey(it.key)) {
          const sources = isSeq(it.value) ? it.value.items : [it.value];
          for (const s of sources) stack.push({ node: s, path });
        } else stack.push({ node: it.value, path: [...path, key] });
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => stack.push({ node: item, path: [...path, String(i)] }));
  }
  return out;
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

function isTokenBoundary(c: number): boolean {
  // Start of text/line, blank, or a flow indicator: where a quote, bracket or comment can begin.
  return Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13 || c === 91 || c === 123 || c === 44;
}

/**
 * An upper bound of the collection nesting of a YAML text, in one linear pass: block indentation
 * levels, open flow `[`/`{` and compact `- - -` entries. Single-line quoted scalars and comments
 * are skipped; anything else only over-counts. Returns the 1-based line where `max` is exceeded,
 * or 0.
 */
export function yamlDepthExceeded(text: string, max: number): number {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    // Line start: indentation (spaces only in YAML).
    let col = 0;
    while (i < n && text.charCodeAt(i) === 32) {
      i++;
      col++;
    }
    const first = text.charCodeAt(i);
    const blank = i >= n || first === 10 || first === 13 || first === 35;
    if (!blank && flow === 0) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) > col) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] as number) < col) indents.push(col);
    }
    let compact = 0;
    let leading = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        // \n, \r\n and a lone \r all end a line in YAML.
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        line++;
        break;
      }
      const prev = i === 0 ? NaN : text.charCodeAt(i - 1);
      const boundary = isTokenBoundary(prev);
      if (c === 35 && boundary) {
        while (i < n && text.charCodeAt(i) !== 10) i++;
        continue;
      }
      if ((c === 34 || c === 39) && boundary) {
        // Skip a quoted scalar that closes on this line; otherwise read on as plain text.
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 10) break;
          if (d === 92 && c === 34) j++;
          else if (d === c) break;
          j++;
        }
        if (j < n && text.charCodeAt(j) === c) {
          i = j + 1;
          leading = false;
          continue;
        }
      }
      if ((c === 91 || c === 123) && boundary) flow++;
      else if ((c === 93 || c === 125) && flow > 0) flow--;
      else if (leading && (c === 45 || c === 63) && (i + 1 >= n || isTokenBoundary(text.charCodeAt(i + 1)))) compact++;
      else if (c !== 32 && c !== 9) leading = false;
      if (indents.length + flow + compact > max) return line;
      i++;
    }
  }
  return 0;
}
