import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { builtinFrontend, engineProfile, parseEngineVersion } from '../../src/core/engine-profile.js';
import { detectSyntax } from '../../src/dockerfile/frontend.js';
import { evaluateDockerfile, parseDockerfile, type EvaluateDockerfileOptions } from '../../src/index.js';

// Sources: moby/buildkit tags dockerfile/1.x.y (mirror HEAD 73ed6825); "probe" = a live build on the
// private Docker 20.10.24 daemon (BuildKit, no network) on 2026-11-28: a forwarded build stops at
// `resolve image config for docker.io/docker/dockerfile:1.4`, a built-in one builds.

const BODY = 'FROM scratch\nCMD ["x"]\n';
const frontendOf = (text: string, options: EvaluateDockerfileOptions = {}) => {
  const r = evaluateDockerfile(text, options);
  return r.ok ? r.frontend : r.issues[0].message;
};

describe("which `# syntax=` line the engine finds (the built-in frontend's DetectSyntax)", () => {
  // Docker 20.10 / 23.0 (built-in 1.2 / 1.4): dockerfile2llb/directives.go ParseDirectives, any `# k=v` line continues.
  // Docker 24.0+ (built-in 1.5+, buildkit 9b73e88f2): parser/directives.go, known keys only, first wins, `#!` skipped.
  // Docker 28.0+ (built-in 1.14, buildkit d66fb36f3 in dockerfile/1.13.0): a leading BOM is skipped.
  test.for([
    { id: 'plain', v: '20.10', text: '# syntax=docker/dockerfile:1.4\n', ref: 'docker/dockerfile:1.4', source: 'probe' },
    { id: 'key case, spaces', v: '20.10', text: '# SynTax = docker/dockerfile:1.4\n', ref: 'docker/dockerfile:1.4', source: 'probe key-case' },
    { id: '#syntax', v: '20.10', text: '#syntax=docker/dockerfile:1.4\n', ref: 'docker/dockerfile:1.4', source: 'probe nospace' },
    { id: 'options after the ref', v: '20.10', text: '# syntax=docker/dockerfile:1.4 extra words\n', ref: 'docker/dockerfile:1.4', source: 'probe args; strings.Cut(v, " ")' },
    { id: 'CRLF', v: '20.10', text: '# syntax=docker/dockerfile:1.4\r\n', ref: 'docker/dockerfile:1.4', source: 'probe crlf' },
    { id: 'after escape', v: '20.10', text: '# escape=`\n# syntax=docker/dockerfile:1.4\n', ref: 'docker/dockerfile:1.4', source: 'probe escape-first' },
    { id: 'indented', v: '20.10', text: ' # syntax=docker/dockerfile:1.4\n', ref: null, source: 'probe lead-space; regexp ^#' },
    { id: 'indented (current)', v: undefined, text: ' # syntax=docker/dockerfile:1.4\n', ref: null, source: 'HEAD directives.go bytes.CutPrefix' },
    { id: 'after a blank line', v: '20.10', text: '\n# syntax=docker/dockerfile:1.4\n', ref: null, source: 'probe blank-first' },
    { id: 'after a comment', v: '20.10', text: '# hello\n# syntax=docker/dockerfile:1.4\n', ref: null, source: 'probe comment-first' },
    { id: 'after FROM', v: '20.10', text: 'FROM scratch\n# syntax=docker/dockerfile:1.4\n', ref: null, source: 'probe after-from' },
    { id: 'after unknown key, old scan', v: '20.10', text: '# foo=bar\n# syntax=docker/dockerfile:1.4\n', ref: 'docker/dockerfile:1.4', source: 'probe unknown-key-first' },
    { id: 'after unknown key, 24.0', v: '24.0', text: '# foo=bar\n# syntax=docker/dockerfile:1.4\n', ref: null, source: 'dockerfile/1.5.0 directives.go validDirectives' },
    { id: 'after check, 23.0', v: '23.0', text: '# check=skip=all\n# syntax=docker/dockerfile:1.4\n', ref: 'docker/dockerfile:1.4', source: 'dockerfile/1.4.3 ParseDirectives' },
    { id: 'after check, 26.1', v: '26.1', text: '# check=skip=all\n# syntax=docker/dockerfile:1.4\n', ref: null, source: 'dockerfile/1.7.1 validDirectives (no check)' },
    { id: 'after check, 27.0', v: '27.0.1', text: '# check=skip=all\n# syntax=docker/dockerfile:1.4\n', ref: 'docker/dockerfile:1.4', source: 'dockerfile/1.8.0 e3c0a07b0' },
    { id: 'shebang, 20.10', v: '20.10', text: '#!/usr/bin/env x\n# syntax=docker/dockerfile:1.4\n', ref: null, source: 'probe shebang' },
    { id: 'shebang, 24.0', v: '24.0', text: '#!/usr/bin/env x\n# syntax=docker/dockerfile:1.4\n', ref: 'docker/dockerfile:1.4', source: 'dockerfile/1.5.0 discardShebang' },
    { id: 'BOM, 20.10', v: '20.10', text: '\ufeff# syntax=docker/dockerfile:1.4\n', ref: null, source: 'probe bom' },
    { id: 'BOM, 27.5', v: '27.5', text: '\ufeff# syntax=docker/dockerfile:1.4\n', ref: null, source: 'dockerfile/1.12.1 parseDirective (no discardBOM)' },
    { id: 'BOM, 28.0', v: '28.0', text: '\ufeff# syntax=docker/dockerfile:1.4\n', ref: 'docker/dockerfile:1.4', source: 'dockerfile/1.13.0 d66fb36f3 discardBOM' },
    { id: 'no-break space after #, 29.1', v: '29.1', text: '#\u00a0syntax=docker/dockerfile:1.4\n', ref: null, source: 'dockerfile/1.20.0 regexp ^#\\s*' },
    {
      id: 'no-break space after #, 29.2',
      v: '29.2',
      text: '#\u00a0syntax=docker/dockerfile:1.4\n',
      ref: 'docker/dockerfile:1.4',
      source: 'dockerfile/1.21.0 a248d48d0 unicode.IsSpace',
    },
    { id: 'vertical tab after #, 20.10', v: '20.10', text: '#\vsyntax=docker/dockerfile:1.4\n', ref: null, source: 'dockerfile/1.2.0 reDirective; probe vt (escape)' },
    { id: 'form feed after #, 20.10', v: '20.10', text: '#\fsyntax=docker/dockerfile:1.4\n', ref: 'docker/dockerfile:1.4', source: 'Go \\s has \\f; probe ff (escape)' },
  ])('$id (Docker $v; $source)', ({ v, text, ref }) => {
    // A repeated key is a parse error in every frontend, so the rows use one syntax line each.
    const got = frontendOf(text + BODY, v === undefined ? {} : { engineVersion: v });
    expect(got === null || typeof got === 'string' ? got : got.ref).toBe(ref);
  });

  test('a repeated syntax line: the old scan takes the last, the new one the first; both builds then fail', () => {
    // probe dup: 20.10 resolves docker/dockerfile:1.4; every frontend's parser then rejects the file.
    const text = `# syntax=example.com/a\n# syntax=docker/dockerfile:1.4\n${BODY}`;
    expect(detectSyntax(text, engineProfile({ engineVersion: '20.10' }))).toEqual({ value: 'docker/dockerfile:1.4', line: 2 });
    expect(detectSyntax(text, engineProfile({ engineVersion: '24.0' }))).toEqual({ value: 'example.com/a', line: 1 });
    for (const v of ['20.10', '24.0']) expect(frontendOf(text, { engineVersion: v })).toBe('only one syntax parser directive can be used');
  });

  test('BUILDKIT_SYNTAX wins over the directive (build.go keySyntaxArg; probe buildarg, buildarg-only)', () => {
    const buildArgs = { BUILDKIT_SYNTAX: ' docker/dockerfile:1.5 x' };
    expect(frontendOf(`# syntax=docker/dockerfile:1.4\n${BODY}`, { engineVersion: '20.10', buildArgs })).toEqual({ ref: 'docker/dockerfile:1.5', version: '1.5' });
    expect(frontendOf(BODY, { engineVersion: '20.10', buildArgs })).toEqual({ ref: 'docker/dockerfile:1.5', version: '1.5' });
    expect(() => evaluateDockerfile(BODY, { buildArgs: { BUILDKIT_SYNTAX: 1 as unknown as string } })).toThrow(TypeError);
  });

  // buildkit 3f3c95735 (first tag v0.30.0 / dockerfile/1.24.0; Docker 29.5): the solver runs buildx's gateway request
  // with source `dockerfile.v0` (BUILDKIT_SYNTAX) on the built-in frontend (reference.md "BuildKit built-in build
  // args"). A `# syntax=` line is forwarded by the built-in frontend through the LLB bridge, which has no such route.
  // Probes v0arg, v0dir on Docker 20.10.24: both fail at `Head …/v2/library/dockerfile.v0/manifests/latest`.
  test.for([
    { v: '29.5', how: 'arg', fails: false },
    { v: undefined, how: 'arg', fails: false },
    { v: '29.4', how: 'arg', fails: true },
    { v: '20.10', how: 'arg', fails: true },
    { v: undefined, how: 'directive', fails: true },
    { v: '20.10', how: 'directive', fails: true },
  ] as const)('dockerfile.v0 by $how on Docker $v', ({ v, how, fails }) => {
    const text = how === 'arg' ? BODY : `# syntax=dockerfile.v0\n${BODY}`;
    const options = { ...(v && { engineVersion: v }), ...(how === 'arg' && { buildArgs: { BUILDKIT_SYNTAX: 'dockerfile.v0' } }) };
    const r = evaluateDockerfile(text, options);
    if (!fails) {
      expect(r.ok && [r.frontend, r.diagnostics.filter((d) => d.code.startsWith('syntax-'))]).toEqual([null, []]);
      return;
    }
    expect(r.ok).toBe(false);
    const issue = !r.ok ? r.issues[0] : undefined;
    expect(issue?.code).toBe('syntax-frontend-unavailable');
    expect(issue?.line).toBe(how === 'directive' ? 1 : undefined);
    // The parser fails the same way: nothing is parsed by a frontend that cannot be pulled.
    if (how === 'directive') expect(parseDockerfile(text, options).ok).toBe(false);
  });

  test('the classic builder and buildah ignore it (probes a, c on Docker 20.10 classic and podman 4.3.1)', () => {
    const text = `# syntax=docker/dockerfile:1.9\nFROM scratch\nCMD ["a"] x\n`;
    for (const options of [
      { engineVersion: '20.10', builder: 'classic' },
      { engine: 'podman', engineVersion: '4.3.1' },
    ] as const) {
      const r = evaluateDockerfile(text, options);
      expect(r.ok && [r.frontend, r.config.cmd]).toEqual([null, ['a']]);
    }
  });
});

