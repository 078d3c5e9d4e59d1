import { describe, expect, test } from 'vitest';
import { CURRENT_DOCKER_VERSION, engineProfile, parseEngineVersion, withFrontend, type EngineProfile } from '../../src/core/engine-profile.js';

describe('parseEngineVersion', () => {
  test.for([
    ['20.10', [20, 10, 0]],
    ['v27.3.1', [27, 3, 1]],
    ['28.0.0-rc.1', [28, 0, 0]],
    ['4', [4, 0, 0]],
    [' 4.3.1 ', [4, 3, 1]],
    ['29.7.2+dirty', [29, 7, 2]],
    ['latest', null],
    ['', null],
    ['1.2.3.4', null],
    ['20.x', null],
    ['12345', null],
  ] as const)('%j → %j', ([text, version]) => {
    expect(parseEngineVersion(text)).toEqual(version);
  });
});

type Row = { options: Parameters<typeof engineProfile>[0]; want: Partial<EngineProfile>; source: string };

// Facts per release; sources are the ones named in src/core/engine-profile.ts and
// docs/research/engine-versions.md (§1: built-in frontend per Docker release, §1a: frontend rules).
const ROWS: readonly Row[] = [
  {
    options: {},
    want: {
      engine: 'docker',
      builder: 'buildkit',
      version: null,
      frontend: 26,
      initArgv: ['/sbin/docker-init', '--'],
      noCommandMessage: 'no command specified',
      buildChecks: true,
      emptyListsStoredAsNull: true,
    },
    source: `current Docker (${CURRENT_DOCKER_VERSION}) embeds frontend 1.26 (engine-versions.md §1)`,
  },
  {
    options: { engineVersion: '20.10.24' },
    want: {
      frontend: 2,
      unknownFlag: 'classic',
      unknownInstruction: 'upper',
      heredocs: false,
      trailingJsonText: 'ignore',
      buildChecks: false,
      noCommandMessage: 'No command specified',
    },
    source: '20.10 embeds ≈1.2; moby "No command specified" before 25.0',
  },
  {
    options: { engineVersion: '23.0' },
    want: { frontend: 4, heredocs: true, unknownFlag: 'bare', unknownInstruction: 'suggest' },
    source: '23.0 embeds 1.4 (heredocs e3fd4a645; did-you-mean 1.3)',
  },
  { options: { engineVersion: '25.0' }, want: { frontend: 6, noCommandMessage: 'no command specified' }, source: 'moby 25.0 lower-cased the message' },
  {
    options: { engineVersion: '27.0.1' },
    want: { frontend: 8, checkDirective: true, buildChecks: true, trailingJsonText: 'ignore' },
    source: '27.0.1 embeds 1.8 (# check=, build checks)',
  },
  { options: { engineVersion: '27.1' }, want: { frontend: 9, trailingJsonText: 'shell' }, source: '27.1 embeds 1.9 (80518e257f8f)' },
  {
    options: { engineVersion: '27.4' },
    want: { frontend: 11, unknownFlag: 'dashes', cpusRangeMessage: 'Range of CPUs is from 0.01 to N.00, as there are only N CPUs available' },
    source: '27.4 embeds 1.11 (31a7c177e)',
  },
  { options: { engineVersion: '27.5' }, want: { cpusRangeMessage: 'range of CPUs is from 0.01 to N.00, as there are only N CPUs available' }, source: 'moby 9b974d599a (v27.5.0)' },
  { options: { engineVersion: '28.1' }, want: { frontend: 15, flagEscapeIsEscapeToken: true }, source: '28.1 embeds 1.15 (877d8a771)' },
  { options: { engineVersion: '29.2' }, want: { frontend: 21, directiveUnicodeSpace: true, checkComments: true }, source: '29.2 embeds 1.21 (a248d48d0)' },
  {
    options: { builder: 'classic' },
    want: {
      builder: 'classic',
      bareCmdHasEmptyScript: false,
      bareEntrypointHasEmptyScript: false,
      emptyCmdCountsAsSet: false,
      emptyListsStoredAsNull: false,
      buildChecks: false,
      checkComments: false,
      dispatchesUnusedStages: true,
    },
    source: 'the classic builder: same vendored parser, no linter, dispatches every stage (engine fixtures)',
  },
  {
    options: { engine: 'podman', engineVersion: '4.1' },
    want: {
      engine: 'podman',
      builder: 'buildah',
      frontend: null,
      initArgv: ['/dev/init', '--'],
      heredocs: false,
      emptyCommandFailsAtStart: false,
      inspectPathArgs: 'process',
      cpusRangeMessage: null,
      entrypointAcceptsJson: true,
    },
    source: 'podman before 4.2: /dev/init; imagebuilder without heredocs',
  },
  { options: { engine: 'podman', engineVersion: '4.2' }, want: { initArgv: ['/run/podman-init', '--'] }, source: 'catatonit at /run/podman-init since Podman 4.2' },
  { options: { engine: 'podman', engineVersion: '4.9' }, want: { heredocs: true }, source: 'imagebuilder b0d49c4 (v1.2.6) first ships in podman 4.9' },
  { options: { engine: 'podman', engineVersion: '5.0' }, want: { emptyCommandFailsAtStart: true }, source: 'podman 5cc83da1 (v5.0.0)' },
  {
    options: { engine: 'podman' },
    want: { storesShellAndOnBuild: false, unsetListsStoredEmpty: false, emptyListsStoredAsNull: true },
    source: 'buildah OCI image format (default): no Shell/OnBuild fields',
  },
  {
    options: { engine: 'podman', imageFormat: 'docker' },
    want: { storesShellAndOnBuild: true, unsetListsStoredEmpty: true, emptyListsStoredAsNull: false },
    source: 'buildah --format docker: lists always written',
  },
];

