// The registry client against real registries, answer for answer with skopeo.
// Truth: skopeo (Debian 1.9.3, containers/image) reading the same images from the same
// docker-registry (Debian 2.8.2) instances, started and filled by scripts/registry.sh.
// Every pushed image, every platform of its index, four ways in: anonymous, htpasswd Basic,
// anonymous bearer token, bearer token with credentials.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fetchImageConfig, type Platform } from '../../src/registry/index.js';
import { close, listen, sha256, skopeo, suiteInfo, tokenServer, type CatalogueImage } from './support.js';

const info = suiteInfo();
const realm = `${info.realm.host}:${info.realm.port}`;
const tokens = tokenServer(info);

beforeAll(async () => {
  await listen(tokens.server, info.realm.port);
});
afterAll(async () => {
  await close(tokens.server);
});

interface Mode {
  readonly name: string;
  readonly host: string;
  readonly credentials?: { username: string; password: string };
}

const MODES: readonly Mode[] = [
  { name: 'anonymous', host: info.anonymous },
  { name: 'basic', host: info.basic, credentials: info.credentials },
  { name: 'token-anonymous', host: info.token },
  { name: 'token-credentials', host: info.token, credentials: info.credentials },
];

type IndexPlatform = NonNullable<CatalogueImage['platforms']>[number];
interface Case {
  readonly image: CatalogueImage;
  /** Platform asked for; undefined = the client's default (linux/amd64, skopeo's on this host). */
  readonly platform?: IndexPlatform;
  readonly label: string;
}

const CASES: Case[] = info.images.flatMap((image): Case[] => {
  if (image.kind === 'manifest') return [{ image, label: `${image.name} (${image.note})` }];
  const each = (image.platforms ?? []).map((platform) => ({
    image,
    platform,
    label: `${image.name} ${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ''}${platform['os.version'] ? `:${platform['os.version']}` : ''}`,
  }));
  return [{ image, label: `${image.name} default platform` }, ...each];
});

const toPlatform = (p: IndexPlatform): Platform => ({
  os: p.os,
  architecture: p.architecture,
  ...(p.variant ? { variant: p.variant } : {}),
  ...(p['os.version'] ? { osVersion: p['os.version'] } : {}),
});

/** What the client must report for a raw config, read straight from its JSON. */
function expectedConfig(raw: Record<string, any>) {
  const c = raw['config'] ?? {};
  return {
    entrypoint: c.Entrypoint ?? null,
    cmd: c.Cmd ?? null,
    shell: c.Shell ?? null,
    onBuild: c.OnBuild ?? null,
    os: raw['os'],
    ...(c.ArgsEscaped != null ? { argsEscaped: c.ArgsEscaped } : {}),
  };
}

test('the catalogue covers OCI and Docker media types, single images and indexes', () => {
  const types = new Set(info.images.map((i) => i.mediaType));
  expect([...types].sort()).toEqual([
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
  ]);
  expect(CASES.length).toBeGreaterThanOrEqual(15);
});

