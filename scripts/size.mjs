#!/usr/bin/env node
// Size budget: what `import { resolveDockerRun, evaluateDockerfile } from 'container-argv'` costs a
// browser bundle (esbuild bundle + minify, then gzip). Run after `npm run build`: `npm run size`.
// Exits 1 when over budget or when zod (or yaml) ends up in the bundle.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGET_BYTES = 6 * 1024;

/** Bundles, minifies and gzips one import of `<root>/dist/index.js`. */
export async function measure(names, root = ROOT) {
  const source = `import { ${names.join(', ')} } from './dist/index.js';\nglobalThis.__keep = [${names.join(', ')}];\n`;
  const result = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'size-entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  // Inputs that contributed bytes to the output (parsed-then-dropped modules do not count).
  const contributing = Object.entries(Object.values(result.metafile.outputs)[0].inputs).filter(([, info]) => info.bytesInOutput > 0);
  const inputs = contributing.map(([path]) => path);
  return {
    names,
    minified: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    /** Minified bytes each module contributes, largest first (gzip is not additive, so this is the split that is). */
    modules: contributing
      .filter(([path]) => path !== 'size-entry.js')
      .map(([path, info]) => ({ path: path.replace(/^dist\//, ''), minified: info.bytesInOutput }))
      .sort((a, b) => b.minified - a.minified),
    zod: inputs.some((p) => p.includes('node_modules/zod/')),
    yaml: inputs.some((p) => p.includes('node_modules/yaml/')),
  };
}

/**
 * The budgeted import (resolveDockerRun + evaluateDockerfile; resolveDockerRun + parseCommand while
 * evaluateDockerfile is missing), the core alone (resolveDockerRun + parseCommand), and everything.
 */
export async function sizeReport(root = ROOT) {
  const lib = await import(pathToFileURL(resolve(root, 'dist/index.js')).href);
  const names = 'evaluateDockerfile' in lib ? ['resolveDockerRun', 'evaluateDockerfile'] : ['resolveDockerRun', 'parseCommand'];
  const main = await measure(names, root);
  const core = await measure(['resolveDockerRun', 'parseCommand'], root);
  const all = await measure(Object.keys(lib).filter((k) => /^[a-z]/.test(k)), root);
  return { budget: BUDGET_BYTES, main, core, all, ok: main.gzip <= BUDGET_BYTES && !main.zod && !main.yaml };
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = await sizeReport();
  const { main, core, all } = report;
  process.stdout.write(
    `${main.names.join(' + ')}: ${kb(main.gzip)} min+gzip (${kb(main.minified)} min), budget ${kb(report.budget)}, zod: ${main.zod ? 'YES' : 'no'}, yaml: ${main.yaml ? 'YES' : 'no'}\n` +
      `${core.names.join(' + ')}: ${kb(core.gzip)} min+gzip (${kb(core.minified)} min)\n` +
      `everything (${all.names.length} exports): ${kb(all.gzip)} min+gzip (${kb(all.minified)} min), zod: ${all.zod ? 'yes' : 'no'}, yaml: ${all.yaml ? 'yes' : 'no'}\n`,
  );
  // `--names a,b`: any other import, measured the same way (e.g. the parser alone: `--names parseDockerfile`).
  const namesAt = process.argv.indexOf('--names');
  if (namesAt > 0 && process.argv[namesAt + 1]) {
    const other = await measure(process.argv[namesAt + 1].split(','));
    process.stdout.write(`${other.names.join(' + ')}: ${kb(other.gzip)} min+gzip (${kb(other.minified)} min), zod: ${other.zod ? 'yes' : 'no'}, yaml: ${other.yaml ? 'yes' : 'no'}\n`);
  }
  if (process.argv.includes('--breakdown')) {
    process.stdout.write(`\n${main.names.join(' + ')}, minified bytes by module:\n`);
    for (const m of main.modules) process.stdout.write(`${String(m.minified).padStart(7)}  ${((100 * m.minified) / main.minified).toFixed(1).padStart(5)}%  ${m.path}\n`);
  }
  if (!report.ok) {
    process.stderr.write('size: over budget or zod/yaml in the core bundle\n');
    process.exitCode = 1;
  }
}
