import { shellScriptIndex } from '../core/argv-analysis.js';
import { formatCommand } from '../dockerfile/command-form.js';
import { resolveDockerRun } from '../run/docker-run.js';
import { formatArgv } from '../core/format-argv.js';
import { imageConfigFrom } from '../image/image-config.js';
import { expectType } from '../internal/text.js';
import type { Command, EngineOptions, ImageConfig, OperatingSystem } from '../core/types.js';

/** Named label sets: the seed document's table, and the Docker reference's. */
export type TablePreset = 'seed' | 'docker-docs';

/** Cell style: `'plain'` writes what the docs write; `'argv'` the exact argv as JSON. */
export type TableCellStyle = 'plain' | 'argv';

/** The values each axis uses for its shell-form and exec-form instruction. */
export interface TableAxisValues {
  readonly shell: string;
  readonly exec: readonly string[];
}

/** Options of {@link entrypointCmdTable}. */
export interface EntrypointCmdTableOptions extends EngineOptions {
  /** Labels and default values (default `'seed'`). */
  readonly preset?: TablePreset;
  /** Cell style (default `'plain'`). */
  readonly cells?: TableCellStyle;
  /** ENTRYPOINT values (default from the preset: `a b` / `["a", "b"]`). */
  readonly entrypoint?: TableAxisValues;
  /** CMD values (default from the preset: `x y` / `["x", "y"]`). */
  readonly cmd?: TableAxisValues;
  /** Base image config the instructions are applied to (default: scratch). */
  readonly base?: ImageConfig;
  readonly os?: OperatingSystem;
}

/** Form of an instruction on one axis; `'none'` = the instruction is absent. */
export type TableForm = 'none' | 'shell' | 'exec';

/** A row or column header: the instruction it stands for. */
export interface TableHeader {
  readonly label: string;
  readonly form: TableForm;
  /** The instruction as written, e.g. `ENTRYPOINT ["a", "b"]`; `null` for `'none'`. */
  readonly instruction: string | null;
}

/** One computed cell. */
export interface TableCell {
  /** The cell text in the requested style. */
  readonly text: string;
  /** The exact argv, or `null` when the engine refuses to start the container. */
  readonly argv: readonly string[] | null;
  /** The engine's error when `argv` is null. */
  readonly error?: string;
}

/** The ENTRYPOINT × CMD table: columns are ENTRYPOINT forms, rows are CMD forms. */
export interface EntrypointCmdTable {
  /** Markdown alignment row the preset uses: `'none'` (`---`) or `'left'` (`:---`). */
  readonly align: 'none' | 'left';
  readonly columns: readonly TableHeader[];
  readonly rows: readonly (TableHeader & { readonly cells: readonly TableCell[] })[];
}

interface PresetSpec {
  readonly noEntrypoint: string;
  readonly noCmd: string;
  readonly error: string;
  readonly entrypoint: TableAxisValues;
  readonly cmd: TableAxisValues;
  readonly align: 'none' | 'left';
}

const PRESETS: Record<TablePreset, PresetSpec> = {
  seed: {
    noEntrypoint: 'No ENTRYPOINT',
    noCmd: 'NO CMD',
    error: 'Error!',
    entrypoint: { shell: 'a b', exec: ['a', 'b'] },
    cmd: { shell: 'x y', exec: ['x', 'y'] },
    align: 'none',
  },
  'docker-docs': {
    noEntrypoint: 'No ENTRYPOINT',
    noCmd: 'No CMD',
    error: 'error, not allowed',
    entrypoint: { shell: 'exec_entry p1_entry', exec: ['exec_entry', 'p1_entry'] },
    cmd: { shell: 'exec_cmd p1_cmd', exec: ['exec_cmd', 'p1_cmd'] },
    align: 'left',
  },
};

const FORMS: readonly TableForm[] = ['none', 'shell', 'exec'];
const ROW_FORMS: readonly TableForm[] = ['none', 'exec', 'shell'];

function commandOf(form: TableForm, values: TableAxisValues): Command | undefined {
  if (form === 'none') return undefined;
  return form === 'exec' ? { form: 'exec', args: values.exec } : { form: 'shell', script: values.shell };
}

/**
 * The words a reader sees run: after a shell-form ENTRYPOINT's `sh -c script`,
 * further words are `$0`, `$1`… of the script, so when the script does not
 * read them they are left out (this is how the Docker docs write the table).
 */
