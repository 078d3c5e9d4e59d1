import { describe, expect, it } from 'vitest';
import { configKeyError, findConfigObject, type KubernetesConfigObject } from '../../src/kubernetes/config-data.js';

// apimachinery pkg/util/validation/validation.go IsConfigMapKey (as vendored in kubernetes/kubernetes):
// at most 253 bytes, `[-._a-zA-Z0-9]+`, not '.', '..' or starting with '..'; first message returned.
const KEYS: readonly { key: string; error: string | null }[] = [
  { key: 'MODE', error: null },
  { key: 'app.properties', error: null },
  { key: 'log-level', error: null },
  { key: '1x', error: null },
  { key: '.env', error: null },
  { key: 'k'.repeat(253), error: null },
  { key: 'k'.repeat(254), error: 'must be no more than 253 characters' },
  { key: '.', error: "must not be '.'" },
  { key: '..', error: "must not be '..'" },
  { key: '..a', error: "must not start with '..'" },
  {
    key: 'a b',
    error:
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  },
  {
    key: '',
    error:
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  },
];

describe('configKeyError', () => {
  it.for(KEYS)('$key', ({ key, error }) => expect(configKeyError(key)).toBe(error));
});

describe('findConfigObject', () => {
  const cm = (data: Record<string, string>, namespace?: string): KubernetesConfigObject => ({
    kind: 'ConfigMap',
    name: 'app',
    ...(namespace !== undefined && { namespace }),
    data,
  });
  // kubelet GetConfigMap(pod.Namespace, name); kubectl apply leaves the last object of a name.
  const ROWS: readonly { why: string; objects: KubernetesConfigObject[]; namespace?: string; apply?: string; want: Record<string, string> | undefined }[] = [
    { why: 'same namespace', objects: [cm({ A: '1' }, 'prod')], namespace: 'prod', want: { A: '1' } },
    { why: 'both without a namespace', objects: [cm({ A: '1' })], want: { A: '1' } },
    { why: 'another namespace: unknown', objects: [cm({ A: '1' }, 'dev')], namespace: 'prod', want: undefined },
    { why: 'object without one, apply namespace matches', objects: [cm({ A: '1' })], namespace: 'prod', apply: 'prod', want: { A: '1' } },
    { why: 'object without one, workload namespaced, no apply namespace: unknown', objects: [cm({ A: '1' })], namespace: 'prod', want: undefined },
    { why: 'the last one wins', objects: [cm({ A: '1' }), cm({ A: '2' })], want: { A: '2' } },
    { why: 'a Secret of that name is not a ConfigMap', objects: [{ kind: 'Secret', name: 'app', data: { A: '1' } }], want: undefined },
  ];
  it.for(ROWS)('$why', ({ objects, namespace, apply, want }) => {
    expect(findConfigObject(objects, 'ConfigMap', 'app', namespace, apply)).toEqual(want);
  });
});
