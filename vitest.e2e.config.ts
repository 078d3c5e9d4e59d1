import { defineConfig } from 'vitest/config';

// Browser suite (`npm run test:e2e`): the playground in headless Chromium. Needs /usr/bin/chromium
// and the playground bundle (`npm run playground`, which test:e2e runs first).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