function perceivedArgv(argv: readonly string[], entrypointLength: number): readonly string[] {
  const at = shellScriptIndex(argv);
  if (at < 0 || entrypointLength !== at + 1) return argv;
  const script = argv[at] ?? '';
  return /\$(?:[0-9@*#]|\{[0-9@*#])/.test(script) ? argv : argv.slice(0, at + 1);
}

/**
 * Computes the ENTRYPOINT × CMD table: every cell is built with
 * {@link imageConfigFrom} and run with {@link resolveDockerRun}, never written by
 * hand. With the defaults it is the seed document's table; `preset:
 * 'docker-docs'` gives the Docker reference's.
 */
export function entrypointCmdTable(options: EntrypointCmdTableOptions = {}): EntrypointCmdTable {
  expectType(options, 'object', 'options');
  const preset = PRESETS[options.preset ?? 'seed'];
  if (preset === undefined) throw new TypeError(`preset must be 'seed' or 'docker-docs', got ${String(options.preset)}`);
  const style = options.cells ?? 'plain';
  const epValues = options.entrypoint ?? preset.entrypoint;
  const cmdValues = options.cmd ?? preset.cmd;
  const engine: EngineOptions = {
    ...(options.engine !== undefined && { engine: options.engine }),
    ...(options.engineVersion !== undefined && { engineVersion: options.engineVersion }),
    ...(options.builder !== undefined && { builder: options.builder }),
  };

  const columns: TableHeader[] = FORMS.map((form) => {
    const command = commandOf(form, epValues);
    return command
      ? { label: `ENTRYPOINT ${formatCommand(command)}`, form, instruction: `ENTRYPOINT ${formatCommand(command)}` }
      : { label: preset.noEntrypoint, form, instruction: null };
  });

  const rows = ROW_FORMS.map((rowForm) => {
    const cmd = commandOf(rowForm, cmdValues);
    const header: TableHeader = cmd
      ? { label: `CMD ${formatCommand(cmd)}`, form: rowForm, instruction: `CMD ${formatCommand(cmd)}` }
      : { label: preset.noCmd, form: rowForm, instruction: null };
    const cells = FORMS.map((colForm): TableCell => {
      const entrypoint = commandOf(colForm, epValues);
      const built = imageConfigFrom({
        ...engine,
        ...(options.base !== undefined && { base: options.base }),
        ...(options.os !== undefined && { os: options.os }),
        ...(cmd !== undefined && { cmd }),
        ...(entrypoint !== undefined && { entrypoint }),
      });
      if (!built.ok) {
        const error = built.issues[0].message;
        return { text: style === 'plain' ? preset.error : `error: ${error}`, argv: null, error };
      }
      const run = resolveDockerRun(built.config, {}, engine);
      // Podman 5 creates a container with an empty argv that fails at start: an error all the same.
      const fatal = run.ok ? run.diagnostics.find((d) => d.severity === 'error') : undefined;
      if (!run.ok || fatal !== undefined) {
        const error = run.ok ? (fatal as { message: string }).message : run.issues[0].message;
        return { text: style === 'plain' ? preset.error : `error: ${error}`, argv: null, error };
      }
      const text = style === 'plain' ? formatArgv(perceivedArgv(run.argv, run.entrypoint.length), 'plain') : formatArgv(run.argv, 'json');
      return { text, argv: run.argv };
    });
    return { ...header, cells };
  });
  return { align: preset.align, columns, rows };
}

/** Output formats of {@link renderTable}. */
export type TableFormat = 'markdown' | 'html' | 'json';

/** Options of {@link renderTable}. */
export interface RenderTableOptions {
  readonly format?: TableFormat;
  /** Markdown alignment row: `'none'` (`---`) or `'left'` (`:---`). Default: the table's. */
  readonly align?: 'none' | 'left';
}

function escapeMarkdownCell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|');
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * Renders a table as Markdown (columns padded to equal width, row labels in
 * bold), HTML (a `<table>` with `<th>` headers) or JSON.
 */
export function renderTable(table: EntrypointCmdTable, options: RenderTableOptions = {}): string {
  expectType(table, 'object', 'table');
  expectType(table.rows, 'array', 'table.rows');
  expectType(options, 'object', 'options');
  const format = options.format ?? 'markdown';
  if (format === 'json') return `${JSON.stringify(table, null, 2)}\n`;
  if (format === 'html') {
    const head = `<tr><th></th>${table.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('')}</tr>`;
    const body = table.rows.map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th>${r.cells.map((c) => `<td>${escapeHtml(c.text)}</td>`).join('')}</tr>`).join('\n    ');
    return `<table>\n  <thead>\n    ${head}\n  </thead>\n  <tbody>\n    ${body}\n  </tbody>\n</table>\n`;
  }
  if (format !== 'markdown') throw new TypeError(`format must be 'markdown', 'html' or 'json', got ${String(format)}`);
  const align = options.align ?? table.align;
  const grid: string[][] = [
    ['', ...table.columns.map((c) => escapeMarkdownCell(c.label))],
    ...table.rows.map((r) => [`**${escapeMarkdownCell(r.label)}**`, ...r.cells.map((c) => escapeMarkdownCell(c.text))]),
  ];
  const widths = grid[0]!.map((_, col) => Math.max(3, ...grid.map((row) => (row[col] ?? '').length)));
  const line = (row: readonly string[]) => `| ${row.map((cell, col) => cell.padEnd(widths[col]!)).join(' | ')} |`;
  const rule = `| ${widths.map((w) => (align === 'left' ? `:${'-'.repeat(w - 1)}` : '-'.repeat(w))).join(' | ')} |`;
  return [line(grid[0]!), rule, ...grid.slice(1).map(line)].join('\n') + '\n';
}
