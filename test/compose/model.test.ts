import { describe, expect, test } from 'vitest';
import { finishService, isRemoteContext, mergeService, readService, resetPath, type ServiceModel } from '../../src/compose/model.js';
import type { ComposeProjectServiceInput } from '../../src/compose/schema.js';

// Source: compose-spec/compose-go v2.13.0 (commit 0670a1c3): override/merge.go `mergeSpecials` (command,
// entrypoint: `override`; environment, env_file, build.args: `mergeToSequence`; build: `mergeBuild`),
// `MergeYaml` (a null override keeps the base; other scalars replaced; lists appended), override/uncity.go
// `unique` (environment, build.args, profiles keyed by the text before `=`; env_file by path).

/** A service read from a file `f`, every value at line `line`. */
function svc(value: ComposeProjectServiceInput, file = 'f', line = 1): ServiceModel {
  return readService(value, { file, locate: () => ({ line, column: 1 }), at: ['services', 'x'], dir: '/p' });
}

/** The merged values without origins, after EnforceUnicity. */
function values(model: ServiceModel) {
  const m = finishService(model);
  return {
    image: m.image?.value,
    command: m.command?.value,
    entrypoint: m.entrypoint?.value,
    init: m.init?.value,
    working_dir: m.working_dir?.value,
    environment: m.environment?.entries.map((e) => (e.value === null ? e.key : `${e.key}=${e.value}`)),
    env_file: m.env_file?.map((e) => e.path),
    profiles: m.profiles?.map((p) => p.value),
    build: m.build && {
      context: m.build.context?.value,
      dockerfile: m.build.dockerfile?.value,
      target: m.build.target?.value,
      args: m.build.args?.entries.map((e) => `${e.key}=${e.value ?? ''}`),
      platforms: m.build.platforms?.map((p) => p.value),
    },
  };
}

const MERGES: readonly { name: string; base: ComposeProjectServiceInput; over: ComposeProjectServiceInput; want: Partial<ReturnType<typeof values>> }[] = [
  { name: 'command replaces a list with a string', base: { command: ['a', 'b'] }, over: { command: 'c d' }, want: { command: 'c d' } },
  { name: 'entrypoint replaces; command kept', base: { entrypoint: 'x', command: ['y'] }, over: { entrypoint: ['z'] }, want: { entrypoint: ['z'], command: ['y'] } },
  { name: 'command: null in the later file unsets it (merge.go `override` returns the null)', base: { command: 'a' }, over: { command: null }, want: { command: null } },
  { name: 'image: null keeps the base (MergeYaml: o == nil returns e)', base: { image: 'a' }, over: { image: null }, want: { image: 'a' } },
  {
    name: 'image, init, working_dir replaced',
    base: { image: 'a', init: true, working_dir: '/a' },
    over: { image: 'b', init: false, working_dir: '/b' },
    want: { image: 'b', init: false, working_dir: '/b' },
  },
  {
    name: 'environment: mapping + list appended, a later key wins in the earlier place',
    base: { environment: { B: 'x', A: 1 } },
    over: { environment: ['B=y', 'C'] },
    want: { environment: ['B=y', 'A=1', 'C'] },
  },
  {
    name: 'environment values: numbers and booleans as text, null as a bare key',
    base: { environment: { N: 1.5, T: true, U: null } },
    over: {},
    want: { environment: ['N=1.5', 'T=true', 'U'] },
  },
  {
    name: 'env_file: appended, the same path once',
    base: { env_file: 'a.env' },
    over: { env_file: ['b.env', { path: 'a.env', required: false }] },
    want: { env_file: ['/p/a.env', '/p/b.env'] },
  },
  { name: 'profiles: appended, duplicates removed', base: { profiles: ['a', 'b'] }, over: { profiles: ['c', 'a'] }, want: { profiles: ['a', 'b', 'c'] } },
  {
    name: 'build: a string is its context; keys merged; args appended by key; platforms appended (no unicity rule)',
    base: { build: { context: 'ctx', args: { A: '1', B: '2' }, platforms: ['linux/amd64'] } },
    over: { build: { target: 'prod', args: ['B=3'], platforms: ['linux/amd64'] } },
    want: { build: { context: '/p/ctx', dockerfile: undefined, target: 'prod', args: ['A=1', 'B=3'], platforms: ['linux/amd64', 'linux/amd64'] } },
  },
  {
    name: 'build: a later string replaces only the context',
    base: { build: { context: 'a', dockerfile: 'D' } },
    over: { build: 'b' },
    want: { build: { context: '/p/b', dockerfile: 'D', target: undefined, args: undefined, platforms: undefined } },
  },
];

