import { interpolateWith } from './interpolation.js';
import { expectType, isGoSpace, isReSpace } from '../internal/text.js';
import type { Diagnostic, Failure, Issue } from '../core/types.js';

/**
 * Reads `.env` files as docker compose does for `${VAR}` interpolation (compose-go `dotenv`
 * package, v2.13.0: parser.go, godotenv.go, env.go). See docs/semantics.md §3, ".env files".
 */

/** Options of {@link parseDotEnv}. */
export interface ParseDotEnvOptions {
  /** Variables looked up before the file's own (compose: the OS environment). Default: none. */
  readonly environment?: Readonly<Record<string, string>>;
  /** File name for issues and diagnostics. */
  readonly source?: string;
}

/** One `.env` file for {@link readDotEnvFiles}: its text and, optionally, its name. */
export interface DotEnvFile {
  readonly text: string;
  readonly source?: string;
}

/** Result of {@link parseDotEnv} and {@link readDotEnvFiles}. */
export type DotEnvResult =
  | { readonly ok: true; readonly values: Readonly<Record<string, string>>; readonly diagnostics: readonly Diagnostic[] }
  | Failure;

/** compose-go `isSpace`: a space that is not a line break. */
function isLineSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 0x85 || c === 0xa0;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Go `unicode.IsLetter || unicode.IsNumber` for one code point. */
function isLetterOrNumber(cp: number): boolean {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return cp < 0xd800 || cp > 0xdfff ? LETTER_OR_NUMBER.test(String.fromCodePoint(cp)) : false;
}

function trimRightGoSpace(s: string): string {
  let end = s.length;
  while (end > 0 && isGoSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  $: '$$',
  '"': '"',
  '\\': '\\',
};

/**
 * Escapes in a double-quoted value (compose-go `expandEscapes`): `\a \b \f \n \r \t \v \\ \"`,
 * `\$` → `$$` (a literal `$` after interpolation), `\0` + three octal digits (at most 0377) → that
 * byte as a code point. Any other backslash (`\c`, `\x41`, `\01`) stays as written.
 */
function expandEscapes(s: string): string {
  let out = '';
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s[i] as string;
    if (c !== '\\' || i + 1 >= n) {
      out += c;
      continue;
    }
    const e = s[i + 1] as string;
    if (e === '0') {
      let j = i + 2;
      while (j < n && j < i + 5 && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
      const digits = s.slice(i + 2, j);
      const octal = digits.length === 3 && !/[89]/.test(digits) ? Number.parseInt(digits, 8) : 256;
      out += octal <= 255 ? String.fromCharCode(octal) : s.slice(i, j);
      i = j - 1;
    } else if (Object.hasOwn(SIMPLE_ESCAPES, e)) {
      out += SIMPLE_ESCAPES[e];
      i++;
    } else out += c;
  }
  return out;
}

/** 1-based line and column (UTF-16 units) of `offset`. */
function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Parses one file into `out`. Variables in values are read from `environment` first, then from
 * `out` (earlier keys, and earlier files when `out` is shared), as compose-go `GetEnvFromFile`.
 */
function parseInto(
  text: string,
  out: Map<string, string>,
  environment: Readonly<Record<string, string>>,
  source: string | undefined,
  diagnostics: Diagnostic[],
): Issue | undefined {
  const src = source === undefined ? {} : { source };
  const get = (name: string): string | undefined => (Object.hasOwn(environment, name) ? environment[name] : out.get(name));
  const fail = (code: string, offset: number, message: (line: number) => string): Issue => {
    const at = locate(text, offset);
    return { code, message: message(at.line), ...at, ...src };
  };
  const expand = (value: string, offset: number): string | Issue => {
    const r = interpolateWith(value, get);
    if (!r.ok) return fail('dotenv-interpolation-invalid', offset, (line) => `line ${line}: ${r.message}`);
    for (const name of r.unresolved) {
      diagnostics.push({ code: 'compose-unresolved-variable', severity: 'warning', ...locate(text, offset), ...src, message: `The ${JSON.stringify(name)} variable is not set. Defaulting to a blank string.` });
    }
    return r.value;
  };
  const n = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    // Statement start: skip spaces and line breaks, and whole-line `#` comments.
    while (pos < n && isGoSpace(text.charCodeAt(pos))) pos++;
    if (pos >= n) return undefined;
    if (text.charCodeAt(pos) === 35) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) return undefined;
      pos = nl;
      continue;
    }
    const statement = pos;
    let s = pos;
    // `export` followed by Go-regexp whitespace (line breaks included), then non-break spaces.
    if (text.startsWith('export', s) && s + 6 < n && isReSpace(text.charCodeAt(s + 6))) {
      s += 6;
      while (s < n && isLineSpace(text.charCodeAt(s))) s++;
    }
    let end = -1;
    let inherited = false;
    for (let i = s; i < n; ) {
      const cp = text.codePointAt(i) as number;
      if (cp === 61 || cp === 58 || cp === 10) {
        end = i;
        inherited = cp === 10;
        break;
      }
      if (!isLineSpace(cp) && cp !== 95 && cp !== 46 && cp !== 45 && cp !== 91 && cp !== 93 && !isLetterOrNumber(cp)) {
        const nl = text.indexOf('\n', s);
        const first = text.slice(s, nl < 0 ? n : nl);
        return fail('dotenv-invalid-key', i, (line) => `line ${line}: unexpected character ${JSON.stringify(String.fromCodePoint(cp))} in variable name ${JSON.stringify(first)}`);
      }
      i += cp > 0xffff ? 2 : 1;
    }
    if (s >= n) return fail('dotenv-invalid-key', statement, () => 'zero length string');
    // Without `=`, `:` or a line break before the end of the file, the key is empty and the text is its value.
    const key = end < 0 ? '' : trimRightGoSpace(text.slice(s, end));
    let v = end < 0 ? s : end + 1;
    while (v < n && isLineSpace(text.charCodeAt(v))) v++;
    if (key.includes(' ')) return fail('dotenv-invalid-key', statement, (line) => `line ${line}: key cannot contain a space`);
    if (end < 0) {
      diagnostics.push({ code: 'dotenv-no-key', severity: 'warning', ...locate(text, statement), ...src, message: `${JSON.stringify(text.slice(s).trimEnd())} on the last line has no "=" and no line break after it: compose reads it as the value of an empty name, not as a variable to take from the environment.` });
    }
    if (inherited) {
      const value = get(key);
      if (value !== undefined) out.set(key, value);
      pos = v;
      continue;
    }
    const quote = text.charCodeAt(v);
    if (quote !== 34 && quote !== 39) {
      const nl = text.indexOf('\n', v);
      let raw = text.slice(v, nl < 0 ? n : nl);
      const comment = raw.indexOf(' #');
      if (comment >= 0) raw = raw.slice(0, comment);
      const value = expand(trimRightGoSpace(raw), v);
      if (typeof value !== 'string') return value;
      out.set(key, value);
      pos = nl < 0 ? n : nl + 1;
      continue;
    }
    // Quoted: a backslash before the quote keeps the quote; before anything else, both stay.
    let chars = '';
    let escaped = false;
    let close = -1;
    for (let i = v + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === quote) {
        if (!escaped) {
          close = i;
          break;
        }
        escaped = false;
        chars += text[i];
      } else if (!escaped && c === 92) escaped = true;
      else {
        if (escaped) chars += '\\';
        escaped = false;
        chars += text[i];
      }
    }
    if (close < 0) {
      const nl = text.indexOf('\n', v);
      return fail('dotenv-unterminated-quote', v, (line) => `line ${line}: unterminated quoted value ${text.slice(v, nl < 0 ? n : nl)}`);
    }
    let value: string | Issue = chars;
    if (quote === 34) value = expand(expandEscapes(chars), v);
    if (typeof value !== 'string') return value;
    out.set(key, value);
    pos = close + 1;
  }
}

