import { defineConfig } from 'vitest/config';

/** Suites that check the built package (dist/): run by `npm run check:package` after the build, never by the unit run. */
export const PACKAGE_TESTS = ['test/project/package.test.ts', 'test/project/size.test.ts'];

// Package suite (`npm run check:package`): publint and attw first, then these files against dist/.
export default defineConfig({
  test: {
    include: PACKAGE_TESTS,
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
