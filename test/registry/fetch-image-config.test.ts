// fetchImageConfig against an in-memory registry behind a fake fetch (test/registry/fake-registry.ts).
// Truth for the protocol: OCI distribution-spec v1.1 (pulling manifests and blobs, error codes),
// distribution docs/spec/auth/token.md (the bearer flow), OCI image-spec v1.1 (descriptors,
// digests, image index), Docker's manifest-v2-2.md (manifest list). The same behaviour is checked
// against real registries in test/registry-live/.
import { describe, expect, test } from 'vitest';
import { fetchImageConfig, type FetchImageConfigOptions } from '../../src/registry/index.js';
import { DOCKER_MANIFEST, OCI_INDEX, OCI_MANIFEST, REALM, Store, TOKEN, digest, fakeRegistry, oneImage } from './fake-registry.js';

const REF = { domain: 'registry.example.test', path: 'team/app', tag: 'v1' };
const creds = { username: 'user', password: 'pass' };
const noWait = { sleep: async () => undefined } satisfies FetchImageConfigOptions;

function issue(r: Awaited<ReturnType<typeof fetchImageConfig>>) {
  if (r.ok) throw new Error('expected a failure');
  return r.issues[0];
}

describe('fetchImageConfig reads the config of a single image', () => {
  test('OCI manifest: config fields kept as written ([] apart from null), digests, source', async () => {
    const { store, desc } = oneImage({ architecture: 'arm64', variant: 'v8', os: 'linux', config: { Entrypoint: [], Cmd: null, Shell: ['/bin/bash', '-c'], ArgsEscaped: false } });
    const reg = fakeRegistry(store);
    const r = await fetchImageConfig(REF, { fetch: reg.fetch });
    const manifest = JSON.parse(new TextDecoder().decode(store.blobs.get(desc.digest)!.bytes));
    expect(r).toEqual({
      ok: true,
      config: { entrypoint: [], cmd: null, shell: ['/bin/bash', '-c'], onBuild: null, os: 'linux', argsEscaped: false },
      digest: desc.digest,
      configDigest: manifest.config.digest,
      mediaType: OCI_MANIFEST,
      platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
      source: { kind: 'registry', registry: 'registry.example.test', repository: 'team/app', digest: desc.digest },
      diagnostics: [],
    });
    expect(reg.calls.map((c) => c.url)).toEqual([
      'https://registry.example.test/v2/team/app/manifests/v1',
      `https://registry.example.test/v2/team/app/blobs/${manifest.config.digest}`,
    ]);
    expect(reg.calls[0]!.accept).toBe(
      'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
    );
  });

  test('by digest: the manifest URL names the digest', async () => {
    const { store, desc } = oneImage();
    const reg = fakeRegistry(store);
    const r = await fetchImageConfig({ domain: REF.domain, path: REF.path, digest: desc.digest }, { fetch: reg.fetch });
    expect(r.ok && r.digest).toBe(desc.digest);
    expect(reg.calls[0]!.url).toBe(`https://registry.example.test/v2/team/app/manifests/${desc.digest}`);
  });

  test('docker.io is looked up at registry-1.docker.io, a one-part name under library/', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store, { host: 'registry-1.docker.io', repository: 'library/nginx' });
    const r = await fetchImageConfig({ domain: 'docker.io', path: 'nginx', tag: 'v1' }, { fetch: reg.fetch });
    expect(r.ok && r.source).toEqual({ kind: 'registry', registry: 'registry-1.docker.io', repository: 'library/nginx', digest: expect.any(String) });
  });

  test('no tag and no digest: latest', async () => {
    const { store, desc } = oneImage();
    store.tag('latest', desc);
    const reg = fakeRegistry(store);
    expect((await fetchImageConfig({ domain: REF.domain, path: REF.path }, { fetch: reg.fetch })).ok).toBe(true);
    expect(reg.calls[0]!.url).toMatch(/\/manifests\/latest$/);
  });

  test('insecureRegistries: plain http for the listed host only', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store);
    const httpFetch = (url: string, init: RequestInit) => reg.fetch(url.replace(/^http:/, 'https:'), init);
    await fetchImageConfig(REF, { fetch: httpFetch, insecureRegistries: ['registry.example.test'] });
    expect(reg.calls[0]!.url).toBe('https://registry.example.test/v2/team/app/manifests/v1');
    const seen: string[] = [];
    await fetchImageConfig(REF, { fetch: (u, i) => (seen.push(u), reg.fetch(u.replace(/^http:/, 'https:'), i)), insecureRegistries: ['registry.example.test'] });
    expect(seen[0]).toBe('http://registry.example.test/v2/team/app/manifests/v1');
  });

  test("a registry error uses the registry's own words, as skopeo prints them", async () => {
    const reg = fakeRegistry(new Store());
    expect(issue(await fetchImageConfig(REF, { fetch: reg.fetch }))).toEqual({
      code: 'registry-not-found',
      message: 'reading manifest v1 in registry.example.test/team/app: manifest unknown: manifest unknown',
    });
  });

  test('an invalid reference part is refused before any request', async () => {
    const reg = fakeRegistry(new Store());
    expect(issue(await fetchImageConfig({ domain: REF.domain, path: 'Team/App', tag: 'v1' }, { fetch: reg.fetch }))).toEqual({
      code: 'registry-invalid-reference',
      message: 'invalid reference format: path "Team/App"',
    });
    expect(reg.calls).toEqual([]);
  });

  test('programmer errors throw TypeError', async () => {
    await expect(fetchImageConfig(null as never)).rejects.toThrow(TypeError);
    await expect(fetchImageConfig(REF, { timeoutMs: -1 })).rejects.toThrow('options.timeoutMs must be a non-negative number, got number');
  });
});