function toRecord(map: Map<string, string>): Record<string, string> {
  const record: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of map) record[k] = v;
  return record;
}

/**
 * Parses one `.env` file as compose-go does: `KEY=VALUE` or `KEY: VALUE`, optional `export `,
 * `#` comments, quoted values, `${VAR}` interpolation, and `KEY` alone (taken from `environment`).
 * Returns the file's own assignments.
 */
export function parseDotEnv(text: string, options: ParseDotEnvOptions = {}): DotEnvResult {
  expectType(text, 'string', 'text');
  expectType(options, 'object', 'options');
  return readDotEnvFiles([{ text, ...(options.source !== undefined && { source: options.source }) }], options.environment === undefined ? {} : { environment: options.environment });
}

/**
 * Reads `.env` files in order into one set of values, as `docker compose --env-file A --env-file B`:
 * a later file overrides an earlier one, and each file's `${VAR}` sees `environment` first, then
 * the values read so far. Values in `environment` still win over the result when interpolating.
 */
export function readDotEnvFiles(files: readonly DotEnvFile[], options: { readonly environment?: Readonly<Record<string, string>> } = {}): DotEnvResult {
  expectType(files, 'array', 'files');
  expectType(options, 'object', 'options');
  const environment = options.environment ?? {};
  expectType(environment, 'object', 'options.environment');
  const out = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const [i, file] of files.entries()) {
    expectType(file, 'object', `files[${i}]`);
    expectType(file.text, 'string', `files[${i}].text`);
    const issue = parseInto(file.text, out, environment, file.source, diagnostics);
    if (issue !== undefined) return { ok: false, issues: [issue], diagnostics };
  }
  return { ok: true, values: toRecord(out), diagnostics };
}
