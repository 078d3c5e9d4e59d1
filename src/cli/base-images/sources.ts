/**
 * Base image configs for the CLI: where one came from (a file, a local engine, a registry, the
 * catalog) and the interface every lookup source implements. The evaluator stays synchronous:
 * sources are asked first (resolve.ts), and the evaluator gets a plain lookup of their answers.
 */
import type { SourcedImageConfig } from '../../core/image-lookup.js';
import type { ImageReference } from '../../core/image-reference.js';
import type { Diagnostic, Failure, ImageConfig } from '../../core/types.js';
import type { Platform } from '../../registry/platform.js';

/**
 * Where a base image config came from; `kind` names the source. An `ImageConfigSource` (src/core/image-lookup.ts)
 * with the fields that say which file, engine, registry or catalog answered.
 */
export type BaseSource =
  | { readonly kind: 'file'; readonly file: string }
  | {
      readonly kind: 'engine';
      readonly engine: 'docker' | 'podman';
      /** The local image ID (`sha256:…`). */
      readonly id?: string;
      /** `os/arch[/variant]` of the local image. */
      readonly platform?: string;
    }
  | {
      readonly kind: 'registry';
      /** The host requests went to (`registry-1.docker.io` for `docker.io`). */
      readonly registry: string;
      readonly repository: string;
      /** Digest of the image manifest whose config this is. */
      readonly digest: string;
      /** Digest of the index the image was picked from, when there was one. */
      readonly indexDigest?: string;
      readonly platform: string;
      /** Set when the answer came from the disk cache: when it was fetched (ISO 8601). */
      readonly cachedAt?: string;
    }
  | {
      readonly kind: 'catalog';
      /** The catalog's date: the answer describes the tag as of this day. */
      readonly date: string;
      /** The canonical reference the catalog matched. */
      readonly reference: string;
      readonly platform: string;
      /** False when the catalog's config rests on a nearby source rather than this exact build. */
      readonly exact: boolean;
    };

/** A source's answer: the config and where it came from (an `ImageLookup` answer, plus diagnostics). */
export interface BaseConfig extends SourcedImageConfig {
  readonly config: ImageConfig;
  readonly source: BaseSource;
  readonly diagnostics: readonly Diagnostic[];
}

/** What a source is asked for: one base reference on one platform. */
export interface BaseQuery {
  /** The reference as the file wrote it (after ARG expansion): `node:20`. */
  readonly text: string;
  /** The parsed reference, or `null` when `text` is not a valid reference (only files can match it). */
  readonly reference: ImageReference | null;
  readonly platform: Platform;
  /** True when the platform was asked for (`--platform`, `FROM --platform`), not the default. */
  readonly platformGiven: boolean;
}

/** A source's result: the config, `undefined` when it does not have the image, or a failure (said, then the next source is asked). */
export type BaseLookupResult = BaseConfig | undefined | Failure;

/** One place base image configs can come from. */
export interface BaseConfigSource {
  /** Short name for messages: `file`, `docker`, `podman`, `registry`, `registry cache`, `catalog`. */
  readonly name: string;
  /** Looks one reference up; never rejects on what the outside world answers. */
  readonly lookup: (query: BaseQuery) => Promise<BaseLookupResult>;
}

/** True for a source's failure (as opposed to an answer or a miss). */
export function isFailure(result: BaseLookupResult): result is Failure {
  return result !== undefined && 'ok' in result && !result.ok;
}

/** Shortens `sha256:0123…` to `sha256:0123456789ab` for text output. */
export function shortDigest(digest: string): string {
  const colon = digest.indexOf(':');
  return colon < 0 ? digest : digest.slice(0, colon + 13);
}

/**
 * Says where a config came from, in words: `from file node.json`, `from docker image inspect
 * (sha256:…)`, `from registry sha256:… (registry-1.docker.io/library/node)`, `from catalog 2026-08-21`.
 */
export function describeBaseSource(source: BaseSource): string {
  switch (source.kind) {
    case 'file':
      return `from file ${source.file}`;
    case 'engine':
      return `from ${source.engine} image inspect${source.id !== undefined ? ` (${shortDigest(source.id)})` : ''}`;
    case 'registry': {
      const cached = source.cachedAt !== undefined ? `, cached ${source.cachedAt}` : '';
      return `from registry ${source.digest} (${source.registry}/${source.repository}, ${source.platform}${cached})`;
    }
    case 'catalog':
      return `from catalog ${source.date}${source.exact ? '' : ' (inexact)'}`;
  }
}
