// An in-memory registry behind a fake `fetch`, for the unit tests of the registry client. It
// speaks the parts of the OCI distribution API the client uses (GET manifests and blobs, 401
// challenges, a token endpoint) and records every request with its headers.
import { createHash } from 'node:crypto';

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
export const DOCKER_CONFIG = 'application/vnd.docker.container.image.v1+json';

export const digest = (bytes: Uint8Array | string) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const enc = (s: string) => new TextEncoder().encode(s);

export interface Blob {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
}

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: Record<string, string>;
}

/** Content-addressed store of one repository plus its tags. */
export class Store {
  readonly blobs = new Map<string, Blob>();
  readonly tags = new Map<string, string>();

  put(bytes: Uint8Array | string, mediaType: string): Descriptor {
    const b = typeof bytes === 'string' ? enc(bytes) : bytes;
    const d = digest(b);
    this.blobs.set(d, { bytes: b, mediaType });
    return { mediaType, digest: d, size: b.length };
  }

  /** An image: config JSON (written as given) and its manifest. */
  image(config: object, types: 'oci' | 'docker' = 'oci'): Descriptor {
    const cfg = this.put(JSON.stringify(config), types === 'oci' ? OCI_CONFIG : DOCKER_CONFIG);
    const mediaType = types === 'oci' ? OCI_MANIFEST : DOCKER_MANIFEST;
    return this.put(JSON.stringify({ schemaVersion: 2, mediaType, config: cfg, layers: [] }), mediaType);
  }

  index(entries: readonly { desc: Descriptor; platform?: Record<string, string> }[], types: 'oci' | 'docker' = 'oci'): Descriptor {
    const mediaType = types === 'oci' ? OCI_INDEX : DOCKER_LIST;
    const manifests = entries.map(({ desc, platform }) => (platform ? { ...desc, platform } : desc));
    return this.put(JSON.stringify({ schemaVersion: 2, mediaType, manifests }), mediaType);
  }

  tag(name: string, desc: Descriptor): void {
    this.tags.set(name, desc.digest);
  }
}

export interface Call {
  readonly url: string;
  readonly authorization: string | undefined;
  readonly accept: string | undefined;
  readonly redirect: RequestRedirect | undefined;
}

/** A request handler: return a Response to answer it, or undefined for the registry's own answer. */
export type Hook = (url: URL, init: RequestInit, call: number) => Response | Promise<Response> | undefined;

export interface FakeOptions {
  readonly host?: string;
  readonly repository?: string;
  /** 'bearer': 401 + Bearer challenge until a valid token; 'basic': 401 + Basic until valid credentials. */
  readonly auth?: 'none' | 'bearer' | 'basic';
  readonly username?: string;
  readonly password?: string;
  /** Answers before the registry's own logic. */
  readonly hook?: Hook;
}

export const TOKEN = 'tok-123';
export const REALM = 'https://auth.example.test/token';

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

const errors = (code: string, message: string) => ({ errors: [{ code, message }] });

/** A fetch answering for `store` at https://HOST/v2/REPOSITORY/… and the token realm. */
export function fakeRegistry(store: Store, o: FakeOptions = {}) {
  const host = o.host ?? 'registry.example.test';
  const repository = o.repository ?? 'team/app';
  const basic = `Basic ${btoa(`${o.username ?? 'user'}:${o.password ?? 'pass'}`)}`;
  const calls: Call[] = [];
  const fetch = async (input: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    calls.push({ url: input, authorization: headers.get('authorization') ?? undefined, accept: headers.get('accept') ?? undefined, redirect: init.redirect });
    const url = new URL(input);
    const hooked = await o.hook?.(url, init, calls.length);
    if (hooked !== undefined) return hooked;
    if (url.origin === new URL(REALM).origin) {
      const auth = headers.get('authorization');
      if (auth !== null && auth !== basic) return json(401, { details: 'incorrect username or password' });
      return json(200, { token: TOKEN, expires_in: 300 });
    }
    if (url.host !== host) return new Response('not found', { status: 404 });
    const auth = headers.get('authorization');
    if (o.auth === 'bearer' && auth !== `Bearer ${TOKEN}`) {
      return json(401, errors('UNAUTHORIZED', 'authentication required'), {
        'WWW-Authenticate': `Bearer realm="${REALM}",service="registry.example.test",scope="repository:${repository}:pull"`,
      });
    }
    if (o.auth === 'basic' && auth !== basic) {
      return json(401, errors('UNAUTHORIZED', 'authentication required'), { 'WWW-Authenticate': 'Basic realm="basic-realm"' });
    }
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(url.pathname);
    if (m === null || m[1] !== repository) return json(404, errors('NAME_UNKNOWN', 'repository name not known to registry'));
    const ref = m[3]!;
    const d = ref.startsWith('sha256:') ? ref : store.tags.get(ref);
    const blob = d === undefined ? undefined : store.blobs.get(d);
    if (blob === undefined) return json(404, errors(m[2] === 'blobs' ? 'BLOB_UNKNOWN' : 'MANIFEST_UNKNOWN', m[2] === 'blobs' ? 'blob unknown to registry' : 'manifest unknown'));
    const h: Record<string, string> = { 'Content-Type': m[2] === 'blobs' ? 'application/octet-stream' : blob.mediaType, 'Content-Length': String(blob.bytes.length) };
    if (m[2] === 'manifests') h['Docker-Content-Digest'] = d!;
    return new Response(blob.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: h });
  };
  return { fetch, calls, host, repository };
}

/** Store with one OCI image tagged `v1` (exec-form ENTRYPOINT, CMD, no SHELL). */
export function oneImage(config: object = { architecture: 'amd64', os: 'linux', config: { Entrypoint: ['/entry'], Cmd: ['run'] } }) {
  const store = new Store();
  const desc = store.image(config);
  store.tag('v1', desc);
  return { store, desc };
}
