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

const isLowerAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
const isAlnum = (ch: string): boolean => (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
const isHex = (ch: string): boolean => (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');

/** distribution/reference `pathComponent`: lower-case alphanumerics joined by `.`, `_`, `__` or runs of `-`. */
function isPathComponent(part: string): boolean {
  let i = 0;
  const run = (): boolean => {
    const start = i;
    while (i < part.length && isLowerAlnum(part.charCodeAt(i))) i++;
    return i > start;
  };
  if (!run()) return false;
  while (i < part.length) {
    const c = part.charCodeAt(i);
    if (c === 46) i++;
    else if (c === 95) i += part.charCodeAt(i + 1) === 95 ? 2 : 1;
    else if (c === 45) while (part.charCodeAt(i) === 45) i++;
    else return false;
    if (!run()) return false;
  }
  return true;
}

const isPath = (path: string): boolean => path.split('/').every(isPathComponent);

/** distribution/reference `domainAndPort`: host name components or a bracketed IPv6 address, then an optional `:port`. */
function isDomain(domain: string): boolean {
  let host = domain;
  let port = '';
  if (domain.startsWith('[')) {
    const close = domain.indexOf(']');
    if (close < 0) return false;
    host = domain.slice(1, close);
    port = domain.slice(close + 1);
    if (host.length === 0 || ![...host].every((ch) => ch === ':' || isHex(ch))) return false;
    if (port !== '' && !port.startsWith(':')) return false;
    port = port.slice(1);
  } else {
    const colon = domain.indexOf(':');
    if (colon >= 0) {
      host = domain.slice(0, colon);
      port = domain.slice(colon + 1);
      if (port === '') return false;
    }
    for (const part of host.split('.')) {
      if (part.length === 0 || part.startsWith('-') || part.endsWith('-') || ![...part].every((ch) => ch === '-' || isAlnum(ch))) return false;
    }
  }
  return port === '' || [...port].every((ch) => ch >= '0' && ch <= '9');
}

/** A 64-hex name without a domain is ambiguous with an image ID, so Docker refuses it. */
const isImageId = (name: string): boolean => name.length === 64 && [...name].every((ch) => isHex(ch) && ch === ch.toLowerCase());

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
    if (!isDomain(first)) return null;
    domain = first === LEGACY_DOMAIN ? DEFAULT_DOMAIN : first;
    path = rest.slice(slash + 1);
  } else if (isImageId(rest)) return null;
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = `library/${path}`;
  if (!isPath(path)) return null;
  if (tag === null && digest === null) tag = 'latest';
  const repository = `${domain}/${path}`;
  const canonical = `${repository}${tag !== null ? `:${tag}` : ''}${digest !== null ? `@${digest}` : ''}`;
  return { repository, tag, digest, canonical };
}
