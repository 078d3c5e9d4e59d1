import * as fc from 'fast-check';

/**
 * Strings that survive UTF-8 (no lone surrogates), with shell- and JSON-hostile characters
 * weighted in (quotes, backslashes, `$`, brackets, newlines). Shrinks towards `''` and `'a'`.
 */
export const wordArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '\\', '$', '[', ']', ',', '\n', '\t', '-', '#', '`', '*', '(', ';'), maxLength: 10 }),
  fc.constantFrom('', '-c', '/bin/sh', 'sh', '--', '$(X)', '$$', '""', "'"),
);

/** An argv of up to 6 {@link wordArb} words (may be empty). */
export const argvArb: fc.Arbitrary<string[]> = fc.array(wordArb, { maxLength: 6 });

/** Words a process can receive: {@link wordArb} without NUL. */
export const processWordArb: fc.Arbitrary<string> = wordArb.filter((w) => !w.includes('\0'));

/** Short printable words with no whitespace or quoting (`app`, `-v`, `/bin/x`): readable counterexamples. */
export const plainWordArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('a', 'b', 'app', 'x', '-v', '--flag', '/bin/app', 'run', '1'),
  fc.string({ unit: fc.constantFrom('a', 'b', 'x', '-', '/', '.', '_', '1'), minLength: 1, maxLength: 6 }),
);
