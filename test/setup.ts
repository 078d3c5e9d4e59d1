import fc from 'fast-check';
import { afterEach, beforeEach, vi } from 'vitest';
import { PROPERTY_RUNS } from './support/property-runs.js';

// Reproducible properties: FC_SEED replays a run; the seed in use is printed on failure by fast-check.
// PROPERTY_RUNS sets the runs per property (default 100 locally, 1000 with CI set).
const seed = process.env['FC_SEED'];
fc.configureGlobal({ numRuns: PROPERTY_RUNS, ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}) });

// Console output from library code is a bug (the library never logs).
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
beforeEach(() => {
  for (const m of methods) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      throw new Error(`console.${m} called: ${args.map(String).join(' ')}`);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});
