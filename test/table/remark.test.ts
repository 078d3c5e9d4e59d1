import { readFileSync } from 'node:fs';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { entrypointCmdTable, renderTable } from '../../src/index.js';
import remarkDefault, { entrypointCmdTableNode, parseTableMeta, remarkEntrypointCmdTable } from '../../src/table/remark.js';

// Source: the seed document the project started from; its table is the plugin's preset=seed output.
const SEED = readFileSync(new URL('../../../shared/seed/docker-advanced.md', import.meta.url), 'utf8');
const SEED_TABLE = SEED.split('\n').filter((l) => l.startsWith('|'));

async function toMarkdown(md: string): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkGfm).use(remarkEntrypointCmdTable).use(remarkStringify).process(md);
  return String(file);
}

async function toHtml(md: string): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkGfm).use(remarkEntrypointCmdTable).use(remarkRehype).use(rehypeStringify).process(md);
  return String(file);
}

/**
 * What remark-stringify legitimately changes in a GFM table, undone:
 * - it escapes `[` in text as `\[` (it could start a link reference), and
 * - it pads every column to its widest cell, so the escapes widen columns.
 * Cells are compared trimmed, and the delimiter row by its alignment only.
 */
function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim().replaceAll('\\[', '['))
    .map((c) => (/^:?-+:?$/.test(c) ? c.replace(/-+/, '---') : c));
}

describe('remarkEntrypointCmdTable', () => {
  test('SEED_TABLE has the 5 table lines of the seed document', () => {
    expect(SEED_TABLE).toHaveLength(5);
  });

  test('preset=seed through remark-parse + remark-gfm + remark-stringify equals the seed table', async () => {
    const out = await toMarkdown('Before.\n\n```entrypoint-cmd-table preset=seed\n```\n\nAfter.\n');
    const lines = out.split('\n');
    const table = lines.filter((l) => l.startsWith('|'));
    expect(table.map(cellsOf)).toEqual(SEED_TABLE.map(cellsOf));
    expect(lines[0]).toBe('Before.');
    expect(lines.at(-2)).toBe('After.');
  });

  test('is the default export too, as remark plugins are (`remarkPlugins: [plugin]`)', async () => {
    expect(remarkDefault).toBe(remarkEntrypointCmdTable);
    const file = await unified().use(remarkParse).use(remarkGfm).use(remarkDefault, { cells: 'argv' }).use(remarkStringify).process('```entrypoint-cmd-table\n```\n');
    expect(String(file)).toContain('| **NO CMD**');
  });

  test('row labels are strong nodes; the header corner is empty', () => {
    const node = entrypointCmdTableNode();
    expect(node.type).toBe('table');
    expect(node.align).toEqual([null, null, null, null]);
    const [header, first] = node.children!;
    expect(header!.children![0]).toEqual({ type: 'tableCell', children: [] });
    expect(first!.children![0]).toEqual({
      type: 'tableCell',
      children: [{ type: 'strong', children: [{ type: 'text', value: 'NO CMD' }] }],
    });
  });

  test('preset=docker-docs is left-aligned and uses the reference labels', async () => {
    const out = await toMarkdown('```entrypoint-cmd-table preset=docker-docs\n```\n');
    expect(out).toContain('| :-');
    expect(out).toContain('**No CMD**');
    expect(out).toContain('error, not allowed');
  });

  test('fences nested in lists and block quotes are replaced too', async () => {
    const out = await toMarkdown('- item\n\n  ```entrypoint-cmd-table\n  ```\n\n> ```entrypoint-cmd-table cells=argv\n> ```\n');
    expect(out).not.toContain('entrypoint-cmd-table');
    expect(out).toContain('  | **NO CMD**');
    expect(out).toContain('> | **NO CMD**');
  });

  test('other code blocks are left alone', async () => {
    expect(await toMarkdown('```docker\nCMD ["x"]\n```\n')).toBe('```docker\nCMD ["x"]\n```\n');
  });

  test('rehype pipeline: the HTML has every cell', async () => {
    const html = await toHtml('```entrypoint-cmd-table cells=argv\n```\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<td><strong>NO CMD</strong></td>');
    for (const row of entrypointCmdTable({ cells: 'argv' }).rows) {
      for (const cell of row.cells) expect(html).toContain(`<td>${cell.text}</td>`);
    }
  });

  test('format=html inserts the renderTable HTML as an html node', async () => {
    const out = await toMarkdown('```entrypoint-cmd-table format=html\n```\n');
    expect(out).toBe(renderTable(entrypointCmdTable(), { format: 'html' }));
  });

  test('format=html reaches rehype as a <table> element, not a raw node (MDX cannot compile raw HTML)', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkEntrypointCmdTable)
      .use(() => (tree) => {
        expect((tree as unknown as { children: unknown[] }).children[0]).toMatchObject({ type: 'html', data: { hName: 'table' } });
      })
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(() => (tree) => {
        const children = (tree as unknown as { children: { type: string; tagName?: string }[] }).children;
        expect(children.map((c) => (c.type === 'element' ? c.tagName : c.type))).toEqual(['table']);
      })
      .use(rehypeStringify)
      .process('```entrypoint-cmd-table format=html cells=argv\n```\n');
    const flat = renderTable(entrypointCmdTable({ cells: 'argv' }), { format: 'html' }).replace(/\n\s*/g, '');
    // Same elements and text; rehype-stringify leaves `"` unescaped in text, renderTable writes &quot;.
    expect(String(file)).toBe(flat.replaceAll('&quot;', '"'));
  });

  test('plugin options are defaults; the fence meta wins', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkEntrypointCmdTable, { preset: 'docker-docs', cells: 'argv' })
      .use(remarkStringify)
      .process('```entrypoint-cmd-table cells=plain\n```\n');
    expect(String(file)).toContain('error, not allowed');
  });

  test.for([
    ['preset=nope', 'entrypoint-cmd-table: invalid preset="nope" in the fence meta (expected one of seed, docker-docs)'],
    ['colour=red', 'entrypoint-cmd-table: unknown option "colour" in the fence meta (expected one of preset, cells, format, engine, builder, os, engine-version)'],
    ['seed', 'entrypoint-cmd-table: expected key=value in the fence meta, got "seed"'],
    ['engine-version="27', 'entrypoint-cmd-table: unterminated quote in the value of "engine-version"'],
  ] as const)('bad meta %j fails the file with the block position', async ([meta, reason]) => {
    const run = toMarkdown(`Intro.\n\n\`\`\`entrypoint-cmd-table ${meta}\n\`\`\`\n`);
    await expect(run).rejects.toMatchObject({ reason, line: 3, column: 1 });
  });

  test('a non-empty fence body is reported as a message, not an error', async () => {
    const file = await unified().use(remarkParse).use(remarkGfm).use(remarkEntrypointCmdTable).use(remarkStringify).process('```entrypoint-cmd-table\npreset=seed\n```\n');
    expect(file.messages.map((m) => [m.reason, m.line])).toEqual([['entrypoint-cmd-table: the fence body is ignored; put options in the fence meta', 1]]);
  });

  test.for([
    ['', {}],
    ['preset=seed  cells=argv', { preset: 'seed', cells: 'argv' }],
    ['engine=podman engine-version="4.3"', { engine: 'podman', 'engine-version': '4.3' }],
  ] as const)('parseTableMeta(%j)', ([meta, expected]) => {
    expect(parseTableMeta(meta)).toEqual(expected);
  });
});