describe('indexes and manifest lists: platform selection', () => {
  function multi(types: 'oci' | 'docker' = 'oci') {
    const store = new Store();
    const img = (architecture: string, extra: Record<string, string> = {}, os = 'linux') =>
      store.image({ architecture, os, ...extra, config: { Cmd: [`${os}-${architecture}${extra['variant'] ?? ''}${extra['os.version'] ?? ''}`] } }, types);
    const entries = [
      { desc: img('unknown', {}, 'unknown'), platform: { architecture: 'unknown', os: 'unknown' } },
      { desc: img('amd64'), platform: { architecture: 'amd64', os: 'linux' } },
      { desc: img('arm64', { variant: 'v8' }), platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } },
      { desc: img('arm', { variant: 'v6' }), platform: { architecture: 'arm', os: 'linux', variant: 'v6' } },
      { desc: img('arm', { variant: 'v7' }), platform: { architecture: 'arm', os: 'linux', variant: 'v7' } },
      { desc: img('amd64', { 'os.version': '10.0.17763.5329' }, 'windows'), platform: { architecture: 'amd64', os: 'windows', 'os.version': '10.0.17763.5329' } },
      { desc: img('amd64', { 'os.version': '10.0.20348.2227' }, 'windows'), platform: { architecture: 'amd64', os: 'windows', 'os.version': '10.0.20348.2227' } },
    ];
    const index = store.index(entries, types);
    store.tag('v1', index);
    return { store, index, entries };
  }

  // Row: platform asked for → Cmd of the entry chosen (containerd platforms 09756f5 rules).
  const ROWS = [
    { asked: undefined, cmd: 'linux-amd64' },
    { asked: { os: 'linux', architecture: 'amd64' }, cmd: 'linux-amd64' },
    { asked: { os: 'linux', architecture: 'x86_64' }, cmd: 'linux-amd64' },
    { asked: { os: 'linux', architecture: 'arm64' }, cmd: 'linux-arm64v8' },
    { asked: { os: 'linux', architecture: 'aarch64', variant: 'v8' }, cmd: 'linux-arm64v8' },
    { asked: { os: 'linux', architecture: 'arm' }, cmd: 'linux-armv7' },
    { asked: { os: 'linux', architecture: 'arm', variant: 'v6' }, cmd: 'linux-armv6' },
    { asked: { os: 'linux', architecture: 'arm', variant: 'v8' }, cmd: 'linux-armv7' },
    { asked: { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.1' }, cmd: 'windows-amd6410.0.17763.5329' },
    { asked: { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.100' }, cmd: 'windows-amd6410.0.20348.2227' },
    { asked: { os: 'windows', architecture: 'amd64', osVersion: '10.0.26100.1' }, cmd: 'windows-amd6410.0.20348.2227' },
    { asked: { os: 'windows', architecture: 'amd64' }, cmd: 'windows-amd6410.0.20348.2227' },
  ] as const;

  test.for(ROWS.flatMap((row) => (['oci', 'docker'] as const).map((types) => ({ ...row, types, name: `${JSON.stringify(row.asked ?? 'default')} (${types})` }))))(
    '$name',
    async ({ asked, cmd, types }) => {
      const { store, index } = multi(types);
      const r = await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch, ...(asked ? { platform: asked } : {}) });
      if (!r.ok) throw new Error(r.issues[0].message);
      expect(r.config.cmd).toEqual([cmd]);
      expect(r.indexDigest).toBe(index.digest);
      expect(r.mediaType).toBe(types === 'oci' ? OCI_MANIFEST : DOCKER_MANIFEST);
    },
  );

  test('no entry for the platform: registry-no-platform listing what there is (unknown/unknown left out)', async () => {
    const { store } = multi();
    const r = await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch, platform: { os: 'linux', architecture: 's390x' } });
    expect(issue(r)).toEqual({
      code: 'registry-no-platform',
      message:
        'no matching manifest for linux/s390x in the manifest list entries (available: linux/amd64, linux/arm64/v8, linux/arm/v6, linux/arm/v7, windows/amd64:10.0.17763.5329, windows/amd64:10.0.20348.2227)',
    });
  });

  test('windows host 10.0.17134 (before LTSC 2019): no entry runs there', async () => {
    const { store } = multi();
    const r = await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch, platform: { os: 'windows', architecture: 'amd64', osVersion: '10.0.17134.1' } });
    expect(issue(r).code).toBe('registry-no-platform');
  });

  test('a nested index entry is refused', async () => {
    const store = new Store();
    const inner = store.index([{ desc: store.image({ os: 'linux', architecture: 'amd64' }), platform: { os: 'linux', architecture: 'amd64' } }]);
    store.tag('v1', store.index([{ desc: inner, platform: { os: 'linux', architecture: 'amd64' } }]));
    expect(issue(await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch })).code).toBe('registry-unsupported-media-type');
  });

  test('single image for another platform: a warning, the config anyway', async () => {
    const { store } = oneImage({ os: 'linux', architecture: 'arm64', config: {} });
    const r = await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch, platform: { os: 'linux', architecture: 'amd64' } });
    expect(r.ok && r.diagnostics).toEqual([
      {
        code: 'registry-platform-mismatch',
        severity: 'warning',
        message: "registry.example.test/team/app:v1: the image's platform (linux/arm64) does not match the specified platform (linux/amd64)",
      },
    ]);
  });
});

