import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readDotEnvFiles } from '../../src/compose/dotenv.js';
import { parseDotEnv, resolveComposeFile } from '../../src/index.js';

// Sources of truth: compose-spec/compose-go v2.13.0, dotenv/parser.go, dotenv/godotenv.go,
// dotenv/env.go (GetEnvFromFile), cli/options.go (WithDotEnv, Mapping.Merge). Rows marked
// `godotenv_test.go:N` are that test file's parseAndCompare / fixture vectors at line N.

const R = String.raw;

/** [file text, expected values, source]. */
const VALUES: readonly (readonly [string, Record<string, string>, string])[] = [
  ['FOO=bar', { FOO: 'bar' }, 'godotenv_test.go:314'],
  ['FOO =bar', { FOO: 'bar' }, 'godotenv_test.go:317'],
  ['FOO= bar', { FOO: 'bar' }, 'godotenv_test.go:318'],
  ['FOO="bar"', { FOO: 'bar' }, 'godotenv_test.go:321'],
  ["FOO='bar'", { FOO: 'bar' }, 'godotenv_test.go:324'],
  [R`FOO="escaped\"bar"`, { FOO: 'escaped"bar' }, 'godotenv_test.go:327'],
  [R`FOO="\"quoted\""`, { FOO: '"quoted"' }, 'godotenv_test.go:328'],
  [`FOO="'d'"`, { FOO: "'d'" }, 'godotenv_test.go:331'],
  ['OPTION_A: 1', { OPTION_A: '1' }, 'godotenv_test.go:334 (yaml style)'],
  ['OPTION_A: Foo=bar', { OPTION_A: 'Foo=bar' }, 'godotenv_test.go:337'],
  ['OPTION_A=1:B', { OPTION_A: '1:B' }, 'godotenv_test.go:340'],
  ['export OPTION_A=2', { OPTION_A: '2' }, 'godotenv_test.go:343'],
  [R`export OPTION_B='\n'`, { OPTION_B: R`\n` }, 'godotenv_test.go:344'],
  ['export exportFoo=2', { exportFoo: '2' }, 'godotenv_test.go:345'],
  ['exportFOO=2', { exportFOO: '2' }, 'godotenv_test.go:346'],
  ['export_FOO =2', { export_FOO: '2' }, 'godotenv_test.go:347'],
  ['export.FOO= 2', { 'export.FOO': '2' }, 'godotenv_test.go:348'],
  ['export\tOPTION_A=2', { OPTION_A: '2' }, 'godotenv_test.go:349'],
  ['  export OPTION_A=2', { OPTION_A: '2' }, 'godotenv_test.go:350'],
  ['export OPTION_A="export A"', { OPTION_A: 'export A' }, 'godotenv_test.go:352'],
  [R`FOO="bar\nbaz"`, { FOO: 'bar\nbaz' }, 'godotenv_test.go:356'],
  [R`FOO=a\tb`, { FOO: R`a\tb` }, 'godotenv_test.go:357 (no escapes unquoted)'],
  [R`FOO="a\tb"`, { FOO: 'a\tb' }, 'godotenv_test.go:358'],
  [R`KEY="Z\aZ\bZ\fZ\nZ\rZ\tZ\vZ\\Z\0123Z"`, { KEY: 'Z\x07Z\bZ\fZ\nZ\rZ\tZ\vZ\\ZSZ' }, 'godotenv_test.go:362'],
  ['FOO.BAR=foobar', { 'FOO.BAR': 'foobar' }, 'godotenv_test.go:366'],
  ['FOO=foobar=', { FOO: 'foobar=' }, 'godotenv_test.go:370'],
  ['FOO=bar ', { FOO: 'bar' }, 'godotenv_test.go:374'],
  ['FOO=bar # this is foo', { FOO: 'bar' }, 'godotenv_test.go:378'],
  ['FOO=bar #this is foo', { FOO: 'bar' }, 'godotenv_test.go:379'],
  ['FOO=bar #', { FOO: 'bar' }, 'godotenv_test.go:380'],
  ['FOO=123#not-an-inline-comment', { FOO: '123#not-an-inline-comment' }, 'godotenv_test.go:381'],
  ['FOO="bar#baz"#', { FOO: 'bar#baz' }, 'godotenv_test.go:386'],
  ['FOO="bar#baz" # comment', { FOO: 'bar#baz' }, 'godotenv_test.go:387'],
  ["FOO='bar#baz' # comment", { FOO: 'bar#baz' }, 'godotenv_test.go:388'],
  [R`FOO="bar\n\ b\az"`, { FOO: 'bar\n\\ b\x07z' }, 'godotenv_test.go:398'],
  [R`FOO="bar\\\n\ b\az"`, { FOO: 'bar\\\n\\ b\x07z' }, 'godotenv_test.go:399'],
  [R`FOO="bar\\r\ b\az"`, { FOO: 'bar\\r\\ b\x07z' }, 'godotenv_test.go:400'],
  [R`FOO="bar\nbaz\\"`, { FOO: 'bar\nbaz\\' }, 'godotenv_test.go:401'],
  ['="value"', { '': 'value' }, 'godotenv_test.go:403'],
  [' KEY =value', { KEY: 'value' }, 'godotenv_test.go:406'],
  ['\tKEY=value', { KEY: 'value' }, 'godotenv_test.go:408'],
  [R`KEY="\0123"`, { KEY: 'S' }, 'godotenv_test.go:411'],
  [R`KEY="\x07"`, { KEY: R`\x07` }, 'godotenv_test.go:414'],
  [R`KEY="\u12e4"`, { KEY: R`\u12e4` }, 'godotenv_test.go:415'],
  [
    'a=b\na[1]=c\na.propertyKey=d\nárvíztűrő-TÜKÖRFÚRÓGÉP=ÁRVÍZTŰRŐ-tükörfúrógép\n',
    { a: 'b', 'a[1]': 'c', 'a.propertyKey': 'd', 'árvíztűrő-TÜKÖRFÚRÓGÉP': 'ÁRVÍZTŰRŐ-tükörfúrógép' },
    'parser_test.go TestParseBytes',
  ],
  [
    "OPTION_J = 'first line\nsecond line'\nOPTION_K='Let\\'s go!'\nOPTION_I = \"echo 'asd'\" # Inline comment\n",
    { OPTION_J: 'first line\nsecond line', OPTION_K: "Let's go!", OPTION_I: "echo 'asd'" },
    'fixtures/quoted.env',
  ],
  [
    'OPTION_A=${OPTION_A:-1}\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\nOPTION_D=${OPTION_A}_${OPTION_B}\nOPTION_E=${OPTION_NOT_DEFINED}\n',
    { OPTION_A: '1', OPTION_B: '1', OPTION_C: '1', OPTION_D: '1_1', OPTION_E: '' },
    'fixtures/substitutions-default.env',
  ],
  ['# c\n\r\n\t # c\n', {}, 'godotenv_test.go TestLinesToIgnore'],
  // Derived from parser.go (no upstream vector):
  ['\ufeffK=v\n', { K: 'v' }, 'godotenv.go parseWithLookup: UTF-8 BOM trimmed'],
  ['A=x\r\nB="y"\r\n', { A: 'x', B: 'y' }, 'parser.go: TrimRightFunc(unicode.IsSpace) drops the CR'],
  ['D= #z', { D: '#z' }, 'parser.go: spaces after = are trimmed before the " #" cut'],
  ['E=\'lit $X\\n\'\nF="\\$X $$X"\n', { E: 'lit $X\\n', F: '$X $X' }, 'parser.go: single quotes literal; \\$ → $$'],
  [R`O="\01 \0777 \0101"`, { O: R`\01 \0777 A` }, 'parser.go expandEscapes: \0 + 3 octal digits ≤ 0377, else literal'],
  ['A="x" junk\nB=1\n', { A: 'x', B: '1' }, 'parser.go: text after a closing quote is read as the next statement'],
  ['A\tB=1\n', { 'A\tB': '1' }, 'parser.go: only " " is rejected inside a key'],
  ['FOO', { '': 'FOO' }, 'parser.go locateKeyName: no =, :, or newline before EOF'],
  ['A=1\nB=${A}2\n', { A: '1', B: '12' }, 'godotenv.go expandVariables: earlier keys'],
];

