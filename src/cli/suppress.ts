/**
 * Turning findings off in `lint`: `--ignore ID` and the config file's `ignore` list (for the whole
 * run), and comments in the linted file (`# container-argv ignore=ID` or `# hadolint ignore=DL…` on
 * the lines right above a finding, or with `global` anywhere in the file). An ID is a container-argv
 * code, or a BuildKit check or hadolint rule that the diagnostics catalogue maps to codes.
 */
import { DIAGNOSTICS, isDiagnosticCode } from '../core/diagnostics.js';
import { UsageError } from './io.js';
import type { Finding } from './report.js';

/**
 * hadolint rules the diagnostics carry one by one rather than in the catalogue: `multiple-instructions`
 * is DL4003 (CMD), DL4004 (ENTRYPOINT) or DL3012 (HEALTHCHECK) by keyword (src/dockerfile/lints.ts).
 */
const PER_FINDING_HADOLINT: ReadonlyMap<string, string> = new Map([
  ['DL4003', 'multiple-instructions'],
  ['DL4004', 'multiple-instructions'],
  ['DL3012', 'multiple-instructions'],
]);

/** Every ID `--ignore` accepts: codes, and the BuildKit checks and hadolint rules the catalogue names. */
export function knownIds(): Set<string> {
  const ids = new Set<string>(Object.keys(DIAGNOSTICS));
  for (const info of Object.values(DIAGNOSTICS)) {
    if (info.rule !== undefined) ids.add(info.rule);
    if (info.hadolint !== undefined) ids.add(info.hadolint);
  }
  for (const id of PER_FINDING_HADOLINT.keys()) ids.add(id);
  return ids;
}

/** Checks IDs given by the user (`--ignore`, the config file); an unknown one is a usage error naming `where`. */
export function checkIds(ids: readonly string[], where: string): string[] {
  const known = knownIds();
  for (const id of ids) {
    if (!known.has(id)) throw new UsageError(`${where}: unknown code ${JSON.stringify(id)} (a container-argv code, BuildKit check or hadolint rule; see docs/diagnostics.md)`);
  }
  return [...ids];
}

/** Whether `id` names the finding: its code, its BuildKit check or hadolint rule, or those its code maps to. */
export function idMatches(id: string, f: Finding): boolean {
  if (id === f.code || id === f.rule || id === f.hadolint) return true;
  if (PER_FINDING_HADOLINT.get(id) === f.code && f.hadolint === undefined) return true;
  if (!isDiagnosticCode(f.code)) return false;
  const info = DIAGNOSTICS[f.code];
  return id === info.rule || id === info.hadolint;
}

/** The suppression comments of one file. */
export interface InlineSuppressions {
  /** IDs turned off for the whole file (`global ignore=`). */
  readonly global: readonly string[];
  /** 1-based line → IDs turned off for a finding on that line (from the comment lines right above it). */
  readonly byLine: ReadonlyMap<number, readonly string[]>;
  /** `container-argv ignore=` IDs that name nothing (a typo), with their 1-based line. */
  readonly unknown: readonly { readonly line: number; readonly id: string }[];
}

/**
 * `# container-argv ignore=A,B` / `# hadolint ignore=DL3025` (hadolint's pragma): one or more comment
 * lines right above a line turn the IDs off for findings on it; `# container-argv global ignore=…`
 * (`# hadolint global ignore=…`) for the whole file.
 */
export function inlineSuppressions(text: string): InlineSuppressions {
  const global: string[] = [];
  const byLine = new Map<number, string[]>();
  const unknown: { line: number; id: string }[] = [];
  const known = knownIds();
  let pending: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line.startsWith('#')) {
      if (pending.length > 0 && line !== '') byLine.set(i + 1, pending);
      pending = [];
      continue;
    }
    const pragma = parsePragma(line.slice(1));
    if (pragma === null) continue;
    if (pragma.tool === 'container-argv') for (const id of pragma.ids) if (!known.has(id)) unknown.push({ line: i + 1, id });
    (pragma.global ? global : pending).push(...pragma.ids);
  }
  return { global, byLine, unknown };
}

/**
 * ` container-argv ignore=A, B` → its IDs; null when the comment is not a pragma. Blanks may stand
 * around `=` and the commas (hadolint's PragmaSpec); a hadolint pragma with a word that is not a rule
 * code (`DL3002`, `SC2086`) is void, as hadolint treats it.
 */
function parsePragma(comment: string): { tool: string; global: boolean; ids: string[] } | null {
  let rest = comment.trim();
  const tool = rest.startsWith('container-argv ') ? 'container-argv' : rest.startsWith('hadolint ') ? 'hadolint' : null;
  if (tool === null) return null;
  rest = rest.slice(tool.length).trimStart();
  const global = rest.startsWith('global ');
  if (global) rest = rest.slice('global'.length).trimStart();
  if (!rest.startsWith('ignore')) return null;
  rest = rest.slice('ignore'.length).trimStart();
  if (!rest.startsWith('=')) return null;
  const ids = rest
    .slice(1)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (tool === 'hadolint' && !ids.every(isHadolintCode)) return null;
  return { tool, global, ids };
}

function isHadolintCode(id: string): boolean {
  if (!(id.startsWith('DL') || id.startsWith('SC')) || id.length < 3) return false;
  for (let i = 2; i < id.length; i++) if (id.charCodeAt(i) < 48 || id.charCodeAt(i) > 57) return false;
  return true;
}

/** True when an ID of the run or of the file's comments names the finding. */
export function isSuppressed(f: Finding, run: readonly string[], inline: InlineSuppressions | undefined): boolean {
  if (run.some((id) => idMatches(id, f))) return true;
  if (inline === undefined) return false;
  if (inline.global.some((id) => idMatches(id, f))) return true;
  const here = f.line === undefined ? undefined : inline.byLine.get(f.line);
  return here !== undefined && here.some((id) => idMatches(id, f));
}
