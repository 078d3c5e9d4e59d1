import fc from 'fast-check';
import type { Command, DockerRunOptions, ImageConfig } from '../../src/index.js';

/** Strings that survive UTF-8 (no lone surrogates), with shell/JSON-hostile characters weighted in. */
export const wordArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '\\', '$', '[', ']', ',', '\n', '\t', '-', '#', '`', '*', '(', ';'), maxLength: 10 }),
  fc.constantFrom('', '-c', '/bin/sh', 'sh', '--', '$(X)', '$$', '""', "'"),
);

export const argvArb = fc.array(wordArb, { maxLength: 6 });
/** Words without NUL (a process argument cannot hold one). */
export const processWordArb = wordArb.filter((w) => !w.includes('\0'));

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  argvArb.map((args) => ({ form: 'exec' as const, args })),
  wordArb.map((script) => ({ form: 'shell' as const, script })),
);

const listArb = fc.option(argvArb, { nil: null });

export const imageArb: fc.Arbitrary<ImageConfig> = fc.record({
  entrypoint: fc.oneof(listArb, fc.constant(['']), fc.constant(['/bin/sh', '-c', 'echo "$@"'])),
  cmd: listArb,
});

export const runArb: fc.Arbitrary<DockerRunOptions> = fc.record(
  { entrypoint: fc.oneof(wordArb, fc.constant('')), args: argvArb, init: fc.boolean() },
  { requiredKeys: [] },
);
