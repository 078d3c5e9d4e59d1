import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { engineOptionsOf, imageConfigValues, loadImage, withDeprecatedBase, type ImageSourceOptions } from '../../src/cli/image.js';
import { UsageError, type CliIO } from '../../src/cli/io.js';

const dir = mkdtempSync(join(tmpdir(), 'container-argv-image-'));
const files: Record<string, string> = {
  Dockerfile: 'FROM node:20-slim\nENTRYPOINT ["/ep"]\nCMD ["serve"]\n',
  'inherit.Dockerfile': 'FROM node:20-slim\nCOPY . /app\n',
  'reset.Dockerfile': 'FROM node:20-slim\nENTRYPOINT ["tini", "--"]\n',
  'onbuild.Dockerfile': 'FROM builder\nRUN true\n',
  'stages.Dockerfile': 'FROM scratch AS one\nCMD ["/one"]\nFROM scratch AS two\nCMD ["/two"]\n',
  'bad.Dockerfile': 'FROM alpine\nCMD ["a", 1]\n',
  'arg.Dockerfile': 'ARG BASE\nFROM $BASE\nCMD ["/app"]\n',
  'node.json': JSON.stringify([{ Os: 'linux', Config: { Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] } }]),
  'cmd-only.json': JSON.stringify([{ Os: 'linux', Config: { Cmd: ['sh'] } }]),
  // An image whose ONBUILD trigger sets CMD when built FROM it (docker image inspect Config.OnBuild).
  'builder.json': JSON.stringify([{ Os: 'linux', Config: { Cmd: ['base'], OnBuild: ['CMD ["from-trigger"]'] } }]),
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
const io = (stdin = ''): CliIO => ({ stdout: { write: () => undefined }, stderr: { write: () => undefined }, readStdin: async () => stdin, env: { BASE: 'alpine' }, cwd: dir });

describe('engineOptionsOf', () => {
  test.for([
    [{}, {}],
    [{ engine: 'podman', target: 'x' }, { engine: 'podman' }],
    [
      { engine: 'docker', engineVersion: '20.10', builder: 'classic' },
      { engine: 'docker', engineVersion: '20.10', builder: 'classic' },
    ],
  ] as const)('%j → %j', ([options, want]) => {
    expect(engineOptionsOf(options as ImageSourceOptions)).toEqual(want);
  });
});

// Origins are the words `explain` prints after each value (docs/semantics.md R1-R3: where ENTRYPOINT/CMD come from).
describe('loadImage: a Dockerfile', () => {
  test.for([
    ['Dockerfile', {}, 'ENTRYPOINT at Dockerfile:2:1', 'CMD at Dockerfile:3:1'],
    ['inherit.Dockerfile', { imageConfig: ['node:20-slim=node.json'] }, 'inherited from base image node:20-slim', 'inherited from base image node:20-slim'],
    ['reset.Dockerfile', { imageConfig: ['node:20-slim=node.json'] }, 'ENTRYPOINT at reset.Dockerfile:2:1', 'reset by ENTRYPOINT at reset.Dockerfile:2:1'],
    ['onbuild.Dockerfile', { imageConfig: ['builder=builder.json'] }, 'not set', 'ONBUILD CMD of the base image, triggered at onbuild.Dockerfile:1:1'],
    ['stages.Dockerfile', { target: 'one' }, 'not set', 'CMD at stages.Dockerfile:2:1'],
  ] as const)('%s %j: entrypoint %j, cmd %j', async ([file, options, entrypoint, cmd]) => {
    const image = await loadImage(io(), file, options);
    expect(image).toMatchObject({ ok: true, file, kind: 'dockerfile' });
    expect([image.origins.entrypoint.text, image.origins.cmd.text]).toEqual([entrypoint, cmd]);
  });

  test('the default is ./Dockerfile; an instruction origin carries its position', async () => {
    const image = await loadImage(io(), undefined, {});
    expect(image.config).toMatchObject({ entrypoint: ['/ep'], cmd: ['serve'] });
    expect(image.origins.entrypoint).toEqual({ text: 'ENTRYPOINT at Dockerfile:2:1', line: 2, column: 1 });
    expect(image.frontend).toBe(null);
  });

  test('- reads stdin and is named <stdin>', async () => {
    const image = await loadImage(io('FROM scratch\nCMD ["/hello"]\n'), '-', {});
    expect(image).toMatchObject({ ok: true, file: '<stdin>', config: { cmd: ['/hello'] } });
  });

  test('a bare --build-arg takes its value from the environment', async () => {
    const image = await loadImage(io(), 'arg.Dockerfile', { buildArg: ['BASE'] });
    expect(image.ok).toBe(true);
    expect(image.findings.map((f) => f.code)).not.toContain('blank-base-name');
  });

  test('a failed build: no config, origins "not built", the issue as an error finding', async () => {
    const image = await loadImage(io(), 'bad.Dockerfile', {});
    expect(image).toMatchObject({ ok: false, config: null, origins: { entrypoint: { text: 'not built' }, cmd: { text: 'not built' } } });
    expect(image.findings[0]).toMatchObject({ file: 'bad.Dockerfile', code: 'json-not-strings', severity: 'error', line: 2 });
  });
});

