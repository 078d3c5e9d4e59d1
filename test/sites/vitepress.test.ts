import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkTable } from './check-table.js';
import { DOCKER_DOCS_CELLS, SEED_CELLS, libraryCells, seedPageWithFence, type ExpectedTable } from './expected.js';
import { readCodeBlocks, readTables, readText } from './html-tables.js';

// A real `vitepress build` (VitePress 1.6.4, sites/vitepress/package-lock.json): VitePress renders
// Markdown with markdown-it, so the tables come from container-argv/markdown-it, installed from the
// packed tarball (scripts/sites.sh build).
const SITE = fileURLToPath(new URL('../../sites/vitepress/docs/', import.meta.url));
const page = (name: string) => `${SITE}.vitepress/dist/${name}.html`;

/** The tables of docs/table-variants.md, in page order. */
const VARIANTS: ExpectedTable[] = [
  { meta: 'preset=docker-docs', cells: DOCKER_DOCS_CELLS, align: 'left', rowHeader: 'strong', heading: "The Docker reference's labels" },
  { meta: 'cells=argv (in a ::: tip container)', cells: libraryCells({ cells: 'argv' }), align: null, rowHeader: 'strong', inside: /^div\.tip\.custom-block$/, heading: 'The exact argv, inside a custom container' },
  { meta: 'preset=docker-docs cells=argv (in a ::: details container)', cells: libraryCells({ preset: 'docker-docs', cells: 'argv' }), align: 'left', rowHeader: 'strong', inside: /^details\.details\.custom-block$/, heading: "The Docker reference's labels, exact argv" },
  { meta: 'os=windows', cells: libraryCells({ os: 'windows' }), align: null, rowHeader: 'strong', heading: 'Windows' },
  { meta: 'os=windows cells=argv (inside an HTML <div>)', cells: libraryCells({ os: 'windows', cells: 'argv' }), align: null, rowHeader: 'strong', inside: /^div\.argv-table-wrapper$/, heading: 'Next to HTML' },
  { meta: 'format=html', cells: SEED_CELLS, align: null, rowHeader: 'th', heading: 'As raw HTML' },
];

describe('VitePress: the seed page (docs/docker-advanced.md)', () => {
  test('the page is the seed document with its table replaced by the fence', () => {
    expect(readFileSync(`${SITE}docker-advanced.md`, 'utf8')).toBe(seedPageWithFence());
  });

  test('its one table is the seed table, cell by cell', () => {
    const tables = readTables(page('docker-advanced'));
    expect(tables).toHaveLength(1);
    checkTable(tables[0], { meta: 'preset=seed', cells: SEED_CELLS, align: null, rowHeader: 'strong', heading: 'ENTRYPOINT vs CMD' });
  });

  test('the rest of the page is rendered and no fence is left', () => {
    const text = readText(page('docker-advanced'));
    expect(text).toContain('If you build and run the above Dockerfile with the parts marked as comments deactivated');
    expect(text).toContain('ENTRYPOINT corresponds to the command');
    expect(text).not.toContain('entrypoint-cmd-table');
  });
});

describe('VitePress: docs/table-variants.md (custom containers, Vue, HTML)', () => {
  const tables = readTables(page('table-variants'));

  test('has one table per fence', () => {
    expect(tables).toHaveLength(VARIANTS.length);
  });

  test.for(VARIANTS.map((want, i) => [want.meta, i] as const))('%s', ([, i]) => {
    checkTable(tables[i], VARIANTS[i]!);
  });

  test('Vue interpolation and a component next to the tables render, and the docker code block is left alone', () => {
    const text = readText(page('table-variants'));
    expect(text).toContain('Every table on this page is computed by container-argv when the site is built. generated');
    expect(readCodeBlocks(page('table-variants')).map((b) => b.replace(/\s+/g, ' ').trim())).toEqual(['ENTRYPOINT ["a", "b"] CMD ["x", "y"]']);
  });
});
