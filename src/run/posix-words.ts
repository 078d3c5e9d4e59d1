/**
 * POSIX shell word splitting for one command line (no expansion): quotes, backslashes, line
 * continuations and comments are applied; `$VAR`, `${…}`, `$(…)`, backticks, globs and `~` are
 * kept as written and reported, because their value depends on the shell that runs the line.
 * The first control operator (`;`, `&`, `&&`, `|`, `||`, `(`, `)`, newline) ends the command. A
 * redirection (`<`, `>`, `2>file`, anywhere in the command) is removed together with its target and the
 * words after it go on, as in dash and bash: `docker run img > out echo hi` gives `docker run img echo hi`.
 *
 * Rules: POSIX XCU 2.2 (quoting), 2.3 (token recognition), 2.10.1 (IO_NUMBER). Distinct from
 * compose's go-shellwords dialect (src/compose/go-shellwords.ts).
 */
import { expectType } from '../internal/text.js';
import type { Diagnostic, Issue } from '../core/types.js';
import type { DiagnosticCode } from '../core/diagnostics.js';

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

/** Offsets at which each line of `text` starts. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') starts.push(k + 1);
  return starts;
}

/** The index after the backquote that closes the one at `from` (backslash escapes skipped), or -1. */
function backquoteEnd(line: string, from: number): number {
  let k = from + 1;
  while (k < line.length && line[k] !== '`') k += line[k] === '\\' ? 2 : 1;
  return k < line.length ? k + 1 : -1;
}

/**
 * The index after the `)` or `}` that closes the `$(` or `${` at `from` (nesting, quotes and
 * backslashes followed, so the span is copied verbatim), or -1 when unterminated.
 */
function bracketEnd(line: string, from: number): number {
  const open = line[from + 1] as string;
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  let quote = '';
  for (let k = from + 1; k < line.length; k++) {
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
    } else if (d === close && --depth === 0) {
      return k + 1;
    }
  }
  return -1;
}

/** A scan step either goes on (`undefined`) or ends the scan with its result. */
type Step = ShellWordsResult | undefined;

/** A redirection operator waiting for its target word. */
interface PendingRedirect {
  readonly op: string;
  readonly offset: number;
}

/**
 * One pass over a command line (XCU 2.3 token recognition), one method per construct: quotes,
 * escapes, expansions, blanks, comments, redirections and control operators. The word being built
 * is the `value`/`start`/`quoted`/`expands`/`rawDigits` fields; `flush` ends it.
 */
