// The registry source and its disk cache (src/cli/base-images/registry-source.ts,
// registry-cache.ts) against the in-memory registry of the client's own tests
// (test/registry/fake-registry.ts) and a temporary cache directory. The clock is a variable.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parseImageReference } from '../../../src/core/image-reference.js';
import { RegistryCache, TAG_TTL_MS } from '../../../src/cli/base-images/registry-cache.js';
import { registrySource, type RegistrySourceOptions } from '../../../src/cli/base-images/registry-source.js';
import type { BaseConfig, BaseLookupResult, BaseQuery } from '../../../src/cli/base-images/sources.js';
import type { DockerConfigCredentialsResult } from '../../../src/registry/index.js';
import { Store, fakeRegistry, oneImage } from '../../registry/fake-registry.js';

const HOST = 'registry.example.test';
const T0 = Date.parse('2026-03-01T12:00:00.000Z');

function query(text: string, platform = { os: 'linux', architecture: 'amd64' }): BaseQuery {
  const r = parseImageReference(text);
  if (!r.ok) throw new Error(text);
  return { text, reference: r.reference, platform, platformGiven: false };
}

function answer(r: BaseLookupResult): BaseConfig {
  if (r === undefined || 'ok' in r) throw new Error(`expected an answer, got ${JSON.stringify(r)}`);
  return r;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'container-argv-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A source over one fake registry with image `team/app:v1`, a cache in `dir`, and a clock. */
function setup(o: Partial<RegistrySourceOptions> = {}, store = oneImage().store) {
  const reg = fakeRegistry(store);
  const fetch = vi.fn(reg.fetch);
  const clock = { now: T0 };
  const cache = new RegistryCache(dir);
  const source = (offline: boolean) => registrySource({ offline, cache, fetch, now: () => clock.now, ...o });
  return { reg, fetch, clock, cache, source };
}

describe('online (--pull): the registry answers and the answer is cached', () => {
  test('a miss asks the registry, then the cache answers while the tag entry is fresh', async () => {
    const { fetch, clock, source, cache } = setup();
    const first = answer(await source(false).lookup(query(`${HOST}/team/app:v1`)));
    expect(first.config).toEqual({ entrypoint: ['/entry'], cmd: ['run'], shell: null, onBuild: null, os: 'linux' });
    expect(first.source).toMatchObject({ kind: 'registry', registry: HOST, repository: 'team/app', platform: 'linux/amd64' });
    expect(first.source).not.toHaveProperty('cachedAt');
    expect(fetch).toHaveBeenCalledTimes(2); // manifest + config blob
    const digest = (first.source as { digest: string }).digest;
    expect(cache.readImage(digest)?.config).toEqual(first.config);

    clock.now = T0 + TAG_TTL_MS - 1;
    const second = answer(await source(false).lookup(query(`${HOST}/team/app:v1`)));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(second.config).toEqual(first.config);
    expect(second.source).toEqual({ ...first.source, cachedAt: '2026-03-01T12:00:00.000Z' });
  });

  test('an expired tag entry asks the registry again (and sees a moved tag)', async () => {
    const store = new Store();
    store.tag('v1', store.image({ os: 'linux', architecture: 'amd64', config: { Cmd: ['old'] } }));
    const { fetch, clock, source } = setup({}, store);
    expect(answer(await source(false).lookup(query(`${HOST}/team/app:v1`))).config.cmd).toEqual(['old']);
    store.tag('v1', store.image({ os: 'linux', architecture: 'amd64', config: { Cmd: ['new'] } }));
    clock.now = T0 + TAG_TTL_MS;
    const again = answer(await source(false).lookup(query(`${HOST}/team/app:v1`)));
    expect(again.config.cmd).toEqual(['new']);
    expect(again.source).not.toHaveProperty('cachedAt');
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  test('a digest-pinned reference is answered from the cache however old', async () => {
    const { store, desc } = oneImage();
    const { fetch, clock, source } = setup({}, store);
    const ref = `${HOST}/team/app@${desc.digest}`;
    answer(await source(false).lookup(query(ref)));
    clock.now = T0 + 100 * TAG_TTL_MS;
    expect(answer(await source(false).lookup(query(ref))).source).toHaveProperty('cachedAt');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test('cache entries are per platform', async () => {
    const store = new Store();
    const amd = store.image({ os: 'linux', architecture: 'amd64', config: { Cmd: ['amd64'] } });
    const arm = store.image({ os: 'linux', architecture: 'arm64', config: { Cmd: ['arm64'] } });
    store.tag(
      'v1',
      store.index([
        { desc: amd, platform: { os: 'linux', architecture: 'amd64' } },
        { desc: arm, platform: { os: 'linux', architecture: 'arm64' } },
      ]),
    );
    const { source } = setup({}, store);
    const a = answer(await source(false).lookup(query(`${HOST}/team/app:v1`)));
    const b = answer(await source(false).lookup(query(`${HOST}/team/app:v1`, { os: 'linux', architecture: 'arm64' })));
    expect([a.config.cmd, b.config.cmd]).toEqual([['amd64'], ['arm64']]);
    expect(b.source).toMatchObject({ platform: 'linux/arm64', indexDigest: expect.stringMatching(/^sha256:/) });
    const offline = answer(await source(true).lookup(query(`${HOST}/team/app:v1`, { os: 'linux', architecture: 'arm64' })));
    expect(offline.config.cmd).toEqual(['arm64']);
  });

  test('a registry failure is the source failure (nothing cached)', async () => {
    const { source, cache } = setup();
    const r = await source(false).lookup(query(`${HOST}/team/app:v2`));
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'registry-not-found' }] });
    expect(cache.readTag(`${HOST}/team/app:v2`, 'linux/amd64')).toBeUndefined();
  });

  test('an unwritable cache is a warning; the answer is still used', async () => {
    // A regular file where the cache directory should be: mkdir fails (ENOTDIR), even for root.
    writeFileSync(join(dir, 'file'), '');
    const { source } = setup({ cache: new RegistryCache(join(dir, 'file')) });
    const r = answer(await source(false).lookup(query(`${HOST}/team/app:v1`)));
    expect(r.config.cmd).toEqual(['run']);
    expect(r.diagnostics).toEqual([{ code: 'base-image-cache-unwritable', severity: 'warning', message: expect.stringMatching(/^registry answers are not cached: ENOTDIR/) }]);
  });
});

describe('offline (--offline): the cache only, never the network', () => {
  test('a miss is a miss, and fetch is never called', async () => {
    const { fetch, source } = setup();
    expect(await source(true).lookup(query(`${HOST}/team/app:v1`))).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  test('an old tag entry answers, with an info diagnostic naming when it was resolved', async () => {
    const { fetch, clock, source } = setup();
    answer(await source(false).lookup(query(`${HOST}/team/app:v1`)));
    fetch.mockClear();
    clock.now = T0 + 30 * TAG_TTL_MS;
    const r = answer(await source(true).lookup(query(`${HOST}/team/app:v1`)));
    expect(fetch).not.toHaveBeenCalled();
    expect(r.source).toHaveProperty('cachedAt', '2026-03-01T12:00:00.000Z');
    expect(r.diagnostics).toEqual([
      {
        code: 'base-image-cache-stale',
        severity: 'info',
        message: `${HOST}/team/app:v1: the tag was resolved at 2026-03-01T12:00:00.000Z; it may name another image now (offline: the registry is not asked)`,
      },
    ]);
  });

  test('a fresh tag entry answers without the stale note', async () => {
    const { source } = setup();
    answer(await source(false).lookup(query(`${HOST}/team/app:v1`)));
    expect(answer(await source(true).lookup(query(`${HOST}/team/app:v1`))).diagnostics).toEqual([]);
  });

  test('offline, the source is called "registry cache"', () => {
    expect(setup().source(true).name).toBe('registry cache');
    expect(setup().source(false).name).toBe('registry');
  });
});

describe('credentials from the Docker config', () => {
  const basicStore = () => oneImage().store;

  test('auths credentials are sent to the registry', async () => {
    const reg = fakeRegistry(basicStore(), { auth: 'basic' });
    const creds = vi.fn((): DockerConfigCredentialsResult => ({ ok: true, credentials: { username: 'user', password: 'pass' }, diagnostics: [] }));
    const source = registrySource({ offline: false, fetch: reg.fetch, credentials: creds });
    answer(await source.lookup(query(`${HOST}/team/app:v1`)));
    expect(creds).toHaveBeenCalledWith(HOST);
    expect(reg.calls.at(-1)!.authorization).toBe(`Basic ${btoa('user:pass')}`);
  });

  const helper: DockerConfigCredentialsResult = {
    ok: false,
    issues: [
      {
        code: 'registry-credential-helper-unsupported',
        message: 'credentials for registry.example.test are kept by the credential helper docker-credential-desktop, which is not supported; pass the credentials explicitly',
      },
    ],
    diagnostics: [],
  };

  test('a credential helper: the registry is asked anonymously, and a public image is answered', async () => {
    const reg = fakeRegistry(basicStore());
    const r = await registrySource({ offline: false, fetch: reg.fetch, credentials: () => helper }).lookup(query(`${HOST}/team/app:v1`));
    expect(answer(r).config.cmd).toEqual(['run']);
    expect(reg.calls.every((c) => c.authorization === undefined)).toBe(true);
  });

  test('a credential helper and a registry that wants credentials: the helper is named first', async () => {
    const reg = fakeRegistry(basicStore(), { auth: 'basic' });
    const r = await registrySource({ offline: false, fetch: reg.fetch, credentials: () => helper }).lookup(query(`${HOST}/team/app:v1`));
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'registry-credential-helper-unsupported' }, { code: 'registry-unauthorized' }] });
  });

  test('an invalid Docker config fails before any request', async () => {
    const reg = fakeRegistry(basicStore());
    const bad: DockerConfigCredentialsResult = {
      ok: false,
      issues: [{ code: 'docker-config-invalid', message: 'invalid Docker config: expected a JSON object' }],
      diagnostics: [],
    };
    const r = await registrySource({ offline: false, fetch: reg.fetch, credentials: () => bad }).lookup(query(`${HOST}/team/app:v1`));
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'docker-config-invalid' }] });
    expect(reg.calls).toEqual([]);
  });
});

