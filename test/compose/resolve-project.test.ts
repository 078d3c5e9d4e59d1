import { describe, expect, test } from 'vitest';
import { resolveComposeProject, type ResolveComposeProjectOptions } from '../../src/compose/resolve-project.js';
import { loadOk, type Files } from '../support/compose-files.js';

// Sources: docker/compose v5.5.0-71 (f7297942) pkg/compose/create.go (`Init: service.Init` → HostConfig.Init,
// so an unset init leaves the daemon default), pkg/api/api.go GetImageNameOrDefault (`<project>-<service>`),
// pkg/compose/build_bake.go dockerFilePath (a relative Dockerfile is relative to the context),
// cmd/compose/run.go (run SERVICE loads the project with that service selected); compose-go v2.13.0
// (0670a1c3) types/project.go WithServicesEnvironmentResolved (env_file values, then environment over
// them), loader/normalize.go (build.dockerfile default `Dockerfile`, args without value from the
// environment). The init argv prefix is Docker's (`/sbin/docker-init --`, recorded in test/fixtures/engine).

function run(files: Files, options: ResolveComposeProjectOptions = {}, load: Parameters<typeof loadOk>[1] = {}) {
  const project = loadOk(files, load);
  const read = (p: string) => (Object.hasOwn(files, p) ? files[p] : undefined);
  const r = resolveComposeProject(project, { readFile: read, ...options });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
}

const argvOf = (r: ReturnType<typeof run>, name: string) => {
  const s = r.services.find((x) => x.name === name)!;
  return s.result.ok && s.result.complete ? s.result.argv : s.result.ok ? { dependsOn: s.result.dependsOn } : s.result.issues[0].code;
};

const NGINX = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] };

describe('init', () => {
  const files = { '/app/compose.yaml': 'services:\n  on:\n    image: nginx\n    init: true\n  off:\n    image: nginx\n    init: false\n  unset:\n    image: nginx\n' };

  test('init: true runs docker-init first; false and unset do not', () => {
    const r = run(files, { images: { nginx: NGINX } });
    expect(['on', 'off', 'unset'].map((n) => argvOf(r, n))).toEqual([
      ['/sbin/docker-init', '--', '/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
      ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
      ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;'],
    ]);
  });

  test('the daemon default init applies to services that do not set init (init: false still opts out)', () => {
    const r = run(files, { images: { nginx: NGINX }, daemonInit: true });
    expect(['on', 'off', 'unset'].map((n) => r.services.find((s) => s.name === n)!.init)).toEqual([true, false, true]);
  });
});

describe('build', () => {
  const files: Files = {
    '/app/compose.yaml':
      'services:\n  api:\n    build:\n      context: ./api\n      dockerfile: docker/Dockerfile\n      target: prod\n      args:\n        PORT: "8080"\n        VERSION:\n    command: ["--verbose"]\n  inline:\n    image: my/inline:1\n    build:\n      dockerfile_inline: |\n        FROM scratch\n        ENTRYPOINT ["/app"]\n',
    '/app/api/docker/Dockerfile':
      'ARG VERSION=dev\nFROM node:20 AS base\nFROM base AS prod\nARG PORT\nENV PORT=$PORT\nENTRYPOINT ["node", "server.js"]\nFROM base AS test\nCMD ["npm", "test"]\n',
  };

  test('the Dockerfile of the context, its target, the image named <project>-<service>', () => {
    const r = run(files, { images: { 'node:20': { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] } } });
    const api = r.services.find((s) => s.name === 'api')!;
    expect([api.image, api.build?.dockerfile, api.build?.target, api.build?.complete]).toEqual(['app-api', '/app/api/docker/Dockerfile', 'prod', true]);
    expect(argvOf(r, 'api')).toEqual(['node', 'server.js', '--verbose']);
  });

  test('dockerfile_inline; image names the result', () => {
    const r = run(files);
    const inline = r.services.find((s) => s.name === 'inline')!;
    expect([inline.image, inline.build?.dockerfile, argvOf(r, 'inline')]).toEqual(['my/inline:1', null, ['/app']]);
  });

  test('an unknown base: the argv that depends on it is not known (evaluateDockerfile complete/dependsOn)', () => {
    const r = run({ ...files, '/app/compose.yaml': 'services:\n  api:\n    build: ./api\n', '/app/api/Dockerfile': 'FROM node:20\nCMD ["node", "server.js"]\n' });
    const api = r.services.find((s) => s.name === 'api')!;
    expect([api.build?.complete, api.build?.unknownBases.map((b) => b.from), argvOf(r, 'api')]).toEqual([false, ['node:20'], { dependsOn: ['entrypoint'] }]);
  });

  test('an image config given by service name wins over the build', () => {
    const r = run(files, { images: { api: { entrypoint: ['/given'] } } });
    expect(argvOf(r, 'api')).toEqual(['/given', '--verbose']);
  });

  test('a remote context is not evaluated (diagnosed)', () => {
    const r = run({ '/app/compose.yaml': 'services:\n  x:\n    build: https://github.com/docker/compose.git\n' });
    expect(r.diagnostics.map((d) => d.code)).toContain('compose-build-not-evaluated');
    expect(argvOf(r, 'x')).toEqual({ dependsOn: ['entrypoint', 'cmd'] });
  });
});

