import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateDockerfile, resolveDockerRun, type EvaluateDockerfileOptions, type ImageConfig } from '../../src/index.js';

// Issue 18 §1–2: what depends on a base image whose config was not given, and how bases are found.
// Rules: docs/semantics.md "Unknown base images".

type Via = 'inherited' | 'shell' | 'onbuild';

interface Row {
  readonly name: string;
  readonly text: string;
  readonly options?: EvaluateDockerfileOptions;
  readonly complete: boolean;
  /** Fields of the target that depend on an unknown base, and how. */
  readonly dependsOn: Partial<Record<'entrypoint' | 'cmd' | 'shell' | 'os', Via>>;
  /** Known fields of the target config (an unknown field is absent from `config`). */
  readonly config?: ImageConfig;
  readonly source: string;
}

const ROWS: readonly Row[] = [
  {
    name: 'no CMD/ENTRYPOINT: both inherited',
    text: 'FROM node:20\nRUN npm ci\n',
    complete: false,
    dependsOn: { entrypoint: 'inherited', cmd: 'inherited', shell: 'inherited', os: 'inherited' },
    config: { onBuild: null },
    source: 'issue 18 §2 (was "does not start"); buildkit dispatch.go: the stage starts from the base image config',
  },
  {
    name: 'exec CMD only: ENTRYPOINT inherited',
    text: 'FROM gcr.io/distroless/nodejs20-debian12\nCMD ["hello_express.js"]\n',
    complete: false,
    dependsOn: { entrypoint: 'inherited', shell: 'inherited', os: 'inherited' },
    config: { cmd: ['hello_express.js'], onBuild: null, argsEscaped: true },
    source: 'issue 18 §2 (was argv hello_express.js; the image runs /nodejs/bin/node hello_express.js)',
  },
  {
    name: 'exec ENTRYPOINT and CMD: complete',
    text: 'FROM node:20\nENTRYPOINT ["node"]\nCMD ["server.js"]\n',
    complete: true,
    dependsOn: { shell: 'inherited', os: 'inherited' },
    config: { entrypoint: ['node'], cmd: ['server.js'], onBuild: null, argsEscaped: true },
    source: 'semantics.md R2.5 (CMD set in the stage is not reset)',
  },
  {
    name: 'CMD before ENTRYPOINT in the stage: complete',
    text: 'FROM node:20\nCMD ["server.js"]\nENTRYPOINT ["node"]\n',
    complete: true,
    dependsOn: { shell: 'inherited', os: 'inherited' },
    config: { entrypoint: ['node'], cmd: ['server.js'], onBuild: null, argsEscaped: true },
    source: 'buildkit dispatch.go dispatchEntrypoint (cmdSet); engine fixture build-16',
  },
  {
    name: 'ENTRYPOINT alone on an unknown image: CMD kept if its ONBUILD trigger set one',
    text: 'FROM node:20\nENTRYPOINT ["node"]\n',
    complete: false,
    dependsOn: { cmd: 'onbuild', shell: 'inherited', os: 'inherited' },
    config: { entrypoint: ['node'], onBuild: null },
    source: 'engine fixture onbuild-cmd-child-ep (docker 20.10.24, both builders: a trigger CMD survives the child ENTRYPOINT)',
  },
  {
    name: 'ENTRYPOINT alone one stage further: the triggers ran in the parent stage, CMD is reset',
    text: 'FROM node:20 AS base\nRUN npm ci\nFROM base\nENTRYPOINT ["node"]\n',
    complete: true,
    dependsOn: { shell: 'inherited', os: 'inherited' },
    config: { entrypoint: ['node'], cmd: null, onBuild: null },
    source: 'engine fixture onbuild-grandchild (triggers run once, in the first stage); semantics.md R2.5',
  },
  {
    name: 'multi-stage chain: ENTRYPOINT inherited through stages',
    text: 'FROM python:3.12 AS base\nFROM base AS deps\nRUN pip install x\nFROM deps\nCMD ["app.py"]\n',
    complete: false,
    dependsOn: { entrypoint: 'inherited', shell: 'inherited', os: 'inherited' },
    config: { cmd: ['app.py'], onBuild: null, argsEscaped: true },
    source: 'buildkit convert.go (a stage base is the earlier stage, whose config came from python:3.12)',
  },
  {
    name: 'build stage on an unknown image, final stage FROM scratch: complete, nothing unknown',
    text: 'FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
    complete: true,
    dependsOn: {},
    config: { entrypoint: ['/app'], cmd: null, shell: null, onBuild: null, os: 'linux' },
    source: 'buildkit convert.go (COPY --from does not make the config depend on the stage)',
  },
  {
    name: 'shell-form CMD: wrapped in the unknown base shell',
    text: 'FROM node:20\nCMD npm start\n',
    complete: false,
    dependsOn: { entrypoint: 'inherited', cmd: 'shell', shell: 'inherited', os: 'inherited' },
    source: 'buildkit dispatch.go (shell form uses the config Shell, default by OS); engine fixture build-15 (inherited SHELL)',
  },
  {
    name: 'shell-form CMD after a SHELL of the Dockerfile: known shell',
    text: 'FROM node:20\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT ["tini", "--"]\nCMD npm start\n',
    complete: true,
    dependsOn: { os: 'inherited' },
    config: { entrypoint: ['tini', '--'], cmd: ['/bin/bash', '-c', 'npm start'], shell: ['/bin/bash', '-c'], onBuild: null, argsEscaped: true },
    source: 'semantics.md R2.x (SHELL applies to later shell-form instructions)',
  },
  {
    name: 'options.os does not make the inherited SHELL known',
    text: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD npm start\n',
    options: { os: 'linux' },
    complete: false,
    dependsOn: { cmd: 'shell', shell: 'inherited' },
    config: { entrypoint: ['tini', '--'], onBuild: null, os: 'linux', argsEscaped: true },
    source: 'buildkit dispatch.go (a base SHELL wins over the OS default)',
  },
  {
    name: 'buildah: SHELL never applies to commands, so only the OS decides',
    text: 'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD npm start\n',
    options: { engine: 'podman', os: 'linux' },
    complete: true,
    dependsOn: {},
    config: { entrypoint: ['tini', '--'], cmd: ['/bin/sh', '-c', 'npm start'], shell: null, onBuild: null, os: 'linux' },
    source: 'engine fixture build-24 (imagebuilder ignores SHELL for CMD/ENTRYPOINT); OCI images store no Shell',
  },
  {
    name: 'Windows base given: the default shell is cmd /S /C',
    text: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nENTRYPOINT ["cmd.exe", "/c"]\nCMD echo hi\n',
    options: { baseImages: { 'mcr.microsoft.com/windows/nanoserver:ltsc2022': { cmd: ['c:\\windows\\system32\\cmd.exe'], os: 'windows' } } },
    complete: true,
    dependsOn: {},
    config: { entrypoint: ['cmd.exe', '/c'], cmd: ['cmd', '/S', '/C', 'echo hi'], shell: null, onBuild: null, os: 'windows', argsEscaped: true },
    source: 'spec vector build-03 (default shell windows, BuildKit)',
  },
  {
    name: 'ONBUILD of a known base runs; the stage is complete',
    text: 'FROM app-onbuild:1\nENTRYPOINT ["/srv"]\n',
    options: { baseImages: { 'app-onbuild:1': { cmd: ['base'], onBuild: ['CMD ["from-trigger"]'] } } },
    complete: true,
    dependsOn: {},
    config: { entrypoint: ['/srv'], cmd: ['from-trigger'], onBuild: null },
    source: 'engine fixture onbuild-cmd-child-ep',
  },
  {
    name: 'stage name, not an image: nothing unknown',
    text: 'FROM scratch AS base\nCMD ["x"]\nFROM base\n',
    complete: true,
    dependsOn: {},
    config: { entrypoint: null, cmd: ['x'], onBuild: null },
    source: 'buildkit convert.go findStateByName',
  },
];