describe('parseDotEnv: values', () => {
  test.each(VALUES)('%j → %j (%s)', (text, values) => {
    const got = parseDotEnv(text);
    expect(got.ok && { ...got.values }).toEqual(values);
  });
});

/** [file text, code, message, line, column, source]. */
const ERRORS: readonly (readonly [string, string, string, number, number, string])[] = [
  ['%!(EXTRA string)=foo', 'dotenv-invalid-key', 'line 1: unexpected character "%" in variable name "%!(EXTRA string)=foo"', 1, 1, 'parser_test.go TestParseVariable'],
  ['lol$wut', 'dotenv-invalid-key', 'line 1: unexpected character "$" in variable name "lol$wut"', 1, 4, 'godotenv_test.go:419'],
  [
    '# some comments\nfoo="\n  a\n  multine\n  value\n"\nINVALID LINE\nzot=qix',
    'dotenv-invalid-key',
    'line 7: key cannot contain a space',
    7,
    1,
    'fixtures/invalid1.env, godotenv_test.go TestErrorParsing',
  ],
  ['KEY="', 'dotenv-unterminated-quote', 'line 1: unterminated quoted value "', 1, 5, 'godotenv_test.go TestUnterminatedQuotes'],
  [R`KEY="value\"`, 'dotenv-unterminated-quote', R`line 1: unterminated quoted value "value\"`, 1, 5, 'godotenv_test.go TestUnterminatedQuotes'],
  [`A=1\nKEY='value"\nB=2`, 'dotenv-unterminated-quote', `line 2: unterminated quoted value 'value"`, 2, 5, 'godotenv_test.go TestUnterminatedQuotes'],
  ['export ', 'dotenv-invalid-key', 'zero length string', 1, 1, 'parser.go locateKeyName'],
  ['A=${B:?need b}', 'dotenv-interpolation-invalid', 'line 1: required variable B is missing a value: need b', 1, 3, 'godotenv_var_expansion_test.go TestErrorIfEmptyOrUnset'],
  ['A="${B"', 'dotenv-interpolation-invalid', 'line 1: invalid interpolation format for "${B": missing closing brace', 1, 3, 'template.go'],
];

