import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import unitConfig from '../../vitest.config.js';
import { PROPERTY_RUNS, runsFrom } from '../support/property-runs.js';

// Rules for tests that never flake (issue 12 §7): property runs come from one knob (PROPERTY_RUNS:
// quick locally, larger in CI), and no unit test reads the clock (timing is the benchmark's job).

const TEST = join(import.meta.dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'fixtures' ? [] : files(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
/** Unit-test sources: what vitest.config.ts leaves in (the engine, browser and live registry suites are separate runs). */
const separate = (unitConfig.test?.exclude ?? []).filter((g) => g.startsWith('test/')).map((g) => g.replace(/^test\//, '').replace(/\*\*$/, ''));
const unitFiles = files(TEST)
  .filter((f) => !separate.some((dir) => relative(TEST, f).startsWith(dir)))
  .map((f) => ({ file: relative(TEST, f), lines: readFileSync(f, 'utf8').split('\n') }));

describe('PROPERTY_RUNS', () => {
  test.for([
    { env: {}, want: 100 },
    { env: { CI: 'true' }, want: 1000 },
    { env: { CI: 'false' }, want: 100 },
    { env: { CI: '' }, want: 100 },
    { env: { PROPERTY_RUNS: '25' }, want: 25 },
    { env: { PROPERTY_RUNS: '5000', CI: 'true' }, want: 5000 },
    { env: { PROPERTY_RUNS: 'many', CI: 'true' }, want: 1000 },
    { env: { PROPERTY_RUNS: '0' }, want: 100 },
  ])('$env', ({ env, want }) => {
    expect(runsFrom(env)).toBe(want);
  });

  test('test/setup.ts makes it the global numRuns', () => {
    expect(fc.readConfigureGlobal().numRuns).toBe(PROPERTY_RUNS);
  });

  // The `// Pinned` comment sits above the statement, which a formatter may break over a few lines
  // (`test.prop(`, its arbitraries, then the options object): it is looked for up to 3 lines higher.
  const pinnedAbove = (lines: readonly string[], i: number): boolean => {
    for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
      if (/^\s*\/\/ Pinned\b/.test(lines[j] ?? '')) return true;
      if ((lines[j] ?? '').trim() === '' || /[;}]\s*$/.test(lines[j] ?? '')) return false;
    }
    return false;
  };

  test('a test that pins numRuns to a number says why just above its statement', () => {
    const unexplained = unitFiles.flatMap(({ file, lines }) => lines.flatMap((l, i) => (/numRuns: [\d_]+\b/.test(l) && !pinnedAbove(lines, i) ? [`${file}:${i + 1}`] : [])));
    expect(unexplained).toEqual([]);
  });
});

describe('no wall clock in unit tests', () => {
  test('the separate suites are known', () => {
    expect(separate).toEqual(expect.arrayContaining(['engine/', 'e2e/']));
  });

  test('no unit test reads the clock', () => {
    const clock = /\b(?:performance\.now|Date\.now|process\.hrtime)\b/;
    const found = unitFiles.flatMap(({ file, lines }) => lines.flatMap((l, i) => (clock.test(l) ? [`${file}:${i + 1}`] : [])));
    expect(found).toEqual([]);
  });
});
