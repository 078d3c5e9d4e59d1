import { expectStringArray, expectType } from '../internal/text.js';

/** How {@link formatArgv} writes an argv. */
export type ArgvStyle = 'json' | 'shell' | 'plain';

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one word for a POSIX shell: unchanged when it has only safe
 * characters, otherwise single-quoted with `'` written as `'\''`.
 */
export function quoteShellWord(word: string): string {
  expectType(word, 'string', 'word');
  if (word !== '' && SAFE_WORD.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * Writes an argv as text.
 * - `'json'`: an exec-form array, `["a", "b"]` (parses back with `JSON.parse`).
 * - `'shell'`: POSIX-quoted words that a shell splits back into the same argv.
 * - `'plain'`: words joined by spaces, as documentation tables write them (ambiguous by design).
 *
 * @example
 * formatArgv(['/bin/sh', '-c', 'echo $HOME'], 'shell') // "/bin/sh -c 'echo $HOME'"
 */
export function formatArgv(argv: readonly string[], style: ArgvStyle = 'json'): string {
  expectStringArray(argv, 'argv');
  switch (style) {
    case 'json':
      return `[${argv.map((a) => JSON.stringify(a)).join(', ')}]`;
    case 'shell':
      return argv.map(quoteShellWord).join(' ');
    case 'plain':
      return argv.join(' ');
    default:
      throw new TypeError(`style must be 'json', 'shell' or 'plain', got ${String(style)}`);
  }
}
