import { fc } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { evaluateDockerfile } from '../../src/dockerfile/evaluate.js';
import { KIT_BASE_IMAGES, dockerfileArb } from '../../src/testing/dockerfile.js';

const SEED = 20261202;

describe('dockerfileArb', () => {
  // Pinned: a seeded sample, for the build rate and coverage checks (not a property).
  const sample = fc.sample(dockerfileArb(), { numRuns: 500, seed: SEED });

  test('nine in ten generated files evaluate with KIT_BASE_IMAGES', () => {
    const ok = sample.filter((text) => evaluateDockerfile(text, { baseImages: KIT_BASE_IMAGES }).ok).length;
    expect(ok / sample.length).toBeGreaterThan(0.9);
  });

  test.for([
    ['a BOM', /^\uFEFF/],
    ['CRLF line ends', /\r\n/],
    ['an escape directive', /^\uFEFF?#\s*escape\s*=\s*`/],
    ['a backslash continuation', /\\ ?\r?\n/],
    ['a backtick continuation', /` ?\r?\n/],
    ['a comment inside a continuation', /[\\`] ?\r?\n[ \t]*# note/],
    ['a heredoc', /<<-?EOT\r?\n[^]*?\r?\nEOT\r?\n/],
    ['ONBUILD', /\nonbuild /i],
    ['SHELL', /^[ \t]*shell \[/im],
    ['a FROM of an earlier stage', /\nFROM s\d/],
    ['a named stage', / AS s\d\r?\n/],
    ['an exec-form ENTRYPOINT', /^[ \t]*entrypoint \[/im],
    ['a shell-form CMD', /^[ \t]*cmd [a-z/]/im],
  ] as const)('the sample has %s', ([, pattern]) => {
    expect(sample.some((text) => pattern.test(text))).toBe(true);
  });

  test('shrinks to a small readable file', () => {
    const run = fc.check(
      fc.property(dockerfileArb(), (text) => !/entrypoint \[/i.test(text)),
      // Pinned: a fixed seed and run count, so the shrunk counterexample is the same on every run.
      { seed: SEED, numRuns: 100 },
    );
    expect(run.failed).toBe(true);
    expect(run.counterexample?.[0]).toBe('FROM scratch\nENTRYPOINT []\n');
  });
});

describe('dockerfileArb({ lineContinuations: false })', () => {
  test('breaks no instruction over lines', () => {
    // Pinned: a seeded sample (not a property).
    const sample = fc.sample(dockerfileArb({ lineContinuations: false }), { numRuns: 300, seed: SEED });
    const withoutDirective = (text: string) => text.replace(/^\uFEFF?#\s*escape\s*=.*\r?\n/, '');
    expect(sample.filter((text) => /[\\`][ \t]*\r?\n/.test(withoutDirective(text)))).toEqual([]);
  });
});

describe('KIT_BASE_IMAGES', () => {
  test.for(Object.keys(KIT_BASE_IMAGES))('FROM %s evaluates', (ref) => {
    expect(evaluateDockerfile(`FROM ${ref}\n`, { baseImages: KIT_BASE_IMAGES }).ok).toBe(true);
  });
});
