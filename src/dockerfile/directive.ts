import { isAsciiDigit, isAsciiLetter, isGoSpace, isReSpace } from '../internal/text.js';
import type { EngineProfile } from '../core/engine-profile.js';

/** A parser directive line (`# key=value`): the key lower-cased, the value trimmed. */
export interface DirectiveMatch {
  readonly key: string;
  readonly value: string;
}

/**
 * BuildKit's `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` (Go `\s` = `[\t\n\f\r ]`), without a regex.
 * `unicodeSpace` (frontend 1.21): any `unicode.IsSpace` between `#` and the key. A value of blanks
 * only is its last blank, as the regexp backtracks.
 */
export function matchDirective(s: string, unicodeSpace: boolean): DirectiveMatch | null {
  if (s.charCodeAt(0) !== 35) return null;
  let i = 1;
  while (i < s.length && (unicodeSpace ? isGoSpace : isReSpace)(s.charCodeAt(i))) i++;
  const keyStart = i;
  if (i >= s.length || !isAsciiLetter(s.charCodeAt(i))) return null;
  i++;
  while (i < s.length && (isAsciiLetter(s.charCodeAt(i)) || isAsciiDigit(s.charCodeAt(i)))) i++;
  const key = s.slice(keyStart, i);
  while (i < s.length && isReSpace(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== 61 || ++i >= s.length) return null;
  while (i < s.length - 1 && isReSpace(s.charCodeAt(i))) i++;
  let end = s.length;
  while (end > i + 1 && isReSpace(s.charCodeAt(end - 1))) end--;
  // `.` does not match a newline; lines never contain one.
  return { key: key.toLowerCase(), value: s.slice(i, end) };
}

/**
 * imagebuilder's `^#[ \t]*escape[ \t]*=[ \t]*(.).*$` on the lower-cased line (buildah): the value
 * is one character, the rest of the line is ignored.
 */
export function matchImagebuilderEscape(s: string): DirectiveMatch | null {
  // Go's `.` is one code point, and matches `\r`.
  const m = /^#[ \t]*escape[ \t]*=[ \t]*(.)/su.exec(s.toLowerCase());
  return m === null ? null : { key: 'escape', value: m[1] as string };
}

/** A directive the profile's parser knows: `escape`, `syntax`, and `check` where it is one (`profile.checkDirective`). */
export function isKnownDirective(key: string, profile: EngineProfile): key is 'escape' | 'syntax' | 'check' {
  return key === 'escape' || key === 'syntax' || (key === 'check' && profile.checkDirective);
}