describe('refused content', () => {
  test('Docker schema 1 (signed): registry-schema1', async () => {
    const store = new Store();
    store.tag(
      'v1',
      store.put(
        JSON.stringify({ schemaVersion: 1, name: 'team/app', tag: 'v1', fsLayers: [], history: [], signatures: [] }),
        'application/vnd.docker.distribution.manifest.v1+prettyjws',
      ),
    );
    expect(issue(await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch }))).toEqual({
      code: 'registry-schema1',
      message: 'reading manifest v1 in registry.example.test/team/app: Docker image manifest v2 schema 1 is not supported (deprecated); push the image again with a current client',
    });
  });

  test('schema 1 served as application/json: recognised by schemaVersion', async () => {
    const store = new Store();
    store.tag('v1', store.put(JSON.stringify({ schemaVersion: 1, name: 'team/app', fsLayers: [] }), 'application/json'));
    expect(issue(await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch })).code).toBe('registry-schema1');
  });

  test('an artifact (config media type not an image config): registry-unsupported-media-type', async () => {
    const store = new Store();
    const cfg = store.put('{}', 'application/vnd.cncf.helm.config.v1+json');
    store.tag('v1', store.put(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: cfg, layers: [] }), OCI_MANIFEST));
    expect(issue(await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch })).code).toBe('registry-unsupported-media-type');
  });

  test('body mediaType contradicting Content-Type: registry-invalid-manifest', async () => {
    const store = new Store();
    store.tag('v1', store.put(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] }), OCI_MANIFEST));
    expect(issue(await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch })).code).toBe('registry-invalid-manifest');
  });

  test('a config that is not an image config: invalid-image-config with the path', async () => {
    const { store } = oneImage({ os: 'linux', architecture: 'amd64', config: { Cmd: 'not a list' } });
    expect(issue(await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch })).code).toBe('invalid-image-config');
  });
});

