// dockerConfigCredentials, by docker/cli's rules at 28f7560 (cli/config/configfile/file.go:
// getAuthConfigKey, getConfiguredCredentialStore, decodeAuth; credentials/file_store.go:
// Get, ConvertToHostname).
import { describe, expect, test } from 'vitest';
import { convertToHostname, dockerConfigCredentials } from '../../src/registry/index.js';

const b64 = (s: string) => btoa(s);

describe('dockerConfigCredentials', () => {
  test.for([
    { name: 'auth field (base64 user:password)', config: { auths: { 'ghcr.io': { auth: b64('u:p:w') } } }, domain: 'ghcr.io', want: { username: 'u', password: 'p:w' } },
    {
      name: 'Docker Hub under https://index.docker.io/v1/',
      config: { auths: { 'https://index.docker.io/v1/': { auth: b64('hub:pw') } } },
      domain: 'docker.io',
      want: { username: 'hub', password: 'pw' },
    },
    {
      name: 'legacy key with scheme and path',
      config: { auths: { 'https://127.0.0.1:5000/v1/': { auth: b64('a:b') } } },
      domain: '127.0.0.1:5000',
      want: { username: 'a', password: 'b' },
    },
    { name: 'username/password fields', config: { auths: { 'r.test': { username: 'x', password: 'y' } } }, domain: 'r.test', want: { username: 'x', password: 'y' } },
    {
      name: 'auth wins over username/password',
      config: { auths: { 'r.test': { auth: b64('a:b'), username: 'x', password: 'y' } } },
      domain: 'r.test',
      want: { username: 'a', password: 'b' },
    },
    { name: 'NULs trimmed from the password', config: { auths: { 'r.test': { auth: b64('a:b\0\0') } } }, domain: 'r.test', want: { username: 'a', password: 'b' } },
  ])('$name', ({ config, domain, want }) => {
    expect(dockerConfigCredentials(config, domain)).toEqual({ ok: true, credentials: want, diagnostics: [] });
    expect(dockerConfigCredentials(JSON.stringify(config), domain)).toEqual({ ok: true, credentials: want, diagnostics: [] });
  });

  test('no entry for the host, or an empty entry: no credentials', () => {
    expect(dockerConfigCredentials({ auths: { 'a.test': { auth: b64('a:b') } } }, 'b.test')).toEqual({ ok: true, diagnostics: [] });
    expect(dockerConfigCredentials({ auths: { 'a.test': {} } }, 'a.test')).toEqual({ ok: true, diagnostics: [] });
    expect(dockerConfigCredentials({}, 'a.test')).toEqual({ ok: true, diagnostics: [] });
  });

  test('credsStore or credHelpers: a clear "not supported" failure', () => {
    expect(dockerConfigCredentials({ credsStore: 'desktop', auths: { 'a.test': { auth: b64('a:b') } } }, 'a.test')).toEqual({
      ok: false,
      issues: [
        {
          code: 'registry-credential-helper-unsupported',
          message: 'credentials for a.test are kept by the credential helper docker-credential-desktop, which is not supported; pass the credentials explicitly',
        },
      ],
      diagnostics: [],
    });
    const helpers = { credHelpers: { 'gcr.io': 'gcloud' }, auths: { 'a.test': { auth: b64('a:b') } } };
    expect(dockerConfigCredentials(helpers, 'gcr.io')).toMatchObject({ ok: false, issues: [{ code: 'registry-credential-helper-unsupported' }] });
    expect(dockerConfigCredentials(helpers, 'a.test')).toMatchObject({ ok: true, credentials: { username: 'a' } });
  });

  test('identitytoken: not supported', () => {
    expect(dockerConfigCredentials({ auths: { 'a.test': { identitytoken: 'tok' } } }, 'a.test')).toMatchObject({
      ok: false,
      issues: [{ code: 'registry-identity-token-unsupported' }],
    });
  });

  test.for([
    ['not JSON', '{'],
    ['not an object', '[]'],
    ['auths not an object', { auths: [] }],
    ['auth not base64', { auths: { 'a.test': { auth: '!!!' } } }],
    ['auth without a colon', { auths: { 'a.test': { auth: b64('nocolon') } } }],
    ['auth with an empty user', { auths: { 'a.test': { auth: b64(':pw') } } }],
  ] as const)('%s: docker-config-invalid', ([, config]) => {
    expect(dockerConfigCredentials(config, 'a.test')).toMatchObject({ ok: false, issues: [{ code: 'docker-config-invalid' }] });
  });
});

test.for([
  ['https://index.docker.io/v1/', 'index.docker.io'],
  ['http://127.0.0.1:5000', '127.0.0.1:5000'],
  ['registry.test/v2/', 'registry.test'],
  ['registry.test', 'registry.test'],
] as const)('convertToHostname(%s) = %s', ([key, host]) => {
  expect(convertToHostname(key)).toBe(host);
});
