import * as fc from 'fast-check';
import { quoteShellWord } from '../core/format-argv.js';
import { argvArb, plainWordArb, processWordArb, wordArb } from './words.js';
import type { DockerRunOverrides } from '../run/docker-run.js';
import type { Engine } from '../core/types.js';

/** `docker run` overrides: `--entrypoint` (including `''`), positional args, `--init`; each key optional. */
export const dockerRunOverridesArb: fc.Arbitrary<DockerRunOverrides> = fc.record(
  { entrypoint: fc.oneof(wordArb, fc.constant('')), args: argvArb, init: fc.boolean() },
  { requiredKeys: [] },
);

/** A generated `docker run`/`podman run` command line and the overrides it must parse to. */
export interface GeneratedRunLine {
  readonly engine: Engine;
  /** The command line as argv (`['docker', 'run', …]`). */
  readonly argv: readonly string[];
  /** The same command line as POSIX shell text (each word quoted only when it needs it). */
  readonly line: string;
  /** What decides the argv: `parseRunCommandLine(line).run` must equal this. */
  readonly run: { readonly entrypoint?: string; readonly args: readonly string[]; readonly init?: true };
}

/** Flags that do not decide the argv, as the CLI accepts them (one or two words each). */
const NEUTRAL_FLAGS: readonly (readonly string[])[] = [
  ['-d'],
  ['--rm'],
  ['-it'],
  ['-i', '-t'],
  ['-e', 'A=1'],
  ['--env=B=2'],
  ['--name', 'web'],
  ['-p', '8080:80'],
  ['-v', '/data:/data'],
  ['-w', '/app'],
  ['--user', '1000'],
];

type RunFlag =
  { readonly kind: 'neutral'; readonly words: readonly string[] } | { readonly kind: 'entrypoint'; readonly value: string; readonly joined: boolean } | { readonly kind: 'init' };

const flagArb: fc.Arbitrary<RunFlag> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NEUTRAL_FLAGS).map((words) => ({ kind: 'neutral' as const, words })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('entrypoint' as const), value: fc.oneof(plainWordArb, fc.constant(''), processWordArb), joined: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'init' as const }) },
);

/**
 * `docker run` (or `podman run`) command lines: argv-neutral flags, `--entrypoint X` /
 * `--entrypoint=X` (the last one wins), `--init`, an image, then arguments (which may look like
 * flags). Each value carries the overrides the line must parse to.
 */
export function runCommandLineArb(engine: Engine = 'docker'): fc.Arbitrary<GeneratedRunLine> {
  return fc.record({ flags: fc.array(flagArb, { maxLength: 4 }), args: fc.array(processWordArb, { maxLength: 4 }) }).map(({ flags, args }) => {
    const argv: string[] = [engine, 'run'];
    let entrypoint: string | undefined;
    let init = false;
    for (const f of flags) {
      if (f.kind === 'neutral') argv.push(...f.words);
      else if (f.kind === 'init') {
        argv.push('--init');
        init = true;
      } else {
        entrypoint = f.value;
        argv.push(...(f.joined ? [`--entrypoint=${f.value}`] : ['--entrypoint', f.value]));
      }
    }
    argv.push('app:1', ...args);
    const run = { ...(entrypoint !== undefined && { entrypoint }), args, ...(init && { init: true as const }) };
    return { engine, argv, line: argv.map(quoteShellWord).join(' '), run };
  });
}
