/** The image a command looks at: a Dockerfile evaluated with its base images, or an image config file. */
import type { DockerfileStage, EvaluateDockerfileOptions, ValueSource } from '../dockerfile/evaluate.js';
import type { ConfigDependencies, UnknownBase } from '../dockerfile/base-dependency.js';
import type { DockerfileFrontend } from '../dockerfile/frontend.js';
import type { Builder, Engine, EngineOptions, ImageConfig, OperatingSystem } from '../core/types.js';
import type { BaseImageOptions } from './base-images/chain.js';
import type { BaseResolution } from './base-images/resolve.js';
import type { EvaluationWithBases } from './base-images/with-bases.js';
import { buildArgsOf, displayName, imageMapOf, loadImageConfig, loadImageFiles, platformOptionsOf, splitAssignment, type ImageFile } from './inputs.js';
import { UsageError, readInput, type CliIO } from './io.js';
import { findingsOf, type Finding } from './report.js';

/** Options shared by `explain` and `k8s` that pick the image (and where its base images come from). */
export interface ImageSourceOptions extends BaseImageOptions {
  readonly target?: string;
  /** `--build-platform os/arch[/variant]`: BUILDPLATFORM… (`--platform` sets the target platform). */
  readonly buildPlatform?: string;
  readonly buildArg?: readonly string[];
  /** `FILE`: the image to look at instead of a Dockerfile; `REF=FILE`: the config of a base image. */
  readonly imageConfig?: readonly string[];
  readonly os?: OperatingSystem;
  readonly builder?: Builder;
  readonly engine?: Engine;
  readonly engineVersion?: string;
  /** An answer that depends on a base image config not given is an error. */
  readonly strict?: boolean;
}

/** Where a final ENTRYPOINT/CMD value comes from, in words (`Dockerfile:12:1 (CMD)`, `base image node:20`…). */
export interface ValueOrigin {
  readonly text: string;
  readonly line?: number;
  readonly column?: number;
}

/** The image config and how it was obtained. */
export interface LoadedImage {
  readonly ok: boolean;
  readonly config: ImageConfig | null;
  /** The file that was read (Dockerfile or image config), for messages. */
  readonly file: string;
  readonly kind: 'dockerfile' | 'image-config';
  readonly stage?: DockerfileStage;
  /** Dockerfile only: the frontend image `# syntax=` forwards a BuildKit build to (null: built-in). */
  readonly frontend?: DockerfileFrontend | null;
  readonly origins: { readonly entrypoint: ValueOrigin; readonly cmd: ValueOrigin };
  /** Dockerfile only: the config fields that depend on a base image config not given (absent from `config`). */
  readonly dependsOn?: ConfigDependencies;
  /** Dockerfile only: base images of built stages whose config was not given. */
  readonly unknownBases?: readonly UnknownBase[];
  /** Dockerfile only: where each external base image's config came from. */
  readonly bases?: readonly BaseResolution[];
  readonly findings: readonly Finding[];
}

/** Engine options from the command line (only those given). */
export function engineOptionsOf(o: ImageSourceOptions): EngineOptions {
  return {
    ...(o.engine !== undefined && { engine: o.engine }),
    ...(o.engineVersion !== undefined && { engineVersion: o.engineVersion }),
    ...(o.builder !== undefined && { builder: o.builder }),
  };
}

function originOf(source: ValueSource, file: string): ValueOrigin {
  switch (source.kind) {
    case 'instruction': {
      const at = `${file}:${source.line}:${source.column}`;
      const text = source.onBuild
        ? `ONBUILD ${source.instruction} of the base image, triggered at ${at}`
        : source.reset
          ? `reset by ENTRYPOINT at ${at}`
          : `${source.instruction} at ${at}`;
      return { text, line: source.line, column: source.column };
    }
    case 'inherited':
      return { text: `inherited from ${source.from}` };
    case 'unknown':
      return { text: `inherited from base image ${source.from} (config unknown)` };
    default:
      return { text: 'not set' };
  }
}

/**
 * The `--image-config` values: a `FILE` (no `=`) is the image to look at instead of a Dockerfile (at
 * most one), each `REF=FILE` the config of a base image (image references never contain `=`).
 */
export function imageConfigValues(o: ImageSourceOptions): { readonly file: string | undefined; readonly refs: readonly string[] } {
  const values = o.imageConfig ?? [];
  const files = values.filter((v) => !v.includes('='));
  if (files.length > 1) throw new UsageError('give one --image-config FILE (the image to explain); base images are --image-config REF=FILE');
  return { file: files[0], refs: values.filter((v) => v.includes('=')) };
}

/**
 * `--base REF=FILE`, the deprecated name of `--image-config REF=FILE` (the name every other command
 * uses): still accepted, with a one-line note on stderr.
 */
