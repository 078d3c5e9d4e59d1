import { describe, expect, it } from 'vitest';
import { resolveKubernetes, type KubernetesContainer, type KubernetesOptions } from '../../src/index.js';
import { envFromNameRule, isServiceLinkName } from '../../src/kubernetes/environment.js';
import { kubernetesProfile } from '../../src/kubernetes/expansion.js';

// The rules of kubelet makeEnvironmentVariables, read in kubernetes/kubernetes
// pkg/kubelet/kubelet_pods.go at df5f02437d38 and 001a80e975bb (envFrom in order into one map, then
// env in order: a literal value expanded against that map + service links, valueFrom values
// verbatim; env replaces envFrom; a later envFrom source replaces an earlier one; optional sources
// that do not exist are skipped; a missing key of an existing ConfigMap fails unless optional).
const KUBELET = 'kubernetes/kubernetes pkg/kubelet/kubelet_pods.go@df5f02437d38 makeEnvironmentVariables';

/** What a row expects: the argv, or the issue code; and which references are unknown or undefined. */
interface Row {
  readonly why: string;
  readonly source: string;
  readonly container: KubernetesContainer;
  readonly options?: KubernetesOptions;
  readonly argv?: readonly string[];
  readonly issue?: string;
  /** Variables whose value is not known here (complete: false). */
  readonly unknown?: readonly string[];
  /** Variables with a k8s-undefined-reference warning. */
  readonly undefined?: readonly string[];
}

const cm = (name: string, extra: Record<string, unknown> = {}) => ({ configMapRef: { name }, ...extra });

const ROWS: readonly Row[] = [
  {
    why: 'a later envFrom source replaces an earlier one',
    source: KUBELET,
    container: { command: ['echo', '$(A)'], envFrom: [cm('one'), cm('two')] },
    options: { configMaps: { one: { A: '1' }, two: { A: '2' } } },
    argv: ['echo', '2'],
  },
  {
    why: 'env replaces envFrom, whatever their order in the file',
    source: KUBELET,
    container: { command: ['echo', '$(A)'], env: [{ name: 'A', value: 'env' }], envFrom: [cm('one')] },
    options: { configMaps: { one: { A: 'from' } } },
    argv: ['echo', 'env'],
  },
  {
    why: 'prefix is prepended to every key',
    source: KUBELET,
    container: { command: ['echo', '$(DB_HOST)', '$(HOST)'], envFrom: [cm('db', { prefix: 'DB_' })] },
    options: { configMaps: { db: { HOST: 'pg' } } },
    argv: ['echo', 'pg', '$(HOST)'],
    undefined: ['HOST'],
  },
  {
    why: 'an optional valueFrom whose key is missing leaves the envFrom value in place',
    source: KUBELET,
    container: { command: ['echo', '$(A)'], envFrom: [cm('one')], env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'one', key: 'nope', optional: true } } }] },
    options: { configMaps: { one: { A: 'kept' } } },
    argv: ['echo', 'kept'],
  },
  {
    why: 'a required key that is missing fails container creation (CreateContainerConfigError)',
    source: KUBELET,
    container: { command: ['echo'], env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'pw' } } }] },
    options: { secrets: { s: {} } },
    issue: 'k8s-env-source-missing',
  },
  {
    why: 'a ConfigMap not given makes every name possible (no undefined-reference warning)',
    source: KUBELET,
    container: { command: ['echo', '$(MODE)', '$(ANYTHING)'], envFrom: [cm('app')] },
    argv: ['echo', '$(MODE)', '$(ANYTHING)'],
    unknown: ['MODE', 'ANYTHING'],
  },
  {
    why: 'an unknown source with a prefix only opens names with that prefix',
    source: KUBELET,
    container: { command: ['echo', '$(APP_MODE)', '$(MODE)'], envFrom: [cm('app', { prefix: 'APP_' })] },
    argv: ['echo', '$(APP_MODE)', '$(MODE)'],
    unknown: ['APP_MODE'],
    undefined: ['MODE'],
  },
  {
    why: 'an unknown envFrom source after a known one may replace its values',
    source: KUBELET,
    container: { command: ['echo', '$(A)'], envFrom: [cm('known'), cm('other')] },
    options: { configMaps: (name) => (name === 'known' ? { A: '1' } : undefined) },
    argv: ['echo', '$(A)'],
    unknown: ['A'],
  },
  {
    why: 'a known envFrom source after an unknown one decides its keys',
    source: KUBELET,
    container: { command: ['echo', '$(A)'], envFrom: [cm('other'), cm('known')] },
    options: { configMaps: (name) => (name === 'known' ? { A: '1' } : undefined) },
    argv: ['echo', '1'],
  },
  {
    why: 'an env value built from an unknown value is unknown too',
    source: KUBELET,
    container: {
      command: ['echo', '$(URL)'],
      env: [
        { name: 'HOST', valueFrom: { configMapKeyRef: { name: 'net', key: 'host' } } },
        { name: 'URL', value: 'http://$(HOST)/' },
      ],
    },
    argv: ['echo', '$(URL)'],
    unknown: ['URL'],
  },
  {
    why: 'fieldRef values are known once the Pod runs: unknown, not undefined',
    source: `${KUBELET}; podFieldSelectorRuntimeValue`,
    container: { command: ['echo', '$(POD_IP)'], env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }] },
    argv: ['echo', '$(POD_IP)'],
    unknown: ['POD_IP'],
  },
  {
    why: 'fieldValues gives them',
    source: KUBELET,
    container: { command: ['echo', '$(POD_IP)'], env: [{ name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }] },
    options: { fieldValues: { 'status.podIP': '10.1.2.3' } },
    argv: ['echo', '10.1.2.3'],
  },
  {
    why: 'resourceFieldRef is not computed here: unknown',
    source: `${KUBELET}; containerResourceRuntimeValue`,
    container: { command: ['echo', '$(CPU)'], env: [{ name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } }] },
    argv: ['echo', '$(CPU)'],
    unknown: ['CPU'],
  },
  {
    why: 'service-link names are unknown (a Service of the namespace may define them)',
    source: 'kubernetes/kubernetes pkg/kubelet/envvars/envvars.go FromServices; kubelet_pods.go getServiceEnvVarMap',
    container: { command: ['echo', '$(REDIS_SERVICE_HOST)', '$(REDIS_HOST)'] },
    argv: ['echo', '$(REDIS_SERVICE_HOST)', '$(REDIS_HOST)'],
    unknown: ['REDIS_SERVICE_HOST'],
    undefined: ['REDIS_HOST'],
  },
  {
    why: 'enableServiceLinks: false keeps only the master service variables',
    source: 'kubelet_pods.go getServiceEnvVarMap (master services of the default namespace always)',
    container: { command: ['echo', '$(REDIS_SERVICE_HOST)', '$(KUBERNETES_SERVICE_HOST)'] },
    options: { enableServiceLinks: false },
    argv: ['echo', '$(REDIS_SERVICE_HOST)', '$(KUBERNETES_SERVICE_HOST)'],
    unknown: ['KUBERNETES_SERVICE_HOST'],
    undefined: ['REDIS_SERVICE_HOST'],
  },
  {
    why: 'a given serviceEnv is all there is',
    source: KUBELET,
    container: { command: ['echo', '$(REDIS_SERVICE_HOST)', '$(DB_SERVICE_HOST)'] },
    options: { serviceEnv: { REDIS_SERVICE_HOST: '10.0.0.9' } },
    argv: ['echo', '10.0.0.9', '$(DB_SERVICE_HOST)'],
    undefined: ['DB_SERVICE_HOST'],
  },
];

