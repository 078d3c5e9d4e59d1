import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { evaluateDockerfile, parseCommand, parseDockerfile, resolveDockerRun, type EvaluateDockerfileOptions, type ImageConfig } from '../../src/index.js';
import { vectorsOf } from '../fixtures/vectors.js';

type DockerConfig = { Entrypoint?: string[] | null; Cmd?: string[] | null; Shell?: string[] | null; OnBuild?: string[] | null };

function toImageConfig(c: DockerConfig | undefined): ImageConfig | undefined {
  if (c === undefined) return undefined;
  return { entrypoint: c.Entrypoint ?? null, cmd: c.Cmd ?? null, shell: c.Shell ?? null, onBuild: c.OnBuild ?? null };
}

function optionsFor(input: Record<string, unknown>, builder?: string): EvaluateDockerfileOptions {
  const base = toImageConfig(input['baseImage'] as DockerConfig | undefined);
  const b = builder ?? (input['builder'] as string | undefined);
  return {
    os: (input['os'] as 'linux' | 'windows' | undefined) ?? 'linux',
    ...(b === 'buildah' ? { engine: 'podman' as const } : b === 'classic' ? { builder: 'classic' as const } : {}),
    // The vectors' bases (busybox, alpine, ubuntu, nanoserver, `base`) set no ENTRYPOINT, SHELL or ONBUILD; a
    // vector that needs more gives `baseImage`. Known configs keep the answer complete.
    baseImages: () => base ?? {},
  };
}

function expectConfig(got: ImageConfig, exp: Record<string, unknown>): void {
  const map: Record<string, keyof ImageConfig> = { Entrypoint: 'entrypoint', Cmd: 'cmd', Shell: 'shell', OnBuild: 'onBuild', ArgsEscaped: 'argsEscaped' };
  for (const [k, v] of Object.entries(exp)) {
    const key = map[k];
    if (key === undefined) continue;
    const value = got[key];
    if (key === 'argsEscaped') expect(value ?? false, k).toBe(v);
    else expect(value === undefined || (Array.isArray(value) && value.length === 0) ? null : value, k).toEqual(v);
  }
}

describe('evaluateDockerfile: spec vectors', () => {
  test.for(vectorsOf('dockerfile'))('$id: $description ($source)', (v) => {
    const text = v.input['text'] as string;
    const exp = v.expected;
    const result = evaluateDockerfile(text);
    if ('error' in exp) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues[0].message).toBe(exp['error']);
        expect(result.issues[0].line).toBeGreaterThan(0);
        expect(result.issues[0].column).toBeGreaterThan(0);
      }
      return;
    }
    if ('errorContains' in exp) {
      expect(result.ok).toBe(false);
      if (!result.ok) for (const part of exp['errorContains'] as string[]) expect(result.issues[0].message).toContain(part);
      return;
    }
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const parsed = parseDockerfile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const expected = exp['instructions'] as { cmd: string; form?: string; args: string[] }[];
    const kinds = new Set(expected.map((e) => e.cmd));
    const got = parsed.instructions.filter((i) => kinds.has(i.keyword));
    expect(got.length).toBe(expected.length);
    expected.forEach((e, i) => {
      const instr = got[i]!;
      if (e.form === undefined) {
        expect(instr.args).toBe(e.args.join(' '));
        return;
      }
      const cmd = parseCommand(instr.args, { instruction: e.cmd as 'CMD' });
      expect(cmd.ok && cmd.command).toEqual(e.form === 'exec' ? { form: 'exec', args: e.args } : { form: 'shell', script: e.args[0] ?? '' });
    });
    if ('warnings' in exp && result.ok) {
      const warnings = result.diagnostics.filter((d) => d.code === 'empty-continuation').map((d) => d.message);
      expect(warnings).toEqual(exp['warnings']);
    }
  });

  const buildRows = vectorsOf('dockerfile-build').flatMap((v) => {
    const rows: { id: string; source: string; description: string; builder?: string; input: Record<string, unknown>; config: Record<string, unknown> }[] = [
      { id: v.id, source: v.source, description: v.description, input: v.input, config: v.expected['config'] as Record<string, unknown> },
    ];
    if (v.expected['classicBuilder'])
      rows.push({
        id: `${v.id}/classic`,
        source: v.source,
        description: v.description,
        builder: 'classic',
        input: v.input,
        config: v.expected['classicBuilder'] as Record<string, unknown>,
      });
    if (v.expected['buildah'])
      rows.push({
        id: `${v.id}/buildah`,
        source: v.source,
        description: v.description,
        builder: 'buildah',
        input: v.input,
        config: v.expected['buildah'] as Record<string, unknown>,
      });
    return rows;
  });
  test.for(buildRows)('$id: $description ($source)', (row) => {
    const result = evaluateDockerfile(row.input['dockerfile'] as string, optionsFor(row.input, row.builder));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expectConfig(result.config, row.config);
  });

  test.for(vectorsOf('dockerfile-build-run'))('$id: $description ($source)', (v) => {
    const result = evaluateDockerfile(v.input['dockerfile'] as string, optionsFor(v.input));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    const run = resolveDockerRun(result.config, { args: v.input['run'] as string[] });
    expect(run.ok && run.argv).toEqual(v.expected['argv']);
  });
});

