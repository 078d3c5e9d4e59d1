import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseDockerfile } from '../../src/index.js';
import { parseInstructionCommand } from '../../src/dockerfile/evaluate.js';
import { parseDockerfileWith } from '../../src/dockerfile/parser.js';
import { engineProfile } from '../../src/core/engine-profile.js';
import type { StringArrayDecoding } from '../../src/internal/go-json.js';

describe('parseDockerfileWith: decodings', () => {
  test("reusing the parser's decoding of exec-form text gives what decoding it again gives", () => {
    const keyword = fc.constantFrom('CMD', 'ENTRYPOINT', 'SHELL', 'cmd', 'ONBUILD CMD');
    const space = fc.constantFrom(' ', '\t', '\u00a0', '\u2003 ', '  ');
    const flags = fc.constantFrom('', '-- ', '--x=y ', '--x="a b" ', '--p=`"` -- ', '--p=\\" ');
    const args = fc.oneof(
      fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }).map((a) => JSON.stringify(a)),
      fc.constantFrom('[]', '[1]', '["a", 1]', '["a"] b', '["a",]', '[', '["\\ud800"]', '[1e400]', 'a b', '[ "a" ]\u00a0'),
      fc.string({ maxLength: 12 }).map((s) => `[${s}`),
    );
    const instruction = fc.tuple(keyword, space, flags, args).map((p) => p.join(''));
    const profiles = [{}, { engineVersion: '20.10.24' }, { engine: 'podman' as const }, { builder: 'classic' as const }].map((o) => engineProfile(o));
    fc.assert(
      fc.property(fc.boolean(), fc.array(instruction, { minLength: 1, maxLength: 4 }), fc.constantFrom(...profiles), (backtick, lines, profile) => {
        const decodings: (StringArrayDecoding | null)[] = [];
        const parsed = parseDockerfileWith([backtick ? '# escape=`' : '', 'FROM scratch', ...lines].join('\n'), profile, undefined, decodings);
        if (!parsed.ok) return;
        expect(decodings).toHaveLength(parsed.instructions.length);
        parsed.instructions.forEach((instr, k) => {
          if (!['CMD', 'ENTRYPOINT', 'SHELL'].includes(instr.keyword)) return;
          const fresh = parseInstructionCommand(instr, parsed.escapeToken, profile);
          expect(parseInstructionCommand(instr, parsed.escapeToken, profile, decodings[k])).toEqual(fresh);
        });
      }),
    );
  });
});

