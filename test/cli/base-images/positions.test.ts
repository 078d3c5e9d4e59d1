import { describe, expect, test } from 'vitest';
import { baseFindingsAt } from '../../../src/cli/base-images/positions.js';
import type { BaseResolution } from '../../../src/cli/base-images/resolve.js';
import { evaluateDockerfile } from '../../../src/dockerfile/evaluate.js';

// A base lookup's findings (here the catalog's `catalog-inexact`) were printed as `Dockerfile: info …`
// with no line, unlike every other Dockerfile finding; they now point at the FROM naming the image.
const resolution = (reference: string): BaseResolution => ({
  reference,
  canonical: null,
  platform: 'linux/amd64',
  config: { cmd: ['/bin/sh'] },
  source: null,
  tried: ['catalog'],
  description: `${reference} from catalog`,
  diagnostics: [{ code: 'catalog-inexact', severity: 'info', message: `${reference}: a tag that moves` }],
});

describe('baseFindingsAt', () => {
  const text = 'FROM scratch AS unused\n\nFROM   alpine:3.21 AS build\nFROM build\nCMD ["x"]\n';
  test.for([
    { name: 'the FROM of the built stage that names it', text, reference: 'alpine:3.21', at: { line: 3, column: 1 } },
    { name: 'no position for an image no built stage names', text, reference: 'node:22', at: {} },
    { name: 'no position when the build fails', text: 'FROM alpine:3.21\nCMD ["a", 1]\n', reference: 'alpine:3.21', at: {} },
  ])('$name', ({ text, reference, at }) => {
    const [finding] = baseFindingsAt('Dockerfile', [resolution(reference)], evaluateDockerfile(text));
    expect(finding).toEqual({ file: 'Dockerfile', code: 'catalog-inexact', severity: 'info', message: `${reference}: a tag that moves`, ...at });
  });
});
