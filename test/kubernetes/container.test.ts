import { describe, expect, test } from 'vitest';
import { expandKubernetes, resolveKubernetes, toKubernetes, type DockerRunOverrides, type ImageConfig, type KubernetesEnvVar } from '../../src/index.js';
import { vectorsOf } from '../fixtures/vectors.js';

const image = (input: Record<string, unknown>): ImageConfig => ({
  entrypoint: (input['imageEntrypoint'] as string[] | null) ?? null,
  cmd: (input['imageCmd'] as string[] | null) ?? null,
});
type OciImage = { Entrypoint?: string[] | null; Cmd?: string[] | null };
const oci = (o: OciImage): ImageConfig => ({ entrypoint: o.Entrypoint ?? null, cmd: o.Cmd ?? null });

describe('resolveKubernetes', () => {
  // containerd internal/cri/server/container_create_test.go TestContainerSpecCommand. cri-02 (empty
  // non-nil command) is reachable only from Go callers; from Kubernetes an empty command is unset.
  describe('spec vectors (cri)', () => {
    test.for(vectorsOf('cri'))('$id: $description', (v) => {
      const command = v.input['command'] as string[] | null;
      const args = v.input['args'] as string[] | null;
      const got = resolveKubernetes(image(v.input), { command, args });
      if ('error' in v.expected) {
        expect(got).toMatchObject({ ok: false, issues: [{ code: 'no-command', message: v.expected['error'] }] });
      } else if (v.id === 'cri-02') {
        // Over CRI the empty list is indistinguishable from unset: image ENTRYPOINT + args.
        expect(got.ok && got.argv).toEqual(['c', 'd', 'a', 'b']);
      } else expect(got.ok && got.argv).toEqual(v.expected['argv']);
    });
  });

  describe('spec vectors (k8s-pod, incl. kubernetes.io docs table)', () => {
    test.for(vectorsOf('k8s-pod'))('$id: $description', (v) => {
      const got = resolveKubernetes(image(v.input), {
        command: v.input['command'] as string[] | null,
        args: v.input['args'] as string[] | null,
        env: v.input['env'] as KubernetesEnvVar[],
      });
      expect(got.ok && got.argv).toEqual(v.expected['argv']);
    });
  });

  describe('spec vectors (k8s-env)', () => {
    test.for(vectorsOf('k8s-env'))('$id: $description', (v) => {
      const got = resolveKubernetes({ cmd: ['x'] }, { env: v.input['env'] as KubernetesEnvVar[] });
      expect(got.ok && Object.fromEntries(got.env.map((e) => [e.name, e.value]))).toEqual(v.expected['env']);
    });
  });

  // kubernetes pkg/kubelet/container/helpers_test.go TestExpandCommandAndArgs.
  describe('spec vectors (k8s-expand-cmdargs)', () => {
    test.for(vectorsOf('k8s-expand-cmdargs'))('$id: $description', (v) => {
      const command = v.input['command'] as string[] | null;
      const args = v.input['args'] as string[] | null;
      const got = resolveKubernetes({ entrypoint: ['/img-ep'], cmd: ['img-cmd'] }, { command, args, env: v.input['env'] as KubernetesEnvVar[] });
      const want = v.expected as { command: string[] | null; args: string[] | null };
      expect(got.ok && got.complete).toBe(true);
      if (!got.ok || !got.complete) return;
      expect(got.command).toEqual(want.command ?? ['/img-ep']);
      expect(got.args).toEqual(want.args ?? (want.command ? [] : ['img-cmd']));
    });
  });

  test('valueFrom values are not expanded; envFrom comes first; env overrides it', () => {
    const got = resolveKubernetes(
      { cmd: null },
      {
        command: ['echo', '$(A)', '$(B)', '$(P_K)', '$(S)'],
        envFrom: [{ configMapRef: { name: 'cm' }, prefix: 'P_' }],
        env: [
          { name: 'A', valueFrom: { configMapKeyRef: { name: 'cm', key: 'K' } } },
          { name: 'B', value: '$(P_K)!' },
          { name: 'P_K', value: 'override' },
          { name: 'S', valueFrom: { secretKeyRef: { name: 's', key: 'pw' } } },
        ],
      },
      { configMaps: { cm: { K: '$(B)', 'bad=name': 'x' } }, secrets: { s: { pw: 'hunter2' } } },
    );
    // A = the ConfigMap value verbatim; B saw P_K = '$(B)' from envFrom (values from envFrom are not expanded).
    expect(got.ok && got.argv).toEqual(['echo', '$(B)', '$(B)!', 'override', 'hunter2']);
    expect(got.diagnostics.map((d) => d.code)).toContain('k8s-env-invalid-name');
  });

  test('env values see only earlier entries; command sees all', () => {
    const got = resolveKubernetes(
      { cmd: null },
      {
        command: ['echo', '$(A)', '$(B)'],
        env: [
          { name: 'A', value: '$(B)' },
          { name: 'B', value: 'x' },
        ],
      },
    );
    expect(got.ok && got.argv).toEqual(['echo', '$(B)', 'x']);
    expect(got.diagnostics.some((d) => d.code === 'k8s-undefined-reference' && d.path === 'env[0].value')).toBe(true);
  });

  test('a reference to a later env entry is not called undefined', () => {
    const got = resolveKubernetes(
      { cmd: null },
      {
        command: ['echo', '$(A)'],
        env: [
          { name: 'A', value: '$(B)-$(C)' },
          { name: 'B', value: 'x' },
        ],
      },
    );
    const messages = got.diagnostics.filter((d) => d.code === 'k8s-undefined-reference').map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages.find((m) => m.includes('$(B)'))).toMatch(/declared after "A"/);
    expect(messages.find((m) => m.includes('$(C)'))).toMatch(/No variable "C" is defined/);
  });

  test('image ENV is never used; undefined references are diagnosed', () => {
    const got = resolveKubernetes({ entrypoint: ['/bin/app'] }, { args: ['$(HOME)', '$HOME', '${USER}'] });
    expect(got.ok && got.argv).toEqual(['/bin/app', '$(HOME)', '$HOME', '${USER}']);
    const codes = got.diagnostics.map((d) => d.code);
    expect(codes).toContain('k8s-undefined-reference');
    expect(codes).toContain('k8s-shell-variable');
    expect(got.diagnostics.find((d) => d.code === 'k8s-shell-variable')?.severity).toBe('warning');
  });

  test('$VAR inside an sh -c script is info; $(cmd) there is a command substitution', () => {
    const got = resolveKubernetes({ cmd: null }, { command: ['sh', '-c', 'echo $HOME $(date)'] });
    expect(got.ok && got.argv).toEqual(['sh', '-c', 'echo $HOME $(date)']);
    expect(got.diagnostics.find((d) => d.code === 'k8s-shell-variable')).toMatchObject({ severity: 'info', path: 'command[2]' });
    expect(got.diagnostics.find((d) => d.code === 'k8s-undefined-reference')?.message).toMatch(/command substitution/);
  });

  test('command: [] is unset (diagnosed); sh -c traps reuse analyzeArgv', () => {
    const got = resolveKubernetes({ entrypoint: ['sh', '-c'], cmd: ['x'] }, { command: [], args: ['echo', 'hi'] });
    expect(got.ok && got.argv).toEqual(['sh', '-c', 'echo', 'hi']);
    const codes = got.diagnostics.map((d) => d.code);
    expect(codes).toContain('k8s-empty-command');
    expect(codes).toContain('argv-sh-c-extra-args');
  });

  test('missing ConfigMap fails like the kubelet; optional is skipped; unknown maps make references unknown', () => {
    const c = { command: ['x', '$(MODE)'], envFrom: [{ configMapRef: { name: 'nope' } }] };
    expect(resolveKubernetes({}, c, { configMaps: {} })).toMatchObject({ ok: false, issues: [{ code: 'k8s-env-source-missing', path: 'envFrom[0]' }] });
    expect(resolveKubernetes({}, { command: ['x'], envFrom: [{ configMapRef: { name: 'nope', optional: true } }] }, { configMaps: {} }).ok).toBe(true);
    const unknown = resolveKubernetes({}, c);
    expect(unknown).toMatchObject({
      ok: true,
      complete: false,
      dependsOn: [],
      argv: ['x', '$(MODE)'],
      dependsOnEnv: [{ variable: 'MODE', path: 'command[1]', from: [{ kind: 'configMap', name: 'nope' }] }],
    });
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(['k8s-env-value-unknown']);
  });

  // kubelet_pods.go: IsEnvVarName skip + event from kubernetes#42642/#48986 (1.6–1.29); no check
  // from 1.30 (kubernetes#123385; kubernetes/kubernetes@df5f0243 has none).
  test('envFrom keys an older kubelet skips (1.29: IsEnvVarName; 1.30+: every key)', () => {
    const c = { command: ['echo', '$(1x)', '$(P_1x)'], envFrom: [{ configMapRef: { name: 'cm' } }, { prefix: 'P_', configMapRef: { name: 'cm' } }] };
    const maps = { configMaps: { cm: { '1x': 'one' } } };
    const old = resolveKubernetes({}, c, { ...maps, kubernetesVersion: '1.29' });
    expect(old.ok && old.argv).toEqual(['echo', '$(1x)', 'one']);
    expect(old.diagnostics.find((d) => d.code === 'k8s-env-invalid-name')?.message).toBe(
      'Keys [1x] from the EnvFrom configMap cm were skipped since they are considered invalid environment variable names.',
    );
    const cur = resolveKubernetes({}, c, maps);
    expect(cur.ok && cur.argv).toEqual(['echo', 'one', 'one']);
    expect(cur.diagnostics.find((d) => d.code === 'k8s-env-invalid-name')?.severity).toBe('info');
  });

  test('service links are visible after env', () => {
    const got = resolveKubernetes(
      {},
      { command: ['echo', '$(DB_SERVICE_HOST)', '$(X)'], env: [{ name: 'X', value: '$(DB_SERVICE_HOST)' }] },
      { serviceEnv: { DB_SERVICE_HOST: '10.0.0.1' } },
    );
    expect(got.ok && got.argv).toEqual(['echo', '10.0.0.1', '10.0.0.1']);
  });

  test('$ + multi-byte: 1.34.0–1.34.3 / 1.35.0 fail to create, ≤1.33 corrupts, fixed releases keep it', () => {
    const c = { command: ['echo', 'price: $€5'] };
    expect(resolveKubernetes({}, c, { kubernetesVersion: '1.34.2' })).toMatchObject({
      ok: false,
      issues: [{ code: 'k8s-invalid-utf8', message: 'grpc: error while marshaling: string field contains invalid UTF-8' }],
    });
    expect(resolveKubernetes({}, c, { kubernetesVersion: '1.35.0' }).ok).toBe(false);
    const old = resolveKubernetes({}, c, { kubernetesVersion: '1.33.5' });
    expect(old.ok && old.argv?.[1]).toBe('price: $\u00e2\uFFFD\uFFFD5');
    expect(old.diagnostics.find((d) => d.code === 'k8s-dollar-multibyte')?.severity).toBe('warning');
    const fixed = resolveKubernetes({}, c, { kubernetesVersion: '1.34.4' });
    expect(fixed.ok && fixed.argv?.[1]).toBe('price: $€5');
    expect(fixed.diagnostics.find((d) => d.code === 'k8s-dollar-multibyte')?.severity).toBe('info');
    // env values are expanded too (the issue's reproduction).
    expect(resolveKubernetes({}, { command: ['x'], env: [{ name: 'P', value: 'a$ü' }] }, { kubernetesVersion: '1.34.1' }).ok).toBe(false);
  });

  test('wrong JS types throw TypeError', () => {
    expect(() => resolveKubernetes({}, { command: 'echo' as unknown as string[] })).toThrow(TypeError);
    expect(() => resolveKubernetes({}, { args: [1 as unknown as string] })).toThrow(/container.args\[0\]/);
  });
});

