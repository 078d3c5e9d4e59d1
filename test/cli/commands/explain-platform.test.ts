import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';

// Issue 14 §1 as a user meets it: docker/compose's `FROM binary-$TARGETOS` pattern, and the platform flags.
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cav-platform-'));
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      'FROM --platform=$BUILDPLATFORM scratch AS build',
      'FROM scratch AS binary-linux',
      'CMD ["/app-linux"]',
      'FROM scratch AS binary-windows',
      'CMD ["app.exe"]',
      'FROM scratch AS tool-amd64',
      'CMD ["/tool-amd64"]',
      'FROM scratch AS tool-arm64',
      'CMD ["/tool-arm64"]',
      'FROM binary-$TARGETOS AS binary',
      'FROM tool-$BUILDARCH AS tool',
      '',
    ].join('\n'),
  );
});
const run = (...argv: string[]) => cli(['explain', 'Dockerfile', '--no-catalog', ...argv], { cwd: dir });

describe('container-argv explain: platform ARGs', () => {
  test('TARGETOS defaults to linux (linux/amd64)', async () => {
    const r = await run('--target', 'binary');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  json       ["/app-linux"]\n');
  });

  test('--platform sets the target platform (TARGETOS)', async () => {
    const r = await run('--target', 'binary', '--platform', 'windows/amd64');
    expect(r.stdout).toContain('  CMD        ["app.exe"]');
  });

  test('--build-platform sets the build platform (BUILDARCH)', async () => {
    expect((await run('--build-platform', 'linux/arm64')).stdout).toContain('  json       ["/tool-arm64"]\n');
    expect((await run()).stdout).toContain('  json       ["/tool-amd64"]\n');
  });

  test('the classic builder has no automatic platform ARGs: FROM --platform=$BUILDPLATFORM fails', async () => {
    const r = await run('--builder', 'classic', '--engine-version', '20.10');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('failed to parse platform : "" is an invalid component');
  });
});
