import { imageConfigFromInspect, type Diagnostic, type Failure, type ImageConfig, type Issue } from '../index.js';
import type { Credentials } from './auth.js';
import { digestOf, isSupportedDigest, verifyDigest } from './digest.js';
import { registryGet, type FetchFunction, type Session } from './http.js';
import { DOCKER_CONFIG, MANIFEST_ACCEPT, OCI_CONFIG, OCI_INDEX, OCI_MANIFEST, isIndexMediaType, isManifestMediaType, isSchema1MediaType } from './media-types.js';
import { DEFAULT_PLATFORM, descriptorPlatform, formatPlatform, selectPlatform, type Platform } from './platform.js';
import { registryTarget, targetName, type RegistryReference, type RegistryTarget } from './reference.js';

/** Options of {@link fetchImageConfig}. Every limit has a default; none is required. */
export interface FetchImageConfigOptions {
  /** Platform to pick from an index (default `linux/amd64`). Windows entries are also matched on `osVersion`. */
  readonly platform?: Platform;
  /** Credentials for the registry, or a function of the reference's `domain` (e.g. `docker.io`) returning them. */
  readonly credentials?: Credentials | ((domain: string) => Credentials | undefined);
  /** Registries (`host[:port]`, as in the reference) reached over plain http instead of https. */
  readonly insecureRegistries?: readonly string[];
  /** The fetch to call (default: the global `fetch`). */
  readonly fetch?: FetchFunction;
  /** Time for one request, including its redirects and reading its body, in ms (default 30,000). */
  readonly timeoutMs?: number;
  /** Retries after 429, 500, 502, 503, 504 or a broken connection (default 3). */
  readonly maxRetries?: number;
  /** Longest wait between retries, in ms; a longer Retry-After ends the lookup (default 30,000). */
  readonly maxRetryDelayMs?: number;
  /** Largest manifest or index accepted, in bytes (default 4 MiB, distribution's own limit). */
  readonly maxManifestBytes?: number;
  /** Largest config blob accepted, in bytes (default 8 MiB). */
  readonly maxConfigBytes?: number;
  /** Aborts the lookup. */
  readonly signal?: AbortSignal;
  /** How to wait between retries (default `setTimeout`); tests pass a recorder. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Where a config came from: the registry host, repository and image manifest digest. */
export interface RegistrySource {
  readonly kind: 'registry';
  /** The host requests went to (`registry-1.docker.io` for `docker.io`). */
  readonly registry: string;
  readonly repository: string;
  /** Digest of the image manifest whose config this is. */
  readonly digest: string;
}

/** Success of {@link fetchImageConfig}. */
export interface RegistryImageConfig {
  readonly ok: true;
  /** ENTRYPOINT, CMD, SHELL, ONBUILD, ArgsEscaped and OS of the image (`null` = unset, `[]` = set empty). */
  readonly config: ImageConfig;
  /** Digest of the image manifest (the platform's entry when the reference names an index). */
  readonly digest: string;
  /** Digest of the index or manifest list the image was picked from, when there was one. */
  readonly indexDigest?: string;
  /** Digest of the config blob, verified. */
  readonly configDigest: string;
  /** Media type of the image manifest (OCI or Docker schema 2). */
  readonly mediaType: string;
  /** The image's platform, from the index entry or else from the config. */
  readonly platform: Platform;
  readonly source: RegistrySource;
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link fetchImageConfig}. */
export type FetchImageConfigResult = RegistryImageConfig | Failure;

/** Default limits and timings of {@link fetchImageConfig}. */
export const REGISTRY_DEFAULTS = Object.freeze({
  timeoutMs: 30_000,
  maxRetries: 3,
  maxRetryDelayMs: 30_000,
  maxManifestBytes: 4 * 1024 * 1024,
  maxConfigBytes: 8 * 1024 * 1024,
});

interface Manifest {
  readonly json: Record<string, unknown>;
  readonly mediaType: string;
  readonly digest: string;
}

interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: unknown;
}

function fail(issue: Issue, diagnostics: readonly Diagnostic[]): Failure {
  return { ok: false, issues: [issue], diagnostics };
}

const isIssue = (x: unknown): x is Issue => typeof x === 'object' && x !== null && 'code' in x && 'message' in x;

