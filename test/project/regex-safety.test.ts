import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import jsdoc from 'eslint-plugin-jsdoc';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';
import { describe, expect, test } from 'vitest';

// Linear time (issue #7, CONTRIBUTING "Parsers are single linear passes"): eslint-plugin-regexp
// refuses regular expressions with super-linear backtracking (nested or exchanging quantifiers:
// `(a+)+`, the old `(.+?)\s*$` comment-check shape) or super-linear moves (`/\s+$/` searching a long
// run of blanks). `npm run lint` applies it to the whole tree; here the two rules run alone on src/ (no
// type information: a few seconds), so `npm test` keeps the guard. They replaced this file's own audit
// of regex literals (a nested-quantifier heuristic with two reviewed exceptions, which the plugin
// proves unambiguous). Timing the parsers on adversarial inputs is the benchmark's job
// (bench/adversarial.mjs, bench/scaling.mjs): no wall clock in unit tests.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REDOS_RULES = { 'regexp/no-super-linear-backtracking': 'error', 'regexp/no-super-linear-move': 'error' } as const;
const redos = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  // The other plugins are loaded (not enabled) so that a source's `eslint-disable` comment for one of
  // their rules names a known rule; those comments are npm run lint's to check.
  overrideConfig: [
    {
      files: ['**/*.ts', '**/*.mjs'],
      languageOptions: { parser: tseslint.parser },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { regexp, '@typescript-eslint': tseslint.plugin, jsdoc },
      rules: REDOS_RULES,
    },
  ],
});

describe('regular expressions (eslint-plugin-regexp)', () => {
  test('no regex in src/ backtracks or moves super-linearly', async () => {
    const results = await redos.lintFiles(['src/**/*.ts']);
    expect(results.length).toBeGreaterThan(50);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(ROOT.length)}:${m.line}: ${m.message}`))).toEqual([]);
  }, 60_000);

  test('the rules fire on nested and exchanging quantifiers and on a quadratic search, not on disjoint separators', async () => {
    const probe = [
      'export const nested = /^(a+)+$/;',
      'export const lazyThenBlanks = /^check=(.+?)\\s*$/;',
      'export const trailingBlanks = /\\s+$/;',
      'export const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;',
      'export const digest = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;',
    ];
    const [result] = await redos.lintText(`${probe.join('\n')}\n`, { filePath: `${ROOT}src/regex-probe.ts` });
    expect(result!.messages.map((m) => [m.line, m.ruleId])).toEqual([
      [1, 'regexp/no-super-linear-backtracking'],
      [2, 'regexp/no-super-linear-backtracking'],
      [3, 'regexp/no-super-linear-move'],
    ]);
  });

  test('npm run lint (eslint.config.js) has both rules on for src/', async () => {
    const config = (await new ESLint({ cwd: ROOT }).calculateConfigForFile(`${ROOT}src/run/command-line.ts`)) as { rules: Record<string, unknown[]> };
    for (const rule of Object.keys(REDOS_RULES)) expect(config.rules[rule]?.[0], rule).toBe(2);
  }, 30_000);
});
