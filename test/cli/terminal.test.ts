import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { escapeControls, safeStream } from '../../src/cli/terminal.js';
import { palette } from '../../src/cli/io.js';

// The sequences a hostile file could carry (ECMA-48 / xterm control sequences): each must reach the
// terminal as text. OSC 0 sets the window title, CSI H moves the cursor, CSI 2J clears the screen,
// C1 CSI (U+009B) is a one-character CSI on some terminals, CR overwrites the line, U+202E reverses text.
/** C0 but LF and TAB, DEL, C1, bidi embeddings/overrides/isolates: written independently of the module. */
const isUnsafe = (c: number) => (c < 32 && c !== 10 && c !== 9) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

describe('escapeControls', () => {
  test.for([
    ['title \u001b]0;pwned\u0007', 'title \\u001b]0;pwned\\u0007'],
    ['\u001b[2J\u001b[H', '\\u001b[2J\\u001b[H'],
    ['a\u009b31mb', 'a\\u009b31mb'],
    ['ok\rfake', 'ok\\u000dfake'],
    ['\u202eevil', '\\u202eevil'],
    ['del\u007f', 'del\\u007f'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['\u001b[8m', '\\u001b[8m'],
    ['plain', 'plain'],
  ] as const)('%j → %j', ([input, want]) => {
    expect(escapeControls(input)).toBe(want);
  });

  test("the palette's own colours pass", () => {
    const p = palette(true);
    const coloured = `${p.bold('a')}${p.dim('b')}${p.red('c')}${p.yellow('d')}${p.cyan('e')}${p.green('f')}`;
    expect(escapeControls(coloured)).toBe(coloured);
    expect(escapeControls(p.red('\u001b]0;x\u0007'))).toBe(p.red('\\u001b]0;x\\u0007'));
  });

  prop.prop([fc.string({ unit: 'binary' })])('no control character but newline and tab survives', (s) => {
    const out = escapeControls(s);
    for (const ch of out) expect(isUnsafe(ch.codePointAt(0)!), JSON.stringify(ch)).toBe(false);
  });

  prop.prop([fc.string({ unit: 'binary' })])('JSON stays valid and decodes to the same string', (s) => {
    expect(JSON.parse(escapeControls(JSON.stringify({ s }))) as unknown).toEqual({ s });
  });
});

test('safeStream escapes what is written and keeps the raw stream', () => {
  let out = '';
  const raw = { write: (t: string) => (out += t), isTTY: true };
  const safe = safeStream(raw);
  safe.write('\u001b]0;x\u0007');
  expect(out).toBe('\\u001b]0;x\\u0007');
  expect(safe.isTTY).toBe(true);
  expect(safe.raw).toBe(raw);
});
