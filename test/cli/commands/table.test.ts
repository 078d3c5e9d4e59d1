import { describe, expect, test } from 'vitest';
import { entrypointCmdTable, renderTable } from '../../../src/index.js';
import { cli } from '../helpers.js';

describe('container-argv table', () => {
  test('default: the seed table as Markdown', async () => {
    const run = await cli(['table']);
    expect(run).toEqual({ code: 0, stdout: renderTable(entrypointCmdTable()), stderr: '' });
  });

  test.for([
    [['--format', 'html'], { format: 'html' }, {}],
    [['--format', 'json'], { format: 'json' }, {}],
    [['--json'], { format: 'json' }, {}],
    [['--preset', 'docker-docs'], {}, { preset: 'docker-docs' }],
    [['--cells', 'argv', '--engine', 'podman'], {}, { cells: 'argv', engine: 'podman' }],
    [['--os', 'windows'], {}, { os: 'windows' }],
  ] as const)('table %j', async ([argv, render, options]) => {
    const run = await cli(['table', ...argv]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(renderTable(entrypointCmdTable(options), render));
  });

  test('table --help has examples', async () => {
    const run = await cli(['table', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('$ container-argv table --cells argv');
  });
});
