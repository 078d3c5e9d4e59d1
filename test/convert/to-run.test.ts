import { describe, expect, test } from 'vitest';
import { specToRun } from '../../src/convert/to-run.js';
import type { ContainerSpec } from '../../src/convert/spec.js';
import type { ImageConfig } from '../../src/core/types.js';

const spec = (entrypoint: readonly string[] | null, cmd: readonly string[] | null, more: Partial<ContainerSpec> = {}): ContainerSpec => ({
  image: 'app',
  entrypoint,
  cmd,
  init: false,
  flags: [],
  ...more,
});

// Source of the argv rows: the Engine API request docker/cli builds from --entrypoint (one word,
// '' → [""]) and the words after the image, merged by moby (daemon/create.go merge); probed with
// Docker 20.10.24 and docker-compose 1.29.2 by test/engine/convert-compose.test.ts (2026-12-02).
const rows: readonly { name: string; spec: ContainerSpec; image?: ImageConfig; engine?: 'docker' | 'podman'; line?: string; dependsOn?: string[]; issue?: string }[] = [
  { name: 'no entrypoint: the words after the image', spec: spec(null, ['echo', 'a  b']), line: "docker run app echo 'a  b'" },
  { name: 'entrypoint [""] is --entrypoint ""', spec: spec([''], ['x']), line: "docker run --entrypoint '' app x" },
  { name: 'a multi-word entrypoint keeps its first word', spec: spec(['/bin/sh', '-c'], ['echo $HOME']), line: "docker run --entrypoint /bin/sh app -c 'echo $HOME'" },
  { name: 'an entrypoint without a command drops the image CMD either way', spec: spec(['/ep'], null), line: 'docker run --entrypoint /ep app' },
  { name: 'entrypoint [] with a command is --entrypoint ""', spec: spec([], ['x']), line: "docker run --entrypoint '' app x" },
  { name: 'entrypoint [] without a command: the image CMD written out', spec: spec([], null), image: { cmd: ['c', 'd'] }, line: "docker run --entrypoint '' app c d" },
  { name: 'entrypoint [] without a command and no image config', spec: spec([], null), dependsOn: ['cmd'] },
  { name: 'an entrypoint that starts with "" cannot be written', spec: spec(['', 'x'], null), issue: 'convert-not-expressible' },
  { name: 'podman: a multi-word entrypoint as JSON', spec: spec(['/bin/sh', '-c'], ['id']), engine: 'podman', line: `podman run --entrypoint '["/bin/sh","-c"]' app id` },
  { name: 'podman: a one-word entrypoint that looks like JSON', spec: spec(['[x'], null), engine: 'podman', line: `podman run --entrypoint '["[x"]' app` },
  { name: 'podman: entrypoint [] keeps the image CMD as Docker does', spec: spec([], null), engine: 'podman', line: "podman run --entrypoint '[]' app" },
  {
    name: 'flags by long name, booleans without a value, --init',
    spec: spec(null, null, {
      init: true,
      flags: [
        { name: 'tty', value: 'true', spelled: '-t', location: {} },
        { name: 'env', value: 'A=$x', spelled: '-e', location: {} },
      ],
    }),
    line: "docker run --tty --env 'A=$x' --init app",
  },
  { name: 'a build-only service has no image', spec: spec(null, null, { image: undefined }), issue: 'convert-no-image' },
];

describe('specToRun', () => {
  test.for(rows)('$name', (row) => {
    const r = specToRun(row.spec, { ...(row.image !== undefined && { imageConfig: row.image }), ...(row.engine !== undefined && { engine: row.engine }) });
    if (row.issue !== undefined) return expect(r).toMatchObject({ ok: false, issues: [{ code: row.issue }] });
    if (row.dependsOn !== undefined) return expect(r).toMatchObject({ ok: true, complete: false, dependsOn: row.dependsOn });
    expect(r.ok && r.complete && r.value.line).toBe(row.line);
  });

  test('the entrypoint split is said', () => {
    expect(specToRun(spec(['/bin/sh', '-c'], ['id'])).diagnostics.map((d) => d.code)).toEqual(['convert-entrypoint-split']);
  });

  test.for([
    ['powershell', `docker run --entrypoint '' app 'it''s' '' 'a b'`],
    ['cmd', 'docker run --entrypoint "" app it\'s "" "a b"'],
  ] as const)('quoted for %s', ([shell, line]) => {
    const r = specToRun(spec([''], ["it's", '', 'a b']), { shell });
    expect(r.ok && r.complete && r.value.line).toBe(line);
  });
});
