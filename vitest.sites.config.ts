import { defineConfig } from 'vitest/config';

// Docs-site suite (`npm run test:sites`): reads the HTML of real Docusaurus and VitePress builds.
// Needs `bash scripts/sites.sh install && bash scripts/sites.sh build` first (.ci/run does both).
export default defineConfig({
  test: {
    include: ['test/sites/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
  },
});
