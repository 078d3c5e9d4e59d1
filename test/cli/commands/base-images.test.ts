// The CLI's base image flags end to end (in-process): --image-config REF=FILE files, --from-engine with a fake
// engine program on PATH, --pull against the in-memory registry of the client's tests
// (test/registry/fake-registry.ts) behind a stubbed global fetch, --offline (which must never call
// fetch), --platform, --insecure-registry, --no-catalog, and the provenance each command prints.
// The catalog answers are the bundled catalog's (src/catalog, CATALOG_INFO.date).
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { CATALOG_INFO } from '../../../src/catalog/index.js';
import { Store, fakeRegistry } from '../../registry/fake-registry.js';
import { cli } from '../helpers.js';

const HOST = 'registry.example.test';
const IMAGE = `${HOST}/team/app:v1`;
const INSPECT = JSON.stringify([{ Id: `sha256:${'e'.repeat(64)}`, Os: 'linux', Architecture: 'amd64', Config: { Entrypoint: ['/from-engine'], Cmd: null } }]);

let dir = '';
let env: Record<string, string> = {};

/** A registry with `team/app:v1`: an index with linux/amd64 (CMD ["amd64"]) and linux/arm64 (CMD ["arm64"]). */
function registry() {
  const store = new Store();
  const amd = store.image({ os: 'linux', architecture: 'amd64', config: { Entrypoint: ['/entry'], Cmd: ['amd64'] } });
  const arm = store.image({ os: 'linux', architecture: 'arm64', config: { Entrypoint: ['/entry'], Cmd: ['arm64'] } });
  store.tag(
    'v1',
    store.index([
      { desc: amd, platform: { os: 'linux', architecture: 'amd64' } },
      { desc: arm, platform: { os: 'linux', architecture: 'arm64' } },
    ]),
  );
  const reg = fakeRegistry(store);
  const fetch = vi.fn(reg.fetch);
  vi.stubGlobal('fetch', fetch);
  return { fetch, amd, arm, reg };
}

