// The CLI's reader of the Docker config file (src/cli/docker-config.ts): docker/cli's location
// rules (cli/config/config.go Dir: $DOCKER_CONFIG, else ~/.docker) on a temporary directory.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { dockerConfigPath, readDockerCredentials } from '../../src/cli/docker-config.js';

const dir = mkdtempSync(join(tmpdir(), 'argv-docker-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readDockerCredentials', () => {
  test('DOCKER_CONFIG wins over the home directory', () => {
    expect(dockerConfigPath({ DOCKER_CONFIG: '/cfg' }, '/home/u')).toBe('/cfg/config.json');
    expect(dockerConfigPath({}, '/home/u')).toBe('/home/u/.docker/config.json');
    expect(dockerConfigPath({ DOCKER_CONFIG: '' }, '/home/u')).toBe('/home/u/.docker/config.json');
  });

  test('reads auths from the file; a missing file is no credentials', () => {
    mkdirSync(join(dir, '.docker'));
    writeFileSync(join(dir, '.docker', 'config.json'), JSON.stringify({ auths: { '127.0.0.1:5501': { auth: btoa('argv:pw') } } }));
    expect(readDockerCredentials('127.0.0.1:5501', {}, dir)).toEqual({ ok: true, credentials: { username: 'argv', password: 'pw' }, diagnostics: [] });
    expect(readDockerCredentials('127.0.0.1:5501', { DOCKER_CONFIG: join(dir, 'absent') }, dir)).toEqual({ ok: true, diagnostics: [] });
  });

  test('a credential helper: the failure names the file', () => {
    const cfg = join(dir, 'helper');
    mkdirSync(cfg);
    writeFileSync(join(cfg, 'config.json'), JSON.stringify({ credsStore: 'pass' }));
    expect(readDockerCredentials('ghcr.io', { DOCKER_CONFIG: cfg })).toMatchObject({
      ok: false,
      issues: [{ code: 'registry-credential-helper-unsupported', source: join(cfg, 'config.json') }],
    });
  });
});
