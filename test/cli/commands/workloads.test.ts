import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';
import { COMPOSE, writeWorkloadFixtures } from './fixtures.js';

let dir = '';
beforeAll(() => {
  dir = writeWorkloadFixtures();
});

const run = (argv: string[], stdin?: string) => cli(argv, { cwd: dir, ...(stdin !== undefined && { stdin }) });

describe('container-argv k8s --manifest', () => {
  test('what each container runs, with YAML positions on diagnostics', async () => {
    const r = await run(['k8s', '--manifest', 'repo/deploy/web.yaml', '--image-config', 'node:20-slim=node.json', '--image-config', 'busybox=node.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Deployment/web app (node:20-slim)');
    expect(r.stdout).toContain(`  json       ["docker-entrypoint.sh", "node", "server.js", "--port", "$(PORT)"]\n`);
    expect(r.stdout).toContain(`  json       ["/bin/sh", "-c", "sleep 3600"]\n`);
    expect(r.stdout).toMatch(/repo\/deploy\/web\.yaml:11:\d+: warning k8s-undefined-reference: /);
  });

  test('images without config: command needs none, args-only depends on the ENTRYPOINT, exit 3 (issue 18 §2)', async () => {
    const r = await run(['k8s', '--manifest', 'repo/deploy/web.yaml']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('  depends on node:20-slim (image config unknown): ENTRYPOINT\n');
    expect(r.stdout).toContain(`  json       ["/bin/sh", "-c", "sleep 3600"]\n`);
    const out = JSON.parse((await run(['k8s', '--manifest', 'repo/deploy/web.yaml', '--json'])).stdout);
    expect(out).toMatchObject({ ok: true, complete: false });
    expect(out.units.map((u: { ok: boolean; unknown?: string }) => [u.ok, u.unknown ?? null])).toEqual([
      [true, 'depends on node:20-slim (image config unknown): ENTRYPOINT'],
      [true, null],
    ]);
    expect((await run(['k8s', '--manifest', 'repo/deploy/web.yaml', '--strict'])).code).toBe(1);
  });

  test('an --image-config key that is not an image reference is a usage error', async () => {
    const r = await run(['k8s', '--manifest', 'repo/deploy/web.yaml', '--image-config', 'Node=node.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('container-argv: --image-config: the image config key "Node" is not an image reference: ');
  });

  test('an --image-config entry no container uses is named in a warning', async () => {
    const r = await run(['k8s', '--manifest', 'repo/deploy/web.yaml', '--image-config', 'node:20=node.json']);
    expect(r.stdout).toContain('warning image-config-unused: the image config given for "node:20" is not used: no container names node:20');
  });

  test('a document-level finding has no empty "(at )"', async () => {
    const r = await run(['k8s', '--manifest', '-'], 'kind: Service\nmetadata: {name: s}\n');
    expect(r.stdout).toContain('kind "Service" has no pod template; skipped.\n');
    expect(r.stdout).not.toContain('(at )');
  });

  test('--manifest with --entrypoint is a usage error', async () => {
    expect((await run(['k8s', '--manifest', 'repo/deploy/web.yaml', '--entrypoint', 'x'])).code).toBe(2);
  });
});

describe('container-argv compose', () => {
  test('what each service runs', async () => {
    const r = await run(['compose', 'repo/compose.yaml', '--image-config', 'node:20-slim=node.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('service web (node:20-slim)');
    expect(r.stdout).toContain('  json       ["docker-entrypoint.sh", "node", "server.js"]\n');
    expect(r.stdout).toContain('  json       ["/bin/sh", "-c", "node", "worker.js"]\n');
    expect(r.stdout).toMatch(/repo\/compose\.yaml:\d+:\d+: warning argv-sh-c-extra-args: /);
  });

  test('--json and stdin', async () => {
    const r = await run(['compose', '-', '--image-config', 'node:20-slim=node.json', '--json'], COMPOSE);
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe('<stdin>');
    expect(out.units[0].argv).toEqual(['docker-entrypoint.sh', 'node', 'server.js']);
  });

  test.for(['compose', 'lint'])('%s: an image named like an Object.prototype key is just unknown (no internal error)', async (command) => {
    const r = await run(
      [command, '-', ...(command === 'compose' ? ['--image-config', 'node:20-slim=node.json'] : [])],
      'services:\n  web:\n    image: constructor\n    command: x\n',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(command === 'compose' ? 3 : 0);
  });

  test('a missing file is an input error', async () => {
    expect(await run(['compose', 'nope.yaml'])).toEqual({ code: 2, stdout: '', stderr: 'container-argv: cannot read "nope.yaml": no such file\n' });
  });
});

// compose-go v2.13.0 cli/options.go WithEnvFiles/WithDotEnv: --env-file files in order (later wins), else the
// project directory's .env when it is a file (COMPOSE_DISABLE_ENV_FILE turns that off); the environment wins.
describe('container-argv compose: .env files', () => {
  const argvOf = async (args: string[], env?: Record<string, string>) => {
    const r = await cli(['compose', 'envproj/compose.yaml', '--image-config', 'node:20-slim=node.json', '--json', ...args], { cwd: dir, ...(env && { env }) });
    const out = JSON.parse(r.stdout);
    return { code: r.code, envFiles: out.envFiles, argv: out.units[0]?.argv, diagnostics: out.diagnostics };
  };

  test.for([
    { name: 'the .env beside the compose file', args: [], env: undefined, envFiles: ['envproj/.env'], tail: ['serve', '--port', '8080'] },
    { name: '--env wins over .env', args: ['--env', 'PORT=9'], env: undefined, envFiles: ['envproj/.env'], tail: ['serve', '--port', '9'] },
    { name: '--env-file replaces the default .env', args: ['--env-file', 'envproj/prod.env'], env: undefined, envFiles: ['envproj/prod.env'], tail: ['prod', '--port', '80'] },
    {
      name: 'a later --env-file wins',
      args: ['--env-file', 'envproj/prod.env', '--env-file', 'envproj/late.env'],
      env: undefined,
      envFiles: ['envproj/prod.env', 'envproj/late.env'],
      tail: ['prod', '--port', '443'],
    },
    { name: 'COMPOSE_DISABLE_ENV_FILE=true', args: [], env: { COMPOSE_DISABLE_ENV_FILE: 'true' }, envFiles: undefined, tail: ['fallback', '--port'] },
  ])('$name', async ({ args, env, envFiles, tail }) => {
    const r = await argvOf(args, env);
    expect([r.code, r.envFiles, r.argv.slice(1)]).toEqual([0, envFiles, tail]);
  });

  test('the text output names the .env file', async () => {
    const r = await cli(['compose', 'envproj/compose.yaml', '--image-config', 'node:20-slim=node.json'], { cwd: dir });
    expect(r.stdout.split('\n')[0]).toBe('envproj/compose.yaml: ${VAR} from envproj/.env');
  });

  test('a broken .env is an error at its own line', async () => {
    const r = await cli(['compose', 'envproj/compose.yaml', '--image-config', 'node:20-slim=node.json', '--env-file', 'envproj/bad.env'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^envproj\/bad\.env:2:\d+: error dotenv-unterminated-quote: /m);
  });

  test('a missing --env-file is an input error', async () => {
    expect(await cli(['compose', 'envproj/compose.yaml', '--env-file', 'nope.env'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'container-argv: cannot read "nope.env": no such file\n',
    });
  });
});
