import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';
import { writeCommandFixtures } from './fixtures.js';

let dir = '';
beforeAll(() => {
  dir = writeCommandFixtures();
});

const run = (argv: string[], stdin?: string) => cli(argv, { cwd: dir, ...(stdin !== undefined && { stdin }) });

describe('container-argv explain', () => {
  test('prints the argv shell-quoted and as JSON, with where ENTRYPOINT and CMD came from', async () => {
    const r = await run(['explain', 'Dockerfile', '--image-config', 'node:20-slim=node.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain("  argv       /app/entrypoint.sh /bin/sh -c 'node server.js'\n");
    expect(r.stdout).toContain('  json       ["/app/entrypoint.sh", "/bin/sh", "-c", "node server.js"]\n');
    expect(r.stdout).toContain('← ENTRYPOINT at Dockerfile:3:1');
    expect(r.stdout).toContain('← CMD at Dockerfile:4:1');
  });

  test('an unknown base: "depends on …", exit 3; --strict makes it an error (issue 18 §2)', async () => {
    const r = await run(['explain', 'base-only.Dockerfile']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('  ENTRYPOINT (unknown)  ← inherited from base image node:20-slim (config unknown)\n');
    expect(r.stdout).toContain('  depends on node:20-slim (base image config unknown): ENTRYPOINT inherited from it; CMD inherited from it\n');
    expect(r.stdout).not.toContain('does not start');
    const json = JSON.parse((await run(['explain', 'base-only.Dockerfile', '--json'])).stdout);
    expect(json).toMatchObject({
      ok: false,
      complete: false,
      dependsOn: { from: 'node:20-slim', fields: ['entrypoint', 'cmd'] },
      image: { entrypoint: 'unknown', cmd: 'unknown' },
    });
    expect(json.unknownBases).toEqual([{ from: 'node:20-slim', stage: 0, line: 1, column: 1 }]);
    const strict = await run(['explain', 'base-only.Dockerfile', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('base-config-required');
  });

  test('an --image-config key that is not an image reference is a usage error', async () => {
    const r = await run(['explain', 'base-only.Dockerfile', '--image-config', 'Node=node.json']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('container-argv: --image-config: the image config key "Node" is not an image reference: ');
  });

  test('an unknown base the run does not use: the exact argv, exit 0', async () => {
    const r = await run(['explain', 'base-only.Dockerfile', '--entrypoint', '/bin/sh', '--', '-c', 'id']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  argv       /bin/sh -c id\n');
    expect(r.stdout).not.toContain('depends-on-unknown-base');
  });

  test('a shell-form CMD on an unknown base shows what it assumes', async () => {
    const r = await run(['explain', 'Dockerfile']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('  CMD        (unknown; ["/bin/sh", "-c", "node server.js"] if node:20-slim is a Linux image with no SHELL)');
    expect(r.stdout).toContain('  depends on node:20-slim (base image config unknown): CMD shell form, run by its SHELL\n');
  });

  test('the Dockerfile defaults to ./Dockerfile', async () => {
    expect((await run(['explain'])).stdout).toBe((await run(['explain', 'Dockerfile'])).stdout);
  });

  test('--image-config REF=FILE supplies the base image config; its values are attributed to it', async () => {
    const r = await run(['explain', 'base-only.Dockerfile', '--image-config', 'node:20-slim=node.json', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.argv).toEqual(['docker-entrypoint.sh', 'node']);
    expect(out.origins.entrypoint.text).toBe('inherited from base image node:20-slim');
    expect(out.diagnostics).toEqual([]);
  });

  test('--base REF=FILE (deprecated name of --image-config REF=FILE) still works, with a one-line note on stderr', async () => {
    for (const command of ['explain', 'k8s']) {
      const r = await run([command, 'base-only.Dockerfile', '--base', 'node:20-slim=node.json', '--json']);
      const same = await run([command, 'base-only.Dockerfile', '--image-config', 'node:20-slim=node.json', '--json']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(same.stdout);
      expect(r.stderr).toBe('container-argv: --base is deprecated; use --image-config REF=FILE (same meaning)\n');
      expect(same.stderr).toBe('');
    }
    expect((await run(['explain', '--help'])).stdout).not.toContain('--base');
  });

  test('--image-config FILE is the image itself; REF=FILE entries are base images and need a Dockerfile', async () => {
    const r = await run(['explain', '--image-config', 'node.json', '--json']);
    expect(JSON.parse(r.stdout).argv).toEqual(['docker-entrypoint.sh', 'node']);
    const both = await run(['explain', '--image-config', 'node.json', '--image-config', 'node:20-slim=node.json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('container-argv: --target, --build-arg and --image-config REF=FILE apply to a Dockerfile, not to --image-config FILE\n');
  });

  test('the ENTRYPOINT reset of an inherited CMD is reported with its position', async () => {
    const r = await run(['explain', 'resets.Dockerfile', '--image-config', 'node:20-slim=node.json']);
    expect(r.stdout).toContain('  json       ["tini", "--"]\n');
    expect(r.stdout).toMatch(/resets\.Dockerfile:2:1: warning entrypoint-resets-cmd: /);
  });

  test('-- ARGS replace CMD; --entrypoint drops CMD (info)', async () => {
    const a = JSON.parse((await run(['explain', '--json', '--', '--port', '8080'])).stdout);
    expect(a.argv).toEqual(['/app/entrypoint.sh', '--port', '8080']);
    const b = JSON.parse((await run(['explain', '--entrypoint', 'sh', '--json', '--image-config', 'node:20-slim=node.json'])).stdout);
    expect(b.argv).toEqual(['sh']);
    expect(b.diagnostics.map((d: { code: string }) => d.code)).toContain('entrypoint-drops-cmd');
  });

  test('--init and --engine podman use the engine init binary', async () => {
    const r = JSON.parse((await run(['explain', '--init', '--engine', 'podman', '--json', '--image-config', 'node:20-slim=node.json'])).stdout);
    expect(r.argv.slice(0, 2)).toEqual(['/run/podman-init', '--']);
  });

  test('--run parses a whole docker run line', async () => {
    const r = await run(['explain', '--run', "docker run --rm -it --entrypoint /bin/sh app -c 'echo $HOME'", '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).argv).toEqual(['/bin/sh', '-c', 'echo $HOME']);
  });

  test('--image-config explains an image (docker image inspect output)', async () => {
    const r = await run(['explain', '--image-config', 'node.json', '--', 'app.js']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('node.json: image config');
    expect(r.stdout).toContain('  argv       docker-entrypoint.sh app.js\n');
  });

  test('reads the Dockerfile from stdin with -', async () => {
    const r = await run(['explain', '-', '--json'], 'FROM scratch\nCMD ["/hello"]\n');
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, file: '<stdin>', argv: ['/hello'] });
  });

  test('shows the frontend a `# syntax=` line selects (text and --json)', async () => {
    const text = '# syntax=docker/dockerfile:1.8\nFROM scratch\nCMD ["/hello"] x\n';
    const r = await run(['explain', '-'], text);
    expect(r.stdout).toContain('  frontend   docker/dockerfile:1.8  (rules of Dockerfile frontend 1.8)\n');
    expect(JSON.parse((await run(['explain', '-', '--json'], text)).stdout)).toMatchObject({ frontend: { ref: 'docker/dockerfile:1.8', version: '1.8' }, argv: ['/hello'] });
    const custom = await run(['explain', '-', '--json'], '# syntax=example.com/f\nFROM scratch\nCMD ["/hello"]\n');
    expect(JSON.parse(custom.stdout)).toMatchObject({ frontend: { ref: 'example.com/f', version: null } });
    expect(JSON.parse((await run(['explain', '-', '--json'], 'FROM scratch\nCMD ["/hello"]\n')).stdout).frontend).toBe(null);
  });

  test('a build error exits 1 and is printed as file:line:col: severity code: message', async () => {
    const r = await run(['explain', 'bad.Dockerfile']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad.Dockerfile:2:1: error json-not-strings: ');
  });

  test('nothing to run exits 1', async () => {
    const r = await run(['explain', '-'], 'FROM scratch\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('does not start: no command specified');
  });

  test.for([
    [['explain', 'missing.Dockerfile'], 'container-argv: cannot read "missing.Dockerfile": no such file\n'],
    [['explain', '--image-config', 'broken.json'], /^container-argv: broken\.json: invalid JSON: /],
    [['explain', '--image-config', 'wrong.json'], /^container-argv: wrong\.json: not an image config: /],
    [['explain', '--base', 'node.json'], 'container-argv: --base expects REF=FILE, got "node.json"\n'],
    [['explain', 'Dockerfile', '--image-config', 'node.json'], 'container-argv: give either a Dockerfile or --image-config FILE, not both\n'],
    [['explain', '--run', 'docker run app', '--init'], 'container-argv: --run gives the whole docker run line; do not combine it with --entrypoint, --init or "-- ARGS"\n'],
    [['explain', '--engine', 'rkt'], "container-argv: option '--engine <engine>' argument 'rkt' is invalid. Allowed choices are docker, podman.\n"],
  ] as const)('usage/input error %j → exit 2, one line', async ([argv, message]) => {
    const r = await run([...argv]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    if (typeof message === 'string') expect(r.stderr).toBe(message);
    else {
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  test('colours only when forced or on a TTY, never with NO_COLOR', async () => {
    const forced = await cli(['explain', 'Dockerfile'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const tty = await cli(['explain', 'Dockerfile'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } });
    expect(tty.stdout).not.toContain('\u001b[');
    expect((await run(['explain', 'Dockerfile'])).stdout).not.toContain('\u001b[');
  });
});
