/** Text output shared by the commands: diagnostics as `file:line:col: severity code: message`. */
import type { Diagnostic, Issue, Severity } from '../core/types.js';
import type { Palette } from './io.js';

/** A diagnostic or issue with the file it belongs to. */
export interface Finding {
  readonly file: string;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  readonly rule?: string;
  readonly hadolint?: string;
}

/** Attaches a file name to diagnostics (errors for issues). */
export function findingsOf(file: string, diagnostics: readonly Diagnostic[], issues: readonly Issue[] = []): Finding[] {
  const out: Finding[] = [];
  const add = (d: Diagnostic | Issue, severity: Severity) => {
    out.push({
      file: d.source ?? file,
      code: d.code,
      severity,
      message: d.message,
      ...(d.line !== undefined && { line: d.line }),
      ...(d.column !== undefined && { column: d.column }),
      ...(d.path !== undefined && { path: d.path }),
      ...('rule' in d && d.rule !== undefined && { rule: d.rule }),
      ...('hadolint' in d && d.hadolint !== undefined && { hadolint: d.hadolint }),
    });
  };
  for (const issue of issues) add(issue, 'error');
  for (const d of diagnostics) add(d, d.severity);
  return out;
}

/** `file:line:col: severity code: message` (line/col left out when unknown; a YAML path is appended). */
export function formatFinding(f: Finding, p: Palette): string {
  let where = f.file;
  if (f.line !== undefined) where += `:${f.line}`;
  if (f.line !== undefined && f.column !== undefined) where += `:${f.column}`;
  const colour = f.severity === 'error' ? p.red : f.severity === 'warning' ? p.yellow : p.cyan;
  const at = f.path !== undefined && f.path !== '' ? ` ${p.dim(`(at ${f.path})`)}` : '';
  return `${p.bold(`${where}:`)} ${colour(f.severity)} ${p.dim(f.code)}: ${f.message}${at}`;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** True when some finding is at least as severe as `threshold`. */
export function reaches(findings: readonly Finding[], threshold: Severity): boolean {
  return findings.some((f) => RANK[f.severity] >= RANK[threshold]);
}

/** Sorts findings by file, line, column (stable otherwise). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** JSON output of every command ends with a newline. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
