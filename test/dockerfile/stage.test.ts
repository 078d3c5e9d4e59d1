import { describe, expect, test } from 'vitest';
import { engineProfile } from '../../src/core/engine-profile.js';
import type { Command, ImageConfig, OperatingSystem } from '../../src/core/types.js';
import { commandShell, defaultShell, dispatchCmd, dispatchEntrypoint, dispatchShell, stageConfig, startStage } from '../../src/dockerfile/stage.js';

const BUILDKIT = engineProfile({ engineVersion: '20.10' });
const CLASSIC = engineProfile({ engineVersion: '20.10', builder: 'classic' });
const PODMAN_OCI = engineProfile({ engine: 'podman', engineVersion: '4.3.1' });
const PODMAN_DOCKER = engineProfile({ engine: 'podman', engineVersion: '4.3.1', imageFormat: 'docker' });
const PROFILES = { buildkit: BUILDKIT, classic: CLASSIC, 'podman oci': PODMAN_OCI, 'podman docker': PODMAN_DOCKER };

const shell = (script: string): Command => ({ form: 'shell', script });
const exec = (...args: string[]): Command => ({ form: 'exec', args });
type Step = ['CMD' | 'ENTRYPOINT', Command] | ['SHELL', readonly string[]];

/** Dispatches the steps on a stage started from `base` and returns the stored config. */
function build(profile: keyof typeof PROFILES, base: ImageConfig, steps: readonly Step[], os: OperatingSystem = 'linux'): ImageConfig {
  const p = PROFILES[profile];
  const state = startStage(base, os);
  for (const step of steps) {
    if (step[0] === 'CMD') dispatchCmd(state, step[1], p);
    else if (step[0] === 'ENTRYPOINT') dispatchEntrypoint(state, step[1], p);
    else dispatchShell(state, step[1] as readonly string[]);
  }
  return stageConfig(state, p);
}

const BASE_EP: ImageConfig = { entrypoint: ['/argv', 'base-ep'] };
const BASE_CMD: ImageConfig = { cmd: ['/argv', 'base-cmd'] };
const BASE_EP_CMD: ImageConfig = { entrypoint: ['/argv', 'base-ep'], cmd: ['/argv', 'base-cmd'] };

