/**
 * Go's `strings.ToLower`/`strings.ToUpper`: each code point mapped on its own by Unicode's simple case
 * mapping (`unicode.ToLower`), never to several characters. JavaScript's case mapping uses the full
 * mappings (`İ` → `i̇`, `ß` → `SS`) and context (final sigma); a code point whose JavaScript mapping is
 * not one code point keeps Go's simple mapping: `İ` lowers to `i`, the others stay as they are.
 */

/** Go's `strings.ToLower`. */
export function goToLower(s: string): string {
  if (/^[\x20-\x7e]*$/u.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += [...l].length === 1 ? l : ch === '\u0130' ? 'i' : ch;
  }
  return out;
}

/** Go's `strings.ToUpper`. */
export function goToUpper(s: string): string {
  if (/^[\x20-\x7e]*$/u.test(s)) return s.toUpperCase();
  let out = '';
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += [...u].length === 1 ? u : ch;
  }
  return out;
}
