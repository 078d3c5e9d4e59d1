/**
 * Decodes a JSON array of strings the way Go's `encoding/json` does when
 * BuildKit reads exec-form arguments. Built on `JSON.parse` (whose grammar Go's
 * scanner shares) plus the points where Go differs: nesting deeper than 10000
 * is a syntax error, broken UTF-16 decodes to U+FFFD, and a number beyond
 * float64 fails the decode. test/internal/go-json.test.ts checks it against an
 * independent character scanner (test/support/go-json-scanner.ts).
 */

/** Outcome of {@link decodeStringArray}. `end`: where the decoded value ends (after the array with `'ignore'`, else the text's length). */
export type StringArrayDecoding = { readonly kind: 'strings'; readonly values: string[]; readonly end: number } | { readonly kind: 'not-strings' } | { readonly kind: 'invalid' };

/** Go's `maxNestingDepth` in encoding/json. */
const MAX_DEPTH = 10000;

/** Present when the text may hold a surrogate, raw or escaped (a cheap over-approximation). */
const SURROGATE_HINT = /[\ud800-\udfff]|\\u[dD][89a-fA-F]/;

/**
 * Any escape (an escaped surrogate pair; a lone escaped surrogate, group 1; or
 * another escape, matched so a `\\` is not read as the start of `\u`), a raw
 * surrogate pair, or a lone raw surrogate (group 2).
 */
const SURROGATES = /\\(?:u[dD][89abAB][\dA-Fa-f]{2}\\u[dD][c-fC-F][\dA-Fa-f]{2}|(u[dD][89a-fA-F][\dA-Fa-f]{2})|[^])|[\ud800-\udbff][\udc00-\udfff]|([\ud800-\udfff])/g;

/**
 * Index after the array that opens `text` (which starts with `[`), or -1 when
 * it never closes or nests deeper than {@link MAX_DEPTH}. Exact on valid JSON;
 * `JSON.parse` rejects anything else.
 */
function arrayEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      while (++i < text.length && text.charCodeAt(i) !== 34) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return -1;
    } else if ((c === 93 || c === 125) && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Decodes `text`, which starts with `[`, as Go decodes it into `[]any`. With
 * `'reject'` (json.Unmarshal, BuildKit frontend ≥ 1.9) only JSON whitespace may
 * follow the array; with `'ignore'` (json.Decoder.Decode, older frontends) the
 * rest is not looked at.
 */
export function decodeStringArray(text: string, trailing: 'reject' | 'ignore'): StringArrayDecoding {
  let end = text.length;
  // Deeper than MAX_DEPTH takes more than MAX_DEPTH characters.
  if (trailing === 'ignore' || end > MAX_DEPTH) {
    const arrayEnds = arrayEnd(text);
    if (arrayEnds < 0) return { kind: 'invalid' };
    if (trailing === 'ignore') end = arrayEnds;
  }
  const json = text.slice(0, end);
  let values: unknown[];
  try {
    // Go decodes an escaped surrogate pair to one rune and every other surrogate to U+FFFD.
    values = JSON.parse(SURROGATE_HINT.test(json) ? json.replace(SURROGATES, (m, escaped, raw) => (escaped ? '\\uFFFD' : raw ? '\uFFFD' : m)) : json) as unknown[];
  } catch {
    return { kind: 'invalid' };
  }
  if (values.every((v): v is string => typeof v === 'string')) return { kind: 'strings', values, end };
  // Non-strings can hold numbers; one beyond float64 is a decode error in Go (strconv.ErrRange), not a type error.
  const overflow = json
    .replace(/\\[^]/g, '')
    .match(/"[^"]*"|[-\d][\d.eE+-]*/g)
    ?.some((t) => Math.abs(+t) === Infinity);
  return overflow ? { kind: 'invalid' } : { kind: 'not-strings' };
}
