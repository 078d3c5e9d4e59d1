// The local engine source (src/cli/base-images/engine-source.ts) running a fake `docker` /
// `podman` program found on PATH: a small shell script in a temporary directory that answers as
// the real ones did. Sources of the answers:
// - test/fixtures/engine-inspect/docker-20.10.24-argvbase-ep-cmd.json: `docker image inspect
//   argvbase-ep-cmd:1` (docker CLI 28.2.2, dockerd 20.10.24; the image built by scripts/engine.sh);
// - missing image: docker CLI 28.2.2 / dockerd 20.10.24 printed `[]` and, exit 1, `Error response
//   from daemon: no such image: nosuch:1: No such image: nosuch:1`; podman 4.3.1 printed `[]` and,
//   exit 125, `Error: inspecting object: nosuch:1: image not known`;
// - no daemon: docker CLI 28.2.2 printed `[]` and, exit 1, `Cannot connect to the Docker daemon at
//   unix:///var/run/docker.sock. Is the docker daemon running?`.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseImageReference } from '../../../src/core/image-reference.js';
import { engineSource, type LocalEngine } from '../../../src/cli/base-images/engine-source.js';
import type { BaseQuery } from '../../../src/cli/base-images/sources.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/engine-inspect/docker-20.10.24-argvbase-ep-cmd.json');
const IMAGE_ID = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as [{ Id: string }])[0].Id;

const NOT_FOUND: Record<LocalEngine, { status: number; stderr: string }> = {
  docker: { status: 1, stderr: 'Error response from daemon: no such image: $ref: No such image: $ref' },
  podman: { status: 125, stderr: 'Error: inspecting object: $ref: image not known' },
};

/** A fake engine program: answers `image inspect REF` by REF, and records its arguments. */
function script(engine: LocalEngine, log: string): string {
  const miss = NOT_FOUND[engine];
  return `#!/bin/sh
PATH=/usr/bin:/bin
printf '%s\\n' "$*" >> '${log}'
ref="$3"
case "$ref" in
  argvbase-ep-cmd:1|docker.io/library/argvbase-ep-cmd:1) cat '${FIXTURE}' ;;
  nodaemon:*) echo '[]'; echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2; exit 1 ;;
  slow:*) exec sleep 5 ;;
  garbage:*) echo 'not json' ;;
  empty:*) echo '[]' ;;
  *) echo '[]'; echo "${miss.stderr}" >&2; exit ${miss.status} ;;
esac
`;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'container-argv-engine-'));
  for (const engine of ['docker', 'podman'] as const) {
    const file = join(dir, engine);
    writeFileSync(file, script(engine, join(dir, `${engine}.log`)));
    chmodSync(file, 0o755);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function query(text: string, platform?: { os: string; architecture: string }): BaseQuery {
  const r = parseImageReference(text);
  return { text, reference: r.ok ? r.reference : null, platform: platform ?? { os: 'linux', architecture: 'amd64' }, platformGiven: platform !== undefined };
}

const source = (engine: LocalEngine, timeoutMs?: number) => engineSource({ engine, env: { PATH: dir }, ...(timeoutMs !== undefined && { timeoutMs }) });

describe.for(['docker', 'podman'] as const)('%s image inspect', (engine) => {
  test('a present image: its config, the image ID and platform as provenance', async () => {
    const r = await source(engine).lookup(query('argvbase-ep-cmd:1'));
    expect(r).toEqual({
      config: { entrypoint: ['/argv', 'base-ep'], cmd: ['base-cmd'], shell: null, onBuild: null, os: 'linux' },
      source: { kind: 'engine', engine, id: IMAGE_ID, platform: 'linux/amd64' },
      diagnostics: [],
    });
    expect(readFileSync(join(dir, `${engine}.log`), 'utf8').split('\n')).toContain('image inspect argvbase-ep-cmd:1');
  });

  test('an absent image is a miss', async () => {
    expect(await source(engine).lookup(query('nosuch:1'))).toBeUndefined();
  });

  test('an empty answer is a miss', async () => {
    expect(await source(engine).lookup(query('empty:1'))).toBeUndefined();
  });

  test('output that is not JSON is a failure', async () => {
    expect(await source(engine).lookup(query('garbage:1'))).toMatchObject({
      ok: false,
      issues: [{ code: 'engine-inspect-failed', message: expect.stringMatching(`^${engine} image inspect garbage:1: output is not JSON`) }],
    });
  });

  test('a timeout is a failure', async () => {
    expect(await source(engine, 200).lookup(query('slow:1'))).toEqual({
      ok: false,
      issues: [{ code: 'engine-inspect-failed', message: `${engine} image inspect slow:1: no answer within 0.2 s` }],
      diagnostics: [],
    });
  });
});

describe('other cases', () => {
  test("no daemon: a failure with the engine's own words", async () => {
    expect(await source('docker').lookup(query('nodaemon:1'))).toEqual({
      ok: false,
      issues: [
        {
          code: 'engine-inspect-failed',
          message: 'docker image inspect nodaemon:1: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
        },
      ],
      diagnostics: [],
    });
  });

  test('the engine program is not installed: a miss', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'container-argv-noengine-'));
    try {
      expect(await engineSource({ engine: 'docker', env: { PATH: empty } }).lookup(query('argvbase-ep-cmd:1'))).toBeUndefined();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('a local image of another platform than --platform: used, with a warning', async () => {
    const r = await source('docker').lookup(query('argvbase-ep-cmd:1', { os: 'linux', architecture: 'arm64' }));
    expect(r).toMatchObject({
      source: { kind: 'engine', platform: 'linux/amd64' },
      diagnostics: [{ code: 'engine-platform-mismatch', severity: 'warning', message: 'the local image argvbase-ep-cmd:1 is linux/amd64, not linux/arm64; its config is used' }],
    });
  });

  test('the same platform written differently is no mismatch (x86_64 ≡ amd64)', async () => {
    const r = await source('docker').lookup(query('argvbase-ep-cmd:1', { os: 'linux', architecture: 'x86_64' }));
    expect(r).toMatchObject({ diagnostics: [] });
  });

  test('an invalid reference is never passed to the engine', async () => {
    const log = join(dir, 'docker.log');
    writeFileSync(log, '');
    expect(await source('docker').lookup(query('Not/Valid'))).toBeUndefined();
    expect(readFileSync(log, 'utf8')).toBe('');
  });
});
