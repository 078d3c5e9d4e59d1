/**
 * `container-argv/markdown-it`: a markdown-it plugin (VitePress, Eleventy, any
 * markdown-it renderer) that replaces a fenced code block
 *
 * ````md
 * ```entrypoint-cmd-table preset=seed cells=plain
 * ```
 * ````
 *
 * with the computed ENTRYPOINT × CMD table: table tokens, rendered like any
 * Markdown table of the page (row labels in `<strong>`), or a raw HTML block
 * with `format=html`. Same fence and options as `container-argv/remark`.
 * Pure and browser-safe; it needs no markdown-it import (tokens are made with
 * the `Token` class markdown-it hands to core rules).
 */
import { entrypointCmdTable, type EntrypointCmdTableOptions } from './table.js';
import { ENTRYPOINT_CMD_TABLE_LANG, FENCE_BODY_IGNORED, checkTableFenceOptions, resolveTableFence, tableFenceHtml, type TableFenceOptions } from './fence.js';

export { ENTRYPOINT_CMD_TABLE_LANG, parseTableMeta } from './fence.js';
export type { TableFenceOptions } from './fence.js';

/** Options of {@link markdownItEntrypointCmdTable}: those of the remark plugin, plus a warning sink. */
export interface MarkdownItEntrypointCmdTableOptions extends TableFenceOptions {
  /** Called for a fence with a body (it is ignored); `line` is 1-based. markdown-it has no warning channel of its own. */
  readonly onWarning?: (message: string, line: number | undefined) => void;
}

/** A markdown-it token, structurally (the fields this plugin reads and writes). */
export interface MarkdownItToken {
  type: string;
  tag: string;
  nesting: number;
  info: string;
  content: string;
  markup: string;
  block: boolean;
  map: [number, number] | null;
  children: MarkdownItToken[] | null;
  attrs: [string, string][] | null;
}

/** The markdown-it core state a core rule receives, structurally. */
export interface MarkdownItCoreState {
  tokens: MarkdownItToken[];
  env: unknown;
  Token: new (type: string, tag: string, nesting: 1 | 0 | -1) => MarkdownItToken;
}

/** The part of a markdown-it instance the plugin uses (`md.core.ruler`). */
export interface MarkdownItLike {
  core: {
    ruler: {
      // markdown-it ignores what a core rule returns (its types say `boolean | void`).
      after(afterName: string, ruleName: string, rule: (state: MarkdownItCoreState) => unknown): void;
    };
  };
}

type MakeToken = (type: string, tag: string, nesting: 1 | 0 | -1) => MarkdownItToken;

function cellTokens(make: MakeToken, tag: 'th' | 'td', text: string, strong: boolean, align: string | null, block: boolean): MarkdownItToken[] {
  const open = make(`${tag}_open`, tag, 1);
  if (align !== null) open.attrs = [['style', `text-align:${align}`]];
  const inline = make('inline', '', 0);
  inline.content = text;
  const word = make('text', '', 0);
  word.content = text;
  inline.children =
    text === ''
      ? []
      : strong
        ? [Object.assign(make('strong_open', 'strong', 1), { markup: '**' }), word, Object.assign(make('strong_close', 'strong', -1), { markup: '**' })]
        : [word];
  for (const t of [open, inline]) t.block = block;
  const close = make(`${tag}_close`, tag, -1);
  close.block = block;
  return [open, inline, close];
}

