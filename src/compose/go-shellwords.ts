import { expectType } from '../internal/text.js';

/**
 * Word splitting as mattn/go-shellwords `Parse` does it with ParseEnv and ParseBacktick off — the
 * splitter Compose uses for string `command`/`entrypoint` values and `compose run --entrypoint`.
 * It is not a shell: nothing is expanded, and the line is silently cut at the first unquoted
 * `;`, `&`, `|`, `<` or `>`. See docs/semantics.md §3, "go-shellwords".
 */

/** go-shellwords releases whose splitting differs. `'1.0.14'` (docker compose's pin) is the default. */
export type ShellwordsVersion = '1.0.12' | '1.0.13' | '1.0.14';

/** The error text go-shellwords returns for every syntax error. */
export const SHELLWORDS_ERROR = 'invalid command line string';

/** Result of {@link splitGoShellwords}. */
export type ShellwordsResult =
  | {
      readonly ok: true;
      readonly args: string[];
      /** The text after the stop character (including it), when parsing stopped early; `''` otherwise. */
      readonly dropped: string;
      /** Set when a `N>` redirect made the parser drop the word before it. */
      readonly droppedWord?: string;
    }
  | { readonly ok: false; readonly message: string; readonly offset: number };

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/**
 * Splits a command line into words exactly as go-shellwords does (see module doc).
 *
 * @param line - The string value.
 * @param version - go-shellwords release; from 1.0.13 `\t`/`\n` escapes become TAB/LF and a
 *   bare `)` is an error.
 */
export function splitGoShellwords(line: string, version: ShellwordsVersion = '1.0.14'): ShellwordsResult {
  expectType(line, 'string', 'line');
  return new GoShellwordsScanner(line, version !== '1.0.12').scan();
}

/** What a character does: joins the word, was consumed already, ends the parse, or is an error at `fail`. */
type Action = 'append' | 'consumed' | 'stop' | { readonly fail: number };

/** go-shellwords' `Parse` loop: its state flags as fields, one method per kind of character. */
class GoShellwordsScanner {
  private readonly args: string[] = [];
  private buf = '';
  // Whether buf ends with `$`, tracked on every append: asking the string (endsWith) flattens the
  // rope that `buf += ch` builds, which made a long word full of `$(` quadratic (fuzz seed 44).
  private bufEndsWithDollar = false;
  private escaped = false;
  private doubleQuoted = false;
  private singleQuoted = false;
  private backQuote = false;
  private dollarQuote = false;
  /** The current word exists (possibly empty, as `""`). */
  private got = false;
  private dropped = '';
  private droppedWord: string | undefined;

  /** `modern`: go-shellwords ≥ 1.0.13 (`\t`/`\n` escapes, a bare `)` is an error). */
  constructor(
    private readonly line: string,
    private readonly modern: boolean,
  ) {}

  scan(): ShellwordsResult {
    const { line } = this;
    for (let i = 0; i < line.length;) {
      const cp = line.codePointAt(i) as number;
      const ch = cp > 0xffff ? line.slice(i, i + 2) : (line[i] as string);
      const action = this.step(cp, ch, i);
      i += ch.length;
      if (action === 'stop') break;
      if (action === 'append') this.append(ch, cp);
      else if (action !== 'consumed') return this.fail(action.fail);
    }
    return this.finish();
  }

  private step(cp: number, ch: string, at: number): Action {
    if (this.escaped) return this.escapedChar(cp, ch);
    if (cp === 92) return this.backslash(ch);
    if (isSpace(cp)) return this.space(ch);
    switch (cp) {
      case 96: // `
        if (!this.singleQuoted && !this.doubleQuoted && !this.dollarQuote) this.backQuote = !this.backQuote;
        return 'append';
      case 41: // )
        return this.closeParen(ch, at);
      case 40: // (
        return this.openParen(at);
      case 34: // "
        return this.doubleQuote();
      case 39: // '
        return this.singleQuote();
      case 59:
      case 38:
      case 124:
      case 60:
      case 62: // ; & | < >
        return this.stopChar(cp, at);
      default:
        return 'append';
    }
  }

