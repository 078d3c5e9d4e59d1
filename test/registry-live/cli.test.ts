// The built CLI (`container-argv explain --pull`) against the local registries of
// scripts/registry.sh: a Dockerfile FROM an image pushed there, the argv it runs, and the manifest
// digest it names, checked against skopeo (Debian 1.9.3) reading the same image. Then the same
// with Basic credentials from a Docker config file, a credential helper (refused with a clear
// issue), and --offline answered from the cache while a proxy in front of the registry sees no
// request at all.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { close, faultProxy, listen, sha256, skopeo, suiteInfo } from './support.js';

const info = suiteInfo();
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Built into a private directory inside node_modules/ (its yaml/zod imports resolve there), as the
// package test does, so that a concurrent build of dist/ cannot change the CLI under test.
const BUILD = `${ROOT}node_modules/.cache/container-argv-registry-cli-${process.pid}/`;
let dir = '';

interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI asynchronously (the proxy answering it lives in this process). */
function cli(args: readonly string[], env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [`${BUILD}dist/cli.js`, ...args], { cwd: dir, env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

/** The digest of a manifest as skopeo reads it (raw bytes), and its JSON. */
async function skopeoManifest(ref: string): Promise<{ digest: string; json: Record<string, any> }> {
  const raw = await skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${ref}`]);
  return { digest: sha256(raw), json: JSON.parse(raw.toString('utf8')) };
}

let env: Record<string, string> = {};

beforeAll(() => {
  rmSync(BUILD, { recursive: true, force: true });
  mkdirSync(BUILD, { recursive: true });
  execFileSync(process.execPath, [`${ROOT}node_modules/tsup/dist/cli-default.js`, '--silent', '--out-dir', `${BUILD}dist`], { cwd: ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'container-argv-registry-cli-'));
  mkdirSync(join(dir, 'docker-config'));
  env = { XDG_CACHE_HOME: join(dir, 'cache'), DOCKER_CONFIG: join(dir, 'docker-config') };
}, 180_000);

afterAll(() => {
  rmSync(BUILD, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

const explain = (dockerfile: string, extra: readonly string[], e = env) => {
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  return cli(['explain', 'Dockerfile', '--json', ...extra], e);
};

describe('explain --pull against docker-registry 2.8', () => {
  test('an OCI image: the argv and the manifest digest skopeo reads', async () => {
    const ref = `${info.anonymous}/argv/oci-exec:v1`;
    const { digest } = await skopeoManifest(ref);
    const r = await explain(`FROM ${ref}\nCMD ["nginx", "-T"]\n`, ['--pull', '--insecure-registry', info.anonymous]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.argv).toEqual(['/docker-entrypoint.sh', 'nginx', '-T']);
    expect(out.bases).toEqual([
      {
        reference: ref,
        canonical: ref,
        platform: 'linux/amd64',
        source: { kind: 'registry', registry: info.anonymous, repository: 'argv/oci-exec', digest, platform: 'linux/amd64' },
        tried: ['registry'],
        description: `${ref} from registry ${digest} (${info.anonymous}/argv/oci-exec, linux/amd64)`,
      },
    ]);
    // The text output names the digest too.
    const text = await cli(['explain', 'Dockerfile', '--pull', '--insecure-registry', info.anonymous], env);
    expect(text.stdout).toContain(`  base       ${ref} from registry ${digest} (${info.anonymous}/argv/oci-exec, linux/amd64, cached `);
  });

  test('an index with --platform linux/arm64/v8: the arm64 entry (its digest in the index skopeo reads)', async () => {
    const ref = `${info.anonymous}/argv/oci-index:v1`;
    const { digest: indexDigest, json } = await skopeoManifest(ref);
    const entry = (json['manifests'] as { digest: string; platform: { architecture: string } }[]).find((m) => m.platform.architecture === 'arm64')!;
    const r = await explain(`FROM ${ref}\n`, ['--pull', '--insecure-registry', info.anonymous, '--platform', 'linux/arm64/v8']);
    const out = JSON.parse(r.stdout);
    expect(out.argv).toEqual(['/entry', 'arm64']);
    expect(out.bases[0].source).toEqual({
      kind: 'registry',
      registry: info.anonymous,
      repository: 'argv/oci-index',
      digest: entry.digest,
      indexDigest,
      platform: 'linux/arm64/v8',
    });
  });

  test('Basic credentials from the Docker config file (auths)', async () => {
    const config = join(dir, 'basic-config');
    mkdirSync(config, { recursive: true });
    const auth = Buffer.from(`${info.credentials.username}:${info.credentials.password}`).toString('base64');
    writeFileSync(join(config, 'config.json'), JSON.stringify({ auths: { [info.basic]: { auth } } }));
    const ref = `${info.basic}/argv/docker-shell:v1`;
    const r = await explain(`FROM ${ref}\n`, ['--pull', '--insecure-registry', info.basic], { ...env, DOCKER_CONFIG: config });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.argv).toEqual(['/bin/sh', '-c', 'exec "$0" --flag']);
    expect(out.bases[0].source).toMatchObject({ kind: 'registry', digest: (await skopeoManifest(`${info.anonymous}/argv/docker-shell:v1`)).digest });
  });

  test('a credential helper for a registry that wants credentials: "not supported", exit 1', async () => {
    const config = join(dir, 'helper-config');
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, 'config.json'), JSON.stringify({ credsStore: 'desktop' }));
    const r = await explain(`FROM ${info.basic}/argv/oci-exec:v1\n`, ['--pull', '--insecure-registry', info.basic, '--no-catalog'], {
      ...env,
      XDG_CACHE_HOME: join(dir, 'other-cache'),
      DOCKER_CONFIG: config,
    });
    expect(r.code).toBe(1);
    const codes = JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['registry-credential-helper-unsupported', 'registry-unauthorized']));
    expect(r.stdout).toContain('docker-credential-desktop, which is not supported');
  });

  test('--offline answers from the cache and sends no request', async () => {
    const proxy = faultProxy(info.anonymous);
    const port = await listen(proxy.server);
    try {
      const ref = `127.0.0.1:${port}/argv/docker-empty-cmd:v1`;
      const cache = { ...env, XDG_CACHE_HOME: join(dir, 'proxy-cache') };
      const pulled = await explain(`FROM ${ref}\n`, ['--pull', '--insecure-registry', `127.0.0.1:${port}`], cache);
      expect(proxy.requests.length).toBeGreaterThan(0);
      proxy.requests.length = 0;
      const offline = await explain(`FROM ${ref}\n`, ['--offline'], cache);
      expect(proxy.requests).toEqual([]);
      const [a, b] = [JSON.parse(pulled.stdout), JSON.parse(offline.stdout)];
      expect(b.bases[0].source).toEqual({ ...a.bases[0].source, cachedAt: expect.any(String) });
      expect(b.image).toEqual(a.image);
    } finally {
      await close(proxy.server);
    }
  });
});