describe('the kubelet environment: known, unknown and undefined', () => {
  it.for(ROWS)('$why', (row) => {
    const got = resolveKubernetes({}, row.container, row.options);
    if (row.issue !== undefined) {
      expect(got).toMatchObject({ ok: false, issues: [{ code: row.issue }] });
      return;
    }
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const unknown = got.complete ? [] : got.dependsOnEnv.map((d) => d.variable);
    expect(got.argv).toEqual(row.argv);
    expect(unknown).toEqual(row.unknown ?? []);
    expect(got.complete).toBe((row.unknown ?? []).length === 0);
    const undefinedNames = got.diagnostics.filter((d) => d.code === 'k8s-undefined-reference').map((d) => /\$\(([^)]*)\)/.exec(d.message)?.[1]);
    expect(undefinedNames).toEqual(row.undefined ?? []);
  });
});

describe('envFromNameRule', () => {
  // kubernetes#42642 (1.6, IsCIdentifier, skip + event), #48986 (1.8, IsEnvVarName), #123385 (1.30, check removed).
  const VERSIONS: readonly { version: string | undefined; rule: string }[] = [
    { version: '1.6', rule: 'c-identifier' },
    { version: '1.7.4', rule: 'c-identifier' },
    { version: '1.8', rule: 'env-var-name' },
    { version: '1.29.9', rule: 'env-var-name' },
    { version: '1.30.0', rule: 'none' },
    { version: '1.34', rule: 'none' },
    { version: undefined, rule: 'none' },
  ];
  it.for(VERSIONS)('$version → $rule', ({ version, rule }) => {
    expect(envFromNameRule(kubernetesProfile(version))).toBe(rule);
  });

  it('which keys 1.7 and 1.29 skip', () => {
    const keys = { 'app.properties': 'a', 'log-level': 'b', '1x': 'c', '..x': 'd', ok_1: 'e' };
    const skipped = (v: string) =>
      resolveKubernetes({}, { command: ['x'], envFrom: [{ configMapRef: { name: 'cm' } }] }, { configMaps: { cm: keys }, kubernetesVersion: v }).diagnostics.find(
        (d) => d.code === 'k8s-env-invalid-name',
      )?.message;
    expect(skipped('1.7')).toBe(
      'Keys [..x, 1x, app.properties, log-level] from the EnvFrom configMap cm were skipped since they are considered invalid environment variable names.',
    );
    expect(skipped('1.29')).toBe('Keys [..x, 1x] from the EnvFrom configMap cm were skipped since they are considered invalid environment variable names.');
  });
});

describe('isServiceLinkName', () => {
  // envvars.go FromServices/makeLinkVariables for a Service "redis-master" with port 6379 named "redis".
  const LINK = ['REDIS_MASTER_SERVICE_HOST', 'REDIS_MASTER_SERVICE_PORT', 'REDIS_MASTER_SERVICE_PORT_REDIS', 'REDIS_MASTER_PORT', 'REDIS_MASTER_PORT_6379_TCP'];
  const LINK_MORE = ['REDIS_MASTER_PORT_6379_TCP_PROTO', 'REDIS_MASTER_PORT_6379_TCP_PORT', 'REDIS_MASTER_PORT_6379_TCP_ADDR', 'DNS_PORT_53_UDP', 'KUBERNETES_SERVICE_PORT_HTTPS'];
  const NOT = ['PORT', 'redis_service_host', 'REDIS_HOST', 'SERVICE_HOST', 'REDIS_PORT_X_TCP', 'REDIS_PORT_80_TCP_HOST', 'MY_SERVICE_NAME'];
  it.for([...LINK, ...LINK_MORE])('%s is a service-link name', (name) => expect(isServiceLinkName(name)).toBe(true));
  it.for(NOT)('%s is not', (name) => expect(isServiceLinkName(name)).toBe(false));
});
