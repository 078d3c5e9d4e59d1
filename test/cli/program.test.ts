import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CURRENT_DOCKER_VERSION } from '../../src/core/engine-profile.js';
import { cli } from './helpers.js';
import { makeTree } from './tree.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('container-argv (global)', () => {
  test('--version prints the package version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test('--help lists the commands and examples', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Commands:');
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('table');
  });

  test.for(['explain', 'table', 'k8s', 'compose', 'lint'])('%s --help has usage, options and examples', async (command) => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: container-argv ${command} `));
    expect(run.stdout).toContain('--json');
    expect(run.stdout).toContain(`Examples:\n  $ container-argv ${command}`);
  });

  // Help drift: explain/k8s/compose/convert --help said "1 … a finding at --fail-on", an option only
  // lint has (and lint --help gave no exit statuses at all). Every --flag a command's help names is
  // one of its own options, or a word of the docker/dockerd command lines it quotes.
  const QUOTED_ENGINE_FLAGS = new Set(['--rm', '--port', '--init', '--entrypoint']);
  test.for(['explain', 'table', 'k8s', 'compose', 'lint', 'convert'])('%s --help names only its own options', async (command) => {
    const help = (await cli([command, '--help'])).stdout;
    const own = new Set([...help.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]));
    const named = [...help.matchAll(/--[a-z][a-z-]*/g)].map((m) => m[0]);
    expect(named.filter((flag) => !own.has(flag) && !QUOTED_ENGINE_FLAGS.has(flag))).toEqual([]);
    expect(help).toContain('\nExit status: 0 ');
  });

  test('no command: help on stderr, exit 2', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: container-argv');
  });

  test.for([
    [['tabl'], "container-argv: unknown command 'tabl' (Did you mean table?)\n"],
    [['table', '--format', 'pdf'], "container-argv: option '--format <format>' argument 'pdf' is invalid. Allowed choices are md, markdown, html, json.\n"],
    [['table', '--bogus'], "container-argv: unknown option '--bogus'\n"],
    [['table', '--', 'x'], 'container-argv: table takes no container arguments after "--"\n'],
    [['table', '--engine-version', 'latest'], 'container-argv: --engine-version expects a release like 20.10 or 27.3.1, got "latest"\n'],
  ] as const)('usage error %j: one line, exit 2, no stack', async ([argv, message]) => {
    expect(await cli(argv)).toEqual({ code: 2, stdout: '', stderr: message });
  });
});

// Issue 14 §5: input that was accepted silently.
describe('bad input is refused or explained', () => {
  const withFile = (name: string, text: string) => makeTree({ [name]: text });

  test.for([
    ['foo.json', '{"foo": 1}', 'container-argv: foo.json: not an image config: (root): found only "foo"; expected docker image inspect output'],
    [
      'manifest.json',
      '{"schemaVersion": 2, "config": {"digest": "sha256:0"}, "layers": []}',
      'container-argv: manifest.json: not an image config: (root): an image manifest, not its config',
    ],
  ] as const)('--image-config %s is refused with what was expected', async ([name, text, message]) => {
    const r = await cli(['explain', '--image-config', name], { cwd: withFile(name, text) });
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(message)).toBe(true);
  });

  // `docker image inspect node:22 busybox` prints one element per image; the first was used silently.
  test('an inspect array of several images: refused, or picked by --platform', async () => {
    const both = JSON.stringify([
      { Os: 'linux', Architecture: 'amd64', Config: { Cmd: ['amd'] } },
      { Os: 'linux', Architecture: 'arm64', Variant: 'v8', Config: { Cmd: ['arm'] } },
    ]);
    const root = withFile('both.json', both);
    expect(await cli(['explain', '--image-config', 'both.json'], { cwd: root })).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'container-argv: both.json: not an image config: (root): 2 images in the inspect output (linux/amd64, linux/arm64/v8): give one image, or pick one with --platform os/arch\n',
    });
    const arm = await cli(['explain', '--image-config', 'both.json', '--platform', 'linux/arm64', '--json'], { cwd: root });
    expect(JSON.parse(arm.stdout).argv).toEqual(['arm']);
    const base = await cli(['explain', '-', '--image-config', 'alpine=both.json', '--platform', 'linux/amd64', '--json'], { cwd: root, stdin: 'FROM alpine\n' });
    expect(JSON.parse(base.stdout).argv).toEqual(['amd']);
  });

  test('explain - says it reads stdin when stdin is a terminal', async () => {
    const tty = await cli(['explain', '-', '--image-config', 'alpine=x.json'], { stdinTTY: true, stdin: 'FROM scratch\nCMD ["a"]\n', cwd: withFile('x.json', '{"Config": {}}') });
    expect(tty.stderr).toBe('container-argv: reading standard input (end it with Ctrl-D)\n');
    expect(tty.code).toBe(0);
    const piped = await cli(['explain', '-'], { stdinTTY: false, stdin: 'FROM scratch\nCMD ["a"]\n' });
    expect(piped.stderr).toBe('');
  });

  test('--engine podman with --builder is a usage error (Podman builds with buildah)', async () => {
    expect(await cli(['lint', '-', '--engine', 'podman', '--builder', 'classic'], { stdin: 'FROM scratch\n' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'container-argv: --builder: builder "classic" is a Docker builder; Podman always builds with buildah (leave --builder out with --engine podman)\n',
    });
  });

  test('--engine-version later than the newest release modelled: a note says whose rules apply', async () => {
    const r = await cli(['explain', '-', '--engine-version', '99.0'], { stdin: 'FROM scratch\nCMD ["a"]\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `container-argv: note: Docker 99.0 is later than the newest release modelled (${CURRENT_DOCKER_VERSION}); the rules of ${CURRENT_DOCKER_VERSION} apply\n`,
    );
    expect((await cli(['explain', '-', '--engine-version', CURRENT_DOCKER_VERSION], { stdin: 'FROM scratch\nCMD ["a"]\n' })).stderr).toBe('');
  });

  // docker run -e =x: `invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x` (docker CLI
  // 28.2.2, live probe 2026-12-02); podman 4.3.1: `Error: invalid environment variable: "=x"`, exit 125.
  test('compose --env =x is refused as docker run -e refuses it', async () => {
    const root = withFile('compose.yaml', 'services:\n  web:\n    image: nginx\n');
    for (const value of ['=x', '=']) {
      expect(await cli(['compose', 'compose.yaml', '--env', value], { cwd: root })).toEqual({
        code: 2,
        stdout: '',
        stderr: `container-argv: --env: invalid environment variable: ${value}\n`,
      });
    }
  });
});
