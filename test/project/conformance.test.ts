import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { CONFORMANCE_PATH, renderConformance } from '../../scripts/engine/conformance.js';

// docs/conformance.md is generated from the committed engine fixtures and the library, so its
// numbers cannot rot: regenerate with `npm run conformance`.
test('docs/conformance.md equals the generator output (npm run conformance)', () => {
  expect(readFileSync(CONFORMANCE_PATH, 'utf8')).toBe(renderConformance());
});
