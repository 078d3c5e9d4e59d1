// registryTarget: reference parts → request target. Docker Hub names from docker/cli
// (cli/config/configfile/file.go getAuthConfigKey) and distribution/reference normalize.go
// (docker.io, library/); the API host registry-1.docker.io from moby registry/config.go
// (DefaultRegistryHost). Grammar rows from distribution/reference regexp.go.
import { describe, expect, test } from 'vitest';
import { registryTarget } from '../../src/registry/index.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('registryTarget', () => {
  test.for([
    {
      ref: { domain: 'docker.io', path: 'nginx' },
      want: { host: 'registry-1.docker.io', origin: 'https://registry-1.docker.io', repository: 'library/nginx', reference: 'latest' },
    },
    {
      ref: { domain: 'index.docker.io', path: 'bitnami/redis', tag: '7' },
      want: { host: 'registry-1.docker.io', origin: 'https://registry-1.docker.io', repository: 'bitnami/redis', reference: '7' },
    },
    { ref: { domain: 'ghcr.io', path: 'a/b/c', tag: 'v1', digest: D }, want: { host: 'ghcr.io', origin: 'https://ghcr.io', repository: 'a/b/c', reference: D, digest: D } },
    {
      ref: { domain: 'localhost:5000', path: 'x__y.z-w', tag: 'T_1.0-rc' },
      want: { host: 'localhost:5000', origin: 'https://localhost:5000', repository: 'x__y.z-w', reference: 'T_1.0-rc' },
    },
    { ref: { domain: '[::1]:5000', path: 'x' }, want: { host: '[::1]:5000', origin: 'https://[::1]:5000', repository: 'x', reference: 'latest' } },
  ])('$ref.domain/$ref.path', ({ ref, want }) => {
    expect(registryTarget(ref)).toEqual(want);
  });

  test('insecureRegistries switches that host to http', () => {
    expect(registryTarget({ domain: '127.0.0.1:5000', path: 'x' }, ['127.0.0.1:5000'])).toMatchObject({ origin: 'http://127.0.0.1:5000' });
    expect(registryTarget({ domain: '127.0.0.1:5001', path: 'x' }, ['127.0.0.1:5000'])).toMatchObject({ origin: 'https://127.0.0.1:5001' });
  });

  test.for([
    ['domain', { domain: 'a/b', path: 'x' }],
    ['domain', { domain: 'host:port', path: 'x' }],
    ['domain', { domain: '', path: 'x' }],
    ['path', { domain: 'h', path: 'Upper' }],
    ['path', { domain: 'h', path: 'a//b' }],
    ['path', { domain: 'h', path: '-a' }],
    ['path', { domain: 'h', path: 'a..b' }],
    ['path', { domain: 'h', path: 'a___b' }],
    ['path', { domain: 'h', path: 'a/../b' }],
    ['tag', { domain: 'h', path: 'x', tag: '.v1' }],
    ['tag', { domain: 'h', path: 'x', tag: 'a'.repeat(129) }],
    ['tag', { domain: 'h', path: 'x', tag: 'v1?x=1' }],
    ['digest', { domain: 'h', path: 'x', digest: 'sha256:short' }],
    ['digest', { domain: 'h', path: 'x', digest: `sha256:${'a'.repeat(63)}/` }],
  ] as const)('refuses a bad %s: %j', ([what, ref]) => {
    expect(registryTarget(ref)).toMatchObject({ code: 'registry-invalid-reference', message: expect.stringContaining(`invalid reference format: ${what}`) });
  });
});