// moby/buildkit frontend/dockerfile/parser/parser_heredoc_test.go TestParseExtractsHeredoc (0b77373a): each
// instruction after `FROM alpine:3.6`, its heredocs as [name, content, expand, chomp] (FileDescriptor is not kept).
const HEREDOCS: { text: string; want: [string, string, boolean, boolean][] }[] = [
  { text: 'RUN ls', want: [] },
  { text: 'USER <<INVALID\nINVALID', want: [] },
  { text: 'RUN <<EMPTY\nEMPTY', want: [['EMPTY', '', true, false]] },
  { text: 'RUN 3<<EMPTY2\nEMPTY2', want: [['EMPTY2', '', true, false]] },
  { text: 'RUN "<<NOHEREDOC"', want: [] },
  { text: 'RUN <<INDENT\n\tfoo\n\tbar\nINDENT', want: [['INDENT', '\tfoo\n\tbar\n', true, false]] },
  { text: 'RUN <<-UNINDENT\n\tbaz\n\tquux\nUNINDENT', want: [['UNINDENT', '\tbaz\n\tquux\n', true, true]] },
  { text: 'RUN <<-UNINDENT2\n\tbaz\n\tquux\n\tUNINDENT2', want: [['UNINDENT2', '\tbaz\n\tquux\n', true, true]] },
  { text: "RUN <<-'NOEXPAND'\n\tdon't expand $NAME\nNOEXPAND", want: [['NOEXPAND', "\tdon't expand $NAME\n", false, true]] },
  {
    text: 'RUN <<COMMENT\n# internal comment\necho hello world\necho foo bar # trailing comment\nCOMMENT',
    want: [['COMMENT', '# internal comment\necho hello world\necho foo bar # trailing comment\n', true, false]],
  },
  { text: 'RUN --mount=type=cache,target=/foo <<MOUNT\necho hello\nMOUNT', want: [['MOUNT', 'echo hello\n', true, false]] },
  {
    text: 'COPY <<FILE1 <<FILE2 /dest\ncontent 1\nFILE1\ncontent 2\nFILE2',
    want: [
      ['FILE1', 'content 1\n', true, false],
      ['FILE2', 'content 2\n', true, false],
    ],
  },
  { text: 'COPY <<EOF /quotes\n"foo"\n\'bar\'\nEOF', want: [['EOF', '"foo"\n\'bar\'\n', true, false]] },
  {
    text: 'COPY <<X <<Y /dest\nY\nX\nX\nY',
    want: [
      ['X', 'Y\n', true, false],
      ['Y', 'X\n', true, false],
    ],
  },
  { text: "RUN <<COMPLEX python3\nprint('hello world')\nCOMPLEX", want: [['COMPLEX', "print('hello world')\n", true, false]] },
  { text: 'COPY <<file.txt /dest\nhello world\nfile.txt', want: [['file.txt', 'hello world\n', true, false]] },
  { text: "RUN <<eo'f'\necho foo\neof", want: [['eof', 'echo foo\n', false, false]] },
  { text: "RUN <<eo\\'f\necho foo\neo'f", want: [["eo'f", 'echo foo\n', true, false]] },
  { text: "RUN <<'e'o\\'f\necho foo\neo'f", want: [["eo'f", 'echo foo\n', false, false]] },
  { text: "RUN <<'one two'\necho bar\none two", want: [['one two', 'echo bar\n', false, false]] },
  { text: 'RUN <<$EOF\n$EOF', want: [['$EOF', '', true, false]] },
  // TestParseJSONHeredoc: exec form has no heredocs.
  { text: 'RUN ["<<EOF"]', want: [] },
  { text: 'RUN ["<<\'EOF\'"]', want: [] },
];

describe('parseDockerfile: heredocs', () => {
  test.for(HEREDOCS)('$text', ({ text, want }) => {
    const parsed = parseDockerfile(`FROM alpine:3.6\n${text}\n`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.instructions[1]!.heredocs.map((h) => [h.name, h.content, h.expand, h.chomp])).toEqual(want);
  });
});

// Keyword, builder flags and arguments (semantics.md R1.7-R1.9: buildkit split_command.go splitCommand and
// extractBuilderFlags; the rows with flags are buildkit parser testfile `flags`, 73ed6825).
describe('parseDockerfile: keyword, flags, arguments', () => {
  test.for([
    { line: 'CMD ["a"]', keyword: 'CMD', rawKeyword: 'CMD', flags: [], args: '["a"]' },
    { line: 'cmd echo hi', keyword: 'CMD', rawKeyword: 'cmd', flags: [], args: 'echo hi' },
    { line: 'Cmd \t echo  hi  ', keyword: 'CMD', rawKeyword: 'Cmd', flags: [], args: 'echo  hi' },
    { line: 'CMD', keyword: 'CMD', rawKeyword: 'CMD', flags: [], args: '' },
    { line: 'CMD --doit [ "a", "b" ]', keyword: 'CMD', rawKeyword: 'CMD', flags: ['--doit'], args: '[ "a", "b" ]' },
    { line: 'CMD --doit=true -- [ "a", "b" ]', keyword: 'CMD', rawKeyword: 'CMD', flags: ['--doit=true'], args: '[ "a", "b" ]' },
    { line: 'CMD --doit -- [ ]', keyword: 'CMD', rawKeyword: 'CMD', flags: ['--doit'], args: '[ ]' },
    { line: 'CMD -- --version', keyword: 'CMD', rawKeyword: 'CMD', flags: [], args: '--version' },
    { line: 'CMD -x y', keyword: 'CMD', rawKeyword: 'CMD', flags: [], args: '-x y' },
    { line: 'FROM --platform=linux/amd64 alpine AS base', keyword: 'FROM', rawKeyword: 'FROM', flags: ['--platform=linux/amd64'], args: 'alpine AS base' },
    { line: 'FNTRYPOINT ["x"]', keyword: 'FNTRYPOINT', rawKeyword: 'FNTRYPOINT', flags: [], args: '["x"]' },
  ])('$line', ({ line, keyword, rawKeyword, flags, args }) => {
    const parsed = parseDockerfile(`FROM scratch\n${line}\n`);
    expect(parsed.ok && parsed.instructions[1]).toMatchObject({ keyword, rawKeyword, flags, args });
  });

  // ONBUILD wraps one instruction, split the same way (buildkit parser.go: ONBUILD's argument is parsed as a
  // nested instruction; instructions/parse.go parseOnBuild).
  test('ONBUILD keeps the wrapped instruction as its trigger', () => {
    const parsed = parseDockerfile('FROM scratch\nONBUILD run --mount=type=cache,target=/c make\n');
    expect(parsed.ok && parsed.instructions[1]!.trigger).toEqual({
      keyword: 'RUN',
      rawKeyword: 'run',
      flags: ['--mount=type=cache,target=/c'],
      args: 'make',
      rawArgs: '--mount=type=cache,target=/c make',
    });
  });
});

