import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { engineProfile } from '../../src/core/engine-profile.js';
import { automaticArgs, buildPlatforms, isWindowsImageName } from '../../src/dockerfile/platform.js';
import { parseImageReference } from '../../src/core/image-reference.js';
import { evaluateDockerfile, type EngineOptions, type EvaluateDockerfileOptions } from '../../src/index.js';
import type { Recording } from '../engine/replay.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/engine/${name}`, import.meta.url), 'utf8')) as Recording;
const DOCKER = fixture('docker-20.10.24-platform-args.json');
const PODMAN = fixture('podman-4.3.1-platform-args.json');
const DEFAULTS = buildPlatforms(undefined, undefined);
if ('error' in DEFAULTS) throw new Error(DEFAULTS.error);

/** The `NAME=[value];…` line a recorded case printed, as a record. */
function printed(rec: Recording, id: string, builder: string): Record<string, string> {
  const run = rec.cases.find((c) => c.id === id)?.runs.find((r) => r.builders.includes(builder)) as { start?: { stdout: string } } | undefined;
  const out: Record<string, string> = {};
  for (const part of (run?.start?.stdout ?? '').trim().split(';')) {
    const m = /^(\w+)=\[(.*)\]$/.exec(part);
    if (m) out[m[1] as string] = m[2] as string;
  }
  return out;
}

/** What the model says a build sees: `global` for FROM and meta ARG defaults, `stage` after `ARG NAME` in a stage. */
function modelled(options: EngineOptions, scope: 'global' | 'stage'): Record<string, string> {
  const profile = engineProfile(options);
  const auto = automaticArgs(profile, DEFAULTS as never, undefined, undefined);
  const names = Object.keys(printed(DOCKER, 'platform-global-values', 'buildkit'));
  return Object.fromEntries(names.map((n) => [n, scope === 'global' && !profile.platformArgsGlobal ? '' : (auto.get(n) ?? '')]));
}

// The automatic platform ARGs each builder defines, as recorded (the case prints every name; `[]` = unset or empty).
describe('automatic platform ARGs: the model against the recordings', () => {
  test.for([
    { rec: DOCKER, builder: 'buildkit', options: { engine: 'docker', engineVersion: '20.10.24', builder: 'buildkit' } },
    { rec: DOCKER, builder: 'classic', options: { engine: 'docker', engineVersion: '20.10.24', builder: 'classic' } },
    { rec: PODMAN, builder: 'oci', options: { engine: 'podman', engineVersion: '4.3.1' } },
    { rec: PODMAN, builder: 'docker', options: { engine: 'podman', engineVersion: '4.3.1', imageFormat: 'docker' } },
  ] as const)('$rec.engine $builder', ({ rec, builder, options }) => {
    expect(printed(rec, 'platform-global-values', builder), 'global scope').toEqual(modelled(options, 'global'));
    expect(printed(rec, 'platform-stage-declared', builder), 'after ARG NAME in a stage').toEqual(modelled(options, 'stage'));
    expect(Object.values(printed(rec, 'platform-stage-undeclared', builder)).join(''), 'undeclared in a stage').toBe('');
  });

  test('current BuildKit (frontend 1.26) adds TARGETSTAGE and the (empty) OS versions; a build arg replaces any', () => {
    const p = buildPlatforms('linux/arm64/v8', undefined);
    if ('error' in p) throw new Error(p.error);
    const args = Object.fromEntries(automaticArgs(engineProfile(), p, 'app', { BUILDARCH: 'arm64' }));
    expect(args).toEqual({
      TARGETPLATFORM: 'linux/arm64',
      TARGETOS: 'linux',
      TARGETARCH: 'arm64',
      TARGETVARIANT: '',
      BUILDPLATFORM: 'linux/amd64',
      BUILDOS: 'linux',
      BUILDARCH: 'arm64', // a --build-arg replaces it, declared or not (dockerfile2llb platform.go defaultArgs overrides)
      BUILDVARIANT: '',
      TARGETSTAGE: 'app',
      TARGETOSVERSION: '',
      BUILDOSVERSION: '',
    });
  });
});

const BASES = [
  'FROM argvbase:1 AS base-linux',
  'CMD ["/argv","base-linux"]',
  'FROM argvbase:1 AS base-windows',
  'CMD ["/argv","base-windows"]',
  'FROM argvbase:1 AS base-',
  'CMD ["/argv","base-blank"]',
];
const df = (...lines: string[]) => `${lines.join('\n')}\n`;
const cmdOf = (text: string, options: Parameters<typeof evaluateDockerfile>[1] = {}) => {
  const r = evaluateDockerfile(text, { baseImages: { 'argvbase:1': {} }, ...options });
  return r.ok ? r.config.cmd : r.issues[0];
};