describe('engineProfile', () => {
  test.for(ROWS)('$source', ({ options, want }) => {
    expect(engineProfile(options)).toMatchObject(want);
  });

  test('profiles are frozen and cached per options', () => {
    const a = engineProfile({ engine: 'podman', engineVersion: '4.3' });
    expect(Object.isFrozen(a)).toBe(true);
    expect(engineProfile({ engine: 'podman', engineVersion: '4.3' })).toBe(a);
    expect(engineProfile()).toBe(engineProfile({}));
  });

  test('an unparsable engineVersion is the current release', () => {
    expect(engineProfile({ engineVersion: 'latest' })).toMatchObject({ version: null, frontend: 26 });
  });

  test.for([
    [null, 'options must be an object, got null'],
    [{ engine: 1 }, 'options.engine must be a string, got number'],
    [{ engineVersion: 20.1 }, 'options.engineVersion must be a string, got number'],
  ] as const)('%j: TypeError %j', ([options, message]) => {
    expect(() => engineProfile(options as never)).toThrow(new TypeError(message));
  });
});

// Source: docs/research/engine-versions.md §1a: a `# syntax=` frontend brings its own parser rules; its
// build checks reach the client through the gateway Warn API (buildkit 6cad384e9, Docker 23.0).
describe('withFrontend', () => {
  test.for([
    [{ engineVersion: '20.10' }, 9, false, { frontend: 9, trailingJsonText: 'shell', heredocs: true, buildChecks: false }],
    [{ engineVersion: '23.0' }, 8, false, { frontend: 8, checkDirective: true, buildChecks: true }],
    [{ engineVersion: '23.0' }, 7, false, { frontend: 7, checkDirective: false, buildChecks: false }],
    [{}, 3, true, { frontend: 3, heredocs: true, unknownFlag: 'bare' }],
    [{}, 3, false, { frontend: 3, heredocs: false }],
    [{}, 2, false, { frontend: 2, unknownFlag: 'classic', unknownInstruction: 'upper' }],
  ] as const)('%j with frontend 1.%i (labs %s) → %j', ([options, minor, labs, want]) => {
    const base = engineProfile(options);
    const derived = withFrontend(base, minor, labs);
    expect(derived).toMatchObject(want);
    // Engine facts stay the engine's.
    expect([derived.engine, derived.builder, derived.version, derived.initArgv]).toEqual([base.engine, base.builder, base.version, base.initArgv]);
  });

  test('derived profiles are frozen and cached per base profile', () => {
    const base = engineProfile({ engineVersion: '24.0' });
    const a = withFrontend(base, 9, false);
    expect(Object.isFrozen(a)).toBe(true);
    expect(withFrontend(base, 9, false)).toBe(a);
    expect(withFrontend(base, 9, true)).not.toBe(a);
  });
});
