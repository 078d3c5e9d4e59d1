import { describe, expect, test } from 'vitest';
import { analyzeArgv, analyzeArgvInto, shellScriptIndex } from '../../src/core/argv-analysis.js';
import type { Diagnostic } from '../../src/index.js';

// Source: POSIX XCU sh, -c: "Read commands from the command_string operand. Set the value of special
// parameter 0 … from the value of the command_name operand and the positional parameters ($1, $2, and so
// on) in sequence from the remaining argument operands." bash, dash, zsh, ksh and busybox sh read
// combined options (`-ec`) the same way.
describe('shellScriptIndex', () => {
  test.for([
    [['sh', '-c', 'echo hi'], 2],
    [['/bin/sh', '-c'], 2],
    [['/bin/bash', '-ec', 'x'], 2],
    [['sh', '-xc', 'x', 'a'], 2],
    [['/usr/local/bin/zsh', '-c', 'x'], 2],
    [['dash', '-c', 'x'], 2],
    [['busybox', 'sh', '-c', 'x'], 3],
    [['/bin/busybox', 'ash', '-c', 'x'], 3],
    [['busybox', 'ls', '-c'], -1],
    [['python', '-c', 'x'], -1],
    [['fish', '-c', 'x'], -1],
    [['/opt/flash', '-c', 'x'], -1],
    [['sh', '--c', 'x'], -1],
    [['sh', '-C', 'x'], -1],
    [['sh', '-c1', 'x'], -1],
    [['sh', 'script.sh'], -1],
    [['sh'], -1],
    [[], -1],
  ] as const)('%j → %i', ([argv, index]) => {
    expect(shellScriptIndex(argv)).toBe(index);
  });
});

const codes = (d: readonly Diagnostic[]) => d.map((x) => `${x.code}:${x.severity}`);

// Source: docs/semantics.md R2.7/R3 ("What runs is not always what was meant"): words after the script are
// $0, $1…; a shell as PID 1 does not forward SIGTERM unless it execs (docker run --init reference).
describe('analyzeArgv', () => {
  test.for([
    { name: 'sh -c as PID 1', argv: ['sh', '-c', 'echo hi'], ep: 0, init: false, want: ['argv-shell-pid1:info'] },
    { name: 'the script execs', argv: ['sh', '-c', 'exec app'], ep: 0, init: false, want: [] },
    { name: 'an init process forwards signals', argv: ['sh', '-c', 'echo hi'], ep: 0, init: true, want: [] },
    { name: 'not a shell', argv: ['/app', '-c', 'x', 'y'], ep: 1, init: false, want: [] },
    {
      name: 'shell-form ENTRYPOINT + CMD words',
      argv: ['/bin/sh', '-c', 'app', 'serve'],
      ep: 3,
      init: false,
      want: ['argv-shell-entrypoint-args:warning', 'argv-shell-pid1:info'],
    },
    { name: 'shell-form ENTRYPOINT whose script reads $@', argv: ['/bin/sh', '-c', 'exec app "$@"', 'x', 'serve'], ep: 3, init: false, want: ['argv-shell-entrypoint-args:info'] },
    { name: 'exec-form sh -c with extra words', argv: ['sh', '-c', 'echo', 'hi'], ep: 4, init: true, want: ['argv-sh-c-extra-args:warning'] },
    { name: 'extra words from CMD after an exec-form sh -c ENTRYPOINT', argv: ['sh', '-c', 'echo', 'hi'], ep: 2, init: true, want: ['argv-sh-c-extra-args:warning'] },
    { name: 'busybox sh: script at index 3, so no PID-1 note', argv: ['busybox', 'sh', '-c', 'x', 'y'], ep: 0, init: false, want: ['argv-sh-c-extra-args:warning'] },
  ])('$name', ({ argv, ep, init, want }) => {
    expect(codes(analyzeArgv(argv, { entrypointLength: ep, init }))).toEqual(want);
    const into: Diagnostic[] = [];
    analyzeArgvInto(argv, ep, init, into);
    expect(codes(into)).toEqual(want);
  });

  test.for([
    [['sh', '-c', 'echo', 'hi'], '"hi" becomes $0'],
    [['sh', '-c', 'echo $1', 'a', 'b'], '"a" becomes $0 and is not part of "$@"'],
    [['sh', '-c', 'echo $0', 'a'], 'the script reads $0'],
    [['sh', '-c', 'echo ${0}', 'a'], 'the script reads $0'],
  ] as const)('%j: the message says %j', ([argv, says]) => {
    const d = analyzeArgv(argv, { entrypointLength: 0, init: true });
    expect(d[0]?.message).toContain(says);
  });

  test.for([
    [['a', 1], { entrypointLength: 0 }, 'argv[1] must be a string, got number'],
    [['a'], null, 'origin must be an object, got null'],
    [['a'], { entrypointLength: '1' }, 'origin.entrypointLength must be a number, got string'],
  ] as const)('%j %j: TypeError %j', ([argv, origin, message]) => {
    expect(() => analyzeArgv(argv as never, origin as never)).toThrow(new TypeError(message));
  });
});