describe('which rules a frontend image reference stands for', () => {
  // Tags: frontend/dockerfile/cmd/dockerfile-frontend/hack/release (dockerfile/1.2.0) and .github/workflows/frontend.yml
  // (HEAD): dockerfile/1.4.3 is pushed as 1.4.3, 1.4, 1 and latest; -labs as 1.4.3-labs, 1.4-labs, 1-labs, labs;
  // docker/dockerfile-upstream also gets master and master-labs. `experimental` is the 1.1.x-experimental line.
  test.for([
    ['docker/dockerfile:1', '1.26'],
    ['docker/dockerfile', '1.26'],
    ['docker/dockerfile:latest', '1.26'],
    ['docker/dockerfile:1.4', '1.4'],
    ['docker/dockerfile:1.4.3', '1.4'],
    ['docker/dockerfile:1.9.0-rc1', '1.9'],
    ['docker/dockerfile:1.3-labs', '1.3-labs'],
    ['docker/dockerfile:1.4.0-labs-rc1', '1.4-labs'],
    ['docker/dockerfile:1.8.0-rc1-labs', '1.8-labs'],
    ['docker/dockerfile:1-labs', '1.26-labs'],
    ['docker/dockerfile:labs', '1.26-labs'],
    ['docker.io/docker/dockerfile:1.2', '1.2'],
    ['index.docker.io/docker/dockerfile:1.12', '1.12'],
    ['docker/dockerfile-upstream:master', '1.26'],
    ['docker/dockerfile-upstream:master-labs', '1.26-labs'],
    ['docker/dockerfile-upstream:1.7.1', '1.7'],
    ['docker/dockerfile:master', null],
    ['docker/dockerfile:experimental', null],
    ['docker/dockerfile:1.1-experimental', null],
    ['docker/dockerfile:1.1.7', null],
    ['docker/dockerfile:1.0', null],
    ['docker/dockerfile:2', null],
    ['docker/dockerfile@sha256:0000000000000000000000000000000000000000000000000000000000000000', null],
    ['docker/dockerfile:1.4@sha256:0000000000000000000000000000000000000000000000000000000000000000', null],
    ['Docker/Dockerfile:1.4', null],
    ['registry.example.com/docker/dockerfile:1.4', null],
    ['example.com/my/frontend:v1', null],
    ['', null],
  ] as const)('%s → %s', ([ref, version]) => {
    const got = frontendOf(`# syntax=${ref}\n${BODY}`);
    if (ref === '')
      expect(got).toBe(null); // `# syntax=` with no value is no directive
    else expect(got).toEqual({ ref, version });
  });

  test("an image that is not modelled keeps the engine's rules, with an info diagnostic at the directive", () => {
    const r = evaluateDockerfile(`# syntax=example.com/my/frontend:v1\nFROM scratch\nCMD ["a"] x\n`);
    expect(r.ok && r.config.cmd).toEqual(['/bin/sh', '-c', '["a"] x']);
    expect(r.diagnostics[0]).toMatchObject({ code: 'syntax-frontend-not-modelled', severity: 'info', line: 1, column: 1 });
    const arg = evaluateDockerfile(BODY, { buildArgs: { BUILDKIT_SYNTAX: '' } });
    expect(arg.ok && arg.diagnostics[0]?.code).toBe('syntax-frontend-not-modelled');
  });
});

