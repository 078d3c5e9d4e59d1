import { describe, expect, test } from 'vitest';
import { resolveComposeProject, type ResolveComposeProjectOptions } from '../../src/compose/resolve-project.js';
import { loadOk, type Files } from '../support/compose-files.js';

// Sources: docker/compose v5.5.0-71 (f7297942, 2025) cmd/compose/options.go applyPlatforms (up/run/create call it
// with buildForSinglePlatform=true: platform: or DOCKER_DEFAULT_PLATFORM picks the one platform, several build.platforms
// are cleared for the builder to decide) and its test vectors cmd/compose/options_test.go TestApplyPlatforms_*;
// pkg/compose/build.go toBuildContexts (a `service:` context is that service's image); moby/buildkit v0.32.2
// frontend/dockerfile/dockerfile2llb/convert.go (a FROM is looked up among named contexts before the registry; a
// stage whose name is a context is replaced by it) and frontend/dockerui/config.go NamedContext (key: the familiar
// reference without `:latest`); compose-go v2.13.0 (0670a1c3) override/merge.go (additional_contexts merged as a
// sequence), paths/context.go absContextPath.

function resolve(files: Files, options: ResolveComposeProjectOptions = {}, load: Parameters<typeof loadOk>[1] = {}) {
  const project = loadOk(files, load);
  return resolveComposeProject(project, { readFile: (p) => (Object.hasOwn(files, p) ? files[p] : undefined), ...options });
}

function ok(r: ReturnType<typeof resolve>) {
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
}

/** A Dockerfile whose ENTRYPOINT depends on the target platform (a stage per architecture, chosen with BuildKit's automatic TARGETOS/TARGETARCH). */
const PLATFORM_DOCKERFILE =
  'FROM scratch AS linux-amd64\nENTRYPOINT ["/bin/app-linux-amd64"]\nFROM scratch AS linux-arm64\nENTRYPOINT ["/bin/app-linux-arm64"]\nFROM ${TARGETOS}-${TARGETARCH}\n';

