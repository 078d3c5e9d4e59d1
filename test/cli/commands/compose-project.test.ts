import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';
import { INSPECT } from './fixtures.js';

// `container-argv compose` loads the project as `docker compose` does (compose-go v2.13.0 cli/options.go;
// docker/compose cmd/compose/compose.go: -f, --profile, --project-directory, --env-file). A realistic
// project: a base file, its override file, a profile-gated service, a build and an extends.
const PROJECT: Readonly<Record<string, string>> = {
  'shop/compose.yaml':
    'name: shop\nservices:\n  web:\n    image: node:20\n    command: ["node", "server.js"]\n    environment:\n      PORT: ${PORT:-3000}\n  worker:\n    extends: web\n    command: ["node", "worker.js"]\n  api:\n    build: ./api\n    init: true\n  debug:\n    image: node:20\n    command: ["node", "--inspect", "server.js"]\n    profiles: [debug]\n',
  'shop/compose.override.yml': 'services:\n  web:\n    command: npm run dev\n',
  'shop/compose.prod.yml': 'services:\n  web:\n    entrypoint: ["/usr/bin/tini", "--"]\n',
  'shop/api/Dockerfile': 'FROM node:20\nENTRYPOINT ["node", "api.js"]\n',
  'shop/.env': 'PORT=8080\n',
  'node.json': INSPECT,
};

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'container-argv-compose-project-'));
  for (const [path, text] of Object.entries(PROJECT)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});

const json = async (args: string[], env?: Record<string, string>, cwd = 'shop') => {
  const r = await cli(['compose', ...args, '--image-config', `node:20=${join(dir, 'node.json')}`, '--json'], { cwd: join(dir, cwd), ...(env && { env }) });
  return {
    code: r.code,
    stderr: r.stderr,
    out: JSON.parse(r.stdout || '{}') as { project: { files: string[]; profiles: string[] }; units: Record<string, unknown>[]; envFiles?: string[] },
  };
};
const unit = (units: Record<string, unknown>[], service: string) => units.find((u) => u['service'] === service)!;

