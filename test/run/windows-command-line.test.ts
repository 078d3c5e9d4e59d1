import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { quoteWindowsArg } from '../../src/run/windows-command-line.js';
import { evaluateDockerfile, resolveDockerRun, windowsCommandLine } from '../../src/index.js';

// Source: golang/go b10ad380 src/syscall/exec_windows_test.go TestEscapeArg (the same rules as
// golang.org/x/sys/windows EscapeArg, which moby daemon/oci_windows.go and containerd spec_windows.go call).
const ESCAPE_ARG = [
  ['', '""'],
  ['a', 'a'],
  [' ', '" "'],
  ['\\', '\\'],
  ['"', '\\"'],
  ['\\"', '\\\\\\"'],
  ['\\\\"', '\\\\\\\\\\"'],
  ['\\\\ ', '"\\\\ "'],
  [' \\\\', '" \\\\\\\\"'],
  ['a ', '"a "'],
  ['C:\\', 'C:\\'],
  ['C:\\Program Files (x32)\\Common\\', '"C:\\Program Files (x32)\\Common\\\\"'],
  ['C:\\Users\\Игорь\\', 'C:\\Users\\Игорь\\'],
  ['Андрей\\file', 'Андрей\\file'],
  ['C:\\Windows\\temp', 'C:\\Windows\\temp'],
  ['\\\\?\\C:\\Windows', '\\\\?\\C:\\Windows'],
  ['\\\\server\\share\\file', '\\\\server\\share\\file'],
] as const;

describe('quoteWindowsArg (Go EscapeArg)', () => {
  test.for(ESCAPE_ARG)('%j', ([input, want]) => {
    expect(quoteWindowsArg(input)).toBe(want);
  });

  // CommandLineToArgvW / the MSVC runtime read a quoted word back: 2n backslashes + `"` → n and a quote toggle,
  // 2n+1 backslashes + `"` → n and a literal `"`, other backslashes literal. Oracle written from those rules.
  test('every quoted word reads back as itself (one word, CommandLineToArgvW rules)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\t', '"', '\\', 'x') }), (s) => {
        expect(readWindowsWords(quoteWindowsArg(s))).toEqual([s]);
      }),
    );
  });
});

// What the container is started with, per moby b985e2313a86 daemon/oci_windows.go createSpecWindowsFields (lines
// 240-246: ArgsEscaped → Path unescaped + escapeArgs(Args); else Args, joined by libcontainerd escapeArgs).
describe('windowsCommandLine', () => {
  test.for([
    { name: 'BuildKit shell-form CMD (ArgsEscaped true): cmd /S /C and the quoted script', argv: ['cmd', '/S', '/C', 'echo hi'], escaped: true, want: 'cmd /S /C "echo hi"' },
    { name: 'classic builder shell form (one string, ArgsEscaped true): passed unsplit', argv: ['cmd /S /C echo hi'], escaped: true, want: 'cmd /S /C echo hi' },
    { name: 'the same list without ArgsEscaped: one quoted program name', argv: ['cmd /S /C echo hi'], escaped: false, want: '"cmd /S /C echo hi"' },
    {
      name: 'exec form with a space in the path, ArgsEscaped true (BuildKit sets it for every CMD)',
      argv: ['C:\\Program Files\\app.exe', 'a b'],
      escaped: true,
      want: 'C:\\Program Files\\app.exe "a b"',
    },
    { name: 'exec form without ArgsEscaped', argv: ['C:\\Program Files\\app.exe', 'a b'], escaped: false, want: '"C:\\Program Files\\app.exe" "a b"' },
    { name: 'an empty argument', argv: ['app', ''], escaped: true, want: 'app ""' },
  ])('$name', ({ argv, escaped, want }) => {
    expect(windowsCommandLine(argv, escaped)).toBe(want);
  });

  // containerd 301026e58c61 internal/cri/opts/spec_windows.go WithProcessCommandLineOrArgsForWindows: the first word
  // stays unescaped only when it comes from the image.
  test('Kubernetes on containerd: a command from the Pod is escaped whole', () => {
    expect(windowsCommandLine(['cmd /S /C echo hi'], true, false)).toBe('"cmd /S /C echo hi"');
  });

  test('a Windows Dockerfile end to end: classic builder and BuildKit store different lists, the same command line runs', () => {
    const text = 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD echo hi\n';
    const baseImages = { 'mcr.microsoft.com/windows/servercore:ltsc2022': { cmd: ['c:\\windows\\system32\\cmd.exe'], os: 'windows' as const } };
    const lines = (['buildkit', 'classic'] as const).map((builder) => {
      const r = evaluateDockerfile(text, { baseImages, builder });
      if (!r.ok) throw new Error(r.issues[0].message);
      const run = resolveDockerRun(r.config);
      if (!run.ok) throw new Error(run.issues[0].message);
      return [r.config.cmd, windowsCommandLine(run.argv, r.config.argsEscaped === true)];
    });
    expect(lines).toEqual([
      [['cmd', '/S', '/C', 'echo hi'], 'cmd /S /C "echo hi"'],
      [['cmd /S /C echo hi'], 'cmd /S /C echo hi'],
    ]);
  });
});

// Helpers

/** CommandLineToArgvW's word splitting (Microsoft "Parsing C++ command-line arguments"), for the round trip. */
function readWindowsWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) break;
    let word = '';
    let quoted = false;
    while (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) {
      let slashes = 0;
      while (line[i] === '\\') {
        slashes++;
        i++;
      }
      if (line[i] === '"') {
        word += '\\'.repeat(Math.floor(slashes / 2));
        if (slashes % 2 === 1) word += '"';
        else quoted = !quoted;
        i++;
      } else word += '\\'.repeat(slashes);
      if (i < line.length && line[i] !== '"' && line[i] !== '\\' && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) word += line[i++];
    }
    words.push(word);
  }
  return words;
}
