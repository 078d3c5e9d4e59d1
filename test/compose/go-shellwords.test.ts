import { describe, expect, test } from 'vitest';
import { splitGoShellwords } from '../../src/compose/go-shellwords.js';
import { vectorsOf } from '../fixtures/vectors.js';

describe('splitGoShellwords', () => {
  describe('spec vectors (compose-string)', () => {
    test.for(vectorsOf('compose-string'))('$id: $description', (v) => {
      const input = v.input['input'] as string;
      const e = v.expected;
      if ('v1.0.12' in e) {
        const old = splitGoShellwords(input, '1.0.12');
        const cur = splitGoShellwords(input, '1.0.14');
        expect(old.ok && old.args).toEqual((e['v1.0.12'] as { args: string[] }).args);
        expect(cur.ok && cur.args).toEqual((e['v1.0.13+'] as { args: string[] }).args);
        return;
      }
      for (const version of ['1.0.12', '1.0.14'] as const) {
        const got = splitGoShellwords(input, version);
        if ('error' in e) expect(got).toMatchObject({ ok: false, message: e['error'] });
        else expect(got.ok && got.args).toEqual(e['args']);
      }
    });
  });

  // mattn/go-shellwords shellwords_test.go (v1.0.13 = HEAD fd1aa6c) testcases row added after v1.0.12,
  // TestHaveMore/TestHaveRedirect, and shellwords_security_test.go.
  const rows: { line: string; v12: string[] | 'error'; v14: string[] | 'error'; source: string }[] = [
    {
      line: `sh -c "printf 'Hello\\tworld\\n'"`,
      v12: ['sh', '-c', "printf 'Hellotworldn'"],
      v14: ['sh', '-c', "printf 'Hello\tworld\n'"],
      source: 'upstream-test: go-shellwords HEAD testcases (v1.0.12 column derived from code)',
    },
    {
      line: ')a b)c d',
      v12: [')a b)c', 'd'],
      v14: 'error',
      source: 'upstream-test: shellwords_security_test.go TestBareClosingParen_DefaultParsingError (v1.0.12 derived from code)',
    },
    { line: '$(echo "foo")', v12: ['$(echo "foo")'], v14: ['$(echo "foo")'], source: 'upstream-test: TestDollarParenLiteralWhenParseBacktickDisabled' },
    { line: 'foo)', v12: 'error', v14: 'error', source: 'derived-from-code: v1.0.12 leaves dollarQuote open; v1.0.13 rejects a bare )' },
    { line: 'echo 12abc>out', v12: ['echo'], v14: ['echo'], source: 'derived-from-code: a word starting with a digit before > is dropped' },
    { line: 'echo a2>out', v12: ['echo', 'a2'], v14: ['echo', 'a2'], source: 'derived-from-code: only a leading digit counts' },
    { line: 'foo \\', v12: 'error', v14: 'error', source: 'derived-from-code: trailing backslash leaves escaped set' },
    { line: 'a`b c`d e', v12: ['a`b c`d', 'e'], v14: ['a`b c`d', 'e'], source: 'derived-from-code: backticks group and are kept' },
    { line: '"a\\b"', v12: ['ab'], v14: ['ab'], source: 'derived-from-code: backslash escapes inside double quotes' },
    { line: 'echo $HOME ${X}', v12: ['echo', '$HOME', '${X}'], v14: ['echo', '$HOME', '${X}'], source: 'derived-from-code: no env expansion' },
    { line: 'cmd "a;b" c;d', v12: ['cmd', 'a;b', 'c'], v14: ['cmd', 'a;b', 'c'], source: 'derived-from-code: quoted ; kept, unquoted ; stops' },
    { line: 'echo 🍺', v12: ['echo', '🍺'], v14: ['echo', '🍺'], source: 'upstream-test: TestHaveMore (first half)' },
  ];
  test.for(rows)('$line', (row) => {
    for (const [version, want] of [
      ['1.0.12', row.v12],
      ['1.0.14', row.v14],
    ] as const) {
      const got = splitGoShellwords(row.line, version);
      if (want === 'error') expect(got.ok).toBe(false);
      else expect(got.ok && got.args).toEqual(want);
    }
  });

  test('reports what was dropped', () => {
    expect(splitGoShellwords('echo hi && echo bye')).toEqual({ ok: true, args: ['echo', 'hi'], dropped: '&& echo bye' });
    expect(splitGoShellwords('ls -la 2>foo')).toEqual({ ok: true, args: ['ls', '-la'], dropped: '>foo', droppedWord: '2' });
  });
});
