import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as lib from '../../src/index.js';
import { DIAGNOSTICS, entrypointCmdTable, renderTable } from '../../src/index.js';
import { TABLE_END, TABLE_START, diagnosticsMarkdown, generateDocs, tableMarkdown } from '../../scripts/gen-docs.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('generated docs are up to date (run `npx tsx scripts/gen-docs.ts` to refresh)', () => {
  test.for(Object.entries(generateDocs()))('%s', ([path, text]) => {
    expect(read(path), `${path} is stale: run \`npx tsx scripts/gen-docs.ts\` (or npm run docs)`).toBe(text);
  });

  test('the README table block equals the generator output', () => {
    const readme = read('README.md');
    const block = readme.slice(readme.indexOf(TABLE_START) + TABLE_START.length, readme.indexOf(TABLE_END));
    expect(block).toBe(`\n${renderTable(entrypointCmdTable())}\n`);
  });

  test('docs/diagnostics.md has a section for every code', () => {
    const md = diagnosticsMarkdown();
    for (const [code, info] of Object.entries(DIAGNOSTICS)) {
      expect(md).toContain(`\n## ${code}\n`);
      expect(md).toContain(info.help);
      expect(md).toContain(info.source);
    }
  });

  test('docs/entrypoint-cmd-table.md contains the seed table verbatim', () => {
    expect(tableMarkdown()).toContain(renderTable(entrypointCmdTable()));
  });
});

/**
 * The README's API section is a spec: every `expression // → value` line in its ts blocks is
 * evaluated against the library (all exports in scope) and must equal the value.
 */
function readmeApiClaims(): { line: string; expression: string; expected: string }[] {
  const readme = read('README.md');
  const api = readme.slice(readme.indexOf('\n## API\n'), readme.indexOf('\n## CLI\n'));
  const claims: { line: string; expression: string; expected: string }[] = [];
  let inTs = false;
  for (const line of api.split('\n')) {
    if (line.startsWith('```')) {
      inTs = line === '```ts';
      continue;
    }
    const at = line.indexOf(' // → ');
    if (inTs && at > 0) claims.push({ line, expression: line.slice(0, at).replace(/;$/, ''), expected: line.slice(at + 6) });
  }
  return claims;
}

describe('README API examples', () => {
  const names = Object.keys(lib);
  const values = names.map((n) => (lib as Record<string, unknown>)[n]);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluates this repository's own README examples
  const evaluate = (code: string): unknown => new Function(...names, `return (${code});`)(...values);

  test('there are examples for every exported function', () => {
    const claims = readmeApiClaims();
    expect(claims.length).toBeGreaterThan(40);
    const readme = read('README.md');
    const functions = names.filter((n) => typeof (lib as Record<string, unknown>)[n] === 'function');
    for (const name of functions) expect(readme, name).toContain(`${name}(`);
  });

  test.for(readmeApiClaims())('$expression', ({ expression, expected }) => {
    expect(evaluate(expression)).toEqual(evaluate(expected));
  });
});