describe('evaluateDockerfile: corpus tricky cases', () => {
  const rows = [
    { id: 'tricky/ep-resets-inherited-cmd', source: 'shared/corpus/tricky-cases.json', text: 'FROM python:3\nENTRYPOINT ["python"]\n', ep: ['python'], cmd: null },
    {
      id: 'tricky/onbuild-cmd',
      source: 'shared/corpus/tricky-cases.json',
      text: 'FROM x\nONBUILD CMD ["child"]\nCMD ["parent"]\n',
      ep: null,
      cmd: ['parent'],
      onBuild: ['CMD ["child"]'],
    },
    {
      id: 'tricky/multi-stage',
      source: 'shared/corpus/tricky-cases.json',
      text: 'FROM golang AS build\nCMD ["go", "test"]\nFROM alpine\nCOPY --from=build /x /x\nENTRYPOINT ["/x"]\n',
      ep: ['/x'],
      cmd: null,
    },
  ];
  test.for(rows)('$id ($source)', (row) => {
    const result = evaluateDockerfile(row.text, { baseImages: { 'python:3': { cmd: ['python3'] }, alpine: { cmd: ['/bin/sh'] } } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.entrypoint ?? null).toEqual(row.ep);
    expect(result.config.cmd ?? null).toEqual(row.cmd);
    if (row.onBuild) expect(result.config.onBuild).toEqual(row.onBuild);
  });
});

describe('evaluateDockerfile: stages, sources, diagnostics', () => {
  test('stage sources and inherited values (derived: buildkit convert.go dispatchState.init)', () => {
    const r = evaluateDockerfile('FROM img AS Base\nSHELL ["/bin/bash","-c"]\nCMD ["a"]\nFROM base\nENTRYPOINT run me\n', {
      baseImages: { img: { cmd: ['img-cmd'] } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.stages.map((s) => s.name)).toEqual(['base', null]);
    expect(r.stages[1]!.base).toEqual({ kind: 'stage', name: 'base', index: 0 });
    expect(r.config.entrypoint).toEqual(['/bin/bash', '-c', 'run me']);
    expect(r.config.cmd).toBeNull();
    expect(r.target.sources.shell).toEqual({ kind: 'inherited', from: 'stage base' });
    expect(r.target.sources.entrypoint).toMatchObject({ kind: 'instruction', line: 5 });
    expect(r.target.sources.cmd).toMatchObject({ kind: 'instruction', instruction: 'ENTRYPOINT', reset: true });
    expect(r.diagnostics.map((d) => d.code)).toContain('entrypoint-resets-cmd');
  });

  test('unknown base image → incomplete, with diagnostics (issue 18 §2)', () => {
    const r = evaluateDockerfile('FROM node:20\nRUN npm ci\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.complete).toBe(false);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('base-image-config-missing');
    expect(codes).toContain('depends-on-unknown-base');
  });

  test('ARG before FROM (derived: buildkit convert.go ProcessWordWithMatches)', () => {
    const opts = { baseImages: { 'img:1': { cmd: ['one'] }, 'img:2': { cmd: ['two'] } } };
    const cases: [string, string[] | null][] = [
      ['ARG B=img:1\nFROM ${B}\n', ['one']],
      ['ARG B=img:1\nFROM $B\n', ['one']],
      ['ARG T=2\nFROM img:${T}\n', ['two']],
      ['ARG B\nFROM ${B:-img:2}\n', ['two']],
      ['ARG B="img:1"\nFROM $B\n', ['one']],
      // Quotes in a modifier word are removed (recorded: docker 20.10.24, BuildKit and classic, 2026-12-02:
      // `ARG A=${B:-"supported"}` then `FROM x-$A` builds on stage x-supported).
      ['ARG V=${X:-"2"}\nFROM img:$V\n', ['two']],
      ["ARG V=${X:-'1'}\nFROM img:$V\n", ['one']],
    ];
    for (const [text, cmd] of cases) {
      const r = evaluateDockerfile(text, opts);
      expect(r.ok && r.config.cmd, text).toEqual(cmd);
    }
    const blank = evaluateDockerfile('ARG B\nFROM ${B}\n');
    expect(!blank.ok && blank.issues[0].message).toBe('base name (${B}) should not be blank');
    const overridden = evaluateDockerfile('ARG T=1\nFROM img:$T\n', { ...opts, buildArgs: { T: '2' } });
    expect(overridden.ok && overridden.config.cmd).toEqual(['two']);
  });

  test('target, unknown target, instruction before FROM, missing FROM', () => {
    const text = 'FROM scratch AS a\nCMD ["a"]\nFROM scratch AS b\nCMD ["b"]\n';
    const a = evaluateDockerfile(text, { target: 'A' });
    expect(a.ok && a.config.cmd).toEqual(['a']);
    const missing = evaluateDockerfile(text, { target: 'zz' });
    expect(!missing.ok && missing.issues[0].code).toBe('unknown-target');
    const before = evaluateDockerfile('CMD ["x"]\nFROM scratch\n');
    expect(!before.ok && before.issues[0]).toMatchObject({ message: 'no build stage in current context', line: 1, column: 1 });
    const onlyArg = evaluateDockerfile('ARG X=1\n');
    expect(!onlyArg.ok && onlyArg.issues[0].code).toBe('no-build-stage');
    const empty = evaluateDockerfile('# nothing\n');
    expect(!empty.ok && empty.issues[0].message).toBe('file with no instructions');
  });

  test('ONBUILD triggers of the base run at FROM (upstream: moby TestBuildOnBuildCmdEntrypointJSON)', () => {
    const r = evaluateDockerfile('FROM base\n', { baseImages: { base: { onBuild: ['CMD ["hello world"]', 'ENTRYPOINT ["echo"]'] } } });
    expect(r.ok && [r.config.entrypoint, r.config.cmd, r.config.onBuild]).toEqual([['echo'], ['hello world'], null]);
    if (r.ok) expect(r.target.sources.cmd).toMatchObject({ onBuild: true, line: 1 });
  });

  test('unknown instruction wording per engine version (buildkit suggest pkg; frontend 1.2 upper-cases)', () => {
    const text = 'FROM scratch\nFNTRYPOINT ["x"]\n';
    const now = evaluateDockerfile(text);
    expect(!now.ok && now.issues[0].message).toBe('unknown instruction: FNTRYPOINT (did you mean ENTRYPOINT?)');
    const old = evaluateDockerfile('FROM scratch\nfoo bar\n', { engineVersion: '20.10' });
    expect(!old.ok && old.issues[0].message).toBe('unknown instruction: FOO');
    const lower = evaluateDockerfile('FROM scratch\ncmdd x\n');
    expect(!lower.ok && lower.issues[0].message).toBe('unknown instruction: cmdd (did you mean cmd?)');
  });

  test('heredocs: RUN body skipped, CMD <<EOF is literal (semantics R1.14)', () => {
    const r = evaluateDockerfile('FROM scratch\nRUN <<EOF cat <<-"TWO"\nCMD ["no"]\nEOF\n\tCMD ["neither"]\n\tTWO\nCMD ["yes"]\n');
    expect(r.ok && r.config.cmd).toEqual(['yes']);
    const p = parseDockerfile('FROM scratch\nCOPY <<A <<B /dst/\na\nA\nb\nB\n');
    expect(p.ok && p.instructions[1]!.heredocs.map((h) => [h.name, h.content])).toEqual([
      ['A', 'a\n'],
      ['B', 'b\n'],
    ]);
    const old = evaluateDockerfile('FROM scratch\nRUN <<EOF\necho\nEOF\n', { engineVersion: '20.10' });
    expect(!old.ok && old.issues[0].message).toBe('unknown instruction: ECHO');
    const unterminated = evaluateDockerfile('FROM scratch\nRUN <<EOF\necho\n');
    expect(!unterminated.ok && unterminated.issues[0].message).toBe('unterminated heredoc');
  });

  test('windows default shell and classic-builder windows form (semantics R2.1, R2.10)', () => {
    const bk = evaluateDockerfile('FROM scratch\nCMD echo hi\n', { os: 'windows' });
    expect(bk.ok && bk.config.cmd).toEqual(['cmd', '/S', '/C', 'echo hi']);
    const classic = evaluateDockerfile('FROM scratch\nCMD echo hi\n', { os: 'windows', builder: 'classic' });
    expect(classic.ok && classic.config.cmd).toEqual(['cmd /S /C echo hi']);
  });

  test('line longer than 65535 bytes fails like bufio.Scanner (buildkit parser.go handleScannerError)', () => {
    const ok = evaluateDockerfile(`FROM scratch\nCMD ${'a'.repeat(65535 - 4)}\n`);
    expect(ok.ok).toBe(true);
    const long = evaluateDockerfile(`FROM scratch\nCMD ${'a'.repeat(65536 - 4)}\n`);
    expect(!long.ok && long.issues[0].message).toBe('dockerfile line greater than max allowed size of 65535');
  });

  test('type errors throw TypeError naming the parameter', () => {
    expect(() => evaluateDockerfile(1 as unknown as string)).toThrow(TypeError);
    expect(() => parseDockerfile(null as unknown as string)).toThrow(/text/);
  });
});

describe('evaluateDockerfile: properties', () => {
  const line = fc.oneof(
    fc.constantFrom(
      'FROM scratch',
      'FROM a AS b',
      'CMD ["a"]',
      'CMD a b',
      'ENTRYPOINT ["e"]',
      'SHELL ["x"]',
      'ONBUILD CMD x',
      '# c',
      '',
      '\\',
      'RUN <<EOF',
      'EOF',
      'ARG X=1',
      'FROM $X',
      'CMD --x',
      '# escape=`',
      '`',
    ),
    fc.string({ maxLength: 20 }),
  );
  test('total: never throws; failures carry line and column', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom('20.10', '27.0', undefined), (lines, nl, v) => {
        const r = evaluateDockerfile(lines.join(nl), v ? { engineVersion: v } : {});
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues)
            if (i.code !== 'unknown-target') {
              expect(i.line).toBeGreaterThan(0);
              expect(i.column).toBeGreaterThan(0);
            }
        }
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const r = evaluateDockerfile(s);
        if (!r.ok) expect(r.issues[0].line).toBeGreaterThan(0);
      }),
    );
  });

  const word = fc.stringMatching(/^[a-z0-9$"'{}=-]{1,6}$/);
  const body = fc.array(
    fc.oneof(
      fc.tuple(fc.constantFrom('CMD', 'ENTRYPOINT', 'cmd'), fc.array(word, { minLength: 1, maxLength: 4 })).map(([k, w]) => `${k} ${w.join(' ')}`),
      fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => `CMD ${JSON.stringify(w)}`),
      fc.constantFrom('SHELL ["/bin/bash","-c"]', 'ENV A=1', 'RUN true'),
    ),
    { minLength: 1, maxLength: 6 },
  );
  const cfg = (text: string) => {
    const r = evaluateDockerfile(text);
    return r.ok ? [r.config.entrypoint, r.config.cmd, r.config.shell] : r.issues[0].message;
  };
  test('metamorphic: comments, blank lines, CRLF, BOM and indentation do not change the config', () => {
    fc.assert(
      fc.property(body, fc.nat(), (lines, seed) => {
        const plain = ['FROM scratch', ...lines].join('\n') + '\n';
        const noisy = '\ufeff' + ['FROM scratch', ...lines].map((l, i) => ((seed >> i) & 1 ? `# note ${i}\r\n\r\n  ${l}` : `\t${l}`)).join('\r\n') + '\r\n';
        expect(cfg(noisy)).toEqual(cfg(plain));
      }),
    );
  });

  test('metamorphic: splitting a shell-form CMD at a space with a continuation keeps the script', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9]{1,5}$/), { minLength: 2, maxLength: 6 }), fc.nat(), (words, k) => {
        const cut = 1 + (k % (words.length - 1));
        const one = `FROM scratch\nCMD ${words.join(' ')}\n`;
        const two = `FROM scratch\nCMD ${words.slice(0, cut).join(' ')} \\\n${words.slice(cut).join(' ')}\n`;
        expect(cfg(two)).toEqual(cfg(one));
      }),
    );
  });
});

