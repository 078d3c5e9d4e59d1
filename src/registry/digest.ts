import type { Issue } from '../core/types.js';

/** The digest algorithms this client verifies, with their WebCrypto names and hex lengths. */
const ALGORITHMS: Readonly<Record<string, { readonly name: string; readonly hex: number }>> = {
  sha256: { name: 'SHA-256', hex: 64 },
  sha512: { name: 'SHA-512', hex: 128 },
};

/** True when `digest` uses an algorithm this client can verify (sha256, sha512). */
export function isSupportedDigest(digest: string): boolean {
  return Object.hasOwn(ALGORITHMS, digest.slice(0, digest.indexOf(':')));
}

function hex(buffer: ArrayBuffer): string {
  let out = '';
  for (const b of new Uint8Array(buffer)) out += b.toString(16).padStart(2, '0');
  return out;
}

function unsupported(message: string): Issue {
  return { code: 'registry-unsupported-digest', message };
}

/** Hashes `bytes` with `algorithm` (`sha256` or `sha512`) into `algorithm:hex`, with WebCrypto. */
export async function digestOf(bytes: Uint8Array, algorithm = 'sha256'): Promise<string | Issue> {
  const alg = ALGORITHMS[algorithm];
  if (alg === undefined) return unsupported(`unsupported digest algorithm ${JSON.stringify(algorithm)}`);
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return unsupported('crypto.subtle is not available (browsers offer it on https pages only)');
  return `${algorithm}:${hex(await subtle.digest(alg.name, bytes as Uint8Array<ArrayBuffer>))}`;
}

/**
 * Checks that `bytes` hash to `expected` (and, when given, have `size` bytes). Returns the issue
 * naming `what` when they do not, or `undefined`.
 */
export async function verifyDigest(bytes: Uint8Array, expected: string, what: string, size?: number): Promise<Issue | undefined> {
  const colon = expected.indexOf(':');
  const algorithm = expected.slice(0, colon);
  const alg = ALGORITHMS[algorithm];
  if (colon < 0 || alg === undefined) return unsupported(`${what}: unsupported digest ${JSON.stringify(expected)}`);
  if (expected.length - colon - 1 !== alg.hex) return { code: 'registry-digest-mismatch', message: `${what}: invalid digest ${JSON.stringify(expected)}` };
  if (size !== undefined && bytes.length !== size) {
    return { code: 'registry-digest-mismatch', message: `${what}: size mismatch: descriptor says ${size} bytes, got ${bytes.length}` };
  }
  const actual = await digestOf(bytes, algorithm);
  if (typeof actual !== 'string') return actual;
  if (actual === expected) return undefined;
  return { code: 'registry-digest-mismatch', message: `${what}: digest mismatch: expected ${expected}, got ${actual}` };
}