describe('the cache on disk, as the source writes it', () => {
  test('layout: images/<algorithm>/<hex>.json and tags/<sha256>.json under registry-v1/', async () => {
    const { source } = setup();
    const r = answer(await source(false).lookup(query(`${HOST}/team/app:v1`)));
    const digest = (r.source as { digest: string }).digest;
    expect(readdirSync(join(dir, 'registry-v1')).sort()).toEqual(['images', 'tags']);
    expect(readdirSync(join(dir, 'registry-v1', 'images', 'sha256'))).toEqual([`${digest.slice(7)}.json`]);
    const [tagFile] = readdirSync(join(dir, 'registry-v1', 'tags'));
    expect(tagFile).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(JSON.parse(readFileSync(join(dir, 'registry-v1', 'tags', tagFile!), 'utf8'))).toEqual({
      reference: `${HOST}/team/app:v1`,
      platform: 'linux/amd64',
      digest,
      savedAt: '2026-03-01T12:00:00.000Z',
    });
  });

  test('a damaged file is a miss (and is replaced by the next online answer)', async () => {
    const { source, cache, fetch } = setup();
    const r = answer(await source(false).lookup(query(`${HOST}/team/app:v1`)));
    const digest = (r.source as { digest: string }).digest;
    const file = join(dir, 'registry-v1', 'images', 'sha256', `${digest.slice(7)}.json`);
    writeFileSync(file, '{"digest":');
    expect(cache.readImage(digest)).toBeUndefined();
    expect(await source(true).lookup(query(`${HOST}/team/app:v1`))).toBeUndefined();
    writeFileSync(file, JSON.stringify({ digest, registry: HOST, repository: 'team/app', savedAt: 'x', platform: {}, config: { cmd: 'not a list' } }));
    expect(cache.readImage(digest)).toBeUndefined();
    answer(await source(false).lookup(query(`${HOST}/team/app:v1`)));
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(cache.readImage(digest)).toBeDefined();
  });
});
