import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// src/cli/main.ts is the bin: it runs runCli on the real process (argv after the script, process
// streams, stdin) and sets the exit code. Run it as a child process through tsx, as `npm test` has no build.
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function main(args: readonly string[], input = '') {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { input, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('container-argv (the bin)', () => {
  test('--version: the package version on stdout, exit 0', () => {
    expect(main(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test('a usage error: one line on stderr, exit 2', () => {
    expect(main(['tabl'])).toEqual({ code: 2, stdout: '', stderr: "container-argv: unknown command 'tabl' (Did you mean table?)\n" });
  });

  test('- reads the real stdin', () => {
    const r = main(['explain', '-', '--json'], 'FROM scratch\nCMD ["/hello"]\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, file: '<stdin>', argv: ['/hello'] });
  });

  test('nothing to run: exit 1', () => {
    expect(main(['explain', '-'], 'FROM scratch\n').code).toBe(1);
  });
});