function asDescriptor(x: unknown): Descriptor | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const d = x as Record<string, unknown>;
  if (typeof d['mediaType'] !== 'string' || typeof d['digest'] !== 'string' || typeof d['size'] !== 'number') return undefined;
  return x as Descriptor;
}

/** The media type of a manifest: Content-Type when it names a known type, else the body's `mediaType`, else its shape. */
function manifestMediaType(contentType: string | null, json: Record<string, unknown>): string {
  const header = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (isIndexMediaType(header) || isManifestMediaType(header) || isSchema1MediaType(header)) return header;
  if (typeof json['mediaType'] === 'string') return json['mediaType'];
  if (json['schemaVersion'] === 1) return 'application/vnd.docker.distribution.manifest.v1+json';
  if (Array.isArray(json['manifests'])) return OCI_INDEX;
  if (typeof json['config'] === 'object') return OCI_MANIFEST;
  return header;
}

function parseJson(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** GETs a manifest by tag or digest, checks its digest and refuses schema 1. */
async function getManifest(s: Session, t: RegistryTarget, ref: string, maxBytes: number, expected?: Descriptor | string): Promise<Manifest | Issue> {
  const what = `reading manifest ${ref} in ${t.host}/${t.repository}`;
  const r = await registryGet(s, { url: `${t.origin}/v2/${t.repository}/manifests/${ref}`, accept: MANIFEST_ACCEPT, maxBytes, what });
  if (isIssue(r)) return r;
  let digest: string;
  if (expected !== undefined) {
    digest = typeof expected === 'string' ? expected : expected.digest;
    const bad = await verifyDigest(r.body, digest, what, typeof expected === 'string' ? undefined : expected.size);
    if (bad !== undefined) return bad;
  } else {
    const header = r.headers.get('docker-content-digest');
    const computed = await digestOf(r.body, header?.split(':')[0] === 'sha512' ? 'sha512' : 'sha256');
    if (isIssue(computed)) return computed;
    if (header !== null && header !== '' && header !== computed) {
      return { code: 'registry-digest-mismatch', message: `${what}: digest mismatch: Docker-Content-Digest says ${header}, content is ${computed}` };
    }
    digest = computed;
  }
  const json = parseJson(r.body);
  if (json === undefined) return { code: 'registry-invalid-manifest', message: `${what}: not a JSON object` };
  const mediaType = manifestMediaType(r.headers.get('content-type'), json);
  if (isSchema1MediaType(mediaType) || json['schemaVersion'] === 1) {
    return { code: 'registry-schema1', message: `${what}: Docker image manifest v2 schema 1 is not supported (deprecated); push the image again with a current client` };
  }
  if (typeof json['mediaType'] === 'string' && json['mediaType'] !== mediaType) {
    return { code: 'registry-invalid-manifest', message: `${what}: mediaType ${JSON.stringify(json['mediaType'])} differs from Content-Type ${JSON.stringify(mediaType)}` };
  }
  return { json, mediaType, digest };
}

/** Picks the platform's entry of an index. */
function pickEntry(index: Manifest, wanted: Platform, what: string): { descriptor: Descriptor; platform: Platform } | Issue {
  const raw = index.json['manifests'];
  if (!Array.isArray(raw)) return { code: 'registry-invalid-manifest', message: `${what}: index without a manifests array` };
  const entries = raw.map(asDescriptor);
  const bad = entries.findIndex((d) => d === undefined);
  if (bad !== -1) return { code: 'registry-invalid-manifest', message: `${what}: manifests[${bad}] is not a descriptor (mediaType, digest, size)` };
  const platforms = entries.map((d) => descriptorPlatform(d!.platform));
  const i = selectPlatform(platforms, wanted);
  if (i === -1) {
    const have = [...new Set(platforms.flatMap((p) => (p === undefined || p.os === 'unknown' ? [] : [formatPlatform(p)])))];
    return { code: 'registry-no-platform', message: `no matching manifest for ${formatPlatform(wanted)} in the manifest list entries (available: ${have.join(', ') || 'none'})` };
  }
  return { descriptor: entries[i]!, platform: platforms[i]! };
}

/** The platform a config states (`os`, `architecture`, `variant`, `os.version`). */
function configPlatform(json: Record<string, unknown>): Platform {
  return descriptorPlatform(json) ?? { os: typeof json['os'] === 'string' ? json['os'] : '', architecture: '' };
}

function checkLimit(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0)
    throw new TypeError(`options.${name} must be a non-negative number, got ${value === null ? 'null' : typeof value}`);
  return value;
}

