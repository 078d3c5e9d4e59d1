import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadComposeProject, type ComposeProject } from '../../src/compose/project.js';

/**
 * Live oracle: Compose v1 (Debian's docker-compose 1.29.2, `docker-compose config`) against
 * loadComposeProject, on projects written as users write them, for what v1 and v2 share: default and
 * override files, `-f` merging of command/entrypoint/environment/build, `extends` (same file, other
 * file, chains), `.env` and `${VAR}` interpolation, COMPOSE_FILE, --project-directory. Where v2
 * differs (docs/semantics.md §3 "Compose v1 and v2") the cases avoid the difference. `docker-compose
 * config` needs no daemon; installed by scripts/engine.sh (DOCKER_TOOLS). About 1 s per case.
 */

const DOCKER_COMPOSE = '/usr/bin/docker-compose';

interface Case {
  readonly name: string;
  /** Files of the project, by path relative to the case directory. */
  readonly files: Readonly<Record<string, string>>;
  /** Global options before `config` (`-f`, `--project-directory`, `--env-file`). */
  readonly args?: readonly string[];
  /** The process environment (besides PATH); `{dir}` in a value is the case directory. */
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory, relative to the case directory. */
  readonly cwd?: string;
}

const CASES: readonly Case[] = [
  {
    name: 'docker-compose.yml + docker-compose.override.yml: command and entrypoint replaced, environment merged',
    files: {
      'docker-compose.yml':
        'services:\n  web:\n    image: nginx:1.27\n    command: ["nginx", "-g", "daemon off;"]\n    environment:\n      MODE: prod\n      LEVEL: "1"\n  db:\n    image: postgres:16\n',
      'docker-compose.override.yml':
        'services:\n  web:\n    command: nginx-debug -g "daemon off;"\n    entrypoint: /docker-entrypoint.sh\n    environment:\n      - MODE=dev\n      - EXTRA=yes\n',
    },
  },
  {
    name: '-f twice across directories: relative paths follow the first file, image and init from the second',
    files: {
      'deploy/compose.yaml': 'services:\n  api:\n    build:\n      context: ../src\n      args:\n        NODE_ENV: production\n    command: node server.js\n',
      'deploy/prod/compose.prod.yaml':
        'services:\n  api:\n    image: registry.example.com/api:1.4\n    init: true\n    build:\n      args: [NODE_ENV=staging, DEBUG=0]\n    working_dir: /srv\n',
      'src/Dockerfile': 'FROM node:20\n',
    },
    args: ['-f', 'deploy/compose.yaml', '-f', 'deploy/prod/compose.prod.yaml'],
  },
  {
    name: 'extends in the same file, a chain of three, each level overriding something',
    files: {
      'docker-compose.yml':
        'services:\n  base:\n    image: python:3.12\n    entrypoint: ["python"]\n    environment: {A: "1"}\n  app:\n    extends: base\n    command: ["-m", "http.server"]\n    environment: {B: "2"}\n  app-debug:\n    extends:\n      service: app\n    entrypoint: ["python", "-X", "dev"]\n    environment: [A=3]\n',
    },
  },
  {
    name: 'extends from another file: its build context is relative to that file',
    files: {
      'docker-compose.yml': 'services:\n  worker:\n    extends:\n      file: common/services.yml\n      service: job\n    command: ["--queue", "high"]\n',
      'common/services.yml': 'services:\n  job:\n    build: ./job\n    entrypoint: ["/usr/local/bin/worker"]\n    environment:\n      QUEUE_URL: amqp://mq\n',
      'common/job/Dockerfile': 'FROM alpine\n',
    },
  },
  {
    name: 'an override changes the base of an extends: the extending service keeps the base as its own file defined it',
    files: {
      'docker-compose.yml': 'services:\n  base:\n    image: alpine:3.20\n    command: base-cmd\n  web:\n    extends: base\n',
      'docker-compose.override.yml': 'services:\n  base:\n    command: overridden\n',
    },
  },
  {
    name: '.env and ${VAR} interpolation: defaults, $$ escapes, the environment wins over .env',
    files: {
      'docker-compose.yml':
        'services:\n  app:\n    image: "${REGISTRY:-docker.io}/app:${TAG}"\n    command: ["sh", "-c", "echo $$HOME ${GREETING:-hi}"]\n    environment:\n      PORT: ${PORT}\n      UNSET: ${NOPE-}\n',
      '.env': 'TAG=1.2.3\nPORT=8080\nGREETING=from-dotenv\n',
    },
    env: { GREETING: 'from-env' },
  },
  {
    name: 'COMPOSE_FILE with COMPOSE_PATH_SEPARATOR, set in .env',
    files: {
      'base.yml': 'services:\n  web:\n    image: httpd:2.4\n    command: httpd-foreground\n',
      'more.yml': 'services:\n  web:\n    entrypoint: ["/usr/bin/tini", "--"]\n',
      '.env': 'COMPOSE_FILE=base.yml;more.yml\nCOMPOSE_PATH_SEPARATOR=;\n',
    },
  },
  {
    name: '--project-directory: the .env and relative paths of the project directory',
    files: {
      'files/compose.yaml': 'services:\n  app:\n    image: app:${V}\n    build: ./ctx\n',
      'proj/.env': 'V=7\n',
      'proj/ctx/Dockerfile': 'FROM alpine\n',
    },
    args: ['-f', 'files/compose.yaml', '--project-directory', 'proj'],
  },
  {
    name: 'no -f: the default file is found from a subdirectory, with its override file',
    files: {
      'docker-compose.yaml': 'services:\n  app:\n    image: redis:7\n    command: redis-server\n',
      'docker-compose.override.yaml': 'services:\n  app:\n    command: ["redis-server", "--appendonly", "yes"]\n',
      'sub/dir/.keep': '',
    },
    cwd: 'sub/dir',
  },
  {
    name: 'env_file entries from two files are merged',
    files: {
      'docker-compose.yml': 'services:\n  app:\n    image: busybox\n    env_file: app.env\n    environment: {B: from-environment}\n',
      'docker-compose.override.yml': 'services:\n  app:\n    env_file: [extra.env]\n',
      'app.env': 'A=1\nB=from-file\n',
      'extra.env': 'C=3\n',
    },
  },
  {
    name: '~/ in env_file, build and extends.file is under HOME',
    files: {
      'app/docker-compose.yml':
        'services:\n  web:\n    image: example/web\n    env_file: ~/.config/web.env\n    build: ~/src/web\n  worker:\n    extends: {file: ~/compose/common.yml, service: job}\n',
      'home/.config/web.env': 'TOKEN=abc\n',
      'home/src/web/Dockerfile': 'FROM alpine\n',
      'home/compose/common.yml': 'services:\n  job:\n    image: alpine:3.20\n    command: ["run-job"]\n    env_file: job.env\n',
      'home/compose/job.env': 'QUEUE=high\n',
    },
    env: { HOME: '{dir}/home' },
    cwd: 'app',
  },
  {
    name: 'depends_on: a list in the file, a mapping in the override, merged by service name',
    files: {
      'docker-compose.yml':
        'services:\n  web:\n    image: nginx:1.27\n    depends_on: [api]\n  api:\n    image: example/api:2\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n',
      'docker-compose.override.yml': 'services:\n  web:\n    depends_on:\n      cache:\n        condition: service_started\n',
    },
  },
];

