import { fc, it } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { evaluateDockerfile } from '../../src/dockerfile/evaluate.js';
import { commandArb, fullImageConfigArb, imageConfigArb } from '../../src/testing/image.js';

describe('image arbitraries', () => {
  it.prop([commandArb])('commands are exec form with an args list or shell form with a script', (command) => {
    expect(command.form === 'exec' ? Array.isArray(command.args) : typeof command.script).toBe(command.form === 'exec' ? true : 'string');
  });

  test('imageConfigArb reaches unset, empty and [""] entrypoints', () => {
    // Pinned: a seeded sample, for a coverage check (not a property).
    const sample = fc.sample(imageConfigArb, { numRuns: 300, seed: 1 });
    for (const want of [null, [], ['']]) expect(sample.some((c) => JSON.stringify(c.entrypoint) === JSON.stringify(want))).toBe(true);
  });

  it.prop([fullImageConfigArb])('every full config works as a base image (its ONBUILD triggers and SHELL run)', (config) => {
    const child = evaluateDockerfile('FROM base\nCMD probe\n', { baseImages: { base: config }, ...(config.os !== undefined && { os: config.os }) });
    expect(child.ok).toBe(true);
  });
});