// Found by the CLI example (examples/Dockerfile with a node base): the reset warning must not fire
// when a CMD later in the same stage replaces what ENTRYPOINT reset (semantics.md R2.5).
// Source: buildkit 877d8a771 (dockerfile/1.15.0, Docker 28.1.0); imagebuilder split_command.go hard-codes '\\'.
describe('builder-flag words escape with a backslash before Docker 28.1 and in buildah', () => {
  const text = '# escape=`\nFROM scratch\nCMD --a\\ b c\n';
  test.for([
    { options: {}, cmd: undefined, error: 'unknown flag: --a\\' },
    { options: { engineVersion: '28.0' }, cmd: undefined, error: 'unknown flag: --a b' },
    { options: { engine: 'podman' }, cmd: ['/bin/sh', '-c', 'c'], error: undefined },
  ] as const)('$options', ({ options, cmd, error }) => {
    const got = evaluateDockerfile(text, options);
    if (cmd !== undefined) expect(got.ok && got.config.cmd).toEqual(cmd);
    else expect(!got.ok && got.issues[0].message).toBe(error);
  });
});

describe('entrypoint-resets-cmd only when the reset shows in the result', () => {
  const base = { 'node:20-slim': { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] } };
  test.for([
    { text: 'FROM node:20-slim\nENTRYPOINT ["/app"]\n', warned: true, cmd: null },
    { text: 'FROM node:20-slim\nENTRYPOINT ["/app"]\nCMD ["serve"]\n', warned: false, cmd: ['serve'] },
    { text: 'FROM node:20-slim\nCMD ["serve"]\nENTRYPOINT ["/app"]\n', warned: false, cmd: ['serve'] },
    { text: 'FROM node:20-slim AS a\nENTRYPOINT ["/app"]\nCMD ["x"]\nFROM a\nENTRYPOINT ["/b"]\n', warned: true, cmd: null },
  ])('$text', ({ text, warned, cmd }) => {
    const got = evaluateDockerfile(text, { baseImages: base });
    expect(got.ok && got.config.cmd).toEqual(cmd);
    expect(got.diagnostics.some((d) => d.code === 'entrypoint-resets-cmd')).toBe(warned);
  });
});