/** `$$` in v1's output is its escape of a literal `$` (docker-compose config re-escapes interpolated text). */
function unescape(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('$$', '$');
  if (Array.isArray(value)) return value.map(unescape);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unescape(v)]));
  return value;
}

interface Comparable {
  image?: unknown;
  command?: unknown;
  entrypoint?: unknown;
  init?: unknown;
  working_dir?: unknown;
  environment?: Record<string, unknown>;
  build?: { context?: unknown; dockerfile?: unknown; args?: Record<string, unknown>; target?: unknown };
  /** The services depended on, sorted (v1 prints a mapping; conditions and `required` are not compared). */
  depends_on?: string[];
}

/** What v1's `config` prints for a service, restricted to the fields the library models. */
function fromV1(svc: Record<string, unknown>): Comparable {
  const out: Comparable = {};
  for (const k of ['image', 'command', 'entrypoint', 'init', 'working_dir'] as const) if (svc[k] !== undefined) out[k] = unescape(svc[k]);
  const env = svc['environment'] as Record<string, unknown> | undefined;
  if (env !== undefined && Object.keys(env).length > 0) out.environment = unescape(env) as Record<string, unknown>;
  const b = svc['build'] as Record<string, unknown> | undefined;
  if (b !== undefined) {
    out.build = { context: b['context'] };
    if (b['dockerfile'] !== undefined && b['dockerfile'] !== 'Dockerfile') out.build.dockerfile = b['dockerfile'];
    if (b['args'] !== undefined) out.build.args = unescape(b['args']) as Record<string, unknown>;
    if (b['target'] !== undefined) out.build.target = b['target'];
  }
  const deps = svc['depends_on'];
  if (deps !== undefined) out.depends_on = (Array.isArray(deps) ? (deps as string[]) : Object.keys(deps as object)).sort();
  return out;
}