describe('unknown base images (issue 18 §2)', () => {
  test.for(ROWS)('$name', (row) => {
    const r = evaluateDockerfile(row.text, row.options);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    if (!r.ok) return;
    expect(r.complete).toBe(row.complete);
    const vias = Object.fromEntries(Object.entries(r.dependsOn).map(([k, d]) => [k, d.via]));
    expect(vias).toEqual(row.dependsOn);
    expect(r.target.dependsOn).toBe(r.dependsOn);
    for (const field of Object.keys(row.dependsOn)) expect(field in r.config, `${field} is unknown, so absent`).toBe(false);
    if (row.config !== undefined) expect(r.config).toMatchObject(row.config);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes.includes('depends-on-unknown-base')).toBe(!row.complete);
    const strict = evaluateDockerfile(row.text, { ...row.options, strict: true });
    expect(strict.ok ? 'ok' : strict.issues[0].code).toBe(row.complete ? 'ok' : 'base-config-required');
  });

  test('unknownBases lists built stages on unknown images, with FROM positions', () => {
    const r = evaluateDockerfile('ARG V=20\nFROM node:${V} AS build\nRUN x\nFROM golang AS unused\nFROM build\nCMD ["a"]\n');
    expect(r.ok && r.unknownBases.map(({ from, stage, line, column, reference }) => ({ from, stage, line, column, name: reference.name }))).toEqual([
      { from: 'node:20', stage: 0, line: 2, column: 1, name: 'docker.io/library/node' },
    ]);
  });

  test('sources say "unknown" for what is inherited from an unknown base', () => {
    const r = evaluateDockerfile('FROM node:20 AS a\nFROM a\nCMD ["x"]\n');
    expect(r.ok && r.target.sources).toEqual({
      entrypoint: { kind: 'unknown', from: 'node:20' },
      cmd: { kind: 'instruction', instruction: 'CMD', line: 3, column: 1 },
      shell: { kind: 'unknown', from: 'node:20' },
    });
  });

  test('assumed: the value if the base sets nothing (a Linux image)', () => {
    const r = evaluateDockerfile('FROM node:20\nCMD npm start\n');
    expect(r.ok && r.dependsOn.cmd).toEqual({ from: 'node:20', via: 'shell', assumed: ['/bin/sh', '-c', 'npm start'] });
    expect(r.ok && r.dependsOn.entrypoint).toEqual({ from: 'node:20', via: 'inherited', assumed: null });
  });

  test('unknownBaseImage: "error" still fails on any unknown base of a built stage, complete or not', () => {
    const r = evaluateDockerfile('FROM node:20\nENTRYPOINT ["node"]\nCMD ["a"]\n', { unknownBaseImage: 'error' });
    expect(!r.ok && r.issues[0]).toEqual({ code: 'base-image-not-found', message: 'failed to resolve source metadata for node:20', line: 1, column: 1 });
  });
});

