import { describe, expect, test } from 'vitest';
import { expandWord, parseArgWords, splitQuotedWords } from '../../src/dockerfile/arg-expansion.js';

const vars = (o: Record<string, string>) => new Map<string, string>(Object.entries(o));
/** The current frontend's grammar. */
const CURRENT = 26;
const E = { FOO: 'xxx', BAR: '' };
const RELEASE = 'something-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz';

// Expansion of a FROM word with the meta ARGs (spec/semantics.md R1.12; buildkit frontend/dockerfile/shell/lex.go).
// Rows "Matches" are buildkit shell/lex_test.go TestProcessWithMatches, "Platform" TestProcessWithMatchesPlatform
// (12f04ef5); the `?` forms are kept only where BuildKit does not fail. Quote rows: lex.go processSingleQuote (no
// escapes), processDoubleQuote (the escape token escapes only `"`, `$` and itself), processDollar.
describe('expandWord', () => {
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
    expect(expandWord(text, vars(v), '\\', CURRENT)).toEqual({ value: want });
  });

  // `# escape=\``: the backtick escapes; a backslash is an ordinary character (semantics.md R1.17).
  test.for([
    { text: 'a\\b`$FOO', want: 'a\\b$FOO' },
    { text: '"a`"b"', want: 'a"b' },
  ])('escape token `: $text', ({ text, want }) => {
    expect(expandWord(text, vars(E), '`', CURRENT)).toEqual({ value: want });
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

// ARG words (buildkit instructions/parse.go parseArg: `name[=value]` words split at the first `=`, the value
// unexpanded; dockerfile2llb/convert.go expands it with the meta ARGs defined before it).
describe('parseArgWords', () => {
  test.for([
    { text: 'B=img:1', want: [{ key: 'B', value: 'img:1' }] },
    { text: 'B="img:1"', want: [{ key: 'B', value: '"img:1"' }] },
    { text: 'V=${T:-2}', want: [{ key: 'V', value: '${T:-2}' }] },
    { text: 'D', want: [{ key: 'D', value: undefined }] },
    { text: 'A=b=c', want: [{ key: 'A', value: 'b=c' }] },
    {
      text: 'A=1  B="x y"',
      want: [
        { key: 'A', value: '1' },
        { key: 'B', value: '"x y"' },
      ],
    },
  ])('$text', ({ text, want }) => {
    expect(parseArgWords(text, '\\')).toEqual(want);
  });
});

// The lexer's grammar per frontend release. Docker 20.10 rows recorded (test/fixtures/engine/docker-20.10.24-rules.json,
// family rule-arg-expansion; both builders); later rows from shell/lex.go at dockerfile/1.6.0 (optional colon),
// 1.7.0 (trimming, substitution) and 1.10.0 (`${N:%…}` refused).
describe('expandWord grammar by frontend', () => {
  const T = vars({ T: 'ep', E: '' });
  const err = (word: string, message: string) => ({ value: '', error: `failed to process "${word}": ${message}` });
  test.for([
    { word: 'a-${T:-${U:-x}}', fe: 2, want: { value: 'a-ep' } },
    { word: 'a-${U:-${T:-x}}', fe: 2, want: { value: 'a-ep' } },
    { word: 'a-${U:-"c d"}', fe: 2, want: { value: 'a-c d' } },
    { word: 'a-${T?}', fe: 2, want: { value: 'a-ep' } },
    { word: 'a-${T-x}', fe: 2, want: err('a-${T-x}', "missing ':' in substitution") },
    { word: 'a-${T-x}', fe: 6, want: { value: 'a-ep' } },
    { word: 'a-${U-x}', fe: 6, want: { value: 'a-x' } },
    { word: 'a-${E-x}', fe: 6, want: { value: 'a-' } },
    { word: 'a-${U:?}', fe: 2, want: err('a-${U:?}', 'U: is not allowed to be unset') },
    { word: 'a-${E:?no E}', fe: 2, want: err('a-${E:?no E}', 'E: no E') },
    { word: 'a-${}', fe: 2, want: err('a-${}', 'syntax error: bad substitution') },
    { word: 'a-${T', fe: 2, want: err('a-${T', "missing ':' in substitution") },
    { word: 'a-${T:-x', fe: 2, want: err('a-${T:-x', "syntax error: missing '}'") },
    { word: 'a-${T:=x}', fe: 2, want: err('a-${T:=x}', 'unsupported modifier (=) in substitution') },
    { word: 'a-${T:=x}', fe: 6, want: err('a-${T:=x}', 'unsupported modifier (:=) in substitution') },
    { word: 'a-${T!}', fe: 6, want: err('a-${T!}', 'unsupported modifier (!) in substitution') },
    { word: 'a-$$-$@-$#-$1-${10}', fe: 2, want: { value: 'a-----' } },
    { word: 'a-$é', fe: 2, want: { value: 'a-' } },
    { word: '${T%p}', fe: 2, want: err('${T%p}', "missing ':' in substitution") },
    { word: '${T%p}', fe: 7, want: { value: 'e' } },
    { word: '${T#e}', fe: 7, want: { value: 'p' } },
    { word: '${T/e/x}', fe: 7, want: { value: 'xp' } },
    { word: '${T:%p}', fe: 9, want: { value: 'e' } },
    { word: '${T:%p}', fe: 10, want: err('${T:%p}', 'unsupported modifier (:%) in substitution') },
  ])('$word (1.$fe)', ({ word, fe, want }) => {
    expect(expandWord(word, T, '\\', fe)).toEqual(want);
  });
});

// imagebuilder's lexer (`frontend` 0: buildah). Rows recorded with podman 4.3.1 / buildah 1.28.2
// (test/fixtures/engine/podman-4.3.1-rules.json, family rule-arg-expansion) or read from imagebuilder 4151e43 shell_parser.go.
describe('expandWord with imagebuilder lexer (buildah)', () => {
  const T = vars({ T: 'ep', E: '' });
  test.for([
    { word: 'a-${T:-${U:-x}}', want: { value: 'a-ep' } },
    { word: 'a-${E:+x}', want: { value: 'a-' } },
    { word: 'a-${T:+x}', want: { value: 'a-x' } },
    { word: 'a-${}:1', want: { value: 'a-:1' } },
    { word: 'a-$$-$@-$1x', want: { value: 'a-$$-$@-x' } },
    { word: 'a-\\$T', want: { value: 'a-$T' } },
    { word: "'a-${T}'", want: { value: 'a-${T}' } },
    { word: 'a-${T%p}:1', want: { value: '', error: "Missing ':' in substitution: a-${T%p}:1" } },
    { word: 'a-${T-x}', want: { value: '', error: "Missing ':' in substitution: a-${T-x}" } },
    { word: 'a-${T:=x}', want: { value: '', error: 'Unsupported modifier (=) in substitution: a-${T:=x}' } },
    { word: 'a-${T:?no', want: { value: '', error: 'unexpected end of statement while looking for matching }' } },
    { word: 'a-${T:1', want: { value: '', error: 'unexpected end of statement while looking for matching }' } },
    { word: 'a-"${T}', want: { value: '', error: 'unexpected end of statement while looking for matching double-quote' } },
  ])('$word', ({ word, want }) => {
    expect(expandWord(word, T, '`', 0)).toEqual(want);
  });
});