// Review finding: the shell-form ENTRYPOINT warning names the shell actually used (SHELL, Windows).
describe('entrypoint-shell-form-cmd names the shell in effect', () => {
  test.for([
    { text: 'FROM scratch\nENTRYPOINT run it\nCMD ["x"]\n', os: 'linux' as const, shell: '`/bin/sh -c`' },
    { text: 'FROM scratch\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT run it\nCMD ["x"]\n', os: 'linux' as const, shell: '`/bin/bash -c`' },
    { text: 'FROM scratch\nENTRYPOINT run it\nCMD ["x"]\n', os: 'windows' as const, shell: '`cmd /S /C`' },
  ])('$shell', ({ text, os, shell }) => {
    const got = evaluateDockerfile(text, { os });
    const d = got.diagnostics.find((x) => x.code === 'entrypoint-shell-form-cmd');
    expect(d?.message).toContain(shell);
  });
});

// Found by the live engine suite (ENGINE_SEED=1862211953, case gen-1862211953-013-s4-3, podman 4.3.1):
// buildah's OCI format keeps no ONBUILD, so a child stage runs no trigger of its parent stage;
// the docker format keeps it and runs it.
describe('ONBUILD of a parent stage under buildah', () => {
  const text = 'FROM scratch AS s0\nONBUILD CMD ["/argv","gen-onbuild"]\nFROM s0';
  test.for([
    { imageFormat: 'oci' as const, cmd: null },
    { imageFormat: 'docker' as const, cmd: ['/argv', 'gen-onbuild'] },
  ])('$imageFormat', ({ imageFormat, cmd }) => {
    const got = evaluateDockerfile(text, { engine: 'podman', engineVersion: '4.3.1', imageFormat });
    expect(got.ok && got.config.cmd).toEqual(cmd);
  });
  test('Docker runs the trigger', () => {
    const got = evaluateDockerfile(text);
    expect(got.ok && got.config.cmd).toEqual(['/argv', 'gen-onbuild']);
  });
});