/** The table as markdown-it block tokens (`table_open` … `table_close`), as markdown-it's own GFM table rule makes them. */
function tableTokens(make: MakeToken, options: EntrypointCmdTableOptions, map: [number, number] | null): MarkdownItToken[] {
  const table = entrypointCmdTable(options);
  const align = table.align === 'left' ? 'left' : null;
  const block = (type: string, tag: string, nesting: 1 | 0 | -1): MarkdownItToken => Object.assign(make(type, tag, nesting), { block: true, map });
  const out: MarkdownItToken[] = [block('table_open', 'table', 1), block('thead_open', 'thead', 1), block('tr_open', 'tr', 1)];
  out.push(...cellTokens(make, 'th', '', false, align, true));
  for (const c of table.columns) out.push(...cellTokens(make, 'th', c.label, false, align, true));
  out.push(block('tr_close', 'tr', -1), block('thead_close', 'thead', -1), block('tbody_open', 'tbody', 1));
  for (const r of table.rows) {
    out.push(block('tr_open', 'tr', 1), ...cellTokens(make, 'td', r.label, true, align, true));
    for (const c of r.cells) out.push(...cellTokens(make, 'td', c.text, false, align, true));
    out.push(block('tr_close', 'tr', -1));
  }
  out.push(block('tbody_close', 'tbody', -1), block('table_close', 'table', -1));
  return out;
}

/** `info` of a fence → language and meta (markdown-it keeps them in one string). */
function splitInfo(info: string): { lang: string; meta: string } {
  const trimmed = info.trim();
  const at = trimmed.search(/[ \t]/);
  return at < 0 ? { lang: trimmed, meta: '' } : { lang: trimmed.slice(0, at), meta: trimmed.slice(at + 1) };
}

/** `file:line: ` (or `line N: `) for an error message. */
function where(state: MarkdownItCoreState, line: number | undefined): string {
  const env = state.env as { relativePath?: unknown; path?: unknown } | null | undefined;
  const file = typeof env?.relativePath === 'string' ? env.relativePath : typeof env?.path === 'string' ? env.path : '';
  if (file === '') return line === undefined ? '' : `line ${line}: `;
  return line === undefined ? `${file}: ` : `${file}:${line}: `;
}

/**
 * Installs the `entrypoint-cmd-table` fence on a markdown-it instance. Options
 * set defaults; the fence meta (`preset=… cells=… format=md|html engine=…
 * engine-version=… builder=… os=…`) overrides them. Bad meta throws an `Error`
 * naming the file (`env.relativePath`, as VitePress sets it) and line, which
 * fails the build.
 *
 * @example
 * // .vitepress/config.mts
 * import { defineConfig } from 'vitepress';
 * import entrypointCmdTable from 'container-argv/markdown-it';
 *
 * export default defineConfig({ markdown: { config: (md) => { md.use(entrypointCmdTable, { preset: 'seed' }); } } });
 */
export function markdownItEntrypointCmdTable(md: MarkdownItLike, options: MarkdownItEntrypointCmdTableOptions = {}): void {
  checkTableFenceOptions(options);
  md.core.ruler.after('inline', 'entrypoint_cmd_table', (state) => {
    const tokens = state.tokens;
    const make: MakeToken = (type, tag, nesting) => new state.Token(type, tag, nesting);
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i]!;
      if (token.type !== 'fence') continue;
      const { lang, meta } = splitInfo(token.info);
      if (lang !== ENTRYPOINT_CMD_TABLE_LANG) continue;
      const line = token.map === null ? undefined : token.map[0] + 1;
      const fence = resolveTableFence(meta, options);
      if (typeof fence === 'string') throw new Error(`${where(state, line)}${ENTRYPOINT_CMD_TABLE_LANG}: ${fence}`);
      if (token.content.trim() !== '') options.onWarning?.(FENCE_BODY_IGNORED, line);
      let replacement: MarkdownItToken[];
      if (fence.format === 'html') {
        const html = make('html_block', '', 0);
        html.content = `${tableFenceHtml(fence.table)}\n`;
        html.map = token.map;
        html.block = true;
        replacement = [html];
      } else {
        replacement = tableTokens(make, fence.table, token.map);
      }
      tokens.splice(i, 1, ...replacement);
    }
  });
}

/** The plugin as the default export (`md.use(plugin, options)`), as markdown-it plugins are. */
export default markdownItEntrypointCmdTable;
