/**
 * Base image configs from registries (`--pull`) and from the disk cache of earlier answers
 * (`--offline`, or a fresh tag entry). Online, a fresh cache entry answers without a request;
 * otherwise `fetchImageConfig` asks the registry with the credentials of the Docker config file
 * (`auths` only), and the answer is saved. Offline, only the cache answers, however old (an old
 * tag entry is said), and nothing is fetched.
 */
import type { Diagnostic, Failure, Issue } from '../../core/types.js';
import type { DockerConfigCredentialsResult } from '../../registry/docker-config.js';
import type { FetchImageConfigOptions } from '../../registry/fetch-image-config.js';
import type { FetchFunction } from '../../registry/http.js';
import { formatPlatform } from '../../registry/platform.js';
import { TAG_TTL_MS, isFresh, type CachedImage, type RegistryCache } from './registry-cache.js';
import type { BaseConfig, BaseConfigSource, BaseLookupResult, BaseQuery } from './sources.js';

/** Options of {@link registrySource}. */
export interface RegistrySourceOptions {
  /** True: answer from the cache only, never from the network. */
  readonly offline: boolean;
  /** The disk cache; none: every online lookup asks the registry and nothing is kept. */
  readonly cache?: RegistryCache;
  /** Credentials for a registry domain (`docker.io`, `ghcr.io`, `127.0.0.1:5000`). */
  readonly credentials?: (domain: string) => DockerConfigCredentialsResult;
  /** Registries (`host[:port]`) reached over plain http. */
  readonly insecureRegistries?: readonly string[];
  /** The fetch to call (default: the global `fetch`). */
  readonly fetch?: FetchFunction;
  /** Current time in ms (default `Date.now`). */
  readonly now?: () => number;
  /** How long a tag entry answers without asking the registry (default {@link TAG_TTL_MS}). */
  readonly tagTtlMs?: number;
}

/** Codes of credentials this client cannot use; the registry is then asked anonymously. */
const UNUSABLE_CREDENTIALS = new Set(['registry-credential-helper-unsupported', 'registry-identity-token-unsupported']);
/** Answers that mean "credentials needed". */
const AUTH_REFUSED = new Set(['registry-unauthorized', 'registry-denied']);

function answer(image: CachedImage, cachedAt: string | undefined, diagnostics: readonly Diagnostic[]): BaseConfig {
  return {
    config: image.config,
    source: {
      kind: 'registry',
      registry: image.registry,
      repository: image.repository,
      digest: image.digest,
      ...(image.indexDigest !== undefined && { indexDigest: image.indexDigest }),
      platform: formatPlatform(image.platform),
      ...(cachedAt !== undefined && { cachedAt }),
    },
    diagnostics,
  };
}

/** The cached answer for a query: the image, and whether its tag entry is fresh. */
function cached(o: RegistrySourceOptions, query: BaseQuery, now: number): { image: CachedImage; savedAt: string; fresh: boolean } | undefined {
  const ref = query.reference;
  if (o.cache === undefined || ref === null) return undefined;
  const tag = o.cache.readTag(ref.canonical, formatPlatform(query.platform));
  const image = tag === undefined ? undefined : o.cache.readImage(tag.digest);
  if (tag === undefined || image === undefined) return undefined;
  return { image, savedAt: tag.savedAt, fresh: isFresh(tag, ref.digest !== undefined, now, o.tagTtlMs ?? TAG_TTL_MS) };
}

/** Asks the registry; saves the answer. */
async function fetchAndSave(o: RegistrySourceOptions, query: BaseQuery, now: number): Promise<BaseLookupResult> {
  const ref = query.reference;
  if (ref === null) return undefined;
  const creds = o.credentials?.(ref.domain) ?? { ok: true, diagnostics: [] };
  if (!creds.ok && !UNUSABLE_CREDENTIALS.has(creds.issues[0].code)) return creds;
  const unusable: Issue | undefined = creds.ok ? undefined : creds.issues[0];
  const options: FetchImageConfigOptions = {
    platform: query.platform,
    ...(creds.ok && creds.credentials !== undefined && { credentials: creds.credentials }),
    ...(o.insecureRegistries !== undefined && { insecureRegistries: o.insecureRegistries }),
    ...(o.fetch !== undefined && { fetch: o.fetch }),
  };
  const { fetchImageConfig } = await import('../../registry/fetch-image-config.js');
  const r = await fetchImageConfig(
    { domain: ref.domain, path: ref.path, ...(ref.tag !== undefined && { tag: ref.tag }), ...(ref.digest !== undefined && { digest: ref.digest }) },
    options,
  );
  if (!r.ok) {
    // Anonymous access was refused: the credentials this client could not use are the reason.
    if (unusable !== undefined && AUTH_REFUSED.has(r.issues[0].code)) return { ok: false, issues: [unusable, ...r.issues], diagnostics: r.diagnostics } satisfies Failure;
    return r;
  }
  const image: CachedImage = {
    digest: r.digest,
    ...(r.indexDigest !== undefined && { indexDigest: r.indexDigest }),
    configDigest: r.configDigest,
    mediaType: r.mediaType,
    platform: r.platform,
    registry: r.source.registry,
    repository: r.source.repository,
    config: r.config,
    savedAt: new Date(now).toISOString(),
  };
  const diagnostics: Diagnostic[] = [...r.diagnostics];
  try {
    o.cache?.write(ref.canonical, formatPlatform(query.platform), image);
  } catch (e) {
    diagnostics.push({ code: 'base-image-cache-unwritable', severity: 'warning', message: `registry answers are not cached: ${(e as Error).message}` });
  }
  return answer(image, undefined, diagnostics);
}

/** The source answering from registries and the disk cache (`offline`: the cache only). */
export function registrySource(o: RegistrySourceOptions): BaseConfigSource {
  const now = o.now ?? Date.now;
  return {
    name: o.offline ? 'registry cache' : 'registry',
    lookup: async (query) => {
      const at = now();
      const hit = cached(o, query, at);
      if (hit !== undefined && (hit.fresh || o.offline)) {
        const stale: Diagnostic[] = hit.fresh
          ? []
          : [
              {
                code: 'base-image-cache-stale',
                severity: 'info',
                message: `${query.text}: the tag was resolved at ${hit.savedAt}; it may name another image now (offline: the registry is not asked)`,
              },
            ];
        return answer(hit.image, hit.savedAt, stale);
      }
      if (o.offline) return undefined;
      return fetchAndSave(o, query, at);
    },
  };
}
