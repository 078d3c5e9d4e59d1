import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';
import { writeCommandFixtures } from './fixtures.js';

let dir = '';
beforeAll(() => {
  dir = writeCommandFixtures();
});

const run = (argv: string[], stdin?: string) => cli(argv, { cwd: dir, ...(stdin !== undefined && { stdin }) });

describe('container-argv k8s', () => {
  test('docker run IMAGE ARGS → args only (escaped for $(VAR) expansion)', async () => {
    const r = await run(['k8s', '--', 'echo', '$(HOME)']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nargs: ["echo", "$$(HOME)"]\n');
    expect(r.stdout).not.toContain('command:');
  });

  test('--entrypoint → command; --json', async () => {
    const r = JSON.parse((await run(['k8s', '--image-config', 'node.json', '--entrypoint', 'sh', '--json', '--', '-c', 'id'])).stdout);
    expect(r).toMatchObject({ ok: true, command: ['sh'], args: ['-c', 'id'], argv: ['sh', '-c', 'id'] });
  });

  test('the image defaults need no fields', async () => {
    const r = await run(['k8s', '--image-config', 'node.json']);
    expect(r.stdout).toContain('leave command and args unset\n{}\n');
  });

  test('--init cannot be expressed: exit 1 with k8s-no-init', async () => {
    const r = await run(['k8s', '--init', '--image-config', 'node:20-slim=node.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('k8s-no-init');
  });
});