  private append(ch: string, cp: number): void {
    this.got = true;
    this.buf += ch;
    this.bufEndsWithDollar = cp === 36;
  }

  /** The character after `\`: taken literally (from 1.0.13 `\t` and `\n` are TAB and LF). */
  private escapedChar(cp: number, ch: string): Action {
    this.buf += this.modern && cp === 116 ? '\t' : this.modern && cp === 110 ? '\n' : ch;
    this.bufEndsWithDollar = cp === 36;
    this.escaped = false;
    this.got = true;
    return 'consumed';
  }

  /** `\`: literal inside single quotes, else escapes the next character. */
  private backslash(ch: string): Action {
    if (this.singleQuoted) {
      this.buf += ch;
      this.bufEndsWithDollar = false;
    } else this.escaped = true;
    return 'consumed';
  }

  /** Space, tab, CR or LF: part of a quoted word, else ends the word. */
  private space(ch: string): Action {
    if (this.singleQuoted || this.doubleQuoted || this.backQuote || this.dollarQuote) this.buf += ch;
    else if (this.got) {
      this.args.push(this.buf);
      this.buf = '';
      this.got = false;
    }
    this.bufEndsWithDollar = false;
    return 'consumed';
  }

  /** `)`: closes `$(`; a bare one is an error from 1.0.13 and toggles `$(` state before. */
  private closeParen(ch: string, at: number): Action {
    if (this.singleQuoted || this.doubleQuoted || this.backQuote) return 'append';
    if (!this.modern) {
      this.dollarQuote = !this.dollarQuote;
      return 'append';
    }
    if (!this.dollarQuote) return { fail: at };
    this.buf += ch;
    this.bufEndsWithDollar = false;
    this.dollarQuote = false;
    this.got = true;
    return 'consumed';
  }

  /** `(`: opens `$(` right after a `$`; any other unquoted one is an error. */
  private openParen(at: number): Action {
    if (this.singleQuoted || this.doubleQuoted || this.backQuote) return 'append';
    if (this.dollarQuote || !this.bufEndsWithDollar) return { fail: at };
    this.dollarQuote = true;
    this.buf += '(';
    this.bufEndsWithDollar = false;
    return 'consumed';
  }

  private doubleQuote(): Action {
    if (this.singleQuoted || this.dollarQuote) return 'append';
    if (this.doubleQuoted) this.got = true;
    this.doubleQuoted = !this.doubleQuoted;
    return 'consumed';
  }

  private singleQuote(): Action {
    if (this.doubleQuoted || this.dollarQuote) return 'append';
    if (this.singleQuoted) this.got = true;
    this.singleQuoted = !this.singleQuoted;
    return 'consumed';
  }

  /** An unquoted `;`, `&`, `|`, `<` or `>` silently ends the parse; `N>` drops the digits' word. */
  private stopChar(cp: number, at: number): Action {
    if (this.singleQuoted || this.doubleQuoted || this.backQuote || this.dollarQuote) return 'append';
    if (cp === 62 && this.buf.length > 0) {
      const c0 = this.buf.charCodeAt(0);
      if (c0 >= 48 && c0 <= 57) {
        this.droppedWord = this.buf;
        this.got = false;
      }
    }
    this.dropped = this.line.slice(at);
    return 'stop';
  }

  private finish(): ShellwordsResult {
    if (this.got) this.args.push(this.buf);
    if (this.escaped || this.singleQuoted || this.doubleQuoted || this.backQuote || this.dollarQuote) return this.fail(this.line.length);
    const { args, dropped, droppedWord } = this;
    return droppedWord === undefined ? { ok: true, args, dropped } : { ok: true, args, dropped, droppedWord };
  }

  private fail(offset: number): ShellwordsResult {
    return { ok: false, message: SHELLWORDS_ERROR, offset };
  }
}
