/**
 * The catalog's own reading of an image reference: Docker's normalization of a familiar name
 * (`node:20` → `docker.io/library/node:20`), as distribution/reference `ParseNormalizedNamed`
 * does it (normalize.go `splitDockerDomain`: a first component without `.` or `:` that is not
 * `localhost` and has no upper case is a Docker Hub path; `index.docker.io` is `docker.io`; a
 * one-component Docker Hub path gets `library/`), then `:latest` when neither tag nor digest is
 * given (`TagNameOnly`). Kept private to the catalog so its bundle stays self-contained.
 */

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

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DOMAIN = 'index.docker.io';

/** distribution/reference regexp.go `tag`: `[\w][\w.-]{0,127}`. */
function isTag(tag: string): boolean {
  if (tag.length === 0 || tag.length > 128) return false;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!word && (i === 0 || (c !== 46 && c !== 45))) return false;
  }
  return true;
}

/** `algorithm:encoded` with a lower-case hex encoding (the form the registry serves). */
function isDigest(digest: string): boolean {
  const colon = digest.indexOf(':');
  if (colon <= 0 || colon === digest.length - 1) return false;
  for (let i = colon + 1; i < digest.length; i++) {
    const c = digest.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** Path components are lower-case alphanumerics joined by `.`, `_`, `__` or `-` runs (checked loosely: no upper case, no empty component). */
function isPath(path: string): boolean {
  if (path.length === 0) return false;
  for (const part of path.split('/')) {
    if (part.length === 0) return false;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      const alnum = (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
      if (!alnum && c !== 46 && c !== 95 && c !== 45) return false;
    }
  }
  return true;
}

/**
 * Reads a familiar or canonical image reference (`node:20`, `docker.io/library/node:20`,
 * `gcr.io/distroless/static`, `name@sha256:…`) into its catalog key, or null when it is not a
 * valid reference.
 */
export function readCatalogReference(text: string): CatalogReference | null {
  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest)) return null;
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isTag(tag)) return null;
  }
  const slash = rest.indexOf('/');
  const first = slash < 0 ? '' : rest.slice(0, slash);
  let domain = DEFAULT_DOMAIN;
  let path = rest;
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    domain = first === LEGACY_DOMAIN ? DEFAULT_DOMAIN : first;
    path = rest.slice(slash + 1);
  }
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = `library/${path}`;
  if (!isPath(path)) return null;
  if (tag === null && digest === null) tag = 'latest';
  const repository = `${domain}/${path}`;
  const canonical = `${repository}${tag !== null ? `:${tag}` : ''}${digest !== null ? `@${digest}` : ''}`;
  return { repository, tag, digest, canonical };
}
