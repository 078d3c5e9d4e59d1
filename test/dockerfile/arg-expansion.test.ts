import { describe, expect, test } from 'vitest';
import { expandFromWord, parseArgWords, splitQuotedWords } from '../../src/dockerfile/arg-expansion.js';

const vars = (o: Record<string, string>) => new Map<string, string | undefined>(Object.entries(o));
const E = { FOO: 'xxx', BAR: '' };
const RELEASE = 'something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz';

// Expansion of a FROM word with the meta ARGs (spec/semantics.md R1.12; buildkit frontend/dockerfile/shell/lex.go).
// Rows "Matches" are buildkit shell/lex_test.go TestProcessWithMatches, "Platform" TestProcessWithMatchesPlatform
// (12f04ef5); the `?` forms are kept only where BuildKit does not fail. Quote rows: lex.go processSingleQuote (no
// escapes), processDoubleQuote (the escape token escapes only `"`, `$` and itself), processDollar.
describe('expandFromWord', () => {
  test.for([
    { text: 'x', vars: {}, want: 'x', source: 'Matches' },
    { text: 'x ${UNUSED}', vars: { DUMMY: 'dummy' }, want: 'x ', source: 'Matches' },
    { text: 'x ${FOO}', vars: { FOO: 'y' }, want: 'x y', source: 'Matches' },
    { text: '${FOO-aaa} ${BAR-bbb} ${BAZ-ccc}', vars: E, want: 'xxx  ccc', source: 'Matches' },
    { text: '${FOO:-aaa} ${BAR:-bbb} ${BAZ:-ccc}', vars: E, want: 'xxx bbb ccc', source: 'Matches' },
    { text: '${FOO:-}', vars: E, want: 'xxx', source: 'Matches' },
    { text: '${FOO:-}', vars: {}, want: '', source: 'Matches' },
    { text: '${FOO+aaa} ${BAR+bbb} ${BAZ+ccc}', vars: E, want: 'aaa bbb ', source: 'Matches' },
    { text: '${FOO:+aaa} ${BAR:+bbb} ${BAZ:+ccc}', vars: E, want: 'aaa  ', source: 'Matches' },
    { text: '${FOO?aaa}', vars: E, want: 'xxx', source: 'Matches' },
    { text: '${BAR?bbb}', vars: E, want: '', source: 'Matches' },
    { text: '${FOO:?aaa}', vars: E, want: 'xxx', source: 'Matches' },
    { text: RELEASE, vars: { VERSION: 'v1.2.3', TARGETOS: 'linux', TARGETARCH: 'arm', TARGETVARIANT: 'v7' }, want: 'something-v1.2.3.linux-arm-v7.tar.gz', source: 'Platform' },
    { text: RELEASE, vars: { VERSION: 'v1.2.3', TARGETOS: 'linux', TARGETARCH: 'arm64', TARGETVARIANT: '' }, want: 'something-v1.2.3.linux-arm64.tar.gz', source: 'Platform' },
    { text: RELEASE, vars: { VERSION: 'v1.2.3', TARGETOS: 'linux', TARGETARCH: 'arm64' }, want: 'something-v1.2.3.linux-arm64.tar.gz', source: 'Platform' },
    { text: '$FOO', vars: E, want: 'xxx', source: 'processDollar' },
    { text: 'img:$FOO', vars: E, want: 'img:xxx', source: 'processDollar' },
    { text: '$FOO$BAR', vars: E, want: 'xxx', source: 'processDollar' },
    { text: 'a$', vars: {}, want: 'a$', source: 'processDollar: `$` not followed by a name' },
    { text: '"a b"', vars: {}, want: 'a b', source: 'processDoubleQuote' },
    { text: "'$FOO'", vars: E, want: '$FOO', source: 'processSingleQuote' },
    { text: '\\$FOO', vars: E, want: '$FOO', source: 'escape outside quotes' },
    { text: '"\\$FOO"', vars: E, want: '$FOO', source: 'processDoubleQuote: escaped $' },
    { text: '"a\\b"', vars: {}, want: 'a\\b', source: 'processDoubleQuote: other escapes kept' },
  ])('$text ($source)', ({ text, vars: v, want }) => {
    expect(expandFromWord(text, vars(v), '\\')).toBe(want);
  });

  // `# escape=\``: the backtick escapes; a backslash is an ordinary character (semantics.md R1.17).
  test.for([
    { text: 'a\\b`$FOO', want: 'a\\b$FOO' },
    { text: '"a`"b"', want: 'a"b' },
  ])('escape token `: $text', ({ text, want }) => {
    expect(expandFromWord(text, vars(E), '`')).toBe(want);
  });
});

// Raw words, quotes kept: buildkit parser/parser_test.go TestParseWords (0177ad8f), the rule of line_parsers.go
// parseWords (quotes group, the escape token escapes, nothing is removed).
describe('splitQuotedWords', () => {
  test.for([
    { text: 'foo', want: ['foo'] },
    { text: 'foo bar', want: ['foo', 'bar'] },
    { text: 'foo\\ bar', want: ['foo\\ bar'] },
    { text: 'foo=bar', want: ['foo=bar'] },
    { text: "foo bar 'abc xyz'", want: ['foo', 'bar', "'abc xyz'"] },
    { text: 'foo bar "abc xyz"', want: ['foo', 'bar', '"abc xyz"'] },
    { text: 'àöû', want: ['àöû'] },
    { text: 'föo bàr "âbc xÿz"', want: ['föo', 'bàr', '"âbc xÿz"'] },
  ])('$text', ({ text, want }) => {
    expect(splitQuotedWords(text, 92, false)).toEqual(want);
  });
});

// ARG words (buildkit instructions/parse.go parseArg: `name[=value]` words; dockerfile2llb/convert.go buildMetaArgs
// expands each value with the meta ARGs defined before this ARG instruction; a bare name keeps its earlier value).
describe('parseArgWords', () => {
  test.for([
    { text: 'B=img:1', vars: {}, want: [{ key: 'B', value: 'img:1' }] },
    { text: 'B="img:1"', vars: {}, want: [{ key: 'B', value: 'img:1' }] },
    { text: 'V=${T:-2}', vars: {}, want: [{ key: 'V', value: '2' }] },
    { text: 'B=$A', vars: { A: 'a' }, want: [{ key: 'B', value: 'a' }] },
    { text: 'D', vars: { D: 'dee' }, want: [{ key: 'D', value: 'dee', bare: true }] },
    { text: 'D', vars: {}, want: [{ key: 'D', value: undefined, bare: true }] },
    {
      text: 'A=1  B="x y"',
      vars: {},
      want: [
        { key: 'A', value: '1' },
        { key: 'B', value: 'x y' },
      ],
    },
  ])('$text', ({ text, vars: v, want }) => {
    expect(parseArgWords(text, '\\', vars(v))).toEqual(want);
  });
});
