/**
 * `container-argv/remark`: a remark plugin that replaces a fenced code block
 *
 * ````md
 * ```entrypoint-cmd-table preset=seed cells=plain
 * ```
 * ````
 *
 * with the computed ENTRYPOINT × CMD table as a GFM table node (row labels in
 * `strong`), or as an HTML node with `format=html`. Pure and browser-safe: it
 * builds mdast nodes itself and has no runtime dependencies. Use it after
 * remark-gfm so the table is printed as GFM.
 */
import { entrypointCmdTable, type EntrypointCmdTableOptions } from './table.js';
import { ENTRYPOINT_CMD_TABLE_LANG, FENCE_BODY_IGNORED, checkTableFenceOptions, resolveTableFence, tableFenceHtml, type TableFenceOptions } from './fence.js';

export { ENTRYPOINT_CMD_TABLE_LANG, parseTableMeta } from './fence.js';
export type { TableFenceOptions } from './fence.js';

/** Options of {@link remarkEntrypointCmdTable}; the fence meta overrides them per block. */
export type RemarkEntrypointCmdTableOptions = TableFenceOptions;

/** A unist point (1-based line and column). */
export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset?: number;
}
/** A unist position (start and end points). */
export interface Position {
  readonly start: Point;
  readonly end: Point;
}

/** A markdown (mdast) node, structurally: the plugin needs no mdast dependency. */
export interface MdastNode {
  type: string;
  children?: MdastNode[];
  value?: string;
  lang?: string | null;
  meta?: string | null;
  align?: ('left' | 'right' | 'center' | null)[];
  position?: Position;
  /** mdast-util-to-hast hints: the `format=html` node carries its table as hast, for MDX (which has no raw HTML). */
  data?: { hName?: string; hChildren?: HastNode[] };
}

/** A hast (HTML syntax tree) node, structurally. */
export interface HastNode {
  type: 'element' | 'text';
  tagName?: string;
  properties?: Record<string, string>;
  children?: HastNode[];
  value?: string;
}

/** A markdown (mdast) root. */
export interface MdastRoot extends MdastNode {
  children: MdastNode[];
}

/** What the plugin needs of a vfile: `fail` for bad options (it throws), `message` for warnings. */
export interface VFileLike {
  fail(reason: string, place?: MdastNode): never;
  message(reason: string, place?: MdastNode): unknown;
}

function text(value: string): MdastNode {
  return { type: 'text', value };
}

function cell(children: MdastNode[]): MdastNode {
  return { type: 'tableCell', children };
}

/**
 * Builds the GFM table (mdast) for table options: a header row with the
 * ENTRYPOINT forms, then one row per CMD form with its label in `strong`.
 */
export function entrypointCmdTableNode(options: EntrypointCmdTableOptions = {}): MdastNode {
  const table = entrypointCmdTable(options);
  const align = table.align === 'left' ? 'left' : null;
  const header: MdastNode = { type: 'tableRow', children: [cell([]), ...table.columns.map((c) => cell([text(c.label)]))] };
  const rows = table.rows.map((r): MdastNode => ({
    type: 'tableRow',
    children: [cell([{ type: 'strong', children: [text(r.label)] }]), ...r.cells.map((c) => cell([text(c.text)]))],
  }));
  return { type: 'table', align: header.children!.map(() => align), children: [header, ...rows] };
}

function element(tagName: string, children: HastNode[], properties: Record<string, string> = {}): HastNode {
  return { type: 'element', tagName, properties, children };
}

/** The children of the `format=html` `<table>` as hast: the same elements as renderTable's HTML. */
function tableHast(options: EntrypointCmdTableOptions): HastNode[] {
  const table = entrypointCmdTable(options);
  const words = (value: string): HastNode[] => [{ type: 'text', value }];
  const head = element('tr', [element('th', []), ...table.columns.map((c) => element('th', words(c.label), { scope: 'col' }))]);
  const rows = table.rows.map((r) => element('tr', [element('th', words(r.label), { scope: 'row' }), ...r.cells.map((c) => element('td', words(c.text)))]));
  return [element('thead', [head]), element('tbody', rows)];
}

/**
 * `format=html`: an `html` node (remark-stringify prints its HTML; rehype-raw parses it) whose
 * `data.hName`/`hChildren` make mdast-util-to-hast emit a real `<table>` element instead of a
 * `raw` node, which MDX (Docusaurus) cannot compile ("Cannot handle unknown node `raw`").
 */
function htmlTableNode(options: EntrypointCmdTableOptions): MdastNode {
  return { type: 'html', value: tableFenceHtml(options), data: { hName: 'table', hChildren: tableHast(options) } };
}

function nodeFor(code: MdastNode, defaults: RemarkEntrypointCmdTableOptions, file: VFileLike): MdastNode {
  const fence = resolveTableFence(code.meta ?? '', defaults);
  if (typeof fence === 'string') return file.fail(`${ENTRYPOINT_CMD_TABLE_LANG}: ${fence}`, code);
  if ((code.value ?? '').trim() !== '') file.message(FENCE_BODY_IGNORED, code);
  const node: MdastNode = fence.format === 'html' ? htmlTableNode(fence.table) : entrypointCmdTableNode(fence.table);
  if (code.position !== undefined) node.position = code.position;
  return node;
}

/**
 * Replaces every ```` ```entrypoint-cmd-table ```` fenced block (at any depth)
 * with the generated table. Options set defaults; the fence meta (`preset=…
 * cells=… format=md|html engine=… engine-version=… builder=… os=…`) overrides
 * them. Bad meta fails the file with the block's position.
 *
 * @example
 * import { unified } from 'unified';
 * import remarkParse from 'remark-parse';
 * import remarkGfm from 'remark-gfm';
 * import remarkStringify from 'remark-stringify';
 * import remarkEntrypointCmdTable from 'container-argv/remark';
 *
 * const md = await unified().use(remarkParse).use(remarkGfm).use(remarkEntrypointCmdTable).use(remarkStringify)
 *   .process('```entrypoint-cmd-table preset=seed\n```\n');
 */
export function remarkEntrypointCmdTable(options: RemarkEntrypointCmdTableOptions = {}) {
  checkTableFenceOptions(options);
  return (tree: MdastRoot, file: VFileLike): undefined => {
    // Iterative walk (no recursion on document depth).
    const stack: MdastNode[] = [tree];
    while (stack.length > 0) {
      const parent = stack.pop()!;
      const children = parent.children;
      if (children === undefined) continue;
      for (let i = 0; i < children.length; i++) {
        const child = children[i]!;
        if (child.type === 'code' && child.lang === ENTRYPOINT_CMD_TABLE_LANG) children[i] = nodeFor(child, options, file);
        else if (child.children !== undefined) stack.push(child);
      }
    }
    return undefined;
  };
}

/** The plugin as the default export (`remarkPlugins: [remarkEntrypointCmdTable]`), as remark plugins are. */
export default remarkEntrypointCmdTable;
