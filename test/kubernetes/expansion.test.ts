import { describe, expect, test } from 'vitest';
import { kubernetesProfile } from '../../src/kubernetes/expansion.js';
import { escapeKubernetes, expandKubernetes, resolveKubernetes } from '../../src/index.js';
import { vectorsOf } from '../fixtures/vectors.js';

describe('expandKubernetes', () => {
  describe('spec vectors (k8s-expand)', () => {
    test.for(vectorsOf('k8s-expand'))('$id: $description', (v) => {
      const vars = v.input['vars'] as Record<string, string>;
      expect(expandKubernetes(v.input['input'] as string, vars)).toBe(v.expected['output']);
      expect(expandKubernetes(v.input['input'] as string, new Map(Object.entries(vars)))).toBe(v.expected['output']);
    });
  });

  test('prototype names stay literal', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).length;
    expect(expandKubernetes('$(constructor)$(__proto__)$(toString)$(hasOwnProperty)', {})).toBe('$(constructor)$(__proto__)$(toString)$(hasOwnProperty)');
    expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(before);
  });

  test('an own __proto__ key is a variable like any other', () => {
    const env = JSON.parse('{"__proto__": "p"}') as Record<string, string>;
    expect(expandKubernetes('$(__proto__)', env)).toBe('p');
  });

  // kubernetes/kubernetes#136323, fixed by #136325 (1.36), #136490 (1.34.4), #136491 (1.35.1).
  describe('$ + multi-byte character (kubernetes/kubernetes#136323)', () => {
    const rows = [
      { version: '1.33.5', input: 'pa$é', out: 'pa$\u00c3\uFFFD' },
      { version: '1.34.2', input: '$€x', out: '$\u00e2\uFFFD\uFFFDx' },
      { version: '1.34.3', input: '$🍺', out: '$\u00f0\uFFFD\uFFFD\uFFFD' },
      { version: '1.35.0', input: 'a$ñ$(X)', out: 'a$\u00c3\uFFFDv' },
      { version: '1.34.4', input: 'pa$é', out: 'pa$é' },
      { version: '1.35.1', input: '$🍺$(X)', out: '$🍺v' },
      { version: '1.36.0', input: '$€', out: '$€' },
    ];
    test.for(rows)('$version: $input', (row) => {
      expect(expandKubernetes(row.input, { X: 'v' }, { kubernetesVersion: row.version })).toBe(row.out);
    });
    test('default is current (fixed)', () => {
      expect(expandKubernetes('$é', {})).toBe('$é');
    });
    test('escaping protects affected releases', () => {
      expect(expandKubernetes(escapeKubernetes('$é'), {}, { kubernetesVersion: '1.34.0' })).toBe('$é');
    });
    test('profiles', () => {
      expect(kubernetesProfile('1.33.9')).toMatchObject({ dollarMultibyte: 'corrupt', rejectsInvalidUtf8: false });
      expect(kubernetesProfile('v1.34.0')).toMatchObject({ dollarMultibyte: 'corrupt', rejectsInvalidUtf8: true });
      expect(kubernetesProfile('1.34.4')).toMatchObject({ dollarMultibyte: 'keep' });
      expect(kubernetesProfile('1.35')).toMatchObject({ dollarMultibyte: 'corrupt' });
    });
  });

  test('escapeKubernetes', () => {
    expect(escapeKubernetes('echo $(date) $HOME')).toBe('echo $$(date) $$HOME');
    expect(escapeKubernetes('no dollars')).toBe('no dollars');
  });

  test('wrong JS types throw', () => {
    expect(() => expandKubernetes(1 as unknown as string, {})).toThrow(TypeError);
    expect(() => expandKubernetes('x', null as unknown as Record<string, string>)).toThrow(TypeError);
  });
});

// Source: kubernetes/kubernetes third_party/forked/golang/expansion/expand.go, tryReadVariableName:
// after `$(` everything up to the first `)` is the name (no nesting, no inner `$`); an unterminated
// `$(` is copied and the scan goes on after the `(`. So `$(FOO$BAR)` is one reference to `FOO$BAR`.
describe('one diagnostic per reference', () => {
  test.for([
    { args: ['$(FOO$BAR)'], env: [], want: [['k8s-undefined-reference', 'FOO$BAR']] },
    { args: ['$(FOO${BAR})'], env: [], want: [['k8s-undefined-reference', 'FOO${BAR}']] },
    { args: ['$(FOO$BAR)'], env: [{ name: 'FOO$BAR', value: 'x' }], want: [], argv: ['x'] },
    { args: ['$(FOO $BAR'], env: [], want: [['k8s-shell-variable', '$BAR']] },
    { args: ['$(A)$B'], env: [{ name: 'A', value: 'a' }], want: [['k8s-shell-variable', '$B']], argv: ['a$B'] },
  ])('$args', ({ args, env, want, argv }) => {
    const got = resolveKubernetes({ entrypoint: ['/app'] }, { args, env });
    const codes = got.diagnostics
      .filter((d) => d.code === 'k8s-undefined-reference' || d.code === 'k8s-shell-variable' || d.code === 'k8s-env-invalid-name')
      .map((d) => [d.code, d.message]);
    expect(codes.map(([c]) => c)).toEqual(want.map(([c]) => c));
    for (const [k, [, text]] of want.entries()) expect(codes[k]?.[1]).toContain(text);
    if (argv) expect(got.ok && got.argv?.slice(1)).toEqual(argv);
  });

  test('the message says the inner $ is part of the name', () => {
    const got = resolveKubernetes({ entrypoint: ['/app'] }, { args: ['$(FOO$BAR)'] });
    expect(got.ok && got.argv).toEqual(['/app', '$(FOO$BAR)']);
    expect(got.diagnostics.find((d) => d.code === 'k8s-undefined-reference')?.message).toMatch(/up to the first "\)"/);
  });
});