/** A global fetch that fails the test if anything calls it. */
function forbidFetch() {
  const fetch = vi.fn(async () => {
    throw new Error('fetch called');
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const run = (argv: string[], stdin?: string) => cli(argv, { env, cwd: dir, ...(stdin !== undefined && { stdin }) });
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown> & { bases: { description: string; source: Record<string, unknown> | null; tried: string[] }[] };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'container-argv-bases-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'docker-config'));
  writeFileSync(join(dir, 'node.json'), JSON.stringify([{ Os: 'linux', Config: { Entrypoint: ['/from-file'], Cmd: ['x'] } }]));
  writeFileSync(join(dir, 'app.Dockerfile'), `FROM ${IMAGE}\nCMD ["serve"]\n`);
  writeFileSync(join(dir, 'node.Dockerfile'), 'FROM docker.io/library/node:latest\nCMD ["serve"]\n');
  writeFileSync(join(dir, 'compose.yaml'), `services:\n  app:\n    image: ${IMAGE}\n  db:\n    image: postgres:17\n`);
  // A fake docker: `image inspect local:1` answers, `down:1` is a daemon that is not running, anything else is missing.
  writeFileSync(
    join(dir, 'bin', 'docker'),
    `#!/bin/sh\nPATH=/usr/bin:/bin\ncase "$3" in\n  local:1) echo '${INSPECT}' ;;\n  down:1) echo '[]'; echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2; exit 1 ;;\n  *) echo '[]'; echo "Error response from daemon: no such image: $3: No such image: $3" >&2; exit 1 ;;\nesac\n`,
  );
  chmodSync(join(dir, 'bin', 'docker'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllGlobals();
  rmSync(join(dir, 'cache'), { recursive: true, force: true });
});
// Every run gets a fresh cache and an empty Docker config (never the user's own).
beforeAll(() => {
  env = { XDG_CACHE_HOME: join(dir, 'cache'), DOCKER_CONFIG: join(dir, 'docker-config'), PATH: join(dir, 'bin') };
});

describe('--image-config REF=FILE files', () => {
  test('a file given for node answers FROM docker.io/library/node:latest (same image), and says so', async () => {
    const r = await run(['explain', 'node.Dockerfile', '--image-config', 'node=node.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  base       docker.io/library/node:latest from file node.json\n');
    expect(r.stdout).toContain('argv       /from-file serve');
  });
});

describe('--pull', () => {
  test('the registry answers; text and JSON name the manifest digest; the answer is cached', async () => {
    const { fetch, amd } = registry();
    const r = await run(['explain', 'app.Dockerfile', '--pull', '--json']);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out['argv']).toEqual(['/entry', 'serve']);
    expect(out.bases).toEqual([
      {
        reference: IMAGE,
        canonical: IMAGE,
        platform: 'linux/amd64',
        source: { kind: 'registry', registry: HOST, repository: 'team/app', digest: amd.digest, indexDigest: expect.stringMatching(/^sha256:/), platform: 'linux/amd64' },
        tried: ['registry'],
        description: `${IMAGE} from registry ${amd.digest} (${HOST}/team/app, linux/amd64)`,
      },
    ]);
    expect(fetch).toHaveBeenCalledTimes(3); // index, manifest, config
    const again = await run(['explain', 'app.Dockerfile', '--pull']);
    expect(again.stdout).toMatch(new RegExp(`base {7}${IMAGE} from registry ${amd.digest} \\(${HOST}/team/app, linux/amd64, cached \\d{4}-`));
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  test('--platform picks the index entry', async () => {
    const { arm } = registry();
    const r = await run(['explain', 'app.Dockerfile', '--pull', '--platform', 'linux/arm64', '--json']);
    const out = json(r.stdout);
    expect(out['argv']).toEqual(['/entry', 'serve']);
    expect(out.bases[0]!.source).toMatchObject({ digest: arm.digest, platform: 'linux/arm64' });
  });

  test('--insecure-registry: the registry is reached over plain http', async () => {
    const { reg } = registry();
    await run(['explain', 'app.Dockerfile', '--pull', '--insecure-registry', HOST]);
    expect(reg.calls.map((c) => new URL(c.url).protocol)).toEqual(['http:', 'http:', 'http:']);
  });

  test('a registry failure is an error finding (exit 1); the chain goes on to the catalog', async () => {
    registry();
    writeFileSync(join(dir, 'missing.Dockerfile'), `FROM ${HOST}/team/app:v2\n`);
    const r = await run(['explain', 'missing.Dockerfile', '--pull']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`  base       ${HOST}/team/app:v2 unknown (asked: registry, catalog)\n`);
    expect(r.stdout).toMatch(/missing\.Dockerfile:1:1: error registry-not-found: .*manifest unknown/);
  });

  test("compose: each service's image and where its config came from", async () => {
    const { amd } = registry();
    const r = await run(['compose', 'compose.yaml', '--pull', '--json']);
    const out = json(r.stdout);
    expect(out.bases.map((b) => b.description)).toEqual([
      `${IMAGE} from registry ${amd.digest} (${HOST}/team/app, linux/amd64)`,
      // postgres: the registry (here the fake) does not have it; the catalog does.
      expect.stringMatching(new RegExp(`^postgres:17 from catalog ${CATALOG_INFO.date}`)),
    ]);
    expect(out.bases[1]!.tried).toEqual(['registry', 'catalog']);
  });
});

describe('--offline never touches the network', () => {
  test('after a --pull, the cache answers; fetch is never called', async () => {
    const { amd } = registry();
    await run(['explain', 'app.Dockerfile', '--pull']);
    const fetch = forbidFetch();
    const r = await run(['explain', 'app.Dockerfile', '--offline', '--json']);
    expect(fetch).not.toHaveBeenCalled();
    expect(r.code).toBe(0);
    expect(json(r.stdout).bases[0]).toMatchObject({ source: { kind: 'registry', digest: amd.digest, cachedAt: expect.any(String) }, tried: ['registry cache'] });
  });

  test('an empty cache: the catalog answers what it has; fetch is never called', async () => {
    const fetch = forbidFetch();
    const r = await run(['compose', 'compose.yaml', '--offline', '--json']);
    expect(fetch).not.toHaveBeenCalled();
    expect(json(r.stdout).bases.map((b) => b.tried)).toEqual([
      ['registry cache', 'catalog'],
      ['registry cache', 'catalog'],
    ]);
    expect(json(r.stdout).bases.map((b) => b.source?.['kind'] ?? null)).toEqual([null, 'catalog']);
  });

  test('lint --offline: bases in JSON and text, fetch never called', async () => {
    const fetch = forbidFetch();
    const r = await run(['lint', 'compose.yaml', 'app.Dockerfile', '--offline', '--format', 'json']);
    expect(fetch).not.toHaveBeenCalled();
    expect(json(r.stdout).bases.map((b) => b.description)).toEqual([`${IMAGE} unknown (asked: registry cache, catalog)`, expect.stringMatching(/^postgres:17 from catalog /)]);
    const text = await run(['lint', 'compose.yaml', '--offline']);
    expect(text.stdout).toMatch(/^image postgres:17 from catalog \d{4}-\d{2}-\d{2}/m);
  });
});

describe('--from-engine', () => {
  test('a local image answers, named by the engine and image ID', async () => {
    writeFileSync(join(dir, 'local.Dockerfile'), 'FROM local:1\nCMD ["serve"]\n');
    const r = await run(['explain', 'local.Dockerfile', '--from-engine', 'docker']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  base       local:1 from docker image inspect (sha256:eeeeeeeeeeee)\n');
    expect(r.stdout).toContain('argv       /from-engine serve');
  });

  test('an image the engine does not have: the catalog answers', async () => {
    writeFileSync(join(dir, 'alpine.Dockerfile'), 'FROM alpine:3.22\n');
    const r = await run(['explain', 'alpine.Dockerfile', '--from-engine', 'docker', '--json']);
    expect(json(r.stdout).bases[0]).toMatchObject({ source: { kind: 'catalog' }, tried: ['docker', 'catalog'] });
  });

  test("no daemon: an error with the engine's words, exit 1", async () => {
    writeFileSync(join(dir, 'down.Dockerfile'), 'FROM down:1\nCMD ["x"]\n');
    const r = await run(['explain', 'down.Dockerfile', '--from-engine', 'docker']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error engine-inspect-failed: docker image inspect down:1: Cannot connect to the Docker daemon');
  });

  test('k8s names the base in its YAML comments', async () => {
    const r = await run(['k8s', 'local.Dockerfile', '--from-engine', 'docker']);
    expect(r.stdout).toContain('# base local:1 from docker image inspect (sha256:eeeeeeeeeeee)\n');
  });
});

describe('complete answers', () => {
  test('an answer the catalog completes exits 0; without it the answer depends on the unknown base (exit 3)', async () => {
    writeFileSync(join(dir, 'node22.Dockerfile'), 'FROM node:22\nCMD ["app.js"]\n');
    const known = await run(['explain', 'node22.Dockerfile', '--json']);
    expect(known.code).toBe(0);
    expect(json(known.stdout)).toMatchObject({ complete: true, argv: ['docker-entrypoint.sh', 'app.js'] });
    const unknown = await run(['explain', 'node22.Dockerfile', '--no-catalog']);
    expect(unknown.code).toBe(3);
    expect(unknown.stdout).toContain('  base       node:22 unknown (no source asked)\n');
    expect(unknown.stdout).toContain('depends on node:22 (base image config unknown)');
  });

  test('an --image-config REF=FILE file answers without asking the catalog; the library still warns about an unused one', async () => {
    writeFileSync(join(dir, 'node22.Dockerfile'), 'FROM node:22\nCMD ["app.js"]\n');
    const r = await run(['explain', 'node22.Dockerfile', '--image-config', 'node:22=node.json', '--image-config', 'redis=node.json', '--json']);
    const out = json(r.stdout);
    expect(out.bases).toMatchObject([{ reference: 'node:22', source: { kind: 'file', file: 'node.json' }, tried: ['file'] }]);
    expect((out['diagnostics'] as { code: string }[]).map((d) => d.code)).toContain('image-config-unused');
  });
});

describe('--no-catalog and usage errors', () => {
  test('--no-catalog: a catalogued image stays unknown', async () => {
    writeFileSync(join(dir, 'alpine.Dockerfile'), 'FROM alpine:3.22\n');
    const r = await run(['explain', 'alpine.Dockerfile', '--no-catalog', '--json']);
    expect(json(r.stdout).bases).toMatchObject([{ source: null, tried: [], description: 'alpine:3.22 unknown (no source asked)' }]);
  });

  test.for([
    { argv: ['explain', 'app.Dockerfile', '--pull', '--offline'], message: '--pull asks registries and --offline forbids it' },
    { argv: ['explain', 'app.Dockerfile', '--insecure-registry', HOST], message: '--insecure-registry applies to registry lookups: add --pull' },
    { argv: ['explain', '--image-config', 'node.json', '--pull'], message: '--from-engine, --pull and --offline find the base images of a Dockerfile' },
    { argv: ['explain', 'app.Dockerfile', '--platform', 'arm64'], message: '--platform expects os/arch[/variant]' },
    { argv: ['explain', 'app.Dockerfile', '--from-engine', 'containerd'], message: "option '--from-engine <engine>' argument 'containerd' is invalid" },
  ])('$argv', async ({ argv, message }) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
