import { describe, expect, test } from 'vitest';
import { evaluateDockerfile } from '../../src/index.js';
import { commentCheck, isSkipped, NO_LINT_CONFIG, parseCheck, type LintConfig } from '../../src/dockerfile/lints.js';
import { vectorsOf } from '../fixtures/vectors.js';

describe('lints: spec vectors', () => {
  test.for(vectorsOf('dockerfile-lint'))('$id: $description ($source)', (v) => {
    const result = evaluateDockerfile(v.input['dockerfile'] as string);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const lints = result.diagnostics.filter((d) => d.rule === 'JSONArgsRecommended' || d.rule === 'MultipleInstructionsDisallowed');
    const warnings = v.expected['warnings'] as (string | { rule: string; line: number; detail?: string })[];
    expect(lints.length).toBe(warnings.length);
    warnings.forEach((w, i) => {
      const d = lints[i]!;
      if (typeof w === 'string') expect(`${d.rule}: ${d.message}`).toBe(w);
      else {
        expect(d.rule).toBe(w.rule);
        expect(d.line).toBe(w.line);
        if (w.detail) expect(d.message).toBe(w.detail);
      }
    });
  });
});

const config = (c: LintConfig | string | null) => (c === null || typeof c === 'string' ? c : { skipAll: c.skipAll, skip: [...c.skip] });

// moby/buildkit frontend/dockerfile/linter/linter.go ParseLintOptions (dockerfile/1.9.0 e83d79a5, 1.10.0 0865fcc9,
// HEAD 73ed6825 of 2026-08-21; dockerfile2llb convert.go parseLintOptions at dockerfile/1.8.0 4d9a4e5d): the value is
// trimmed and cut by Go's SplitN(";", n), n = 2 before 1.10 and 3 from 1.10 (which adds `experimental=`); each part is
// `key=value`. `skip=` takes `all` or a comma-separated list (each name trimmed; a later `skip=` replaces the list);
// `error=` is strconv.ParseBool of the trimmed value; a part without `=` or another key is an error.
describe('parseCheck', () => {
  test.for([
    { value: '', want: { skipAll: false, skip: [] } },
    { value: '  ', want: { skipAll: false, skip: [] } },
    { value: 'skip=all', want: { skipAll: true, skip: [] } },
    { value: 'skip=JSONArgsRecommended', want: { skipAll: false, skip: ['JSONArgsRecommended'] } },
    { value: 'skip=JSONArgsRecommended,MultipleInstructionsDisallowed', want: { skipAll: false, skip: ['JSONArgsRecommended', 'MultipleInstructionsDisallowed'] } },
    { value: 'skip= A , B ', want: { skipAll: false, skip: ['A', 'B'] } },
    { value: 'skip=', want: { skipAll: false, skip: [''] } },
    { value: 'skip=A,,B', want: { skipAll: false, skip: ['A', '', 'B'] } },
    { value: 'skip=A;skip=B', want: { skipAll: false, skip: ['B'] } },
    { value: 'skip=all;skip=B', want: { skipAll: true, skip: ['B'] } },
    { value: 'skip=JSONArgsRecommended;error=true', want: { skipAll: false, skip: ['JSONArgsRecommended'] } },
    { value: 'error=true;skip=all', want: { skipAll: true, skip: [] } },
    { value: 'experimental=all', want: { skipAll: false, skip: [] } },
    { value: 'error=false', want: { skipAll: false, skip: [] } },
    { value: 'skip', want: 'invalid check option "skip"' },
    { value: 'foo=bar', want: 'invalid check option "foo"' },
    { value: ' Skip=all', want: 'invalid check option "Skip"' },
    { value: 'skip=all;nope', want: 'invalid check option "nope"' },
    { value: 'skip=all,error=true', want: { skipAll: false, skip: ['all', 'error=true'] } },
    { value: 'error=yes', want: 'failed to parse check option "error=yes": strconv.ParseBool: parsing "yes": invalid syntax' },
    { value: 'error=', want: 'failed to parse check option "error=": strconv.ParseBool: parsing "": invalid syntax' },
    // SplitN(";", 3): the third part keeps the rest.
    { value: 'skip=A;experimental=B;error=true;x', want: 'failed to parse check option "error=true;x": strconv.ParseBool: parsing "true;x": invalid syntax' },
    { value: 'skip=A;error=true;experimental=B;x=y', want: { skipAll: false, skip: ['A'] } },
  ])('$value', ({ value, want }) => {
    expect(config(parseCheck(value))).toEqual(want);
  });

  // dockerfile/1.8.0 and 1.9.0: SplitN(";", 2) and no `experimental=`.
  test.for([
    { value: 'skip=A;error=true', want: { skipAll: false, skip: ['A'] } },
    { value: 'skip=A;error=true;x=y', want: 'failed to parse check option "error=true;x=y": strconv.ParseBool: parsing "true;x=y": invalid syntax' },
    { value: 'experimental=all', want: 'invalid check option "experimental"' },
  ])('before frontend 1.10: $value', ({ value, want }) => {
    expect(config(parseCheck(value, 2))).toEqual(want);
  });

  test.for([
    ['error=true', true],
    ['error=1', true],
    ['error=\tTrue', true],
    ['error=T', true],
    ['skip=all;error=TRUE', true],
    ['error=false', false],
    ['error=0', false],
    ['error=F', false],
    ['', false],
  ] as const)('error of %j is %j', ([value, want]) => {
    const c = parseCheck(value);
    expect(typeof c === 'string' ? c : c.error).toBe(want);
  });
});

