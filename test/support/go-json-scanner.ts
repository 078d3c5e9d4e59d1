/**
 * TEST ORACLE — not shipped. An independent decoder of exec-form JSON arrays as
 * Go's `encoding/json` decodes them for BuildKit: a hand-written character
 * scanner. The whole value is validated first (RFC 8259 grammar, control
 * characters rejected in strings, nesting deeper than 10000 rejected), a number
 * beyond float64 fails the decode, then top-level elements must all be strings.
 * Iterative and linear: no recursion, no regular expressions.
 * test/internal/go-json.test.ts checks the shipped decoder (src/internal/go-json.ts,
 * built on `JSON.parse`) against it on generated text.
 *
 * It was the shipped decoder until evaluateDockerfile decoded each exec-form
 * array once; from then on the `JSON.parse`-based one, 2.2 KB smaller minified,
 * measured within noise of it on the Dockerfile benchmark.
 */

/** Outcome of {@link decodeStringArray}. */
export type StringArrayDecoding =
  { readonly kind: 'strings'; readonly values: string[] } | { readonly kind: 'not-strings' } | { readonly kind: 'invalid'; readonly offset: number };

/** Go's `maxNestingDepth` in encoding/json. */
const MAX_DEPTH = 10000;

const enum Ch {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Quote = 34,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Dot = 46,
  Slash = 47,
  Zero = 48,
  Nine = 57,
  Colon = 58,
  UpperE = 69,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  LowerE = 101,
  LBrace = 123,
  RBrace = 125,
}

function isWs(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab || c === Ch.Lf || c === Ch.Cr;
}

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

function hex4(text: string, at: number): number {
  if (at + 4 > text.length) return -1;
  let v = 0;
  for (let k = at; k < at + 4; k++) {
    const c = text.charCodeAt(k);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 65 && c <= 70) d = c - 55;
    else if (c >= 97 && c <= 102) d = c - 87;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}

/**
 * Scans the JSON string starting at `text[start] === '"'`. Returns the index
 * after the closing quote, or -1 when invalid. When `out` is given, the
 * decoded value is pushed to it (Go's replacement of broken surrogates with
 * U+FFFD included).
 */
function scanString(text: string, start: number, out: string[] | null): number {
  let i = start + 1;
  let chunkStart = i;
  let buf = '';
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === Ch.Quote) {
      if (out) out.push(buf + text.slice(chunkStart, i));
      return i + 1;
    }
    if (c < 0x20) return -1;
    if (c === Ch.Backslash) {
      if (out) buf += text.slice(chunkStart, i);
      const e = text.charCodeAt(i + 1);
      let decoded: string;
      switch (e) {
        case Ch.Quote:
          decoded = '"';
          break;
        case Ch.Backslash:
          decoded = '\\';
          break;
        case Ch.Slash:
          decoded = '/';
          break;
        case 98:
          decoded = '\b';
          break;
        case 102:
          decoded = '\f';
          break;
        case 110:
          decoded = '\n';
          break;
        case 114:
          decoded = '\r';
          break;
        case 116:
          decoded = '\t';
          break;
        case 117: {
          const u = hex4(text, i + 2);
          if (u < 0) return -1;
          i += 6;
          if (u >= 0xd800 && u < 0xe000) {
            // A high surrogate followed by an escaped low surrogate is one rune; anything else is U+FFFD.
            if (u < 0xdc00 && text.charCodeAt(i) === Ch.Backslash && text.charCodeAt(i + 1) === 117) {
              const low = hex4(text, i + 2);
              if (low >= 0xdc00 && low < 0xe000) {
                if (out) buf += String.fromCharCode(u, low);
                i += 6;
                chunkStart = i;
                continue;
              }
            }
            if (out) buf += '\uFFFD';
          } else if (out) {
            buf += String.fromCharCode(u);
          }
          chunkStart = i;
          continue;
        }
        default:
          return -1;
      }
      if (out) buf += decoded;
      i += 2;
      chunkStart = i;
      continue;
    }
    if (c >= 0xd800 && c < 0xe000) {
      // Raw surrogates: a well-formed pair is one character; a lone one is invalid UTF-8 in Go, decoded as U+FFFD.
      const next = text.charCodeAt(i + 1);
      if (c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
        i += 2;
        continue;
      }
      if (out) buf += text.slice(chunkStart, i) + '\uFFFD';
      i += 1;
      chunkStart = i;
      continue;
    }
    i++;
  }
  return -1;
}

function scanNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === Ch.Minus) i++;
  const first = text.charCodeAt(i);
  if (first === Ch.Zero) i++;
  else if (isDigit(first)) while (isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text.charCodeAt(i) === Ch.Dot) {
    i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === Ch.LowerE || e === Ch.UpperE) {
    i++;
    const s = text.charCodeAt(i);
    if (s === Ch.Plus || s === Ch.Minus) i++;
    if (!isDigit(text.charCodeAt(i))) return -1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

function scanLiteral(text: string, start: number): number {
  for (const word of ['true', 'false', 'null']) {
    if (text.startsWith(word, start)) return start + word.length;
  }
  return -1;
}

/**
 * Decodes `text` from `start` (which must point at `[`) as Go would decode it
 * into `[]any`. With `trailing: 'reject'` (json.Unmarshal) anything but JSON
 * whitespace after the value makes it invalid; with `'ignore'`
 * (json.Decoder.Decode, older BuildKit) the rest is not looked at.
 */
export function decodeStringArray(text: string, start: number, trailing: 'reject' | 'ignore'): StringArrayDecoding {
  const n = text.length;
  // Container stack as a string of '[' / '{'; depth = stack length.
  const stack: number[] = [];
  const values: string[] = [];
  let nonString = false;
  let i = start;
  let expectValue = true;
  const invalid = (offset: number): StringArrayDecoding => ({ kind: 'invalid', offset });

  for (;;) {
    if (expectValue) {
      while (i < n && isWs(text.charCodeAt(i))) i++;
      if (i >= n) return invalid(i);
      const c = text.charCodeAt(i);
      const topLevelElement = stack.length === 1;
      if (c === Ch.LBracket || c === Ch.LBrace) {
        if (topLevelElement) nonString = true;
        stack.push(c);
        if (stack.length > MAX_DEPTH) return invalid(i);
        i++;
        while (i < n && isWs(text.charCodeAt(i))) i++;
        const close = c === Ch.LBracket ? Ch.RBracket : Ch.RBrace;
        if (text.charCodeAt(i) === close) {
          stack.pop();
          i++;
          expectValue = false;
          if (stack.length === 0) break;
          continue;
        }
        if (c === Ch.LBrace) {
          i = readKey(text, i);
          if (i < 0) return invalid(n);
        }
        continue;
      }
      if (c === Ch.Quote) {
        i = scanString(text, i, topLevelElement ? values : null);
      } else if (c === Ch.Minus || isDigit(c)) {
        const from = i;
        i = scanNumber(text, i);
        // Go decodes numbers to float64; one that rounds to ±Inf is an error (strconv.ErrRange), not a non-string.
        if (i >= 0 && Math.abs(+text.slice(from, i)) === Infinity) return invalid(from);
        if (topLevelElement) nonString = true;
      } else {
        i = scanLiteral(text, i);
        if (topLevelElement) nonString = true;
      }
      if (i < 0) return invalid(n);
      if (stack.length === 0) break;
      expectValue = false;
      continue;
    }
    // After a value inside a container.
    while (i < n && isWs(text.charCodeAt(i))) i++;
    if (i >= n) return invalid(i);
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === Ch.Comma) {
      i++;
      if (top === Ch.LBrace) {
        while (i < n && isWs(text.charCodeAt(i))) i++;
        i = readKey(text, i);
        if (i < 0) return invalid(n);
      }
      expectValue = true;
      continue;
    }
    if ((top === Ch.LBracket && c === Ch.RBracket) || (top === Ch.LBrace && c === Ch.RBrace)) {
      stack.pop();
      i++;
      if (stack.length === 0) break;
      continue;
    }
    return invalid(i);
  }

  if (trailing === 'reject') {
    while (i < n && isWs(text.charCodeAt(i))) i++;
    if (i < n) return invalid(i);
  }
  return nonString ? { kind: 'not-strings' } : { kind: 'strings', values };
}

/** Reads `"key"` then `:`; returns the index after the colon or -1. */
function readKey(text: string, at: number): number {
  if (text.charCodeAt(at) !== Ch.Quote) return -1;
  let i = scanString(text, at, null);
  if (i < 0) return -1;
  while (i < text.length && isWs(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== Ch.Colon) return -1;
  return i + 1;
}
