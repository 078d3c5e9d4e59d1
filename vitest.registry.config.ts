import { defineConfig } from 'vitest/config';

// Live registry suite (`npm run test:registry`): needs `bash scripts/registry.sh up` (three local
// docker-registry instances with the test images pushed, and skopeo). Every test is bounded.
export default defineConfig({
  test: {
    include: ['test/registry-live/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
