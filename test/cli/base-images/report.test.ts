// How commands print provenance (src/cli/base-images/report.ts).
import { expect, test } from 'vitest';
import { palette } from '../../../src/cli/io.js';
import { baseJson, baseText } from '../../../src/cli/base-images/report.js';
import type { BaseResolution } from '../../../src/cli/base-images/resolve.js';

const found: BaseResolution = {
  reference: 'node:22',
  canonical: 'docker.io/library/node:22',
  platform: 'linux/amd64',
  config: { cmd: ['node'] },
  source: { kind: 'catalog', date: '2026-08-21', reference: 'docker.io/library/node:22', platform: 'linux/amd64', exact: true },
  tried: ['catalog'],
  description: 'node:22 from catalog 2026-08-21',
  diagnostics: [{ code: 'catalog-inexact', severity: 'info', message: 'x' }],
};
const unknown: BaseResolution = { ...found, reference: 'x', config: null, source: null, description: 'x unknown (asked: catalog)', diagnostics: [] };

test('baseJson: the provenance without the config and diagnostics (those are printed elsewhere)', () => {
  expect(baseJson(found)).toEqual({
    reference: 'node:22',
    canonical: 'docker.io/library/node:22',
    platform: 'linux/amd64',
    source: found.source,
    tried: ['catalog'],
    description: 'node:22 from catalog 2026-08-21',
  });
});

test('baseText: the description; an unknown image in yellow when colours are on', () => {
  expect(baseText(found, palette(true))).toBe('node:22 from catalog 2026-08-21');
  expect(baseText(unknown, palette(false))).toBe('x unknown (asked: catalog)');
  expect(baseText(unknown, palette(true))).toBe('\u001b[33mx unknown (asked: catalog)\u001b[39m');
});