// Real files of the corpus (shared/corpus/dockerfiles), as their projects wrote them.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = process.env['CONTAINER_ARGV_CORPUS'] ?? path.resolve(repoRoot, '../shared/corpus/dockerfiles');
const corpusFile = (name: string): string | undefined => {
  const file = path.join(corpus, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

describe.skipIf(!existsSync(corpus))('corpus files with and without their base configs', () => {
  // GoogleContainerTools/distroless nodejs/BUILD (015d3be5): oci_image entrypoint ["/nodejs/bin/node"], no cmd.
  const DISTROLESS_NODE: ImageConfig = { entrypoint: ['/nodejs/bin/node'], cmd: null };
  // docker-library/repo-info repos/docker/remote/windowsservercore-ltsc2025.md (12b0c3db): Default Command cmd.exe, no ENTRYPOINT.
  const SERVERCORE: ImageConfig = { entrypoint: null, cmd: ['c:\\windows\\system32\\cmd.exe'], os: 'windows' };

  test.for([
    {
      file: 'GoogleContainerTools__distroless__examples__nodejs__node-express__Dockerfile.Dockerfile',
      unknown: { entrypoint: 'inherited' },
      bases: { 'gcr.io/distroless/nodejs22-debian13': DISTROLESS_NODE },
      argv: ['/nodejs/bin/node', 'hello_express.js'],
    },
    {
      file: 'adoptium__containers__21__jdk__windows__windowsservercore-ltsc2025__Dockerfile.Dockerfile',
      unknown: { entrypoint: 'inherited' },
      bases: { 'mcr.microsoft.com/windows/servercore:ltsc2025': SERVERCORE },
      argv: ['jshell'],
    },
  ])('$file', ({ file, unknown, bases, argv }) => {
    const text = corpusFile(file);
    if (text === undefined) return;
    const without = evaluateDockerfile(text);
    expect(without.ok && without.complete).toBe(false);
    expect(
      without.ok &&
        Object.fromEntries(
          Object.entries(without.dependsOn)
            .filter(([k]) => k === 'entrypoint' || k === 'cmd')
            .map(([k, d]) => [k, d.via]),
        ),
    ).toEqual(unknown);
    const withBases = evaluateDockerfile(text, { baseImages: bases });
    expect(withBases.ok && withBases.complete).toBe(true);
    if (!withBases.ok) return;
    expect(withBases.diagnostics.map((d) => d.code)).not.toContain('image-config-unused');
    const run = resolveDockerRun(withBases.config);
    expect(run.ok && run.argv).toEqual(argv);
  });
});

describe('base image configs are found by image, not by text (issue 18 §1)', () => {
  const config: ImageConfig = { entrypoint: ['/e'], cmd: null };
  test.for([
    { key: 'node', from: 'node', found: true },
    { key: 'node', from: 'node:latest', found: true },
    { key: 'node', from: 'docker.io/library/node:latest', found: true },
    { key: 'docker.io/library/node:latest', from: 'index.docker.io/library/node', found: true },
    { key: 'node:20', from: 'node:20-slim', found: false },
    { key: 'node:20', from: `node:20@sha256:${'a'.repeat(64)}`, found: false },
    { key: `node@sha256:${'a'.repeat(64)}`, from: `node:20@sha256:${'a'.repeat(64)}`, found: true },
    { key: 'ghcr.io/org/app:1', from: 'ghcr.io/org/app:1', found: true },
    { key: 'org/app:1', from: 'ghcr.io/org/app:1', found: false },
  ])('key $key, FROM $from → found: $found', ({ key, from, found }) => {
    const r = evaluateDockerfile(`FROM ${from}\nCMD ["x"]\n`, { baseImages: { [key]: config } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.complete).toBe(found);
    const unused = r.diagnostics.filter((d) => d.code === 'image-config-unused');
    expect(unused.map((d) => d.message)).toEqual(found ? [] : [expect.stringContaining(JSON.stringify(key))]);
  });

  test('a key that is not a reference, and two keys for one image, are issues naming them', () => {
    const bad = evaluateDockerfile('FROM node\n', { baseImages: { Node: {} } });
    expect(!bad.ok && bad.issues[0]).toEqual({
      code: 'image-config-key-invalid',
      message: 'the image config key "Node" is not an image reference: invalid reference format: repository name (library/Node) must be lowercase',
    });
    const twice = evaluateDockerfile('FROM node\n', { baseImages: { node: {}, 'node:latest': {} } });
    expect(!twice.ok && twice.issues[0].message).toBe('the image config keys "node" and "node:latest" name the same image (docker.io/library/node:latest); give one');
  });

  test('an entry used only by a stage that is not built is still used', () => {
    const r = evaluateDockerfile('FROM golang AS tools\nFROM scratch\nCMD ["x"]\n', { baseImages: { golang: {} } });
    expect(r.ok && r.diagnostics.map((d) => d.code)).not.toContain('image-config-unused');
  });

  test('a lookup function gets the text after ARG expansion and the parsed reference', () => {
    const seen: string[] = [];
    evaluateDockerfile('ARG T=20\nFROM node:${T}\n', {
      baseImages: (ref, reference) => {
        seen.push(`${ref} ${reference?.canonical}`);
        return {};
      },
    });
    expect(seen).toEqual(['node:20 docker.io/library/node:20']);
  });
});

describe('FROM that is not an image reference gets the builder error (issue 18 §1)', () => {
  // docker 20.10.24 (both builders) and podman 4.3.1 probed on this machine on 2026-12-02 (docker build /
  // podman build of `FROM <ref>\nCMD ["x"]`); current wording from buildkit 73ed6825 convert.go
  // resolveBaseImage and distribution/reference v0.6.0 normalize.go.
  test.for([
    { ref: 'Node', options: {}, message: 'failed to parse stage name "Node": invalid reference format: repository name (library/Node) must be lowercase' },
    { ref: 'Node', options: { engineVersion: '20.10' }, message: 'failed to parse stage name "Node": invalid reference format: repository name must be lowercase' },
    { ref: 'Node', options: { engineVersion: '24.0' }, message: 'failed to parse stage name "Node": invalid reference format: repository name must be lowercase' },
    { ref: 'Node', options: { engineVersion: '25.0' }, message: 'failed to parse stage name "Node": invalid reference format: repository name (library/Node) must be lowercase' },
    { ref: 'Node', options: { builder: 'classic', engineVersion: '20.10' }, message: 'invalid reference format: repository name must be lowercase' },
    { ref: 'ghcr.io/Foo/bar', options: { builder: 'classic', engineVersion: '20.10' }, message: 'invalid reference format: repository name must be lowercase' },
    { ref: 'Node', options: { engine: 'podman' }, message: 'creating build container: repository name must be lowercase' },
    { ref: 'a//b', options: { engineVersion: '20.10' }, message: 'failed to parse stage name "a//b": invalid reference format' },
    { ref: 'a//b', options: { engine: 'podman' }, message: 'creating build container: invalid reference format' },
    { ref: `node@sha256:${'a'.repeat(63)}`, options: { builder: 'classic', engineVersion: '20.10' }, message: 'invalid checksum digest length' },
    { ref: `node@md5:${'a'.repeat(32)}`, options: { engine: 'podman' }, message: 'creating build container: unsupported digest algorithm' },
  ] as const)('FROM $ref ($options)', ({ ref, options, message }) => {
    const r = evaluateDockerfile(`FROM ${ref}\nCMD ["x"]\n`, options);
    expect(!r.ok && r.issues[0]).toEqual({ code: 'from-reference-invalid', message, line: 1, column: 1 });
  });

  test('# syntax=docker/dockerfile:1.6 (docker/distribution 2.8.2) vs 1.7 (distribution/reference 0.5.0)', () => {
    const message = (v: string) => {
      const r = evaluateDockerfile(`# syntax=docker/dockerfile:${v}\nFROM Node\n`);
      return r.ok ? 'built' : r.issues[0].message;
    };
    expect(message('1.6')).toBe('failed to parse stage name "Node": invalid reference format: repository name must be lowercase');
    expect(message('1.7')).toBe('failed to parse stage name "Node": invalid reference format: repository name (library/Node) must be lowercase');
  });

  test('which stages are checked: BuildKit every stage, classic up to the target, buildah the built ones', () => {
    // Probed (docker 20.10.24, podman 4.3.1): `FROM Node AS x\nFROM argvbase:1\nCMD ["x"]` fails on both
    // Docker builders and builds on podman.
    const unusedBefore = 'FROM Node AS x\nFROM alpine\nCMD ["x"]\n';
    expect(evaluateDockerfile(unusedBefore).ok).toBe(false);
    expect(evaluateDockerfile(unusedBefore, { builder: 'classic' }).ok).toBe(false);
    expect(evaluateDockerfile(unusedBefore, { engine: 'podman' }).ok).toBe(true);
    const afterTarget = 'FROM alpine AS app\nCMD ["x"]\nFROM Node\n';
    expect(evaluateDockerfile(afterTarget, { target: 'app' }).ok).toBe(false);
    expect(evaluateDockerfile(afterTarget, { target: 'app', builder: 'classic' }).ok).toBe(true);
  });
});

describe('completeness is sound (property)', () => {
  // For any base config: a field the evaluation without it calls known has the same value with it, and an
  // unknown field's `assumed` is the value with an empty Linux base. So `complete` never hides a difference.
  const listArb = fc.option(fc.array(fc.constantFrom('a', 'b', '/bin/x'), { maxLength: 2 }), { nil: null });
  const baseArb = fc.record(
    {
      entrypoint: listArb,
      cmd: listArb,
      shell: fc.option(fc.constantFrom(['/bin/bash', '-c'], ['pwsh', '-c']), { nil: null }),
      onBuild: fc.option(fc.subarray(['CMD ["t"]', 'ENTRYPOINT ["te"]', 'SHELL ["ts"]', 'CMD t shell']), { nil: null }),
      os: fc.constantFrom('linux' as const, 'windows' as const),
    },
    { requiredKeys: [] },
  );
  const lineArb = fc.constantFrom('CMD ["c"]', 'CMD c', 'CMD', 'CMD []', 'ENTRYPOINT ["e"]', 'ENTRYPOINT e', 'ENTRYPOINT []', 'SHELL ["/s", "-c"]', 'ONBUILD CMD ["o"]', 'RUN x');
  const fileArb = fc.record({
    first: fc.array(lineArb, { maxLength: 4 }),
    second: fc.option(fc.array(lineArb, { maxLength: 3 }), { nil: null }),
  });
  const optionsArb = fc.constantFrom<EvaluateDockerfileOptions>({}, { builder: 'classic' }, { engine: 'podman' }, { engine: 'podman', imageFormat: 'docker' }, { os: 'linux' });

  test('known fields do not change when the base config is given', () => {
    fc.assert(
      fc.property(fileArb, baseArb, optionsArb, (file, base, options) => {
        const text = `FROM img:1 AS s0\n${file.first.join('\n')}\n${file.second === null ? '' : `FROM s0\n${file.second.join('\n')}\n`}`;
        const unknown = evaluateDockerfile(text, options);
        const known = evaluateDockerfile(text, { ...options, baseImages: { 'img:1': base } });
        const empty = evaluateDockerfile(text, { ...options, baseImages: { 'img:1': {} } });
        if (!unknown.ok || !known.ok || !empty.ok) return;
        expect(known.complete).toBe(true);
        for (const field of ['entrypoint', 'cmd', 'shell', 'os'] as const) {
          const dep = unknown.dependsOn[field];
          if (dep === undefined) expect(unknown.config[field], field).toEqual(known.config[field]);
          else if (field !== 'os') expect(dep.assumed, field).toEqual(empty.config[field] ?? null);
        }
      }),
    );
  });
});
