import { parseImageReference, sameImage, type ImageReference } from './image-reference.js';
import type { Diagnostic, Failure, ImageConfig, Issue } from './types.js';
import { answerConfig, type SourcedImageConfig } from './image-lookup.js';

/**
 * Image configs given by reference text (`{ 'node:20': config }`), found the way an engine finds
 * an image: by parsed reference ({@link sameImage}), so `node`, `node:latest` and
 * `docker.io/library/node:latest` are one entry. Each key is parsed once per call; the table
 * remembers which entries were asked for, so the ones nothing used can be reported.
 */
export interface ImageTable {
  readonly entries: readonly ImageTableEntry[];
  /** Keys that are not references but were accepted by `otherKey` (Compose service names), by key. */
  readonly others: ReadonlyMap<string, { readonly config: ImageConfig; used: boolean }>;
}

/** One `reference → config` entry of an {@link ImageTable}. */
export interface ImageTableEntry {
  /** The key as given. */
  readonly key: string;
  readonly reference: ImageReference;
  readonly config: ImageConfig;
  /** Set once an image reference of the input matched it. */
  used: boolean;
}

/** Result of {@link imageTable}. */
export type ImageTableResult = { readonly ok: true; readonly table: ImageTable } | Failure;

/**
 * Parses the keys of an image config record. A key that is not an image reference is an issue
 * naming it (`image-config-key-invalid`), unless `otherKey(key)` accepts it (Compose service
 * names); two keys naming the same image are an issue (`image-config-duplicate`).
 *
 * @param record - Configs by reference text.
 * @param otherKey - Keys that are not references but still valid (kept out of the table).
 * @returns The table, or every bad key as an issue.
 */
export function imageTable(record: Readonly<Record<string, ImageConfig | SourcedImageConfig>>, otherKey?: (key: string) => boolean): ImageTableResult {
  const entries: ImageTableEntry[] = [];
  const others = new Map<string, { config: ImageConfig; used: boolean }>();
  const issues: Issue[] = [];
  for (const key of Object.keys(record)) {
    const parsed = parseImageReference(key);
    if (!parsed.ok) {
      if (otherKey !== undefined && otherKey(key)) others.set(key, { config: answerConfig(record[key] as ImageConfig | SourcedImageConfig), used: false });
      else {
        issues.push({ code: 'image-config-key-invalid', message: `the image config key ${JSON.stringify(key)} is not an image reference: ${parsed.issues[0].message}` });
      }
      continue;
    }
    const twin = entries.find((e) => sameImage(e.reference, parsed.reference));
    if (twin !== undefined) {
      issues.push({
        code: 'image-config-duplicate',
        message: `the image config keys ${JSON.stringify(twin.key)} and ${JSON.stringify(key)} name the same image (${parsed.reference.canonical}); give one`,
      });
      continue;
    }
    entries.push({ key, reference: parsed.reference, config: answerConfig(record[key] as ImageConfig | SourcedImageConfig), used: false });
  }
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest], diagnostics: [] };
  return { ok: true, table: { entries, others } };
}

/**
 * The config of the entry naming the same image as `reference`, marking the entry used.
 *
 * @param table - From {@link imageTable}.
 * @param reference - A parsed image reference of the input.
 * @returns The config, or `undefined` when no entry names that image.
 */
export function findImage(table: ImageTable, reference: ImageReference): ImageConfig | undefined {
  for (const entry of table.entries) {
    if (!sameImage(entry.reference, reference)) continue;
    entry.used = true;
    return entry.config;
  }
  return undefined;
}

/**
 * The config given under `key` itself (a reference key by its text, or an `otherKey`), marking it used.
 *
 * @param table - From {@link imageTable}.
 * @param key - The exact key (a Compose service name).
 */
export function findImageKey(table: ImageTable, key: string): ImageConfig | undefined {
  const other = table.others.get(key);
  if (other !== undefined) {
    other.used = true;
    return other.config;
  }
  const entry = table.entries.find((e) => e.key === key);
  if (entry !== undefined) entry.used = true;
  return entry?.config;
}

/**
 * One `image-config-unused` warning per entry nothing asked for.
 *
 * @param table - From {@link imageTable}, after the lookups.
 * @param users - What would have used it, for the message: `'no FROM'`, `'no container'`…
 */
export function unusedImageDiagnostics(table: ImageTable, users: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const unused = (key: string, name: string): Diagnostic => ({
    code: 'image-config-unused',
    severity: 'warning',
    message: `the image config given for ${JSON.stringify(key)} is not used: ${users} names ${name}`,
  });
  for (const entry of table.entries) if (!entry.used) out.push(unused(entry.key, entry.reference.familiar));
  for (const [key, other] of table.others) if (!other.used) out.push(unused(key, key));
  return out;
}
