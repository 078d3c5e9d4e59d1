import type { ImageReference } from './image-reference.js';
import type { ImageConfig } from './types.js';

/**
 * How the resolvers of whole files (`evaluateDockerfile`, `resolveManifests`, `resolveComposeFile`)
 * find the config of an image they only know by reference. One type for all three.
 */

/**
 * Where a looked-up image config came from: a file you read, a local engine, a registry, or a catalog.
 * More fields may say which one (`fetchImageConfig` of `container-argv/registry` answers
 * `{ kind: 'registry', registry, repository, digest }`).
 */
export interface ImageConfigSource {
  readonly kind: 'file' | 'engine' | 'registry' | 'catalog';
}

/** A lookup answer that also says where its config came from. */
export interface SourcedImageConfig {
  readonly config: ImageConfig;
  readonly source: ImageConfigSource;
}

/**
 * Image configs by image reference, or a function that answers for one image.
 *
 * - A record is keyed by reference (`'node:20'`) and matched as the engine matches images:
 *   `node` = `node:latest` = `docker.io/library/node:latest`. A key that is not a reference, or two
 *   keys naming one image, is an issue; a key nothing uses gets an `image-config-unused` warning.
 *   (`resolveComposeFile` also takes service names as keys, for services without `image:`.)
 * - A function gets the reference as written and, when it is one, its parsed form
 *   (`parseImageReference`); `resolveComposeFile` asks it for a service's `image:`, then for the
 *   service name (with `reference` undefined). `evaluateDockerfile` also passes the platform the
 *   engine pulls (`FROM --platform` expanded, else `options.platform`; `linux/amd64` by default).
 *
 * An answer is the config, the config with its source (`{ config, source }`, e.g. a successful
 * `fetchImageConfig` or `lookupCatalog` result), or `undefined` when the image is unknown. The source
 * is accepted so that a lookup backed by files, an engine, a registry or a catalog can say so; results
 * do not report it yet.
 *
 * @example
 * const images: ImageLookup = { 'node:20': { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] } };
 * const fromFiles: ImageLookup = (ref) => (ref === 'app' ? { config: appConfig, source: { kind: 'file' } } : undefined);
 */
export type ImageLookup =
  | Readonly<Record<string, ImageConfig | SourcedImageConfig>>
  | ((ref: string, reference: ImageReference | undefined, platform?: string) => ImageConfig | SourcedImageConfig | undefined);

/** The config of a lookup answer (`{ config, source }` unwrapped: an image config has no `source` field). */
export function answerConfig(answer: ImageConfig | SourcedImageConfig): ImageConfig;
export function answerConfig(answer: ImageConfig | SourcedImageConfig | undefined): ImageConfig | undefined;
export function answerConfig(answer: ImageConfig | SourcedImageConfig | undefined): ImageConfig | undefined {
  return answer !== undefined && 'source' in answer ? answer.config : answer;
}
