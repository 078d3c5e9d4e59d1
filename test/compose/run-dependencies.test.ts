import { describe, expect, test } from 'vitest';
import { resolveComposeProject } from '../../src/compose/resolve-project.js';
import { loadOk, type Files } from '../support/compose-files.js';

// Sources: docker/compose v5.5.0-71 (f7297942) cmd/compose/run.go `apply` (--no-deps: WithSelectedServices with
// IgnoreDependencies), pkg/compose/run.go `startDependencies` (the project minus the run service is created and
// started first), pkg/compose/loader.go postProcessProject (WithServicesEnabled, then WithSelectedServices);
// compose-go v2.13.0 (0670a1c3) types/project.go `WithServicesEnabled` (the run service's profiles are added
// only when it is not enabled), `withServices` (depends_on followed among enabled services; a missing one is
// "no such service: NAME" unless its depends_on entry has required: false).
const SHOP: Files = {
  '/shop/compose.yaml': [
    'services:',
    '  web:',
    '    image: node:20',
    '    command: ["node", "server.js"]',
    '    depends_on:',
    '      api:',
    '        condition: service_healthy',
    '      metrics:',
    '        condition: service_started',
    '        required: false',
    '  api:',
    '    image: example/api:2',
    '    depends_on: [db]',
    '  db:',
    '    image: postgres:16',
    '  metrics:',
    '    image: prom/prometheus',
    '    profiles: [monitoring]',
    '  e2e:',
    '    image: mcr.microsoft.com/playwright:v1.49.0',
    '    command: ["npx", "playwright", "test"]',
    '    profiles: [test]',
    '    depends_on: [web, fixtures]',
    '  fixtures:',
    '    image: example/fixtures:1',
    '    profiles: [test]',
    '  migrate:',
    '    image: example/api:2',
    '    profiles: [tools]',
    '    depends_on: [adminer]',
    '  adminer:',
    '    image: adminer',
    '    profiles: [admin]',
    '',
  ].join('\n'),
};

function plan(service: string, noDeps = false, profiles: string[] = []) {
  const project = loadOk(SHOP, { workingDirectory: '/shop', services: [service], profiles });
  return resolveComposeProject(project, { run: { service, noDeps } });
}

describe('docker compose run SERVICE: the depends_on services started first', () => {
  test('transitive dependencies; a non-required one whose profile is inactive is not started', () => {
    const r = plan('web');
    expect(r.ok && r.run).toEqual({
      service: 'web',
      noDeps: false,
      dependencies: [
        { name: 'api', of: 'web', required: true, started: true },
        { name: 'metrics', of: 'web', required: false, started: false },
        { name: 'db', of: 'api', required: true, started: true },
      ],
    });
    expect(r.ok && r.diagnostics.find((d) => d.code === 'compose-run-dependencies')?.message).toBe(
      '`docker compose run web` also starts api, db first (depends_on; --no-deps to start none); does not start metrics (profiles inactive, depends_on not required).',
    );
  });

  test('with its profile active the optional dependency is started', () => {
    const r = plan('web', false, ['monitoring']);
    expect(r.ok && r.run?.dependencies.map((d) => `${d.name}:${String(d.started)}`)).toEqual(['api:true', 'metrics:true', 'db:true']);
  });

  test("the run service's profiles enable its dependencies that share them (e2e → fixtures)", () => {
    const r = plan('e2e');
    expect(r.ok && r.run?.dependencies.map((d) => `${d.name}:${String(d.started)}`)).toEqual(['web:true', 'fixtures:true', 'api:true', 'metrics:false', 'db:true']);
  });

  test('a required dependency whose profile is not enabled: no such service', () => {
    expect(plan('migrate')).toMatchObject({
      ok: false,
      issues: [{ code: 'compose-service-not-found', message: 'no such service: adminer', path: 'services.migrate.depends_on', line: 30 }],
    });
  });

  test('--no-deps starts none, and a dependency that would be refused is not looked at', () => {
    expect(plan('migrate', true)).toMatchObject({ ok: true, run: { service: 'migrate', noDeps: true, dependencies: [] } });
    const r = plan('web', true);
    expect(r.ok && r.diagnostics.some((d) => d.code === 'compose-run-dependencies')).toBe(false);
  });

  test('without run there is no plan', () => {
    const r = resolveComposeProject(loadOk(SHOP, { workingDirectory: '/shop' }));
    expect(r.ok && r.run).toBeUndefined();
  });
});

describe('depends_on merge', () => {
  test('an override file adds to depends_on and changes an entry by service name (compose-go mergeDependsOn)', () => {
    const p = loadOk({
      '/app/compose.yaml': 'services:\n  web:\n    image: a\n    depends_on: [db]\n  db:\n    image: b\n  cache:\n    image: c\n',
      '/app/compose.override.yml': 'services:\n  web:\n    depends_on:\n      db: {condition: service_healthy, required: false}\n      cache: {condition: service_started}\n',
    });
    expect(p.services[0]!.depends_on?.map((d) => `${d.service}:${String(d.required)}`)).toEqual(['db:false', 'cache:true']);
  });
});
