import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { resolveManifests, type ResolveManifestsOptions } from '../../src/index.js';
import type { ResolveKubernetesResult } from '../../src/kubernetes/container.js';

// Manifests as users write them: `helm template` output (one `# Source:` document per template,
// ConfigMap and Secret before or after the Deployment), `kubectl get -o yaml` Lists. Truth: the
// kubelet's makeEnvironmentVariables (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go at
// df5f02437d38), the API server's Secret conversion (pkg/apis/core/v1/conversion.go at a2b9bc4e458b,
// Convert_v1_Secret_To_core_Secret: stringData written over data) and key validation
// (apimachinery pkg/util/validation IsConfigMapKey).

const HELM = `---
# Source: web/templates/configmap.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  labels:
    helm.sh/chart: web-0.1.0
data:
  MODE: "production"
  LOG_LEVEL: info
---
# Source: web/templates/secret.yaml
apiVersion: v1
kind: Secret
metadata:
  name: web-secret
type: Opaque
data:
  DB_PASSWORD: czNjcjN0
  API_TOKEN: b2xk
stringData:
  API_TOKEN: new-token
---
# Source: web/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: web
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web
    spec:
      containers:
        - name: web
          image: "example/web:1.2.3"
          command: ["/app/server"]
          args:
            - --mode=$(MODE)
            - --log=$(LOG_LEVEL)
            - --db-password=$(DB_PASSWORD)
            - --token=$(API_TOKEN)
            - --app=$(APP)
          envFrom:
            - configMapRef:
                name: web-config
            - secretRef:
                name: web-secret
          env:
            - name: APP
              valueFrom:
                fieldRef:
                  fieldPath: metadata.labels['app.kubernetes.io/name']
`;

/** The one container's result. */
function only(yaml: string, options: ResolveManifestsOptions = {}): ResolveKubernetesResult {
  const r = resolveManifests(yaml, options);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  const c = r.workloads[0]?.containers[0];
  if (c === undefined) throw new Error('no container');
  return c.result;
}

/** The argv, or what it depends on. */
function outcome(result: ResolveKubernetesResult): { argv?: readonly string[]; unknown?: readonly string[]; issue?: string } {
  if (!result.ok) return { issue: result.issues[0].code };
  if (result.complete) return { argv: result.argv };
  return { ...(result.argv !== undefined && { argv: result.argv }), unknown: result.dependsOnEnv.map((d) => d.variable) };
}