// What a stage stores for ENTRYPOINT and CMD. Recorded rows: test/fixtures/engine/docker-20.10.24.json (buildkit,
// classic) and podman-4.3.1.json (buildah, --format oci / docker), by case id; the base images are the recorded
// ones (argvbase-ep:1 has only an Entrypoint, argvbase-cmd:1 only a Cmd). Rules: spec/semantics.md §2.
describe('stored ENTRYPOINT and CMD', () => {
  test.for([
    { source: 'empty-bare-cmd (R2.3)', profile: 'buildkit', base: BASE_EP, steps: [['CMD', shell('')]], entrypoint: ['/argv', 'base-ep'], cmd: ['/bin/sh', '-c', ''] },
    { source: 'empty-bare-cmd (R2.9)', profile: 'classic', base: BASE_EP, steps: [['CMD', shell('')]], entrypoint: ['/argv', 'base-ep'], cmd: ['/bin/sh', '-c'] },
    { source: 'empty-bare-cmd (R2.11)', profile: 'podman oci', base: BASE_EP, steps: [['CMD', shell('')]], entrypoint: ['/argv', 'base-ep'], cmd: ['/bin/sh', '-c'] },
    { source: 'empty-bare-ep (R2.3)', profile: 'buildkit', base: BASE_CMD, steps: [['ENTRYPOINT', shell('')]], entrypoint: ['/bin/sh', '-c', ''], cmd: null },
    { source: 'empty-bare-ep (R2.9)', profile: 'classic', base: BASE_CMD, steps: [['ENTRYPOINT', shell('')]], entrypoint: null, cmd: null },
    { source: 'empty-bare-ep', profile: 'podman oci', base: BASE_CMD, steps: [['ENTRYPOINT', shell('')]], entrypoint: null, cmd: null },
    { source: 'empty-bare-ep (docker format writes [])', profile: 'podman docker', base: BASE_CMD, steps: [['ENTRYPOINT', shell('')]], entrypoint: [], cmd: [] },
    { source: 'json-empty-array (R2.3: omitempty)', profile: 'buildkit', base: BASE_EP, steps: [['CMD', exec()]], entrypoint: ['/argv', 'base-ep'], cmd: null },
    { source: 'json-empty-array', profile: 'classic', base: BASE_EP, steps: [['CMD', exec()]], entrypoint: ['/argv', 'base-ep'], cmd: [] },
    { source: 'json-empty-array', profile: 'podman oci', base: BASE_EP, steps: [['CMD', exec()]], entrypoint: ['/argv', 'base-ep'], cmd: null },
    { source: 'json-empty-array', profile: 'podman docker', base: BASE_EP, steps: [['CMD', exec()]], entrypoint: ['/argv', 'base-ep'], cmd: [] },
    { source: 'empty-ep-array (R2.3)', profile: 'buildkit', base: BASE_EP_CMD, steps: [['ENTRYPOINT', exec()]], entrypoint: null, cmd: null },
    { source: 'empty-ep-array', profile: 'classic', base: BASE_EP_CMD, steps: [['ENTRYPOINT', exec()]], entrypoint: null, cmd: null },
    { source: 'empty-ep-array', profile: 'podman docker', base: BASE_EP_CMD, steps: [['ENTRYPOINT', exec()]], entrypoint: [], cmd: [] },
    {
      source: 'shell-valid-cmd (R2.1, R2.2)',
      profile: 'buildkit',
      base: {},
      steps: [
        ['SHELL', ['/argv', 'shell-flag']],
        ['CMD', shell('echo hi')],
      ],
      entrypoint: null,
      cmd: ['/argv', 'shell-flag', 'echo hi'],
    },
    {
      source: 'shell-valid-cmd (R2.8)',
      profile: 'classic',
      base: {},
      steps: [
        ['SHELL', ['/argv', 'shell-flag']],
        ['CMD', shell('echo hi')],
      ],
      entrypoint: null,
      cmd: ['/argv', 'shell-flag', 'echo hi'],
    },
    {
      source: 'shell-valid-cmd (R2.11: SHELL ignored)',
      profile: 'podman oci',
      base: {},
      steps: [
        ['SHELL', ['/argv', 'shell-flag']],
        ['CMD', shell('echo hi')],
      ],
      entrypoint: null,
      cmd: ['/bin/sh', '-c', 'echo hi'],
    },
    {
      source: 'shell-ep-words (buildkit testCmdShell)',
      profile: 'buildkit',
      base: {},
      steps: [
        ['SHELL', ['/argv']],
        ['ENTRYPOINT', shell('my entrypoint')],
      ],
      entrypoint: ['/argv', 'my entrypoint'],
      cmd: null,
    },
    {
      source: 'shell-after-cmd (SHELL applies to later instructions)',
      profile: 'buildkit',
      base: {},
      steps: [
        ['CMD', shell('/argv hi')],
        ['SHELL', ['/argv', 'late']],
      ],
      entrypoint: null,
      cmd: ['/bin/sh', '-c', '/argv hi'],
    },
    {
      source: 'empty-ep-array-then-cmd',
      profile: 'buildkit',
      base: BASE_EP,
      steps: [
        ['ENTRYPOINT', exec()],
        ['CMD', exec('/argv', 'x')],
      ],
      entrypoint: null,
      cmd: ['/argv', 'x'],
    },
  ] as { source: string; profile: keyof typeof PROFILES; base: ImageConfig; steps: Step[]; entrypoint: string[] | null; cmd: string[] | null }[])(
    '$profile: $source',
    ({ profile, base, steps, entrypoint, cmd }) => {
      const config = build(profile, base, steps);
      expect([config.entrypoint, config.cmd]).toEqual([entrypoint, cmd]);
    },
  );
});

// The image config keeps Shell only where the format has the field: Docker always, buildah's docker format; not OCI.
// Recorded: podman-4.3.1.json shell-valid-cmd (oci: Shell null; docker: ["/argv","shell-flag"]), docker-20.10.24.json.
describe('stored SHELL', () => {
  test.for([
    { profile: 'buildkit', shell: ['/argv', 'shell-flag'] },
    { profile: 'classic', shell: ['/argv', 'shell-flag'] },
    { profile: 'podman oci', shell: null },
    { profile: 'podman docker', shell: ['/argv', 'shell-flag'] },
  ] as { profile: keyof typeof PROFILES; shell: string[] | null }[])('$profile', ({ profile, shell: want }) => {
    expect(
      build(profile, {}, [
        ['SHELL', ['/argv', 'shell-flag']],
        ['CMD', shell('echo hi')],
      ]).shell,
    ).toEqual(want);
  });
});

