import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DIAGNOSTICS } from '../../../src/index.js';
import { kindByContent, kindByName } from '../../../src/cli/commands/lint.js';
import { pathSegments } from '../../../src/cli/yaml-lines.js';
import { cli } from '../helpers.js';

let dir = '';
const INSPECT = JSON.stringify([{ Os: 'linux', Config: { Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] } }]);
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: node:20-slim
          args: ["node", "server.js", "--port", "$(PORT)"]
        - name: sidecar
          image: busybox
          command: ["/bin/sh", "-c", "sleep 3600"]
`;
const COMPOSE = `services:
  web:
    image: node:20-slim
    command: node server.js
  worker:
    image: node:20-slim
    entrypoint: ["/bin/sh", "-c"]
    command: ["node", "worker.js"]
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'container-argv-workloads-'));
  writeFileSync(join(dir, 'node.json'), INSPECT);
  mkdirSync(join(dir, 'repo/deploy'), { recursive: true });
  mkdirSync(join(dir, 'repo/node_modules/x'), { recursive: true });
  writeFileSync(join(dir, 'repo/deploy/web.yaml'), DEPLOY);
  writeFileSync(join(dir, 'repo/compose.yaml'), COMPOSE);
  writeFileSync(join(dir, 'repo/Dockerfile'), 'FROM alpine\nENTRYPOINT echo hi\nCMD ["x"]\n');
  writeFileSync(join(dir, 'repo/api.Dockerfile'), 'FROM scratch\nCMD ["/api"]\n');
  writeFileSync(join(dir, 'repo/bad.Dockerfile'), 'FROM scratch\nCMD ["/api", 1]\n');
  writeFileSync(join(dir, 'repo/settings.yaml'), 'a: 1\n');
  writeFileSync(join(dir, 'repo/node_modules/x/Dockerfile'), 'FROM scratch\nCMD ["x", 1]\n');
  writeFileSync(join(dir, 'clean.Dockerfile'), 'FROM scratch\nCMD ["/api"]\n');
  writeFileSync(join(dir, 'export.Dockerfile'), 'FROM alpine AS build\nRUN make\nFROM scratch\nCOPY --from=build /out /\n');
  writeFileSync(join(dir, 'arg.Dockerfile'), 'ARG BASE\nFROM $BASE\nCMD ["/app"]\n');
  mkdirSync(join(dir, 'envproj'), { recursive: true });
  writeFileSync(join(dir, 'envproj/compose.yaml'), 'services:\n  web:\n    image: node:20-slim\n    command: ${MODE:-fallback} --port ${PORT}\n');
  writeFileSync(join(dir, 'envproj/.env'), '# project defaults\nMODE=serve\nexport PORT="8080"\n');
  writeFileSync(join(dir, 'envproj/prod.env'), 'MODE=prod\nPORT=80\n');
  writeFileSync(join(dir, 'envproj/late.env'), "PORT='443'\n");
  writeFileSync(join(dir, 'envproj/bad.env'), 'MODE=ok\nPORT="unterminated\n');
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

  test('an image without config: the container does not resolve, exit 1', async () => {
    const r = await run(['k8s', '--manifest', 'repo/deploy/web.yaml', '--image-config', 'node:20-slim=node.json', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.units.map((u: { ok: boolean }) => u.ok)).toEqual([true, false]);
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
    expect(r.stdout).toMatch(/repo\/compose\.yaml:\d+:\d+: warning sh-c-extra-args: /);
  });

  test('--json and stdin', async () => {
    const r = await run(['compose', '-', '--image-config', 'node:20-slim=node.json', '--json'], COMPOSE);
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe('<stdin>');
    expect(out.units[0].argv).toEqual(['docker-entrypoint.sh', 'node', 'server.js']);
  });

  test.for(['compose', 'lint'])('%s: an image named like an Object.prototype key is just unknown (no internal error)', async (command) => {
    const r = await run([command, '-', ...(command === 'compose' ? ['--image-config', 'node:20-slim=node.json'] : [])], 'services:\n  web:\n    image: constructor\n    command: x\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(command === 'compose' ? 1 : 0);
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
    { name: 'a later --env-file wins', args: ['--env-file', 'envproj/prod.env', '--env-file', 'envproj/late.env'], env: undefined, envFiles: ['envproj/prod.env', 'envproj/late.env'], tail: ['prod', '--port', '443'] },
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
    expect(await cli(['compose', 'envproj/compose.yaml', '--env-file', 'nope.env'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'container-argv: cannot read "nope.env": no such file\n' });
  });
});

describe('container-argv lint', () => {
  test('walks a directory (skipping node_modules), finds every kind of file, exit 1 on an error', async () => {
    const r = await run(['lint', 'repo']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('repo/bad.Dockerfile:2:1: error json-not-strings: ');
    expect(r.stdout).toContain('repo/Dockerfile:3:1: warning shell-entrypoint-args: ');
    expect(r.stdout).toMatch(/repo\/compose\.yaml:\d+:\d+: warning sh-c-extra-args: /);
    expect(r.stdout).toMatch(/repo\/deploy\/web\.yaml:11:\d+: warning k8s-undefined-reference: /);
    expect(r.stdout).not.toContain('node_modules');
    expect(r.stdout).toMatch(/5 files checked: 1 error\(s\)/);
  });

  test('images without config: nothing that depends on them is reported', async () => {
    const r = await run(['lint', 'repo/compose.yaml', '--json']);
    const codes = JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code);
    expect(codes).not.toContain('image-unknown');
    expect(codes).not.toContain('no-command');
  });

  test.for([
    ['error', 0],
    ['warning', 0],
    ['info', 0],
  ] as const)('a clean file passes --fail-on %s', async ([level, code]) => {
    expect((await run(['lint', 'clean.Dockerfile', '--fail-on', level])).code).toBe(code);
  });

  test('a FROM scratch export stage (nothing to run) is not an error', async () => {
    expect(await run(['lint', 'export.Dockerfile'])).toMatchObject({ code: 0 });
  });

  test('--build-arg feeds ARGs before FROM', async () => {
    const without = await run(['lint', 'arg.Dockerfile']);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('arg.Dockerfile:2:1: error blank-base-name: ');
    expect((await run(['lint', 'arg.Dockerfile', '--build-arg', 'BASE=alpine'])).code).toBe(0);
    const explained = JSON.parse((await run(['explain', 'arg.Dockerfile', '--build-arg', 'BASE=alpine', '--json'])).stdout);
    expect(explained.stage).toMatchObject({ index: 0 });
    expect(explained.argv).toEqual(['/app']);
  });

  test('--fail-on warning fails on a warning', async () => {
    expect((await run(['lint', 'repo/Dockerfile'])).code).toBe(0);
    expect((await run(['lint', 'repo/Dockerfile', '--fail-on', 'warning'])).code).toBe(1);
  });

  test('reads a Dockerfile from stdin', async () => {
    const r = await run(['lint', '-', '--json'], 'FROM scratch\nCMD ["a", 1]\n');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ file: '<stdin>', code: 'json-not-strings', line: 2 });
  });

  test('a named file that is none of the kinds is a usage error', async () => {
    expect(await run(['lint', 'repo/settings.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'container-argv: repo/settings.yaml: not a Dockerfile, Compose file or Kubernetes manifest\n',
    });
  });

  test('SARIF 2.1.0 for GitHub code scanning', async () => {
    const r = await run(['lint', 'repo', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const [only] = log.runs;
    const driver = only.tool.driver;
    expect(driver.name).toBe('container-argv');
    const ids = driver.rules.map((rule: { id: string }) => rule.id);
    for (const code of Object.keys(DIAGNOSTICS)) expect(ids).toContain(code);
    const rule = driver.rules.find((x: { id: string }) => x.id === 'json-not-strings');
    expect(rule).toMatchObject({
      shortDescription: { text: DIAGNOSTICS['json-not-strings']!.title },
      help: { text: expect.stringContaining(DIAGNOSTICS['json-not-strings']!.help) },
      defaultConfiguration: { level: 'error' },
    });
    const result = only.results.find((x: { ruleId: string }) => x.ruleId === 'json-not-strings');
    expect(result).toMatchObject({
      level: 'error',
      message: { text: expect.any(String) },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'repo/bad.Dockerfile' }, region: { startLine: 2, startColumn: 1 } } }],
    });
    for (const x of only.results) {
      expect(ids[x.ruleIndex]).toBe(x.ruleId);
      expect(['error', 'warning', 'note']).toContain(x.level);
      expect(x.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(x.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^\//);
    }
  });

  test.for([
    ['Dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['api.Dockerfile', 'dockerfile'],
    ['Dockerfile.dev', 'dockerfile'],
    ['compose.yaml', 'compose'],
    ['docker-compose.prod.yml', 'compose'],
    ['deploy.yaml', 'yaml'],
    ['README.md', null],
  ] as const)('kindByName(%j) = %j', ([name, kind]) => {
    expect(kindByName(`x/${name}`)).toBe(kind);
  });

  test('kindByContent', () => {
    expect(kindByContent(DEPLOY)).toBe('manifest');
    expect(kindByContent(COMPOSE)).toBe('compose');
    expect(kindByContent('a: 1\n')).toBe(null);
  });

  test('pathSegments', () => {
    expect(pathSegments('spec.template.spec.containers[1].args[0]')).toEqual(['spec', 'template', 'spec', 'containers', 1, 'args', 0]);
  });
});

// The BuildKit check name rides on a SARIF result only when the selected engine runs that check itself
// (Dockerfile frontend 1.8 / Docker 27.0, BuildKit); hadolint's equivalent is there whatever the engine.
describe('SARIF results: buildkitCheck only where the engine reports it', () => {
  test.for([
    { args: [], want: { buildkitCheck: 'JSONArgsRecommended', hadolint: 'DL3025' } },
    { args: ['--engine-version', '20.10'], want: { hadolint: 'DL3025' } },
    { args: ['--builder', 'classic'], want: { hadolint: 'DL3025' } },
    { args: ['--engine', 'podman'], want: { hadolint: 'DL3025' } },
  ])('lint $args', async ({ args, want }) => {
    const r = await run(['lint', 'repo/Dockerfile', '--format', 'sarif', ...args]);
    const log = JSON.parse(r.stdout);
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'json-args-recommended');
    expect(result?.properties).toEqual(want);
  });
});
