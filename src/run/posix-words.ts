/**
 * POSIX shell word splitting for one command line (no expansion): quotes, backslashes, line
 * continuations and comments are applied; `$VAR`, `${…}`, `$(…)`, backticks, globs and `~` are
 * kept as written and reported, because their value depends on the shell that runs the line.
 * The first control operator (`;`, `&`, `&&`, `|`, `||`, `(`, `)`, newline) or redirection
 * (`<`, `>`, `2>file`) ends the command.
 *
 * Rules: POSIX XCU 2.2 (quoting), 2.3 (token recognition), 2.10.1 (IO_NUMBER). Distinct from
 * compose's go-shellwords dialect (src/compose/go-shellwords.ts).
 */
import { formatArgv, quoteShellWord } from '../core/format-argv.js';
import { expectType } from '../internal/text.js';
import type { Diagnostic, Issue } from '../core/types.js';

/** One word of a command line, after quote removal. */
export interface ShellWord {
  readonly value: string;
  /** 1-based line and column of the word's first character in the input. */
  readonly line: number;
  readonly column: number;
  /** 0-based offset of the word's first character. */
  readonly offset: number;
  /** Some part of the word was quoted or escaped. */
  readonly quoted: boolean;
  /** The word holds text a shell would expand (`$`, backtick, glob, leading `~`). */
  readonly expands: boolean;
}

/** Result of {@link splitShellWords}. */
export type ShellWordsResult =
  | {
      readonly ok: true;
      readonly words: readonly ShellWord[];
      /** Text after the operator that ended the command (`''` when the line ended). */
      readonly rest: string;
      readonly diagnostics: readonly Diagnostic[];
    }
  | { readonly ok: false; readonly issues: readonly [Issue, ...Issue[]]; readonly diagnostics: readonly Diagnostic[] };

const OPERATOR_CHARS = ';&|()';
const REDIRECTIONS = ['<<-', '>>', '<<', '<>', '>&', '<&', '>|', '<', '>'];
const CONTROL_OPERATORS = ['&&', '||', ';;', ';', '&', '|', '(', ')'];

/** The longest operator at `from`; `\`+newline inside an operator is removed first (XCU 2.2.1, 2.3). */
function readOperator(line: string, from: number, ops: readonly string[]): { op: string; end: number } {
  let text = '';
  const ends: number[] = [];
  let k = from;
  while (text.length < 3 && k < line.length) {
    if (line[k] === '\\' && line[k + 1] === '\n') {
      k += 2;
      continue;
    }
    text += line[k];
    k++;
    ends.push(k);
  }
  for (const op of ops) if (text.startsWith(op)) return { op, end: ends[op.length - 1] as number };
  return { op: line[from] as string, end: from + 1 };
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}

/**
 * Splits a POSIX shell command line into words.
 *
 * @example
 * splitShellWords(`docker run -e "A=b c" img echo 'hi there'`).words.map((w) => w.value)
 * // ['docker', 'run', '-e', 'A=b c', 'img', 'echo', 'hi there']
 */
