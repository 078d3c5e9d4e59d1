/**
 * The catalog's key for an image reference: {@link parseImageReference}'s reading (Docker's
 * normalization, `docker.io/library/…`, `:latest` when neither tag nor digest is written), split
 * into the parts the catalog indexes on.
 */
import { parseImageReference } from '../core/image-reference.js';
import type { Failure } from '../core/types.js';

/** A reference split into the parts the catalog keys on. */
export interface CatalogReference {
  /** `docker.io/library/node` */
  readonly repository: string;
  /** `20`, or null when only a digest was given. */
  readonly tag: string | null;
  /** `sha256:…`, or null. */
  readonly digest: string | null;
  /** `docker.io/library/node:20` (plus `@digest` when pinned). */
  readonly canonical: string;
}

/** Reads a familiar or canonical reference into its catalog key, or the parser's failure. */
export function catalogReference(text: string): CatalogReference | Failure {
  const parsed = parseImageReference(text);
  if (!parsed.ok) return parsed;
  const { name, tag, digest, canonical } = parsed.reference;
  return { repository: name, tag: tag ?? (digest === undefined ? 'latest' : null), digest: digest ?? null, canonical };
}

/** {@link catalogReference}, with null for an invalid reference. */
export function readCatalogReference(text: string): CatalogReference | null {
  const ref = catalogReference(text);
  return 'ok' in ref ? null : ref;
}
