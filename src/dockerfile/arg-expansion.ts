/**
 * BuildKit's shell lexer (`frontend/dockerfile/shell/lex.go`) as FROM and meta ARGs use it
 * (`ProcessWordWithMap`): quotes, the escape token, `$NAME`, `${NAME}` and the `${NAME<op>word}`
 * forms of the Dockerfile frontend release, with its exact errors. Iterative: nested `${…}` words
 * and double quotes are frames of an explicit stack.
 */

import { goQuote, isReSpace } from '../internal/text.js';

/** ARG values in scope; a name not in the map is unset. */
export type ArgValues = Map<string, string>;

/** One expanded word: the value, or the engine's error (`failed to process "…": …`) and an empty value. */
export interface Expansion {
  readonly value: string;
  readonly error?: string;
}

/** A word being read: the whole text (`stop` -1), a `${…}` word (`stop` `}` or `/`) or a double-quoted part (`stop` `"`). */
interface Frame {
  stop: number;
  out: string;
  /** `${name…}` frames: the variable, the modifier as written (`:-`, `%`, `/`), whether escapes stay in the word. */
  name: string;
  op: string;
  raw: boolean;
  /** `/` frames: the pattern once read. */
  pattern?: string;
}

const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;

/**
 * Expands one word as BuildKit's lexer does in Dockerfile frontend 1.`frontend` (`< 6`: only `${N:-w}`,
 * `${N:+w}`, `${N:?w}` and `${N?w}`; 6: `-`, `+`, `?` without the colon too; 7: `#`, `##`, `%`, `%%` and
 * `/`, `//` with `*`/`?` patterns; 10: `${N:#…}`/`${N:%…}` refused). Special parameters and positional
 * parameters are names that are never set; letters and digits of any script make a name. `frontend` 0: buildah's
 * lexer (see `processWord`).
 *
 * @example
 * expandWord('img:${T:-1}', new Map(), '\\', 2) // { value: 'img:1' }
 */