// Positions and continuations (semantics.md R1.1-R1.6: buildkit parser.go Parse; the joined texts are the buildkit
// testfiles continueIndent and continue-at-eof, 73ed6825). `line`/`endLine` are 1-based physical lines.
describe('parseDockerfile: lines and continuations', () => {
  test.for([
    {
      name: 'continuation keeps indentation, no separator',
      text: 'FROM x\nRUN echo hello\\\n  world\\\n  goodnight  \\\n  moon\\\n  light\\\nning\n',
      original: 'RUN echo hello  world  goodnight    moon  lightning',
      line: 2,
      endLine: 7,
    },
    { name: 'no space before the escape: words join', text: 'FROM x\nRUN echo good\\\nbye\\\nfrog\n', original: 'RUN echo goodbyefrog', line: 2, endLine: 4 },
    { name: 'continuation at end of file', text: 'FROM x\nRUN something \\', original: 'RUN something ', line: 2, endLine: 2 },
    {
      name: 'comment and blank lines inside a continuation are skipped',
      text: 'FROM x\nRUN echo hello \\\n# comment\n\n  this is some more useful stuff\n',
      original: 'RUN echo hello   this is some more useful stuff',
      line: 2,
      endLine: 5,
    },
    { name: 'indented first line (R1.2), CRLF and BOM (R1.1)', text: '\ufeffFROM x\r\n   CMD a \\\r\n b\r\n', original: 'CMD a  b', line: 2, endLine: 3 },
    { name: 'a doubled escape does not continue', text: 'FROM x\nCMD a\\\\\nCMD b\n', original: 'CMD a\\\\', line: 2, endLine: 2 },
    { name: 'escape token `', text: '# escape=`\nFROM x\nCMD a \\\nCMD b `\n c\n', original: 'CMD a \\', line: 3, endLine: 3 },
  ])('$name', ({ text, original, line, endLine }) => {
    const parsed = parseDockerfile(text);
    expect(parsed.ok && parsed.instructions[1]).toMatchObject({ original, line, endLine });
  });

  // buildkit parser_test.go TestParseWarnsOnEmptyContinutationLine (0177ad8f): two warnings, for the instructions
  // with blank lines in their continuations; comment lines inside a continuation give none.
  test('an empty continuation line warns, at the instruction', () => {
    const text =
      '\nFROM alpine:3.6\n\nRUN valid \\\n    continuation\n\nRUN something \\\n\n    following \\\n\n    more\n\nRUN another \\\n\n    thing\n\nRUN non-indented \\\n# this is a comment\n   after-comment\n\nRUN indented \\\n    # this is an indented comment\n    comment\n\t';
    const parsed = parseDockerfile(text);
    expect(parsed.ok).toBe(true);
    const warnings = parsed.diagnostics.filter((d) => d.code === 'empty-continuation');
    expect(warnings.map((d) => d.message)).toEqual([
      'Empty continuation line found in: RUN something     following     more',
      'Empty continuation line found in: RUN another     thing',
    ]);
  });
});

