// Faults injected by a proxy in front of the real registries (scripts/registry.sh): each one ends
// in a clear issue or a bounded retry, within a bounded time, and credentials never reach
// another host. The proxy sees every request, so the retry counts are measured, not assumed.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { fetchImageConfig, type FetchImageConfigOptions } from '../../src/registry/index.js';
import { close, faultProxy, forwarder, listen, relay, suiteInfo, tokenServer } from './support.js';

const info = suiteInfo();
const realm = `${info.realm.host}:${info.realm.port}`;
const image = info.images.find((i) => i.name === 'oci-exec')!;
const anon = faultProxy(info.anonymous);
const basic = faultProxy(info.basic);
const tokenProxy = faultProxy(info.token);
const tokens = tokenServer(info);
let anonHost = '';
let basicHost = '';
let tokenHost = '';

/** The "other host" a redirect points at: records what it is sent, serves blobs from the anonymous registry. */
const elsewhere: { url: string; authorization: string | undefined }[] = [];
const fromRegistry = forwarder(info.anonymous);
const other = createServer((req, res) => {
  elsewhere.push({ url: req.url ?? '', authorization: req.headers.authorization });
  delete req.headers.authorization;
  fromRegistry(req).then(
    (up) => relay(res, up),
    () => res.destroy(),
  );
});
let otherOrigin = '';

beforeAll(async () => {
  anonHost = `127.0.0.1:${await listen(anon.server)}`;
  basicHost = `127.0.0.1:${await listen(basic.server)}`;
  tokenHost = `127.0.0.1:${await listen(tokenProxy.server)}`;
  otherOrigin = `http://127.0.0.1:${await listen(other)}`;
  await listen(tokens.server, info.realm.port);
});
afterAll(async () => {
  for (const s of [anon.server, basic.server, tokenProxy.server, other, tokens.server]) await close(s);
});

const isManifest = (req: IncomingMessage) => (req.url ?? '').includes('/manifests/');
const isBlob = (req: IncomingMessage) => (req.url ?? '').includes('/blobs/');
const lookup = (host: string, options: FetchImageConfigOptions = {}) =>
  fetchImageConfig({ domain: host, path: image.repository, tag: image.tag }, { insecureRegistries: [host, realm], timeoutMs: 2_000, ...options });
const manifestRequests = (p: { requests: { url: string }[] }) => p.requests.filter((r) => r.url.includes('/manifests/')).length;

/** Answers the first `n` manifest requests with `status` (and headers), then forwards. */
function failFirst(n: number, status: number, headers: Record<string, string> = {}) {
  let left = n;
  return async (req: IncomingMessage, res: ServerResponse, forward: typeof anon.forward) => {
    if (isManifest(req) && left > 0) {
      left--;
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end('{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}');
      return;
    }
    relay(res, await forward(req));
  };
}

describe('429 and 5xx: bounded retries honouring Retry-After', () => {
  test('429 with Retry-After: 1 twice, then the answer: ok after 2 retries that waited 1000 ms each', async () => {
    anon.set(failFirst(2, 429, { 'Retry-After': '1' }));
    const waits: number[] = [];
    const r = await lookup(anonHost, { sleep: async (ms) => void waits.push(ms) });
    expect(r.ok).toBe(true);
    expect(waits).toEqual([1000, 1000]);
    expect(manifestRequests(anon)).toBe(3);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['registry-retried', 'registry-retried']);
    expect(r.diagnostics[0]!.message).toContain('HTTP 429 (Retry-After 1)');
  });

  test('429 with Retry-After: 1 waits on the default (real) timer, once', async () => {
    anon.set(failFirst(1, 429, { 'Retry-After': '1' }));
    // The real setTimeout runs; the spy only records the delays it was given (no clock read).
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      const r = await lookup(anonHost);
      expect(r.ok).toBe(true);
      expect(timers.mock.calls.filter(([, ms]) => ms === 1000)).toHaveLength(1);
    } finally {
      timers.mockRestore();
    }
  });

  test("429 for ever: stops after maxRetries + 1 requests with the registry's message", async () => {
    anon.set(failFirst(1000, 429, { 'Retry-After': '0' }));
    const r = await lookup(anonHost, { maxRetries: 2 });
    expect(manifestRequests(anon)).toBe(3);
    expect(r.ok ? undefined : r.issues[0]).toEqual({
      code: 'registry-http-error',
      message: `reading manifest v1 in ${anonHost}/${image.repository}: toomanyrequests: slow down (Retry-After 0)`,
    });
  });

  test('Retry-After longer than maxRetryDelayMs: no wait, one request, a clear error', async () => {
    anon.set(failFirst(1000, 429, { 'Retry-After': '3600' }));
    const r = await lookup(anonHost, { maxRetryDelayMs: 5_000 });
    expect(manifestRequests(anon)).toBe(1);
    expect(r.ok ? undefined : r.issues[0].message).toContain('(Retry-After 3600)');
  });

  test.for([500, 502, 503, 504])('%i twice, then the answer: ok', async (status) => {
    anon.set(failFirst(2, status));
    const r = await lookup(anonHost, { sleep: async () => undefined });
    expect(r.ok).toBe(true);
    expect(manifestRequests(anon)).toBe(3);
  });

  test('503 for ever: maxRetries + 1 requests, then registry-http-error', async () => {
    anon.set(failFirst(1000, 503));
    const r = await lookup(anonHost, { maxRetries: 3, sleep: async () => undefined });
    expect(manifestRequests(anon)).toBe(4);
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-http-error');
  });

  test('501 is not retried', async () => {
    anon.set(failFirst(1000, 501));
    const r = await lookup(anonHost, { sleep: async () => undefined });
    expect(manifestRequests(anon)).toBe(1);
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-http-error');
  });
});