export function expandWord(text: string, vars: ArgValues, escapeToken: string, frontend: number): Expansion {
  if (frontend === 0) return processWord(text, vars);
  const esc = escapeToken.charCodeAt(0);
  const n = text.length;
  const stack: Frame[] = [{ stop: -1, out: '', name: '', op: '', raw: false }];
  let i = 0;
  const fail = (message: string): Expansion => {
    // Each `${…}` word that sees the end of the text reports its own missing delimiter (lex.go processDollar).
    for (let k = stack.length - 1; k > 0 && i >= n; k--) {
      const stop = (stack[k] as Frame).stop;
      if (stop === 125) message = "syntax error: missing '}'";
      else if (stop === 47) message = "syntax error: missing '/' in ${}";
    }
    return { value: '', error: `failed to process ${goQuote(text)}: ${message}` };
  };
  for (;;) {
    const f = stack[stack.length - 1] as Frame;
    if (i >= n) {
      if (f.stop === -1) return { value: f.out };
      return fail(
        f.stop === 34
          ? 'unexpected end of statement while looking for matching double-quote'
          : `unexpected end of statement while looking for matching ${String.fromCharCode(f.stop)}`,
      );
    }
    const c = text.charCodeAt(i);
    if (c === f.stop) {
      i++;
      stack.pop();
      const done = f.stop === 34 ? { value: f.out } : finish(f, vars, frontend);
      if (done === null) {
        // `${N/pattern/`: the replacement word follows.
        stack.push({ ...f, stop: 125, out: '', pattern: f.out });
        continue;
      }
      if (done.error !== undefined) return fail(done.error);
      (stack[stack.length - 1] as Frame).out += done.value;
      continue;
    }
    if (c === 36) {
      i++;
      if (text.charCodeAt(i) !== 123) {
        const end = nameEnd(text, i);
        f.out += end === i ? '$' : (vars.get(text.slice(i, end)) ?? '');
        i = end;
        continue;
      }
      i++;
      if (i >= n) return fail("syntax error: missing '}'");
      const d = text.charCodeAt(i);
      if (d === 123 || d === 125 || d === 58) return fail('syntax error: bad substitution');
      const end = nameEnd(text, i);
      const name = text.slice(i, end);
      i = end;
      const op = opAt(text, i, frontend);
      if (op === '' || op === '!') {
        // Any other character after the name (or the end of the text, U+FFFD) is consumed with it.
        const ch = op === '' ? '\ufffd' : String.fromCodePoint(text.codePointAt(i) as number);
        i += op.length * ch.length;
        return fail(frontend < 6 ? "missing ':' in substitution" : `unsupported modifier (${ch}) in substitution`);
      }
      i += op.length;
      if (op === '}') f.out += vars.get(name) ?? '';
      else {
        const m = op[op.length - 1] as string;
        const raw = frontend >= 7 && (m === '#' || m === '%' || m === '/');
        if (raw && op[0] === ':' && frontend >= 10) return fail(`unsupported modifier (${op}) in substitution`);
        stack.push({ stop: op[0] === '/' ? 47 : 125, out: '', name, op, raw });
      }
      continue;
    }
    if (f.stop === 34) {
      i++;
      if (c === esc) {
        if (i >= n) continue;
        const d = text.charCodeAt(i);
        if (d === 34 || d === 36 || d === esc) {
          f.out += text[i++];
          continue;
        }
      }
      f.out += text[i - 1];
      continue;
    }
    if (c === 39) {
      const close = text.indexOf("'", i + 1);
      if (close < 0) {
        i = n;
        return fail('unexpected end of statement while looking for matching single-quote');
      }
      f.out += text.slice(i + 1, close);
      i = close + 1;
    } else if (c === 34) {
      i++;
      stack.push({ stop: 34, out: '', name: '', op: '', raw: false });
    } else {
      i++;
      if (c === esc) {
        if (i >= n) continue;
        if (f.raw) f.out += text[i - 1];
        const w = (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
        f.out += text.slice(i, i + w);
        i += w;
      } else f.out += text[i - 1];
    }
  }
}

/**
 * imagebuilder's own lexer (shell_parser.go `ProcessWord`, as vendored by buildah 1.28): the escape is always a
 * backslash, `$` + a non-name is literal (`$$`, `$@`), a name is one digit or letters, digits and `_`; only
 * `${N}`, `${N:-w}` and `${N:+w}` (`${}` is the empty name); errors name the whole word and are syntax errors only.
 */
function processWord(text: string, vars: ArgValues): Expansion {
  const cps = [...text];
  let i = 0;
  const err = (message: string): Expansion => ({ value: '', error: message });
  const name = (): string => {
    let out = '';
    while (i < cps.length) {
      const ch = cps[i] as string;
      if (out === '' && DIGIT.test(ch)) return cps[i++] as string;
      if (!(ch === '_' || LETTER.test(ch) || DIGIT.test(ch))) break;
      out += cps[i++];
    }
    return out;
  };
  // processStopOn: the text up to `stop` ('' = the end).
  const word = (stop: string): Expansion => {
    let out = '';
    while (i < cps.length) {
      const ch = cps[i] as string;
      if (ch === stop) {
        i++;
        return { value: out };
      }
      if (ch === "'") {
        const close = cps.indexOf("'", i + 1);
        if (close < 0) return err('unexpected end of statement while looking for matching single-quote');
        out += cps.slice(i + 1, close).join('');
        i = close + 1;
      } else if (ch === '"') {
        for (i++; cps[i] !== '"';) {
          if (i >= cps.length) return err('unexpected end of statement while looking for matching double-quote');
          if (cps[i] === '$') {
            const x = dollar();
            if (x.error !== undefined) return x;
            out += x.value;
          } else {
            if (cps[i] === '\\' && i + 1 < cps.length && '"$\\'.includes(cps[i + 1] as string)) i++;
            out += cps[i++];
          }
        }
        i++;
      } else if (ch === '$') {
        const x = dollar();
        if (x.error !== undefined) return x;
        out += x.value;
      } else {
        i++;
        if (ch === '\\') {
          if (i >= cps.length) break;
          out += cps[i++];
        } else out += ch;
      }
    }
    return stop === '' ? { value: out } : err(`unexpected end of statement while looking for matching ${stop}`);
  };
  const dollar = (): Expansion => {
    i++;
    if (cps[i] !== '{') {
      const n = name();
      return { value: n === '' ? '$' : (vars.get(n) ?? '') };
    }
    i++;
    const n = name();
    if (cps[i] === '}') {
      i++;
      return { value: vars.get(n) ?? '' };
    }
    if (cps[i] !== ':') return err(`Missing ':' in substitution: ${text}`);
    const modifier = cps[i + 1] ?? '';
    i += 2;
    const w = word('}');
    if (w.error !== undefined) return w;
    const v = vars.get(n) ?? '';
    if (modifier === '+') return { value: v === '' ? '' : w.value };
    if (modifier === '-') return { value: v === '' ? w.value : v };
    return err(`Unsupported modifier (${modifier}) in substitution: ${text}`);
  };
  return word('');
}

/** The end of the name at `i` (lex.go processName): digits (a positional parameter), one special parameter, or letters, digits and `_`. */
function nameEnd(text: string, i: number): number {
  const first = text.codePointAt(i);
  if (first === undefined) return i;
  const ch = String.fromCodePoint(first);
  if (DIGIT.test(ch)) {
    while (i < text.length && DIGIT.test(String.fromCodePoint(text.codePointAt(i) as number))) i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
    return i;
  }
  if ('@*#?-$!0'.includes(ch)) return i + 1;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    const s = String.fromCodePoint(cp);
    if (!(cp === 95 || LETTER.test(s) || DIGIT.test(s))) break;
    i += s.length;
  }
  return i;
}

