import { describe, expect, test } from 'vitest';
import { entrypointCmdTable, renderTable } from '../../src/table/table.js';
import { ENTRYPOINT_CMD_TABLE_LANG, checkTableFenceOptions, parseTableMeta, resolveTableFence, tableFenceHtml } from '../../src/table/fence.js';

// The fence code both plugins share (remark.test.ts and markdown-it.test.ts check it through each plugin).
describe('the entrypoint-cmd-table fence', () => {
  test('its language', () => {
    expect(ENTRYPOINT_CMD_TABLE_LANG).toBe('entrypoint-cmd-table');
  });

  test.for([
    ['', {}, { format: 'md', table: {} }],
    ['', { preset: 'docker-docs', format: 'html' }, { format: 'html', table: { preset: 'docker-docs' } }],
    ['cells=argv format=markdown', { cells: 'plain' }, { format: 'md', table: { cells: 'argv' } }],
    ['os=windows engine=podman engine-version="5.2" builder=classic', {}, { format: 'md', table: { os: 'windows', engine: 'podman', engineVersion: '5.2', builder: 'classic' } }],
    ['preset=seed', { engineVersion: '20.10', os: 'linux' }, { format: 'md', table: { preset: 'seed', engineVersion: '20.10', os: 'linux' } }],
  ] as const)('resolveTableFence(%j, %j)', ([meta, defaults, want]) => {
    expect(resolveTableFence(meta, defaults)).toEqual(want);
  });

  test.for([
    ['cells=both', 'invalid cells="both" in the fence meta (expected one of plain, argv)'],
    ['engine-version=', 'empty value for "engine-version" in the fence meta'],
    ['os', 'expected key=value in the fence meta, got "os"'],
  ] as const)('resolveTableFence(%j) is the error text', ([meta, error]) => {
    expect(resolveTableFence(meta, {})).toBe(error);
    expect(parseTableMeta(meta)).toBe(error);
  });

  test('tableFenceHtml is renderTable HTML without the final newline', () => {
    expect(tableFenceHtml({ cells: 'argv' })).toBe(renderTable(entrypointCmdTable({ cells: 'argv' }), { format: 'html' }).trimEnd());
  });

  test.for([null, 'seed', 3])('checkTableFenceOptions(%j) throws a TypeError', (options) => {
    expect(() => checkTableFenceOptions(options)).toThrow(new TypeError('options must be an object'));
  });
});