describe('stalls and broken bodies', () => {
  test('no answer at all: registry-timeout after timeoutMs, not retried', async () => {
    anon.set((req, res, forward) => (isManifest(req) ? undefined : forward(req).then((up) => relay(res, up))));
    const r = await lookup(anonHost, { timeoutMs: 1_000 });
    expect(r.ok ? undefined : r.issues[0]).toEqual({
      code: 'registry-timeout',
      message: `reading manifest v1 in ${anonHost}/${image.repository}: no complete answer within 1000 ms`,
    });
    expect(manifestRequests(anon)).toBe(1);
  }, 15_000); // hang guard only (generous for a loaded machine); the message proves the 1 s timeout fired

  test('headers, half the config, then silence: registry-timeout', async () => {
    anon.set(async (req, res, forward) => {
      const up = await forward(req);
      if (!isBlob(req)) return relay(res, up);
      res.writeHead(200, { 'Content-Length': String(up.body.length) });
      res.write(up.body.subarray(0, up.body.length >> 1)); // and never the rest
    });
    const r = await lookup(anonHost, { timeoutMs: 1_000 });
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-timeout');
  });

  test('a body cut short (connection closed): retried, then registry-network-error', async () => {
    anon.set(async (req, res, forward) => {
      const up = await forward(req);
      if (!isManifest(req)) return relay(res, up);
      res.writeHead(200, { ...up.headers, 'content-length': String(up.body.length) });
      res.write(up.body.subarray(0, 10));
      res.socket?.destroy();
    });
    const r = await lookup(anonHost, { maxRetries: 2, sleep: async () => undefined });
    expect(manifestRequests(anon)).toBe(3);
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-network-error');
    expect(r.diagnostics.filter((d) => d.code === 'registry-retried')).toHaveLength(2);
  });

  test('a body cut short once: the retry succeeds', async () => {
    let once = true;
    anon.set(async (req, res, forward) => {
      const up = await forward(req);
      if (!isManifest(req) || !once) return relay(res, up);
      once = false;
      res.writeHead(200, { ...up.headers, 'content-length': String(up.body.length) });
      res.write(up.body.subarray(0, 10));
      res.socket?.destroy();
    });
    const r = await lookup(anonHost, { sleep: async () => undefined });
    expect(r.ok).toBe(true);
  });

  test('a config larger than maxConfigBytes: registry-too-large before any blob request', async () => {
    anon.set(async (req, res, forward) => relay(res, await forward(req)));
    const r = await lookup(anonHost, { maxConfigBytes: 100 });
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-too-large');
    expect(anon.requests.filter((q) => q.url.includes('/blobs/'))).toEqual([]);
  });

  test('a manifest larger than maxManifestBytes: registry-too-large', async () => {
    const r = await lookup(anonHost, { maxManifestBytes: 100 });
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-too-large');
  });
});