// Probe 2026-11-28, podman 4.3.1 (buildah 1.28) and Docker 20.10.24 classic, file below:
// podman → `Unknown instruction: "B"` (the escape directive after `# syntax=` is a comment);
// classic → Cmd ["/bin/sh","-c","echo a   b"]. imagebuilder parser.go `possibleParserDirective`
// matches only `escape` (035359d and 4151e436); buildkit ≥ dockerfile/1.2.0 (7c0493de8) lists `syntax`.
describe('a `# syntax=` line ends directive scanning in buildah only', () => {
  const text = '# syntax=docker/dockerfile:1.4\n# escape=`\nFROM scratch\nCMD echo a `\n  b\n';
  test.for([
    { options: { engine: 'podman', engineVersion: '4.3.1' }, cmd: undefined, error: 'Unknown instruction: "B"' },
    { options: { engineVersion: '20.10', builder: 'classic' }, cmd: ['/bin/sh', '-c', 'echo a   b'], error: undefined },
  ] as const)('$options', ({ options, cmd, error }) => {
    const got = evaluateDockerfile(text, options);
    if (cmd !== undefined) expect(got.ok && got.config.cmd).toEqual(cmd);
    else expect(!got.ok && got.issues[0].message).toBe(error);
  });
});

// Which lines are directives. Probe 2026-11-29 (/tmp/fe2probe, `FROM argvbase:1` = FROM scratch): the directive
// line below, then `CMD echo a \`` and `  b`, built with Docker 20.10.24 (DOCKER_BUILDKIT=1 and =0) and podman
// 4.3.1; only the escape token ` continues the CMD. BuildKit < 1.21: `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`
// (Go `\s` = [\t\n\f\r ]; a value of blanks backtracks to its last blank). 1.21 (a248d48d0, first tag
// dockerfile/1.21.0, Docker 29.2): CutPrefix("#") + TrimLeftFunc(unicode.IsSpace), the rest unchanged; the classic
// builder vendors the same parser [C for 29.x]. imagebuilder (podman 4.3.1, 4151e436 parser.go):
// `^#[ \t]*escape[ \t]*=[ \t]*(?P<escapechar>.).*$` on the lower-cased line.
describe('which `# escape=` lines are directives', () => {
  const CMD = ['/bin/sh', '-c', 'echo a   b'];
  const BAD = (token: string) => `invalid escape token '${token}' does not match \` or \\`;
  const DOCKER = { engineVersion: '20.10' };
  const CLASSIC = { engineVersion: '20.10', builder: 'classic' } as const;
  const PODMAN = { engine: 'podman', engineVersion: '4.3.1' } as const;
  type Options = { engine?: 'podman'; engineVersion?: string; builder?: 'classic' };
  const rows: { line: string; options: Options; want: readonly string[] | string; source: string }[] = [
    { line: '#\u00a0escape=`', options: DOCKER, want: 'unknown instruction: B', source: 'probe nbsp' },
    { line: '#\u00a0escape=`', options: CLASSIC, want: 'unknown instruction: B', source: 'probe nbsp' },
    { line: '#\u00a0escape=`', options: PODMAN, want: 'Unknown instruction: "B"', source: 'probe nbsp' },
    { line: '#\u00a0escape=`', options: { engineVersion: '29.1' }, want: 'unknown instruction: b', source: 'dockerfile/1.20.0 directives.go regexp' },
    { line: '#\u00a0escape=`', options: { engineVersion: '29.2' }, want: CMD, source: 'dockerfile/1.21.0 a248d48d0' },
    { line: '#\u00a0escape=`', options: { engineVersion: '29.2', builder: 'classic' }, want: CMD, source: 'vendored 1.21 parser' },
    { line: '#\vescape=`', options: DOCKER, want: 'unknown instruction: B', source: 'probe vt (\\v is not Go \\s)' },
    { line: '#\vescape=`', options: CLASSIC, want: 'unknown instruction: B', source: 'probe vt' },
    { line: '#\vescape=`', options: PODMAN, want: 'Unknown instruction: "B"', source: 'probe vt' },
    { line: '#\vescape=`', options: { engineVersion: '29.2' }, want: CMD, source: 'unicode.IsSpace(\v)' },
    { line: '#\fescape=`', options: DOCKER, want: CMD, source: 'probe ff' },
    { line: '#\fescape=`', options: CLASSIC, want: CMD, source: 'probe ff' },
    { line: '#\fescape=`', options: PODMAN, want: 'Unknown instruction: "B"', source: 'probe ff ([ \t] only)' },
    { line: '# escape\f=\f`', options: DOCKER, want: CMD, source: 'probe ffeq' },
    { line: '# escape\f=\f`', options: CLASSIC, want: CMD, source: 'probe ffeq' },
    { line: '# escape\f=\f`', options: PODMAN, want: 'Unknown instruction: "B"', source: 'probe ffeq' },
    { line: '# escape=``', options: DOCKER, want: BAD('``'), source: 'probe dbl' },
    { line: '# escape=``', options: CLASSIC, want: BAD('``'), source: 'probe dbl' },
    { line: '# escape=``', options: PODMAN, want: CMD, source: 'probe dbl (one character)' },
    { line: '# escape=` x', options: DOCKER, want: BAD('` x'), source: 'probe tail' },
    { line: '# escape=` x', options: PODMAN, want: CMD, source: 'probe tail (rest ignored)' },
    { line: '# ESCAPE=`', options: PODMAN, want: CMD, source: 'strings.ToLower(line)' },
    { line: '# escape= ', options: DOCKER, want: BAD(' '), source: 'probe blank' },
    { line: '# escape= ', options: CLASSIC, want: BAD(' '), source: 'probe blank' },
    { line: '# escape= ', options: PODMAN, want: "invalid ESCAPE ' '. Must be ` or \\", source: 'probe blank' },
    { line: '# escape=', options: DOCKER, want: 'unknown instruction: B', source: '(.+?) needs a character' },
    { line: '# syntax=docker/dockerfile:1.20\n#\u00a0escape=`', options: {}, want: 'unknown instruction: b', source: 'dockerfile/1.20.0' },
    { line: '# syntax=docker/dockerfile:1.21\n#\u00a0escape=`', options: DOCKER, want: CMD, source: 'dockerfile/1.21.0' },
  ];
  test.for(rows)('$line ($options; $source)', ({ line, options, want }) => {
    const got = evaluateDockerfile(`${line}\nFROM scratch\nCMD echo a \`\n  b\n`, options);
    expect(got.ok ? got.config.cmd : got.issues[0].message).toEqual(want);
  });
});

