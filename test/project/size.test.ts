import { beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error -- plain ESM script without types
import { readBudgets, sizeReport } from '../../scripts/size.mjs';

// Package suite (vitest.package.config.ts, after the build): every row of scripts/size-budgets.json
// measured on dist/ (esbuild, browser, min+gzip) against its budget, as `npm run size` does.

interface Row {
  readonly entry: string;
  readonly names: readonly string[] | '*';
  readonly budgetKB: number;
  readonly packages?: readonly string[];
}
interface Measured extends Row {
  readonly skipped?: string;
  readonly ok?: boolean;
  readonly problems?: readonly string[];
  readonly gzip?: number;
  readonly budget?: number;
  /** npm packages found in the bundle. */
  readonly bundled?: readonly string[];
}

const rows = (readBudgets() as Row[]).map((row) => ({ row, label: `${row.entry} ${row.names === '*' ? '(everything)' : row.names.join(' + ')}` }));
let report: { readonly rows: readonly Measured[]; readonly missing: readonly string[] };

beforeAll(async () => {
  report = await sizeReport();
}, 120_000);

describe('bundle-size budgets (scripts/size-budgets.json)', () => {
  test.for(rows.map((r, i) => [r.label, i] as const))('%s fits its budget, with only its allowed packages', ([, i]) => {
    const got = report.rows[i]!;
    if (got.skipped !== undefined) return; // a subpath not built yet (printed by `npm run size`)
    expect(got.problems, `${String(got.gzip)} B min+gzip, budget ${String(got.budget)} B`).toEqual([]);
    expect(got.ok).toBe(true);
  });

  test('the core imports carry neither zod nor yaml', () => {
    const core = report.rows.filter(
      (r) => r.entry === '.' && Array.isArray(r.names) && ['parseCommand', 'evaluateDockerfile', 'resolveDockerRun'].some((n) => r.names.includes(n)),
    );
    expect(core.length).toBeGreaterThanOrEqual(5);
    for (const r of core) expect(r.bundled, String(r.names)).toEqual([]);
  });

  test('every runtime export of the main entry has a row of its own', () => {
    expect(report.missing).toEqual([]);
  });
});