describe('build platform (docker compose up/run)', () => {
  const service = (extra: string) => ({
    '/app/compose.yaml': `services:\n  app:\n${extra.includes('build:') ? '' : '    build: .\n'}${extra}`,
    '/app/Dockerfile': PLATFORM_DOCKERFILE,
  });
  const answer = (r: ReturnType<typeof resolve>) => {
    const s = ok(r).services[0]!;
    return { platform: s.build?.platform, argv: s.result.ok && s.result.complete ? s.result.argv : null };
  };

  test.for([
    ['no platform anywhere: the builder default (linux/amd64)', '', {}, { platform: undefined, argv: ['/bin/app-linux-amd64'] }],
    ['platform: of the service', '    platform: linux/arm64\n', {}, { platform: 'linux/arm64', argv: ['/bin/app-linux-arm64'] }],
    ['one build.platforms', '    build:\n      context: .\n      platforms: [linux/arm64]\n', {}, { platform: 'linux/arm64', argv: ['/bin/app-linux-arm64'] }],
    // TestApplyPlatforms_InferFromRuntime "SinglePlatform": platform: among several build.platforms wins.
    [
      'platform: among several build.platforms',
      '    platform: linux/arm64\n    build:\n      context: .\n      platforms: [linux/amd64, linux/arm64]\n',
      {},
      { platform: 'linux/arm64', argv: ['/bin/app-linux-arm64'] },
    ],
    // TestApplyPlatforms_DockerDefaultPlatform "SinglePlatform".
    [
      'DOCKER_DEFAULT_PLATFORM among build.platforms',
      '    build:\n      context: .\n      platforms: [linux/amd64, linux/arm64]\n',
      { DOCKER_DEFAULT_PLATFORM: 'linux/arm64' },
      { platform: 'linux/arm64', argv: ['/bin/app-linux-arm64'] },
    ],
    [
      'platform: wins over DOCKER_DEFAULT_PLATFORM',
      '    platform: linux/arm64\n',
      { DOCKER_DEFAULT_PLATFORM: 'linux/ppc64le' },
      { platform: 'linux/arm64', argv: ['/bin/app-linux-arm64'] },
    ],
  ] as const)('%s', ([, extra, environment, expected]) => {
    expect(answer(resolve(service(extra), {}, { environment }))).toEqual(expected);
  });

  test('several build.platforms without platform: the builder decides; the answer says it is for linux/amd64', () => {
    const r = ok(resolve(service('    build:\n      context: .\n      platforms: [linux/amd64, linux/arm64]\n')));
    expect(answer(r)).toEqual({ platform: undefined, argv: ['/bin/app-linux-amd64'] });
    expect(r.diagnostics.find((d) => d.code === 'compose-build-platforms-several')).toMatchObject({ severity: 'info', path: 'services.app.build.platforms', line: 5 });
  });

  test('a Windows platform makes the shell form run in cmd /S /C', () => {
    const files = { '/app/compose.yaml': 'services:\n  win:\n    platform: windows/amd64\n    build: .\n', '/app/Dockerfile': 'FROM example.com/base:1\nCMD echo hi\n' };
    // The base config says nothing of its OS: the platform's OS decides the shell.
    const r = ok(resolve(files, { images: { 'example.com/base:1': {} } }));
    const s = r.services[0]!;
    expect(s.build?.platform).toBe('windows/amd64');
    expect(s.result.ok && s.result.complete ? s.result.argv : s.result).toEqual(['cmd', '/S', '/C', 'echo hi']);
    const linux = ok(resolve({ ...files, '/app/compose.yaml': 'services:\n  win:\n    build: .\n' }, { images: { 'example.com/base:1': {} } })).services[0]!;
    expect(linux.result.ok && linux.result.complete ? linux.result.argv : linux.result).toEqual(['/bin/sh', '-c', 'echo hi']);
  });

  test.for([
    // TestApplyPlatforms_UnsupportedPlatform: DOCKER_DEFAULT_PLATFORM not among build.platforms.
    ['', { DOCKER_DEFAULT_PLATFORM: 'commodore/64' }, 'service "test" build.platforms does not support value set by DOCKER_DEFAULT_PLATFORM: commodore/64'],
    ['    platform: linux/s390x\n', {}, 'service "test" build configuration does not support platform: linux/s390x'],
  ] as const)('a platform outside build.platforms is refused: %s %j', ([extra, environment, message]) => {
    const files = {
      '/app/compose.yaml': `services:\n  test:\n    image: foo\n${extra}    build:\n      context: .\n      platforms: [linux/amd64, linux/arm64]\n`,
      '/app/Dockerfile': 'FROM scratch\n',
    };
    expect(resolve(files, {}, { environment })).toMatchObject({ ok: false, issues: [{ code: 'compose-platform-invalid', message }] });
  });
});

