import { describe, expect, test } from 'vitest';
import { interpolateCompose } from '../../src/compose/file.js';
import { resolveComposeFile } from '../../src/index.js';
import { vectorsOf } from '../fixtures/vectors.js';

describe('resolveComposeFile', () => {
  test('compose-07 through the file: $$ interpolation, then shellwords', () => {
    const v = vectorsOf('compose-up').find((r) => r.id === 'compose-07');
    const yaml = `services:\n  web:\n    image: img\n    command: ${JSON.stringify((v?.input['service'] as { command: string }).command)}\n`;
    const got = resolveComposeFile(yaml, { images: { img: { cmd: ['c'] } } });
    expect(got.ok && got.services[0]?.result).toMatchObject({ ok: true, argv: v?.expected['argv'] });
  });

  test('variables, defaults, unresolved, build-only services, extends', () => {
    const yaml = `services:
  a:
    image: \${IMG:-app}
    entrypoint: ["/bin/\${TOOL}", "$MISSING"]
    command: run \${MODE-dev}
  b:
    build: .
    command: ["x"]
  c:
    image: app
    extends: {service: a}
`;
    const got = resolveComposeFile(yaml, { images: { app: { entrypoint: ['/e'] }, b: {} }, environment: { TOOL: 'tool' } });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.services.map((s) => s.result.ok && s.result.complete && s.result.argv)).toEqual([['/bin/tool', '', 'run', 'dev'], ['x'], ['/e']]);
    expect(got.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['compose-unresolved-variable', 'services.a.entrypoint[1]'],
      ['compose-unsupported', 'services.c.extends'],
    ]);
  });

  test('bad input: wrong types, invalid interpolation, malformed YAML', () => {
    expect(resolveComposeFile('services:\n  a:\n    command: [1]\n', { images: {} })).toMatchObject({ ok: false, issues: [{ path: 'services.a.command' }] });
    expect(resolveComposeFile('services:\n  a:\n    command: "echo ${X"\n', { images: {} })).toMatchObject({
      ok: false,
      issues: [{ code: 'compose-interpolation-invalid', path: 'services.a.command' }],
    });
    expect(resolveComposeFile('services: [\n', { images: {} })).toMatchObject({ ok: false, issues: [{ code: 'yaml-invalid' }] });
    expect(resolveComposeFile('services:\n  __proto__: {image: x}\n', { images: { x: { cmd: ['c'] } } })).toMatchObject({ ok: true, services: [{ name: '__proto__' }] });
    expect(Object.prototype).not.toHaveProperty('image');
  });

  test('interpolateCompose', () => {
    expect(interpolateCompose('$$HOME ${A:+set} ${B:?} $', { A: '1', B: 'b' })).toEqual({ ok: true, value: '$HOME set b $', unresolved: [] });
    expect(interpolateCompose('${B:?need B}', {})).toMatchObject({ ok: false });
    expect(interpolateCompose('$constructor', {})).toEqual({ ok: true, value: '', unresolved: ['constructor'] });
  });
});

// compose-go template.go softDefault/hardDefault/withRequired substitute the default (or message)
// again, and getFirstBraceClosingIndex counts nested `${` (review finding: defaults were literal).
describe('nested interpolation in defaults', () => {
  test.for([
    { text: '${A:-${B}}', env: { B: 'b' }, value: 'b', unresolved: [] },
    { text: '${A:-${B:-c}}x', env: {}, value: 'cx', unresolved: [] },
    { text: '${A:-${B}}', env: { A: 'a' }, value: 'a', unresolved: [] },
    { text: '${A-${B}}', env: { A: '' }, value: '', unresolved: [] },
    { text: '${A:-$$B}', env: {}, value: '$B', unresolved: [] },
    { text: '${A:-${MISSING}}', env: {}, value: '', unresolved: ['MISSING'] },
  ])('$text', ({ text, env, value, unresolved }) => {
    expect(interpolateCompose(text, env)).toEqual({ ok: true, value, unresolved });
  });
  test('a required message is interpolated too', () => {
    expect(interpolateCompose('${A:?set ${WHAT}}', { WHAT: 'A please' })).toEqual({ ok: false, message: 'required variable A is missing a value: set A please' });
  });
  test('nesting is bounded (no recursion on input depth beyond the cap)', () => {
    const deep = '${A:-'.repeat(200) + 'x' + '}'.repeat(200);
    expect(interpolateCompose(deep, {})).toMatchObject({ ok: false });
  });
});

// Source: the row's own YAML text; `at` is the 1-based line:column of the rejected node.
describe('issue positions point at the offending YAML node', () => {
  test.for([
    { yaml: 'services:\n  web:\n    image: x\n    command: [a, 1]\n', path: 'services.web.command', at: '4:14' },
    { yaml: 'services:\n  web:\n    image: x\n  db:\n    entrypoint: {a: 1}\n', path: 'services.db.entrypoint', at: '5:17' },
    { yaml: 'services:\n  web:\n    profiles: [a, {b: 1}]\n', path: 'services.web.profiles[1]', at: '3:19' },
    { yaml: 'x: 1\nservices: [a]\n', path: 'services', at: '2:11' },
    { yaml: 'services:\n  web:\n    image: x\n    command: ["ok", "${A"]\n', path: 'services.web.command[1]', at: '4:21' },
  ])('$path at $at', ({ yaml, path, at }) => {
    const got = resolveComposeFile(yaml, { images: {} });
    const issue = got.ok ? undefined : got.issues[0];
    expect(issue?.path).toBe(path);
    expect(issue && `${String(issue.line)}:${String(issue.column)}`).toBe(at);
  });
});
