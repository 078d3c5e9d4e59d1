import { describe, expect, test } from 'vitest';
import { evaluateDockerfile } from '../../src/index.js';
import { commentCheck, directiveCheck, isSkipped, NO_LINT_CONFIG, parseCheck, type LintConfig } from '../../src/dockerfile/lints.js';
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

const config = (c: LintConfig | null) => (c === null ? null : { skipAll: c.skipAll, skip: [...c.skip] });

// moby/buildkit frontend/dockerfile/linter/linter.go ParseLintOptions (e269a8a3): `skip=` takes `all` or a
// comma-separated list of rule names (each trimmed); `error=` and `experimental=` are the other keys; a part
// without `=`, or with another key, is an error ("invalid check option"). The directive's value is its first
// word (parser/directives_test.go TestParseDirective, 4e8bc5f6: `#check = skip=all // opts` → `skip=all`).
describe('parseCheck', () => {
  test.for([
    { value: '', want: { skipAll: false, skip: [] } },
    { value: 'skip=all', want: { skipAll: true, skip: [] } },
    { value: 'skip=JSONArgsRecommended', want: { skipAll: false, skip: ['JSONArgsRecommended'] } },
    { value: 'skip=JSONArgsRecommended,MultipleInstructionsDisallowed', want: { skipAll: false, skip: ['JSONArgsRecommended', 'MultipleInstructionsDisallowed'] } },
    { value: 'skip=all // opts', want: { skipAll: true, skip: [] } },
    { value: 'skip=JSONArgsRecommended;error=true', want: { skipAll: false, skip: ['JSONArgsRecommended'] } },
    { value: 'error=true;skip=all', want: { skipAll: true, skip: [] } },
    { value: 'experimental=all', want: { skipAll: false, skip: [] } },
    { value: 'error=false', want: { skipAll: false, skip: [] } },
    { value: 'skip', want: null },
    { value: 'foo=bar', want: null },
    { value: 'skip=all;nope', want: null },
  ])('$value', ({ value, want }) => {
    expect(config(parseCheck(value))).toEqual(want);
  });
});

// The file's configuration is its `check` parser directive; BuildKit rejects a second one ("only one check parser
// directive can be used", parser.go), so the last one read is the only one. An invalid value skips nothing here.
describe('directiveCheck', () => {
  test.for([
    { directives: [], want: { skipAll: false, skip: [] } },
    { directives: [{ name: 'syntax', value: 'docker/dockerfile:1' }], want: { skipAll: false, skip: [] } },
    { directives: [{ name: 'check', value: 'skip=all' }], want: { skipAll: true, skip: [] } },
    {
      directives: [
        { name: 'escape', value: '`' },
        { name: 'check', value: 'skip=JSONArgsRecommended' },
      ],
      want: { skipAll: false, skip: ['JSONArgsRecommended'] },
    },
    { directives: [{ name: 'check', value: 'bogus' }], want: { skipAll: false, skip: [] } },
  ])('$directives', ({ directives, want }) => {
    expect(config(directiveCheck(directives))).toEqual(want);
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
