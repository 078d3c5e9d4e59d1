/**
 * The `entrypoint-cmd-table` fence, shared by the remark and markdown-it plugins:
 * its language, its meta syntax (`key=value` words), and the options both
 * plugins accept. Pure and browser-safe.
 */
import { entrypointCmdTable, renderTable, type EntrypointCmdTableOptions, type TableCellStyle, type TablePreset } from './table.js';
import type { Builder, Engine, OperatingSystem } from '../core/types.js';

/** The fence language the plugins look for. */
export const ENTRYPOINT_CMD_TABLE_LANG = 'entrypoint-cmd-table' as const;

/** Plugin options; the fence meta overrides them per block. */
export interface TableFenceOptions {
  /** Label set: `'seed'` (default) or `'docker-docs'`. Meta: `preset=`. */
  readonly preset?: TablePreset;
  /** `'plain'` (default) or `'argv'`. Meta: `cells=`. */
  readonly cells?: TableCellStyle;
  /** `'md'` (default): a Markdown table; `'html'`: a raw HTML `<table>`. Meta: `format=`. */
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

/** What one fence renders: the table options and the output format. */
export interface TableFence {
  readonly format: 'md' | 'html';
  readonly table: EntrypointCmdTableOptions;
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

/** Throws a `TypeError` unless plugin options are an object (both plugins check this when installed). */
export function checkTableFenceOptions(options: unknown): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
}

/**
 * Reads one fence's meta over the plugin defaults: the table options and the
 * format it asks for, or an error text (unknown key, bad value, bad quoting).
 */
export function resolveTableFence(meta: string, defaults: TableFenceOptions): TableFence | string {
  const words = parseTableMeta(meta);
  if (typeof words === 'string') return words;
  const preset = (words['preset'] as TablePreset | undefined) ?? defaults.preset;
  const cells = (words['cells'] as TableCellStyle | undefined) ?? defaults.cells;
  const engine = (words['engine'] as Engine | undefined) ?? defaults.engine;
  const engineVersion = words['engine-version'] ?? defaults.engineVersion;
  const builder = (words['builder'] as Builder | undefined) ?? defaults.builder;
  const os = (words['os'] as OperatingSystem | undefined) ?? defaults.os;
  const format = words['format'] ?? defaults.format ?? 'md';
  const table: EntrypointCmdTableOptions = {
    ...(preset !== undefined && { preset }),
    ...(cells !== undefined && { cells }),
    ...(engine !== undefined && { engine }),
    ...(engineVersion !== undefined && { engineVersion }),
    ...(builder !== undefined && { builder }),
    ...(os !== undefined && { os }),
  };
  return { format: format === 'html' ? 'html' : 'md', table };
}

/** The table of a fence as an HTML `<table>` (no trailing newline). */
export function tableFenceHtml(table: EntrypointCmdTableOptions): string {
  return renderTable(entrypointCmdTable(table), { format: 'html' }).trimEnd();
}

/** The warning both plugins give when a fence has a body (options belong in the meta). */
export const FENCE_BODY_IGNORED = `${ENTRYPOINT_CMD_TABLE_LANG}: the fence body is ignored; put options in the fence meta`;