describe('content that does not match its digest', () => {
  test('one byte of the config changed: registry-digest-mismatch', async () => {
    anon.set(async (req, res, forward) => {
      const up = await forward(req);
      if (!isBlob(req)) return relay(res, up);
      const body = Buffer.from(up.body);
      body[body.indexOf('nginx')] = 'N'.charCodeAt(0);
      relay(res, up, body);
    });
    const r = await lookup(anonHost);
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-digest-mismatch');
    expect(r.ok ? '' : r.issues[0].message).toMatch(/^reading config blob sha256:[0-9a-f]{64} in .*: digest mismatch: expected sha256:[0-9a-f]{64}, got sha256:[0-9a-f]{64}$/);
  });

  test('a wrong Docker-Content-Digest on the manifest: registry-digest-mismatch', async () => {
    anon.set(async (req, res, forward) => {
      const up = await forward(req);
      if (isManifest(req)) up.headers['docker-content-digest'] = `sha256:${'0'.repeat(64)}`;
      relay(res, up);
    });
    const r = await lookup(anonHost);
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-digest-mismatch');
  });

  test('an index entry whose manifest hashes to something else: registry-digest-mismatch', async () => {
    anon.set(async (req, res, forward) => {
      const up = await forward(req);
      if (!(req.url ?? '').includes('/manifests/sha256:')) return relay(res, up);
      // Same size, one hex digit of the layer digest changed.
      const body = Buffer.from(up.body);
      const at = body.indexOf('sha256:', body.indexOf('"layers"')) + 7;
      body[at] = body[at] === 0x30 ? 0x31 : 0x30;
      relay(res, up, body);
    });
    const index = info.images.find((i) => i.name === 'oci-index')!;
    const r = await fetchImageConfig({ domain: anonHost, path: index.repository, tag: 'v1' }, { insecureRegistries: [anonHost], timeoutMs: 2_000 });
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-digest-mismatch');
    expect(r.ok ? '' : r.issues[0].message).toMatch(/^reading manifest sha256:[0-9a-f]{64} in .*: digest mismatch: expected sha256:/);
  });

  test('a schema 1 manifest: registry-schema1', async () => {
    anon.set(async (req, res, forward) => {
      if (!isManifest(req)) return relay(res, await forward(req));
      const body = JSON.stringify({ schemaVersion: 1, name: image.repository, tag: 'v1', architecture: 'amd64', fsLayers: [], history: [] });
      res.writeHead(200, { 'Content-Type': 'application/vnd.docker.distribution.manifest.v1+prettyjws', 'Content-Length': String(body.length) }).end(body);
    });
    const r = await lookup(anonHost);
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-schema1');
  });
});

describe('redirects: credentials never reach another host', () => {
  /** Redirects every blob request to the other listener; everything else goes to the registry. */
  const redirectBlobs = (proxy: typeof anon) =>
    proxy.set(async (req, res, forward) => {
      if (isBlob(req)) {
        res.writeHead(307, { Location: `${otherOrigin}${req.url}` }).end();
        return;
      }
      relay(res, await forward(req));
    });

  test('Basic auth: the registry gets Authorization, the blob host does not, and the lookup succeeds', async () => {
    redirectBlobs(basic);
    elsewhere.length = 0;
    const r = await lookup(basicHost, { credentials: info.credentials });
    expect(r.ok).toBe(true);
    expect(elsewhere.length).toBe(1);
    expect(elsewhere.map((e) => e.authorization)).toEqual([undefined]);
    expect(basic.requests.some((q) => q.authorization?.startsWith('Basic '))).toBe(true);
  });

  test('bearer token: the token goes to the registry only, never to the blob host', async () => {
    redirectBlobs(tokenProxy);
    elsewhere.length = 0;
    const r = await fetchImageConfig(
      { domain: tokenHost, path: image.repository, tag: image.tag },
      { insecureRegistries: [tokenHost, realm], credentials: info.credentials, timeoutMs: 2_000 },
    );
    expect(r.ok).toBe(true);
    expect(elsewhere.map((e) => e.authorization)).toEqual([undefined]);
    expect(tokenProxy.requests.some((q) => q.authorization?.startsWith('Bearer '))).toBe(true);
  });

  test('a redirect to another host for the manifest: followed without credentials (and refused there)', async () => {
    basic.set(async (req, res, forward) => {
      if (isManifest(req) && req.headers.authorization !== undefined) {
        res.writeHead(302, { Location: `${otherOrigin}/v2/${image.repository}/manifests/v1` }).end();
        return;
      }
      relay(res, await forward(req));
    });
    elsewhere.length = 0;
    const r = await lookup(basicHost, { credentials: info.credentials });
    expect(elsewhere.map((e) => e.authorization)).toEqual([undefined]);
    // The other host serves the anonymous registry's manifest, so the lookup still succeeds.
    expect(r.ok).toBe(true);
  });

  test('a redirect loop: registry-redirect after 10 hops', async () => {
    anon.set(async (req, res) => {
      res.writeHead(302, { Location: req.url ?? '/' }).end();
    });
    const r = await lookup(anonHost);
    expect(r.ok ? undefined : r.issues[0]).toEqual({ code: 'registry-redirect', message: `reading manifest v1 in ${anonHost}/${image.repository}: stopped after 10 redirects` });
    expect(anon.requests).toHaveLength(11);
  });
});