describe('digests and sizes are verified', () => {
  test('config bytes changed (same size): registry-digest-mismatch naming both digests', async () => {
    const { store, desc } = oneImage();
    const manifest = JSON.parse(new TextDecoder().decode(store.blobs.get(desc.digest)!.bytes));
    const orig = store.blobs.get(manifest.config.digest)!;
    const changed = new TextEncoder().encode(new TextDecoder().decode(orig.bytes).replace('/entry', '/entrz'));
    store.blobs.set(manifest.config.digest, { ...orig, bytes: changed });
    expect(issue(await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch }))).toEqual({
      code: 'registry-digest-mismatch',
      message: `reading config blob ${manifest.config.digest} in registry.example.test/team/app: digest mismatch: expected ${manifest.config.digest}, got ${digest(changed)}`,
    });
  });

  test('config of another size than its descriptor: registry-digest-mismatch', async () => {
    const { store, desc } = oneImage();
    const manifest = JSON.parse(new TextDecoder().decode(store.blobs.get(desc.digest)!.bytes));
    const orig = store.blobs.get(manifest.config.digest)!;
    store.blobs.set(manifest.config.digest, { ...orig, bytes: new Uint8Array([...orig.bytes, 32]) });
    expect(issue(await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch })).message).toMatch(/size mismatch: descriptor says \d+ bytes, got \d+$/);
  });

  test('Docker-Content-Digest disagreeing with the manifest bytes: registry-digest-mismatch', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store);
    const wrong = `sha256:${'a'.repeat(64)}`;
    const f = async (u: string, i: RequestInit) => {
      const res = await reg.fetch(u, i);
      if (!u.includes('/manifests/')) return res;
      const h = new Headers(res.headers);
      h.set('Docker-Content-Digest', wrong);
      return new Response(await res.arrayBuffer(), { status: res.status, headers: h });
    };
    expect(issue(await fetchImageConfig(REF, { fetch: f })).message).toBe(
      `reading manifest v1 in registry.example.test/team/app: digest mismatch: Docker-Content-Digest says ${wrong}, content is ${digest(store.blobs.get(store.tags.get('v1')!)!.bytes)}`,
    );
  });

  test('a manifest asked for by digest that hashes to something else', async () => {
    const { store, desc } = oneImage();
    const orig = store.blobs.get(desc.digest)!;
    store.blobs.set(desc.digest, { ...orig, bytes: new TextEncoder().encode(`${new TextDecoder().decode(orig.bytes)} `) });
    const r = await fetchImageConfig({ ...REF, digest: desc.digest }, { fetch: fakeRegistry(store).fetch });
    expect(issue(r).code).toBe('registry-digest-mismatch');
  });

  test('a digest algorithm other than sha256/sha512: refused before any request', async () => {
    const reg = fakeRegistry(oneImage().store);
    const r = await fetchImageConfig({ ...REF, digest: `md5:${'0'.repeat(32)}` }, { fetch: reg.fetch });
    expect(issue(r)).toEqual({ code: 'registry-unsupported-digest', message: `unsupported digest algorithm "md5"` });
    expect(reg.calls).toEqual([]);
  });
});

