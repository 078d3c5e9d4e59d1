import { describe, expect, test } from 'vitest';
import { parseQuantity, resourceFieldValue, type KubernetesResources } from '../../src/kubernetes/resource-field.js';
import { resolveManifests } from '../../src/index.js';

// kubernetes/kubernetes pkg/api/v1/resource/helpers_test.go TestExtractResourceValue (2d58ef78): ExtractContainerResourceValue
// on the container as given (no node allocatable); the rows whose limit is set or whose request is read.
describe('resourceFieldValue: kubernetes TestExtractResourceValue', () => {
  test.for([
    { resource: 'limits.cpu', divisor: undefined, resources: { limits: { cpu: '9' } }, want: '9' },
    { resource: 'requests.cpu', divisor: undefined, resources: {}, want: '0' },
    { resource: 'requests.cpu', divisor: undefined, resources: { requests: { cpu: '8' } }, want: '8' },
    { resource: 'requests.cpu', divisor: undefined, resources: { requests: { cpu: '100m' } }, want: '1' },
    { resource: 'requests.cpu', divisor: '100m', resources: { requests: { cpu: '1200m' } }, want: '12' },
    { resource: 'requests.memory', divisor: undefined, resources: { requests: { memory: '100Mi' } }, want: '104857600' },
    { resource: 'requests.memory', divisor: '1Mi', resources: { requests: { memory: '100Mi' }, limits: { memory: '1Gi' } }, want: '100' },
    { resource: 'limits.memory', divisor: undefined, resources: { requests: { memory: '10Mi' }, limits: { memory: '100Mi' } }, want: '104857600' },
  ] as { resource: string; divisor: string | undefined; resources: KubernetesResources; want: string }[])(
    '$resource of $resources / $divisor = $want',
    ({ resource, divisor, resources, want }) => {
      expect(resourceFieldValue(resource, divisor, resources)).toBe(want);
    },
  );
});

// The kubelet's rules around it (kubernetes pkg/kubelet/kubelet_resources.go defaultPodLimitsForDownwardAPI: an
// unset or zero cpu, memory or ephemeral-storage limit is the node's allocatable, never hugepages; the API
// server's SetDefaults_Pod, pkg/apis/core/v1/defaults.go at f7cdbe2c: an unset request is the limit) and the
// divisor rules of ExtractContainerResourceValue (helpers.go at f9cfc9d9: divisor 1 when zero; ceiling).
describe('resourceFieldValue: limits from the node, requests from limits, rounding up', () => {
  test.for([
    { name: 'cpu limit not set: node allocatable', resource: 'limits.cpu', resources: {}, want: undefined },
    { name: 'memory limit not set', resource: 'limits.memory', resources: { requests: { memory: '1Gi' } }, want: undefined },
    { name: 'ephemeral-storage limit not set', resource: 'limits.ephemeral-storage', resources: null, want: undefined },
    { name: 'a zero limit is not set', resource: 'limits.cpu', resources: { limits: { cpu: '0' } }, want: undefined },
    { name: 'hugepages limit not set: 0', resource: 'limits.hugepages-2Mi', resources: {}, want: '0' },
    { name: 'hugepages limit', resource: 'limits.hugepages-2Mi', divisor: '2Mi', resources: { limits: { 'hugepages-2Mi': '1Gi' } }, want: '512' },
    { name: 'request defaults to the limit', resource: 'requests.memory', resources: { limits: { memory: '256Mi' } }, divisor: '1Mi', want: '256' },
    { name: 'request not set, no limit: 0', resource: 'requests.memory', resources: { limits: { cpu: '1' } }, want: '0' },
    { name: 'cpu 250m rounds up to 1 core', resource: 'limits.cpu', resources: { limits: { cpu: '250m' } }, want: '1' },
    { name: 'cpu 1.5 in millicores', resource: 'limits.cpu', divisor: '1m', resources: { limits: { cpu: '1.5' } }, want: '1500' },
    { name: 'cpu 0.0001 is 1m (MilliValue rounds up)', resource: 'limits.cpu', divisor: '1m', resources: { limits: { cpu: '0.0001' } }, want: '1' },
    { name: 'YAML number', resource: 'limits.cpu', divisor: 1, resources: { limits: { cpu: 2 } }, want: '2' },
    { name: 'memory 1G in Mi rounds up', resource: 'limits.memory', divisor: '1Mi', resources: { limits: { memory: '1G' } }, want: '954' },
    { name: 'memory 1.5 bytes is 2 (Value rounds up)', resource: 'limits.memory', resources: { limits: { memory: '1.5' } }, want: '2' },
    { name: 'exponent', resource: 'limits.memory', divisor: '1k', resources: { limits: { memory: '12e6' } }, want: '12000' },
    { name: 'unsupported resource', resource: 'limits.nvidia.com/gpu', resources: { limits: { 'nvidia.com/gpu': '1' } }, want: undefined },
    { name: 'not a quantity', resource: 'limits.cpu', resources: { limits: { cpu: 'two' } }, want: undefined },
  ] as { name: string; resource: string; divisor?: string | number; resources: KubernetesResources | null; want: string | undefined }[])(
    '$name',
    ({ resource, divisor, resources, want }) => {
      expect(resourceFieldValue(resource, divisor, resources)).toBe(want);
    },
  );
});