/** Waits `ms`, or less when `signal` aborts (the retry loop then reports the abort). */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

function session(ref: RegistryReference, t: RegistryTarget, o: FetchImageConfigOptions): Session {
  const num = (k: keyof typeof REGISTRY_DEFAULTS) => checkLimit(k, o[k]) ?? REGISTRY_DEFAULTS[k];
  const fetchFn = o.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  if (typeof fetchFn !== 'function') throw new TypeError(`options.fetch must be a function, got ${typeof fetchFn}`);
  const credentials = typeof o.credentials === 'function' ? o.credentials(ref.domain) : o.credentials;
  return {
    fetch: fetchFn,
    timeoutMs: num('timeoutMs'),
    maxRetries: num('maxRetries'),
    maxRetryDelayMs: num('maxRetryDelayMs'),
    signal: o.signal,
    sleep: o.sleep ?? ((ms) => wait(ms, o.signal)),
    target: t,
    credentials,
    insecureRegistries: o.insecureRegistries ?? [],
    diagnostics: [],
    authorization: undefined,
    challenged: false,
  };
}

/**
 * Fetches an image's config from a registry (OCI Distribution API) and returns what decides
 * what runs: ENTRYPOINT, CMD, SHELL, ONBUILD, ArgsEscaped and OS. An index or Docker manifest
 * list is resolved to the entry for `options.platform` (default `linux/amd64`). Every manifest
 * and the config blob are checked against their digests; Docker schema 1 is refused. Never
 * throws on registry answers: failures come back as issues (`registry-not-found`,
 * `registry-unauthorized`, `registry-timeout`, …). Uses only `fetch` and WebCrypto, so it also
 * runs in browsers against registries that allow CORS.
 *
 * @param reference - The image, already split: `{ domain, path, tag?, digest? }` (`docker.io` is
 *   looked up at `registry-1.docker.io`, and `nginx` there as `library/nginx`).
 * @param options - Platform, credentials, limits and the fetch to use.
 * @returns `{ ok: true, config, digest, configDigest, platform, source, … }` or a `Failure`.
 * @example
 * const r = await fetchImageConfig({ domain: 'docker.io', path: 'library/nginx', tag: '1.27' }, { platform: { os: 'linux', architecture: 'arm64' } });
 * if (r.ok) r.config.entrypoint; // ['/docker-entrypoint.sh']
 */
