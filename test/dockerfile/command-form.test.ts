import { describe, expect, test } from 'vitest';
import { splitBuilderFlags } from '../../src/dockerfile/command-form.js';
import { formatCommand, parseCommand, type CommandInstruction } from '../../src/index.js';
import { vectorsOf } from '../fixtures/vectors.js';

/** Splits `CMD …` into keyword and argument text the way BuildKit's splitCommand does. */
function splitInstruction(text: string): { instruction: CommandInstruction; rest: string } {
  const m = /^\s*(\S+)(?:[\t\v\f\r ]+([^\t\v\f\r ][\s\S]*)?)?$/.exec(text);
  if (!m) throw new Error(`bad vector text ${text}`);
  return { instruction: m[1]!.toUpperCase() as CommandInstruction, rest: m[2] ?? '' };
}

describe('parseCommand', () => {
  describe('spec vectors (dockerfile-instruction, json-array)', () => {
    const rows = [...vectorsOf('dockerfile-instruction'), ...vectorsOf('json-array')];
    test.for(rows)('$id: $description', (v) => {
      const text = v.input['text'] as string;
      const { instruction, rest } = v.input.kind === 'json-array' ? { instruction: 'CMD' as const, rest: text } : splitInstruction(text);
      const got = parseCommand(rest, { instruction });
      const exp = v.expected;
      if ('form' in exp) {
        expect(got.ok, JSON.stringify(got)).toBe(true);
        if (!got.ok) return;
        if (exp['form'] === 'exec') expect(got.command).toEqual({ form: 'exec', args: exp['args'] });
        else {
          const args = exp['args'] as string[];
          expect(got.command).toEqual({ form: 'shell', script: args.length === 0 ? '' : args[0] });
        }
      } else if ('error' in exp) {
        expect(got.ok).toBe(false);
        if (!got.ok) expect(got.issues[0].message).toBe(exp['error']);
      } else if ('errorContains' in exp) {
        expect(got.ok).toBe(false);
        if (!got.ok) for (const part of exp['errorContains'] as string[]) expect(got.issues[0].message).toContain(part);
        if ('ast' in exp) {
          const ast = exp['ast'] as { flags: string[]; args: string[] };
          const split = splitBuilderFlags(rest);
          expect(split.flags).toEqual(ast.flags);
          const after = parseCommand(split.rest);
          expect(after.ok && after.command).toEqual({ form: 'exec', args: ast.args });
        }
        if ('errorLegacyClassicBuilder' in exp) {
          const old = parseCommand(rest, { instruction, engineVersion: '20.10', builder: 'classic' });
          expect(!old.ok && old.issues[0].message).toBe(exp['errorLegacyClassicBuilder']);
        }
      } else {
        // dockerfile-build vectors under this kind are checked by the Dockerfile suite.
        expect(v.input.kind).toBe('dockerfile-build');
      }
    });
  });

  // Source: semantics.md R1.10 (buildkit parser/line_parsers.go parseMaybeJSON), R1.11.
  const SHELL_FORM = [
    { text: "['echo', 'hi']", why: 'single quotes are not JSON' },
    { text: '["a",]', why: 'trailing comma' },
    { text: '["a" "b"]', why: 'missing comma' },
    { text: '["c:\\windows"]', why: 'invalid escape \\w' },
    { text: '["a"] && echo', why: 'text after the array (current BuildKit)' },
    { text: '[]random string', why: 'text after the empty array' },
    { text: '{"a": 1}', why: 'an object is not an array' },
    { text: '["\t"]', why: 'raw control character in a JSON string' },
    { text: '["a"', why: 'unterminated array' },
    { text: '[01]', why: 'leading zero is not JSON' },
    { text: '["\\u12"]', why: 'short \\u escape' },
    { text: '["a", 1e400]', why: "a number beyond float64 fails Go's decode (strconv range error); Docker 20.10.24 both builders and podman 4.3.1, FINDINGS.md" },
  ];
  test.for(SHELL_FORM)('$text is shell form ($why)', ({ text }) => {
    const got = parseCommand(text);
    expect(got.ok && got.command).toEqual({ form: 'shell', script: text });
    if (got.ok && text.startsWith('[')) expect(got.diagnostics.map((d) => d.code)).toContain('exec-form-fallback');
  });

  // Source: semantics.md R1.10 step 4 and Go encoding/json (valid JSON, non-string element).
  const NOT_STRINGS = ['[1]', '["a", -1.5e+3]', '[true]', '[null]', '[{}]', '[[]]', '["a", {"k": ["v"]}]'];
  test.for(NOT_STRINGS)('%s is an error', (text) => {
    const got = parseCommand(text);
    expect(got).toMatchObject({ ok: false, issues: [{ code: 'json-not-strings' }] });
  });

  // Source: Go encoding/json decoding rules (escapes, surrogates, depth limit 10000).
  const EXEC = [
    { text: '["\\ud83d\\ude00"]', args: ['\u{1F600}'] },
    { text: '["\\ud800"]', args: ['\uFFFD'] },
    { text: '["\\udc00x"]', args: ['\uFFFDx'] },
    { text: '["\\ud800\\u0041"]', args: ['\uFFFDA'] },
    { text: '[ "a" ,\n"b"\r]', args: ['a', 'b'] },
    { text: '["$HOME", "${X}"]', args: ['$HOME', '${X}'] },
  ];
  test.for(EXEC)('$text decodes like Go', ({ text, args }) => {
    expect(parseCommand(text)).toMatchObject({ ok: true, command: { form: 'exec', args } });
  });

  test('nesting deeper than Go allows is invalid JSON, hence shell form', () => {
    const deep = '['.repeat(10001) + ']'.repeat(10001);
    expect(parseCommand(deep)).toMatchObject({ ok: true, command: { form: 'shell' } });
    const ok = '[' + '['.repeat(9999) + ']'.repeat(9999) + ']';
    expect(parseCommand(ok)).toMatchObject({ ok: false, issues: [{ code: 'json-not-strings' }] });
    const huge = '['.repeat(100_000);
    expect(parseCommand(huge)).toMatchObject({ ok: true, command: { form: 'shell', script: huge } });
  });

  describe('engine versions', () => {
    // Source: docs/research/engine-versions.md (buildkit 80518e2, frontend 1.9 = Docker 27.1); semantics.md §12.
    test.for([
      { text: '["a"] trailing', version: '20.10', want: { form: 'exec', args: ['a'] } },
      { text: '["a"] trailing', version: '27.0', want: { form: 'exec', args: ['a'] } },
      { text: '["a"] trailing', version: '27.1', want: { form: 'shell', script: '["a"] trailing' } },
      { text: '[]random', version: '20.10', want: { form: 'exec', args: [] } },
      { text: '["a", 1] trailing', version: '20.10', want: null },
    ])('$text on $version', ({ text, version, want }) => {
      const got = parseCommand(text, { engineVersion: version });
      if (want === null) expect(got.ok).toBe(false);
      else expect(got.ok && got.command).toEqual(want);
    });
    // Source: docs/research/engine-versions.md (buildkit 768a12bd0 → Docker 23.0; PR #5369 → Docker 27.4).
    test.for([
      { version: '20.10', message: 'Unknown flag: foo' },
      { version: '24.0', message: 'unknown flag: foo' },
      { version: '27.4', message: 'unknown flag: --foo' },
    ])('unknown flag wording on $version', ({ version, message }) => {
      const got = parseCommand('--foo=bar baz', { engineVersion: version });
      expect(!got.ok && got.issues[0].message).toBe(message);
    });
    test('podman drops builder flags silently (semantics.md §12)', () => {
      const got = parseCommand('--foo baz', { engine: 'podman' });
      expect(got).toMatchObject({ ok: true, command: { form: 'shell', script: 'baz' }, flags: ['--foo'] });
      expect(got.diagnostics.map((d) => d.code)).toContain('builder-flag-dropped');
    });
  });

  // Source: buildkit 877d8a771 (dockerfile/1.15.0, Docker 28.1.0) made extractBuilderFlags use the escape
  // token; before, and in imagebuilder (buildah) at HEAD, a backslash escapes inside flag words.
  test.for([
    { options: {}, result: { ok: false, issues: [{ message: 'unknown flag: --a\\' }] } },
    { options: { engineVersion: '28.0' }, result: { ok: false, issues: [{ message: 'unknown flag: --a b' }] } },
    { options: { engine: 'podman' }, result: { ok: true, command: { form: 'shell', script: 'c' }, flags: ['--a b'] } },
  ] as const)('escape=` inside a flag word: $options', ({ options, result }) => {
    expect(parseCommand('--a\\ b c', { ...options, escapeToken: '`' })).toMatchObject(result);
  });

  describe('builder flags (buildkit parser/split_command.go extractBuilderFlags)', () => {
    test.for([
      { text: '--a --b=c rest of it', flags: ['--a', '--b=c'], rest: 'rest of it' },
      { text: '--a="x y" z', flags: ['--a=x y'], rest: 'z' },
      { text: "--a='x' z", flags: ['--a=x'], rest: 'z' },
      { text: '--a\\ b z', flags: ['--a b'], rest: 'z' },
      { text: '-- --version', flags: [], rest: ' --version' },
      { text: '--x -- -- y', flags: ['--x'], rest: ' -- y' },
      { text: '--x', flags: ['--x'], rest: '' },
      { text: '--x --', flags: ['--x'], rest: '' },
      { text: '-x y', flags: [], rest: '-x y' },
    ])('$text', ({ text, flags, rest }) => {
      expect(splitBuilderFlags(text)).toEqual({ flags, rest });
    });
    test('a lone -- ends flags and is dropped', () => {
      expect(parseCommand('-- --version')).toMatchObject({ ok: true, command: { form: 'shell', script: '--version' } });
      expect(parseCommand('--')).toMatchObject({ ok: true, command: { form: 'shell', script: '' } });
    });
  });

  test('empty text is shell form with an empty script', () => {
    expect(parseCommand('')).toMatchObject({ ok: true, command: { form: 'shell', script: '' } });
    expect(parseCommand(' \t ')).toMatchObject({ ok: true, command: { form: 'shell', script: '' } });
  });

  test('Go TrimSpace, not JavaScript trim: U+FEFF is kept, U+0085 is removed', () => {
    expect(parseCommand('\uFEFFecho')).toMatchObject({ ok: true, command: { script: '\uFEFFecho' } });
    expect(parseCommand('\u0085echo\u0085')).toMatchObject({ ok: true, command: { script: 'echo' } });
  });

  test('SHELL must be a non-empty JSON array (semantics.md R1.13)', () => {
    expect(parseCommand('["/bin/bash", "-c"]', { instruction: 'SHELL' })).toMatchObject({ ok: true });
    expect(parseCommand('/bin/bash -c', { instruction: 'SHELL' })).toMatchObject({
      ok: false,
      issues: [{ message: 'SHELL requires the arguments to be in JSON form' }],
    });
    expect(parseCommand('', { instruction: 'SHELL' })).toMatchObject({
      ok: false,
      issues: [{ message: 'SHELL requires at least one argument' }],
    });
  });

  test('wrong JavaScript types throw a TypeError naming the parameter', () => {
    expect(() => parseCommand(42 as unknown as string)).toThrow(new TypeError('text must be a string, got number'));
  });
});

describe('formatCommand', () => {
  test.for([
    { command: { form: 'exec' as const, args: ['a', 'b'] }, text: '["a", "b"]' },
    { command: { form: 'exec' as const, args: [] }, text: '[]' },
    { command: { form: 'exec' as const, args: ['say "hi"'] }, text: '["say \\"hi\\""]' },
    { command: { form: 'shell' as const, script: 'echo hi' }, text: 'echo hi' },
    { command: { form: 'shell' as const, script: '--version' }, text: '-- --version' },
  ])('$text', ({ command, text }) => {
    expect(formatCommand(command)).toBe(text);
    expect(parseCommand(text)).toMatchObject({ ok: true, command });
  });
});
