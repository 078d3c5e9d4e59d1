/** Reading what the commands work on: Dockerfiles, image configs (`docker image inspect` JSON), `REF=FILE` pairs. */
import type { ImageConfig } from '../core/types.js';
import type { ManifestConfigSource } from '../kubernetes/manifest.js';
import { InputError, UsageError, parseJsonInput, readInput, type CliIO } from './io.js';

/** The display name of an input path (`<stdin>` for `-`). */
export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

/**
 * Reads an image config file: `docker image inspect` / `podman image inspect` output or an OCI image
 * config. zod (behind src/image/inspect.ts) is loaded only here, so commands without image files never pay for it.
 * `platform` (`--platform`) picks the element of an inspect array of several images; without it such an array is refused.
 */
export async function loadImageConfig(io: CliIO, path: string, platform?: string): Promise<ImageConfig> {
  const text = await readInput(io, path);
  const json = parseJsonInput(text, displayName(path));
  const { imageConfigFromInspect } = await import('../image/inspect.js');
  const result = imageConfigFromInspect(json, platform === undefined ? {} : { platform });
  if (!result.ok) {
    const issue = result.issues[0];
    // The library's "a platform to pick one" is the CLI's --platform.
    const message = issue.message.endsWith('a platform to pick one')
      ? `${issue.message.slice(0, -'a platform to pick one'.length)}pick one with --platform os/arch`
      : issue.message;
    throw new InputError(`${displayName(path)}: not an image config: ${message}`);
  }
  return result.config;
}

/** Splits `REF=FILE` at the last `=` (image references never contain `=`; file names rarely do). */
export function splitAssignment(value: string, option: string): { readonly ref: string; readonly file: string } {
  const eq = value.lastIndexOf('=');
  if (eq <= 0 || eq === value.length - 1) throw new UsageError(`${option} expects REF=FILE, got ${JSON.stringify(value)}`);
  return { ref: value.slice(0, eq), file: value.slice(eq + 1) };
}

/** One `REF=FILE` value, read. */
export interface ImageFile {
  /** The reference (or Compose service name) as given before `=`. */
  readonly ref: string;
  /** The file as given after `=` (`<stdin>` for `-`). */
  readonly file: string;
  readonly config: ImageConfig;
}

/** Reads every `REF=FILE` value of `option`, in order. */
export async function loadImageFiles(io: CliIO, values: readonly string[], option: string, platform?: string): Promise<ImageFile[]> {
  const out: ImageFile[] = [];
  for (const value of values) {
    const { ref, file } = splitAssignment(value, option);
    out.push({ ref, file: displayName(file), config: await loadImageConfig(io, file, platform) });
  }
  return out;
}

/** The configs of `files` by reference as given (a later value for the same key wins). */
export function imageMapOf(files: readonly ImageFile[]): Record<string, ImageConfig> {
  // No prototype: an image or service named `constructor` or `toString` must not find a function.
  const out = Object.create(null) as Record<string, ImageConfig>;
  for (const f of files) out[f.ref] = f.config;
  return out;
}

/** Loads every `REF=FILE` into a map of image configs. */
export async function loadImageMap(io: CliIO, values: readonly string[], option: string): Promise<Record<string, ImageConfig>> {
  return imageMapOf(await loadImageFiles(io, values, option));
}

/**
 * `--env KEY=VALUE` values for Compose interpolation (a bare `KEY` takes the process's value). A pair
 * with no name is refused as `docker run -e` refuses it (docker/cli opts.ValidateEnv; docker 28.2.2 and
 * podman 4.3.1 recorded).
 */
export function envOptionsOf(pairs: readonly string[], processEnv: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq === 0 || pair === '') throw new UsageError(`--env: invalid environment variable: ${pair}`);
    if (eq < 0) env[pair] = processEnv[pair] ?? '';
    else env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}

/** `--build-arg KEY=VALUE` values (a bare `KEY` takes the value from the environment, as docker build does). */
export function buildArgsOf(values: readonly string[] | undefined, env: Readonly<Record<string, string | undefined>>): Record<string, string> | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const pair of values) {
    const eq = pair.indexOf('=');
    if (eq === 0) throw new UsageError(`--build-arg expects KEY=VALUE, got ${JSON.stringify(pair)}`);
    if (eq < 0) {
      const value = env[pair];
      if (value !== undefined) out[pair] = value;
    } else out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** `--platform` and `--build-platform`: the target and build platforms of a Dockerfile (TARGETOS, BUILDARCH…). */
export interface PlatformOptions {
  readonly platform?: string;
  readonly buildPlatform?: string;
}

/** The `evaluateDockerfile` options of `--platform` and `--build-platform` (each left out when not given). */
export function platformOptionsOf(o: PlatformOptions): PlatformOptions {
  return { ...(o.platform !== undefined && { platform: o.platform }), ...(o.buildPlatform !== undefined && { buildPlatform: o.buildPlatform }) };
}

/** `--config-map FILE`, `--secret FILE` (repeatable) and `--namespace NS` for Kubernetes manifests. */
export interface ManifestDataOptions {
  readonly configMap?: readonly string[];
  readonly secret?: readonly string[];
  readonly namespace?: string;
}

/** ConfigMaps/Secrets from other files and the namespace objects without one are applied to. */
export interface ManifestData {
  readonly configSources?: readonly ManifestConfigSource[];
  readonly namespace?: string;
}

/** Reads the `--config-map` and `--secret` files (in that order) for `resolveManifests`' `configSources`, with `--namespace`. */
export async function loadManifestData(io: CliIO, o: ManifestDataOptions): Promise<ManifestData> {
  const read = (paths: readonly string[], kind: 'ConfigMap' | 'Secret') => Promise.all(paths.map(async (f) => ({ text: await readInput(io, f), source: displayName(f), kind })));
  const configSources = [...(await read(o.configMap ?? [], 'ConfigMap')), ...(await read(o.secret ?? [], 'Secret'))];
  return { configSources, ...(o.namespace !== undefined && { namespace: o.namespace }) };
}
