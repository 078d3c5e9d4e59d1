import { describe, expect, test } from 'vitest';
import { quoteCommandLine, quoteMsvcArgument, quotePowerShellWord } from '../../src/convert/shell-quote.js';

// Sources: Microsoft "Parsing C++ command-line arguments" (the rules Go's syscall.EscapeArg and
// os.Args follow on Windows); cmd.exe's `^` escape outside quotes; PowerShell about_Quoting_Rules
// (single quotes doubled, typographic single quotes are quotes too) and 7.3's Standard argument passing.
describe('quoteMsvcArgument', () => {
  test.for([
    ['a', 'a'],
    ['', '""'],
    ['a b', '"a b"'],
    ['a"b', '"a\\"b"'],
    ['a\\b', 'a\\b'],
    ['a\\ b\\', '"a\\ b\\\\"'],
    ['a\\"b c', '"a\\\\\\"b c"'],
  ] as const)('%j → %s', ([word, quoted]) => expect(quoteMsvcArgument(word)).toBe(quoted));
});

describe('quotePowerShellWord', () => {
  test.for([
    ['run', 'run'],
    ['--rm', '--rm'],
    ['/bin/sh', '/bin/sh'],
    ['', "''"],
    ["it's", "'it''s'"],
    ['a,b', "'a,b'"],
    ['$HOME', "'$HOME'"],
    ['--%', "'--%'"],
    ['-x.y', "'-x.y'"],
    ['\u2019', "'\u2019\u2019'"],
  ] as const)('%j → %s', ([word, quoted]) => expect(quotePowerShellWord(word)).toBe(quoted));
});

describe('quoteCommandLine', () => {
  test('cmd: metacharacters outside quotes get a caret', () => {
    expect(quoteCommandLine(['echo', 'a&b', 'c d&e'], 'cmd').line).toBe('echo a^&b "c d&e"');
  });
  test('cmd: a quote inside an argument flips cmd.exe quoting, and the carets follow it', () => {
    expect(quoteCommandLine(['x', 'a "b" c|d'], 'cmd').line).toBe('x "a \\"b\\" c|d"');
  });
  test('cmd: line breaks are an error, % a warning', () => {
    expect(quoteCommandLine(['a\nb'], 'cmd').diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(quoteCommandLine(['%PATH%'], 'cmd').diagnostics.map((d) => d.severity)).toEqual(['warning']);
  });
  test('posix: the house quoting', () => {
    expect(quoteCommandLine(['a b', "it's"], 'posix').line).toBe("'a b' 'it'\\''s'");
  });
});
