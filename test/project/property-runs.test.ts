import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROPERTY_RUNS, runsFrom } from '../support/property-runs.js';

// One knob for property runs (issue 12 §7): PROPERTY_RUNS, else quick locally and larger in CI.

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

  test('a test that pins numRuns to a number says why on the line above', () => {
    const root = join(import.meta.dirname, '..');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'fixtures' ? [] : files(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const unexplained = files(root).flatMap((file) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      return lines.flatMap((l, i) => (/numRuns: [\d_]+\b/.test(l) && !/^\s*\/\/ Pinned\b/.test(lines[i - 1] ?? '') ? [`${relative(root, file)}:${i + 1}`] : []));
    });
    expect(unexplained).toEqual([]);
  });
});
