import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkTable } from './check-table.js';
import { SEED_CELLS, seedPageWithFence, type ExpectedTable } from './expected.js';
import { readCodeBlocks, readTables, readText } from './html-tables.js';

/** One built docs site: where its sources and built pages are, and what its variants page holds. */
export interface BuiltSite {
  /** `Docusaurus`, `VitePress`: the first word of each suite's name. */
  readonly name: string;
  /** The seed page's Markdown source. */
  readonly seedSource: string;
  /** The built HTML file of a page, by its route. */
  readonly page: (route: string) => string;
  /** The variants page: its title in the suite, and its tables in page order. */
  readonly variantsTitle: string;
  readonly variants: readonly ExpectedTable[];
  /** A sentence of the component (JSX, Vue) next to the tables, as the built page reads. */
  readonly componentText: string;
  readonly componentTitle: string;
}

/** The checks every site gets: the seed page cell by cell, then each table of the variants page. */
export function describeBuiltSite(site: BuiltSite): void {
  describe(`${site.name}: the seed page (docs/docker-advanced.md)`, () => {
    test('the page is the seed document with its table replaced by the fence', () => {
      expect(readFileSync(site.seedSource, 'utf8')).toBe(seedPageWithFence());
    });

    test('its one table is the seed table, cell by cell', () => {
      const tables = readTables(site.page('docker-advanced'));
      expect(tables).toHaveLength(1);
      checkTable(tables[0], { meta: 'preset=seed', cells: SEED_CELLS, align: null, rowHeader: 'strong', heading: 'ENTRYPOINT vs CMD' });
    });

    test('the rest of the page is rendered and no fence is left', () => {
      const text = readText(site.page('docker-advanced'));
      expect(text).toContain('If you build and run the above Dockerfile with the parts marked as comments deactivated');
      expect(text).toContain('ENTRYPOINT corresponds to the command');
      expect(text).not.toContain('entrypoint-cmd-table');
    });
  });

  describe(`${site.name}: ${site.variantsTitle}`, () => {
    const tables = readTables(site.page('table-variants'));

    test('has one table per fence', () => {
      expect(tables).toHaveLength(site.variants.length);
    });

    test.for(site.variants.map((want, i) => [want.meta, i] as const))('%s', ([, i]) => {
      checkTable(tables[i], site.variants[i]!);
    });

    test(`${site.componentTitle} render, and the docker code block is left alone`, () => {
      expect(readText(site.page('table-variants'))).toContain(site.componentText);
      expect(readCodeBlocks(site.page('table-variants')).map((b) => b.replace(/\s+/g, ' ').trim())).toEqual(['ENTRYPOINT ["a", "b"] CMD ["x", "y"]']);
    });
  });
}
