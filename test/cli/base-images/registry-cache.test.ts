// The disk cache of registry answers (src/cli/base-images/registry-cache.ts): where it lives (XDG
// Base Directory Specification 0.8: $XDG_CACHE_HOME when absolute, else $HOME/.cache), what it
// keeps, when a tag entry is fresh, and what it refuses to read or write.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { RegistryCache, TAG_TTL_MS, cacheDirectory, isFresh, type CachedImage } from '../../../src/cli/base-images/registry-cache.js';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const DIGEST = `sha256:${'a'.repeat(64)}`;
const IMAGE: CachedImage = {
  digest: DIGEST,
  configDigest: `sha256:${'b'.repeat(64)}`,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  platform: { os: 'linux', architecture: 'amd64' },
  registry: 'registry-1.docker.io',
  repository: 'library/node',
  config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], shell: null, onBuild: null, os: 'linux' },
  savedAt: new Date(T0).toISOString(),
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'container-argv-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('RegistryCache', () => {
  test('an image and its tag entry round-trip; the image is found by digest', () => {
    const cache = new RegistryCache(dir);
    cache.write('docker.io/library/node:22', 'linux/amd64', IMAGE);
    expect(cache.readTag('docker.io/library/node:22', 'linux/amd64')).toEqual({
      reference: 'docker.io/library/node:22',
      platform: 'linux/amd64',
      digest: DIGEST,
      savedAt: IMAGE.savedAt,
    });
    expect(cache.readImage(DIGEST)).toEqual(IMAGE);
    expect(cache.directory).toBe(join(dir, 'registry-v1'));
  });

  test('a tag entry is per reference and platform', () => {
    const cache = new RegistryCache(dir);
    cache.write('docker.io/library/node:22', 'linux/amd64', IMAGE);
    expect(cache.readTag('docker.io/library/node:22', 'linux/arm64')).toBeUndefined();
    expect(cache.readTag('docker.io/library/node:20', 'linux/amd64')).toBeUndefined();
  });

  test('a digest that is not one is never used as a path', () => {
    const cache = new RegistryCache(dir);
    expect(cache.readImage('sha256:../../etc/passwd')).toBeUndefined();
    expect(() => cache.write('x', 'linux/amd64', { ...IMAGE, digest: '../x' })).toThrow(/not a digest/);
    expect(existsSync(join(dir, 'registry-v1'))).toBe(false);
  });
});

// XDG Base Directory Specification: $XDG_CACHE_HOME if set to an absolute path, else $HOME/.cache.
test.for([
  { env: { XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }, want: '/x/cache/container-argv' },
  { env: { XDG_CACHE_HOME: 'relative/cache', HOME: '/home/u' }, want: '/home/u/.cache/container-argv' },
  { env: { XDG_CACHE_HOME: '', HOME: '/home/u' }, want: '/home/u/.cache/container-argv' },
  { env: {}, want: '/fallback/.cache/container-argv' },
])('cacheDirectory($env) = $want', ({ env, want }) => {
  expect(cacheDirectory(env, '/fallback')).toBe(want);
});

test.for([
  { age: 0, pinned: false, fresh: true },
  { age: TAG_TTL_MS - 1, pinned: false, fresh: true },
  { age: TAG_TTL_MS, pinned: false, fresh: false },
  { age: -1, pinned: false, fresh: false },
  { age: 10 * TAG_TTL_MS, pinned: true, fresh: true },
])('isFresh: age $age ms, pinned $pinned → $fresh', ({ age, pinned, fresh }) => {
  const tag = { reference: 'r', platform: 'linux/amd64', digest: DIGEST, savedAt: new Date(T0).toISOString() };
  expect(isFresh(tag, pinned, T0 + age)).toBe(fresh);
});