describe('evaluateDockerfile: platform ARGs in FROM', () => {
  test.for<{ name: string; text: string; options: EvaluateDockerfileOptions; want: readonly string[] }>([
    { name: 'FROM base-$TARGETOS (docker/compose style), current BuildKit', text: df(...BASES, 'FROM base-$TARGETOS'), options: {}, want: ['/argv', 'base-linux'] },
    { name: 'options.platform sets TARGETOS', text: df(...BASES, 'FROM base-$TARGETOS'), options: { platform: 'windows/amd64' }, want: ['/argv', 'base-windows'] },
    {
      name: 'a meta ARG TARGETOS without value keeps it (frontend 1.11+)',
      text: df('ARG TARGETOS', ...BASES, 'FROM base-${TARGETOS}'),
      options: {},
      want: ['/argv', 'base-linux'],
    },
    // Recorded: docker-20.10.24-platform-args.json platform-from-redeclared (frontend 1.2 metaArgsToMap).
    { name: '… and blanks it on Docker 20.10', text: df('ARG TARGETOS', ...BASES, 'FROM base-${TARGETOS}'), options: { engineVersion: '20.10' }, want: ['/argv', 'base-blank'] },
    // Recorded: platform-from-targetos [classic].
    { name: 'the classic builder has none', text: df(...BASES, 'FROM base-$TARGETOS'), options: { builder: 'classic' }, want: ['/argv', 'base-blank'] },
    {
      name: '--build-arg TARGETOS (not declared) replaces it in BuildKit',
      text: df(...BASES, 'FROM base-$TARGETOS'),
      options: { buildArgs: { TARGETOS: 'windows' } },
      want: ['/argv', 'base-windows'],
    },
  ])('$name', ({ text, options, want }) => {
    expect(cmdOf(text, options)).toEqual(want);
  });

  test('containerd release Dockerfile: FROM ${TARGETOS} AS target picks the stage named linux', () => {
    expect(cmdOf(df('FROM argvbase:1 AS linux', 'CMD ["/argv","linux"]', 'FROM argvbase:1 AS windows', 'FROM ${TARGETOS} AS target'))).toEqual(['/argv', 'linux']);
  });
});

describe('evaluateDockerfile: FROM --platform', () => {
  test('expanded and normalised; the lookup function is asked for that platform (else the target platform)', () => {
    const asked: string[] = [];
    const r = evaluateDockerfile(df('FROM --platform=$BUILDPLATFORM golang:1.22 AS build', 'FROM alpine:3', 'CMD ["x"]'), {
      platform: 'linux/arm64/v8',
      baseImages: (ref, _reference, platform) => {
        asked.push(`${ref} ${platform ?? ''}`);
        return {};
      },
      target: 'build',
    });
    expect(r.ok && r.stages.map((s) => s.platform ?? null)).toEqual(['linux/amd64', null]);
    expect(asked).toEqual(['golang:1.22 linux/amd64', 'alpine:3 linux/arm64']);
  });

  test.for([
    // Recorded: docker-20.10.24-platform-args.json platform-flag-empty / platform-flag-buildplatform [classic].
    {
      options: { engineVersion: '20.10' },
      flag: '$NOPE',
      want: 'failed to parse platform : "" is an invalid component of "": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument',
    },
    {
      options: { builder: 'classic' },
      flag: '$BUILDPLATFORM',
      want: 'failed to parse platform : "" is an invalid component of "": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument',
    },
    // buildkit 05782a788 (frontend 1.8): the expression as written.
    { options: {}, flag: '$NOPE', want: 'empty platform value from expression $NOPE' },
    // The containerd grammar of the frontend's go.mod: containerd 1.7 before 1.9, containerd/platforms v0.2.1 (1.9),
    // v1.0.0-rc.1 (1.13: `.` in components), rc.4 (1.25, buildkit 73ed6825).
    {
      options: { engineVersion: '20.10' },
      flag: 'linux/x!y',
      want: 'failed to parse platform linux/x!y: "x!y" is an invalid component of "linux/x!y": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument',
    },
    {
      options: {},
      flag: 'linux/x!y',
      want: 'failed to parse platform linux/x!y: "x!y" is an invalid component of "linux/x!y": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument',
    },
    {
      options: {},
      flag: 'lin!ux/amd64',
      want: 'failed to parse platform lin!ux/amd64: "lin!ux" is an invalid OS component of "lin!ux/amd64": OSAndVersion specifier component must match "^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.%-]*)((?:\\\\+[A-Za-z0-9_.%-]+)*)\\\\))?$": invalid argument',
    },
  ] as const)('$flag ($options.builder $options.engineVersion): $want', ({ options, flag, want }) => {
    const r = evaluateDockerfile(df(`FROM --platform=${flag} argvbase:1`), options);
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: 'platform-invalid', message: want, line: 1 });
  });

  test('buildah ignores an empty --platform (recorded: podman-4.3.1-platform-args.json platform-flag-empty)', () => {
    expect(cmdOf(df('FROM --platform=$NOPE argvbase:1', 'CMD ["/argv","built"]'), { engine: 'podman' })).toEqual(['/argv', 'built']);
  });

  test('an invalid options.platform is an issue', () => {
    const r = evaluateDockerfile('FROM scratch\n', { platform: 'linux/a b' });
    expect(r.ok ? null : r.issues[0].code).toBe('platform-invalid');
  });
});

