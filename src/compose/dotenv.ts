import { interpolateWith } from './interpolation.js';
import { expectType, isGoSpace, isReSpace } from '../internal/text.js';
import type { Diagnostic, Failure, Issue } from '../core/types.js';
import type { DiagnosticCode } from '../core/diagnostics.js';

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

/** One `.env` file (`ResolveComposeFileOptions.envFiles`): its text and, optionally, its name. */
export interface DotEnvFile {
  readonly text: string;
  readonly source?: string;
}

/** Result of {@link parseDotEnv}: the variables the file assigns. */
export type ParseDotEnvResult = { readonly ok: true; readonly values: Readonly<Record<string, string>>; readonly diagnostics: readonly Diagnostic[] } | Failure;

/** Result of {@link readDotEnvFiles} (the same shape as {@link ParseDotEnvResult}). */
export type ReadDotEnvFilesResult = ParseDotEnvResult;

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
  return new DotEnvParser(text, out, environment, source, diagnostics).parse();
}

/** compose-go's dotenv parser: one statement at a time, one method per part (key, bare value, quoted value). */
class DotEnvParser {
  private pos: number;
  private readonly src: { readonly source?: string };

  constructor(
    private readonly text: string,
    private readonly out: Map<string, string>,
    private readonly environment: Readonly<Record<string, string>>,
    source: string | undefined,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.src = source === undefined ? {} : { source };
  }

  /** Reads every statement; the first error ends the file. */
  parse(): Issue | undefined {
    while (this.nextStatement()) {
      const issue = this.statement();
      if (issue !== undefined) return issue;
    }
    return undefined;
  }

  /** Skips spaces, line breaks and whole-line `#` comments; `false` at the end of the file. */
  private nextStatement(): boolean {
    const { text } = this;
    for (;;) {
      while (this.pos < text.length && isGoSpace(text.charCodeAt(this.pos))) this.pos++;
      if (this.pos >= text.length) return false;
      if (text.charCodeAt(this.pos) !== 35) return true;
      const nl = text.indexOf('\n', this.pos);
      if (nl < 0) return false;
      this.pos = nl;
    }
  }

  /** One `[export] KEY=VALUE`, `KEY: VALUE` or bare `KEY` statement at `pos`. */
  private statement(): Issue | undefined {
    const { text } = this;
    const n = text.length;
    const statement = this.pos;
    const s = this.afterExport(statement);
    const found = this.keyEnd(s);
    if ('code' in found) return found;
    if (s >= n) return this.fail('dotenv-invalid-key', statement, () => 'zero length string');
    const { end, inherited } = found;
    // Without `=`, `:` or a line break before the end of the file, the key is empty and the text is its value.
    const key = end < 0 ? '' : trimRightGoSpace(text.slice(s, end));
    let v = end < 0 ? s : end + 1;
    while (v < n && isLineSpace(text.charCodeAt(v))) v++;
    if (key.includes(' ')) return this.fail('dotenv-invalid-key', statement, (line) => `line ${line}: key cannot contain a space`);
    if (end < 0) {
      this.diagnostics.push({
        code: 'dotenv-no-key',
        severity: 'warning',
        ...locate(text, statement),
        ...this.src,
        message: `${JSON.stringify(text.slice(s).trimEnd())} on the last line has no "=" and no line break after it: compose reads it as the value of an empty name, not as a variable to take from the environment.`,
      });
    }
    if (inherited) {
      const value = this.get(key);
      if (value !== undefined) this.out.set(key, value);
      this.pos = v;
      return undefined;
    }
    const quote = text.charCodeAt(v);
    return quote === 34 || quote === 39 ? this.quotedValue(key, v, quote) : this.bareValue(key, v);
  }

  /** `export` followed by Go-regexp whitespace (line breaks included), then non-break spaces: skipped. */
  private afterExport(from: number): number {
    const { text } = this;
    let s = from;
    if (text.startsWith('export', s) && s + 6 < text.length && isReSpace(text.charCodeAt(s + 6))) {
      s += 6;
      while (s < text.length && isLineSpace(text.charCodeAt(s))) s++;
    }
    return s;
  }