/** The library's merged service in the same shape; `env_file` values are read under `environment`, as v1's config shows them. */
function fromLibrary(project: ComposeProject, name: string, read: (p: string) => string | undefined): Comparable {
  const svc = project.services.find((s) => s.name === name);
  if (svc === undefined) return {};
  const out: Comparable = {};
  for (const k of ['image', 'command', 'entrypoint', 'init', 'working_dir'] as const) if (svc[k] !== undefined) out[k] = svc[k].value;
  const env: Record<string, unknown> = {};
  for (const f of svc.env_file ?? []) {
    for (const line of (read(f.path) ?? '').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  for (const e of svc.environment?.entries ?? []) env[e.key] = e.value;
  if (Object.keys(env).length > 0) out.environment = env;
  const b = svc.build;
  if (b !== undefined) {
    out.build = { context: b.context?.value };
    if (b.dockerfile !== undefined && b.dockerfile.value !== 'Dockerfile') out.build.dockerfile = b.dockerfile.value;
    if (b.args !== undefined) out.build.args = Object.fromEntries(b.args.entries.map((e) => [e.key, e.value]));
    if (b.target !== undefined) out.build.target = b.target.value;
  }
  if (svc.depends_on !== undefined) out.depends_on = svc.depends_on.map((d) => d.service).sort();
  return out;
}

const root = mkdtempSync(join(tmpdir(), 'container-argv-compose-v1-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

describe('Compose v1 (docker-compose 1.29.2 config) and loadComposeProject agree', () => {
  test.for(CASES.map((c, i) => ({ ...c, i })))('$name', ({ files, args = [], env: written = {}, cwd = '.', i }) => {
    const dir = join(root, String(i));
    const env = Object.fromEntries(Object.entries(written).map(([k, v]) => [k, v.replaceAll('{dir}', dir)]));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const workdir = join(dir, cwd);
    const out = execFileSync(DOCKER_COMPOSE, [...args, 'config'], {
      cwd: workdir,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const v1 = parse(out) as { services: Record<string, Record<string, unknown>> };
    const fileArgs: string[] = [];
    const options: { projectDirectory?: string; envFiles?: string[] } = {};
    for (let a = 0; a < args.length; a += 2) {
      const value = args[a + 1] as string;
      if (args[a] === '-f') fileArgs.push(value);
      else if (args[a] === '--project-directory') options.projectDirectory = value;
      else if (args[a] === '--env-file') options.envFiles = [...(options.envFiles ?? []), value];
    }
    const home = env['HOME'];
    const project = loadComposeProject({
      readFile: readOrUndefined,
      workingDirectory: workdir,
      files: fileArgs,
      environment: env,
      ...options,
      ...(home !== undefined && { homeDirectory: home }),
    });
    expect(project.ok, JSON.stringify(project)).toBe(true);
    if (!project.ok) return;
    expect(project.services.map((s) => s.name).sort()).toEqual(Object.keys(v1.services).sort());
    for (const [name, svc] of Object.entries(v1.services)) {
      expect(fromLibrary(project, name, readOrUndefined), `${name}\n${out}`).toEqual(fromV1(svc));
    }
  });
});

/** Projects both refuse: a wrong type or an unknown key at the top level or in a service (v1: "contains an invalid type", "Unsupported config option"). */
const REFUSED: readonly { readonly name: string; readonly compose: string; readonly path: string }[] = [
  { name: 'ports as a number', compose: 'services:\n  web:\n    image: nginx:1.27\n    ports: 8080\n', path: 'services.web.ports' },
  { name: 'restart as a list', compose: 'services:\n  web:\n    image: nginx:1.27\n    restart: [always]\n', path: 'services.web.restart' },
  { name: 'a misspelt key', compose: 'services:\n  web:\n    image: nginx:1.27\n    entrypiont: ["sh"]\n', path: 'services.web' },
  { name: 'build as a number', compose: 'services:\n  web:\n    image: nginx:1.27\n    build: 5\n', path: 'services.web.build' },
];

describe('Compose v1 and loadComposeProject both refuse a project with a wrong field type', () => {
  test.for(REFUSED.map((c, i) => ({ ...c, i })))('$name', ({ compose, path, i }) => {
    const dir = join(root, `refused-${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'docker-compose.yml'), compose);
    const v1 = (() => {
      try {
        execFileSync(DOCKER_COMPOSE, ['config'], { cwd: dir, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' }, encoding: 'utf8', stdio: 'pipe', timeout: 60_000 });
        return 'accepted';
      } catch (e) {
        return String((e as { stderr?: unknown }).stderr);
      }
    })();
    expect(v1).toContain('is invalid because');
    const project = loadComposeProject({ readFile: readOrUndefined, workingDirectory: dir });
    expect(project).toMatchObject({ ok: false, issues: [{ code: 'compose-file-invalid', path }] });
  });
});
