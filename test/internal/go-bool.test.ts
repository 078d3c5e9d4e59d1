import { describe, expect, test } from 'vitest';
import { goParseBool, goParseBoolError } from '../../src/internal/go-bool.js';

// Go strconv.ParseBool (src/strconv/atob.go; the atobtests table of atob_test.go): the six spellings of each value,
// nothing else (no trimming, no other case).
describe('goParseBool', () => {
  test.for([
    ['', undefined],
    ['asdf', undefined],
    ['0', false],
    ['f', false],
    ['F', false],
    ['FALSE', false],
    ['false', false],
    ['False', false],
    ['1', true],
    ['t', true],
    ['T', true],
    ['TRUE', true],
    ['true', true],
    ['True', true],
    ['tRUE', undefined],
    [' true', undefined],
    ['yes', undefined],
  ] as const)('%j → %j', ([text, want]) => {
    expect(goParseBool(text)).toBe(want);
  });

  test('the error text quotes the input as Go %q does', () => {
    expect(goParseBoolError('yes')).toBe('strconv.ParseBool: parsing "yes": invalid syntax');
    expect(goParseBoolError('a"b')).toBe('strconv.ParseBool: parsing "a\\"b": invalid syntax');
  });
});
