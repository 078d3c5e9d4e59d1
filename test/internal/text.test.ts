import { describe, expect, test } from 'vitest';
import { expectStringArray, expectType, goQuote, goTrimLeftSpace, goTrimSpace, isAsciiDigit, isAsciiLetter, isGoSpace, isReSpace, typeName } from '../../src/internal/text.js';

// Source: Go unicode.IsSpace documentation ("'\t', '\n', '\v', '\f', '\r', ' ', U+0085 (NEL), U+00A0
// (NBSP)"; beyond Latin-1 the White_Space property: U+1680, U+2000–U+200A, U+2028, U+2029, U+202F,
// U+205F, U+3000). Not spaces: U+180E (no longer White_Space since Unicode 6.3), U+200B, U+FEFF.
describe('isGoSpace', () => {
  const spaces = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2005, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000];
  const others = [0x00, 0x08, 0x0e, 0x1c, 0x1f, 0x21, 0x84, 0x86, 0x9f, 0xa1, 0x180e, 0x200b, 0x2060, 0xfeff, 0x41];
  test.for(spaces)('U+%s is a space', (c) => {
    expect(isGoSpace(c)).toBe(true);
  });
  test.for(others)('U+%s is not', (c) => {
    expect(isGoSpace(c)).toBe(false);
  });
});

// Source: Go regexp/syntax documentation, Perl character classes: `\s` ≡ `[\t\n\f\r ]` (no \v).
describe('isReSpace', () => {
  test.for([
    [0x09, true],
    [0x0a, true],
    [0x0c, true],
    [0x0d, true],
    [0x20, true],
    [0x0b, false],
    [0x85, false],
    [0xa0, false],
  ] as const)('%i → %s', ([c, want]) => {
    expect(isReSpace(c)).toBe(want);
  });
});

describe('isAsciiLetter / isAsciiDigit', () => {
  test('exactly A–Z, a–z and 0–9', () => {
    const letters = [...Array(128).keys()]
      .filter(isAsciiLetter)
      .map((c) => String.fromCharCode(c))
      .join('');
    const digits = [...Array(128).keys()]
      .filter(isAsciiDigit)
      .map((c) => String.fromCharCode(c))
      .join('');
    expect(letters).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
    expect(digits).toBe('0123456789');
    expect(isAsciiLetter(0xe9)).toBe(false);
  });
});

// Source: Go strings.TrimSpace / TrimLeftFunc(s, unicode.IsSpace): unicode.IsSpace at both ends, so
// U+0085 is trimmed and U+FEFF is not — the opposite of String.prototype.trim.
describe('goTrimSpace / goTrimLeftSpace', () => {
  test.for([
    ['  a b \t\n', 'a b', 'a b \t\n'],
    ['\u0085a\u0085', 'a', 'a\u0085'],
    ['\ufeffa\ufeff', '\ufeffa\ufeff', '\ufeffa\ufeff'],
    ['\u3000a\u2028', 'a', 'a\u2028'],
    ['', '', ''],
    [' \t ', '', ''],
    ['a', 'a', 'a'],
  ] as const)('%j → %j / %j', ([s, both, left]) => {
    expect(goTrimSpace(s)).toBe(both);
    expect(goTrimLeftSpace(s)).toBe(left);
  });
});

// Source: golang/go 0ab6ff45 src/strconv/quote_test.go quotetests (Quote column; the invalid-UTF-8 row
// has no JavaScript string) and quoterunetests (the printable runes inside a string).
describe('goQuote (strconv.Quote)', () => {
  test.for([
    ['\x07\b\f\r\n\t\v', '"\\a\\b\\f\\r\\n\\t\\v"'],
    ['\\', '"\\\\"'],
    ['\u263a', '"☺"'],
    ['\u{10ffff}', '"\\U0010ffff"'],
    ['\x04', '"\\x04"'],
    ['!\u00a0!\u2000!\u3000!', '"!\\u00a0!\\u2000!\\u3000!"'],
    ['a', '"a"'],
    ['\u00ff', '"ÿ"'],
    ['\ufffd', '"\ufffd"'],
    ['"', '"\\""'],
    ["'", '"\'"'],
    ['\x7f', '"\\x7f"'],
    ['\u{1F600}', '"\u{1F600}"'],
  ] as const)('%j → %s', ([s, quoted]) => {
    expect(goQuote(s)).toBe(quoted);
  });
});

describe('expectType', () => {
  test.for([
    ['x', 'string'],
    [1, 'number'],
    [false, 'boolean'],
    [{}, 'object'],
    [[], 'object'],
    [[], 'array'],
    [() => 1, 'function'],
  ] as const)('%j is a %s', ([value, type]) => {
    expect(() => expectType(value, type, 'v')).not.toThrow();
  });

  test.for([
    [1, 'string', 'v must be a string, got number'],
    [null, 'object', 'v must be an object, got null'],
    [{}, 'array', 'v must be an array, got object'],
    [[], 'string', 'v must be a string, got array'],
    [undefined, 'number', 'v must be a number, got undefined'],
  ] as const)('%j as a %s: TypeError %j', ([value, type, message]) => {
    expect(() => expectType(value, type, 'v')).toThrow(new TypeError(message));
  });
});

describe('expectStringArray', () => {
  test('an array of strings passes', () => {
    expect(() => expectStringArray(['a', ''], 'argv')).not.toThrow();
  });

  test.for([
    ['a', 'argv must be an array, got string'],
    [['a', 1], 'argv[1] must be a string, got number'],
    [[null], 'argv[0] must be a string, got null'],
  ] as const)('%j: TypeError %j', ([value, message]) => {
    expect(() => expectStringArray(value, 'argv')).toThrow(new TypeError(message));
  });
});

describe('typeName', () => {
  test.for([
    [null, 'null'],
    [[], 'array'],
    [{}, 'object'],
    ['', 'string'],
    [1, 'number'],
    [undefined, 'undefined'],
  ] as const)('%j → %s', ([value, name]) => {
    expect(typeName(value)).toBe(name);
  });
});