// Comments right before an instruction (buildkit a248d48d0, linter WithMergedConfigFromComments, first tag
// dockerfile/1.21.0): the first comment that is a `check=` directive counts; other comments are skipped.
describe('commentCheck', () => {
  test.for([
    { comments: [], want: null },
    { comments: ['just a note'], want: null },
    { comments: ['check=skip=JSONArgsRecommended'], want: { skipAll: false, skip: ['JSONArgsRecommended'] } },
    { comments: ['note', 'check = skip=all'], want: { skipAll: true, skip: [] } },
    { comments: ['check=skip=A', 'check=skip=all'], want: { skipAll: false, skip: ['A'] } },
    { comments: ['checks=skip=all'], want: null },
    { comments: ['check=bogus'], want: null },
    { comments: ['check=error=maybe', 'check=skip=all'], want: null },
    { comments: ['check=skip=all foo=bar'], want: { skipAll: true, skip: [] } },
  ])('$comments', ({ comments, want }) => {
    expect(config(commentCheck(comments))).toEqual(want);
  });
});

// Linter.Run (linter.go, e269a8a3): a rule is not reported when the configuration skips all rules or names it.
describe('isSkipped', () => {
  const skipJson: LintConfig = { skipAll: false, skip: new Set(['JSONArgsRecommended']) };
  const skipAll: LintConfig = { skipAll: true, skip: new Set() };
  test.for([
    { name: 'nothing skipped', global: NO_LINT_CONFIG, local: null, want: false },
    { name: 'the file skips the rule', global: skipJson, local: null, want: true },
    { name: 'the file skips all', global: skipAll, local: null, want: true },
    { name: 'the comment skips the rule', global: NO_LINT_CONFIG, local: skipJson, want: true },
    { name: 'the comment skips all', global: NO_LINT_CONFIG, local: skipAll, want: true },
    { name: 'another rule skipped', global: { skipAll: false, skip: new Set(['MultipleInstructionsDisallowed']) }, local: NO_LINT_CONFIG, want: false },
  ])('$name', ({ global, local, want }) => {
    expect(isSkipped('JSONArgsRecommended', global, local)).toBe(want);
  });
});

