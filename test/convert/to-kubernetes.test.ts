import { describe, expect, test } from 'vitest';
import { specToKubernetes } from '../../src/convert/to-kubernetes.js';
import { specFlag, type ContainerSpec } from '../../src/convert/spec.js';
import type { ImageConfig } from '../../src/core/types.js';

const spec = (more: Partial<ContainerSpec>): ContainerSpec => ({ image: 'app:1', entrypoint: null, cmd: null, init: false, flags: [], ...more });

// Source: containerd WithProcessArgs (command replaces ENTRYPOINT and drops CMD; an empty command is
// unset; an image ENTRYPOINT of [""] is skipped) and the kubelet's $(VAR) expansion ($$ is a literal $);
// docs/semantics.md §3 "Kubernetes".
const rows: readonly { name: string; spec: Partial<ContainerSpec>; image?: ImageConfig; fields?: Record<string, unknown>; dependsOn?: string[]; issue?: string }[] = [
  { name: 'unset entrypoint: args', spec: { cmd: ['echo', '$(X)'] }, fields: { args: ['echo', '$$(X)'] } },
  { name: 'entrypoint and command', spec: { entrypoint: ['/bin/sh', '-c'], cmd: ['echo $HOME'] }, fields: { command: ['/bin/sh', '-c'], args: ['echo $$HOME'] } },
  { name: 'entrypoint [""]: the whole argv in command', spec: { entrypoint: [''], cmd: ['x'] }, fields: { command: ['x'] } },
  { name: 'entrypoint [] with a command: the whole argv in command', spec: { entrypoint: [], cmd: ['x'] }, fields: { command: ['x'] } },
  { name: 'entrypoint [] alone: the image CMD in command', spec: { entrypoint: [] }, image: { entrypoint: ['/ep'], cmd: ['c'] }, fields: { command: ['c'] } },
  { name: 'entrypoint [] alone, image unknown', spec: { entrypoint: [] }, dependsOn: ['cmd'] },
  { name: 'entrypoint [""] alone: nothing runs', spec: { entrypoint: [''] }, issue: 'no-command' },
  { name: 'nothing set: nothing written', spec: {}, fields: {} },
];

describe('specToKubernetes', () => {
  test.for(rows)('$name', (row) => {
    const r = specToKubernetes(spec(row.spec), { kubernetesKind: 'Container', ...(row.image !== undefined && { imageConfig: row.image }) });
    if (row.issue !== undefined) return expect(r).toMatchObject({ ok: false, issues: [{ code: row.issue }] });
    if (row.dependsOn !== undefined) return expect(r).toMatchObject({ ok: true, complete: false, dependsOn: row.dependsOn });
    expect(r.ok && r.complete && r.value.container).toEqual({ name: 'app', image: 'app:1', ...row.fields });
  });

  test('a Pod by default, a Deployment on request (restartPolicy other than Always is noted there)', () => {
    const s = spec({ cmd: ['x'], flags: [specFlag('restart', 'no', '--restart'), specFlag('hostname', 'h', '--hostname')] });
    const pod = specToKubernetes(s);
    expect(pod.ok && pod.complete && pod.value.document).toMatchObject({ kind: 'Pod', spec: { restartPolicy: 'Never', hostname: 'h', containers: [{ name: 'app' }] } });
    const deployment = specToKubernetes(s, { kubernetesKind: 'Deployment' });
    expect(deployment.ok && deployment.complete && deployment.value.document).toMatchObject({ kind: 'Deployment', spec: { template: { spec: { hostname: 'h' } } } });
    expect(JSON.stringify(deployment.ok && deployment.complete && deployment.value.document)).not.toContain('restartPolicy');
    expect(deployment.diagnostics.map((d) => d.code)).toContain('convert-no-counterpart');
  });

  test('--init is named (Kubernetes has no init process)', () => {
    expect(specToKubernetes(spec({ init: true, cmd: ['x'] })).diagnostics.map((d) => d.code)).toContain('convert-no-counterpart');
  });
});