class ShellWordScanner {
  private readonly words: ShellWord[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly lineStarts: readonly number[];
  private readonly expansionsNoted = new Set<string>();
  private i = 0;
  private value = '';
  /** Offset of the current word's first character; -1 between words. */
  private start = -1;
  private quoted = false;
  private expands = false;
  /** The word so far is unquoted digits (an IO_NUMBER candidate, XCU 2.10.1). */
  private rawDigits = true;
  private pendingRedirect: PendingRedirect | null = null;

  constructor(private readonly line: string) {
    this.lineStarts = lineStartsOf(line);
  }

  /** Splits the whole line, or up to the first control operator. */
  scan(): ShellWordsResult {
    while (this.i < this.line.length) {
      const stop = this.step(this.line[this.i] as string);
      if (stop !== undefined) return stop;
    }
    return this.finish('');
  }

  /** Dispatches on the character at the cursor. */
  private step(c: string): Step {
    if (c === '\\') return this.escape();
    if (c === "'") return this.singleQuoted();
    if (c === '"') return this.doubleQuoted();
    if (c === '$') return this.unquoted(() => this.dollar());
    if (c === '`') return this.unquoted(() => this.backquoted());
    if (isBlank(c)) return this.blank();
    if (c === '#' && this.start < 0) return this.comment();
    if (c === '<' || c === '>') return this.redirection();
    if (c === '\n' || OPERATOR_CHARS.includes(c)) return this.operator(c);
    return this.literal(c);
  }

  private advance(count: number): Step {
    this.i += count;
    return undefined;
  }

  // ---- words -------------------------------------------------------------------------------

  /** A blank ends the current word (XCU 2.3 rule 7). */
  private blank(): Step {
    this.flush();
    return this.advance(1);
  }

  /** Starts a word at the cursor unless one is under way. */
  private begin(): void {
    if (this.start < 0) {
      this.start = this.i;
      this.rawDigits = true;
    }
  }

  /** Starts (or continues) a word with a quoted part. */
  private beginQuoted(): void {
    this.begin();
    this.quoted = true;
    this.rawDigits = false;
  }

  /** Ends the current word: it becomes the pending redirection's target, or the next word. */
  private flush(): void {
    if (this.start < 0) return;
    if (this.pendingRedirect !== null) this.pendingRedirect = null;
    else this.words.push({ value: this.value, ...this.where(this.start), offset: this.start, quoted: this.quoted, expands: this.expands });
    this.value = '';
    this.start = -1;
    this.quoted = false;
    this.expands = false;
  }

  /** Ends the scan after the last word: `rest` is the text after the ending operator. */
  private finish(rest: string): ShellWordsResult {
    this.flush();
    const r = this.pendingRedirect;
    if (r !== null) {
      const issue: Issue = { code: 'run-line-redirection-target', message: `syntax error: redirection ${JSON.stringify(r.op)} without a target`, ...this.where(r.offset) };
      return { ok: false, issues: [issue], diagnostics: this.diagnostics };
    }
    return { ok: true, words: this.words, rest, diagnostics: this.diagnostics };
  }

  /** An unquoted character that is part of a word; globs and a leading `~` are noted. */
  private literal(c: string): Step {
    this.begin();
    if (c < '0' || c > '9') this.rawDigits = false;
    if (c === '*' || c === '?' || c === '[') this.expansion('glob', `${c} (a glob pattern)`, this.i);
    if (c === '~' && this.start === this.i) this.expansion('tilde', '~', this.i);
    this.value += c;
    return this.advance(1);
  }

  // ---- quoting (XCU 2.2) -------------------------------------------------------------------

  /** `\` outside quotes: line continuation, or the next character taken literally (2.2.1). */
  private escape(): Step {
    if (this.line[this.i + 1] === '\n') return this.advance(2);
    this.beginQuoted();
    // A backslash at the very end stays literal (dash, bash).
    this.value += this.i + 1 < this.line.length ? this.line[this.i + 1] : '\\';
    return this.advance(2);
  }

  /** `'…'`: everything up to the next `'` is literal (2.2.2). */
  private singleQuoted(): Step {
    this.beginQuoted();
    const end = this.line.indexOf("'", this.i + 1);
    if (end < 0) return this.unterminated('single quote', this.i);
    this.value += this.line.slice(this.i + 1, end);
    this.i = end + 1;
    return undefined;
  }

  /** `"…"`: `$` and backquote still expand; `\` escapes only `$`, backquote, `"`, `\` and newline (2.2.3). */
  private doubleQuoted(): Step {
    this.beginQuoted();
    const open = this.i;
    this.i++;
    for (;;) {
      if (this.i >= this.line.length) return this.unterminated('double quote', open);
      const d = this.line[this.i] as string;
      if (d === '"') return this.advance(1);
      const stop = d === '\\' ? this.escapeInDoubleQuotes() : d === '$' ? this.dollar() : d === '`' ? this.backquoted() : this.append(d);
      if (stop !== undefined) return stop;
    }
  }

  private escapeInDoubleQuotes(): Step {
    const e = this.line[this.i + 1];
    if (e === '\n') return this.advance(2);
    if (e === '$' || e === '`' || e === '"' || e === '\\') {
      this.value += e;
      return this.advance(2);
    }
    return this.append('\\');
  }

  private append(text: string): Step {
    this.value += text;
    return this.advance(text.length);
  }

  // ---- expansions (kept as written) --------------------------------------------------------

  /** An unquoted `$` or backquote: part of a word, never an IO_NUMBER. */
  private unquoted(expansion: () => Step): Step {
    this.begin();
    this.rawDigits = false;
    return expansion();
  }

  /** `$(…)`, `$((…))`, `${…}`, `$name`, `$1`, `$@`…, `$'…'` or a lone `$` at the cursor, copied verbatim. */
  private dollar(): Step {
    const { line, i } = this;
    const next = line[i + 1];
    if (next === '(' || next === '{') {
      const end = bracketEnd(line, i);
      if (end < 0) return this.unterminated('$( or ${', i);
      const text = line.slice(i, end);
      const kind = next === '(' ? (line[i + 2] === '(' ? 'arith' : 'command') : 'param';
      this.expansion(kind, text.length > 40 ? `${text.slice(0, 37)}...` : text, i);
      return this.append(text);
    }
    if (next !== undefined && /[A-Za-z0-9_@*#?$!-]/.test(next)) {
      let k = i + 1;
      if (/[A-Za-z_]/.test(next)) while (k < line.length && /[A-Za-z0-9_]/.test(line[k] as string)) k++;
      else k++;
      const text = line.slice(i, k);
      this.expansion('param', text, i);
      return this.append(text);
    }
    if (next === "'") this.expansion('ansi-c', "$'…'", i);
    return this.append('$');
  }

  /** `` `…` ``: command substitution, copied verbatim. */
  private backquoted(): Step {
    const end = backquoteEnd(this.line, this.i);
    if (end < 0) return this.unterminated('backquote', this.i);
    const text = this.line.slice(this.i, end);
    this.expansion('command', text, this.i);
    return this.append(text);
  }

  /** Marks the word as expanding and warns once per kind of expansion. */
  private expansion(kind: string, text: string, offset: number): void {
    this.expands = true;
    if (this.expansionsNoted.has(kind)) return;
    this.expansionsNoted.add(kind);
    const effect = kind === 'glob' ? 'expand it to matching file names' : 'replace it before the command runs';
    this.note('run-line-expansion', 'warning', `${text} is kept as written; a shell would ${effect}.`, offset);
  }

  // ---- comments, redirections, operators (XCU 2.3, 2.9.1, 2.10.1) ---------------------------

  /** `#` at the start of a word: the rest of the line is ignored (up to a newline). */
  private comment(): Step {
    const nl = this.line.indexOf('\n', this.i);
    this.note('run-line-comment', 'info', 'The rest of the line is a shell comment and is ignored.', this.i);
    this.i = nl < 0 ? this.line.length : nl;
    return undefined;
  }

  /** `<`, `>`, `2>`…: removed from the words with the word after it (its target); the command goes on. */
  private redirection(): Step {
    let opStart = this.i;
    if (this.start >= 0 && this.rawDigits && !this.quoted) {
      // `2>file`: the digits are the redirection's file descriptor, not a word.
      opStart = this.start;
      this.value = '';
      this.start = -1;
    }
    this.flush();
    const { op, end } = readOperator(this.line, this.i, REDIRECTIONS);
    this.i = end;
    if (this.pendingRedirect !== null) return this.finish('');
    this.pendingRedirect = { op, offset: opStart };
    this.note(
      'run-line-redirection',
      'warning',
      `The redirection ${JSON.stringify(op)} and its target are handled by the shell; they are not part of the docker command.`,
      opStart,
    );
    return undefined;
  }

  /** A newline or control operator ends the command; the rest of the line is returned as `rest`. */
  private operator(c: string): ShellWordsResult {
    this.flush();
    if (this.pendingRedirect !== null) return this.finish('');
    const rest = this.line.slice(this.i);
    if (c !== '\n') {
      const { op } = readOperator(this.line, this.i, CONTROL_OPERATORS);
      this.note('run-line-operator', 'warning', `The shell operator ${JSON.stringify(op)} ends the command; everything from it on was ignored.`, this.i);
    } else if (rest.trim() !== '') {
      this.note('run-line-operator', 'warning', 'A newline ends the command; the following lines are other commands and were ignored.', this.i);
    }
    return this.finish(rest);
  }

  // ---- positions and diagnostics -----------------------------------------------------------

  /** 1-based line and column of an offset. */
  private where(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] as number) + 1 };
  }

  private note(code: DiagnosticCode, severity: Diagnostic['severity'], message: string, offset: number): void {
    this.diagnostics.push({ code, severity, message, ...this.where(offset) });
  }

  private unterminated(what: string, offset: number): ShellWordsResult {
    const issue: Issue = { code: 'run-line-unterminated', message: `unexpected end of line: unterminated ${what}`, ...this.where(offset) };
    return { ok: false, issues: [issue], diagnostics: this.diagnostics };
  }
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
  return new ShellWordScanner(line).scan();
}