// Which engine reports the lint itself. Sources: BuildKit runs build checks from Dockerfile frontend 1.8
// (moby/buildkit dockerfile/1.8.0 release notes: new rules and the `# check` directive; Docker 27.0 ships it,
// docs.docker.com/build/checks); the classic builder and buildah have no build checks. Recorded by hand on
// 2026-11-28: `CMD /argv shell` + `CMD /argv again` built with Docker 20.10.24 (BuildKit and classic) and
// podman 4.3.1 printed no warning at all. hadolint: DL3025 (shell-form CMD/ENTRYPOINT), DL4003/DL4004/DL3012
// (several CMD/ENTRYPOINT/HEALTHCHECK in a stage) apply whatever the engine.
describe('lint diagnostics say whether the engine itself reports them', () => {
  type Row = {
    name: string;
    text: string;
    options: { engine?: 'docker' | 'podman'; engineVersion?: string; builder?: 'buildkit' | 'classic' };
    want: [string, string | undefined, string | undefined][];
  };
  const SHELL_CMD = 'FROM scratch\nCMD x\n';
  const SKIP = '# check=skip=JSONArgsRecommended\nFROM scratch\nCMD x\n';
  const SKIP_ABOVE = 'FROM scratch\n# check=skip=JSONArgsRecommended\nCMD x\n';
  const rows: Row[] = [
    { name: 'docker current, BuildKit', text: SHELL_CMD, options: {}, want: [['json-args-recommended', 'JSONArgsRecommended', 'DL3025']] },
    { name: 'docker 27.0, BuildKit', text: SHELL_CMD, options: { engineVersion: '27.0' }, want: [['json-args-recommended', 'JSONArgsRecommended', 'DL3025']] },
    { name: 'docker 26.1, BuildKit (frontend < 1.8)', text: SHELL_CMD, options: { engineVersion: '26.1' }, want: [['json-args-recommended', undefined, 'DL3025']] },
    { name: 'docker 20.10, BuildKit (recorded: no warning)', text: SHELL_CMD, options: { engineVersion: '20.10' }, want: [['json-args-recommended', undefined, 'DL3025']] },
    {
      name: 'docker 20.10, classic (recorded: no warning)',
      text: SHELL_CMD,
      options: { engineVersion: '20.10', builder: 'classic' },
      want: [['json-args-recommended', undefined, 'DL3025']],
    },
    { name: 'docker current, classic', text: SHELL_CMD, options: { builder: 'classic' }, want: [['json-args-recommended', undefined, 'DL3025']] },
    {
      name: 'podman 4.3.1, buildah (recorded: no warning)',
      text: SHELL_CMD,
      options: { engine: 'podman', engineVersion: '4.3.1' },
      want: [['json-args-recommended', undefined, 'DL3025']],
    },
    { name: 'check=skip directive, docker current', text: SKIP, options: {}, want: [] },
    { name: 'check=skip directive, docker 27 classic (parsed as a directive)', text: SKIP, options: { engineVersion: '27.0', builder: 'classic' }, want: [] },
    { name: 'check=skip line, docker 26.1 (a plain comment)', text: SKIP, options: { engineVersion: '26.1' }, want: [['json-args-recommended', undefined, 'DL3025']] },
    { name: 'check=skip line, podman (a plain comment)', text: SKIP, options: { engine: 'podman' }, want: [['json-args-recommended', undefined, 'DL3025']] },
    { name: 'check=skip above the instruction, docker current', text: SKIP_ABOVE, options: {}, want: [] },
    { name: 'check=skip above the instruction, docker 20.10', text: SKIP_ABOVE, options: { engineVersion: '20.10' }, want: [['json-args-recommended', undefined, 'DL3025']] },
    // Comment checks: linter WithMergedConfigFromComments, buildkit a248d48d0, first tag dockerfile/1.21.0 (Docker 29.2).
    {
      name: 'check=skip above the instruction, docker 27.0 (frontend 1.8)',
      text: SKIP_ABOVE,
      options: { engineVersion: '27.0' },
      want: [['json-args-recommended', 'JSONArgsRecommended', 'DL3025']],
    },
    {
      name: 'check=skip above the instruction, docker 29.1 (frontend 1.20)',
      text: SKIP_ABOVE,
      options: { engineVersion: '29.1' },
      want: [['json-args-recommended', 'JSONArgsRecommended', 'DL3025']],
    },
    { name: 'check=skip above the instruction, docker 29.2 (frontend 1.21)', text: SKIP_ABOVE, options: { engineVersion: '29.2' }, want: [] },
    {
      name: 'check=skip above the instruction, docker 29.2 classic (no linter)',
      text: SKIP_ABOVE,
      options: { engineVersion: '29.2', builder: 'classic' },
      want: [['json-args-recommended', undefined, 'DL3025']],
    },
    {
      name: 'check=skip above the instruction, syntax 1.20',
      text: `# syntax=docker/dockerfile:1.20\n${SKIP_ABOVE}`,
      options: {},
      want: [['json-args-recommended', 'JSONArgsRecommended', 'DL3025']],
    },
    { name: 'check=skip above the instruction, syntax 1.21 on docker 27.0', text: `# syntax=docker/dockerfile:1.21\n${SKIP_ABOVE}`, options: { engineVersion: '27.0' }, want: [] },
    { name: 'two CMD, docker current', text: 'FROM scratch\nCMD ["a"]\nCMD ["b"]\n', options: {}, want: [['multiple-instructions', 'MultipleInstructionsDisallowed', 'DL4003']] },
    {
      name: 'two ENTRYPOINT, docker 20.10',
      text: 'FROM scratch\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n',
      options: { engineVersion: '20.10' },
      want: [['multiple-instructions', undefined, 'DL4004']],
    },
    {
      name: 'two HEALTHCHECK, podman',
      text: 'FROM scratch\nHEALTHCHECK CMD ["a"]\nHEALTHCHECK CMD ["b"]\n',
      options: { engine: 'podman' },
      want: [['multiple-instructions', undefined, 'DL3012']],
    },
    { name: 'empty continuation, docker current', text: 'FROM scratch\nCMD ["a", \\\n\n "b"]\n', options: {}, want: [['empty-continuation', 'NoEmptyContinuation', undefined]] },
    // A `# syntax=` frontend decides (frontend.ts): build checks and `# check=` come with 1.8; its warnings reach the
    // client through the gateway Warn API (buildkit 6cad384e9, first tag v0.10.0; Docker 20.10 vendors v0.8, 23.0 v0.10.6).
    {
      name: 'syntax 1.8 on docker 20.10, BuildKit (no gateway Warn)',
      text: `# syntax=docker/dockerfile:1.8\n${SHELL_CMD}`,
      options: { engineVersion: '20.10' },
      want: [['json-args-recommended', undefined, 'DL3025']],
    },
    {
      name: 'syntax 1.8 on docker 23.0, BuildKit',
      text: `# syntax=docker/dockerfile:1.8\n${SHELL_CMD}`,
      options: { engineVersion: '23.0' },
      want: [['json-args-recommended', 'JSONArgsRecommended', 'DL3025']],
    },
    { name: 'syntax 1.7 on docker current, BuildKit', text: `# syntax=docker/dockerfile:1.7\n${SHELL_CMD}`, options: {}, want: [['json-args-recommended', undefined, 'DL3025']] },
    { name: 'syntax 1.8 + check=skip on docker 20.10', text: `# syntax=docker/dockerfile:1.8\n${SKIP}`, options: { engineVersion: '20.10' }, want: [] },
    {
      name: 'syntax 1.8 on docker 20.10, classic (ignored)',
      text: `# syntax=docker/dockerfile:1.8\n${SHELL_CMD}`,
      options: { engineVersion: '20.10', builder: 'classic' },
      want: [['json-args-recommended', undefined, 'DL3025']],
    },
    {
      name: 'empty continuation, docker 20.10',
      text: 'FROM scratch\nCMD ["a", \\\n\n "b"]\n',
      options: { engineVersion: '20.10' },
      want: [['empty-continuation', undefined, undefined]],
    },
  ];
  test.for(rows)('$name', ({ text, options, want }) => {
    const r = evaluateDockerfile(text, options);
    const lints = r.diagnostics
      .filter((d) => d.code === 'json-args-recommended' || d.code === 'multiple-instructions' || d.code === 'empty-continuation')
      .map((d) => [d.code, d.rule, d.hadolint]);
    expect(lints).toEqual(want);
  });
});