export function withDeprecatedBase<T extends { readonly base?: readonly string[]; readonly imageConfig?: readonly string[] }>(o: T, io: CliIO): T {
  if (o.base === undefined || o.base.length === 0) return o;
  for (const value of o.base) splitAssignment(value, '--base');
  io.stderr.write('container-argv: --base is deprecated; use --image-config REF=FILE (same meaning)\n');
  return { ...o, imageConfig: [...(o.imageConfig ?? []), ...o.base] };
}

/** True when the command line gives base image configs (`REF=FILE`) or asks for them from somewhere (engine, registry, platform). */
function usesBaseImageOptions(o: ImageSourceOptions, files: readonly ImageFile[]): boolean {
  return files.length > 0 || o.fromEngine !== undefined || o.pull === true || o.offline === true || o.platform !== undefined || (o.insecureRegistry?.length ?? 0) > 0;
}

/**
 * Evaluates the Dockerfile with its base images found by the chain (base-images/with-bases.ts).
 * The chain's modules are loaded only when there is something to find: a Dockerfile built only
 * FROM scratch or its own stages, with no base image option, starts as fast as before.
 */
async function evaluateWithBaseImages(
  io: CliIO,
  text: string,
  o: ImageSourceOptions,
  options: Omit<EvaluateDockerfileOptions, 'baseImages'>,
  files: readonly ImageFile[],
): Promise<EvaluationWithBases> {
  if (!usesBaseImageOptions(o, files)) {
    const { evaluateDockerfile } = await import('../dockerfile/evaluate.js');
    const result = evaluateDockerfile(text, { ...options, baseImages: imageMapOf(files) });
    if (!result.ok || !result.stages.some((s) => s.built && s.base.kind === 'image')) return { result, bases: [] };
  }
  const { dockerfileWithBases } = await import('./base-images/with-bases.js');
  return dockerfileWithBases(io, text, options, files, o);
}

/** Reads the image: `--image-config FILE`, or the Dockerfile (default `./Dockerfile`, `-` for stdin). */
export async function loadImage(io: CliIO, dockerfile: string | undefined, o: ImageSourceOptions): Promise<LoadedImage> {
  const { file: configFile, refs } = imageConfigValues(o);
  if (configFile !== undefined) {
    if (dockerfile !== undefined) throw new UsageError('give either a Dockerfile or --image-config FILE, not both');
    if (o.target !== undefined || refs.length > 0 || (o.buildArg !== undefined && o.buildArg.length > 0)) {
      throw new UsageError('--target, --build-arg and --image-config REF=FILE apply to a Dockerfile, not to --image-config FILE');
    }
    if (o.fromEngine !== undefined || o.pull === true || o.offline === true) {
      throw new UsageError('--from-engine, --pull and --offline find the base images of a Dockerfile, not of --image-config');
    }
    // --platform picks the image of a multi-image inspect array.
    const config = await loadImageConfig(io, configFile, o.platform);
    const name = displayName(configFile);
    const origin = (v: readonly string[] | null | undefined): ValueOrigin => ({ text: v == null ? 'not set' : `image config ${name}` });
    return { ok: true, config, file: name, kind: 'image-config', origins: { entrypoint: origin(config.entrypoint), cmd: origin(config.cmd) }, findings: [] };
  }
  const path = dockerfile ?? 'Dockerfile';
  const file = displayName(path);
  const text = await readInput(io, path);
  const files = await loadImageFiles(io, refs, '--image-config', o.platform);
  const buildArgs = buildArgsOf(o.buildArg, io.env);
  const { result, bases, resolved } = await evaluateWithBaseImages(
    io,
    text,
    o,
    {
      ...engineOptionsOf(o),
      ...(buildArgs !== undefined && { buildArgs }),
      ...(o.target !== undefined && { target: o.target }),
      ...(o.os !== undefined && { os: o.os }),
      ...platformOptionsOf(o),
      ...(o.strict === true && { strict: true }),
    },
    files,
  );
  const { baseFindingsAt } = await import('./base-images/positions.js');
  const baseFindings = resolved === undefined ? [] : baseFindingsAt(file, bases, result);
  if (!result.ok) {
    // A bad `--image-config` key is the command line's fault, not the build's.
    const key = result.issues.find((i) => i.code === 'image-config-key-invalid' || i.code === 'image-config-duplicate');
    if (key !== undefined) throw new UsageError(`--image-config: ${key.message}`);
    return {
      ok: false,
      config: null,
      file,
      kind: 'dockerfile',
      origins: { entrypoint: { text: 'not built' }, cmd: { text: 'not built' } },
      bases,
      findings: [...baseFindings, ...findingsOf(file, result.diagnostics, result.issues)],
    };
  }
  return {
    ok: true,
    config: result.config,
    file,
    kind: 'dockerfile',
    stage: result.target,
    frontend: result.frontend,
    origins: { entrypoint: originOf(result.target.sources.entrypoint, file), cmd: originOf(result.target.sources.cmd, file) },
    dependsOn: result.dependsOn,
    unknownBases: result.unknownBases,
    bases,
    findings: [...baseFindings, ...findingsOf(file, result.diagnostics)],
  };
}
