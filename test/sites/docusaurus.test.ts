import { fileURLToPath } from 'node:url';
import { DOCKER_DOCS_CELLS, SEED_CELLS, libraryCells, type ExpectedTable } from './expected.js';
import { describeBuiltSite } from './site-suite.js';

// A real `docusaurus build` (Docusaurus 3.10.2, sites/docusaurus/package-lock.json) of the seed page
// and an MDX page, with container-argv/remark from the packed tarball (scripts/sites.sh build).
const SITE = fileURLToPath(new URL('../../sites/docusaurus/', import.meta.url));
const page = (route: string) => `${SITE}build/${route}/index.html`;

/** The tables of docs/table-variants.mdx, in page order. */
const VARIANTS: ExpectedTable[] = [
  { meta: 'preset=docker-docs', cells: DOCKER_DOCS_CELLS, align: 'left', rowHeader: 'strong', heading: "The Docker reference's labels" },
  { meta: 'cells=argv (in a :::note admonition)', cells: libraryCells({ cells: 'argv' }), align: null, rowHeader: 'strong', inside: /^div\.theme-admonition/, heading: 'The exact argv, inside an admonition' },
  { meta: 'preset=docker-docs cells=argv (in a <TabItem>)', cells: libraryCells({ preset: 'docker-docs', cells: 'argv' }), align: 'left', rowHeader: 'strong', inside: /tabItem/, heading: 'Linux and Windows, in tabs' },
  { meta: 'os=windows (in a <TabItem>)', cells: libraryCells({ os: 'windows' }), align: null, rowHeader: 'strong', inside: /tabItem/, heading: 'Linux and Windows, in tabs' },
  { meta: 'os=windows cells=argv (inside a JSX <div>)', cells: libraryCells({ os: 'windows', cells: 'argv' }), align: null, rowHeader: 'strong', inside: /^div\.argv-table-wrapper$/, heading: 'Next to JSX' },
  { meta: 'format=html', cells: SEED_CELLS, align: null, rowHeader: 'th', heading: 'As raw HTML' },
];

describeBuiltSite({
  name: 'Docusaurus',
  seedSource: `${SITE}docs/docker-advanced.md`,
  page,
  variantsTitle: 'docs/table-variants.mdx (JSX, admonitions, tabs)',
  variants: VARIANTS,
  componentTitle: 'the JSX component next to the tables',
  componentText: 'Every table on this page is computed by container-argv when the site is built.',
});
