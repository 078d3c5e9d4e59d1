import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DIAGNOSTICS, formatArgv } from '../../src/index.js';
import { splitShellWords } from '../../src/run/posix-words.js';

// Expected values: POSIX XCU 2.2-2.3, 2.10.1; checked against `sh -c 'printf "[%s]" …'` (dash) by hand.
const rows: { line: string; words: string[]; codes?: string[] }[] = [
  { line: `a 'b c' "d e" f\\ g`, words: ['a', 'b c', 'd e', 'f g'] },
  { line: `"a\\"b" 'a\\b' "a\\b" "\\$x"`, words: ['a"b', 'a\\b', 'a\\b', '$x'] },
  { line: 'a \\\n b', words: ['a', 'b'] },
  { line: `"" ''`, words: ['', ''] },
  { line: `a"b"'c'd`, words: ['abcd'] },
  { line: 'a $HOME "${X:-a b}" $(echo a b) `echo c d`', words: ['a', '$HOME', '${X:-a b}', '$(echo a b)', '`echo c d`'], codes: ['run-line-expansion'] },
  { line: 'a b#c # d', words: ['a', 'b#c'], codes: ['run-line-comment'] },
  { line: 'a && b', words: ['a'], codes: ['run-line-operator'] },
  { line: 'a;b', words: ['a'], codes: ['run-line-operator'] },
  { line: 'a | b', words: ['a'], codes: ['run-line-operator'] },
  { line: 'a 2>/dev/null b', words: ['a', 'b'], codes: ['run-line-redirection'] },
  { line: 'a >\\\n> f b', words: ['a', 'b'], codes: ['run-line-redirection'] },
  { line: 'a 2>&1 b', words: ['a', 'b'], codes: ['run-line-redirection'] },
  { line: 'a x2>f', words: ['a', 'x2'], codes: ['run-line-redirection'] },
  { line: 'a "2">f', words: ['a', '2'], codes: ['run-line-redirection'] },
  { line: 'a\nb', words: ['a'], codes: ['run-line-operator'] },
  { line: 'a *.txt ~/x', words: ['a', '*.txt', '~/x'], codes: ['run-line-expansion'] },
];

// A redirection anywhere in a simple command is removed with its target; the words after it go on.
// Live: dash 0.5.12-2 and bash 5.2.15-2+b8 (Debian 12), 2026-12-02, each line run as
// `sh -c "exec 3>&1; f() { for a; do printf '[%s]' \"\$a\" >&3; done; }; f LINE"`; both printed these words.
const redirectionRows: { line: string; words: string[] }[] = [
  { line: 'docker run img > out echo hi', words: ['docker', 'run', 'img', 'echo', 'hi'] },
  { line: '>out docker run img echo hi', words: ['docker', 'run', 'img', 'echo', 'hi'] },
  { line: 'docker run img 2>err echo hi >>log there', words: ['docker', 'run', 'img', 'echo', 'hi', 'there'] },
  { line: '<&- docker run img <>rw echo', words: ['docker', 'run', 'img', 'echo'] },
  { line: 'docker run img echo >|clob hi', words: ['docker', 'run', 'img', 'echo', 'hi'] },
  { line: 'docker run -e A=1>f img x', words: ['docker', 'run', '-e', 'A=1', 'img', 'x'] },
  { line: 'docker run img 3>&1 echo hi', words: ['docker', 'run', 'img', 'echo', 'hi'] },
];

describe('splitShellWords', () => {
  test.for(rows)('$line', ({ line, words, codes }) => {
    const r = splitShellWords(line);
    if (!r.ok) throw new Error(r.issues[0].message);
    expect(r.words.map((w) => w.value)).toEqual(words);
    expect([...new Set(r.diagnostics.map((d) => d.code))]).toEqual(codes ?? []);
    for (const d of r.diagnostics) expect(DIAGNOSTICS).toHaveProperty(d.code);
  });
  test.for(redirectionRows)('redirection mid-command: $line', ({ line, words }) => {
    const r = splitShellWords(line);
    expect(r.ok && r.words.map((w) => w.value)).toEqual(words);
    expect(r.ok && r.diagnostics.map((d) => d.code)).toContain('run-line-redirection');
  });
  test.for([`a 'b`, 'a "b', 'a $(b', 'a `b', 'a ${b'])('unterminated: %s', (line) => {
    const r = splitShellWords(line);
    expect(r.ok ? 'ok' : r.issues[0].code).toBe('run-line-unterminated');
  });
  test.for(['a >', 'a > ; b', 'a 2> > f'])('redirection without target: %s', (line) => {
    const r = splitShellWords(line);
    expect(r.ok ? 'ok' : r.issues[0].code).toBe('run-line-redirection-target');
  });
  test('columns are 1-based per line', () => {
    const r = splitShellWords('docker run \\\n  -it img');
    expect(r.ok && r.words.map((w) => [w.line, w.column])).toEqual([
      [1, 1],
      [1, 8],
      [2, 3],
      [2, 7],
    ]);
  });
  test("property: splitShellWords(formatArgv(argv, 'shell')) gives argv back", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 6 }), (argv) => {
        const r = splitShellWords(formatArgv(argv, 'shell'));
        expect(r.ok && r.words.map((w) => w.value)).toEqual(argv);
      }),
    );
  });
});

// Recorded: /bin/sh (dash) splitting generated lines (scripts/record-run-lines.mjs --shell).
const shellDir = new URL('../fixtures/run-command-line/', import.meta.url);
const shellFiles = readdirSync(shellDir).filter((f) => f.startsWith('sh-') && f.endsWith('.json'));
describe.each(shellFiles)('recorded %s', (file) => {
  const fx = JSON.parse(readFileSync(new URL(file, shellDir), 'utf8')) as { cases: { line: string; words?: string[]; error?: string }[] };
  test.for(fx.cases.map((c, k) => ({ ...c, k })))('line $k', (c) => {
    const r = splitShellWords(c.line);
    // Expansions are kept as written on purpose (a shell would substitute them): no comparison then.
    if (r.diagnostics.some((d) => d.code === 'run-line-expansion')) return;
    if (c.error !== undefined) {
      // A syntax error after the first command (later line/after ;) is outside what we parse.
      const firstCommandOnly = !r.ok || r.rest === '';
      if (firstCommandOnly) expect(r.ok ? r.words.map((w) => w.value) : 'error').toBe('error');
      return;
    }
    expect(r.ok ? r.words.map((w) => w.value) : r.issues[0].message).toEqual(c.words);
  });
});