// Windows (spec/semantics.md R2.1 buildkit testDefaultShellAndPath; R2.10 moby TestBuildCmdShellArgsEscaped):
// BuildKit wraps in cmd /S /C as separate words; the classic builder joins one string and sets ArgsEscaped.
describe('Windows shell form', () => {
  test.for([
    { profile: 'buildkit', cmd: ['cmd', '/S', '/C', 'echo hi'], argsEscaped: true },
    { profile: 'classic', cmd: ['cmd /S /C echo hi'], argsEscaped: true },
  ] as { profile: keyof typeof PROFILES; cmd: string[]; argsEscaped: boolean }[])('$profile', ({ profile, cmd, argsEscaped }) => {
    const config = build(profile, {}, [['CMD', shell('echo hi')]], 'windows');
    expect([config.cmd, config.argsEscaped]).toEqual([cmd, argsEscaped]);
  });

  test('the default shell follows the target OS (R2.1 defaultshell.go)', () => {
    expect([defaultShell('linux'), defaultShell('windows')]).toEqual([
      ['/bin/sh', '-c'],
      ['cmd', '/S', '/C'],
    ]);
  });
});

// ArgsEscaped (R2.6, R2.8): BuildKit sets it on every CMD (recorded: json-empty-array, buildkit ArgsEscaped true) and
// never for ENTRYPOINT (empty-bare-ep: null); the classic builder stores false for Linux shell or exec form.
describe('ArgsEscaped', () => {
  test.for([
    { profile: 'buildkit', step: ['CMD', exec('/argv')], want: true },
    { profile: 'buildkit', step: ['CMD', shell('x')], want: true },
    { profile: 'buildkit', step: ['ENTRYPOINT', shell('x')], want: undefined },
    { profile: 'classic', step: ['CMD', shell('x')], want: false },
    { profile: 'podman oci', step: ['CMD', shell('x')], want: undefined },
  ] as { profile: keyof typeof PROFILES; step: Step; want: boolean | undefined }[])('$profile $step.0 $step.1.form', ({ profile, step, want }) => {
    expect(build(profile, {}, [step]).argsEscaped).toBe(want);
  });
});

// The ENTRYPOINT reset rule (R2.5: buildkit convert.go dispatchEntrypoint; R2.9 classic and R2.11 buildah cmdSet):
// ENTRYPOINT clears a CMD not set in this stage and returns what it cleared (non-empty), else null. `CMD []` counts
// as set for BuildKit only.
describe('dispatchEntrypoint: the CMD reset', () => {
  test.for([
    { name: 'inherited CMD is reset', profile: 'buildkit', steps: [], lost: ['/argv', 'base-cmd'], cmd: null },
    { name: 'CMD earlier in the stage survives', profile: 'buildkit', steps: [['CMD', exec('/argv', 'own')]], lost: null, cmd: ['/argv', 'own'] },
    { name: 'CMD [] counts as set (BuildKit)', profile: 'buildkit', steps: [['CMD', exec()]], lost: null, cmd: null },
    { name: 'CMD [] does not count (classic)', profile: 'classic', steps: [['CMD', exec()]], lost: null, cmd: null },
    { name: 'inherited CMD is reset (classic)', profile: 'classic', steps: [], lost: ['/argv', 'base-cmd'], cmd: null },
    { name: 'inherited CMD is reset (buildah)', profile: 'podman oci', steps: [], lost: ['/argv', 'base-cmd'], cmd: null },
  ] as { name: string; profile: keyof typeof PROFILES; steps: Step[]; lost: string[] | null; cmd: string[] | null }[])('$name', ({ profile, steps, lost, cmd }) => {
    const p = PROFILES[profile];
    const state = startStage(BASE_CMD, 'linux');
    for (const [kind, command] of steps) if (kind === 'CMD') dispatchCmd(state, command, p);
    expect(dispatchEntrypoint(state, exec('/argv', 'ep'), p)).toEqual(lost);
    expect(stageConfig(state, p).cmd).toEqual(cmd);
  });
});

describe('startStage and commandShell', () => {
  test('a stage starts from a copy of the base config; the base is not changed', () => {
    const base: ImageConfig = { entrypoint: ['e'], cmd: ['c'], shell: ['/bin/bash', '-c'] };
    const state = startStage(base, 'linux');
    dispatchCmd(state, exec('x'), BUILDKIT);
    expect(base).toEqual({ entrypoint: ['e'], cmd: ['c'], shell: ['/bin/bash', '-c'] });
    expect(state.cmdSet).toBe(true);
  });

  // R2.2 (shell inherited from the base image config) and R2.11 (buildah ignores it for CMD/ENTRYPOINT).
  test.for([
    { profile: 'buildkit', want: ['/argv', 'base-shell'] },
    { profile: 'classic', want: ['/argv', 'base-shell'] },
    { profile: 'podman oci', want: ['/bin/sh', '-c'] },
  ] as { profile: keyof typeof PROFILES; want: string[] }[])('inherited SHELL wraps shell form: $profile', ({ profile, want }) => {
    expect(commandShell(startStage({ shell: ['/argv', 'base-shell'] }, 'linux'), PROFILES[profile])).toEqual(want);
  });
});
