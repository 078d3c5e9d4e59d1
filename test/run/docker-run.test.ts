import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseRunCommandLine, resolveContainerConfig, resolveDockerRun, type DockerRunOverrides, type ImageConfig } from '../../src/index.js';
import { vectorsOf } from '../fixtures/vectors.js';

type OciImage = { Entrypoint?: string[] | null; Cmd?: string[] | null };
const image = (oci: OciImage): ImageConfig => ({ entrypoint: oci.Entrypoint ?? null, cmd: oci.Cmd ?? null });

/** Reads the vectors' `cli` words: `[--entrypoint X] [--init] ARGS…` (the image name is implied). */
function runFromCli(cli: readonly string[]): DockerRunOverrides {
  let entrypoint: string | undefined;
  let init = false;
  let i = 0;
  for (; i < cli.length; i++) {
    if (cli[i] === '--entrypoint') entrypoint = cli[++i] ?? '';
    else if (cli[i] === '--init') init = true;
    else break;
  }
  return { ...(entrypoint !== undefined && { entrypoint }), ...(init && { init }), args: cli.slice(i) };
}

describe('resolveDockerRun', () => {
  describe('spec vectors (docker-run)', () => {
    test.for(vectorsOf('docker-run'))('$id: $description', (v) => {
      const img = image(v.input['image'] as OciImage);
      const cli = v.input['cli'];
      const got = Array.isArray(cli)
        ? resolveDockerRun(img, runFromCli(cli as string[]))
        : (() => {
            const api = (cli as { api: OciImage }).api;
            return resolveContainerConfig(img, { entrypoint: api.Entrypoint ?? null, cmd: api.Cmd ?? null });
          })();
      if ('argv' in v.expected) expect(got.ok && got.argv).toEqual(v.expected['argv']);
      else {
        expect(got).toMatchObject({ ok: false, issues: [{ code: 'no-command', message: v.expected['error'] }] });
        if ('errorBefore2023' in v.expected) {
          const old = resolveDockerRun(img, runFromCli(cli as string[]), { engineVersion: '24.0' });
          expect(!old.ok && old.issues[0].message).toBe(v.expected['errorBefore2023']);
        }
      }
    });
  });

  describe('spec vectors (podman-run)', () => {
    test.for(vectorsOf('podman-run'))('$id: $description', (v) => {
      const img = image(v.input['image'] as OciImage);
      const run = runFromCli(v.input['cli'] as string[]);
      const exp = v.expected as Record<string, Record<string, unknown>>;
      const cases: [string, Record<string, unknown>][] =
        'v4' in exp
          ? [
              ['4.3', exp['v4']],
              ['5.0', exp['v5']!],
            ]
          : [['4.3', v.expected]];
      for (const [version, want] of cases) {
        const got = resolveDockerRun(img, run, { engine: 'podman', engineVersion: version });
        if ('argv' in want) expect(got.ok && got.argv, version).toEqual(want['argv']);
        else expect(!got.ok && got.issues[0].message, version).toBe(want['error']);
      }
    });
  });

  // Source: semantics.md R3.3/R3.4 (moby daemon/commit.go merge, daemon/create.go), R3.5 (--init).
  const IMG: ImageConfig = { entrypoint: ['/ep'], cmd: ['serve', '--port', '80'] };
  test.for([
    { run: {}, argv: ['/ep', 'serve', '--port', '80'], sources: { entrypoint: 'image', cmd: 'image' } },
    { run: { args: ['x'] }, argv: ['/ep', 'x'], sources: { entrypoint: 'image', cmd: 'run' } },
    { run: { args: [''] }, argv: ['/ep', ''], sources: { entrypoint: 'image', cmd: 'run' } },
    { run: { entrypoint: '/bin/sh' }, argv: ['/bin/sh'], sources: { entrypoint: 'run', cmd: 'none' } },
    { run: { entrypoint: '', args: ['ls', '-l'] }, argv: ['ls', '-l'], sources: { entrypoint: 'none', cmd: 'run' } },
    { run: { init: true }, argv: ['/sbin/docker-init', '--', '/ep', 'serve', '--port', '80'], sources: { entrypoint: 'image', cmd: 'image' } },
  ] as const)('$run', ({ run, argv, sources }) => {
    const got = resolveDockerRun(IMG, run);
    expect(got).toMatchObject({ ok: true, argv, sources });
    if (got.ok) {
      expect(got.inspectPath).toBe(got.entrypoint[0] ?? got.cmd[0]);
      expect([got.inspectPath, ...got.inspectArgs]).toEqual(run.init ? argv.slice(2) : argv);
    }
  });

  describe('diagnostics (semantics.md §9)', () => {
    const codes = (img: ImageConfig, run: DockerRunOverrides = {}) => resolveDockerRun(img, run).diagnostics.map((d) => d.code);
    test('shell-form ENTRYPOINT receiving CMD as $0 (row 1)', () => {
      expect(codes({ entrypoint: ['/bin/sh', '-c', 'a b'], cmd: ['x', 'y'] })).toContain('argv-shell-entrypoint-args');
      expect(codes({ entrypoint: ['/bin/sh', '-c', 'a b'] }, { args: ['x'] })).toContain('argv-shell-entrypoint-args');
      expect(codes({ entrypoint: ['/bin/sh', '-c', 'a b'] })).not.toContain('argv-shell-entrypoint-args');
    });
    test('sh -c followed by several words (row 2, moby/moby#21014)', () => {
      expect(codes({ entrypoint: ['sh', '-c'], cmd: ['echo', 'hello'] })).toContain('argv-sh-c-extra-args');
      expect(codes({ cmd: ['bash', '-ec', 'echo', 'x'] })).toContain('argv-sh-c-extra-args');
      expect(codes({ cmd: ['sh', '-c', 'echo x'] })).not.toContain('argv-sh-c-extra-args');
    });
    test('--entrypoint with whitespace (row 5)', () => {
      expect(codes(IMG, { entrypoint: 'top -b' })).toContain('entrypoint-whitespace');
      expect(codes(IMG, { entrypoint: 'top' })).not.toContain('entrypoint-whitespace');
      // Podman decodes a JSON array first: the path is its element, not the JSON text.
      const podman = (entrypoint: string) => resolveDockerRun(IMG, { entrypoint }, { engine: 'podman' }).diagnostics;
      expect(podman('[ "/bin/x" ]').map((d) => d.code)).not.toContain('entrypoint-whitespace');
      expect(podman('["top -b"]').find((d) => d.code === 'entrypoint-whitespace')?.message).toContain('"top -b"');
    });
    test('--entrypoint drops the image CMD (row 6) and --entrypoint "" without args (row 7)', () => {
      expect(codes(IMG, { entrypoint: 'top' })).toContain('entrypoint-drops-cmd');
      const empty = resolveDockerRun(IMG, { entrypoint: '' });
      expect(empty.ok).toBe(false);
      expect(empty.diagnostics.map((d) => d.code)).toContain('empty-entrypoint-drops-cmd');
    });
    test('shell as PID 1 (row 4), not with --init or exec', () => {
      expect(codes({ cmd: ['/bin/sh', '-c', 'nginx'] })).toContain('argv-shell-pid1');
      expect(codes({ cmd: ['/bin/sh', '-c', 'exec nginx'] })).not.toContain('argv-shell-pid1');
      expect(resolveDockerRun({ cmd: ['/bin/sh', '-c', 'nginx'] }, { init: true }).diagnostics.map((d) => d.code)).not.toContain('argv-shell-pid1');
    });
  });

  test('wrong JavaScript types throw a TypeError', () => {
    expect(() => resolveDockerRun(null as unknown as ImageConfig)).toThrow(TypeError);
    expect(() => resolveDockerRun({}, { args: 'x' as unknown as string[] })).toThrow('run.args must be an array, got string');
    expect(() => resolveDockerRun({}, { args: ['a', 1 as unknown as string] })).toThrow('run.args[1] must be a string, got number');
  });
});

