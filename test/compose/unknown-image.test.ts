import { describe, expect, test } from 'vitest';
import { listComposeImages, resolveCompose, resolveComposeFile } from '../../src/index.js';

// Issue 18 §2/§6 for Compose. Rule: compose sends entrypoint/command as the container's Entrypoint/Cmd and
// Docker Engine merges them with the image (moby daemon/create.go merge): an unset Entrypoint takes the
// image's; with no (or an empty) Entrypoint and no Cmd, the image CMD runs. So a non-empty `entrypoint`
// needs no image config; `entrypoint: []` or unset with a `command` needs at most the ENTRYPOINT.
describe('resolveCompose with an unknown image config (null)', () => {
  test.for([
    { name: 'entrypoint and command set', service: { entrypoint: ['/app'], command: ['serve'] }, want: { ok: true, complete: true, argv: ['/app', 'serve'] } },
    { name: 'entrypoint set alone: the image CMD is not used', service: { entrypoint: '/app --x' }, want: { ok: true, complete: true, argv: ['/app', '--x'] } },
    {
      name: 'command alone: depends on the ENTRYPOINT',
      service: { command: 'serve --port 80' },
      want: { ok: true, complete: false, dependsOn: ['entrypoint'], request: { entrypoint: null, cmd: ['serve', '--port', '80'] } },
    },
    { name: 'entrypoint: [] and a command: complete', service: { entrypoint: [], command: ['run'] }, want: { ok: true, complete: true, argv: ['run'] } },
    { name: 'entrypoint: [] alone: the image CMD still runs', service: { entrypoint: [] }, want: { ok: true, complete: false, dependsOn: ['cmd'] } },
    { name: 'neither', service: {}, want: { ok: true, complete: false, dependsOn: ['entrypoint', 'cmd'] } },
  ])('$name', ({ service, want }) => {
    expect(resolveCompose(null, service)).toMatchObject(want);
  });

  test('known image: unchanged, complete', () => {
    expect(resolveCompose({ entrypoint: ['/e'], cmd: ['c'] }, {})).toMatchObject({ ok: true, complete: true, argv: ['/e', 'c'] });
  });
});

const COMPOSE = `services:
  web:
    image: \${REGISTRY:-ghcr.io/acme}/web:\${TAG:-1}
    command: ["serve"]
  worker:
    build: .
    entrypoint: ["/worker"]
  db:
    image: postgres:16
  bad:
    image: Postgres
`;

describe('resolveComposeFile: images by reference or service name, unknown ones as data', () => {
  test('without any image config', () => {
    const got = resolveComposeFile(COMPOSE);
    expect(got.ok && got.services.map((s) => [s.name, s.needs, s.result.ok ? (s.result.complete ? s.result.argv : s.result.dependsOn) : s.result.issues[0]])).toEqual([
      ['web', ['entrypoint'], ['entrypoint']],
      ['worker', [], ['/worker']],
      ['db', ['entrypoint', 'cmd'], ['entrypoint', 'cmd']],
      // distribution/reference v0.6.0 normalize.go ParseNormalizedNamed (what the engine answers for the image).
      ['bad', [], { code: 'compose-image-invalid', path: 'services.bad.image', message: 'invalid reference format: repository name (library/Postgres) must be lowercase' }],
    ]);
  });

  test('a record: by reference (after interpolation), by service name; unused keys warn', () => {
    const images = {
      'ghcr.io/acme/web:1': { entrypoint: ['/init'], cmd: ['default'] },
      'docker.io/library/postgres:16': { entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'] },
      worker: {},
      Not_A_Service: {},
    };
    const bad = resolveComposeFile(COMPOSE, { images });
    expect(!bad.ok && bad.issues[0].code).toBe('image-config-key-invalid');
    const { Not_A_Service: _drop, ...rest } = images;
    const got = resolveComposeFile(COMPOSE, { images: { ...rest, 'redis:7': {} } });
    expect(got.ok && got.services.map((s) => (s.result.ok && s.result.complete ? s.result.argv : null))).toEqual([
      ['/init', 'serve'],
      ['/worker'],
      ['docker-entrypoint.sh', 'postgres'],
      null,
    ]);
    expect(got.ok && got.diagnostics.map((d) => d.message)).toEqual(['the image config given for "redis:7" is not used: no service names redis:7']);
  });

  test('a service name that is not an image reference is a valid key', () => {
    const yaml = 'services:\n  My_Api:\n    build: .\n';
    const got = resolveComposeFile(yaml, { images: { My_Api: { cmd: ['api'] } } });
    expect(got.ok && got.services[0]?.result).toMatchObject({ ok: true, complete: true, argv: ['api'] });
  });
});

describe('listComposeImages (issue 18 §6)', () => {
  test('each service with its interpolated image and what its argv needs', () => {
    const got = listComposeImages(COMPOSE, { environment: { TAG: '2' } });
    expect(got.ok && got.images.map((i) => [i.service, i.text ?? null, i.reference?.canonical ?? null, i.needs])).toEqual([
      ['web', 'ghcr.io/acme/web:2', 'ghcr.io/acme/web:2', ['entrypoint']],
      ['worker', null, null, []],
      ['db', 'postgres:16', 'docker.io/library/postgres:16', ['entrypoint', 'cmd']],
      ['bad', 'Postgres', null, []],
    ]);
  });
});