export async function fetchImageConfig(reference: RegistryReference, options: FetchImageConfigOptions = {}): Promise<FetchImageConfigResult> {
  if (typeof reference !== 'object' || reference === null) throw new TypeError(`reference must be an object, got ${reference === null ? 'null' : typeof reference}`);
  if (typeof options !== 'object' || options === null) throw new TypeError(`options must be an object, got ${options === null ? 'null' : typeof options}`);
  const t = registryTarget(reference, options.insecureRegistries);
  if ('code' in t) return fail(t, []);
  if (t.digest !== undefined && !isSupportedDigest(t.digest)) {
    return fail({ code: 'registry-unsupported-digest', message: `unsupported digest algorithm ${JSON.stringify(t.digest.split(':')[0])}` }, []);
  }
  const s = session(reference, t, options);
  const maxManifest = checkLimit('maxManifestBytes', options.maxManifestBytes) ?? REGISTRY_DEFAULTS.maxManifestBytes;
  const maxConfig = checkLimit('maxConfigBytes', options.maxConfigBytes) ?? REGISTRY_DEFAULTS.maxConfigBytes;
  const wanted = options.platform ?? DEFAULT_PLATFORM;

  const top = await getManifest(s, t, t.reference, maxManifest, t.digest);
  if (isIssue(top)) return fail(top, s.diagnostics);
  let image = top;
  let platform: Platform | undefined;
  if (isIndexMediaType(top.mediaType)) {
    const picked = pickEntry(top, wanted, `reading manifest ${t.reference} in ${t.host}/${t.repository}`);
    if (isIssue(picked)) return fail(picked, s.diagnostics);
    const { descriptor } = picked;
    if (!isManifestMediaType(descriptor.mediaType)) {
      return fail(
        {
          code: 'registry-unsupported-media-type',
          message: `${targetName(t)}: entry ${descriptor.digest} for ${formatPlatform(picked.platform)} has unsupported media type ${JSON.stringify(descriptor.mediaType)}`,
        },
        s.diagnostics,
      );
    }
    if (descriptor.size > maxManifest) {
      return fail(
        {
          code: 'registry-too-large',
          message: `reading manifest ${descriptor.digest} in ${t.host}/${t.repository}: ${descriptor.size} bytes is larger than the limit of ${maxManifest} bytes`,
        },
        s.diagnostics,
      );
    }
    const child = await getManifest(s, t, descriptor.digest, maxManifest, descriptor);
    if (isIssue(child)) return fail(child, s.diagnostics);
    image = child;
    platform = picked.platform;
  } else if (!isManifestMediaType(top.mediaType)) {
    return fail({ code: 'registry-unsupported-media-type', message: `${targetName(t)}: unsupported manifest media type ${JSON.stringify(top.mediaType)}` }, s.diagnostics);
  }
  return readConfig(s, t, image, top, platform, options.platform, maxConfig);
}

/** Fetches and checks the config blob of `image`, and builds the success. */
async function readConfig(
  s: Session,
  t: RegistryTarget,
  image: Manifest,
  top: Manifest,
  fromIndex: Platform | undefined,
  asked: Platform | undefined,
  maxConfig: number,
): Promise<FetchImageConfigResult> {
  const desc = asDescriptor(image.json['config']);
  if (desc === undefined)
    return fail({ code: 'registry-invalid-manifest', message: `manifest ${image.digest}: config is not a descriptor (mediaType, digest, size)` }, s.diagnostics);
  if (desc.mediaType !== OCI_CONFIG && desc.mediaType !== DOCKER_CONFIG) {
    return fail(
      { code: 'registry-unsupported-media-type', message: `manifest ${image.digest}: config media type ${JSON.stringify(desc.mediaType)} is not an image config (an artifact?)` },
      s.diagnostics,
    );
  }
  const what = `reading config blob ${desc.digest} in ${t.host}/${t.repository}`;
  if (desc.size > maxConfig) return fail({ code: 'registry-too-large', message: `${what}: ${desc.size} bytes is larger than the limit of ${maxConfig} bytes` }, s.diagnostics);
  const r = await registryGet(s, { url: `${t.origin}/v2/${t.repository}/blobs/${desc.digest}`, accept: `${desc.mediaType}, */*`, maxBytes: maxConfig, what });
  if (isIssue(r)) return fail(r, s.diagnostics);
  const bad = await verifyDigest(r.body, desc.digest, what, desc.size);
  if (bad !== undefined) return fail(bad, s.diagnostics);
  const json = parseJson(r.body);
  if (json === undefined) return fail({ code: 'invalid-image-config', message: `${what}: not a JSON object`, path: '' }, s.diagnostics);
  const parsed = imageConfigFromInspect(json);
  if (!parsed.ok) return { ok: false, issues: parsed.issues, diagnostics: s.diagnostics };
  const platform = fromIndex ?? configPlatform(json);
  if (fromIndex === undefined && asked !== undefined && selectPlatform([platform], asked) === -1) {
    s.diagnostics.push({
      code: 'registry-platform-mismatch',
      severity: 'warning',
      message: `${targetName(t)}: the image's platform (${formatPlatform(platform)}) does not match the specified platform (${formatPlatform(asked)})`,
    });
  }
  const result: RegistryImageConfig = {
    ok: true,
    config: parsed.config,
    digest: image.digest,
    configDigest: desc.digest,
    mediaType: image.mediaType,
    platform,
    source: { kind: 'registry', registry: t.host, repository: t.repository, digest: image.digest },
    diagnostics: s.diagnostics,
  };
  return image === top ? result : { ...result, indexDigest: top.digest };
}