// `# check=error=true` fails the build when a check reported, once the target is dispatched (linter.go
// Linter.Error, called from dockerfile2llb convert.go at dockerfile/1.8.0 4d9a4e5d and finalizeResultImage at
// HEAD 73ed6825; docs.docker.com/build/checks "Fail build on check violations": `ERROR: lint violation found for
// rules: JSONArgsRecommended`). The rows follow buildkit's own testRuleCheckOption (dockerfile_check_test.go,
// HEAD 73ed6825: skip=all;error=true passes, a skipped rule does not count, the build-arg replaces the directive),
// with the checks modelled here instead of FromAsCasing. Engines without the directive (Docker < 27.0: frontend
// < 1.8, the classic builder, buildah) read the line as a comment: Docker 20.10.24 here, recorded in
// test/fixtures/engine/FINDINGS.md item 5, ends directive scanning at a `# check=` line, so no engine here can
// record the failure itself.
describe('check=error=true', () => {
  const ERROR = '# check=error=true\nFROM scratch\nCMD x\n';
  test.for([
    { name: 'docker current, BuildKit', text: ERROR, options: {}, want: 'lint violation found for rules: JSONArgsRecommended' },
    { name: 'docker 27.0, BuildKit (frontend 1.8)', text: ERROR, options: { engineVersion: '27.0' }, want: 'lint violation found for rules: JSONArgsRecommended' },
    {
      name: 'two rules, sorted',
      text: '# check=error=true\nFROM scratch\nCMD x\nCMD y\n',
      options: {},
      want: 'lint violation found for rules: JSONArgsRecommended, MultipleInstructionsDisallowed',
    },
    {
      name: 'empty continuation counts (lint.Run in convert.go)',
      text: '# check=error=true\nFROM scratch\nCMD ["a", \\\n\n "b"]\n',
      options: {},
      want: 'lint violation found for rules: NoEmptyContinuation',
    },
    { name: 'skip=all;error=true', text: '# check=skip=all;error=true\nFROM scratch\nCMD x\n', options: {}, want: null },
    { name: 'the skipped rule does not count', text: '# check=skip=JSONArgsRecommended;error=true\nFROM scratch\nCMD x\n', options: {}, want: null },
    {
      name: 'a rule skipped by the comment above does not count',
      text: '# check=error=true\nFROM scratch\n# check=skip=JSONArgsRecommended\nCMD x\n',
      options: {},
      want: null,
    },
    { name: 'exec form: nothing to report', text: '# check=error=true\nFROM scratch\nCMD ["x"]\n', options: {}, want: null },
    { name: 'error=false', text: '# check=error=false\nFROM scratch\nCMD x\n', options: {}, want: null },
    {
      name: 'the directive value is its first word',
      text: '# check=error=true because\nFROM scratch\nCMD x\n',
      options: {},
      want: 'lint violation found for rules: JSONArgsRecommended',
    },
    { name: 'docker 26.1 (frontend 1.7: a comment)', text: ERROR, options: { engineVersion: '26.1' }, want: null },
    { name: 'docker 20.10 (a comment)', text: ERROR, options: { engineVersion: '20.10' }, want: null },
    { name: 'classic builder (no checks)', text: ERROR, options: { builder: 'classic' as const }, want: null },
    { name: 'podman (buildah: no checks)', text: ERROR, options: { engine: 'podman' as const }, want: null },
    { name: 'in a comment above the instruction: skips merge, error does not', text: 'FROM scratch\n# check=error=true\nCMD x\n', options: {}, want: null },
    {
      name: 'the BUILDKIT_DOCKERFILE_CHECK build-arg replaces the directive',
      text: 'FROM scratch\nCMD x\n',
      options: { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'error=true' } },
      want: 'lint violation found for rules: JSONArgsRecommended',
    },
    { name: 'the build-arg wins over the directive', text: ERROR, options: { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'skip=all' } }, want: null },
    {
      name: 'the build-arg is ignored by the classic builder',
      text: 'FROM scratch\nCMD x\n',
      options: { builder: 'classic' as const, buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'error=true' } },
      want: null,
    },
  ])('$name', ({ text, options, want }) => {
    const r = evaluateDockerfile(text, options);
    if (want === null) expect(r.ok).toBe(true);
    else {
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues[0]).toMatchObject({ code: 'build-check-violation', message: want });
      expect(r.diagnostics.some((d) => d.rule !== undefined)).toBe(true);
    }
  });
});

