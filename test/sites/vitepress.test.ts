import { fileURLToPath } from 'node:url';
import { DOCKER_DOCS_CELLS, SEED_CELLS, libraryCells, type ExpectedTable } from './expected.js';
import { describeBuiltSite } from './site-suite.js';

// A real `vitepress build` (VitePress 1.6.4, sites/vitepress/package-lock.json): VitePress renders
// Markdown with markdown-it, so the tables come from container-argv/markdown-it, installed from the
// packed tarball (scripts/sites.sh build).
const SITE = fileURLToPath(new URL('../../sites/vitepress/docs/', import.meta.url));
const page = (name: string) => `${SITE}.vitepress/dist/${name}.html`;

/** The tables of docs/table-variants.md, in page order. */
const VARIANTS: ExpectedTable[] = [
  { meta: 'preset=docker-docs', cells: DOCKER_DOCS_CELLS, align: 'left', rowHeader: 'strong', heading: "The Docker reference's labels" },
  { meta: 'cells=argv (in a ::: tip container)', cells: libraryCells({ cells: 'argv' }), align: null, rowHeader: 'strong', inside: /^div\.tip\.custom-block$/, heading: 'The exact argv, inside a custom container' },
  { meta: 'preset=docker-docs cells=argv (in a ::: details container)', cells: libraryCells({ preset: 'docker-docs', cells: 'argv' }), align: 'left', rowHeader: 'strong', inside: /^details\.details\.custom-block$/, heading: "The Docker reference's labels, exact argv" },
  { meta: 'os=windows', cells: libraryCells({ os: 'windows' }), align: null, rowHeader: 'strong', heading: 'Windows' },
  { meta: 'os=windows cells=argv (inside an HTML <div>)', cells: libraryCells({ os: 'windows', cells: 'argv' }), align: null, rowHeader: 'strong', inside: /^div\.argv-table-wrapper$/, heading: 'Next to HTML' },
  { meta: 'format=html', cells: SEED_CELLS, align: null, rowHeader: 'th', heading: 'As raw HTML' },
];

describeBuiltSite({
  name: 'VitePress',
  seedSource: `${SITE}docker-advanced.md`,
  page,
  variantsTitle: 'docs/table-variants.md (custom containers, Vue, HTML)',
  variants: VARIANTS,
  componentTitle: 'Vue interpolation and a component next to the tables',
  componentText: 'Every table on this page is computed by container-argv when the site is built. generated',
});