describe('the named frontend decides the parser rules', () => {
  const run = (version: string, body: string, engineVersion?: string) => {
    const r = evaluateDockerfile(`# syntax=docker/dockerfile:${version}\n${body}`, engineVersion === undefined ? {} : { engineVersion });
    return r.ok ? r.config.cmd : r.issues[0].message;
  };
  const HEREDOC = 'FROM scratch\nRUN <<EOF\nCMD ["body"]\nEOF\n';
  test.for([
    // Heredocs: buildkit e3fd4a645, first in dockerfile/1.4.0; dfheredoc in release/labs/tags of dockerfile/1.3.0.
    { id: 'heredoc 1.2', version: '1.2', body: HEREDOC, want: 'unknown instruction: EOF' },
    { id: 'heredoc 1.3', version: '1.3', body: HEREDOC, want: 'unknown instruction: EOF (did you mean ENV?)' },
    { id: 'heredoc 1.3-labs', version: '1.3-labs', body: HEREDOC, want: null },
    { id: 'heredoc 1.4', version: '1.4', body: HEREDOC, want: null },
    { id: 'heredoc 1.4 on Docker 20.10', version: '1.4', body: HEREDOC, engineVersion: '20.10', want: null },
    // Trailing JSON text: buildkit 80518e257f8f, first in dockerfile/1.9.0-rc1.
    { id: 'trailing 1.8', version: '1.8', body: 'FROM scratch\nCMD ["a"] x\n', want: ['a'] },
    { id: 'trailing 1.9', version: '1.9', body: 'FROM scratch\nCMD ["a"] x\n', want: ['/bin/sh', '-c', '["a"] x'] },
    { id: 'trailing 1.9 on Docker 20.10', version: '1.9', body: 'FROM scratch\nCMD ["a"] x\n', engineVersion: '20.10', want: ['/bin/sh', '-c', '["a"] x'] },
    // Unknown flag: bflag.go `Unknown flag` (1.2.1), 768a12bd0 (1.3.0), 31a7c177e (1.11.0).
    { id: 'flag 1.2', version: '1.2', body: 'FROM scratch\nCMD --foo x\n', want: 'Unknown flag: foo' },
    { id: 'flag 1.10', version: '1.10', body: 'FROM scratch\nCMD --foo x\n', want: 'unknown flag: foo' },
    { id: 'flag 1.11', version: '1.11', body: 'FROM scratch\nCMD --foo x\n', engineVersion: '20.10', want: 'unknown flag: --foo' },
    // Unknown instruction: parse.go strings.ToUpper (1.2.1); util/suggest 277517e2a (1.3.0).
    { id: 'instruction 1.2', version: '1.2', body: 'FROM scratch\nentrypoimt x\n', want: 'unknown instruction: ENTRYPOIMT' },
    { id: 'instruction 1.3', version: '1.3', body: 'FROM scratch\nentrypoimt x\n', engineVersion: '20.10', want: 'unknown instruction: entrypoimt (did you mean entrypoint?)' },
    // `# check=` as a directive: e3c0a07b0, dockerfile/1.8.0; before, it ends directive scanning (the escape is a comment).
    { id: 'check 1.7', version: '1.7', body: '# check=skip=all\n# escape=`\nFROM scratch\nCMD a `\n b\n', want: 'unknown instruction: b' },
    { id: 'check 1.8', version: '1.8', body: '# check=skip=all\n# escape=`\nFROM scratch\nCMD a `\n b\n', want: ['/bin/sh', '-c', 'a  b'] },
    // Builder-flag words: a backslash escapes until 1.14; from 1.15 (877d8a771) only the directive's token does.
    { id: 'flag escape 1.14', version: '1.14', body: '# escape=`\nFROM scratch\nCMD --a\\ b c\n', want: 'unknown flag: --a b' },
    { id: 'flag escape 1.15', version: '1.15', body: '# escape=`\nFROM scratch\nCMD --a\\ b c\n', engineVersion: '20.10', want: 'unknown flag: --a\\' },
  ])('$id', ({ version, body, engineVersion, want }) => {
    expect(run(version, body, engineVersion)).toEqual(want);
  });

  test('parseDockerfile follows the directive too', () => {
    const r = parseDockerfile(`# syntax=docker/dockerfile:1.4\n${HEREDOC}`, { engineVersion: '20.10' });
    expect(r.ok && [r.frontend, r.instructions.length]).toEqual([{ ref: 'docker/dockerfile:1.4', version: '1.4' }, 2]);
    expect(parseDockerfile(`# syntax=docker/dockerfile:1.4\n${HEREDOC}`, { engineVersion: '20.10', builder: 'classic' }).ok).toBe(true);
  });
});

