/**
 * The seam between the commands and the chain: the images a file needs (the library's listing
 * functions: `listDockerfileBases`, `listComposeImages`, `listManifestImages`), the chain's
 * answers for them, and the configs handed to the (synchronous) resolvers: the `REF=FILE`
 * record the user gave, plus the answers of the other sources under the references as written.
 */
import type { ListComposeImagesResult } from '../../compose/file.js';
import type { SourcedImageConfig } from '../../core/image-lookup.js';
import { sameImage, parseImageReference, type ImageReference } from '../../core/image-reference.js';
import type { ImageConfig } from '../../core/types.js';
import type { EvaluateDockerfileOptions, EvaluateDockerfileResult } from '../../dockerfile/evaluate.js';
import type { ListDockerfileBasesOptions, ListDockerfileBasesResult } from '../../dockerfile/list-bases.js';
import type { ListManifestImagesResult } from '../../kubernetes/manifest.js';
import type { Platform } from '../../registry/platform.js';
import { imageMapOf, type ImageFile } from '../inputs.js';
import type { CliIO } from '../io.js';
import { baseChainOf, parsePlatformOption, targetOsOf, type BaseImageOptions } from './chain.js';
import { createBaseResolver, type BaseRequest, type BaseResolution, type BaseResolver, type ResolvedBases } from './resolve.js';

/** A `FROM --platform=` value when it is a literal platform (not `$BUILDPLATFORM` or another variable). */
function literalPlatform(text: string | undefined): Platform | undefined {
  if (text === undefined || text.includes('$')) return undefined;
  try {
    return parsePlatformOption(text);
  } catch {
    return undefined;
  }
}

/** The bases `listDockerfileBases` lists (the stages built for the target), with a literal `FROM --platform`. */
export function dockerfileBaseRequests(listed: ListDockerfileBasesResult): BaseRequest[] {
  if (!listed.ok) return [];
  return listed.references.map((r) => {
    const platform = literalPlatform(r.platform);
    return platform === undefined ? { reference: r.text } : { reference: r.text, platform };
  });
}

/** The services' images whose config the argv needs (`listComposeImages`; a non-empty `entrypoint` needs none). */
export function composeImageRequests(listed: ListComposeImagesResult): BaseRequest[] {
  if (!listed.ok) return [];
  return listed.images.flatMap((i) => (i.text !== undefined && i.reference !== undefined && i.needs.length > 0 ? [{ reference: i.text }] : []));
}

/** The containers' images whose config the argv needs (`listManifestImages`; a set `command` needs none). */
export function manifestImageRequests(listed: ListManifestImagesResult): BaseRequest[] {
  if (!listed.ok) return [];
  return listed.images.flatMap((i) => (i.reference !== undefined && i.needs.length > 0 ? [{ reference: i.text }] : []));
}

/**
 * `given` (the `REF=FILE` configs) with the answers of the other sources added under the
 * references as written, each with its source (`{ config, source }`, an `ImageLookup` answer). Answers from files are already in `given`; an answer whose image another
 * key already names is left out (the library matches records by image and refuses two keys for
 * one image).
 */
export function withResolved(given: Readonly<Record<string, ImageConfig | SourcedImageConfig>>, resolved: ResolvedBases): Record<string, ImageConfig | SourcedImageConfig> {
  const out = Object.assign(Object.create(null) as Record<string, ImageConfig | SourcedImageConfig>, given);
  const named: ImageReference[] = [];
  for (const key of Object.keys(given)) {
    const r = parseImageReference(key);
    if (r.ok) named.push(r.reference);
  }
  for (const b of resolved.bases) {
    if (b.config === null || b.source === null || b.source.kind === 'file' || Object.hasOwn(out, b.reference)) continue;
    const r = parseImageReference(b.reference);
    if (!r.ok || named.some((n) => sameImage(n, r.reference))) continue;
    named.push(r.reference);
    out[b.reference] = { config: b.config, source: b.source };
  }
  return out;
}

/** A Dockerfile evaluated with the chain's answers, and what the chain found. */
export interface EvaluationWithBases {
  readonly result: EvaluateDockerfileResult;
  /** Empty when the Dockerfile names no external image (or does not parse). */
  readonly bases: readonly BaseResolution[];
  readonly resolved?: ResolvedBases;
}

/**
 * The resolver a command uses: the chain of its options, after the `REF=FILE` files. Usage
 * errors for contradicting options.
 */
export async function resolverOf(io: CliIO, files: readonly ImageFile[], o: BaseImageOptions): Promise<BaseResolver> {
  return createBaseResolver(await baseChainOf(io, files, o));
}

/**
 * Evaluates a Dockerfile with its base images found by `resolver`: the bases `listDockerfileBases`
 * lists (with `options`), asked of the chain, then one evaluation with the `--image-config REF=FILE` files and the
 * answers.
 */
export async function evaluateWithBases(
  text: string,
  options: Omit<EvaluateDockerfileOptions, 'baseImages'>,
  files: readonly ImageFile[],
  resolver: BaseResolver,
): Promise<EvaluationWithBases> {
  const [{ evaluateDockerfile }, { listDockerfileBases }] = await Promise.all([import('../../dockerfile/evaluate.js'), import('../../dockerfile/list-bases.js')]);
  const { strict: _strict, unknownBaseImage: _unknown, ...listOptions } = options;
  const requests = dockerfileBaseRequests(listDockerfileBases(text, listOptions satisfies ListDockerfileBasesOptions));
  const given = imageMapOf(files);
  if (requests.length === 0) return { result: evaluateDockerfile(text, { ...options, baseImages: given }), bases: [] };
  const resolved = await resolver.resolve(requests);
  return { result: evaluateDockerfile(text, { ...options, baseImages: withResolved(given, resolved) }), bases: resolved.bases, resolved };
}

/**
 * `explain`/`k8s` on a Dockerfile: the chain of the options after the `--image-config REF=FILE`
 * files, and the Dockerfile evaluated with what it finds. The target OS is `--os`, else the OS of `--platform`.
 */
export async function dockerfileWithBases(
  io: CliIO,
  text: string,
  options: Omit<EvaluateDockerfileOptions, 'baseImages'>,
  files: readonly ImageFile[],
  o: BaseImageOptions,
): Promise<EvaluationWithBases> {
  const resolver = await resolverOf(io, files, o);
  const os = options.os ?? targetOsOf(o);
  return evaluateWithBases(text, { ...options, ...(os !== undefined && { os }) }, files, resolver);
}
