import { describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';
import { makeTree } from '../tree.js';

// `lint` takes the options of `explain` and `k8s` that change the answer (issue 14): --platform and
// --build-platform (BuildKit's automatic platform ARGs; docs/semantics.md "Platform ARGs"), --config-map, --secret
// and --namespace (what envFrom/valueFrom read; kubelet makeEnvironmentVariables, kubernetes pkg/kubelet/kubelet_pods.go
// at df5f02437d38). Files written as a user would: the per-platform stage pattern of docker/compose's Dockerfile
// (`FROM binary-$TARGETOS`), a rendered chart whose ConfigMap and Secret come from elsewhere.
const DOCKERFILE = `FROM scratch AS binary-linux
CMD ["/app"]

FROM scratch AS binary-windows
CMD app.exe --serve

FROM binary-$TARGETOS
`;

const TOOLS = `FROM --platform=$BUILDPLATFORM scratch AS tools-amd64
CMD ["/tools"]

FROM --platform=$BUILDPLATFORM scratch AS tools-arm64
CMD /tools --emulated

FROM tools-$BUILDARCH
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: example/api:2.0
          command: ["/api", "--mode=$(MODE)", "--password=$(DB_PASSWORD)"]
          envFrom:
            - configMapRef:
                name: api-config
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db
                  key: password
`;

const CONFIG_MAP = `apiVersion: v1
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
data:
  password: aHVudGVyMg==
`;

const dir = makeTree({ Dockerfile: DOCKERFILE, 'tools.Dockerfile': TOOLS, 'k8s/deploy.yaml': DEPLOYMENT, 'cm.yaml': CONFIG_MAP, 'secret.yaml': SECRET });

async function codes(argv: string[]): Promise<string[]> {
  const r = await cli(['lint', ...argv, '--json', '--no-catalog'], { cwd: dir });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout).diagnostics.map((d: { file: string; line?: number; code: string }) => `${d.file}:${d.line ?? ''} ${d.code}`);
}

describe('lint --platform / --build-platform', () => {
  test.for([
    { name: 'default linux/amd64: binary-linux, exec form', argv: ['Dockerfile'], want: [] },
    { name: '--platform windows/amd64: binary-windows, shell form', argv: ['Dockerfile', '--platform', 'windows/amd64'], want: ['Dockerfile:5 json-args-recommended'] },
    { name: '--platform linux/arm64', argv: ['Dockerfile', '--platform', 'linux/arm64'], want: [] },
    { name: 'default build platform linux/amd64', argv: ['tools.Dockerfile'], want: [] },
    {
      name: '--build-platform linux/arm64',
      argv: ['tools.Dockerfile', '--build-platform', 'linux/arm64'],
      want: ['tools.Dockerfile:5 json-args-recommended', 'tools.Dockerfile:7 argv-shell-pid1'],
    },
    { name: '--platform does not set BUILDARCH', argv: ['tools.Dockerfile', '--platform', 'linux/arm64'], want: [] },
  ])('$name', async ({ argv, want }) => {
    expect(await codes(argv)).toEqual(want);
  });

  test('a platform that is not one is a usage error, as in explain', async () => {
    const lint = await cli(['lint', 'Dockerfile', '--build-platform', 'linux/'], { cwd: dir });
    const explain = await cli(['explain', 'Dockerfile', '--build-platform', 'linux/'], { cwd: dir });
    expect(lint.stdout).toContain('platform-invalid');
    expect(lint.code).toBe(1);
    expect(explain.code).not.toBe(0);
  });
});

describe('lint --config-map / --secret / --namespace', () => {
  test.for([
    { name: 'neither given: both values unknown', argv: [], want: ['k8s/deploy.yaml:11 k8s-env-value-unknown', 'k8s/deploy.yaml:11 k8s-env-value-unknown'] },
    { name: 'the ConfigMap given', argv: ['--config-map', 'cm.yaml'], want: ['k8s/deploy.yaml:11 k8s-env-value-unknown'] },
    {
      name: 'the Secret is in namespace shop, the Deployment in default',
      argv: ['--config-map', 'cm.yaml', '--secret', 'secret.yaml'],
      want: ['k8s/deploy.yaml:11 k8s-env-value-unknown'],
    },
    { name: 'kubectl apply -n shop', argv: ['--config-map', 'cm.yaml', '--secret', 'secret.yaml', '--namespace', 'shop'], want: [] },
  ])('$name', async ({ argv, want }) => {
    expect(await codes(['k8s', ...argv])).toEqual(want);
  });

  test('the same answer as k8s --manifest with the same options', async () => {
    const options = ['--config-map', 'cm.yaml', '--secret', 'secret.yaml', '--namespace', 'shop', '--no-catalog'];
    const k8s = await cli(['k8s', '--manifest', 'k8s/deploy.yaml', ...options, '--json'], { cwd: dir });
    expect(JSON.parse(k8s.stdout).units[0].argv).toEqual(['/api', '--mode=serve', '--password=hunter2']);
  });
});