  /**
   * Where the key starting at `s` ends: at `=`, `:` or a line break (`inherited`: `KEY` alone takes
   * its value from the environment), -1 at the end of the file; an issue for a character no key has.
   */
  private keyEnd(s: number): { end: number; inherited: boolean } | Issue {
    const { text } = this;
    for (let i = s; i < text.length;) {
      const cp = text.codePointAt(i) as number;
      if (cp === 61 || cp === 58 || cp === 10) return { end: i, inherited: cp === 10 };
      if (!isLineSpace(cp) && cp !== 95 && cp !== 46 && cp !== 45 && cp !== 91 && cp !== 93 && !isLetterOrNumber(cp)) {
        const nl = text.indexOf('\n', s);
        const first = text.slice(s, nl < 0 ? text.length : nl);
        return this.fail(
          'dotenv-invalid-key',
          i,
          (line) => `line ${line}: unexpected character ${JSON.stringify(String.fromCodePoint(cp))} in variable name ${JSON.stringify(first)}`,
        );
      }
      i += cp > 0xffff ? 2 : 1;
    }
    return { end: -1, inherited: false };
  }

  /** An unquoted value: up to the line break, cut at ` #`, right-trimmed, then interpolated. */
  private bareValue(key: string, v: number): Issue | undefined {
    const { text } = this;
    const nl = text.indexOf('\n', v);
    let raw = text.slice(v, nl < 0 ? text.length : nl);
    const comment = raw.indexOf(' #');
    if (comment >= 0) raw = raw.slice(0, comment);
    const value = this.expand(trimRightGoSpace(raw), v);
    if (typeof value !== 'string') return value;
    this.out.set(key, value);
    this.pos = nl < 0 ? text.length : nl + 1;
    return undefined;
  }

  /**
   * A quoted value (it may span lines): a backslash before the quote keeps the quote; before
   * anything else, both stay. Double-quoted values then get escapes and interpolation.
   */
  private quotedValue(key: string, v: number, quote: number): Issue | undefined {
    const { text } = this;
    let chars = '';
    let escaped = false;
    let close = -1;
    for (let i = v + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === quote) {
        if (!escaped) {
          close = i;
          break;
        }
      } else if (escaped) {
        chars += '\\';
      } else if (c === 92) {
        escaped = true;
        continue;
      }
      escaped = false;
      chars += text[i];
    }
    if (close < 0) {
      const nl = text.indexOf('\n', v);
      return this.fail('dotenv-unterminated-quote', v, (line) => `line ${line}: unterminated quoted value ${text.slice(v, nl < 0 ? text.length : nl)}`);
    }
    const value = quote === 34 ? this.expand(expandEscapes(chars), v) : chars;
    if (typeof value !== 'string') return value;
    this.out.set(key, value);
    this.pos = close + 1;
    return undefined;
  }

  /** `${VAR}` interpolation of a value; unset variables become blank with a warning. */
  private expand(value: string, offset: number): string | Issue {
    const r = interpolateWith(value, (name) => this.get(name));
    if (!r.ok) return this.fail('dotenv-interpolation-invalid', offset, (line) => `line ${line}: ${r.message}`);
    for (const name of r.unresolved) {
      this.diagnostics.push({
        code: 'compose-unresolved-variable',
        severity: 'warning',
        ...locate(this.text, offset),
        ...this.src,
        message: `The ${JSON.stringify(name)} variable is not set. Defaulting to a blank string.`,
      });
    }
    return r.value;
  }

  private get(name: string): string | undefined {
    return Object.hasOwn(this.environment, name) ? this.environment[name] : this.out.get(name);
  }

  private fail(code: DiagnosticCode, offset: number, message: (line: number) => string): Issue {
    const at = locate(this.text, offset);
    return { code, message: message(at.line), ...at, ...this.src };
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
export function parseDotEnv(text: string, options: ParseDotEnvOptions = {}): ParseDotEnvResult {
  expectType(text, 'string', 'text');
  expectType(options, 'object', 'options');
  return readDotEnvFiles(
    [{ text, ...(options.source !== undefined && { source: options.source }) }],
    options.environment === undefined ? {} : { environment: options.environment },
  );
}

/**
 * Reads `.env` files in order into one set of values, as `docker compose --env-file A --env-file B`:
 * a later file overrides an earlier one, and each file's `${VAR}` sees `environment` first, then
 * the values read so far. Values in `environment` still win over the result when interpolating.
 */
export function readDotEnvFiles(files: readonly DotEnvFile[], options: { readonly environment?: Readonly<Record<string, string>> } = {}): ReadDotEnvFilesResult {
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
