import fc from 'fast-check';
import { afterEach, beforeEach, vi } from 'vitest';

// Reproducible properties: FC_SEED replays a run; the seed in use is printed on failure by fast-check.
const seed = process.env['FC_SEED'];
if (seed !== undefined && seed !== '') fc.configureGlobal({ seed: Number(seed) });

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