describe('parseDotEnv: errors', () => {
  test.each(ERRORS)('%j → %s (%s)', (text, code, message, line, column) => {
    expect(parseDotEnv(text, { source: '.env' })).toEqual({ ok: false, issues: [{ code, message, line, column, source: '.env' }], diagnostics: [] });
  });
});

describe('parseDotEnv: the lookup environment', () => {
  test('KEY alone takes the environment value, and is skipped when unset (fixtures/inherited-multi-var.env)', () => {
    const got = parseDotEnv('foo=bar\nVAR_TO_BE_LOADED_FROM_OS_ENV\nMISSING\nbar=baz\n', { environment: { VAR_TO_BE_LOADED_FROM_OS_ENV: 'SOME_RANDOM_VALUE' } });
    expect(got.ok && { ...got.values }).toEqual({ foo: 'bar', VAR_TO_BE_LOADED_FROM_OS_ENV: 'SOME_RANDOM_VALUE', bar: 'baz' });
  });
  test('the environment wins over earlier keys in ${VAR} (env.go GetEnvFromFile lookup order)', () => {
    const got = parseDotEnv('A=file\nB=${A}\n', { environment: { A: 'os' } });
    expect(got.ok && got.values['B']).toBe('os');
  });
  test('unset variables become empty with a warning; the last-line quirk warns', () => {
    const got = parseDotEnv('A=$NOPE\nFOO');
    expect(got.ok && got.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['compose-unresolved-variable', 1],
      ['dotenv-no-key', 2],
    ]);
  });
  test('a __proto__ key is an ordinary value', () => {
    const got = parseDotEnv('__proto__=x\n');
    expect(got.ok && Object.hasOwn(got.values, '__proto__') && got.values['__proto__']).toBe('x');
  });
});

describe('readDotEnvFiles and resolveComposeFile: precedence', () => {
  test('a later file overrides an earlier one and sees its values (env.go GetEnvFromFile: one map)', () => {
    const got = readDotEnvFiles([{ text: 'A=1\nB=1\n' }, { text: 'B=2\nC=${A}${B}\n' }]);
    expect(got.ok && { ...got.values }).toEqual({ A: '1', B: '2', C: '12' });
  });
  test('the error names its file', () => {
    const got = readDotEnvFiles([
      { text: 'A=1\n', source: 'a.env' },
      { text: 'B="', source: 'b.env' },
    ]);
    expect(!got.ok && got.issues[0]).toMatchObject({ code: 'dotenv-unterminated-quote', source: 'b.env', line: 1 });
  });
  const yaml = 'services:\n  web:\n    image: img\n    command: ["${A}", "${B}", "${C:-none}"]\n';
  const argv = (options: Parameters<typeof resolveComposeFile>[1]) => {
    const got = resolveComposeFile(yaml, options);
    const r = got.ok ? got.services[0]?.result : undefined;
    return got.ok ? r?.ok === true && r.complete && r.argv : got.issues[0]?.code;
  };
  test('environment wins over .env; .env fills the rest (options.go WithDotEnv, Mapping.Merge)', () => {
    expect(argv({ images: { img: {} }, environment: { A: 'os' }, envFiles: [{ text: 'A=file\nB=file\n' }] })).toEqual(['os', 'file', 'none']);
  });
  test('a broken .env fails the whole file', () => {
    expect(argv({ images: { img: {} }, envFiles: [{ text: 'A B=1\n' }] })).toBe('dotenv-invalid-key');
  });
});

describe('parseDotEnv: properties', () => {
  const keyArb = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
  test("KEY='v' reads back v for any v without a single quote or backslash", () => {
    fc.assert(
      fc.property(
        keyArb,
        fc.string({ maxLength: 30 }).filter((v) => !v.includes("'") && !v.includes('\\')),
        (k, v) => {
          const got = parseDotEnv(`${k}='${v}'\n`);
          expect(got.ok && got.values[k]).toBe(v);
        },
      ),
    );
  });
  test('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('A', '=', ':', ' ', '\n', '\r', '#', "'", '"', '\\', '$', '{', '}', 'export ', '\t', '-', 'é'), maxLength: 40 }), (text) => {
        const got = parseDotEnv(text);
        expect(typeof got.ok).toBe('boolean');
      }),
    );
  });
});