describe('size limits', () => {
  test('manifest larger than maxManifestBytes: registry-too-large', async () => {
    const { store } = oneImage();
    expect(issue(await fetchImageConfig(REF, { fetch: fakeRegistry(store).fetch, maxManifestBytes: 50 }))).toEqual({
      code: 'registry-too-large',
      message: 'reading manifest v1 in registry.example.test/team/app: larger than the limit of 50 bytes',
    });
  });

  test('a body longer than the limit without Content-Length is cut off while streaming', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store);
    let pulled = 0;
    const endless = async (u: string, i: RequestInit) => {
      if (!u.includes('/manifests/')) return reg.fetch(u, i);
      const stream = new ReadableStream<Uint8Array>({
        pull(c) {
          pulled++;
          c.enqueue(new Uint8Array(1024).fill(32));
        },
      });
      return new Response(stream, { status: 200, headers: { 'Content-Type': OCI_MANIFEST } });
    };
    expect(issue(await fetchImageConfig(REF, { fetch: endless, maxManifestBytes: 10_000 })).code).toBe('registry-too-large');
    expect(pulled).toBeLessThan(20);
  });

  test('config descriptor larger than maxConfigBytes: refused before the blob request', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store);
    expect(issue(await fetchImageConfig(REF, { fetch: reg.fetch, maxConfigBytes: 10 })).code).toBe('registry-too-large');
    expect(reg.calls.filter((c) => c.url.includes('/blobs/'))).toEqual([]);
  });
});

describe('authentication', () => {
  test('anonymous bearer flow: 401 challenge, token without credentials, retried with Bearer', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store, { auth: 'bearer' });
    const r = await fetchImageConfig(REF, { fetch: reg.fetch });
    expect(r.ok).toBe(true);
    expect(reg.calls.map((c) => [c.url, c.authorization])).toEqual([
      ['https://registry.example.test/v2/team/app/manifests/v1', undefined],
      [`${REALM}?service=registry.example.test&scope=repository%3Ateam%2Fapp%3Apull`, undefined],
      ['https://registry.example.test/v2/team/app/manifests/v1', `Bearer ${TOKEN}`],
      [expect.stringContaining('/blobs/sha256:'), `Bearer ${TOKEN}`],
    ]);
  });

  test('bearer flow with credentials: Basic to the realm (with account), Bearer to the registry', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store, { auth: 'bearer' });
    expect((await fetchImageConfig(REF, { fetch: reg.fetch, credentials: creds })).ok).toBe(true);
    expect(reg.calls[1]).toMatchObject({
      url: `${REALM}?service=registry.example.test&scope=repository%3Ateam%2Fapp%3Apull&account=user`,
      authorization: `Basic ${btoa('user:pass')}`,
    });
  });

  test('credentials as a function of the domain', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store, { auth: 'basic' });
    const asked: string[] = [];
    const r = await fetchImageConfig(REF, { fetch: reg.fetch, credentials: (d) => (asked.push(d), creds) });
    expect(r.ok).toBe(true);
    expect(asked).toEqual(['registry.example.test']);
  });

  test('token realm refusing the credentials: registry-unauthorized', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store, { auth: 'bearer' });
    expect(issue(await fetchImageConfig(REF, { fetch: reg.fetch, credentials: { username: 'user', password: 'nope' } }))).toEqual({
      code: 'registry-unauthorized',
      message: 'fetching token from https://auth.example.test/token: HTTP 401',
    });
  });

  test('Basic challenge with credentials: retried with Basic', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store, { auth: 'basic' });
    expect((await fetchImageConfig(REF, { fetch: reg.fetch, credentials: creds })).ok).toBe(true);
    expect(reg.calls.map((c) => c.authorization)).toEqual([undefined, `Basic ${btoa('user:pass')}`, `Basic ${btoa('user:pass')}`]);
  });

  test('Basic challenge without credentials: registry-unauthorized, no second request', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store, { auth: 'basic' });
    expect(issue(await fetchImageConfig(REF, { fetch: reg.fetch }))).toEqual({
      code: 'registry-unauthorized',
      message: 'reading manifest v1 in registry.example.test/team/app: unauthorized: authentication required (no credentials for registry.example.test)',
    });
    expect(reg.calls).toHaveLength(1);
  });

  test('Basic challenge with wrong credentials: one retry, then registry-unauthorized', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store, { auth: 'basic' });
    const r = await fetchImageConfig(REF, { fetch: reg.fetch, credentials: { username: 'user', password: 'nope' } });
    expect(issue(r).code).toBe('registry-unauthorized');
    expect(reg.calls).toHaveLength(2);
  });

  test('403: registry-denied', async () => {
    const reg = fakeRegistry(new Store(), { hook: () => new Response('{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}', { status: 403 }) });
    expect(issue(await fetchImageConfig(REF, { fetch: reg.fetch }))).toEqual({
      code: 'registry-denied',
      message: 'reading manifest v1 in registry.example.test/team/app: denied: requested access to the resource is denied',
    });
  });

  test('a plain-http token realm is refused unless listed in insecureRegistries', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store, {
      hook: (url, init) =>
        url.host === 'registry.example.test' && new Headers(init.headers).get('authorization') === null
          ? new Response('', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="http://auth.example.test/token"' } })
          : undefined,
    });
    expect(issue(await fetchImageConfig(REF, { fetch: reg.fetch, credentials: creds })).message).toBe(
      'reading manifest v1 in registry.example.test/team/app: token realm "http://auth.example.test/token" is not https',
    );
  });
});