describe('build.additional_contexts', () => {
  const files: Files = {
    '/app/compose.yaml':
      'services:\n  api:\n    build:\n      context: .\n      additional_contexts:\n        base: docker-image://python:3.12-slim\n        tools: ./tools\n        alpine: docker-image://alpine:3.20\n      target: ${TARGET:-prod}\n',
    '/app/Dockerfile': 'FROM base AS prod\nCMD ["python", "-m", "api"]\nFROM tools AS dev\nFROM alpine AS debug\n',
  };
  const images = { 'python:3.12-slim': { cmd: ['python3'] }, alpine: { cmd: ['/bin/sh'] }, 'alpine:3.20': { cmd: ['/bin/ash'] }, base: { entrypoint: ['/wrong'] } };

  test('FROM base with base = docker-image://python:3.12-slim uses that image, not an image called "base"', () => {
    const r = ok(resolve(files, { images }));
    const api = r.services[0]!;
    expect(api.result.ok && api.result.complete ? api.result.argv : api.result).toEqual(['python', '-m', 'api']);
    expect(api.build?.contextBases).toEqual([
      { from: 'base', context: 'base', value: 'docker-image://python:3.12-slim', image: 'python:3.12-slim', known: true, stage: 0, line: 1, column: 1 },
    ]);
  });

  test('FROM alpine with alpine = docker-image://alpine:3.20 takes alpine:3.20, not alpine', () => {
    const r = ok(resolve(files, { images }, { environment: { TARGET: 'debug' } }));
    const api = r.services[0]!;
    expect(api.result.ok && api.result.complete ? api.result.argv : api.result).toEqual(['/bin/ash']);
  });

  test('FROM tools with a directory context: the base is unknown, said as data and as a diagnostic', () => {
    const r = ok(resolve(files, { images: { ...images, tools: { cmd: ['/wrong'] } } }, { environment: { TARGET: 'dev' } }));
    const api = r.services[0]!;
    expect(api.result).toMatchObject({ ok: true, complete: false });
    expect(api.build?.contextBases).toEqual([{ from: 'tools', context: 'tools', value: '/app/tools', known: false, stage: 1, line: 3, column: 1 }]);
    expect(r.diagnostics.find((d) => d.code === 'compose-build-context-base')?.message).toBe(
      'FROM tools is the additional context "tools" (/app/tools, a local directory), not an image of that name: its config is unknown here.',
    );
  });

  const withService = (baseDockerfile: string): Files => ({
    '/app/compose.yaml':
      'services:\n  base:\n    build: ./base\n  app:\n    build:\n      context: .\n      additional_contexts:\n        - base=service:base\n        - assets=~/assets\n',
    '/app/base/Dockerfile': baseDockerfile,
    '/app/Dockerfile': 'FROM base\nCOPY --from=assets / /srv\nCMD ["serve"]\n',
  });

  test('a service: context is the image that service builds: known when its own bases are (~ in a context path is the home directory)', () => {
    const r = ok(resolve(withService('FROM scratch\nENTRYPOINT ["/tini", "--"]\n'), {}, { homeDirectory: '/home/dev' }));
    const app = r.services.find((s) => s.name === 'app')!;
    expect(app.build?.contextBases).toEqual([{ from: 'base', context: 'base', value: 'service:base', service: 'base', known: true, stage: 0, line: 1, column: 1 }]);
    expect(app.result.ok && app.result.complete ? app.result.argv : app.result).toEqual(['/tini', '--', 'serve']);
  });

  test('a service: context whose service builds on an unknown base is unknown, said as data and as a diagnostic', () => {
    const r = ok(resolve(withService('FROM alpine\n')));
    const app = r.services.find((s) => s.name === 'app')!;
    expect(app.build?.contextBases?.map((c) => [c.from, c.value, c.known])).toEqual([['base', 'service:base', false]]);
    // CMD alone: what runs depends on the ENTRYPOINT of the unknown base.
    expect(app.result).toMatchObject({ ok: true, complete: false, dependsOn: ['entrypoint'] });
    expect(r.diagnostics.find((d) => d.code === 'compose-build-context-base')?.message).toContain('the image of service base, not known here');
  });

  test('service: contexts that name each other are unknown, not an endless evaluation', () => {
    const r = ok(
      resolve({
        '/app/compose.yaml':
          'services:\n  a:\n    build:\n      context: ./a\n      additional_contexts: {b: "service:b"}\n  b:\n    build:\n      context: ./b\n      additional_contexts: {a: "service:a"}\n',
        '/app/a/Dockerfile': 'FROM b\nCMD ["a"]\n',
        '/app/b/Dockerfile': 'FROM a\nCMD ["b"]\n',
      }),
    );
    expect(r.services.map((s) => s.result.ok && s.result.complete)).toEqual([false, false]);
  });

  test("additional_contexts of an override file are merged by key onto the base file's", () => {
    const r = ok(
      resolve(
        {
          ...files,
          '/app/compose.override.yml': 'services:\n  api:\n    build:\n      additional_contexts:\n        base: docker-image://python:3.13-slim\n',
        },
        { images: { ...images, 'python:3.13-slim': { cmd: ['python3.13'] } } },
      ),
    );
    expect(r.services[0]!.build?.contextBases?.[0]?.image).toBe('python:3.13-slim');
  });

  test('a stage named like a context is flagged (BuildKit replaces it by the context)', () => {
    const r = ok(
      resolve({
        '/app/compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      additional_contexts:\n        deps: ../deps\n',
        '/app/Dockerfile': 'FROM node:20 AS deps\nRUN npm ci\nFROM deps\nCMD ["node", "index.js"]\n',
      }),
    );
    expect(r.diagnostics.find((d) => d.code === 'compose-build-context-stage')).toMatchObject({ severity: 'warning', line: 1 });
  });
});