describe('container-argv compose: the project as docker compose loads it', () => {
  test('no file: compose.yaml and its override file; each service by its Compose name', async () => {
    const { code, out } = await json([]);
    expect(code).toBe(0);
    expect(out.project.files).toEqual(['compose.yaml', 'compose.override.yml']);
    expect(out.units.map((u) => [u['service'], u['active']])).toEqual([
      ['web', true],
      ['worker', true],
      ['api', true],
      ['debug', false],
    ]);
    expect(unit(out.units, 'web')['argv']).toEqual(['docker-entrypoint.sh', 'npm', 'run', 'dev']);
    expect(unit(out.units, 'web')['origins']).toMatchObject({ command: 'compose.override.yml:3:14', image: 'compose.yaml:4:12', 'environment.PORT': 'compose.yaml:7:13' });
    expect(unit(out.units, 'web')['environment']).toEqual({ PORT: { value: '8080', from: 'compose.yaml:7:13' } });
    expect(unit(out.units, 'worker')['argv']).toEqual(['docker-entrypoint.sh', 'node', 'worker.js']);
  });

  test('a build service: its Dockerfile evaluated with the base config, init first, image <project>-<service>', async () => {
    const api = unit((await json([])).out.units, 'api');
    expect([api['image'], api['init'], api['argv']]).toEqual(['shop-api', true, ['/sbin/docker-init', '--', 'node', 'api.js']]);
    expect(api['build']).toMatchObject({ dockerfile: 'api/Dockerfile', complete: true });
  });

  test('-f twice: no override file, the second file merged onto the first', async () => {
    const { out } = await json(['-f', 'compose.yaml', '-f', 'compose.prod.yml']);
    expect(out.project.files).toEqual(['compose.yaml', 'compose.prod.yml']);
    expect(unit(out.units, 'web')['argv']).toEqual(['/usr/bin/tini', '--', 'node', 'server.js']);
  });

  test('--profile debug and COMPOSE_PROFILES start the debug service', async () => {
    expect(unit((await json(['--profile', 'debug'])).out.units, 'debug')['active']).toBe(true);
    expect(unit((await json([], { COMPOSE_PROFILES: 'debug' })).out.units, 'debug')['active']).toBe(true);
  });

  test('--run debug: started whatever its profiles', async () => {
    expect(unit((await json(['--run', 'debug'])).out.units, 'debug')['active']).toBe(true);
  });

  // docker compose run [--entrypoint X] SERVICE COMMAND… (docker/compose pkg/compose/run.go
  // applyRunOptions: the command replaces the service's; --entrypoint replaces its entrypoint and,
  // without a command, clears the service command). Before, --run took no command or entrypoint.
  test.for([
    { args: ['--run', 'web', '--', 'npm', 'test'], argv: ['docker-entrypoint.sh', 'npm', 'test'] },
    { args: ['--run', 'web', '--entrypoint', '', '--', 'id'], argv: ['id'] },
    { args: ['--run', 'web', '--entrypoint', 'node'], argv: ['node'] },
  ])('compose $args', async ({ args, argv }) => {
    const at = args.indexOf('--');
    const [flags, command] = at < 0 ? [args, []] : [args.slice(0, at), args.slice(at)];
    const r = await cli(['compose', ...flags, '--image-config', `node:20=${join(dir, 'node.json')}`, '--json', ...command], { cwd: join(dir, 'shop') });
    expect(r.code).toBe(0);
    expect(unit((JSON.parse(r.stdout) as { units: Record<string, unknown>[] }).units, 'web')['argv']).toEqual(argv);
  });

  test('a command after -- without --run is a usage error', async () => {
    const r = await cli(['compose', '--', 'npm', 'test'], { cwd: join(dir, 'shop') });
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('need --run SERVICE')]);
  });

  test('--run web with depends_on: the services started first are in the JSON; --no-deps starts none', async () => {
    const env = { COMPOSE_FILE: 'compose.yaml:compose.deps.yml' };
    writeFileSync(
      join(dir, 'shop/compose.deps.yml'),
      'services:\n  web:\n    depends_on:\n      api: {condition: service_started}\n      debug: {condition: service_started, required: false}\n',
    );
    const plan = async (args: string[]) => ((await json(args, env)).out.project as unknown as { run: unknown }).run;
    expect(await plan(['--run', 'web'])).toEqual({
      service: 'web',
      noDeps: false,
      dependencies: [
        { name: 'api', of: 'web', required: true, started: true },
        { name: 'debug', of: 'web', required: false, started: false },
      ],
    });
    expect(await plan(['--run', 'web', '--no-deps'])).toEqual({ service: 'web', noDeps: true, dependencies: [] });
  });

  test('--no-deps without --run is a usage error', async () => {
    expect((await json(['--no-deps'])).code).toBe(2);
  });

  test('--project-directory from elsewhere, with -f relative to the working directory', async () => {
    const { out } = await json(['-f', 'shop/compose.yaml', '--project-directory', 'shop'], undefined, '.');
    expect([out.project.files, out.envFiles]).toEqual([['shop/compose.yaml'], ['shop/.env']]);
  });

  test('from a subdirectory: the files are found in the parent (docker compose walks up)', async () => {
    const { out } = await json([], undefined, 'shop/api');
    expect(out.project.files).toEqual([join(dir, 'shop/compose.yaml'), join(dir, 'shop/compose.override.yml')]);
  });

  test('text output: where command and entrypoint came from; the inactive service says so', async () => {
    const r = await cli(['compose', '--image-config', 'node:20=../node.json'], { cwd: join(dir, 'shop') });
    expect(r.stdout).toContain('  command from compose.override.yml:3:14\n');
    expect(r.stdout).toContain('service debug (not started: profiles inactive) (node:20)');
    expect(r.stdout).toMatch(/compose\.yaml:\d+:\d+: info compose-service-inactive: /);
  });

  test('a file argument and -f together is a usage error', async () => {
    expect((await cli(['compose', 'compose.yaml', '-f', 'x.yml'], { cwd: join(dir, 'shop') })).code).toBe(2);
  });

  test('an extends cycle is an error with its position', async () => {
    const r = await cli(['compose', '-'], { cwd: join(dir, 'shop'), stdin: 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>:3:14: error compose-extends-cycle: Circular reference:');
  });
});
