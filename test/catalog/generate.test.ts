import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkFact, readCrossCheck } from '../../scripts/catalog/cross-check.js';
import { defaultSnapshot, generate } from '../../scripts/catalog/generate.js';
import { INPUT_FILES, readFacts } from '../../scripts/catalog/inputs.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INPUTS = `${ROOT}scripts/catalog/inputs`;
const DATA_FILE = `${ROOT}src/catalog/data.ts`;
const SNAPSHOT = defaultSnapshot();
const haveSnapshot = existsSync(`${SNAPSHOT}/MANIFEST.tsv`);

describe('scripts/catalog/generate.ts', () => {
  // The official-images snapshot (../shared/official-images, 1,655 Dockerfiles) is not part of the
  // repository; without it the data cannot be rebuilt here, only used.
  test.skipIf(!haveSnapshot)(
    'src/catalog/data.ts is exactly what the committed inputs and the official-images snapshot generate',
    () => {
      const { text } = generate({ officialImages: SNAPSHOT, extra: INPUTS, out: DATA_FILE });
      expect(text === readFileSync(DATA_FILE, 'utf8'), 'run: npx tsx scripts/catalog/generate.ts').toBe(true);
    },
    120_000,
  );

  test('every recorded fact names a repository, a path and a 40-hex commit', () => {
    for (const name of [INPUT_FILES.records, INPUT_FILES.bases]) {
      for (const f of readFacts(INPUTS, name).facts) {
        expect(f.source.repo, f.ref).toMatch(/^[\w.-]+\/[\w.-]+$/);
        expect(f.source.path.length, f.ref).toBeGreaterThan(0);
        expect(f.source.commit, f.ref).toMatch(/^[0-9a-f]{40}$/);
        expect(f.basis.length, f.ref).toBeGreaterThan(10);
      }
    }
  });
});

describe('cross-check with registry records (docker-library/repo-info, scripts/catalog/inputs/cross-check.json)', () => {
  const facts = readCrossCheck(INPUTS);

  test('the sample spans at least 40 tags of 15 images, Linux and Windows, records before 2024 and from 2026', () => {
    expect(new Set(facts.map((f) => f.ref)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(facts.map((f) => f.ref.replace(/:[^:/]*$/, ''))).size).toBeGreaterThanOrEqual(15);
    expect(facts.some((f) => f.platform.startsWith('windows/'))).toBe(true);
    expect(facts.some((f) => f.platform.startsWith('linux/'))).toBe(true);
    expect(facts.some((f) => f.recorded < '2024')).toBe(true);
    expect(facts.some((f) => f.recorded >= '2026')).toBe(true);
  });

  // Each row's truth is the record named in its source (repository, path, commit).
  test.for(facts.map((f) => [`${f.ref} ${f.platform} @${f.source.commit.slice(0, 8)}`, f] as const))('%s', ([, fact]) => {
    const row = checkFact(fact);
    expect(row.outcome).not.toBe('not-answered');
    if (fact.expectedMismatch !== undefined) expect(row.outcome, fact.expectedMismatch).toBe('mismatch');
    else expect(row.differences).toEqual([]);
  });
});
