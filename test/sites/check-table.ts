import { expect } from 'vitest';
import type { HtmlTable } from './html-tables.js';
import type { ExpectedTable } from './expected.js';

const alignOf = (attrs: Readonly<Record<string, string>>): string | null => {
  const style = attrs['style'];
  return style === undefined ? null : (/text-align:\s*(\w+)/.exec(style)?.[1] ?? null);
};

/**
 * Checks a built table against the expected one cell by cell: the text of each cell, the header
 * row in `<th>`, the row labels marked up as the format says, and the column alignment.
 */
export function checkTable(actual: HtmlTable | undefined, want: ExpectedTable): void {
  expect(actual, `no table for ${want.meta}`).toBeDefined();
  const table = actual as HtmlTable;
  expect(table.rows.map((r) => r.length), `${want.meta}: shape`).toEqual(want.cells.map((r) => r.length));
  want.cells.forEach((row, r) =>
    row.forEach((text, c) => {
      const cell = table.rows[r]![c]!;
      const at = `${want.meta}: row ${r} (${row[0] || 'header'}), column ${c} (${want.cells[0]![c] || 'labels'})`;
      expect(cell.text, at).toBe(text);
      expect(alignOf(cell.attrs), `${at}: alignment`).toBe(want.align);
      if (r === 0) {
        expect(cell.tag, `${at}: header cell`).toBe('th');
        if (want.rowHeader === 'th' && c > 0) expect(cell.attrs['scope'], at).toBe('col');
      } else if (c === 0) {
        if (want.rowHeader === 'strong') expect([cell.tag, cell.strong], `${at}: row label`).toEqual(['td', true]);
        else expect([cell.tag, cell.attrs['scope']], `${at}: row label`).toEqual(['th', 'row']);
      } else {
        expect([cell.tag, cell.strong], `${at}: plain cell`).toEqual(['td', false]);
      }
    }),
  );
  expect(table.heading, `${want.meta}: the heading before the table`).toBe(want.heading);
  if (want.inside !== undefined) expect(table.ancestors.some((a) => want.inside!.test(a)), `${want.meta}: inside ${String(want.inside)} (${table.ancestors.join(' > ')})`).toBe(true);
}
