/** Text helpers that reproduce Go's string functions used by the engines. */

/** Go's `unicode.IsSpace` for a UTF-16 code unit (Latin-1 spaces and the White_Space property). */
export function isGoSpace(c: number): boolean {
  if (c <= 0xff) {
    return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  }
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Go regexp `\s` (ASCII: tab, newline, form feed, carriage return, space). */
export function isReSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** ASCII `A-Z` or `a-z`, by character code. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** ASCII `0-9`, by character code. */
export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Go's `strings.TrimSpace` (differs from `String.prototype.trim` on U+0085 and U+FEFF). */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** Go's `strings.TrimLeftFunc(s, unicode.IsSpace)`. */
export function goTrimLeftSpace(s: string): string {
  let start = 0;
  while (start < s.length && isGoSpace(s.charCodeAt(start))) start++;
  return start === 0 ? s : s.slice(start);
}

const GO_PRINTABLE = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;
const GO_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };

/** Go's `%q` of a string (strconv.Quote): backslash escapes for quotes, controls and non-printable characters. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (GO_ESCAPES[ch] !== undefined) out += GO_ESCAPES[ch];
    else if (GO_PRINTABLE.test(ch)) out += ch;
    else {
      const cp = ch.codePointAt(0) as number;
      out += cp < 0x80 ? `\\x${cp.toString(16).padStart(2, '0')}` : cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
    }
  }
  return `${out}"`;
}

/** What a TypeError says a value is: `null`, `array`, or its `typeof`. */
export function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** Throws the one programmer error the library raises: a value of the wrong JavaScript type. */
export function expectType(value: unknown, type: 'string' | 'number' | 'boolean' | 'object' | 'array' | 'function', name: string): void {
  const ok = type === 'array' ? Array.isArray(value) : type === 'object' ? typeof value === 'object' && value !== null : typeof value === type;
  if (!ok) {
    throw new TypeError(`${name} must be ${type === 'array' || type === 'object' ? 'an' : 'a'} ${type}, got ${typeName(value)}`);
  }
}

/** Checks that a value is an array of strings; throws a TypeError naming it otherwise. */
export function expectStringArray(value: unknown, name: string): void {
  expectType(value, 'array', name);
  const list = value as unknown[];
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'string') {
      throw new TypeError(`${name}[${i}] must be a string, got ${list[i] === null ? 'null' : typeof list[i]}`);
    }
  }
}