export function splitShellWords(line: string): ShellWordsResult {
  expectType(line, 'string', 'line');
  const words: ShellWord[] = [];
  const diagnostics: Diagnostic[] = [];
  const n = line.length;
  // Line starts, for line/column of offsets.
  const lineStarts = [0];
  for (let k = 0; k < n; k++) if (line[k] === '\n') lineStarts.push(k + 1);
  const where = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
  };
  const note = (code: string, severity: Diagnostic['severity'], message: string, offset: number): void => {
    diagnostics.push({ code, severity, message, ...where(offset) });
  };

  let i = 0;
  let value = '';
  let start = -1;
  let quoted = false;
  let expands = false;
  let rawDigits = true; // the word so far is unquoted digits (an IO_NUMBER candidate)
  const expansionSeen = new Set<string>();
  const expansion = (kind: string, text: string, offset: number): void => {
    expands = true;
    if (expansionSeen.has(kind)) return;
    expansionSeen.add(kind);
    note(
      'shell-expansion',
      'warning',
      `${text} is kept as written; a shell would ${kind === 'glob' ? 'expand it to matching file names' : 'replace it before the command runs'}.`,
      offset,
    );
  };
  const begin = (): void => {
    if (start < 0) {
      start = i;
      rawDigits = true;
    }
  };
  let pendingRedirect: { op: string; offset: number } | null = null;
  const redirectWithoutTarget = (r: { op: string; offset: number }): ShellWordsResult => ({
    ok: false,
    issues: [{ code: 'shell-redirection-target', message: `syntax error: redirection ${JSON.stringify(r.op)} without a target`, ...where(r.offset) }],
    diagnostics,
  });
  const flush = (): void => {
    if (start < 0) return;
    if (pendingRedirect !== null) pendingRedirect = null;
    else words.push({ value, ...where(start), offset: start, quoted, expands });
    value = '';
    start = -1;
    quoted = false;
    expands = false;
  };
  // Copies a `$(…)`, `${…}` or backtick span verbatim; returns the index after it or -1 if unterminated.
  const scanSpan = (from: number): number => {
    const c = line[from];
    if (c === '`') {
      let k = from + 1;
      while (k < n && line[k] !== '`') k += line[k] === '\\' ? 2 : 1;
      return k < n ? k + 1 : -1;
    }
    const open = line[from + 1] as string; // '(' or '{'
    const close = open === '(' ? ')' : '}';
    let depth = 0;
    let k = from + 1;
    let quote = '';
    while (k < n) {
      const d = line[k] as string;
      if (quote === "'") {
        if (d === "'") quote = '';
      } else if (d === '\\') {
        k++;
      } else if (quote === '"') {
        if (d === '"') quote = '';
      } else if (d === "'" || d === '"') {
        quote = d;
      } else if (d === open) {
        depth++;
      } else if (d === close) {
        depth--;
        if (depth === 0) return k + 1;
      }
      k++;
    }
    return -1;
  };
  // Handles `$` at index i (unquoted or in double quotes); appends text and advances i.
  const dollar = (): boolean => {
    const next = line[i + 1];
    if (next === '(' || next === '{') {
      const end = scanSpan(i);
      if (end < 0) return false;
      const text = line.slice(i, end);
      expansion(next === '(' ? (line[i + 2] === '(' ? 'arith' : 'command') : 'param', text.length > 40 ? `${text.slice(0, 37)}...` : text, i);
      value += text;
      i = end;
      return true;
    }
    if (next !== undefined && /[A-Za-z0-9_@*#?$!-]/.test(next)) {
      let k = i + 1;
      if (/[A-Za-z_]/.test(next)) while (k < n && /[A-Za-z0-9_]/.test(line[k] as string)) k++;
      else k++;
      const text = line.slice(i, k);
      expansion('param', text, i);
      value += text;
      i = k;
      return true;
    }
    if (next === "'") expansion('ansi-c', "$'…'", i);
    value += '$';
    i++;
    return true;
  };
  const unterminated = (what: string, offset: number): ShellWordsResult => ({
    ok: false,
    issues: [{ code: 'shell-unterminated', message: `unexpected end of line: unterminated ${what}`, ...where(offset) }],
    diagnostics,
  });

  while (i < n) {
    const c = line[i] as string;
    if (c === '\\') {
      if (line[i + 1] === '\n') {
        i += 2; // line continuation
        continue;
      }
      begin();
      quoted = true;
      rawDigits = false;
      value += i + 1 < n ? line[i + 1] : '\\'; // a backslash at the very end stays literal (dash, bash)
      i += 2;
      continue;
    }
    if (c === "'") {
      begin();
      quoted = true;
      rawDigits = false;
      const end = line.indexOf("'", i + 1);
      if (end < 0) return unterminated('single quote', i);
      value += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      begin();
      quoted = true;
      rawDigits = false;
      const open = i;
      i++;
      for (;;) {
        if (i >= n) return unterminated('double quote', open);
        const d = line[i] as string;
        if (d === '"') {
          i++;
          break;
        }
        if (d === '\\') {
          const e = line[i + 1];
          if (e === '\n') i += 2;
          else if (e === '$' || e === '`' || e === '"' || e === '\\') {
            value += e;
            i += 2;
          } else {
            value += '\\';
            i++;
          }
        } else if (d === '$') {
          if (!dollar()) return unterminated('$( or ${', i);
        } else if (d === '`') {
          const end = scanSpan(i);
          if (end < 0) return unterminated('backquote', i);
          expansion('command', line.slice(i, end), i);
          value += line.slice(i, end);
          i = end;
        } else {
          value += d;
          i++;
        }
      }
      continue;
    }
    if (c === '$') {
      begin();
      rawDigits = false;
      if (!dollar()) return unterminated('$( or ${', i);
      continue;
    }
    if (c === '`') {
      begin();
      rawDigits = false;
      const end = scanSpan(i);
      if (end < 0) return unterminated('backquote', i);
      expansion('command', line.slice(i, end), i);
      value += line.slice(i, end);
      i = end;
      continue;
    }
    if (isBlank(c)) {
      flush();
      i++;
      continue;
    }
    if (c === '#' && start < 0) {
      const nl = line.indexOf('\n', i);
      note('shell-comment', 'info', 'The rest of the line is a shell comment and is ignored.', i);
      if (nl < 0) break;
      i = nl;
      continue;
    }
    if (c === '<' || c === '>') {
      // A redirection is removed from the words; the word after it is its target. The command goes on.
      let opStart = i;
      if (start >= 0 && rawDigits && !quoted) {
        // `2>file`: the digits are the redirection's file descriptor, not a word.
        opStart = start;
        value = '';
        start = -1;
      }
      flush();
      const { op, end } = readOperator(line, i, REDIRECTIONS);
      i = end;
      if (pendingRedirect !== null) return redirectWithoutTarget(pendingRedirect);
      pendingRedirect = { op, offset: opStart };
      note(
        'shell-redirection',
        'warning',
        `The redirection ${JSON.stringify(op)} and its target are handled by the shell; they are not part of the docker command.`,
        opStart,
      );
      continue;
    }
    if (c === '\n' || OPERATOR_CHARS.includes(c)) {
      flush();
      if (pendingRedirect !== null) return redirectWithoutTarget(pendingRedirect);
      const rest = line.slice(i);
      if (c === '\n') {
        if (rest.trim() !== '') {
          note('shell-operator', 'warning', 'A newline ends the command; the following lines are other commands and were ignored.', i);
        }
      } else {
        const { op } = readOperator(line, i, CONTROL_OPERATORS);
        note('shell-operator', 'warning', `The shell operator ${JSON.stringify(op)} ends the command; everything from it on was ignored.`, i);
      }
      return { ok: true, words, rest, diagnostics };
    }
    begin();
    if (c < '0' || c > '9') rawDigits = false;
    if (c === '*' || c === '?' || c === '[') expansion('glob', `${c} (a glob pattern)`, i);
    if (c === '~' && start === i) expansion('tilde', '~', i);
    value += c;
    i++;
  }
  flush();
  if (pendingRedirect !== null) return redirectWithoutTarget(pendingRedirect);
  return { ok: true, words, rest: '', diagnostics };
}

/** Quotes one argv element so a POSIX shell reads it back unchanged. */
export function quoteShellArg(word: string): string {
  expectType(word, 'string', 'word');
  return quoteShellWord(word);
}

/** Joins an argv into a POSIX command line that {@link splitShellWords} splits back into it (same as `formatArgv(argv, 'shell')`). */
export function quoteForShell(argv: readonly string[]): string {
  return formatArgv(argv, 'shell');
}
