// Compares the catalog (src/catalog/data.ts, through lookupCatalog) with registry records
// sampled from docker-library/repo-info (scripts/catalog/inputs/cross-check.json).
//
//   npx tsx scripts/catalog/cross-check.ts [--extra scripts/catalog/inputs]
//
// A record prints an Entrypoint line only for a non-empty list, so an absent line matches null
// and []; Default Command and SHELL lines are printed whenever the value is set.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { lookupCatalog } from '../../src/catalog/index.js';
import type { ImageConfig } from '../../src/core/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A recorded value: a list, or `'absent'` when the record has no line for it. */
export type RecordedList = readonly string[] | 'absent';

/** One sampled registry record. */
export interface CrossCheckFact {
  readonly ref: string;
  readonly platform: string;
  readonly entrypoint: RecordedList;
  readonly cmd: RecordedList;
  readonly shell: RecordedList;
  /** Date of the record's newest history entry (YYYY-MM-DD). */
  readonly recorded: string;
  readonly source: { readonly repo: string; readonly path: string; readonly commit: string };
  readonly note?: string;
  /** Why the catalog is expected to differ from this record (drift, a nearest snapshot…). */
  readonly expectedMismatch?: string;
}

/** The outcome for one fact. */
export interface CrossCheckRow {
  readonly fact: CrossCheckFact;
  readonly outcome: 'agree' | 'mismatch' | 'not-answered';
  /** Fields that differ, as `field: record … catalog …`. */
  readonly differences: readonly string[];
  /** The catalog's failure code when not answered. */
  readonly code?: string;
  readonly exact?: boolean;
}

const show = (v: unknown): string => JSON.stringify(v);

/** True when the catalog value is what the record line (or its absence) says. */
function sameValue(field: 'entrypoint' | 'cmd' | 'shell', recorded: RecordedList, value: readonly string[] | null | undefined): boolean {
  if (recorded === 'absent') return value == null || (field === 'entrypoint' && value.length === 0);
  return value != null && value.length === recorded.length && value.every((w, i) => w === recorded[i]);
}

/** Compares one fact with the catalog. */
export function checkFact(fact: CrossCheckFact): CrossCheckRow {
  const found = lookupCatalog(fact.ref, { platform: fact.platform });
  if (!found.ok) return { fact, outcome: 'not-answered', differences: [], code: found.issues[0].code };
  const config: ImageConfig = found.config;
  const differences: string[] = [];
  for (const field of ['entrypoint', 'cmd', 'shell'] as const) {
    if (!sameValue(field, fact[field], config[field])) differences.push(`${field}: record ${show(fact[field])}, catalog ${show(config[field] ?? null)}`);
  }
  return { fact, outcome: differences.length === 0 ? 'agree' : 'mismatch', differences, exact: found.source.exact };
}

/** Reads the sampled facts. */
export function readCrossCheck(dir = join(ROOT, 'scripts/catalog/inputs')): CrossCheckFact[] {
  return (JSON.parse(readFileSync(join(dir, 'cross-check.json'), 'utf8')) as { facts: CrossCheckFact[] }).facts;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--extra');
  const facts = readCrossCheck(i > 0 && process.argv[i + 1] !== undefined ? resolve(process.argv[i + 1] as string) : undefined);
  const rows = facts.map(checkFact);
  const count = (o: CrossCheckRow['outcome']) => rows.filter((r) => r.outcome === o).length;
  const images = new Set(facts.map((f) => f.ref.replace(/:[^:/]*$/, '')));
  console.log(`${facts.length} records, ${images.size} images: ${count('agree')} agree, ${count('mismatch')} differ, ${count('not-answered')} not answered`);
  for (const r of rows) {
    if (r.outcome === 'agree') continue;
    const why = r.fact.expectedMismatch !== undefined ? ` (expected: ${r.fact.expectedMismatch})` : '';
    console.log(`  ${r.outcome} ${r.fact.ref} ${r.fact.platform} [${r.fact.recorded}]${r.code !== undefined ? ` ${r.code}` : ''} ${r.differences.join('; ')}${why}`);
  }
}
