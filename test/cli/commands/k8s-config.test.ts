import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';

// A chart rendered with `helm template` (the ConfigMap is in the same output) whose Deployment also
// reads a Secret managed elsewhere (`kubectl get secret db -o yaml`, base64 data). Truth: kubelet
// makeEnvironmentVariables (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go at df5f02437d38).
const RENDERED = `---
# Source: api/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: example/api:2.0
          command: ["/api", "--mode=$(MODE)", "--db=postgres://app:$(DB_PASSWORD)@db"]
          envFrom:
            - configMapRef:
                name: api-config
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db
                  key: password
---
# Source: api/templates/configmap.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  MODE: serve
`;

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
type: Opaque
data:
  password: aHVudGVyMg==
`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'container-argv-k8s-config-'));
  writeFileSync(join(dir, 'out.yaml'), RENDERED);
  writeFileSync(join(dir, 'db-secret.yaml'), SECRET);
  writeFileSync(join(dir, 'bad-secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: hunter2!\n');
});

const run = (argv: string[]) => cli(argv, { cwd: dir });

describe('container-argv k8s --manifest with ConfigMaps and Secrets', () => {
  test('the ConfigMap of the same file is read; the Secret not given makes the answer incomplete (exit 3)', async () => {
    const r = await run(['k8s', '--manifest', 'out.yaml']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('  depends on Secret "db" (not given): $(DB_PASSWORD)\n');
    expect(r.stdout).toContain('  json       ["/api", "--mode=serve", "--db=postgres://app:$(DB_PASSWORD)@db"]\n');
    expect(r.stdout).toMatch(/out\.yaml:13:\d+: warning k8s-env-value-unknown: The value of \$\(DB_PASSWORD\) is not known here: it may come from Secret "db"/);
    expect(r.stdout).not.toContain('k8s-undefined-reference');
  });

  test('--secret FILE and --namespace complete it', async () => {
    const r = await run(['k8s', '--manifest', 'out.yaml', '--secret', 'db-secret.yaml', '--namespace', 'shop']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  json       ["/api", "--mode=serve", "--db=postgres://app:hunter2@db"]\n');
  });

  test('a Secret in another namespace does not apply', async () => {
    const r = await run(['k8s', '--manifest', 'out.yaml', '--secret', 'db-secret.yaml', '--namespace', 'default']);
    expect(r.code).toBe(3);
    const out = JSON.parse((await run(['k8s', '--manifest', 'out.yaml', '--secret', 'db-secret.yaml', '--namespace', 'default', '--json'])).stdout);
    expect(out).toMatchObject({ ok: true, complete: false, units: [{ unknown: 'depends on Secret "db" (not given): $(DB_PASSWORD)' }] });
  });

  test('invalid base64 is the API server error at the key', async () => {
    const r = await run(['k8s', '--manifest', 'out.yaml', '--secret', 'bad-secret.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad-secret.yaml:6:13: error k8s-secret-data-invalid: Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 7');
  });

  test('--config-map refuses a Secret; the flags need --manifest', async () => {
    const r = await run(['k8s', '--manifest', 'out.yaml', '--config-map', 'db-secret.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('kind "Secret" where a ConfigMap was expected');
    const u = await run(['k8s', '--secret', 'db-secret.yaml']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('--config-map, --secret and --namespace go with --manifest FILE');
  });
});
