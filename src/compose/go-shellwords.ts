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
  const modern = version !== '1.0.12';
  const args: string[] = [];
  let buf = '';
  // Whether buf ends with `$`, tracked on every append: asking the string (endsWith) flattens the
  // rope that `buf += ch` builds, which made a long word full of `$(` quadratic (fuzz seed 44).
  let bufEndsWithDollar = false;
  let escaped = false;
  let doubleQuoted = false;
  let singleQuoted = false;
  let backQuote = false;
  let dollarQuote = false;
  let got = false;
  let dropped = '';
  let droppedWord: string | undefined;
  const n = line.length;
  let i = 0;
  const fail = (offset: number): ShellwordsResult => ({ ok: false, message: SHELLWORDS_ERROR, offset });
  while (i < n) {
    const cp = line.codePointAt(i) as number;
    const ch = cp > 0xffff ? line.slice(i, i + 2) : line[i] as string;
    const at = i;
    i += ch.length;
    if (escaped) {
      buf += modern && cp === 116 ? '\t' : modern && cp === 110 ? '\n' : ch;
      bufEndsWithDollar = cp === 36;
      escaped = false;
      got = true;
      continue;
    }
    if (cp === 92) {
      if (singleQuoted) {
        buf += ch;
        bufEndsWithDollar = false;
      } else escaped = true;
      continue;
    }
    if (isSpace(cp)) {
      if (singleQuoted || doubleQuoted || backQuote || dollarQuote) buf += ch;
      else if (got) {
        args.push(buf);
        buf = '';
        got = false;
      }
      bufEndsWithDollar = false;
      continue;
    }
    switch (cp) {
      case 96: // `
        if (!singleQuoted && !doubleQuoted && !dollarQuote) backQuote = !backQuote;
        break;
      case 41: // )
        if (!singleQuoted && !doubleQuoted && !backQuote) {
          if (modern) {
            if (!dollarQuote) return fail(at);
            buf += ch;
            bufEndsWithDollar = false;
            dollarQuote = false;
            got = true;
            continue;
          }
          dollarQuote = !dollarQuote;
        }
        break;
      case 40: // (
        if (!singleQuoted && !doubleQuoted && !backQuote) {
          if (!dollarQuote && bufEndsWithDollar) {
            dollarQuote = true;
            buf += '(';
            bufEndsWithDollar = false;
            continue;
          }
          return fail(at);
        }
        break;
      case 34: // "
        if (!singleQuoted && !dollarQuote) {
          if (doubleQuoted) got = true;
          doubleQuoted = !doubleQuoted;
          continue;
        }
        break;
      case 39: // '
        if (!doubleQuoted && !dollarQuote) {
          if (singleQuoted) got = true;
          singleQuoted = !singleQuoted;
          continue;
        }
        break;
      case 59:
      case 38:
      case 124:
      case 60:
      case 62: // ; & | < >
        if (!(singleQuoted || doubleQuoted || backQuote || dollarQuote)) {
          if (cp === 62 && buf.length > 0) {
            const c0 = buf.charCodeAt(0);
            if (c0 >= 48 && c0 <= 57) {
              droppedWord = buf;
              got = false;
            }
          }
          dropped = line.slice(at);
          i = n + 1; // stop
        }
        break;
    }
    if (i > n) break;
    got = true;
    buf += ch;
    bufEndsWithDollar = cp === 36;
  }
  if (got) args.push(buf);
  if (escaped || singleQuoted || doubleQuoted || backQuote || dollarQuote) return fail(n);
  return droppedWord === undefined ? { ok: true, args, dropped } : { ok: true, args, dropped, droppedWord };
}
