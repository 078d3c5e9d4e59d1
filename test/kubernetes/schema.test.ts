import { describe, expect, test } from 'vitest';
import { safeParsePodSpec } from '../../src/kubernetes/schema.js';

// Source: Kubernetes API reference v1.34, core/v1 Container (command, args: []string; env: []EnvVar with
// a required name; envFrom: []EnvFromSource with prefix, configMapRef/secretRef {name, optional}) and
// PodSpec (containers required; initContainers, ephemeralContainers). A YAML null is the same as an
// absent field in the API, so lists may be null. Other fields pass through unchecked.
const CONTAINER = {
  name: 'app',
  image: 'nginx:1.27',
  command: ['/bin/sh', '-c'],
  args: ['echo $(HOME)'],
  env: [
    { name: 'A', value: '1' },
    { name: 'B', valueFrom: { configMapKeyRef: { name: 'cm', key: 'b', optional: true } } },
    { name: 'C', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'D', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', containerName: 'app' } } },
    { name: 'E', valueFrom: { secretKeyRef: { name: 's', key: 'e' } } },
  ],
  envFrom: [{ prefix: 'P_', configMapRef: { name: 'cm' } }, { secretRef: { name: 's', optional: false } }],
  ports: [{ containerPort: 80 }],
};

describe('a container', () => {
  test('a full container, unknown fields kept', () => {
    expect(safeParsePodSpec({ containers: [CONTAINER] })).toEqual({ success: true, data: { containers: [CONTAINER] } });
  });

  test.for([{}, { command: null, args: null, env: null, envFrom: null }, { env: [{ name: 'A', value: null, valueFrom: null }] }])('accepts %j', (container) => {
    expect(safeParsePodSpec({ containers: [container] }).success).toBe(true);
  });

  test.for([
    [{ command: '/bin/sh' }, ['command']],
    [{ args: ['a', 1] }, ['args', 1]],
    [{ env: [{ value: 'x' }] }, ['env', 0, 'name']],
    [{ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cm' } } }] }, ['env', 0, 'valueFrom', 'configMapKeyRef', 'key']],
    [{ envFrom: [{ configMapRef: { optional: true } }] }, ['envFrom', 0, 'configMapRef', 'name']],
    [{ name: 3 }, ['name']],
  ] as const)('%j is rejected at %j', ([container, path]) => {
    const r = safeParsePodSpec({ containers: [container] });
    expect(r.success).toBe(false);
    expect(r.success ? undefined : r.issues[0]?.path).toEqual(['containers', 0, ...path]);
  });
});

describe('a pod spec', () => {
  test.for([{ containers: [] }, { containers: [CONTAINER], initContainers: [{ name: 'init' }], ephemeralContainers: null }, { containers: [{}], volumes: [{ name: 'v' }] }])(
    'accepts %j',
    (spec) => {
      expect(safeParsePodSpec(spec).success).toBe(true);
    },
  );

  test.for([
    [{}, ['containers']],
    [{ containers: null }, ['containers']],
    [{ containers: [{}], initContainers: [{ command: 1 }] }, ['initContainers', 0, 'command']],
  ] as const)('%j is rejected at %j', ([spec, path]) => {
    const r = safeParsePodSpec(spec);
    expect(r.success).toBe(false);
    expect(r.success ? undefined : r.issues[0]?.path).toEqual(path);
  });

  test('at most 1000 containers per list (a cap on untrusted input)', () => {
    expect(safeParsePodSpec({ containers: Array.from({ length: 1000 }, () => ({})) }).success).toBe(true);
    const r = safeParsePodSpec({ containers: Array.from({ length: 1001 }, () => ({})) });
    // zod's English message, passed per call (src/kubernetes/schema.ts), reaches the manifest issue.
    expect(r).toEqual({ success: false, issues: [expect.objectContaining({ code: 'too_big', path: ['containers'], message: 'Too big: expected array to have <=1000 items' })] });
  });
});
