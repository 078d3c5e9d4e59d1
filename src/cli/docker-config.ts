/**
 * Node-only: reads the Docker client config for the CLI's registry lookups and answers with the
 * credentials for one registry (the rules are `dockerConfigCredentials` in
 * src/registry/docker-config.ts, which is pure). The file is `$DOCKER_CONFIG/config.json`, else
 * `~/.docker/config.json`, as docker/cli's config.Dir() chooses it. A missing file means no
 * credentials.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { dockerConfigCredentials, type DockerConfigCredentialsResult } from '../registry/docker-config.js';

/** Where docker/cli keeps its config: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function dockerConfigPath(env: Readonly<Record<string, string | undefined>>, home: string = homedir()): string {
  const dir = env['DOCKER_CONFIG'];
  return join(dir !== undefined && dir !== '' ? dir : join(home, '.docker'), 'config.json');
}

/** Credentials for `domain` from the Docker config file (none when the file does not exist). */
export function readDockerCredentials(domain: string, env: Readonly<Record<string, string | undefined>>, home?: string): DockerConfigCredentialsResult {
  const path = dockerConfigPath(env, home);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, diagnostics: [] };
    return { ok: false, issues: [{ code: 'docker-config-invalid', message: `${path}: ${(e as Error).message}`, source: path }], diagnostics: [] };
  }
  const r = dockerConfigCredentials(text, domain);
  return r.ok ? r : { ...r, issues: [{ ...r.issues[0], source: path }, ...r.issues.slice(1)] };
}