describe('the OS of a stage when no config says it', () => {
  const shellCmd = (text: string, options: Parameters<typeof evaluateDockerfile>[1] = {}) => {
    const r = evaluateDockerfile(text, options);
    if (!r.ok) throw new Error(r.issues[0].message);
    return { cmd: r.target.dependsOn.cmd?.assumed ?? r.config.cmd, complete: r.complete, codes: r.diagnostics.map((d) => d.code) };
  };

  test('scratch takes the target platform OS (buildkit emptyImage(targetPlatform))', () => {
    expect(shellCmd('FROM scratch\nCMD echo hi\n', { platform: 'windows/amd64' }).cmd).toEqual(['cmd', '/S', '/C', 'echo hi']);
    expect(shellCmd('FROM scratch\nCMD echo hi\n').cmd).toEqual(['/bin/sh', '-c', 'echo hi']);
  });

  test('an unknown base: the OS is known once a platform is given', () => {
    expect(shellCmd('FROM --platform=windows/amd64 app:1\nSHELL ["cmd","/S","/C"]\nCMD echo hi\n')).toMatchObject({ cmd: ['cmd', '/S', '/C', 'echo hi'], complete: false });
  });

  test.for([
    'mcr.microsoft.com/windows/servercore:ltsc2022',
    'mcr.microsoft.com/windows/nanoserver:ltsc2025',
    'mcr.microsoft.com/windows:ltsc2019',
    'mcr.microsoft.com/dotnet/sdk:10.0-nanoserver-ltsc2025',
    'python:3.14-windowsservercore-ltsc2022',
    'microsoft/windowsservercore',
  ])('a Windows name without a config (%s): windows-base-image, assumed cmd /S /C', (ref) => {
    const r = shellCmd(`FROM ${ref}\nCMD echo hi\n`);
    expect(r).toMatchObject({ cmd: ['cmd', '/S', '/C', 'echo hi'], complete: false });
    expect(r.codes).toContain('windows-base-image');
  });

  test.for(['python:3.14', 'mcr.microsoft.com/dotnet/sdk:10.0', 'windowsapp/tool:1', 'mcr.microsoft.com/windowsfoo/x:1'])('not a Windows name: %s', (ref) => {
    const parsed = parseImageReference(ref);
    expect(parsed.ok && isWindowsImageName(parsed.reference)).toBe(false);
  });
});

// `os(osversion)` platforms (containerd/platforms v0.2.1+): TARGETOSVERSION and BUILDOSVERSION carry the version
// (buildkit dockerfile2llb platform.go defaultArgs at 73ed6825).
describe('TARGETOSVERSION / BUILDOSVERSION', () => {
  test('the OS version of --platform and --build-platform', () => {
    const asked: string[] = [];
    const r = evaluateDockerfile('FROM app:$TARGETOSVERSION-$BUILDOSVERSION\n', {
      platform: 'windows(10.0.20348)/amd64',
      buildPlatform: 'windows(10.0.17763)/amd64',
      baseImages: (ref) => {
        asked.push(ref);
        return {};
      },
    });
    expect(r.ok).toBe(true);
    expect(asked).toEqual(['app:10.0.20348-10.0.17763']);
  });
});
