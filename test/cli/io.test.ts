import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EventEmitter } from 'node:events';
import { EXIT_BROKEN_PIPE, InputError, UsageError, exitOnBrokenPipe, palette, parseJsonInput, readInput, useColor, type CliIO } from '../../src/cli/io.js';

const dir = mkdtempSync(join(tmpdir(), 'container-argv-io-'));
writeFileSync(join(dir, 'a.txt'), 'from a file\n');
const io: CliIO = {
  stdout: { write: () => undefined },
  stderr: { write: () => undefined },
  readStdin: async () => 'from stdin',
  env: {},
  cwd: dir,
};

// Source: https://no-color.org ("when present and not an empty string") and the FORCE_COLOR convention
// of supports-color / Node's own tty.hasColors (0 and false turn it off).
describe('useColor', () => {
  test.for([
    [{}, false, false],
    [{}, true, true],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ] as const)('useColor(env %j, tty %s) = %s', ([env, isTTY, expected]) => {
    expect(useColor({ write: () => undefined, isTTY }, env)).toBe(expected);
  });

  test.for([
    ['false', false],
    ['true', true],
    ['', true],
  ] as const)('FORCE_COLOR=%j → %s, whatever the TTY', ([force, expected]) => {
    expect(useColor({ write: () => undefined }, { FORCE_COLOR: force })).toBe(expected);
  });
});

// Source: ECMA-48 SGR codes (bold 1/22, faint 2/22, red 31/39, yellow 33/39, cyan 36/39, green 32/39).
describe('palette', () => {
  test.for([
    ['bold', '\u001b[1mx\u001b[22m'],
    ['dim', '\u001b[2mx\u001b[22m'],
    ['red', '\u001b[31mx\u001b[39m'],
    ['yellow', '\u001b[33mx\u001b[39m'],
    ['cyan', '\u001b[36mx\u001b[39m'],
    ['green', '\u001b[32mx\u001b[39m'],
  ] as const)('%s wraps text in its SGR pair; off, it is the identity', ([style, coloured]) => {
    expect(palette(true)[style]('x')).toBe(coloured);
    expect(palette(false)[style]('x')).toBe('x');
  });
});

describe('readInput', () => {
  test('reads a file relative to io.cwd, an absolute path, and stdin for -', async () => {
    expect(await readInput(io, 'a.txt')).toBe('from a file\n');
    expect(await readInput(io, join(dir, 'a.txt'))).toBe('from a file\n');
    expect(await readInput(io, '-')).toBe('from stdin');
  });

  test.for([
    ['missing.txt', 'cannot read "missing.txt": no such file'],
    ['.', 'cannot read ".": is a directory'],
  ] as const)('%s → InputError %j', async ([path, message]) => {
    const error = await readInput(io, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(message);
  });
});

describe('parseJsonInput', () => {
  test('parses JSON', () => {
    expect(parseJsonInput('{"a": [1]}', 'x.json')).toEqual({ a: [1] });
  });

  test('invalid JSON is an InputError naming the file and JSON.parse’s reason', () => {
    let reason = '';
    try {
      JSON.parse('{"a": ');
    } catch (e) {
      reason = (e as Error).message;
    }
    expect(() => parseJsonInput('{"a": ', 'x.json')).toThrow(new InputError(`x.json: invalid JSON: ${reason}`));
  });
});

describe('error classes', () => {
  test.for([
    [UsageError, 'UsageError'],
    [InputError, 'InputError'],
  ] as const)('%o has its own name and is an Error', ([Class, name]) => {
    const e = new Class('m');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(name);
    expect(e.message).toBe('m');
  });
});

// `container-argv lint . | head -3` crashed with "Error: write EPIPE" and a stack trace once head
// had read its lines (Node 20 emits EPIPE as an 'error' event on process.stdout).
describe('exitOnBrokenPipe', () => {
  const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
  test('a closed reader (EPIPE) exits with 141, as a tool killed by SIGPIPE', () => {
    const stream = new EventEmitter();
    const codes: number[] = [];
    exitOnBrokenPipe(stream, (code) => codes.push(code));
    stream.emit('error', epipe);
    expect(codes).toEqual([EXIT_BROKEN_PIPE]);
  });
  test('any other write error is thrown as before', () => {
    const stream = new EventEmitter();
    exitOnBrokenPipe(stream, () => undefined);
    expect(() => stream.emit('error', Object.assign(new Error('write EIO'), { code: 'EIO' }))).toThrow('write EIO');
  });
});