/** The modifier after `${name` at `i`: `}`, `:` and the next character, one the release knows (`?`, `#`, `//`…), `''` at the end, or `!` for any other. */
function opAt(text: string, i: number, frontend: number): string {
  const c = text[i];
  if (c === undefined || c === '}' || c === '?') return c ?? '';
  // The colon takes the next character whatever it is; the word is read before an unknown one is refused.
  if (c === ':') return text[i + 1] === undefined ? c : c + text[i + 1];
  if (frontend >= 6 && (c === '-' || c === '+')) return c;
  if (frontend >= 7 && (c === '#' || c === '%')) return c;
  if (frontend >= 7 && c === '/') return text[i + 1] === '/' ? '//' : '/';
  return '!';
}

/** The value of a finished `${name<op>word}`; null when a `/` pattern is read and its replacement follows. */
function finish(f: Frame, vars: ArgValues, frontend: number): Expansion | null {
  if (f.op[0] === '/' && f.pattern === undefined) return null;
  const word = f.out;
  const value = vars.get(f.name);
  const v = value ?? '';
  const colon = f.op[0] === ':';
  const op = colon ? f.op.slice(1) : f.op;
  const empty = value === undefined || (colon && v === '');
  // With a colon: `-`, `+`, `?` (and `#`, `%` from 1.7); before 1.6 the error shows the character alone.
  if (colon && !(op === '-' || op === '+' || op === '?' || (frontend >= 7 && (op === '#' || op === '%')))) {
    return { value: '', error: `unsupported modifier (${frontend < 6 ? op : f.op}) in substitution` };
  }
  if (op === '-') return { value: empty ? word : v };
  if (op === '+') return { value: empty ? '' : word };
  if (op === '?') {
    if (value === undefined) return { value: '', error: `${f.name}: ${word || 'is not allowed to be unset'}` };
    return colon && v === '' ? { value: '', error: `${f.name}: ${word || 'is not allowed to be empty'}` } : { value: v };
  }
  if (op === '#' || op === '%') {
    const greedy = word[0] === op;
    return trim(v, greedy ? word.slice(1) : word, greedy, op === '%');
  }
  return replace(v, f.pattern as string, word, op === '//');
}

