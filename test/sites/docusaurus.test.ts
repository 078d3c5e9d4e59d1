import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkTable } from './check-table.js';
import { DOCKER_DOCS_CELLS, SEED_CELLS, libraryCells, seedPageWithFence, type ExpectedTable } from './expected.js';
import { readCodeBlocks, readTables, readText } from './html-tables.js';

// A real `docusaurus build` (Docusaurus 3.10.2, sites/docusaurus/package-lock.json) of the seed page
// and an MDX page, with container-argv/remark from the packed tarball (scripts/sites.sh build).
const SITE = fileURLToPath(new URL('../../sites/docusaurus/', import.meta.url));
const page = (route: string) => `${SITE}build/${route}/index.html`;

/** The tables of docs/table-variants.mdx, in page order. */
const VARIANTS: ExpectedTable[] = [
  { meta: 'preset=docker-docs', cells: DOCKER_DOCS_CELLS, align: 'left', rowHeader: 'strong', heading: "The Docker reference's labels" },
  { meta: 'cells=argv (in a :::note admonition)', cells: libraryCells({ cells: 'argv' }), align: null, rowHeader: 'strong', inside: /^div\.theme-admonition/, heading: 'The exact argv, inside an admonition' },
  { meta: 'preset=docker-docs cells=argv (in a <TabItem>)', cells: libraryCells({ preset: 'docker-docs', cells: 'argv' }), align: 'left', rowHeader: 'strong', inside: /tabItem/, heading: 'Linux and Windows, in tabs' },
  { meta: 'os=windows (in a <TabItem>)', cells: libraryCells({ os: 'windows' }), align: null, rowHeader: 'strong', inside: /tabItem/, heading: 'Linux and Windows, in tabs' },
  { meta: 'os=windows cells=argv (inside a JSX <div>)', cells: libraryCells({ os: 'windows', cells: 'argv' }), align: null, rowHeader: 'strong', inside: /^div\.argv-table-wrapper$/, heading: 'Next to JSX' },
  { meta: 'format=html', cells: SEED_CELLS, align: null, rowHeader: 'th', heading: 'As raw HTML' },
];

describe('Docusaurus: the seed page (docs/docker-advanced.md, parsed as MDX)', () => {
  test('the page is the seed document with its table replaced by the fence', () => {
    expect(readFileSync(`${SITE}docs/docker-advanced.md`, 'utf8')).toBe(seedPageWithFence());
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

describe('Docusaurus: docs/table-variants.mdx (JSX, admonitions, tabs)', () => {
  const tables = readTables(page('table-variants'));

  test('has one table per fence', () => {
    expect(tables).toHaveLength(VARIANTS.length);
  });

  test.for(VARIANTS.map((want, i) => [want.meta, i] as const))('%s', ([, i]) => {
    checkTable(tables[i], VARIANTS[i]!);
  });

  test('the JSX component next to the tables renders, and the docker code block is left alone', () => {
    expect(readText(page('table-variants'))).toContain('Every table on this page is computed by container-argv when the site is built.');
    expect(readCodeBlocks(page('table-variants')).map((b) => b.replace(/\s+/g, ' ').trim())).toEqual(['ENTRYPOINT ["a", "b"] CMD ["x", "y"]']);
  });
});
