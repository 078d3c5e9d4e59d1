import { isAsciiDigit, isAsciiLetter, isGoSpace, isReSpace } from './text.js';

/** A parser directive line (`# key=value`): the key lower-cased, the value trimmed. */
export interface DirectiveMatch {
  readonly key: string;
  readonly value: string;
}

/** `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` (the `#` prefix, then Go's rules), without a regex. */
export function matchDirective(s: string): DirectiveMatch | null {
  if (s.charCodeAt(0) !== 35) return null;
  let i = 1;
  while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
  const keyStart = i;
  if (i >= s.length || !isAsciiLetter(s.charCodeAt(i))) return null;
  i++;
  while (i < s.length && (isAsciiLetter(s.charCodeAt(i)) || isAsciiDigit(s.charCodeAt(i)))) i++;
  const key = s.slice(keyStart, i);
  while (i < s.length && isReSpace(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== 61) return null;
  i++;
  while (i < s.length && isReSpace(s.charCodeAt(i))) i++;
  let end = s.length;
  while (end > i && isReSpace(s.charCodeAt(end - 1))) end--;
  if (end <= i) return null;
  // `.` does not match a newline; lines never contain one.
  return { key: key.toLowerCase(), value: s.slice(i, end) };
}
