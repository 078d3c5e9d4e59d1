/**
 * The command-line options that choose where base image configs come from, turned into the
 * chain resolve.ts runs: `--image-config REF=FILE` files, then the local engine
 * (`--from-engine`), then the registry (`--pull`) or its cache (`--offline`), then the catalog
 * (unless `--no-catalog`). The engine and registry modules are loaded only when asked for.
 */
import type { OperatingSystem } from '../../core/types.js';
import type { Platform } from '../../registry/platform.js';
import { UsageError, type CliIO } from '../io.js';
import { catalogSource } from './catalog-source.js';
import type { ImageFile } from '../inputs.js';
import { fileSource } from './file-source.js';
import type { BaseChain } from './resolve.js';
import type { BaseConfigSource } from './sources.js';

/** The options, as commander gives them. */
export interface BaseImageOptions {
  /** `--from-engine docker|podman`: read local images with `image inspect`. */
  readonly fromEngine?: 'docker' | 'podman';
  /** `--pull`: ask registries (answers are cached). */
  readonly pull?: boolean;
  /** `--offline`: no network; registry answers come from the cache only. */
  readonly offline?: boolean;
  /** `--platform os/arch[/variant]`. */
  readonly platform?: string;
  /** `--no-catalog` sets it to `false`. */
  readonly catalog?: boolean;
  /** `--insecure-registry host[:port]`, repeatable: reached over plain http. */
  readonly insecureRegistry?: readonly string[];
  readonly os?: OperatingSystem;
}

/** The default platform: linux/amd64, or windows/amd64 with `--os windows`. */
function defaultPlatform(os: OperatingSystem | undefined): Platform {
  return { os: os ?? 'linux', architecture: 'amd64' };
}

const PLATFORM_PART = /^[a-z0-9][a-z0-9._-]*$/;

/** Reads `--platform os/arch[/variant]` (lower case, as Docker writes it). */
export function parsePlatformOption(text: string): Platform {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => PLATFORM_PART.test(p))) {
    throw new UsageError(`--platform expects os/arch[/variant] such as linux/amd64 or linux/arm64/v8, got ${JSON.stringify(text)}`);
  }
  const [os, architecture, variant] = parts as [string, string, string | undefined];
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

/** The platform to ask for, and whether it was given; `--os` and `--platform` must agree. */
export function platformOf(o: BaseImageOptions): { readonly platform: Platform; readonly given: boolean } {
  if (o.platform === undefined) return { platform: defaultPlatform(o.os), given: false };
  const platform = parsePlatformOption(o.platform);
  if (o.os !== undefined && platform.os !== o.os) throw new UsageError(`--os ${o.os} and --platform ${o.platform} name different systems`);
  return { platform, given: true };
}

/** The target OS for the evaluator: `--os`, else the OS of `--platform` when it is linux or windows. */
export function targetOsOf(o: BaseImageOptions): OperatingSystem | undefined {
  if (o.os !== undefined) return o.os;
  const { platform, given } = platformOf(o);
  return given && (platform.os === 'linux' || platform.os === 'windows') ? platform.os : undefined;
}

/** Usage errors for options that contradict each other. */
function checkOptions(o: BaseImageOptions): void {
  if (o.pull === true && o.offline === true) throw new UsageError('--pull asks registries and --offline forbids it: give one of them');
  if ((o.insecureRegistry?.length ?? 0) > 0 && o.pull !== true) throw new UsageError('--insecure-registry applies to registry lookups: add --pull');
}

/** The registry source for `--pull` (online) or `--offline` (cache only). */
async function registrySourceOf(io: CliIO, o: BaseImageOptions): Promise<BaseConfigSource> {
  const [{ registrySource }, { RegistryCache, cacheDirectory }, { readDockerCredentials }] = await Promise.all([
    import('./registry-source.js'),
    import('./registry-cache.js'),
    import('../docker-config.js'),
  ]);
  const home = io.env['HOME'];
  return registrySource({
    offline: o.offline === true,
    cache: new RegistryCache(cacheDirectory(io.env)),
    credentials: (domain) => readDockerCredentials(domain, io.env, home !== undefined && home !== '' ? home : undefined),
    insecureRegistries: o.insecureRegistry ?? [],
  });
}

/**
 * Builds the chain for a command: files first, then `--from-engine`, then `--pull`/`--offline`,
 * then the catalog (unless `--no-catalog`). Throws a usage error for contradicting options.
 *
 * @param io - the CLI's environment (engine `PATH`, `DOCKER_CONFIG`, `XDG_CACHE_HOME`, `HOME`)
 * @param files - the `REF=FILE` configs given on the command line
 * @param o - the command's options
 * @returns the sources in order and the platform to ask for
 */
export async function baseChainOf(io: CliIO, files: readonly ImageFile[], o: BaseImageOptions): Promise<BaseChain> {
  checkOptions(o);
  const { platform, given } = platformOf(o);
  const sources: BaseConfigSource[] = [];
  if (files.length > 0) sources.push(fileSource(files));
  if (o.fromEngine !== undefined) sources.push((await import('./engine-source.js')).engineSource({ engine: o.fromEngine, env: io.env }));
  if (o.pull === true || o.offline === true) sources.push(await registrySourceOf(io, o));
  if (o.catalog !== false) sources.push(catalogSource());
  return { sources, platform, platformGiven: given };
}