// Issue 13 on podman 4.3.1 / buildah 1.28.2: each row is a case of test/fixtures/engine/podman-4.3.1-rules.json (id in
// the row; both image formats) or, for the meta ARG row, imagebuilder 4151e43 builder.go extractHeadingArgsFromNode.
describe('buildah rules of the issue-13 categories', () => {
  const base = { 'argvbase-ep:1': { entrypoint: ['/argv', 'base-ep'], cmd: null }, 'argvbase-cmd:1': { entrypoint: null, cmd: ['/argv', 'base-cmd'] } };
  const PODMAN = { engine: 'podman', engineVersion: '4.3.1', baseImages: base } as const;
  test.for([
    // stage-names-20261202-000: any stage name, --target by exact name
    { text: 'FROM argvbase-ep:1 AS 1b\nCMD ["first"]\nFROM argvbase-cmd:1 AS b/c\nFROM 1b\n', target: '1b', cmd: ['first'] },
    // stage-names-20261202-009: the target's case must match
    { text: 'FROM argvbase-ep:1 AS b_1\nFROM argvbase-cmd:1 AS b_1\nFROM b_1\n', target: 'B_1', error: 'The target "B_1" was not found in the provided Dockerfile' },
    // from-flags-20261202-006: the last --platform wins
    { text: 'FROM --platform=linux/amd64 --platform=linux/amd64 argvbase-ep:1\nCMD ["/argv","ok"]\n', cmd: ['/argv', 'ok'] },
    // from-flags-20261202-008, -013
    { text: 'FROM --PLATFORM=linux/amd64 argvbase-ep:1\n', error: 'FROM only supports the --platform flag' },
    { text: 'FROM --platform=linux argvbase-ep:1\n', error: 'unable to parse platform "linux": invalid platform syntax for "linux" (use OS/ARCH[/VARIANT][,...])' },
    // keywords-20261202-011 (the FROM error is raised only in a stage that is built); arg-expansion-20261202-001
    { text: 'FROM argvbase-ep:1 \u0430s base\nFROM argvbase-cmd:1\n', cmd: ['/argv', 'base-cmd'] },
    { text: 'ARG T=e p\nFROM argvbase-${T%p}:1\n', error: "Missing ':' in substitution: argvbase-${T%p}:1" },
    { text: 'ARG T=${U!}\nFROM argvbase-cmd:1\n', error: "Missing ':' in substitution: T=${U!}" },
    // live seed 777001, case arg-expansion-777001-013: a bare meta ARG keeps the earlier default
    { text: 'ARG T=ep\nARG T\nFROM "argvbase-${T}:1"\nCMD ["x"]\n', cmd: ['x'] },
    // arguments-20261202-127; podman-4.3.1-arguments.json arguments-all-healthcheck-12, -volume-07, -expose-05
    { text: 'FROM argvbase-cmd:1\nADD --foo Dockerfile /x\n', error: 'ADD only supports the --chmod=<permissions> and the --chown=<uid:gid> flag' },
    { text: 'FROM argvbase-cmd:1\nHEALTHCHECK --interval=0s CMD /argv\n', error: 'Interval "interval" must be positive' },
    { text: 'FROM argvbase-cmd:1\nVOLUME [" "]\n', error: 'Volume specified can not be an empty string' },
    { text: 'FROM argvbase-cmd:1\nEXPOSE 80/xyz\n', cmd: ['/argv', 'base-cmd'] },
  ])('$text', ({ text, target, cmd, error }) => {
    const got = evaluateDockerfile(text, { ...PODMAN, ...(target !== undefined && { target }) });
    if (error !== undefined) expect(got.ok ? null : got.issues[0].message).toBe(error);
    else expect(got.ok ? got.config.cmd : got.issues[0].message).toEqual(cmd);
  });
});