/** A shell pattern (`*`, `?`, backslash escapes) as a regular expression source (lex.go convertShellPatternToRegex). */
function patternSource(pattern: string, greedy: boolean): string | { error: string } {
  let out = '';
  const chars = [...pattern];
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k] as string;
    // Go's `.` does not match a newline.
    if (ch === '*') out += greedy ? '[^\\n]*' : '[^\\n]*?';
    else if (ch === '?') out += '[^\\n]';
    else if (ch === '\\') {
      const next = chars[k + 1];
      if (next === '}' || next === '/') continue;
      k++;
      if (next !== '*' && next !== '?' && next !== '\\') return { error: `invalid escape '\\${next ?? '\ufffd'}'` };
      out += `\\${next}`;
    } else out += ch.replace(/[[\]{}.+()|^$]/u, '\\$&');
  }
  return out;
}

/** `${N#p}`/`${N##p}` (prefix) and `${N%p}`/`${N%%p}` (suffix, matched on the reversed text). */
function trim(value: string, word: string, greedy: boolean, suffix: boolean): Expansion {
  let pattern = word;
  let subject = value;
  if (suffix) {
    pattern = reversePattern(pattern);
    subject = [...value].reverse().join('');
  }
  const source = patternSource(pattern, greedy);
  if (typeof source !== 'string') return { value: '', error: `invalid pattern (${pattern}) in substitution: ${source.error}` };
  const m = new RegExp(`^${source}`, 'u').exec(subject);
  const rest = m === null ? subject : subject.slice(m[0].length);
  return { value: suffix ? [...rest].reverse().join('') : rest };
}

/** A pattern reversed with each `\x` escape kept in order (lex.go reversePattern). */
function reversePattern(pattern: string): string {
  const chars = [...pattern];
  const out: string[] = [];
  for (let k = 0; k < chars.length; k++) {
    if (chars[k] === '\\' && k !== chars.length - 1) out.unshift('\\' + (chars[++k] as string));
    else out.unshift(chars[k] as string);
  }
  return out.join('');
}

/** `${N/p/r}` (first match) and `${N//p/r}` (every match), greedy and unanchored. */
function replace(value: string, pattern: string, replacement: string, all: boolean): Expansion {
  const source = patternSource(pattern, true);
  if (typeof source !== 'string') return { value: '', error: `invalid pattern (${pattern}) in substitution: ${source.error}` };
  const re = new RegExp(source, all ? 'gu' : 'u');
  return { value: value.replace(re, () => replacement) };
}

/**
 * Splits text into raw words at blanks outside quotes (`[\t\n\f\r ]`, and `\v` when `verticalTab`): single and double quotes
 * group, `escape` (a character code) escapes the next character outside quotes and inside double
 * quotes. Quotes and escapes are kept in the words.
 */
export function splitQuotedWords(text: string, escape: number, verticalTab: boolean): string[] {
  const words: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i), verticalTab)) i++;
    if (i >= n) break;
    const start = i;
    let quote = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        else if (c === escape && quote === 34) i++;
        i++;
        continue;
      }
      if (isBlank(c, verticalTab)) break;
      if (c === 39 || c === 34) quote = c;
      else if (c === escape) i++;
      i++;
    }
    words.push(text.slice(start, Math.min(i, n)));
  }
  return words;
}

/** Splits ARG text into `name[=value]` words (quotes group); values unexpanded, `undefined` for a bare name. */
export function parseArgWords(text: string, escapeToken: string): { key: string; value: string | undefined }[] {
  return splitQuotedWords(text, escapeToken.charCodeAt(0), true).map((word) => {
    const eq = word.indexOf('=');
    return eq < 0 ? { key: word, value: undefined } : { key: word.slice(0, eq), value: word.slice(eq + 1) };
  });
}

/** `[\t\n\f\r ]` (Go regexp `\s`), and `\v` when `verticalTab`. */
function isBlank(c: number, verticalTab: boolean): boolean {
  return isReSpace(c) || (verticalTab && c === 11);
}