// apimachinery resource.ParseQuantity's grammar (quantity.go): the forms a manifest can write.
describe('parseQuantity', () => {
  test.for([
    ['1', [1n, 1n]],
    ['100m', [100n, 1000n]],
    ['1.5', [15n, 10n]],
    ['.5', [5n, 10n]],
    ['5.', [5n, 1n]],
    ['1Ki', [1024n, 1n]],
    ['2Mi', [2n * 2n ** 20n, 1n]],
    ['1e3', [1000n, 1n]],
    ['1E-3', [1n, 1000n]],
    ['+2k', [2000n, 1n]],
    ['-1', [-1n, 1n]],
    ['', null],
    ['.', null],
    ['1KB', null],
    ['1 Gi', null],
    ['0x10', null],
  ] as const)('%s', ([text, want]) => {
    expect(parseQuantity(text)).toEqual(want);
  });
});

// A Deployment as a user writes it (the downward API's resourceFieldRef example of
// kubernetes.io/docs/tasks/inject-data-application/environment-variable-expose-pod-information):
// values the container spec decides are in the argv; a limit left to the node stays unknown.
describe('resolveManifests: resourceFieldRef', () => {
  const manifest = (limits: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  template:
    spec:
      containers:
        - name: worker
          image: example/worker:1
          command: ["/worker", "--threads=$(CPU)", "--heap=$(MEM_MI)m"]
          resources:
            requests:
              cpu: 500m
${limits}
          env:
            - name: CPU
              valueFrom:
                resourceFieldRef:
                  resource: limits.cpu
            - name: MEM_MI
              valueFrom:
                resourceFieldRef:
                  containerName: worker
                  resource: limits.memory
                  divisor: 1Mi
`;
  test('limits set: the kubelet value', () => {
    const r = resolveManifests(manifest('            limits:\n              cpu: "2"\n              memory: 512Mi'));
    expect(r.ok && r.workloads[0]?.containers[0]?.result).toMatchObject({ complete: true, argv: ['/worker', '--threads=2', '--heap=512m'] });
  });
  test('limits left to the node: unknown', () => {
    const r = resolveManifests(manifest(''));
    const result = r.ok ? r.workloads[0]?.containers[0]?.result : undefined;
    expect(result).toMatchObject({ complete: false });
    expect(result !== undefined && 'dependsOnEnv' in result ? result.dependsOnEnv.map((d) => d.variable) : []).toEqual(['CPU', 'MEM_MI']);
  });
});