describe('environment', () => {
  test('env_file values, then environment over them; KEY alone from the project variables or dropped', () => {
    const r = run(
      {
        '/app/compose.yaml': 'services:\n  web:\n    image: x\n    env_file: [web.env]\n    environment:\n      B: from-environment\n      HOSTNAME_FROM_OS:\n      NOT_SET:\n',
        '/app/web.env': 'A=1\nB=from-file\nC=${TAG}\n',
        '/app/.env': 'TAG=t\n',
      },
      {},
      { environment: { HOSTNAME_FROM_OS: 'h' } },
    );
    const env = r.services[0]!.environment;
    expect(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.value]))).toEqual({ A: '1', B: 'from-environment', C: 't', HOSTNAME_FROM_OS: 'h' });
    expect(env['A']!.origin.file).toBe('/app/web.env');
  });

  test('a missing required env_file is an error; required: false is skipped', () => {
    const r = run({ '/app/compose.yaml': 'services:\n  web:\n    image: x\n    env_file:\n      - a.env\n      - path: b.env\n        required: false\n' });
    expect(r.diagnostics.filter((d) => d.code === 'compose-env-file-not-found').map((d) => d.message)).toEqual(['env file /app/a.env not found']);
  });
});

describe('profiles and run', () => {
  const files = { '/app/compose.yaml': 'services:\n  web:\n    image: nginx\n  migrate:\n    image: nginx\n    command: ["migrate"]\n    profiles: [tools]\n' };

  test('a service outside the active profiles is marked and diagnosed, its argv still given', () => {
    const r = run(files, { images: { nginx: NGINX } });
    const m = r.services.find((s) => s.name === 'migrate')!;
    expect([m.active, argvOf(r, 'migrate')]).toEqual([false, ['/docker-entrypoint.sh', 'migrate']]);
    expect(r.diagnostics.find((d) => d.code === 'compose-service-inactive')?.path).toBe('services.migrate');
  });

  test('docker compose run migrate: started whatever its profiles, with the run overrides', () => {
    const r = run(files, { images: { nginx: NGINX }, run: { service: 'migrate', command: ['migrate', '--dry-run'] } });
    const m = r.services.find((s) => s.name === 'migrate')!;
    expect([m.active, argvOf(r, 'migrate')]).toEqual([true, ['/docker-entrypoint.sh', 'migrate', '--dry-run']]);
    expect(r.diagnostics.some((d) => d.code === 'compose-service-inactive')).toBe(false);
  });

  test('run of a service that does not exist', () => {
    const project = loadOk(files);
    expect(resolveComposeProject(project, { run: { service: 'nope' } })).toMatchObject({ ok: false, issues: [{ code: 'compose-service-not-found' }] });
  });
});

describe('image configs', () => {
  test('a key nothing uses is reported; a bad key is an issue', () => {
    const project = loadOk({ '/app/compose.yaml': 'services:\n  web:\n    image: nginx\n' });
    const r = resolveComposeProject(project, { images: { nginx: NGINX, redis: {} } });
    expect(r.ok && r.diagnostics.map((d) => d.code)).toEqual(['image-config-unused']);
    expect(resolveComposeProject(project, { images: { 'Not A Ref!': {} } })).toMatchObject({ ok: false, issues: [{ code: 'image-config-key-invalid' }] });
  });
});
