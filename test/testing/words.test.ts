import { it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { quoteShellWord } from '../../src/core/format-argv.js';
import { argvArb, plainWordArb, processWordArb, wordArb } from '../../src/testing/words.js';

describe('word arbitraries', () => {
  it.prop([wordArb])('words survive UTF-8 (no lone surrogates)', (word) => {
    expect(new TextDecoder().decode(new TextEncoder().encode(word))).toBe(word);
  });

  it.prop([argvArb])('argvs have at most 6 words', (argv) => {
    expect(argv.length).toBeLessThanOrEqual(6);
  });

  it.prop([processWordArb])('process words hold no NUL', (word) => {
    expect(word).not.toContain('\0');
  });

  it.prop([plainWordArb])('plain words need no shell quoting and are not empty', (word) => {
    expect(quoteShellWord(word)).toBe(word);
    expect(word.length).toBeGreaterThan(0);
  });
});
