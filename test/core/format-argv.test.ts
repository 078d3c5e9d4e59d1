import { describe, expect, test } from 'vitest';
import { quoteShellWord } from '../../src/core/format-argv.js';
import { formatArgv } from '../../src/index.js';

// Source: POSIX shell quoting (single quotes preserve everything; ' is written '\'').
describe('formatArgv', () => {
  test.for([
    { argv: ['/bin/sh', '-c', 'echo $HOME'], shell: "/bin/sh -c 'echo $HOME'", json: '["/bin/sh", "-c", "echo $HOME"]', plain: '/bin/sh -c echo $HOME' },
    { argv: ['a', ''], shell: "a ''", json: '["a", ""]', plain: 'a ' },
    { argv: ["it's"], shell: "'it'\\''s'", json: '["it\'s"]', plain: "it's" },
    { argv: [], shell: '', json: '[]', plain: '' },
    { argv: ['--x=1', 'a@b:c/d.e,f%g+h'], shell: '--x=1 a@b:c/d.e,f%g+h', json: '["--x=1", "a@b:c/d.e,f%g+h"]', plain: '--x=1 a@b:c/d.e,f%g+h' },
  ])('$argv', ({ argv, shell, json, plain }) => {
    expect(formatArgv(argv, 'shell')).toBe(shell);
    expect(formatArgv(argv, 'json')).toBe(json);
    expect(formatArgv(argv, 'plain')).toBe(plain);
    expect(formatArgv(argv)).toBe(json);
  });

  test.for(['~', '*', '?', '[a]', '#x', 'a b', 'a\nb', '!', '{a,b}', '&', ';', '`x`', '"', '\\'])('quotes %s', (word) => {
    expect(quoteShellWord(word).startsWith("'")).toBe(true);
  });

  test('bad style and bad argv throw TypeError', () => {
    expect(() => formatArgv(['a'], 'yaml' as 'json')).toThrow(TypeError);
    expect(() => formatArgv('a' as unknown as string[])).toThrow('argv must be an array, got string');
  });
});
