import { defineConfig } from 'vitest/config';
import { PACKAGE_TESTS } from './vitest.package.config.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The engine suite needs a running Docker daemon; the browser suite needs Chromium; the live
    // registry suite needs scripts/registry.sh up; the package suite needs the build (npm run check:package);
    // the docs-site suite needs scripts/sites.sh build.
    exclude: ['test/engine/**', 'test/e2e/**', 'test/registry-live/**', 'test/sites/**', ...PACKAGE_TESTS, 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    // Type tests (`*.test-d.ts`): checked by tsc, reported as tests.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
  },
});
