// Generates src/catalog/data.json, the bundled base-image catalog (docs/catalog.md).
//
//   npx tsx scripts/catalog/generate.ts [--official-images ../shared/official-images]
//       [--extra scripts/catalog/inputs] [--out src/catalog/data.json] [--check] [--report]
//
// --official-images: the snapshot folder (library/, MANIFEST.tsv, SNAPSHOT.json, dockerfiles/).
// --extra: the folder of recorded facts (registry-records.json, non-hub-bases.json).
// --check: exit 1 when the output file differs from what would be written (nothing is written).
// --report: print every omitted entry with its reason.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { CatalogData, CatalogDataSource } from '../../src/catalog/format.js';
import { buildCatalog, OMISSION_REASONS, type BuildReport } from './build.js';
import { INPUT_FILES, readFacts, type ConfigFact } from './inputs.js';
import { readOfficialImages } from './library.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Command-line options of the generator. */
export interface GenerateOptions {
  readonly officialImages: string;
  readonly extra: string;
  readonly out: string;
}

/** `../shared/official-images` next to the repository (or next to the worktrees folder). */
export function defaultSnapshot(): string {
  const near = resolve(ROOT, '../shared/official-images');
  return existsSync(near) ? near : resolve(ROOT, '../../shared/official-images');
}

/** Parses `--name value` pairs and flags. */
function parseArgs(argv: readonly string[]): GenerateOptions & { check: boolean; report: boolean } {
  const value = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    if (i < 0) return fallback;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return resolve(v);
  };
  return {
    officialImages: value('--official-images', defaultSnapshot()),
    extra: value('--extra', resolve(ROOT, 'scripts/catalog/inputs')),
    out: value('--out', resolve(ROOT, 'src/catalog/data.json')),
    check: argv.includes('--check'),
    report: argv.includes('--report'),
  };
}

/** The sources list: the official-images snapshot, then each repository the facts were read from. */
function sourcesOf(commit: string, date: string, facts: readonly ConfigFact[]): CatalogDataSource[] {
  const out: CatalogDataSource[] = [
    { repository: 'docker-library/official-images', commit, date, role: 'library/<image> entries (tags, GitRepo, GitCommit, Directory, File); each entry Dockerfile evaluated at its GitCommit' },
  ];
  const roles = new Map<string, Set<string>>();
  for (const f of facts) (roles.get(f.source.repo) ?? roles.set(f.source.repo, new Set()).get(f.source.repo))?.add(f.source.commit);
  for (const [repository, commits] of [...roles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push({ repository, role: `recorded configs (${commits.size} commit${commits.size === 1 ? '' : 's'}; each entry names its own)` });
  }
  return out;
}

/** Serializes the catalog with one config and one entry per line (stable, reviewable diffs). */
export function formatCatalog(data: CatalogData): string {
  const j = (v: unknown): string => JSON.stringify(v);
  const lines: string[] = ['{'];
  lines.push(`  "format": ${j(data.format)},`, `  "date": ${j(data.date)},`);
  lines.push('  "sources": [', data.sources.map((s) => `    ${j(s)}`).join(',\n'), '  ],');
  lines.push(`  "counts": ${j(data.counts)},`);
  lines.push('  "configs": [', data.configs.map((c) => `    ${j(c)}`).join(',\n'), '  ],');
  lines.push('  "repositories": {');
  const repos = Object.keys(data.repositories).sort();
  repos.forEach((repo, i) => {
    const entries = data.repositories[repo] ?? [];
    lines.push(`    ${j(repo)}: [`, entries.map((e) => `      ${j(e)}`).join(',\n'), `    ]${i < repos.length - 1 ? ',' : ''}`);
  });
  lines.push('  }', '}');
  return `${lines.join('\n')}\n`;
}

/** Runs the whole generation; returns the file text and the build report. */
export function generate(options: GenerateOptions): { text: string; data: CatalogData; report: BuildReport } {
  const snapshot = readOfficialImages(options.officialImages);
  const records = readFacts(options.extra, INPUT_FILES.records).facts;
  const bases = readFacts(options.extra, INPUT_FILES.bases).facts;
  const sources = sourcesOf(snapshot.commit, snapshot.date, [...records, ...bases]);
  const { data, report } = buildCatalog(snapshot, { records, bases, sources });
  return { text: formatCatalog(data), data, report };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const { text, data, report } = generate(options);
  const c = data.counts;
  console.log(
    `catalog ${data.date}: ${c.repositories} repositories, ${c.entries} entries, ${c.tags} tags, ${c.configs} distinct configs, ${c.omitted} omitted ${JSON.stringify(c.omittedBy)}, ${c.inexact} inexact`,
  );
  if (options.report) {
    for (const o of report.omitted) console.log(`  omitted ${o.ref}: ${o.reason} (${OMISSION_REASONS[o.reason]})${o.blockedBy.length > 0 ? ` [${o.blockedBy.join(', ')}]` : ''}`);
  }
  if (options.check) {
    let current = '';
    try {
      current = readFileSync(options.out, 'utf8');
    } catch {
      // a missing file differs
    }
    if (current !== text) {
      console.error(`${options.out} is out of date: run npx tsx scripts/catalog/generate.ts`);
      process.exit(1);
    }
  } else writeFileSync(options.out, text);
}
