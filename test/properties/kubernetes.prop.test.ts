import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { escapeKubernetes, expandKubernetes, resolveDockerRun, resolveKubernetes, toKubernetes } from '../../src/index.js';
import { splitGoShellwords } from '../../src/compose/go-shellwords.js';
import { imageArb, runArb, wordArb } from './arbitraries.js';

const envArb = fc.dictionary(fc.oneof(fc.constantFrom('X', 'A', 'constructor', '__proto__', ''), fc.string({ maxLength: 4 })), wordArb, { maxKeys: 5 });
const dollarTextArb = fc.oneof(wordArb, fc.string({ unit: fc.constantFrom('$', '(', ')', 'X', 'A', '€', '🍺', 'é', ' '), maxLength: 16 }));
const versionArb = fc.constantFrom(undefined, '1.33.5', '1.34.2', '1.34.4', '1.35.0', '1.35.1', '1.36.0');

describe('Kubernetes properties', () => {
  test.prop([imageArb, runArb])('resolveKubernetes(image, toKubernetes(image, run)) runs what docker run runs', (image, run) => {
    const docker = resolveDockerRun(image, run);
    const k8s = toKubernetes(image, run);
    if (!docker.ok) {
      expect(k8s.ok).toBe(false);
      return;
    }
    if (run.init === true) {
      expect(k8s).toMatchObject({ ok: false, issues: [{ code: 'k8s-no-init' }] });
      return;
    }
    expect(k8s.ok).toBe(true);
    if (!k8s.ok) return;
    const back = resolveKubernetes(image, { command: k8s.command ?? null, args: k8s.args ?? null }, { kubernetesVersion: '1.34.2' });
    expect(back.ok).toBe(true);
    expect(back.ok && back.argv).toEqual(docker.argv);
    const current = resolveKubernetes(image, { command: k8s.command ?? null, args: k8s.args ?? null });
    expect(current.ok && current.argv).toEqual(docker.argv);
  });

  test.prop([dollarTextArb, envArb, versionArb])('expandKubernetes(escapeKubernetes(s), env) === s', (s, env, version) => {
    const options = version === undefined ? {} : { kubernetesVersion: version };
    expect(expandKubernetes(escapeKubernetes(s), env, options)).toBe(s);
    expect(expandKubernetes(escapeKubernetes(s), new Map(Object.entries(env)), options)).toBe(s);
  });

  test.prop([dollarTextArb, envArb])('text without $ is never changed; expansion is total', (s, env) => {
    const out = expandKubernetes(s, env);
    if (!s.includes('$')) expect(out).toBe(s);
    expect(typeof out).toBe('string');
  });

  test.prop([fc.string({ maxLength: 40 }), fc.constantFrom('1.0.12', '1.0.14' as const)])('splitGoShellwords is total', (line, version) => {
    const got = splitGoShellwords(line, version);
    expect(typeof got.ok).toBe('boolean');
  });
});
