import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';
import { COMPOSE, DEPLOY, writeCommandFixtures } from './fixtures.js';

let dir = '';
beforeAll(() => {
  dir = writeCommandFixtures();
  writeFileSync(join(dir, 'compose.yaml'), COMPOSE);
  writeFileSync(join(dir, 'deploy.yaml'), DEPLOY);
  writeFileSync(join(dir, 'empty-ep.yaml'), 'services:\n  web:\n    image: node:20-slim\n    entrypoint: []\n');
});

const run = (argv: string[], stdin?: string) => cli(argv, { cwd: dir, ...(stdin !== undefined && { stdin }) });

describe('container-argv convert', () => {
  test('a run line after -- → Compose on stdout, what was not translated on stderr', async () => {
    const r = await run(['convert', '--to', 'compose', '--', 'docker', 'run', '--rm', '--entrypoint', '', 'nginx', 'echo', '$HOME']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('services:\n  nginx:\n    image: "nginx"\n    entrypoint:\n      - ""\n    command:\n      - "echo"\n      - "$$HOME"\n');
    expect(r.stderr).toContain('convert-no-counterpart');
  });

  test('--run LINE → Kubernetes Deployment', async () => {
    const r = await run(['convert', '--to', 'kubernetes', '--kind', 'Deployment', '--run', 'docker run -e A=1 app:1 serve']);
    expect(r.stdout).toContain('kind: "Deployment"');
    expect(r.stdout).toMatch(/containers:\n\s+- name: "app"\n\s+image: "app:1"\n\s+args:\n\s+- "serve"\n/);
  });

  test('a Compose file (detected by services:) → run lines; --service; --shell powershell', async () => {
    const r = await run(['convert', 'compose.yaml', '--to', 'run', '--service', 'worker', '--shell', 'powershell']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('docker run --entrypoint /bin/sh node:20-slim -c node worker.js\n');
  });

  test('a manifest → Compose', async () => {
    const r = await run(['convert', 'deploy.yaml', '--to', 'compose']);
    expect(r.stdout).toContain('  sidecar:\n    image: "busybox"\n    entrypoint:\n      - "/bin/sh"\n');
  });

  test('an argv that needs the image CMD: exit 3, --strict 1, --image-config REF=FILE answers', async () => {
    expect((await run(['convert', 'empty-ep.yaml', '--to', 'run'])).code).toBe(3);
    expect((await run(['convert', 'empty-ep.yaml', '--to', 'run', '--strict'])).code).toBe(1);
    const r = await run(['convert', 'empty-ep.yaml', '--to', 'run', '--image-config', 'node:20-slim=node.json']);
    expect(r.stdout).toBe("docker run --entrypoint '' node:20-slim node\n");
  });

  test('the base-image chain answers from the catalog (nginx:latest), and says so', async () => {
    writeFileSync(join(dir, 'nginx.yaml'), 'services:\n  web:\n    image: nginx:latest\n    entrypoint: []\n');
    const r = await run(['convert', 'nginx.yaml', '--to', 'run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("docker run --entrypoint '' nginx:latest nginx -g 'daemon off;'\n");
    expect((await run(['convert', 'nginx.yaml', '--to', 'run', '--no-catalog'])).code).toBe(3);
  });

  // Findings of file input carry file:line:col, as k8s --manifest and compose print them (the path is
  // resolved in the item's own YAML document).
  test('findings on a file carry line and column, in the right document', async () => {
    writeFileSync(
      join(dir, 'two-docs.yaml'),
      'kind: Service\nmetadata: {name: s}\n---\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: a, image: app, args: ["$(NOPE)"]}\n',
    );
    const k8s = await run(['convert', 'two-docs.yaml', '--to', 'run']);
    expect(k8s.stderr).toContain('two-docs.yaml:8:34: warning k8s-undefined-reference');
    writeFileSync(join(dir, 'build-only.yaml'), 'services:\n  web:\n    image: nginx\n  job:\n    build: .\n');
    const compose = await run(['convert', 'build-only.yaml', '--to', 'run']);
    expect(compose.stderr).toContain('build-only.yaml:5:5: error convert-no-image');
    expect(compose.stderr).toContain('build-only.yaml:5:12: warning convert-no-counterpart');
  });

  test('--json', async () => {
    const r = JSON.parse((await run(['convert', '--to', 'run', '--json', '--run', 'docker run app x'])).stdout);
    expect(r).toMatchObject({ ok: true, complete: true, from: 'run', to: 'run', text: 'docker run app x\n', items: [{ ok: true }] });
  });

  test('usage errors', async () => {
    expect((await run(['convert', '--to', 'run'])).code).toBe(2);
    expect((await run(['convert', 'compose.yaml', '--to', 'run', '--run', 'docker run a'])).code).toBe(2);
    expect((await run(['convert', 'deploy.yaml', '--to', 'run', '--service', 'x'])).code).toBe(2);
  });
});

// A `$(VAR)` the kubelet fills from a Secret not given would be written literally (`--db '$(DB_URL)'`): the
// answer is unknown, exit 3 as in `k8s --manifest`; `--secret` gives the data, as in `k8s` and `lint`.
describe('convert: a manifest whose argv reads a Secret', () => {
  const manifest = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: api}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: api',
    '        image: node:22',
    '        command: ["node", "server.js"]',
    '        args: ["--db", "$(DB_URL)"]',
    '        env:',
    '        - name: DB_URL',
    '          valueFrom: {secretKeyRef: {name: db, key: url}}',
    '',
  ].join('\n');
  beforeAll(() => {
    writeFileSync(join(dir, 'api.yaml'), manifest);
    writeFileSync(join(dir, 'db-secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {url: "postgres://db"}\n');
  });

  test('without the Secret: nothing written, exit 3, what it depends on', async () => {
    const r = await run(['convert', 'api.yaml', '--to', 'run']);
    expect([r.code, r.stdout]).toEqual([3, '']);
    expect(r.stderr).toContain('Deployment/api api: depends on Secret "db" (not given): $(DB_URL)');
    const json = JSON.parse((await run(['convert', 'api.yaml', '--to', 'run', '--json'])).stdout) as { complete: boolean; items: { unknown?: string }[] };
    expect([json.complete, json.items[0]?.unknown]).toEqual([false, 'depends on Secret "db" (not given): $(DB_URL)']);
  });

  test('with --secret FILE: the value is written', async () => {
    const r = await run(['convert', 'api.yaml', '--to', 'run', '--secret', 'db-secret.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('docker run --name api --env DB_URL=postgres://db --entrypoint node node:22 server.js --db postgres://db\n');
  });

  test('--secret with a run line is a usage error', async () => {
    const r = await run(['convert', '--to', 'compose', '--secret', 'db-secret.yaml', '--', 'docker', 'run', 'nginx']);
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining('go with a Kubernetes manifest')]);
  });
});
