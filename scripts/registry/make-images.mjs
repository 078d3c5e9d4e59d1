#!/usr/bin/env node
// Writes the test images of the registry suite as OCI image layouts (one directory per image,
// tag `v1`), for `skopeo copy oci:DIR:v1 docker://…` in scripts/registry.sh, and a catalogue
// (images.json) that the live suite iterates. Deterministic: same bytes, same digests, every run.
//
//   node scripts/registry/make-images.mjs OUT_DIR
//
// The configs differ in what the registry client must carry over exactly: exec-form ENTRYPOINT
// and CMD, ENTRYPOINT [] against an absent CMD (null), SHELL, ONBUILD, ArgsEscaped, no `config`
// object at all, and Windows entries with os.version. Layers are one small gzipped tar each.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OCI = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
};
const DOCKER = {
  index: 'application/vnd.docker.distribution.manifest.list.v2+json',
  manifest: 'application/vnd.docker.distribution.manifest.v2+json',
  config: 'application/vnd.docker.container.image.v1+json',
  layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};

const sha256 = (buf) => `sha256:${createHash('sha256').update(buf).digest('hex')}`;

/** A one-file ustar archive. */
function tar(name, content) {
  const header = Buffer.alloc(512);
  const put = (text, offset, length) => header.write(text.slice(0, length), offset, 'latin1');
  put(name, 0, 100);
  put('0000644\0', 100, 8);
  put('0000000\0', 108, 8);
  put('0000000\0', 116, 8);
  put(`${content.length.toString(8).padStart(11, '0')}\0`, 124, 12);
  put('00000000000\0', 136, 12);
  header.fill(' ', 148, 156);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of header) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  const body = Buffer.alloc(Math.ceil(content.length / 512) * 512);
  Buffer.from(content).copy(body);
  return Buffer.concat([header, body, Buffer.alloc(1024)]);
}

/**
 * An image on disk for skopeo: an OCI layout (`oci:DIR:v1`) for OCI media types, or skopeo's
 * `dir:` transport for Docker media types (skopeo 1.9's oci: source only reads OCI manifests).
 * In `dir:` the top manifest is manifest.json, an index entry's manifest is HEX.manifest.json and
 * every other blob is HEX.
 */
class Layout {
  constructor(dir, kind) {
    this.dir = dir;
    this.kind = kind;
    rmSync(dir, { recursive: true, force: true });
    if (kind === 'oci') {
      mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
      writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    } else {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'version'), 'Directory Transport Version: 1.1\n');
    }
  }
  get source() {
    return this.kind === 'oci' ? `oci:${this.dir}:v1` : `dir:${this.dir}`;
  }
  blob(bytes, mediaType, extra = {}) {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
    const digest = sha256(buf);
    const isManifest = mediaType.includes('manifest');
    const path = this.kind === 'oci' ? join(this.dir, 'blobs', 'sha256', digest.slice(7)) : join(this.dir, `${digest.slice(7)}${isManifest ? '.manifest.json' : ''}`);
    writeFileSync(path, buf);
    return { mediaType, digest, size: buf.length, ...extra };
  }
  /** One image: a layer, a config and a manifest, all in `types` (OCI or DOCKER). */
  image(types, config, text) {
    const raw = tar('hello.txt', `${text}\n`);
    const layer = this.blob(gzipSync(raw, { level: 9, mtime: 0 }), types.layer);
    const cfg = { ...config, rootfs: { type: 'layers', diff_ids: [sha256(raw)] } };
    const configDesc = this.blob(JSON.stringify(cfg), types.config);
    return this.blob(JSON.stringify({ schemaVersion: 2, mediaType: types.manifest, config: configDesc, layers: [layer] }), types.manifest);
  }
  index(types, entries) {
    const manifests = entries.map(({ desc, platform }) => ({ ...desc, platform }));
    return this.blob(JSON.stringify({ schemaVersion: 2, mediaType: types.index, manifests }), types.index);
  }
  finish(top) {
    if (this.kind === 'dir') {
      const hex = top.digest.slice(7);
      renameSync(join(this.dir, `${hex}.manifest.json`), join(this.dir, 'manifest.json'));
      return;
    }
    const ref = { ...top, annotations: { 'org.opencontainers.image.ref.name': 'v1' } };
    writeFileSync(join(this.dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: [ref] }));
  }
}

const linux = (architecture, extra = {}) => ({ architecture, os: 'linux', ...extra });
const created = '2024-01-01T00:00:00Z';

