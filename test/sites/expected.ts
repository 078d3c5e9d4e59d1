import { readFileSync } from 'node:fs';
import { entrypointCmdTable, type EntrypointCmdTableOptions } from '../../src/table/table.js';
import { DOCKER_DOCS_TABLE, SEED_PATH, SEED_TABLE_COPY, seedTable } from '../fixtures/docs-tables.js';
import { markdownCells, type HtmlTable } from './html-tables.js';

/** How a table's row labels are marked up: `**label**` in a Markdown table, `<th scope="row">` in format=html. */
export type RowHeader = 'strong' | 'th';

/** One expected table of a built page. */
export interface ExpectedTable {
  /** The fence meta that produced it, for test names. */
  readonly meta: string;
  /** Header row first (its first cell empty), then one row per CMD form; row labels first. */
  readonly cells: readonly (readonly string[])[];
  readonly align: 'left' | null;
  readonly rowHeader: RowHeader;
  /** A pattern one ancestor of the table must match (`div.admonition…`), when the page nests it. */
  readonly inside?: RegExp;
  /** The heading the table follows. */
  readonly heading: string;
}

/** Cells the library computes (src/, not the built package the sites use): header row first, row labels first. */
export function libraryCells(options: EntrypointCmdTableOptions): string[][] {
  const table = entrypointCmdTable(options);
  return [['', ...table.columns.map((c) => c.label)], ...table.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)])];
}

/** The seed document's table (read from the seed file; its copy when the file is not beside the repo). */
export const SEED_CELLS = markdownCells(seedTable() ?? SEED_TABLE_COPY);
/** The Docker reference's table as published (moby/buildkit@73ed6825 reference.md). */
export const DOCKER_DOCS_CELLS = markdownCells(DOCKER_DOCS_TABLE);

/** The seed page as the sites hold it: the seed document with its table replaced by the fence. */
export function seedPageWithFence(): string {
  const lines = readFileSync(SEED_PATH, 'utf8').split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  let last = first;
  while (lines[last + 1]?.startsWith('|')) last++;
  return [...lines.slice(0, first), '```entrypoint-cmd-table preset=seed', '```', ...lines.slice(last + 1)].join('\n');
}

/** Text of a table's cells, header row first. */
export function cellTexts(table: HtmlTable): string[][] {
  return table.rows.map((row) => row.map((c) => c.text));
}