describe('toKubernetes', () => {
  function runFromCli(cli: readonly string[]): DockerRunOverrides {
    let entrypoint: string | undefined;
    let i = 0;
    for (; i < cli.length; i++) {
      if (cli[i] === '--entrypoint') entrypoint = cli[++i] ?? '';
      else break;
    }
    return { ...(entrypoint !== undefined && { entrypoint }), args: cli.slice(i) };
  }

  describe('spec vectors (docker-run-to-k8s)', () => {
    test.for(vectorsOf('docker-run-to-k8s'))('$id: $description', (v) => {
      const img = oci(v.input['image'] as OciImage);
      const got = toKubernetes(img, runFromCli(v.input['cli'] as string[]));
      if ('error' in v.expected) {
        expect(got).toMatchObject({ ok: false, issues: [{ code: 'no-command', message: v.expected['error'] }] });
        return;
      }
      const want = v.expected['k8s'] as { command: string[] | null; args: string[] | null };
      expect(got.ok).toBe(true);
      if (!got.ok) return;
      expect(got.command ?? null).toEqual(want.command);
      expect(got.args ?? null).toEqual(want.args);
      const back = resolveKubernetes(img, { command: got.command ?? null, args: got.args ?? null });
      expect(back.ok && back.argv).toEqual(v.expected['argv'] ?? v.expected['argvAfterKubeletExpansion']);
    });
  });

  test('minimal: args equal to the image CMD stay unset', () => {
    expect(toKubernetes({ entrypoint: ['/e'], cmd: ['c'] }, { args: ['c'] })).toEqual({ ok: true, command: null, args: null, diagnostics: [] });
    expect(toKubernetes({ entrypoint: ['/e'], cmd: [] }, { entrypoint: '/e' })).toEqual({ ok: true, command: null, args: null, diagnostics: [] });
    expect(toKubernetes({ entrypoint: ['/e'], cmd: ['c'] }, { entrypoint: '/e' })).toMatchObject({ command: ['/e'] });
    // --entrypoint "" with no image ENTRYPOINT: nothing to clear, nothing to say.
    expect(toKubernetes({ cmd: ['c'] }, { entrypoint: '', args: ['c'] })).toEqual({ ok: true, command: null, args: null, diagnostics: [] });
    expect(toKubernetes({ entrypoint: [''], cmd: ['c'] }, { entrypoint: '', args: ['x'] })).toEqual({ ok: true, command: null, args: ['x'], diagnostics: [] });
  });

  test('--init cannot be expressed', () => {
    expect(toKubernetes({ cmd: ['c'] }, { init: true })).toMatchObject({ ok: false, issues: [{ code: 'k8s-no-init' }] });
  });

  test('escaping survives any environment', () => {
    const got = toKubernetes({ cmd: null }, { args: ['echo', '$(X)', '$$', '$'] });
    expect(got.ok && got.args?.map((a) => expandKubernetes(a, { X: 'no' }))).toEqual(['echo', '$(X)', '$$', '$']);
  });
});