// Review finding: the extra words of `sh -c` may sit in an exec-form ENTRYPOINT itself (moby/moby#21014 shape).
describe('sh -c traps wherever the extra words come from', () => {
  test.for([
    { image: { entrypoint: ['sh', '-c', 'echo', 'hello'] }, code: 'argv-sh-c-extra-args' },
    { image: { entrypoint: ['sh', '-c'], cmd: ['echo', 'hello'] }, code: 'argv-sh-c-extra-args' },
    { image: { cmd: ['sh', '-c', 'echo', 'hello'] }, code: 'argv-sh-c-extra-args' },
    { image: { entrypoint: ['/bin/sh', '-c', 'echo hi'], cmd: ['x'] }, code: 'argv-shell-entrypoint-args' },
  ])('$image', ({ image, code }) => {
    expect(resolveDockerRun(image).diagnostics.map((d) => d.code)).toContain(code);
  });
});

// Review finding: an unversioned Podman is the current release (5.x), as for Docker.
// Source: docs/research/engine-versions.md (podman 5cc83da1, v5.0.0); semantics.md R7.2.
describe('Podman with nothing to run', () => {
  test.for([
    { version: undefined, ok: true },
    { version: '5.2', ok: true },
    { version: '4.9', ok: false },
  ])('version $version', ({ version, ok }) => {
    const got = resolveDockerRun({}, {}, { engine: 'podman', ...(version !== undefined && { engineVersion: version }) });
    expect(got.ok).toBe(ok);
    if (got.ok) {
      expect(got.argv).toEqual(['']);
      expect(got.diagnostics.map((d) => d.code)).toContain('empty-argv');
    } else expect(got.issues[0].message).toBe('no command or entrypoint provided, and no CMD or ENTRYPOINT from image');
  });
});

// Source: test/fixtures/inspect-path-args.json (podman 4.3.1 and docker 20.10.24, `create` then
// `inspect --format '{{json .Path}} {{json .Args}}'`, by hand). Podman shows the OCI process.args, init
// included, and a one-word argv as Args [Path]; Docker shows the command without docker-init.
describe("path/args are what the engine's inspect shows", () => {
  interface InspectCase {
    create: string[];
    path?: string;
    args?: string[];
    error?: string;
  }
  const fx = JSON.parse(readFileSync(new URL('../fixtures/inspect-path-args.json', import.meta.url), 'utf8')) as {
    images: Record<string, { config: ImageConfig }>;
    engines: { engine: 'docker' | 'podman'; version: string; cases: InspectCase[] }[];
  };
  const rows = fx.engines.flatMap((e) => e.cases.map((c) => ({ ...c, engine: e.engine, version: e.version, line: `${e.engine} ${e.version} create ${JSON.stringify(c.create)}` })));
  test.for(rows)('$line', ({ create, path, args, error, engine, version }) => {
    const parsed = parseRunCommandLine([engine, 'create', ...create], { engineVersion: version });
    if (!parsed.ok) throw new Error(parsed.issues[0].message);
    const image = fx.images[parsed.image]?.config as ImageConfig;
    const got = resolveDockerRun(image, parsed.run, { engine, engineVersion: version });
    if (error !== undefined) expect(got.ok ? 'ok' : `Error: ${got.issues[0].message}`).toBe(error);
    else expect(got.ok ? [got.inspectPath, got.inspectArgs] : got.issues[0].message).toEqual([path, args]);
  });
});