describe('Docker release → built-in frontend (docs/research/engine-versions.md §1)', () => {
  test('every row of the research table', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/research/engine-versions.md', import.meta.url), 'utf8');
    let rows = 0;
    for (const m of doc.matchAll(/^\| (\d+\.\d+\.\d+)(?:[^|\d][^|]*)?\| [^|]*\| ≈?1\.(\d+)\.\d/gm)) {
      expect(builtinFrontend(parseEngineVersion(m[1] as string)), m[0]).toBe(Number(m[2]));
      rows++;
    }
    expect(rows).toBeGreaterThan(30);
    expect(builtinFrontend(null)).toBe(26);
  });

  test("property: naming the engine's own frontend changes nothing", () => {
    const line = fc.constantFrom(
      'FROM scratch',
      'CMD ["a"] x',
      'CMD --x a',
      'RUN <<EOF',
      'EOF',
      'CMD x `',
      'entrypoimt a',
      '# check=skip=all',
      '# escape=`',
      'CMD ["a"]',
      'ENTRYPOINT e',
      '',
    );
    const versions = ['20.10', '23.0', '24.0', '27.0.1', '27.1', '27.4', '28.0', '28.1', '29.7', undefined];
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom(...versions), (lines, v) => {
        const options = v === undefined ? {} : { engineVersion: v };
        const own = `docker/dockerfile:1.${builtinFrontend(v === undefined ? null : parseEngineVersion(v))}`;
        const a = evaluateDockerfile(`# syntax=${own}\n${lines.join('\n')}`, options);
        // Same shape of first line, but an image that is not modelled: the engine's rules.
        const b = evaluateDockerfile(`# syntax=example.com/f:1\n${lines.join('\n')}`, options);
        expect(a.ok && a.frontend?.ref).toBe(a.ok && own);
        const strip = (r: typeof a) => (r.ok ? { ...r, frontend: null, diagnostics: r.diagnostics.filter((d) => d.code !== 'syntax-frontend-not-modelled') } : r.issues);
        expect(strip(a)).toEqual(strip(b));
      }),
    );
  });
});
