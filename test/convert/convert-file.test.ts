import { describe, expect, test } from 'vitest';
import { convertComposeFile, convertManifests } from '../../src/convert/convert-file.js';

const compose = 'services:\n  web:\n    image: nginx:${TAG:-1}\n    command: ["echo", "$$HOME", "${X}"]\n  job:\n    build: .\n';
const manifest = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: d}',
  'spec:',
  '  template:',
  '    spec:',
  '      initContainers: [{name: init, image: busybox}]',
  '      containers:',
  '      - {name: a, image: app:1, args: ["$(A)"], env: [{name: A, value: x}]}',
  '      - {name: b, image: app:2}',
  '',
].join('\n');

describe('convertComposeFile', () => {
  test('every service, interpolated; a build-only service cannot become a run line', () => {
    const r = convertComposeFile(compose, { to: 'run', environment: { X: 'x' } });
    expect(r.ok && r.text).toBe("docker run nginx:1 echo '$HOME' x\n");
    expect(r.ok && r.items.map((i) => [i.name, i.result.ok])).toEqual([
      ['web', true],
      ['job', false],
    ]);
  });

  test('one service; an unknown one is an issue', () => {
    expect(convertComposeFile(compose, { to: 'compose', service: 'web' })).toMatchObject({ ok: true, items: [{ name: 'web' }] });
    expect(convertComposeFile(compose, { to: 'run', service: 'nope' })).toMatchObject({ ok: false, issues: [{ code: 'convert-service-unknown' }] });
  });

  test('the image config by reference, for an entrypoint: [] without a command', () => {
    const text = 'services:\n  web:\n    image: nginx\n    entrypoint: []\n';
    expect(convertComposeFile(text, { to: 'run' })).toMatchObject({ ok: true, complete: false, text: '' });
    const r = convertComposeFile(text, { to: 'run', images: { 'docker.io/library/nginx:latest': { entrypoint: ['/e'], cmd: ['nginx'] } } });
    expect(r.ok && r.text).toBe("docker run --entrypoint '' nginx nginx\n");
  });

  // kompose names each object after its service (`kompose convert` writes web-deployment.yaml, name: web);
  // named after the image, two services of one image became two Deployments "node", and
  // `kubectl apply` kept only the last. container_name still wins, as --name does.
  test.for([
    { to: 'kubernetes', want: ['name: "web"', 'name: "worker"'] },
    { to: 'compose', want: ['\n  web:\n', '\n  worker:\n'] },
    { to: 'kubernetes', want: ['name: "jobs"'], extra: '    container_name: jobs\n' },
  ] as const)('items are named after their service ($to)', ({ to, want, ...rest }) => {
    const extra = 'extra' in rest ? rest.extra : '';
    const text = `services:\n  web:\n    image: node:22\n    command: node web.js\n  worker:\n    image: node:22\n    command: node worker.js\n${extra}`;
    const r = convertComposeFile(text, { to, kubernetesKind: 'Deployment' });
    for (const w of want) expect(r.ok && r.text).toContain(w);
    expect(r.ok && r.text).not.toContain('name: "node"');
  });

  test('a file resolveComposeFile refuses is refused', () => {
    expect(convertComposeFile('services:\n  a:\n    command: 1\n', { to: 'run' }).ok).toBe(false);
  });
});

describe('convertManifests', () => {
  test('every container (init containers noted), $(VAR) expanded', () => {
    const r = convertManifests(manifest, { to: 'run' });
    expect(r.ok && r.text).toBe('docker run --name a --env A=x app:1 x\ndocker run --name b app:2\n');
    expect(r.ok && r.diagnostics.map((d) => d.code)).toEqual(['convert-no-counterpart']);
  });

  // Kubernetes semantics (kubelet $(VAR) expansion over envFrom, namespaced lookup); the same file
  // through `resolveManifests` (k8s --manifest) gives ["docker-entrypoint.sh", "--port", "8080"].
  test.for([
    { to: 'run', namespace: 'shop', want: 'docker run --name web --env PORT=8080 node:22 --port 8080\n' },
    { to: 'compose', namespace: 'shop', want: '      - "8080"\n' },
    // A ConfigMap of another namespace is not the Pod's: the reference stays unknown, so nothing is
    // written (it would pass `$(PORT)` literally) and the item says what it depends on.
    { to: 'run', namespace: 'other', want: '' },
  ] as const)('envFrom a ConfigMap in the same file ($to, ConfigMap in $namespace)', ({ to, namespace, want }) => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      `metadata: {name: cfg, namespace: ${namespace}}`,
      'data: {PORT: "8080"}',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web, namespace: shop}',
      'spec:',
      '  containers:',
      '  - {name: web, image: "node:22", args: ["--port", "$(PORT)"], envFrom: [{configMapRef: {name: cfg}}]}',
      '',
    ].join('\n');
    const r = convertManifests(text, { to });
    expect(r.ok && r.text).toContain(want);
    expect(r.ok && r.complete).toBe(want !== '');
  });

  test('to Compose: one file with every container', () => {
    const r = convertManifests(manifest, { to: 'compose' });
    expect(r.ok && r.text).toContain('services:\n  a:\n');
    expect(r.ok && r.text).toContain('\n  b:\n');
  });
});

// kubelet expansion (kubernetes pkg/kubelet/kuberuntime kuberuntime_container.go makeCommand → expand.Expand):
// `$(DB_URL)` takes the value of an env entry, here from a Secret; written to another form without that value,
// the target would pass `$(DB_URL)` literally, so the item is incomplete and says what it depends on.
describe('convertManifests: $(VAR) from data not given', () => {
  const manifest = [
    'kind: Pod',
    'metadata: {name: api}',
    'spec:',
    '  containers:',
    '  - name: api',
    '    image: node:22',
    '    command: [node, server.js]',
    '    args: [--db, $(DB_URL)]',
    '    env:',
    '    - name: DB_URL',
    '      valueFrom: {secretKeyRef: {name: db, key: url}}',
  ].join('\n');
  const secret = { text: 'kind: Secret\nmetadata: {name: db}\nstringData: {url: "postgres://db"}\n', kind: 'Secret' as const };

  test.each(['run', 'compose', 'kubernetes'] as const)('to %s: incomplete, with the dependency', (to) => {
    const r = convertManifests(manifest, { to });
    expect(r.ok && r.complete).toBe(false);
    const item = r.ok ? r.items[0]?.result : undefined;
    expect(item?.ok === true && !item.complete && item.dependsOnEnv).toEqual([{ variable: 'DB_URL', path: 'spec.containers[0].args[1]', from: [{ kind: 'secret', name: 'db' }] }]);
  });

  test('with the Secret given (configSources): complete, the value written', () => {
    const r = convertManifests(manifest, { to: 'run', configSources: [secret] });
    expect(r.ok && r.complete).toBe(true);
    expect(r.ok ? r.text : '').toContain('node:22 server.js --db postgres://db');
  });
});
