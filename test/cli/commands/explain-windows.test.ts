import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';

// Issue 14 §2, as a user would try it: a Windows Dockerfile with and without the base image's config.
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cav-win-'));
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD echo hi\n');
  // `docker image inspect` output as a Windows engine prints it (Os, Config.Cmd of servercore).
  writeFileSync(
    path.join(dir, 'servercore.json'),
    JSON.stringify([{ Os: 'windows', Architecture: 'amd64', Config: { Cmd: ['c:\\windows\\system32\\cmd.exe'], Entrypoint: null } }]),
  );
});
const run = (...argv: string[]) => cli(argv, { cwd: dir });
const BASE = 'mcr.microsoft.com/windows/servercore:ltsc2022=servercore.json';

describe('container-argv explain: Windows images', () => {
  test('without the config: a windows-base-image warning and the cmd /S /C assumption, never /bin/sh', async () => {
    const r = await run('explain', 'Dockerfile');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('["cmd", "/S", "/C", "echo hi"] if mcr.microsoft.com/windows/servercore:ltsc2022 is a Windows image with no SHELL');
    expect(r.stdout).toContain('warning windows-base-image');
    expect(r.stdout).not.toContain('/bin/sh');
  });

  test('with the config: the command line in Windows quoting (BuildKit: ArgsEscaped, the script quoted)', async () => {
    const r = await run('explain', 'Dockerfile', '--image-config', BASE);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  cmdline    cmd /S /C "echo hi"\n');
    expect(JSON.parse((await run('explain', 'Dockerfile', '--image-config', BASE, '--json')).stdout)).toMatchObject({
      argv: ['cmd', '/S', '/C', 'echo hi'],
      commandLine: 'cmd /S /C "echo hi"',
    });
  });

  test('the classic builder stores one string; the engine passes it unsplit', async () => {
    const r = await run('explain', 'Dockerfile', '--image-config', BASE, '--builder', 'classic');
    expect(r.stdout).toContain('  cmdline    cmd /S /C echo hi\n');
    expect(r.stdout).toContain('  json       ["cmd /S /C echo hi"]\n');
  });
});