describe('loadImage: --image-config', () => {
  test.for([
    ['node.json', 'image config node.json', 'image config node.json'],
    ['cmd-only.json', 'not set', 'image config cmd-only.json'],
  ] as const)('%s: entrypoint %j, cmd %j', async ([file, entrypoint, cmd]) => {
    const image = await loadImage(io(), undefined, { imageConfig: [file] });
    expect(image).toMatchObject({ ok: true, file, kind: 'image-config', findings: [] });
    expect([image.origins.entrypoint.text, image.origins.cmd.text]).toEqual([entrypoint, cmd]);
  });

  test('FILE is the image; REF=FILE entries are base images', () => {
    expect(imageConfigValues({ imageConfig: ['a=x.json', 'node.json', 'b=y.json'] })).toEqual({ file: 'node.json', refs: ['a=x.json', 'b=y.json'] });
    expect(imageConfigValues({})).toEqual({ file: undefined, refs: [] });
  });

  test.for([
    ['Dockerfile', { imageConfig: ['node.json'] }, 'give either a Dockerfile or --image-config FILE, not both'],
    [undefined, { imageConfig: ['node.json'], target: 'x' }, '--target, --build-arg and --image-config REF=FILE apply to a Dockerfile, not to --image-config FILE'],
    [undefined, { imageConfig: ['node.json', 'a=node.json'] }, '--target, --build-arg and --image-config REF=FILE apply to a Dockerfile, not to --image-config FILE'],
    [undefined, { imageConfig: ['node.json'], buildArg: ['A=1'] }, '--target, --build-arg and --image-config REF=FILE apply to a Dockerfile, not to --image-config FILE'],
    [undefined, { imageConfig: ['node.json', 'cmd-only.json'] }, 'give one --image-config FILE (the image to explain); base images are --image-config REF=FILE'],
  ] as const)('%j %j is a usage error', async ([dockerfile, options, message]) => {
    await expect(loadImage(io(), dockerfile, options)).rejects.toThrow(new UsageError(message));
  });
});

describe('withDeprecatedBase: --base REF=FILE, the old name of --image-config REF=FILE', () => {
  test('merges into imageConfig and writes one line to stderr', () => {
    const err: string[] = [];
    const quiet = { ...io(), stderr: { write: (t: string) => void err.push(t) } };
    expect(withDeprecatedBase({ base: ['a=x.json'], imageConfig: ['b=y.json'] }, quiet)).toEqual({ base: ['a=x.json'], imageConfig: ['b=y.json', 'a=x.json'] });
    expect(err).toEqual(['container-argv: --base is deprecated; use --image-config REF=FILE (same meaning)\n']);
    const none = { imageConfig: ['b=y.json'] };
    expect(withDeprecatedBase(none, quiet)).toBe(none);
    expect(err).toHaveLength(1);
  });

  test('a value without = is still a usage error (it was REF=FILE only)', () => {
    expect(() => withDeprecatedBase({ base: ['node.json'] }, io())).toThrow(new UsageError('--base expects REF=FILE, got "node.json"'));
  });
});