describe('ConfigMaps and Secrets in the same input', () => {
  it('a Helm-rendered Deployment + ConfigMap + Secret resolves completely', () => {
    const got = only(HELM);
    expect(outcome(got)).toEqual({ argv: ['/app/server', '--mode=production', '--log=info', '--db-password=s3cr3t', '--token=new-token', '--app=web'] });
    expect(got.diagnostics.filter((d) => d.code.startsWith('k8s-'))).toEqual([]);
    // The ConfigMap and Secret are read, not skipped as kinds without a pod template.
    expect(resolveManifests(HELM)).toMatchObject({ ok: true, diagnostics: [] });
  });

  it('the ConfigMap after the Deployment counts (the issue 14 §3 case: no false k8s-undefined-reference)', () => {
    const docs = HELM.split('\n---\n');
    const reordered = [docs[0], docs[2], docs[1]].join('\n---\n') + '\n';
    expect(outcome(only(reordered))).toEqual(outcome(only(HELM)));
  });

  it('kubectl get -o yaml Lists are read', () => {
    const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: { name: web-config }
    data: { MODE: staging, LOG_LEVEL: debug }
  - apiVersion: v1
    kind: Secret
    metadata: { name: web-secret }
    data: { DB_PASSWORD: cHc=, API_TOKEN: dA== }
`;
    const deployment = HELM.split('\n---\n')[2] as string;
    expect(outcome(only(deployment, { configSources: [{ text: list, source: 'shared.yaml' }] }))).toEqual({
      argv: ['/app/server', '--mode=staging', '--log=debug', '--db-password=pw', '--token=t', '--app=web'],
    });
  });

  it('without them the values are unknown, not undefined', () => {
    const deployment = HELM.split('\n---\n')[2] as string;
    const got = only(deployment);
    expect(outcome(got)).toEqual({
      argv: ['/app/server', '--mode=$(MODE)', '--log=$(LOG_LEVEL)', '--db-password=$(DB_PASSWORD)', '--token=$(API_TOKEN)', '--app=web'],
      unknown: ['MODE', 'LOG_LEVEL', 'DB_PASSWORD', 'API_TOKEN'],
    });
    expect(got.diagnostics.map((d) => d.code)).not.toContain('k8s-undefined-reference');
  });
});

describe('namespaces', () => {
  const doc = (ns: string | null, kind: string, body: string) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\n${ns === null ? '' : `  namespace: ${ns}\n`}${body}`;
  const cmBody = 'data:\n  A: from-cm\n';
  const podBody = 'spec:\n  containers:\n    - name: c\n      image: busybox\n      command: [echo, $(A)]\n      envFrom: [{ configMapRef: { name: x } }]\n';
  // A Pod reads ConfigMaps of its own namespace only (kubelet GetConfigMap(pod.Namespace, name)).
  const ROWS: readonly { pod: string | null; cm: string | null; namespace?: string; want: ReturnType<typeof outcome> }[] = [
    { pod: 'prod', cm: 'prod', want: { argv: ['echo', 'from-cm'] } },
    { pod: null, cm: null, want: { argv: ['echo', 'from-cm'] } },
    { pod: 'prod', cm: 'staging', want: { argv: ['echo', '$(A)'], unknown: ['A'] } },
    { pod: null, cm: 'prod', want: { argv: ['echo', '$(A)'], unknown: ['A'] } },
    { pod: null, cm: 'prod', namespace: 'prod', want: { argv: ['echo', 'from-cm'] } },
    { pod: null, cm: 'prod', namespace: 'default', want: { argv: ['echo', '$(A)'], unknown: ['A'] } },
    { pod: 'prod', cm: null, namespace: 'prod', want: { argv: ['echo', 'from-cm'] } },
  ];
  it.for(ROWS)('Pod in $pod, ConfigMap in $cm, applied to $namespace', ({ pod, cm, namespace, want }) => {
    const yaml = `${doc(cm, 'ConfigMap', cmBody)}---\n${doc(pod, 'Pod', podBody)}`;
    expect(outcome(only(yaml, namespace === undefined ? {} : { namespace }))).toEqual(want);
  });
});

describe('what the API server refuses', () => {
  it('Secret data that is not base64: the API server error, with the line of the key', () => {
    const yaml = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: s3cr3t-not-for-production\n';
    const r = resolveManifests(yaml, { source: 'secret.yaml' });
    expect(r).toMatchObject({
      ok: false,
      issues: [
        {
          code: 'k8s-secret-data-invalid',
          path: 'data.password',
          line: 6,
          column: 13,
          source: 'secret.yaml',
          message: 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 6',
        },
      ],
    });
  });

  it('a key that is not IsConfigMapKey', () => {
    const r = resolveManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  "a b": x\n');
    expect(r.ok ? null : r.issues[0]).toMatchObject({
      code: 'k8s-manifest-invalid',
      line: 6,
      message: `ConfigMap "c" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    });
  });

  it('a config source of the wrong kind', () => {
    const r = resolveManifests(HELM, { configSources: [{ text: 'kind: Secret\nmetadata: { name: s }\n', source: 's.yaml', kind: 'ConfigMap' }] });
    expect(r.ok ? null : r.issues[0]).toMatchObject({ code: 'k8s-manifest-invalid', source: 's.yaml', message: 'document 0 kind: kind "Secret" where a ConfigMap was expected' });
  });

  it('binary Secret data: a warning, as env it fails on 1.34+ nodes', () => {
    const r = resolveManifests('apiVersion: v1\nkind: Secret\nmetadata:\n  name: b\ndata:\n  blob: /w==\n');
    expect(r.ok && r.diagnostics.map((d) => [d.code, d.path])).toEqual([['k8s-secret-not-utf8', 'data.blob']]);
  });
});

// Properties. Documents: one Deployment reading ConfigMaps `cm0…` through envFrom and argv
// references to keys, and ConfigMaps with generated keys.
const keyArb = fc.constantFrom('A', 'B', 'C', 'MODE');
const configMapArb = fc.record({ name: fc.constantFrom('cm0', 'cm1', 'cm2'), data: fc.dictionary(keyArb, fc.constantFrom('x', 'y', '$(A)'), { maxKeys: 3 }) });
const workloadArb = fc.record({ refs: fc.uniqueArray(fc.constantFrom('cm0', 'cm1', 'cm2', 'cm3'), { maxLength: 3 }), args: fc.array(keyArb, { maxLength: 4 }) });

function deploymentYaml(w: { refs: readonly string[]; args: readonly string[] }): string {
  const envFrom = w.refs.map((r) => `            - configMapRef: { name: ${r} }`).join('\n');
  const args = w.args.map((a) => `            - "--${a.toLowerCase()}=$(${a})"`).join('\n');
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: app }\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1\n          command: [/app]\n${args === '' ? '' : `          args:\n${args}\n`}${envFrom === '' ? '' : `          envFrom:\n${envFrom}\n`}`;
}

function configMapYaml(c: { name: string; data: Record<string, string> }): string {
  const data = Object.entries(c.data).map(([k, v]) => `  ${k}: "${v}"`);
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${c.name} }\n${data.length === 0 ? 'data: {}' : `data:\n${data.join('\n')}`}\n`;
}

/** Config maps with distinct names (the same name twice is order-dependent, as kubectl apply is). */
const distinctMapsArb = fc.uniqueArray(configMapArb, { selector: (c) => c.name, maxLength: 3 });

describe('properties', () => {
  test.prop([workloadArb, distinctMapsArb, fc.infiniteStream(fc.nat())])('the order of the documents does not matter', (w, maps, shuffle) => {
    const docs = [deploymentYaml(w), ...maps.map(configMapYaml)];
    const order = docs.map((d, i) => ({ d, k: shuffle.next().value as number, i })).sort((a, b) => a.k - b.k || a.i - b.i);
    expect(outcome(only(order.map((o) => o.d).join('---\n')))).toEqual(outcome(only(docs.join('---\n'))));
  });

  test.prop([workloadArb, distinctMapsArb, configMapArb])('adding a ConfigMap never turns a defined value undefined', (w, maps, extra) => {
    fc.pre(!maps.some((m) => m.name === extra.name));
    // Each argv reference: its path, undefined (warned) or unknown (dependsOnEnv); any other is defined.
    const refs = (yaml: string) => {
      const r = only(yaml);
      const undefinedAt = r.diagnostics.filter((d) => d.code === 'k8s-undefined-reference').map((d) => d.path);
      return { undefinedAt, unknownAt: r.ok && !r.complete ? r.dependsOnEnv.map((d) => d.path) : [] };
    };
    const docs = [deploymentYaml(w), ...maps.map(configMapYaml)];
    const before = refs(docs.join('---\n'));
    const after = refs([...docs, configMapYaml(extra)].join('---\n'));
    for (const path of after.undefinedAt) expect([...before.undefinedAt, ...before.unknownAt]).toContain(path);
  });

  test.prop([workloadArb, distinctMapsArb])('a value known with some ConfigMaps given is the value the complete input gives', (w, maps) => {
    // Knowing more never changes a known argv: if the partial input is complete, the full one agrees.
    const partial = only([deploymentYaml(w), ...maps.slice(0, 1).map(configMapYaml)].join('---\n'));
    const full = only([deploymentYaml(w), ...maps.map(configMapYaml)].join('---\n'));
    if (partial.ok && partial.complete) expect(outcome(full)).toEqual(outcome(partial));
  });
});
