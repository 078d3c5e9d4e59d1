#!/usr/bin/env node
// Bundles the library's ESM build (dist/index.js and the modules it imports, plus yaml and zod,
// and the base-image catalog of dist/catalog.js) into one browser file,
// docs/playground/lib/container-argv.js, which the playground loads relatively. Run after
// `npm run build` (`npm run playground` does both).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = await build({
  stdin: {
    contents: "export * from './dist/index.js';\nexport { CATALOG_INFO, catalogImageLookup, listCatalogImages } from './dist/catalog.js';\n",
    resolveDir: root,
    sourcefile: 'playground-entry.js',
  },
  outfile: `${root}docs/playground/lib/container-argv.js`,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
process.stdout.write(`docs/playground/lib/container-argv.js (+ map): ${(bytes / 1024).toFixed(0)} KB\n`);