// Parser directives (semantics.md R1.16, R1.17: buildkit parser/directives.go; testfiles escape-after-comment).
describe('parseDockerfile: directives', () => {
  test.for([
    { text: '# escape=`\nFROM x\n', directives: [['escape', '`', 1]], escapeToken: '`' },
    {
      text: '# syntax=docker/dockerfile:1\n# escape=\\\nFROM x\n',
      directives: [
        ['syntax', 'docker/dockerfile:1', 1],
        ['escape', '\\', 2],
      ],
      escapeToken: '\\',
    },
    { text: '# comment\n# escape=`\nFROM x\n', directives: [], escapeToken: '\\' },
    { text: 'FROM x\n# escape=`\n', directives: [], escapeToken: '\\' },
    { text: '# check=skip=all\nFROM x\n', directives: [['check', 'skip=all', 1]], escapeToken: '\\' },
  ])('$text', ({ text, directives, escapeToken }) => {
    const parsed = parseDockerfile(text);
    expect(parsed.ok && parsed.directives.map((d) => [d.name, d.value, d.line])).toEqual(directives);
    expect(parsed.ok && parsed.escapeToken).toBe(escapeToken);
  });
});

// Failures, with the engine's wording (buildkit parser.go; parser_test.go TestParseReturnsScannerErrors, 0177ad8f;
// instructions/parse.go errDockerfileNotStringArray; semantics.md R1.10, R1.16, R1.17).
describe('parseDockerfile: failures', () => {
  test.for([
    { name: 'repeated directive', text: '# escape=`\n# escape=\\\nFROM x\n', code: 'duplicate-directive', message: 'only one escape parser directive can be used' },
    { name: 'bad escape token', text: '# escape=x\nFROM x\n', code: 'invalid-escape-token', message: "invalid escape token 'x' does not match ` or \\" },
    { name: 'unterminated heredoc', text: 'FROM x\nRUN <<EOF\necho\n', code: 'unterminated-heredoc', message: 'unterminated heredoc' },
    {
      name: 'JSON array with a non-string',
      text: 'FROM x\nCMD ["a", 1]\n',
      code: 'json-not-strings',
      message: 'when using JSON array syntax, arrays must be comprised of strings only',
    },
    { name: 'only comments', text: '# just a comment\n\n', code: 'no-instructions', message: 'file with no instructions' },
    {
      name: 'line over 65535 bytes',
      text: `\n\t\tFROM image\n\t\tLABEL test=${'a'.repeat(65536)}\n`,
      code: 'line-too-long',
      message: 'dockerfile line greater than max allowed size of 65535',
    },
  ])('$name', ({ text, code, message }) => {
    const parsed = parseDockerfile(text);
    expect(!parsed.ok && parsed.issues[0]).toMatchObject({ code, message });
  });
});

// bufio.Scanner counts bytes: the 65535-byte line limit in UTF-8 (a lone surrogate is U+FFFD, 3 bytes, as TextEncoder
// writes it); the line is the text between newlines.
describe('parseDockerfile: the line limit counts UTF-8 bytes', () => {
  const line = (char: string, bytes: number) => {
    const width = new TextEncoder().encode(char).length;
    const body = char.repeat(Math.floor((bytes - 4) / width));
    return `CMD ${body}${'a'.repeat(bytes - 4 - new TextEncoder().encode(body).length)}`;
  };
  test.for(['é', '€', '😀', '\ud800', '\udc00', 'x\ud800'])('%j: 65535 bytes pass, 65536 fail', (char) => {
    expect(new TextEncoder().encode(line(char, 65536)).length).toBe(65536);
    expect(parseDockerfile(`FROM x\n${line(char, 65535)}\n`).ok).toBe(true);
    const long = parseDockerfile(`FROM x\n${line(char, 65536)}\n`);
    expect(!long.ok && long.issues[0]).toMatchObject({ code: 'line-too-long', line: 2 });
  });
});