// A `check=` value ParseLintOptions refuses fails the build before the Dockerfile is parsed (newRuleLinter in
// toDispatchState: convert.go at dockerfile/1.8.0 4d9a4e5d and HEAD 73ed6825), wrapped as "failed to parse check
// options"; the build-arg from 1.9.0 (e83d79a5, dockerui config.go) as "failed to parse
// build-arg:BUILDKIT_DOCKERFILE_CHECK". A comment above an instruction with such a value is ignored
// (WithMergedConfigFromComments); the classic builder and buildah have no linter.
describe('check= values the frontend refuses', () => {
  test.for([
    { name: 'unknown key', text: '# check=skipp=all\nFROM scratch\nCMD ["x"]\n', options: {}, want: 'failed to parse check options: invalid check option "skipp"', line: 1 },
    { name: 'no =', text: '# check=all\nFROM scratch\nCMD ["x"]\n', options: {}, want: 'failed to parse check options: invalid check option "all"', line: 1 },
    {
      name: 'bad boolean',
      text: '# syntax=docker/dockerfile:1\n# check=error=yes\nFROM scratch\nCMD ["x"]\n',
      options: {},
      want: 'failed to parse check options: failed to parse check option "error=yes": strconv.ParseBool: parsing "yes": invalid syntax',
      line: 2,
    },
    {
      name: 'before a parse error',
      text: '# check=nope=1\nFROM scratch\nFOO bar\n',
      options: {},
      want: 'failed to parse check options: invalid check option "nope"',
      line: 1,
    },
    {
      name: 'experimental= before frontend 1.10',
      text: '# check=experimental=all\nFROM scratch\nCMD ["x"]\n',
      options: { engineVersion: '27.1' },
      want: 'failed to parse check options: invalid check option "experimental"',
      line: 1,
    },
    {
      name: 'the build-arg (frontend 1.9+)',
      text: 'FROM scratch\nCMD ["x"]\n',
      options: { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'error=maybe' } },
      want: 'failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: failed to parse check option "error=maybe": strconv.ParseBool: parsing "maybe": invalid syntax',
      line: undefined,
    },
    {
      name: 'the build-arg (frontend 1.8)',
      text: '# syntax=docker/dockerfile:1.8\nFROM scratch\nCMD ["x"]\n',
      options: { buildArgs: { BUILDKIT_DOCKERFILE_CHECK: 'x' } },
      want: 'failed to parse check options: invalid check option "x"',
      line: undefined,
    },
  ])('$name', ({ text, options, want, line }) => {
    const r = evaluateDockerfile(text, options);
    expect(r.ok ? null : r.issues[0]).toEqual({ code: 'check-options-invalid', message: want, ...(line !== undefined && { line }) });
  });

  test.for([
    { name: 'docker 26.1 (a comment)', text: '# check=bogus\nFROM scratch\nCMD ["x"]\n', options: { engineVersion: '26.1' } },
    { name: 'classic builder', text: '# check=bogus\nFROM scratch\nCMD ["x"]\n', options: { builder: 'classic' as const } },
    { name: 'podman', text: '# check=bogus\nFROM scratch\nCMD ["x"]\n', options: { engine: 'podman' as const } },
    { name: 'in a comment above the instruction', text: 'FROM scratch\n# check=bogus\nCMD ["x"]\n', options: {} },
    { name: 'a malformed skip list is no error', text: '# check=skip=,, ,\nFROM scratch\nCMD ["x"]\n', options: {} },
  ])('accepted: $name', ({ text, options }) => {
    expect(evaluateDockerfile(text, options).ok).toBe(true);
  });
});