describe('mergeService', () => {
  test.for(MERGES)('$name', ({ base, over, want }) => {
    expect(values(mergeService(svc(base), svc(over)))).toMatchObject(want);
  });

  test('each merged value keeps the file and line it was written at', () => {
    const merged = finishService(mergeService(svc({ image: 'a', environment: { A: '1', B: '2' } }, 'base.yml', 3), svc({ environment: ['B=3'] }, 'over.yml', 9)));
    expect(merged.image?.origin).toEqual({ file: 'base.yml', line: 3, column: 1 });
    expect(merged.environment?.entries.map((e) => [e.key, e.origin.file])).toEqual([
      ['A', 'base.yml'],
      ['B', 'over.yml'],
    ]);
    expect(merged.origin.file).toBe('base.yml');
  });
});

describe('resetPath (!reset / !override of a later file)', () => {
  // Source: compose-go v2.13.0 loader/merge_reset_test.go Test_LoadWithReset: `build: !reset` and
  // `environment: {FOO: !reset}` remove build and FOO; loader/reset.go Apply ("TODO support removal from sequence").
  const base = svc({ image: 'a', command: 'c', build: { context: '.', dockerfile: 'foo.Dockerfile', args: { A: '1' } }, environment: { FOO: 'BAR', K: 'v' } });

  test.for([
    [['build'], { build: undefined }],
    [['command'], { command: undefined }],
    [['environment', 'FOO'], { environment: ['K=v'] }],
    [['build', 'dockerfile'], { build: { context: '/p', dockerfile: undefined, target: undefined, args: ['A=1'], platforms: undefined } }],
    [['build', 'args', 'A'], { build: { context: '/p', dockerfile: 'foo.Dockerfile', target: undefined, args: [], platforms: undefined } }],
    [['ports'], { image: 'a', command: 'c' }],
  ] as const)('%j', ([path, want]) => {
    const r = resetPath(base, path);
    expect(r).not.toBe('unsupported');
    expect(values(r as ServiceModel)).toMatchObject(want);
  });

  test('a key of a list-form environment stays (compose-go cannot remove sequence items)', () => {
    const list = svc({ environment: ['FOO=1', 'K=2'] });
    expect(values(resetPath(list, ['environment', 'FOO']) as ServiceModel).environment).toEqual(['FOO=1', 'K=2']);
  });

  test('one item of a list is not modelled', () => {
    expect(resetPath(svc({ build: { platforms: ['a'] } }), ['build', 'platforms', '0'])).toBe('unsupported');
    expect(resetPath(svc({ command: ['a', 'b'] }), ['command', '0'])).toBe('unsupported');
  });
});

describe('isRemoteContext (compose-go paths/context.go)', () => {
  test.for([
    ['https://github.com/docker/compose.git', true],
    ['git@github.com:docker/compose.git', true],
    ['github.com/docker/compose', true],
    ['docker-image://alpine', true],
    ['service:base', true],
    ['./ctx', false],
    ['/abs/ctx', false],
  ] as const)('%s → %s', ([context, remote]) => expect(isRemoteContext(context)).toBe(remote));
});
