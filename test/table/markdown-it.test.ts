import MarkdownIt from 'markdown-it';
import { describe, expect, test, vi } from 'vitest';
import { entrypointCmdTable, renderTable, type EntrypointCmdTableOptions } from '../../src/table/table.js';
import markdownItDefault, { markdownItEntrypointCmdTable, type MarkdownItEntrypointCmdTableOptions } from '../../src/table/markdown-it.js';

function render(page: string, options?: MarkdownItEntrypointCmdTableOptions, env?: object): string {
  return new MarkdownIt().use(markdownItEntrypointCmdTable, options).render(page, env);
}

/** What markdown-it's own GFM table rule makes of renderTable's Markdown: the plugin must render the same HTML. */
function gfm(options: EntrypointCmdTableOptions = {}): string {
  return new MarkdownIt().render(renderTable(entrypointCmdTable(options)));
}

describe('markdownItEntrypointCmdTable', () => {
  test('is the default export too (md.use(plugin))', () => {
    expect(markdownItDefault).toBe(markdownItEntrypointCmdTable);
  });

  test.for<[string, EntrypointCmdTableOptions]>([
    ['', {}],
    ['preset=seed', { preset: 'seed' }],
    ['preset=docker-docs', { preset: 'docker-docs' }],
    ['cells=argv', { cells: 'argv' }],
    ['preset=docker-docs cells=argv', { preset: 'docker-docs', cells: 'argv' }],
    ['os=windows', { os: 'windows' }],
    ['engine=podman engine-version="4.3"', { engine: 'podman', engineVersion: '4.3' }],
    ['builder=classic engine-version=20.10', { builder: 'classic', engineVersion: '20.10' }],
  ])('meta %j renders what markdown-it renders for the same table written in Markdown', ([meta, options]) => {
    expect(render(`\`\`\`entrypoint-cmd-table ${meta}\n\`\`\`\n`)).toBe(gfm(options));
  });

  test('the text around the fence is kept, in order', () => {
    expect(render('Before.\n\n```entrypoint-cmd-table\n```\n\nAfter.\n')).toBe(`<p>Before.</p>\n${gfm()}<p>After.</p>\n`);
  });

  test('row labels are <strong>, the header corner is empty, docker-docs columns are left-aligned', () => {
    expect(render('```entrypoint-cmd-table\n```\n')).toContain('<tr>\n<th></th>\n<th>No ENTRYPOINT</th>');
    expect(render('```entrypoint-cmd-table\n```\n')).toContain('<td><strong>NO CMD</strong></td>');
    expect(render('```entrypoint-cmd-table preset=docker-docs\n```\n')).toContain('<th style="text-align:left">No ENTRYPOINT</th>');
  });

  test('format=html inserts the renderTable HTML block', () => {
    expect(render('```entrypoint-cmd-table format=html cells=argv\n```\n')).toBe(renderTable(entrypointCmdTable({ cells: 'argv' }), { format: 'html' }));
  });

  test('fences nested in lists and block quotes are replaced too; other fences are left alone', () => {
    const html = render('- item\n\n  ```entrypoint-cmd-table\n  ```\n\n> ```entrypoint-cmd-table cells=argv\n> ```\n\n```docker\nCMD ["x"]\n```\n');
    expect(html).not.toContain('entrypoint-cmd-table');
    expect(html).toContain(`<li>\n<p>item</p>\n${gfm()}</li>`);
    expect(html).toContain(`<blockquote>\n${gfm({ cells: 'argv' })}</blockquote>`);
    expect(html).toContain('<pre><code class="language-docker">CMD [&quot;x&quot;]\n</code></pre>');
  });

  test('plugin options are defaults; the fence meta wins', () => {
    expect(render('```entrypoint-cmd-table cells=plain\n```\n', { preset: 'docker-docs', cells: 'argv' })).toBe(gfm({ preset: 'docker-docs' }));
  });

  test.for([
    ['preset=nope', 'docs/a.md:3: entrypoint-cmd-table: invalid preset="nope" in the fence meta (expected one of seed, docker-docs)'],
    ['seed', 'docs/a.md:3: entrypoint-cmd-table: expected key=value in the fence meta, got "seed"'],
    ['engine-version="27', 'docs/a.md:3: entrypoint-cmd-table: unterminated quote in the value of "engine-version"'],
  ] as const)('bad meta %j throws with the file (env.relativePath) and line', ([meta, message]) => {
    expect(() => render(`Intro.\n\n\`\`\`entrypoint-cmd-table ${meta}\n\`\`\`\n`, {}, { relativePath: 'docs/a.md' })).toThrow(new Error(message));
  });

  test('without a file name the error starts at the line', () => {
    expect(() => render('```entrypoint-cmd-table preset=nope\n```\n')).toThrow(/^line 1: entrypoint-cmd-table: invalid preset/);
  });

  test('a non-empty fence body goes to onWarning, and the table is still rendered', () => {
    const onWarning = vi.fn();
    expect(render('\n```entrypoint-cmd-table\npreset=seed\n```\n', { onWarning })).toBe(gfm());
    expect(onWarning.mock.calls).toEqual([['entrypoint-cmd-table: the fence body is ignored; put options in the fence meta', 2]]);
  });

  test('options that are not an object are a TypeError', () => {
    expect(() => new MarkdownIt().use(markdownItEntrypointCmdTable, null as never)).toThrow(new TypeError('options must be an object'));
  });
});
