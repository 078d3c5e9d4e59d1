import * as fc from 'fast-check';
import { argvArb, plainWordArb, wordArb } from './words.js';
import type { Command, ImageConfig } from '../core/types.js';

/** A Dockerfile command: exec form over {@link argvArb}, or shell form over one {@link wordArb}. */
export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  argvArb.map((args) => ({ form: 'exec' as const, args })),
  wordArb.map((script) => ({ form: 'shell' as const, script })),
);

const listArb = fc.option(argvArb, { nil: null });

/**
 * Image configs (`entrypoint`/`cmd`) including the cases engines tell apart: unset (`null`),
 * empty (`[]`), `[""]`, and a shell-wrapped entrypoint that reads `"$@"`.
 */
export const imageConfigArb: fc.Arbitrary<ImageConfig> = fc.record({
  entrypoint: fc.oneof(listArb, fc.constant(['']), fc.constant(['/bin/sh', '-c', 'echo "$@"'])),
  cmd: listArb,
});

/**
 * Image configs with every field that decides what runs or what a child image inherits: also
 * `shell`, `onBuild` triggers (CMD/ENTRYPOINT/SHELL instructions) and `os`/`argsEscaped`.
 */
export const fullImageConfigArb: fc.Arbitrary<ImageConfig> = fc.record(
  {
    entrypoint: fc.oneof(listArb, fc.constant([''])),
    cmd: listArb,
    shell: fc.option(fc.constantFrom(['/bin/sh', '-c'], ['/bin/bash', '-c'], ['cmd', '/S', '/C'], ['pwsh', '-Command']), { nil: null }),
    onBuild: fc.option(
      fc.array(
        fc.oneof(
          plainWordArb.map((w) => `CMD ["${w}"]`),
          plainWordArb.map((w) => `ENTRYPOINT app ${w}`),
          fc.constant('SHELL ["/bin/bash", "-c"]'),
        ),
        { maxLength: 2 },
      ),
      { nil: null },
    ),
    os: fc.constantFrom('linux' as const, 'windows' as const),
    argsEscaped: fc.boolean(),
  },
  { requiredKeys: ['entrypoint', 'cmd'] },
);