describe.each(MODES)('$name ($host): fetchImageConfig equals skopeo', (mode) => {
  const skopeoBase = ['inspect', '--tls-verify=false', ...(mode.credentials ? ['--creds', `${mode.credentials.username}:${mode.credentials.password}`] : ['--no-creds'])];

  test.for(CASES)('$label', async ({ image, platform }) => {
    const result = await fetchImageConfig(
      { domain: mode.host, path: image.repository, tag: image.tag },
      {
        ...(platform ? { platform: toPlatform(platform) } : {}),
        ...(mode.credentials ? { credentials: mode.credentials } : {}),
        insecureRegistries: [mode.host, realm],
        timeoutMs: 10_000,
      },
    );
    if (!result.ok) throw new Error(result.issues[0].message);
    const tagRef = `docker://${mode.host}/${image.repository}:${image.tag}`;
    let manifestRef = tagRef;
    const top = await skopeo([...skopeoBase, '--raw', tagRef]);
    expect(JSON.parse(top.toString()).mediaType).toBe(image.mediaType);
    if (image.kind === 'index') {
      expect(result.indexDigest).toBe(sha256(top));
      // skopeo's own platform choice (it cannot choose by os.version, so not for Windows).
      if (platform?.os !== 'windows') {
        const overrides = platform
          ? ['--override-os', platform.os, '--override-arch', platform.architecture, ...(platform.variant ? ['--override-variant', platform.variant] : [])]
          : [];
        const chosen = await skopeo([...skopeoBase, ...overrides, '--config', '--raw', tagRef]);
        expect(result.configDigest).toBe(sha256(chosen));
      }
      // The entry with exactly this platform, read by digest.
      const want = platform ?? { os: 'linux', architecture: 'amd64' };
      const entry = (JSON.parse(top.toString()).manifests as { digest: string; platform: IndexPlatform }[]).find(
        (m) =>
          m.platform.os === want.os &&
          m.platform.architecture === want.architecture &&
          (m.platform.variant ?? '') === (want.variant ?? '') &&
          (m.platform['os.version'] ?? '') === (want['os.version'] ?? ''),
      );
      expect(entry, 'index entry').toBeDefined();
      manifestRef = `docker://${mode.host}/${image.repository}@${entry!.digest}`;
      expect(result.platform).toEqual(toPlatform(entry!.platform));
    } else {
      expect(result.indexDigest).toBeUndefined();
    }
    const manifest = await skopeo([...skopeoBase, '--raw', manifestRef]);
    const config = await skopeo([...skopeoBase, '--config', '--raw', manifestRef]);
    const rawConfig = JSON.parse(config.toString()) as Record<string, any>;
    expect(result.digest).toBe(sha256(manifest));
    expect(result.mediaType).toBe(JSON.parse(manifest.toString()).mediaType);
    expect(result.configDigest).toBe(sha256(config));
    expect(result.config).toEqual(expectedConfig(rawConfig));
    expect(result.source).toEqual({ kind: 'registry', registry: mode.host, repository: image.repository, digest: result.digest });
    if (image.kind === 'manifest') {
      expect(result.platform).toEqual(
        toPlatform({ os: rawConfig['os'], architecture: rawConfig['architecture'], variant: rawConfig['variant'], 'os.version': rawConfig['os.version'] }),
      );
    }
    expect(result.diagnostics).toEqual([]);
  });
});

describe('authentication failures are clear', () => {
  const image = info.images[0]!;
  const ref = (host: string) => ({ domain: host, path: image.repository, tag: image.tag });
  const insecureRegistries = [info.anonymous, info.basic, info.token, realm];
  const wrong = { username: info.credentials.username, password: 'wrong' };

  test('Basic registry without credentials: registry-unauthorized, as skopeo fails', async () => {
    const r = await fetchImageConfig(ref(info.basic), { insecureRegistries });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0].code).toBe('registry-unauthorized');
    expect(r.issues[0].message).toBe(`reading manifest v1 in ${info.basic}/${image.repository}: unauthorized: authentication required (no credentials for ${info.basic})`);
    await expect(skopeo(['inspect', '--tls-verify=false', '--no-creds', '--raw', `docker://${info.basic}/${image.repository}:v1`])).rejects.toThrow(/authentication required/);
  });

  test('Basic registry with a wrong password: registry-unauthorized', async () => {
    const r = await fetchImageConfig(ref(info.basic), { insecureRegistries, credentials: wrong });
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-unauthorized');
  });

  test('token registry with a wrong password: the token server refuses it, registry-unauthorized', async () => {
    const r = await fetchImageConfig(ref(info.token), { insecureRegistries, credentials: wrong });
    expect(r.ok ? undefined : r.issues[0]).toEqual({
      code: 'registry-unauthorized',
      message: `fetching token from http://${realm}/token: HTTP 401 Unauthorized`,
    });
  });

  test('the token flow asks for pull on the repository, sends Basic only with credentials, and only to the realm', async () => {
    tokens.seen.length = 0;
    expect((await fetchImageConfig(ref(info.token), { insecureRegistries })).ok).toBe(true);
    expect((await fetchImageConfig(ref(info.token), { insecureRegistries, credentials: info.credentials })).ok).toBe(true);
    expect(tokens.seen.map((s) => s.authorization?.split(' ')[0])).toEqual([undefined, 'Basic']);
    for (const s of tokens.seen) {
      const q = new URLSearchParams(s.query);
      expect(q.get('scope')).toBe(`repository:${image.repository}:pull`);
      expect(q.get('service')).toBe(info.realm.service);
    }
  });

  test('an http token realm not listed in insecureRegistries is refused', async () => {
    const r = await fetchImageConfig(ref(info.token), { insecureRegistries: [info.token] });
    expect(r.ok ? undefined : r.issues[0].code).toBe('registry-unauthorized');
  });
});
