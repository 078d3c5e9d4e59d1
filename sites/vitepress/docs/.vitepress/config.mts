// A minimal VitePress site for test/sites/vitepress.test.ts: VitePress renders Markdown with
// markdown-it, so the table comes from container-argv/markdown-it, imported the way its README says.
import { defineConfig } from 'vitepress';
import entrypointCmdTable from 'container-argv/markdown-it';

export default defineConfig({
  title: 'container-argv on VitePress',
  // Site-wide defaults; each fence's meta (preset=…, cells=…, os=…) overrides them.
  markdown: {
    config: (md) => {
      md.use(entrypointCmdTable, { preset: 'seed' });
    },
  },
});