describe('redirects', () => {
  const BLOBS = 'https://blobs.example-cdn.test';

  /** Registry that redirects blob GETs to another host, which serves them and records what it saw. */
  function redirecting(auth: 'bearer' | 'basic', status = 307) {
    const { store } = oneImage();
    const seenElsewhere: (string | undefined)[] = [];
    const reg = fakeRegistry(store, {
      auth,
      hook: (url, init) => {
        if (url.origin === BLOBS) {
          seenElsewhere.push(new Headers(init.headers).get('authorization') ?? undefined);
          const blob = store.blobs.get(url.pathname.slice(1));
          return new Response(blob!.bytes as Uint8Array<ArrayBuffer>, { status: 200 });
        }
        const a = new Headers(init.headers).get('authorization');
        if (url.pathname.includes('/blobs/') && a !== null) {
          return new Response(null, { status, headers: { Location: `${BLOBS}/${url.pathname.split('/blobs/')[1]}?sig=abc` } });
        }
        return undefined;
      },
    });
    return { reg, seenElsewhere };
  }

  test.for([301, 302, 303, 307, 308])('%i to blob storage with Basic auth: followed, no Authorization sent there', async (status) => {
    const { reg, seenElsewhere } = redirecting('basic', status);
    const r = await fetchImageConfig(REF, { fetch: reg.fetch, credentials: creds });
    expect(r.ok).toBe(true);
    expect(seenElsewhere).toEqual([undefined]);
    expect(reg.calls.every((c) => c.redirect === 'manual')).toBe(true);
  });

  test('bearer token: never sent to the other host', async () => {
    const { reg, seenElsewhere } = redirecting('bearer');
    expect((await fetchImageConfig(REF, { fetch: reg.fetch, credentials: creds })).ok).toBe(true);
    expect(seenElsewhere).toEqual([undefined]);
    const toOther = reg.calls.filter((c) => c.url.startsWith(BLOBS));
    expect(toOther.map((c) => c.authorization)).toEqual([undefined]);
    // The credentials themselves only went to the realm, the token only to the registry.
    for (const c of reg.calls) {
      if (c.authorization?.startsWith('Basic')) expect(new URL(c.url).origin).toBe(new URL(REALM).origin);
      if (c.authorization?.startsWith('Bearer')) expect(new URL(c.url).host).toBe('registry.example.test');
    }
  });

  test('a redirect to another port of the same host is another origin: no Authorization', async () => {
    const { store } = oneImage();
    const seen: (string | undefined)[] = [];
    const reg = fakeRegistry(store, {
      auth: 'basic',
      hook: (url, init) => {
        if (url.host === 'registry.example.test:8443') {
          seen.push(new Headers(init.headers).get('authorization') ?? undefined);
          return new Response(store.blobs.get(url.pathname.split('/blobs/')[1]!)!.bytes as Uint8Array<ArrayBuffer>, { status: 200 });
        }
        if (url.pathname.includes('/blobs/') && url.port === '')
          return new Response(null, { status: 302, headers: { Location: `https://registry.example.test:8443${url.pathname}` } });
        return undefined;
      },
    });
    expect((await fetchImageConfig(REF, { fetch: reg.fetch, credentials: creds })).ok).toBe(true);
    expect(seen).toEqual([undefined]);
  });

  test('endless redirects stop after 10 with registry-redirect', async () => {
    const reg = fakeRegistry(new Store(), { hook: (url) => new Response(null, { status: 302, headers: { Location: url.href } }) });
    expect(issue(await fetchImageConfig(REF, { fetch: reg.fetch }))).toEqual({
      code: 'registry-redirect',
      message: 'reading manifest v1 in registry.example.test/team/app: stopped after 10 redirects',
    });
    expect(reg.calls).toHaveLength(11);
  });

  test('a redirect to a non-http URL is refused', async () => {
    const reg = fakeRegistry(new Store(), { hook: () => new Response(null, { status: 302, headers: { Location: 'file:///etc/passwd' } }) });
    expect(issue(await fetchImageConfig(REF, { fetch: reg.fetch })).code).toBe('registry-redirect');
  });

  test('browsers (opaqueredirect): the request is sent again with redirect: follow', async () => {
    const { store } = oneImage();
    const reg = fakeRegistry(store);
    const modes: (RequestRedirect | undefined)[] = [];
    const browserLike = async (u: string, i: RequestInit) => {
      modes.push(i.redirect);
      if (i.redirect === 'manual' && u.includes('/blobs/')) return Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
      return reg.fetch(u, i);
    };
    expect((await fetchImageConfig(REF, { fetch: browserLike })).ok).toBe(true);
    expect(modes).toEqual(['manual', 'manual', 'follow']);
  });
});

