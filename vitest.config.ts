import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The engine suite needs a running Docker daemon; the browser suite needs Chromium; the live
    // registry suite needs scripts/registry.sh up; the docs-site suite needs scripts/sites.sh build.
    exclude: ['test/engine/**', 'test/e2e/**', 'test/registry-live/**', 'test/sites/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
  },
});
