import { describe, expect, test } from 'vitest';
import * as registry from '../../src/registry/index.js';

// The public surface of `container-argv/registry` (src/registry/index.ts): runtime exports are listed
// here on purpose, so that adding or dropping one is a visible change.
describe('container-argv/registry exports', () => {
  test('exactly these runtime names', () => {
    expect(Object.keys(registry).sort()).toEqual(
      [
        'DEFAULT_PLATFORM',
        'DOCKER_CONFIG',
        'DOCKER_HUB_AUTH_KEY',
        'DOCKER_HUB_HOST',
        'DOCKER_MANIFEST',
        'DOCKER_MANIFEST_LIST',
        'DOCKER_SCHEMA1',
        'DOCKER_SCHEMA1_SIGNED',
        'OCI_CONFIG',
        'OCI_INDEX',
        'OCI_MANIFEST',
        'REGISTRY_DEFAULTS',
        'basicAuthorization',
        'convertToHostname',
        'dockerConfigCredentials',
        'fetchImageConfig',
        'formatPlatform',
        'normalizePlatform',
        'parseChallenges',
        'registryTarget',
        'selectPlatform',
        'windowsVersionMatches',
      ].sort(),
    );
  });

  test.for([
    'fetchImageConfig',
    'basicAuthorization',
    'parseChallenges',
    'convertToHostname',
    'dockerConfigCredentials',
    'formatPlatform',
    'normalizePlatform',
    'selectPlatform',
    'windowsVersionMatches',
    'registryTarget',
  ])('%s is a function', (name) => {
    expect(typeof (registry as Record<string, unknown>)[name]).toBe('function');
  });
});
