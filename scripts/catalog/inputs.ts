// The committed inputs under scripts/catalog/inputs/: config facts taken from public records, each
// with its provenance (repository, path, commit). The generator reads them; nothing is guessed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a recorded fact was read. */
export interface FactSource {
  readonly repo: string;
  readonly path: string;
  readonly commit: string;
}

/** One image config as a public record states it. */
export interface ConfigFact {
  /** Canonical reference (`docker.io/library/debian:bookworm-20260803`). */
  readonly ref: string;
  /** More tags of the same repository with the same config (aliases of `ref`). */
  readonly tags?: readonly string[];
  /** `linux/amd64`, `windows/amd64`… the platform the record describes. */
  readonly platform: string;
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
  readonly shell: readonly string[] | null;
  /** True when the record names exactly this build (a dated or full-version tag, or a pinned source). */
  readonly exact: boolean;
  /** Manifest-list (index) digest the record names, when it names one. */
  readonly digest?: string;
  /** How the values follow from the record (one sentence). */
  readonly basis: string;
  readonly source: FactSource;
}

/** A fact file: what it holds and its facts. */
export interface FactFile {
  readonly about: string;
  readonly facts: readonly ConfigFact[];
}

/** The input files the generator reads, by role. */
export const INPUT_FILES = {
  /** Registry records (docker-library/repo-info) for entries built without a Dockerfile at hand (roots). */
  records: 'registry-records.json',
  /** Bases outside Docker Hub's official images (distroless, Windows). */
  bases: 'non-hub-bases.json',
  /** Registry records sampled to cross-check the computed catalog (not used to build it). */
  crossCheck: 'cross-check.json',
} as const;

/** Reads one fact file of the inputs folder. */
export function readFacts(dir: string, name: string): FactFile {
  const file = JSON.parse(readFileSync(join(dir, name), 'utf8')) as FactFile;
  for (const f of file.facts) {
    if (typeof f.ref !== 'string' || typeof f.platform !== 'string' || typeof f.exact !== 'boolean') throw new Error(`${name}: malformed fact ${JSON.stringify(f)}`);
    if (!f.source || !/^[0-9a-f]{40}$/.test(f.source.commit)) throw new Error(`${name}: fact ${f.ref} lacks a source commit`);
  }
  return file;
}
