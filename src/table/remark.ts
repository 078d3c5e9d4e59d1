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
import { entrypointCmdTable, renderTable, type EntrypointCmdTableOptions, type TableCellStyle, type TablePreset } from './table.js';
import type { Builder, Engine, OperatingSystem } from '../core/types.js';

/** The fence language the plugin looks for. */
export const ENTRYPOINT_CMD_TABLE_LANG = 'entrypoint-cmd-table' as const;

/** Options of {@link remarkEntrypointCmdTable}; the fence meta overrides them per block. */
export interface RemarkEntrypointCmdTableOptions {
  /** Label set: `'seed'` (default) or `'docker-docs'`. Meta: `preset=`. */
  readonly preset?: TablePreset;
  /** `'plain'` (default) or `'argv'`. Meta: `cells=`. */
  readonly cells?: TableCellStyle;
  /** `'md'` (default): a GFM table node; `'html'`: an HTML node. Meta: `format=`. */
  readonly format?: 'md' | 'html';
  /** Meta: `engine=`. */
  readonly engine?: Engine;
  /** Meta: `engine-version=`. */
  readonly engineVersion?: string;
  /** Meta: `builder=`. */
  readonly builder?: Builder;
  /** Meta: `os=`. */
  readonly os?: OperatingSystem;
}

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

const CHOICES = {
  preset: ['seed', 'docker-docs'],
  cells: ['plain', 'argv'],
  format: ['md', 'markdown', 'html'],
  engine: ['docker', 'podman'],
  builder: ['buildkit', 'classic'],
  os: ['linux', 'windows'],
  'engine-version': null,
} as const satisfies Record<string, readonly string[] | null>;

type MetaKey = keyof typeof CHOICES;

function isMetaKey(key: string): key is MetaKey {
  return Object.prototype.hasOwnProperty.call(CHOICES, key);
}

/** Splits fence meta into `key=value` words (values may be double-quoted). Returns an error text on failure. */
export function parseTableMeta(meta: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  let i = 0;
  const n = meta.length;
  while (i < n) {
    while (i < n && (meta[i] === ' ' || meta[i] === '\t')) i++;
    if (i >= n) break;
    let key = '';
    while (i < n && meta[i] !== '=' && meta[i] !== ' ' && meta[i] !== '\t') key += meta[i++];
    if (meta[i] !== '=') return `expected key=value in the fence meta, got ${JSON.stringify(key)}`;
    i++;
    let value = '';
    if (meta[i] === '"') {
      const close = meta.indexOf('"', i + 1);
      if (close < 0) return `unterminated quote in the value of ${JSON.stringify(key)}`;
      value = meta.slice(i + 1, close);
      i = close + 1;
    } else {
      while (i < n && meta[i] !== ' ' && meta[i] !== '\t') value += meta[i++];
    }
    if (!isMetaKey(key)) {
      return `unknown option ${JSON.stringify(key)} in the fence meta (expected one of ${Object.keys(CHOICES).join(', ')})`;
    }
    const allowed: readonly string[] | null = CHOICES[key];
    if (allowed !== null && !allowed.includes(value)) {
      return `invalid ${key}=${JSON.stringify(value)} in the fence meta (expected one of ${allowed.join(', ')})`;
    }
    if (value === '') return `empty value for ${JSON.stringify(key)} in the fence meta`;
    out[key] = value;
  }
  return out;
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
  const rows = table.rows.map(
    (r): MdastNode => ({
      type: 'tableRow',
      children: [cell([{ type: 'strong', children: [text(r.label)] }]), ...r.cells.map((c) => cell([text(c.text)]))],
    }),
  );
  return { type: 'table', align: header.children!.map(() => align), children: [header, ...rows] };
}

function nodeFor(code: MdastNode, defaults: RemarkEntrypointCmdTableOptions, file: VFileLike): MdastNode {
  const meta = parseTableMeta(code.meta ?? '');
  if (typeof meta === 'string') return file.fail(`${ENTRYPOINT_CMD_TABLE_LANG}: ${meta}`, code);
  if ((code.value ?? '').trim() !== '') {
    file.message(`${ENTRYPOINT_CMD_TABLE_LANG}: the fence body is ignored; put options in the fence meta`, code);
  }
  const preset = (meta['preset'] as TablePreset | undefined) ?? defaults.preset;
  const cells = (meta['cells'] as TableCellStyle | undefined) ?? defaults.cells;
  const engine = (meta['engine'] as Engine | undefined) ?? defaults.engine;
  const engineVersion = meta['engine-version'] ?? defaults.engineVersion;
  const builder = (meta['builder'] as Builder | undefined) ?? defaults.builder;
  const os = (meta['os'] as OperatingSystem | undefined) ?? defaults.os;
  const format = meta['format'] ?? defaults.format ?? 'md';
  const options: EntrypointCmdTableOptions = {
    ...(preset !== undefined && { preset }),
    ...(cells !== undefined && { cells }),
    ...(engine !== undefined && { engine }),
    ...(engineVersion !== undefined && { engineVersion }),
    ...(builder !== undefined && { builder }),
    ...(os !== undefined && { os }),
  };
  const node: MdastNode =
    format === 'html'
      ? { type: 'html', value: renderTable(entrypointCmdTable(options), { format: 'html' }).trimEnd() }
      : entrypointCmdTableNode(options);
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
 * import { remarkEntrypointCmdTable } from 'container-argv/remark';
 *
 * const md = await unified().use(remarkParse).use(remarkGfm).use(remarkEntrypointCmdTable).use(remarkStringify)
 *   .process('```entrypoint-cmd-table preset=seed\n```\n');
 */
export function remarkEntrypointCmdTable(options: RemarkEntrypointCmdTableOptions = {}) {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
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
