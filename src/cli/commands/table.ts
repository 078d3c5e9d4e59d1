/** `container-argv table`: the ENTRYPOINT × CMD table, computed. */
import { entrypointCmdTable, renderTable, type TableCellStyle, type TableFormat, type TablePreset } from '../../table/table.js';
import type { Builder, Engine, OperatingSystem } from '../../core/types.js';
import type { CliIO } from '../io.js';

export interface TableCommandOptions {
  readonly format?: 'md' | 'markdown' | 'html' | 'json';
  readonly preset?: TablePreset;
  readonly cells?: TableCellStyle;
  readonly json?: boolean;
  readonly engine?: Engine;
  readonly engineVersion?: string;
  readonly builder?: Builder;
  readonly os?: OperatingSystem;
}

export function tableCommand(options: TableCommandOptions, io: CliIO): number {
  const format: TableFormat = options.json === true ? 'json' : options.format === 'html' ? 'html' : options.format === 'json' ? 'json' : 'markdown';
  const table = entrypointCmdTable({
    ...(options.preset !== undefined && { preset: options.preset }),
    ...(options.cells !== undefined && { cells: options.cells }),
    ...(options.engine !== undefined && { engine: options.engine }),
    ...(options.engineVersion !== undefined && { engineVersion: options.engineVersion }),
    ...(options.builder !== undefined && { builder: options.builder }),
    ...(options.os !== undefined && { os: options.os }),
  });
  io.stdout.write(renderTable(table, { format }));
  return 0;
}
