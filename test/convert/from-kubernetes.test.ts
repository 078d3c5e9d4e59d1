import { describe, expect, test } from 'vitest';
import { parseQuantity, specFromKubernetes } from '../../src/convert/from-kubernetes.js';

const flags = (container: Record<string, unknown>, pod?: Record<string, unknown>) => {
  const r = specFromKubernetes(container, pod === undefined ? {} : { pod });
  return r.ok ? r.spec.flags.map((f) => `${f.name}=${f.value}`) : r.issues;
};

// Sources: Kubernetes core/v1 Container and PodSpec (field meanings), the kubelet's $(VAR) expansion
// and MilliCPUToShares (pkg/kubelet/cm: shares = milliCPU × 1024 / 1000, at least 2), containerd WithProcessArgs.
describe('specFromKubernetes', () => {
  test.for([
    [
      { command: ['sh', '-c'], args: ['echo $$HOME $(A)'], env: [{ name: 'A', value: 'a' }] },
      { entrypoint: ['sh', '-c'], cmd: ['echo $HOME a'] },
    ],
    [{ args: ['x'] }, { entrypoint: null, cmd: ['x'] }],
    [
      { command: [], args: [] },
      { entrypoint: null, cmd: null },
    ],
    [{ command: ['/app'] }, { entrypoint: ['/app'], cmd: null }],
  ] as const)('%j', ([container, expected]) => {
    const r = specFromKubernetes({ name: 'c', image: 'app', ...container });
    expect(r.ok && r.spec).toMatchObject(expected);
  });

  test('command [""] runs "" on Kubernetes and nothing on Docker: not expressible', () => {
    expect(specFromKubernetes({ name: 'c', image: 'app', command: [''] })).toMatchObject({ ok: false, issues: [{ code: 'convert-not-expressible' }] });
  });

  test('container fields and the Pod spec as flags', () => {
    expect(
      flags(
        {
          name: 'web',
          image: 'app',
          env: [{ name: 'A', value: '1' }],
          workingDir: '/w',
          stdin: true,
          tty: true,
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80 }, { containerPort: 53, hostPort: 5353, protocol: 'UDP' }],
          resources: { limits: { memory: '512Mi', cpu: '1500m' }, requests: { memory: '1G', cpu: '250m' } },
          securityContext: { runAsUser: 1000, runAsGroup: 2000, privileged: true, allowPrivilegeEscalation: false, capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } },
        },
        { restartPolicy: 'OnFailure', hostname: 'h' },
      ),
    ).toEqual([
      'name=web',
      'env=A=1',
      'workdir=/w',
      'interactive=true',
      'tty=true',
      'pull=missing',
      'expose=80',
      'publish=5353:53/udp',
      'memory=512m',
      'cpus=1.5',
      'memory-reservation=1000000000',
      'cpu-shares=256',
      'user=1000:2000',
      'privileged=true',
      'security-opt=no-new-privileges',
      'cap-add=NET_ADMIN',
      'cap-drop=ALL',
      'restart=on-failure',
      'hostname=h',
    ]);
  });

  test('fields without a counterpart are named', () => {
    const r = specFromKubernetes({ name: 'c', image: 'app', volumeMounts: [], livenessProbe: {} }, { pod: { volumes: [], containers: [] } });
    expect(r.diagnostics.map((d) => `${d.code} ${d.path ?? ''}`)).toEqual([
      'convert-no-counterpart container.volumeMounts',
      'convert-no-counterpart container.livenessProbe',
      'convert-restart-default spec',
      'convert-no-counterpart spec.volumes',
    ]);
  });

  test('a value from a Secret not given is named, not guessed', () => {
    const r = specFromKubernetes({ name: 'c', image: 'app', env: [{ name: 'S', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] });
    expect(r.ok && r.spec.flags.filter((f) => f.name === 'env')).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain('convert-no-counterpart');
  });
});

describe('parseQuantity', () => {
  test.for([
    ['512Mi', 512 * 2 ** 20],
    ['1G', 1e9],
    ['1500m', 1.5],
    ['2', 2],
    [0.5, 0.5],
    ['1e3', undefined],
    ['x', undefined],
  ] as const)('%j → %j', ([q, n]) => expect(parseQuantity(q)).toBe(n));
});

describe('values not given', () => {
  test('a command whose $(VAR) comes from a ConfigMap not given keeps the reference as written, and says so', () => {
    const r = specFromKubernetes({
      name: 'c',
      image: 'app',
      command: ['/app', '$(A)'],
      args: ['x'],
      env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cm', key: 'a' } } }],
    });
    expect(r.ok && r.spec).toMatchObject({ entrypoint: ['/app', '$(A)'], cmd: ['x'] });
    expect(r.diagnostics.map((d) => d.code)).toContain('k8s-env-value-unknown');
  });
});
