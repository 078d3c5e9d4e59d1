import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DIAGNOSTICS, entrypointCmdTable, renderTable } from '../src/index.js';
import { TABLE_END, TABLE_START, diagnosticsMarkdown, generateDocs, tableMarkdown } from '../scripts/gen-docs.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('generated docs are up to date (run `npm run docs` to refresh)', () => {
  test.for(Object.entries(generateDocs()))('%s', ([path, text]) => {
    expect(read(path), `${path} is stale: run \`npm run docs\``).toBe(text);
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
