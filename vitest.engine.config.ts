import { defineConfig } from 'vitest/config';

// Differential engine suite (`npm run test:engine`): needs `bash scripts/engine.sh up all`.
// One file, sequential: the engines share the machine's two cores.
export default defineConfig({
  test: {
    include: ['test/engine/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 20 * 60_000,
    hookTimeout: 60_000,
  },
});
