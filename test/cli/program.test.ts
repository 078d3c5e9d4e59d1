import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { entrypointCmdTable, renderTable } from '../../src/index.js';
import { useColor } from '../../src/cli/io.js';
import { cli } from './helpers.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('container-argv (global)', () => {
  test('--version prints the package version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test('--help lists the commands and examples', async () => {
    const run = await cli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Commands:');
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('table');
  });

  test.for(['explain', 'table', 'k8s', 'compose', 'lint'])('%s --help has usage, options and examples', async (command) => {
    const run = await cli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: container-argv ${command} `));
    expect(run.stdout).toContain('--json');
    expect(run.stdout).toContain(`Examples:\n  $ container-argv ${command}`);
  });

  test('no command: help on stderr, exit 2', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: container-argv');
  });

  test.for([
    [['tabl'], "container-argv: unknown command 'tabl' (Did you mean table?)\n"],
    [['table', '--format', 'pdf'], "container-argv: option '--format <format>' argument 'pdf' is invalid. Allowed choices are md, markdown, html, json.\n"],
    [['table', '--bogus'], "container-argv: unknown option '--bogus'\n"],
    [['table', '--', 'x'], 'container-argv: table takes no container arguments after "--"\n'],
    [['table', '--engine-version', 'latest'], 'container-argv: --engine-version expects a release like 20.10 or 27.3.1, got "latest"\n'],
  ] as const)('usage error %j: one line, exit 2, no stack', async ([argv, message]) => {
    expect(await cli(argv)).toEqual({ code: 2, stdout: '', stderr: message });
  });

  test.for([
    [{}, false, false],
    [{}, true, true],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ] as const)('useColor(env %j, tty %s) = %s', ([env, isTTY, expected]) => {
    expect(useColor({ write: () => undefined, isTTY }, env)).toBe(expected);
  });
});

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
