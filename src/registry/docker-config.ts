import type { Diagnostic, Failure, Issue } from '../core/types.js';
import type { Credentials } from './auth.js';
import type { DiagnosticCode } from '../core/diagnostics.js';

/**
 * Credentials from a Docker client config (`~/.docker/config.json`), read the way docker/cli does
 * (cli/config/configfile/file.go, credentials/file_store.go at 28f7560): `credHelpers[host]`, else
 * `credsStore`, names a helper program, and then `auths` is not used; otherwise `auths[key]`,
 * where the key is `https://index.docker.io/v1/` for Docker Hub, else the host, else any key
 * whose host part (scheme and path stripped) is the host. Pure: the caller reads the file.
 */

/** Result of {@link dockerConfigCredentials}: `credentials` is absent when the file has none for the host. */
export type DockerConfigCredentialsResult = { readonly ok: true; readonly credentials?: Credentials; readonly diagnostics: readonly Diagnostic[] } | Failure;

/** docker/cli's key for Docker Hub credentials. */
export const DOCKER_HUB_AUTH_KEY = 'https://index.docker.io/v1/';

function failure(code: DiagnosticCode, message: string): Failure {
  return { ok: false, issues: [{ code, message } satisfies Issue], diagnostics: [] };
}

/** docker/cli `ConvertToHostname`: `https://host:port/v1/` → `host:port`. */
export function convertToHostname(key: string): string {
  const scheme = key.indexOf('://');
  const rest = scheme === -1 ? key : key.slice(scheme + 3);
  const slash = rest.indexOf('/');
  return slash === -1 ? rest : rest.slice(0, slash);
}

/** docker/cli `decodeAuth`: base64 of `user:password`, NULs trimmed from the password. */
function decodeAuth(auth: string): Credentials | undefined {
  let text: string;
  try {
    const binary = atob(auth);
    text = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: text.slice(0, colon), password: trimNul(text.slice(colon + 1)) };
}

/** Go's `strings.Trim(s, "\x00")`, in one pass from each end (`/\0+$/` rescans every run of NULs). */
function trimNul(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s.charCodeAt(start) === 0) start++;
  while (end > start && s.charCodeAt(end - 1) === 0) end--;
  return s.slice(start, end);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Finds the credentials for `domain` (`docker.io`, `ghcr.io`, `127.0.0.1:5000`) in a Docker
 * config (its JSON text or the parsed object). A host served by a credential helper fails with
 * `registry-credential-helper-unsupported`, an `identitytoken` with
 * `registry-identity-token-unsupported`.
 *
 * @example
 * dockerConfigCredentials('{"auths":{"ghcr.io":{"auth":"dTpw"}}}', 'ghcr.io')
 * // { ok: true, credentials: { username: 'u', password: 'p' }, diagnostics: [] }
 */
export function dockerConfigCredentials(config: unknown, domain: string): DockerConfigCredentialsResult {
  if (typeof domain !== 'string') throw new TypeError(`domain must be a string, got ${typeof domain}`);
  let value = config;
  if (typeof config === 'string') {
    try {
      value = JSON.parse(config) as unknown;
    } catch (e) {
      return failure('docker-config-invalid', `invalid Docker config: ${(e as Error).message}`);
    }
  }
  if (!isObject(value)) return failure('docker-config-invalid', 'invalid Docker config: expected a JSON object');
  const hub = domain === 'docker.io' || domain === 'index.docker.io';
  const key = hub ? DOCKER_HUB_AUTH_KEY : domain;
  const helpers = value['credHelpers'];
  const helper = (isObject(helpers) && typeof helpers[key] === 'string' ? helpers[key] : undefined) ?? value['credsStore'];
  if (typeof helper === 'string' && helper !== '') {
    return failure(
      'registry-credential-helper-unsupported',
      `credentials for ${key} are kept by the credential helper docker-credential-${helper}, which is not supported; pass the credentials explicitly`,
    );
  }
  const auths = value['auths'] ?? {};
  if (!isObject(auths)) return failure('docker-config-invalid', 'invalid Docker config: "auths" must be an object');
  const found = Object.hasOwn(auths, key) ? auths[key] : Object.entries(auths).find(([k]) => convertToHostname(k) === key)?.[1];
  if (found === undefined) return { ok: true, diagnostics: [] };
  if (!isObject(found)) return failure('docker-config-invalid', `invalid Docker config: auths[${JSON.stringify(key)}] must be an object`);
  if (typeof found['identitytoken'] === 'string' && found['identitytoken'] !== '') {
    return failure('registry-identity-token-unsupported', `the credentials for ${key} are an identity token, which is not supported; pass a username and password`);
  }
  if (typeof found['auth'] === 'string' && found['auth'] !== '') {
    const decoded = decodeAuth(found['auth']);
    if (decoded === undefined) return failure('docker-config-invalid', `invalid auth configuration file (auths[${JSON.stringify(key)}].auth)`);
    return { ok: true, credentials: decoded, diagnostics: [] };
  }
  const { username, password } = found;
  if (typeof username === 'string' && username !== '') return { ok: true, credentials: { username, password: typeof password === 'string' ? password : '' }, diagnostics: [] };
  return { ok: true, diagnostics: [] };
}
