import { describe, expect, test } from 'vitest';
import { listManifestImages, resolveKubernetes, resolveManifests } from '../../src/index.js';

// Issue 18 §2/§6 for Kubernetes. Rule: containerd WithProcessArgs (pkg/cri/opts/spec_opts.go): a non-empty
// `command` replaces the image ENTRYPOINT and CMD; `args` alone replace the CMD (the image ENTRYPOINT still
// runs); neither → ENTRYPOINT + CMD of the image. So `command` needs no image config, `args` only its
// ENTRYPOINT (docs/semantics.md §3 "Kubernetes").
describe('resolveKubernetes with an unknown image config (null)', () => {
  test.for([
    {
      name: 'command set: exact, no image needed',
      container: { command: ['/app', '$(X)'], args: ['serve'], env: [{ name: 'X', value: '1' }] },
      want: { ok: true, complete: true, argv: ['/app', '1', 'serve'] },
    },
    { name: 'command set, args unset: the image CMD is not used', container: { command: ['/app'] }, want: { ok: true, complete: true, argv: ['/app'] } },
    {
      name: 'args only: depends on the ENTRYPOINT only',
      container: { args: ['--port', '$(P)'], env: [{ name: 'P', value: '80' }] },
      want: { ok: true, complete: false, dependsOn: ['entrypoint'], args: ['--port', '80'] },
    },
    { name: 'neither: depends on ENTRYPOINT and CMD', container: {}, want: { ok: true, complete: false, dependsOn: ['entrypoint', 'cmd'] } },
    { name: 'command: [] is unset: both', container: { command: [] }, want: { ok: true, complete: false, dependsOn: ['entrypoint', 'cmd'] } },
  ])('$name', ({ container, want }) => {
    const r = resolveKubernetes(null, container);
    expect(r).toMatchObject(want);
    if (r.ok && !r.complete) expect('argv' in r).toBe(false);
  });

  test('the pod env is still resolved for a partial result', () => {
    const r = resolveKubernetes(null, { args: ['x'], env: [{ name: 'A', value: 'a' }] });
    expect(r.ok && r.env).toEqual([{ name: 'A', value: 'a' }]);
  });
});

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      initContainers:
      - {name: migrate, image: "ghcr.io/acme/app:1.4", command: ["/app", "migrate"]}
      containers:
      - {name: app, image: "ghcr.io/acme/app:1.4", args: ["serve"]}
      - {name: proxy, image: "nginx"}
      - {name: bad, image: "Nginx:1.27"}
`;

describe('resolveManifests: images found by reference, unknown ones as data (issue 18 §1–2)', () => {
  test('without any image config', () => {
    const got = resolveManifests(MANIFEST);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const rows = got.workloads[0]?.containers.map((c) => [c.name, c.needs, c.result.ok ? (c.result.complete ? c.result.argv : c.result.dependsOn) : c.result.issues[0].code]);
    expect(rows).toEqual([
      ['migrate', [], ['/app', 'migrate']],
      ['app', ['entrypoint'], ['entrypoint']],
      ['proxy', ['entrypoint', 'cmd'], ['entrypoint', 'cmd']],
      ['bad', ['entrypoint', 'cmd'], 'k8s-image-invalid'],
    ]);
  });

  test('an invalid image gets the kubelet InvalidImageName text', () => {
    // kubernetes pkg/kubelet/images/image_manager.go EnsureImageExists (event InspectFailed, reason
    // InvalidImageName) over pkg/util/parsers ParseImageName; distribution/reference v0.6.0 wording.
    const got = resolveManifests(MANIFEST);
    const bad = got.ok ? got.workloads[0]?.containers[3]?.result : undefined;
    expect(bad?.ok === false && bad.issues[0]).toEqual({
      code: 'k8s-image-invalid',
      path: 'spec.template.spec.containers[2].image',
      message:
        'Failed to apply default image tag "Nginx:1.27": couldn\'t parse image name "Nginx:1.27": invalid reference format: repository name (library/Nginx) must be lowercase',
    });
  });

  test('a record matches by image; unused entries warn, naming them', () => {
    const images = { 'docker.io/library/nginx:latest': { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] }, 'redis:7': {} };
    const got = resolveManifests(MANIFEST, { images, source: 'web.yaml' });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const proxy = got.workloads[0]?.containers[2]?.result;
    expect(proxy?.ok && proxy.complete && proxy.argv).toEqual(['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
    expect(got.diagnostics).toEqual([
      { code: 'image-config-unused', severity: 'warning', source: 'web.yaml', message: 'the image config given for "redis:7" is not used: no container names redis:7' },
    ]);
  });

  test('a key that is not an image reference fails the call', () => {
    const got = resolveManifests(MANIFEST, { images: { Nginx: {} } });
    expect(!got.ok && got.issues[0].code).toBe('image-config-key-invalid');
  });
});

describe('listManifestImages (issue 18 §6)', () => {
  test('every container image with what its argv needs', () => {
    const got = listManifestImages(MANIFEST);
    expect(got.ok && got.images.map((i) => [i.container, i.list, i.text, i.reference?.canonical ?? null, i.needs])).toEqual([
      ['migrate', 'initContainers', 'ghcr.io/acme/app:1.4', 'ghcr.io/acme/app:1.4', []],
      ['app', 'containers', 'ghcr.io/acme/app:1.4', 'ghcr.io/acme/app:1.4', ['entrypoint']],
      ['proxy', 'containers', 'nginx', 'docker.io/library/nginx:latest', ['entrypoint', 'cmd']],
      ['bad', 'containers', 'Nginx:1.27', null, ['entrypoint', 'cmd']],
    ]);
    expect(got.ok && got.images[0]).toMatchObject({ document: 0, kind: 'Deployment', workload: 'web', path: 'spec.template.spec.initContainers[0]' });
  });
});