describe('retries, timeouts and aborts', () => {
  /** Answers the first `n` manifest requests with `status`. */
  const failing = (n: number, status: number, headers: Record<string, string> = {}) => {
    let left = n;
    return fakeRegistry(oneImage().store, {
      hook: (url) =>
        url.pathname.includes('/manifests/') && left-- > 0 ? new Response('{"errors":[{"code":"TOOMANYREQUESTS","message":"rate limited"}]}', { status, headers }) : undefined,
    });
  };

  test('429 with Retry-After seconds: waits what it says, then succeeds; each retry is a diagnostic', async () => {
    const reg = failing(2, 429, { 'Retry-After': '7' });
    const waits: number[] = [];
    const r = await fetchImageConfig(REF, { fetch: reg.fetch, sleep: async (ms) => void waits.push(ms) });
    expect(r.ok).toBe(true);
    expect(waits).toEqual([7000, 7000]);
    expect(r.ok && r.diagnostics).toEqual([
      { code: 'registry-retried', severity: 'info', message: 'reading manifest v1 in registry.example.test/team/app: HTTP 429 (Retry-After 7); retry 1 of 3 in 7000 ms' },
      { code: 'registry-retried', severity: 'info', message: 'reading manifest v1 in registry.example.test/team/app: HTTP 429 (Retry-After 7); retry 2 of 3 in 7000 ms' },
    ]);
  });

  test('Retry-After as an HTTP date in the past: no wait', async () => {
    const reg = failing(1, 503, { 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' });
    const waits: number[] = [];
    expect((await fetchImageConfig(REF, { fetch: reg.fetch, sleep: async (ms) => void waits.push(ms) })).ok).toBe(true);
    expect(waits).toEqual([0]);
  });

  test('5xx without Retry-After: exponential backoff 500, 1000, 2000 ms, then the error', async () => {
    const reg = failing(100, 502);
    const waits: number[] = [];
    const r = await fetchImageConfig(REF, { fetch: reg.fetch, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([500, 1000, 2000]);
    expect(reg.calls).toHaveLength(4);
    expect(issue(r)).toEqual({ code: 'registry-http-error', message: 'reading manifest v1 in registry.example.test/team/app: toomanyrequests: rate limited' });
  });

  test('maxRetries: 0 sends once', async () => {
    const reg = failing(100, 503);
    await fetchImageConfig(REF, { fetch: reg.fetch, maxRetries: 0, ...noWait });
    expect(reg.calls).toHaveLength(1);
  });

  test('Retry-After beyond maxRetryDelayMs: not waited for, the error names it', async () => {
    const reg = failing(100, 429, { 'Retry-After': '120' });
    const r = await fetchImageConfig(REF, { fetch: reg.fetch, maxRetryDelayMs: 60_000, ...noWait });
    expect(reg.calls).toHaveLength(1);
    expect(issue(r).message).toBe('reading manifest v1 in registry.example.test/team/app: toomanyrequests: rate limited (Retry-After 120)');
  });

  test('404 and 401 are not retried', async () => {
    const reg = fakeRegistry(new Store());
    await fetchImageConfig(REF, { fetch: reg.fetch, ...noWait });
    expect(reg.calls).toHaveLength(1);
  });

  test('a connection error is retried, then reported with its cause', async () => {
    let n = 0;
    const broken = async () => {
      n++;
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
    };
    const r = await fetchImageConfig(REF, { fetch: broken, maxRetries: 2, ...noWait });
    expect(n).toBe(3);
    expect(issue(r)).toEqual({ code: 'registry-network-error', message: 'reading manifest v1 in registry.example.test/team/app: fetch failed: connect ECONNREFUSED 127.0.0.1:1' });
  });

  test('no answer: registry-timeout, the request aborted, not retried', async () => {
    let signal: AbortSignal | undefined;
    let n = 0;
    const never = (_: string, i: RequestInit) => {
      n++;
      signal = i.signal ?? undefined;
      return new Promise<Response>((_, reject) => i.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    };
    const r = await fetchImageConfig(REF, { fetch: never, timeoutMs: 20, ...noWait });
    expect(issue(r)).toEqual({ code: 'registry-timeout', message: 'reading manifest v1 in registry.example.test/team/app: no complete answer within 20 ms' });
    expect(signal?.aborted).toBe(true);
    expect(n).toBe(1);
  });

  test('a body that stalls after the headers: registry-timeout', async () => {
    const stalled = (_: string, i: RequestInit) =>
      Promise.resolve(
        new Response(
          new ReadableStream<Uint8Array>({
            start(c) {
              c.enqueue(new Uint8Array([123]));
              i.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
            },
          }),
          { status: 200, headers: { 'Content-Type': OCI_MANIFEST } },
        ),
      );
    expect(issue(await fetchImageConfig(REF, { fetch: stalled, timeoutMs: 20 })).code).toBe('registry-timeout');
  });

  test('an abort while waiting to retry ends the lookup: registry-aborted, no further request', async () => {
    const controller = new AbortController();
    const reg = failing(100, 503);
    const r = await fetchImageConfig(REF, { fetch: reg.fetch, signal: controller.signal, sleep: async () => controller.abort() });
    expect(issue(r)).toEqual({ code: 'registry-aborted', message: 'reading manifest v1 in registry.example.test/team/app: aborted' });
    expect(reg.calls).toHaveLength(1);
  });

  test('the default wait between retries ends early on abort', async () => {
    const controller = new AbortController();
    const reg = failing(100, 429, { 'Retry-After': '25' });
    const pending = fetchImageConfig(REF, { fetch: reg.fetch, signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    expect(issue(await pending).code).toBe('registry-aborted');
  });

  test("the caller's signal aborts the lookup: registry-aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const reg = fakeRegistry(oneImage().store);
    expect(issue(await fetchImageConfig(REF, { fetch: reg.fetch, signal: controller.signal })).code).toBe('registry-aborted');
    expect(reg.calls).toEqual([]);
  });
});
