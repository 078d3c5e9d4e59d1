import { it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { resolveComposeFile } from '../../src/compose/file.js';
import { parseComposeCommand, resolveCompose } from '../../src/compose/service.js';
import { composeCommandArb, composeFileArb, composeServiceArb } from '../../src/testing/compose.js';

const images = { 'app:1': { entrypoint: ['/ep'], cmd: ['serve'] } };

describe('Compose arbitraries', () => {
  // Pinned: a YAML parse per run (~6 ms); 100 runs cover the generator's shapes.
  it.prop([composeFileArb()], { numRuns: 100 })('every compose file reads, one result per service', (yaml) => {
    const got = resolveComposeFile(yaml, { images });
    expect(got.ok).toBe(true);
    if (got.ok) expect(got.services.length).toBeGreaterThan(0);
  });

  it.prop([composeCommandArb])('every command value parses (strings split by go-shellwords)', (value) => {
    expect(parseComposeCommand(value).ok).toBe(true);
  });

  it.prop([composeServiceArb])('services resolve to a result (a failure is data, never a throw)', (service) => {
    expect(typeof resolveCompose(images['app:1'], service).ok).toBe('boolean');
  });
});
