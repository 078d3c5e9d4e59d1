/**
 * The CLI's disk cache of registry answers, under `$XDG_CACHE_HOME/container-argv/registry-v1/`
 * (default `~/.cache/container-argv/registry-v1/`):
 *
 *     images/<algorithm>/<hex>.json    one image: its config and digests, keyed by the image
 *                                      manifest digest; content-addressed, never expires
 *     tags/<sha256 of "REF PLATFORM">.json
 *                                      which image manifest a reference named on a platform,
 *                                      and when that was asked; fresh for TAG_TTL_MS unless
 *                                      the reference is pinned by a digest
 *
 * Files are written to a temporary name and renamed, so a reader never sees half a file. An
 * unreadable or malformed file is a miss.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { ImageConfig } from '../../core/types.js';
import type { Platform } from '../../registry/platform.js';

/** How long a tag → digest answer is used without asking the registry again: one hour. */
export const TAG_TTL_MS = 60 * 60 * 1000;

/** The cache layout's version: a new layout gets a new directory. */
const LAYOUT = 'registry-v1';

/** One image as the registry gave it. */
export interface CachedImage {
  /** Digest of the image manifest (the cache key). */
  readonly digest: string;
  readonly indexDigest?: string;
  readonly configDigest: string;
  readonly mediaType: string;
  readonly platform: Platform;
  /** The host requests went to, and the repository. */
  readonly registry: string;
  readonly repository: string;
  readonly config: ImageConfig;
  /** When it was fetched (ISO 8601). */
  readonly savedAt: string;
}

/** Which image a reference named on a platform. */
export interface CachedTag {
  /** The canonical reference (`docker.io/library/node:20`). */
  readonly reference: string;
  /** `os/arch[/variant]`. */
  readonly platform: string;
  readonly digest: string;
  readonly savedAt: string;
}

/**
 * The cache directory: `$XDG_CACHE_HOME/container-argv` when that is an absolute path (the XDG
 * Base Directory rule), else `$HOME/.cache/container-argv`.
 */
export function cacheDirectory(env: Readonly<Record<string, string | undefined>>, home: string = homedir()): string {
  const xdg = env['XDG_CACHE_HOME'];
  const base = xdg !== undefined && xdg !== '' && isAbsolute(xdg) ? xdg : join(env['HOME'] || home, '.cache');
  return join(base, 'container-argv');
}

const DIGEST = /^(?:sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;

const isStringList = (v: unknown): boolean => v === null || v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** A light check that a file holds what this module wrote (the cache may be edited or truncated by hand). */
function isCachedImage(v: unknown, digest: string): v is CachedImage {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const c = o['config'] as Record<string, unknown> | null | undefined;
  return (
    o['digest'] === digest &&
    typeof o['registry'] === 'string' &&
    typeof o['repository'] === 'string' &&
    typeof o['savedAt'] === 'string' &&
    typeof o['platform'] === 'object' &&
    typeof c === 'object' &&
    c !== null &&
    ['entrypoint', 'cmd', 'shell', 'onBuild'].every((k) => isStringList(c[k]))
  );
}

function isCachedTag(v: unknown, reference: string, platform: string): v is CachedTag {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return o['reference'] === reference && o['platform'] === platform && typeof o['digest'] === 'string' && DIGEST.test(o['digest']) && typeof o['savedAt'] === 'string';
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

let sequence = 0;

function writeJson(path: string, dir: string, value: unknown): void {
  mkdirSync(dir, { recursive: true });
  const temp = `${path}.${process.pid}.${++sequence}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temp, path);
}

/** The registry answers kept on disk under `root` (`cacheDirectory(env)`). */
export class RegistryCache {
  readonly #dir: string;

  /** @param root - the CLI's cache directory; the cache lives in its `registry-v1/` */
  constructor(root: string) {
    this.#dir = join(root, LAYOUT);
  }

  /** The directory the cache writes to. */
  get directory(): string {
    return this.#dir;
  }

  #imagePath(digest: string): { dir: string; file: string } | undefined {
    if (!DIGEST.test(digest)) return undefined;
    const [algorithm, hex] = digest.split(':') as [string, string];
    const dir = join(this.#dir, 'images', algorithm);
    return { dir, file: join(dir, `${hex}.json`) };
  }

  #tagPath(reference: string, platform: string): { dir: string; file: string } {
    const dir = join(this.#dir, 'tags');
    return { dir, file: join(dir, `${createHash('sha256').update(`${reference} ${platform}`).digest('hex')}.json`) };
  }

  /** The image cached under an image manifest digest. */
  readImage(digest: string): CachedImage | undefined {
    const path = this.#imagePath(digest);
    if (path === undefined) return undefined;
    const v = readJson(path.file);
    return isCachedImage(v, digest) ? v : undefined;
  }

  /** The last answer for a reference on a platform, fresh or not. */
  readTag(reference: string, platform: string): CachedTag | undefined {
    const v = readJson(this.#tagPath(reference, platform).file);
    return isCachedTag(v, reference, platform) ? v : undefined;
  }

  /** Saves an image and the tag entry pointing at it; throws the file system's error. */
  write(reference: string, platform: string, image: CachedImage): void {
    const path = this.#imagePath(image.digest);
    if (path === undefined) throw new Error(`not a digest: ${JSON.stringify(image.digest)}`);
    writeJson(path.file, path.dir, image);
    const tag = this.#tagPath(reference, platform);
    writeJson(tag.file, tag.dir, { reference, platform, digest: image.digest, savedAt: image.savedAt } satisfies CachedTag);
  }
}

/** Whether a tag entry is still fresh at `now` (a digest-pinned reference never goes stale). */
export function isFresh(tag: CachedTag, pinned: boolean, now: number, ttlMs: number = TAG_TTL_MS): boolean {
  if (pinned) return true;
  const saved = Date.parse(tag.savedAt);
  return Number.isFinite(saved) && now - saved >= 0 && now - saved < ttlMs;
}