// Configs: the Config object is written exactly as given (null and [] kept apart).
const CONFIGS = {
  nginxLike: { created, ...linux('amd64'), config: { Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'], Env: ['PATH=/usr/bin:/bin'] } },
  emptyEntrypoint: { created, ...linux('amd64'), config: { Entrypoint: [], Cmd: null } },
  shellForm: {
    created,
    ...linux('amd64'),
    config: { Entrypoint: null, Cmd: ['/bin/sh', '-c', 'exec "$0" --flag'], Shell: ['/bin/bash', '-eo', 'pipefail', '-c'], OnBuild: ['RUN echo onbuild'], ArgsEscaped: true },
  },
  noConfig: { created, ...linux('amd64') },
  emptyCmd: { created, ...linux('amd64'), config: { Cmd: [], WorkingDir: '/' } },
};
const perArch = (architecture, variant, cmd) => ({ created, ...linux(architecture, variant ? { variant } : {}), config: { Entrypoint: ['/entry'], Cmd: cmd } });
const windows = (osVersion, cmd) => ({
  created,
  architecture: 'amd64',
  os: 'windows',
  'os.version': osVersion,
  config: { Entrypoint: null, Cmd: ['cmd', '/S', '/C', cmd], Shell: ['powershell', '-Command'], ArgsEscaped: true },
});

/** Every image: name, how skopeo pushes it, what the suite should ask for. */
function build(out) {
  const images = [];
  const single = (name, types, config, note) => {
    const l = new Layout(join(out, 'layouts', name), types === OCI ? 'oci' : 'dir');
    l.finish(l.image(types, config, name));
    images.push({ name, repository: `argv/${name}`, tag: 'v1', kind: 'manifest', mediaType: types.manifest, source: l.source, copy: [], note });
  };
  single('oci-exec', OCI, CONFIGS.nginxLike, 'OCI manifest, exec-form ENTRYPOINT and CMD');
  single('oci-empty-entrypoint', OCI, CONFIGS.emptyEntrypoint, 'OCI manifest, ENTRYPOINT [] and CMD null');
  single('oci-no-config', OCI, CONFIGS.noConfig, 'OCI manifest, config without a Config object');
  single('docker-shell', DOCKER, CONFIGS.shellForm, 'Docker schema 2, SHELL, ONBUILD, ArgsEscaped, ENTRYPOINT null');
  single('docker-empty-cmd', DOCKER, CONFIGS.emptyCmd, 'Docker schema 2, CMD [] and no ENTRYPOINT');
  // One OCI layout pushed with --format v2s2: skopeo converts it to Docker media types.
  const conv = new Layout(join(out, 'layouts', 'converted-v2s2'), 'oci');
  conv.finish(conv.image(OCI, CONFIGS.nginxLike, 'converted-v2s2'));
  images.push({
    name: 'converted-v2s2',
    repository: 'argv/converted-v2s2',
    tag: 'v1',
    kind: 'manifest',
    mediaType: DOCKER.manifest,
    source: conv.source,
    copy: ['--format', 'v2s2'],
    note: 'OCI layout converted by skopeo copy --format v2s2',
  });

  const indexImage = (name, types, entries, note) => {
    const l = new Layout(join(out, 'layouts', name), types === OCI ? 'oci' : 'dir');
    const built = entries.map(({ config, platform, text }) => ({ desc: l.image(types, config, text), platform }));
    l.finish(l.index(types, built));
    const platforms = entries.filter((e) => e.platform.os !== 'unknown').map((e) => e.platform);
    images.push({ name, repository: `argv/${name}`, tag: 'v1', kind: 'index', mediaType: types.index, source: l.source, copy: ['--all'], platforms, note });
  };
  const linuxEntries = [
    { config: perArch('amd64', undefined, ['amd64']), platform: linux('amd64'), text: 'amd64' },
    { config: perArch('arm64', 'v8', ['arm64']), platform: linux('arm64', { variant: 'v8' }), text: 'arm64' },
    { config: perArch('arm', 'v7', ['armv7']), platform: linux('arm', { variant: 'v7' }), text: 'armv7' },
  ];
  indexImage(
    'oci-index',
    OCI,
    [
      ...linuxEntries,
      { config: windows('10.0.17763.5329', 'ltsc2019'), platform: { architecture: 'amd64', os: 'windows', 'os.version': '10.0.17763.5329' }, text: 'win2019' },
      // An attestation-like entry (BuildKit writes unknown/unknown): never selected.
      { config: { created, architecture: 'unknown', os: 'unknown' }, platform: { architecture: 'unknown', os: 'unknown' }, text: 'attestation' },
    ],
    'OCI index: linux amd64, arm64/v8, arm/v7, windows 10.0.17763, unknown/unknown',
  );
  indexImage(
    'docker-list',
    DOCKER,
    [
      ...linuxEntries,
      { config: windows('10.0.17763.5329', 'ltsc2019'), platform: { architecture: 'amd64', os: 'windows', 'os.version': '10.0.17763.5329' }, text: 'win2019' },
      { config: windows('10.0.20348.2227', 'ltsc2022'), platform: { architecture: 'amd64', os: 'windows', 'os.version': '10.0.20348.2227' }, text: 'win2022' },
    ],
    'Docker manifest list: linux amd64, arm64/v8, arm/v7, windows 10.0.17763 and 10.0.20348',
  );
  return images;
}

const out = process.argv[2];
if (!out) {
  console.error('usage: make-images.mjs OUT_DIR');
  process.exit(2);
}
const images = build(out);
writeFileSync(join(out, 'images.json'), `${JSON.stringify(images, null, 2)}\n`);
console.log(`${images.length} image layouts in ${join(out, 'layouts')}`);
