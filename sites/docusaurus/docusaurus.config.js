// @ts-check
// A minimal Docusaurus 3 site for test/sites/docusaurus.test.ts: the docs plugin renders docs/ with
// container-argv/remark, imported the way its README says (the default export).
import remarkEntrypointCmdTable from 'container-argv/remark';

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'container-argv on Docusaurus',
  url: 'https://example.invalid',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  markdown: { hooks: { onBrokenMarkdownLinks: 'throw' } },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          routeBasePath: '/',
          // Site-wide defaults; each fence's meta (preset=…, cells=…, os=…) overrides them.
          remarkPlugins: [[remarkEntrypointCmdTable, { preset: 'seed' }]],
        },
        blog: false,
        pages: false,
      }),
    ],
  ],
  themeConfig: {
    navbar: { title: 'container-argv' },
  },
};

export default config;
