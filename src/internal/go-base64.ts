/**
 * Go's `encoding/base64` `StdEncoding.Decode` (padded, not strict, `\r` and `\n` ignored) and Go's
 * view of bytes as a string, as the Kubernetes API server applies them to a Secret's `data` (a JSON
 * string decoded into `[]byte`). Read from golang/go src/encoding/base64/base64.go at 10a01cd6
 * (`decodeQuantum`, `Decode`).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = /* @__PURE__ */ (() => {
  const map = new Uint8Array(256).fill(0xff);
  for (let i = 0; i < ALPHABET.length; i++) map[ALPHABET.charCodeAt(i)] = i;
  return map;
})();
const PAD = 61; // '='

/** A decoded value, or Go's `CorruptInputError`: the byte offset in the (UTF-8) input. */
export type GoBase64Result = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly offset: number };

/** Go's message for a `CorruptInputError`. */
export function goBase64Error(offset: number): string {
  return `illegal base64 data at input byte ${offset}`;
}

/** The UTF-8 bytes of a string (lone surrogates as U+FFFD, as Go's conversion of a JSON string does). */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    let cp = ch.codePointAt(0) as number;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

function isNewline(b: number | undefined): boolean {
  return b === 10 || b === 13;
}

/**
 * Decodes base64 exactly as Go's `StdEncoding.Decode`: quanta of four characters, `\r`/`\n`
 * skipped anywhere, `=` padding required on the last quantum, nothing but newlines after it, and
 * (not strict) non-zero trailing bits accepted. An error carries Go's byte offset.
 */
export function decodeGoBase64(text: string): GoBase64Result {
  const src = utf8Bytes(text);
  const out: number[] = [];
  let si = 0;
  while (si < src.length) {
    const q = decodeQuantum(src, si, out);
    if (typeof q === 'object') return { ok: false, offset: q.error };
    si = q;
  }
  return { ok: true, bytes: Uint8Array.from(out) };
}

/** One quantum from `si`: the next position, or `{ error }` (Go's `decodeQuantum`). */
function decodeQuantum(src: Uint8Array, start: number, out: number[]): number | { error: number } {
  const digits: number[] = [];
  let si = start;
  let dlen = 4;
  for (let j = 0; j < 4; j++) {
    if (si === src.length) {
      if (j === 0) return si;
      return { error: si - j };
    }
    const b = src[si++] as number;
    const v = DECODE[b] as number;
    if (v !== 0xff) {
      digits[j] = v;
      continue;
    }
    if (isNewline(b)) {
      j--;
      continue;
    }
    if (b !== PAD || j < 2) return { error: si - 1 };
    if (j === 2) {
      while (si < src.length && isNewline(src[si])) si++;
      if (si === src.length) return { error: src.length };
      if (src[si] !== PAD) return { error: si - 1 };
      si++;
    }
    while (si < src.length && isNewline(src[si])) si++;
    if (si < src.length) return { error: si };
    dlen = j;
    break;
  }
  const val = ((digits[0] ?? 0) << 18) | ((digits[1] ?? 0) << 12) | ((digits[2] ?? 0) << 6) | (digits[3] ?? 0);
  const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
  for (let k = 0; k < dlen - 1; k++) out.push(bytes[k] as number);
  return si;
}

/** Bytes as text: `valid` false when they are not UTF-8 (each bad byte shown as U+FFFD, Go keeps the raw bytes). */
export function goString(bytes: Uint8Array): { readonly text: string; readonly valid: boolean } {
  let text = '';
  let valid = true;
  for (let i = 0; i < bytes.length;) {
    const n = utf8SequenceLength(bytes, i);
    if (n === 0) {
      text += '\uFFFD';
      valid = false;
      i++;
      continue;
    }
    let cp = n === 1 ? (bytes[i] as number) : (bytes[i] as number) & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) cp = (cp << 6) | ((bytes[i + k] as number) & 63);
    text += String.fromCodePoint(cp);
    i += n;
  }
  return { text, valid };
}

/** Length of the valid UTF-8 sequence at `i` (no overlongs, surrogates or code points past U+10FFFF); 0 when invalid. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] as number;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
