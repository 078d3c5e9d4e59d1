import { describe, expect, test } from 'vitest';
import { imageConfigFromInspect } from '../../src/image/inspect.js';

// Shapes: Docker Engine API v1.43 `GET /images/{name}/json` (ImageInspect: `Os`, `Config` with
// `Entrypoint`, `Cmd`, `Shell`, `OnBuild`, `ArgsEscaped`; `docker image inspect` prints an array of
// them), and the OCI image-spec v1.1.0 config.md (`os`, `architecture`, `rootfs`, `config` with the
// same capitalised fields). Unset lists are null in both.
const NGINX = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], shell: null, onBuild: null, os: 'linux' };

describe('imageConfigFromInspect: accepted inputs', () => {
  test.for([
    {
      name: 'docker image inspect (array)',
      input: [{ Id: 'sha256:ab', RepoTags: ['nginx:1.27'], Os: 'linux', Config: { Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'] } }],
      config: NGINX,
    },
    { name: 'one inspect object', input: { Os: 'linux', Config: { Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'] } }, config: NGINX },
    {
      name: 'OCI image config',
      input: {
        architecture: 'amd64',
        os: 'linux',
        config: { Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'] },
        rootfs: { type: 'layers', diff_ids: [] },
      },
      config: NGINX,
    },
    {
      name: 'a bare Config ({{json .Config}})',
      input: { Entrypoint: null, Cmd: ['sh'], Env: ['PATH=/bin'] },
      config: { entrypoint: null, cmd: ['sh'], shell: null, onBuild: null },
    },
    { name: 'Config null (an image without one)', input: [{ Os: 'linux', Config: null }], config: { entrypoint: null, cmd: null, shell: null, onBuild: null, os: 'linux' } },
    {
      name: 'Windows: SHELL, ArgsEscaped, OS name in any case',
      input: [{ Os: 'Windows', Config: { Cmd: ['c:\\app.exe'], Shell: ['cmd', '/S', '/C'], ArgsEscaped: true } }],
      config: { entrypoint: null, cmd: ['c:\\app.exe'], shell: ['cmd', '/S', '/C'], onBuild: null, os: 'windows', argsEscaped: true },
    },
    { name: 'ONBUILD triggers', input: { Config: { OnBuild: ['CMD ["x"]'] } }, config: { entrypoint: null, cmd: null, shell: null, onBuild: ['CMD ["x"]'] } },
    { name: 'ArgsEscaped null is left out', input: { Config: { ArgsEscaped: null } }, config: { entrypoint: null, cmd: null, shell: null, onBuild: null } },
  ])('$name', ({ input, config }) => {
    expect(imageConfigFromInspect(input)).toEqual({ ok: true, config, diagnostics: [] });
    // The same JSON as text parses the same.
    expect(imageConfigFromInspect(JSON.stringify(input))).toEqual({ ok: true, config, diagnostics: [] });
  });
});

describe('imageConfigFromInspect: errors name the path', () => {
  test.for([
    { name: 'a non-string in Cmd', input: [{ Config: { Cmd: ['a', 'b', 1] } }], message: '[0].Config.Cmd[2]: expected string', path: '[0].Config.Cmd[2]' },
    { name: 'Entrypoint as a string', input: { config: { Entrypoint: '/bin/sh' } }, message: 'config.Entrypoint: expected array', path: 'config.Entrypoint' },
    { name: 'Os not a string', input: { Os: 1 }, message: 'Os: expected string', path: 'Os' },
    { name: 'an empty inspect array', input: [], message: '(root): empty inspect array', path: '' },
    { name: 'an array of non-objects', input: ['x'], message: '[0]: expected object', path: '[0]' },
    { name: 'a number', input: 7, message: '(root): expected object', path: '' },
    { name: 'null', input: null, message: '(root): expected object', path: '' },
  ])('$name: $message', ({ input, message, path }) => {
    expect(imageConfigFromInspect(input)).toEqual({ ok: false, issues: [{ code: 'invalid-image-config', message, path }], diagnostics: [] });
  });

  // Issue 14 §5: JSON that is not an image config was read as an empty config. The manifest and index are
  // the examples of opencontainers/image-spec manifest.md and image-index.md (trimmed to their keys).
  const MANIFEST = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: 'sha256:b5b2b2c507a0944348e0303114d8d93aaaa081732b86451d9bce1f432a537bc7', size: 7023 },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: 'sha256:9834876dcfb05cb167a5c24953eba58c4ac89b1adf57f28f2f9d09af107ee8f0', size: 32654 }],
  };
  const INDEX = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] };
  const EXPECTED = 'expected docker image inspect output (Config, Os…), an OCI image config (config, os, rootfs…) or its Config object (Entrypoint, Cmd…)';
  test.for([
    { name: 'an object with none of the keys', input: { foo: 1 }, message: `(root): found only "foo"; ${EXPECTED}`, path: '' },
    { name: 'an empty object', input: {}, message: `(root): an empty object; ${EXPECTED}`, path: '' },
    { name: 'in an inspect array', input: [{ foo: 1, bar: 2 }], message: `[0]: found only "foo", "bar"; ${EXPECTED}`, path: '[0]' },
    {
      name: 'an OCI image manifest',
      input: MANIFEST,
      message: '(root): an image manifest, not its config: give the config blob it names (config.digest), or docker image inspect output',
      path: '',
    },
    {
      name: 'an OCI image index',
      input: INDEX,
      message: '(root): an image index (manifest list), not its config: give the config blob it names (config.digest), or docker image inspect output',
      path: '',
    },
  ])('not an image config: $name', ({ input, message, path }) => {
    expect(imageConfigFromInspect(input)).toEqual({ ok: false, issues: [{ code: 'invalid-image-config', message, path }], diagnostics: [] });
  });

  test('text that is not JSON: the parser’s own reason', () => {
    let reason = '';
    try {
      JSON.parse('[{');
    } catch (e) {
      reason = (e as Error).message;
    }
    expect(imageConfigFromInspect('[{')).toEqual({ ok: false, issues: [{ code: 'invalid-image-config', message: `(root): invalid JSON (${reason})`, path: '' }], diagnostics: [] });
  });

  test('at most 20 issues', () => {
    const r = imageConfigFromInspect({ Config: { Cmd: Array.from({ length: 30 }, (_, i) => i) } });
    expect(r.ok ? 0 : r.issues.length).toBe(20);
  });

  test('options must be an object (a programmer error)', () => {
    expect(() => imageConfigFromInspect({}, null as never)).toThrow(new TypeError('options must be an object, got null'));
  });
});

// Issue 14 §5: a multi-element inspect array (`docker image inspect a b`: one element per image, with
// Os/Architecture/Variant as the Docker API's ImageInspect has them) used its first element silently.
describe('imageConfigFromInspect: several images in one inspect array', () => {
  const amd = { Os: 'linux', Architecture: 'amd64', Config: { Cmd: ['amd'] } };
  const arm = { Os: 'linux', Architecture: 'arm64', Variant: 'v8', Config: { Cmd: ['arm'] } };
  const win = { Os: 'windows', Architecture: 'amd64', Config: { Cmd: ['win'] } };
  test.for([
    { name: 'one element: read whatever the platform', input: [arm], platform: 'linux/amd64', cmd: ['arm'] },
    { name: 'picked by os/arch', input: [amd, arm, win], platform: 'linux/arm64', cmd: ['arm'] },
    { name: 'arm64 means arm64/v8', input: [amd, arm], platform: 'linux/arm64/v8', cmd: ['arm'] },
    { name: 'containerd alias aarch64', input: [amd, arm], platform: 'linux/aarch64', cmd: ['arm'] },
    { name: 'by OS', input: [amd, win], platform: 'windows/amd64', cmd: ['win'] },
  ])('$name', ({ input, platform, cmd }) => {
    const r = imageConfigFromInspect(input, { platform });
    expect(r.ok ? r.config.cmd : r.issues).toEqual(cmd);
  });

  test.for([
    {
      name: 'no platform',
      platform: undefined,
      message: '(root): 3 images in the inspect output (linux/amd64, linux/arm64/v8, windows/amd64): give one image, or a platform to pick one',
    },
    { name: 'no image for it', platform: 'linux/s390x', message: '(root): no image for linux/s390x in the inspect output (linux/amd64, linux/arm64/v8, windows/amd64)' },
    { name: 'two images for it', platform: 'linux/amd64', input: [amd, amd], message: '(root): 2 images for linux/amd64 in the inspect output: give one image' },
  ])('refused: $name', ({ platform, input, message }) => {
    expect(imageConfigFromInspect(input ?? [amd, arm, win], platform === undefined ? {} : { platform })).toEqual({
      ok: false,
      issues: [{ code: 'invalid-image-config', message, path: '' }],
      diagnostics: [],
    });
  });

  test('an error inside the picked element names its index', () => {
    const r = imageConfigFromInspect([amd, { Os: 'linux', Architecture: 'arm64', Config: { Cmd: [1] } }], { platform: 'linux/arm64' });
    expect(r.ok ? null : r.issues[0].path).toBe('[1].Config.Cmd[0]');
  });
});
