/**
 * The shape of `data.json`, the generated base-image catalog (scripts/catalog/generate.ts writes
 * it; docs/catalog.md describes how). Identical configs are stored once in `configs`; each entry
 * points at one by index.
 */

import type { OperatingSystem } from '../core/types.js';

/** An image config as stored: `null` is unset, `[]` is an empty list (they differ). */
export interface CatalogDataConfig {
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
  readonly shell: readonly string[] | null;
  readonly onBuild: readonly string[] | null;
  readonly os: OperatingSystem;
  readonly argsEscaped?: boolean;
}

/** Where an entry's config comes from. */
export type CatalogOrigin =
  | {
      /** Computed by evaluating the entry's Dockerfile (and its bases') with `evaluateDockerfile`. */
      readonly kind: 'dockerfile';
      /** `GitRepo` of the official-images entry. */
      readonly repository: string;
      /** `GitCommit` of the entry (the commit the tag is built from). */
      readonly commit: string;
      /** `Directory/File` of the entry. */
      readonly path: string;
      /** Set when the file was read at the nearest stored commit instead of `commit`. */
      readonly snapshot?: { readonly commit: string; readonly date: string };
    }
  | {
      /** A public record of the config: the registry's (docker-library/repo-info) or the image's build files. */
      readonly kind: 'record';
      readonly repository: string;
      readonly path: string;
      readonly commit: string;
      /** The reference the record describes. */
      readonly ref: string;
    };

/** One catalog entry: a tag group for one OS. */
export interface CatalogDataEntry {
  /** The entry's own tags. */
  readonly tags: readonly string[];
  /** Tags shared with entries of other OSes or OS versions (`python:3.14` is Linux and Windows). */
  readonly shared?: readonly string[];
  /** `os/arch[/variant]` the config was taken for (`linux/amd64` unless the entry has no amd64). */
  readonly platform: string;
  /** Windows: the `Constraints` (`windowsservercore-ltsc2022`), telling OS versions apart. */
  readonly variant?: string;
  /** Index into `configs`, or null when the entry is known but its config could not be determined. */
  readonly config: number | null;
  /** False when any value rests on a file read at a nearest snapshot instead of the pinned commit, or on a record of a moving tag. */
  readonly exact: boolean;
  /** Other architectures are built from their own sources (their config may differ). */
  readonly perArchSources?: true;
  readonly origin: CatalogOrigin | null;
  /** Why `config` is null. */
  readonly omitted?: string;
  /** Manifest-list digest recorded for this entry, when known. */
  readonly digest?: string;
}

/** A source the catalog was built from. */
export interface CatalogDataSource {
  readonly repository: string;
  readonly commit?: string;
  readonly date?: string;
  readonly role: string;
}

/** Entry counts of a catalog build. */
export interface CatalogCounts {
  readonly repositories: number;
  readonly entries: number;
  readonly tags: number;
  readonly configs: number;
  readonly omitted: number;
  readonly omittedBy: Readonly<Record<string, number>>;
  readonly inexact: number;
}

/** The catalog's identity, readable without parsing its data. */
export interface CatalogMeta {
  readonly format: 1;
  /** Date of the official-images commit the catalog describes (YYYY-MM-DD). */
  readonly date: string;
  readonly sources: readonly CatalogDataSource[];
  readonly counts: CatalogCounts;
}

/** The whole catalog. */
export interface CatalogData {
  readonly format: 1;
  /** Date of the official-images commit the catalog describes (YYYY-MM-DD). */
  readonly date: string;
  readonly sources: readonly CatalogDataSource[];
  readonly counts: CatalogCounts;
  readonly configs: readonly CatalogDataConfig[];
  /** Entries by repository (`docker.io/library/node`). */
  readonly repositories: Readonly<Record<string, readonly CatalogDataEntry[]>>;
}
