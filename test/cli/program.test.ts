import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
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
});
