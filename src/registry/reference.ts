import type { Issue } from '../core/types.js';

/**
 * An image reference already split into its parts, as `parseImageReference` returns it:
 * `{ domain: 'docker.io', path: 'library/nginx', tag: '1.27' }`. A digest wins over a tag;
 * with neither, the tag is `latest`.
 */
export interface RegistryReference {
  /** Registry host with an optional port (`docker.io`, `ghcr.io`, `127.0.0.1:5000`). */
  readonly domain: string;
  /** Repository path inside the registry (`library/nginx`). */
  readonly path: string;
  readonly tag?: string;
  /** `algorithm:hex`, e.g. `sha256:…`. */
  readonly digest?: string;
}

/** Where requests go: the API host, the repository, and the tag or digest asked for. */
export interface RegistryTarget {
  /** Host the requests go to (`registry-1.docker.io` for `docker.io`). */
  readonly host: string;
  /** `https://host` or `http://host`. */
  readonly origin: string;
  readonly repository: string;
  /** The tag or digest placed in the manifest URL. */
  readonly reference: string;
  /** The digest asked for, which the manifest must hash to. */
  readonly digest?: string;
}

const DOCKER_HUB_NAMES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** Docker Hub's API host: the name `docker.io` is not where its registry answers. */
export const DOCKER_HUB_HOST = 'registry-1.docker.io';

// The reference grammar of distribution/reference (regexp.go), only as far as needed to build a
// safe URL: the full parser (defaults, normalisation) is parseImageReference's job. Char scans,
// not regular expressions, so that no input can make them backtrack.
const isAlnum = (c: string) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
const isHex = (c: string) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
const isWord = (c: string) => isAlnum(c) || (c >= 'A' && c <= 'Z') || c === '_';

/** `[a-z0-9]+` runs joined by `.`, `_`, `__` or any number of `-`. */
function isPathComponent(s: string): boolean {
  if (s === '' || !isAlnum(s[0]!) || !isAlnum(s[s.length - 1]!)) return false;
  let sep = '';
  for (const c of s) {
    if (isAlnum(c)) {
      if (sep !== '' && sep !== '.' && sep !== '_' && sep !== '__' && [...sep].some((d) => d !== '-')) return false;
      sep = '';
    } else if (c === '.' || c === '_' || c === '-') sep += c;
    else return false;
  }
  return true;
}

/** `[\w][\w.-]{0,127}`. */
function isTag(s: string): boolean {
  if (s.length === 0 || s.length > 128 || !isWord(s[0]!)) return false;
  for (const c of s) if (!isWord(c) && c !== '.' && c !== '-') return false;
  return true;
}

/** `algorithm:encoded`, the encoded part at least 32 characters of `[a-zA-Z0-9=_-]`. */
function isDigest(s: string): boolean {
  const colon = s.indexOf(':');
  if (colon < 1 || s.length - colon - 1 < 32) return false;
  for (const c of s.slice(0, colon)) if (!isAlnum(c) && c !== '+' && c !== '.' && c !== '_' && c !== '-') return false;
  for (const c of s.slice(colon + 1)) if (!isWord(c) && c !== '=' && c !== '-') return false;
  return true;
}

/** A host name or `[IPv6]`, with an optional `:port`. */
function isDomain(s: string): boolean {
  let host = s;
  const close = s.lastIndexOf(']');
  const colon = s.lastIndexOf(':');
  if (colon > close && (close !== -1 || s.indexOf(':') === colon)) {
    const port = s.slice(colon + 1);
    if (port === '' || port.length > 5 || [...port].some((c) => c < '0' || c > '9')) return false;
    host = s.slice(0, colon);
  }
  if (host.startsWith('[')) return host.endsWith(']') && host.length > 2 && [...host.slice(1, -1)].every((c) => c === ':' || c === '.' || isHex(c));
  if (host === '' || host.startsWith('.') || host.endsWith('.') || host.includes('..')) return false;
  return [...host].every((c) => (isWord(c) && c !== '_') || c === '.' || c === '-');
}

/** True when `host` is Docker Hub under any of its names. */
export function isDockerHub(host: string): boolean {
  return DOCKER_HUB_NAMES.has(host.toLowerCase());
}

/**
 * Checks a reference and works out the API host, scheme and repository: `docker.io` becomes
 * `registry-1.docker.io` and a one-part Docker Hub path gets `library/`. Plain HTTP is used only
 * for hosts listed in `insecureRegistries`.
 */
export function registryTarget(ref: RegistryReference, insecureRegistries: readonly string[] = []): RegistryTarget | Issue {
  const { domain, path, tag, digest } = ref;
  const bad = (what: string, value: unknown): Issue => ({
    code: 'registry-invalid-reference',
    message: `invalid reference format: ${what} ${JSON.stringify(value)}`,
  });
  if (typeof domain !== 'string' || !isDomain(domain)) return bad('domain', domain);
  if (typeof path !== 'string' || path === '' || !path.split('/').every(isPathComponent)) return bad('path', path);
  if (tag !== undefined && (typeof tag !== 'string' || !isTag(tag))) return bad('tag', tag);
  if (digest !== undefined && (typeof digest !== 'string' || !isDigest(digest))) return bad('digest', digest);
  const hub = isDockerHub(domain);
  const host = hub ? DOCKER_HUB_HOST : domain.toLowerCase();
  const repository = hub && !path.includes('/') ? `library/${path}` : path;
  const insecure = insecureRegistries.some((h) => h.toLowerCase() === domain.toLowerCase() || h.toLowerCase() === host);
  const target = { host, origin: `${insecure ? 'http' : 'https'}://${host}`, repository, reference: digest ?? tag ?? 'latest' };
  return digest === undefined ? target : { ...target, digest };
}

/** Prints a target the way skopeo names an image: `host/repository:tag` or `host/repository@digest`. */
export function targetName(t: RegistryTarget): string {
  return `${t.host}/${t.repository}${t.reference.includes(':') ? '@' : ':'}${t.reference}`;
}
