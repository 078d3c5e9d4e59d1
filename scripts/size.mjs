#!/usr/bin/env node
// Bundle-size budgets: what each import costs a browser bundle (esbuild bundle + minify, ESM,
// browser, es2022; then gzip -9), measured on the built package (dist/, through the package.json
// `exports` map). One row per entry point in scripts/size-budgets.json. Run after `npm run build`:
// `npm run size` builds and measures; exits 1 when a budget fails.
//
//   node scripts/size.mjs                 every row, one line each
//   node scripts/size.mjs --breakdown     also the per-module split of the two core rows
//   node scripts/size.mjs --names a,b     any other import from the main entry, measured the same way
//   node scripts/size.mjs --json          the report as JSON
//   node scripts/size.mjs --markdown      the table of docs/performance.md ("Bundle size")
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;

/** The rows of scripts/size-budgets.json. */
export function readBudgets(root = ROOT) {
  return JSON.parse(readFileSync(resolve(root, 'scripts/size-budgets.json'), 'utf8')).rows;
}

/** The ESM file a package.json `exports` key (`.`, `./remark`) points at, or undefined. */
export function entryFile(entry, root = ROOT) {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  const target = pkg.exports?.[entry];
  const file = typeof target === 'string' ? target : (target?.import?.default ?? target?.default);
  return typeof file === 'string' ? resolve(root, file) : undefined;
}

/** A bundled input path as printed: `node_modules/yaml/…` for packages, `dockerfile/parser.js` for ours. */
function shortPath(path) {
  const at = path.lastIndexOf('node_modules/');
  return at >= 0 ? path.slice(at) : path.replace(/^.*?dist\//, '');
}

/** The npm package a bundled input path belongs to (`node_modules/@a/b/x.js` → `@a/b`), or undefined. */
function packageOf(path) {
  const at = path.lastIndexOf('node_modules/');
  if (at < 0) return undefined;
  const parts = path.slice(at + 'node_modules/'.length).split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

/**
 * Bundles, minifies and gzips each `import { ...names } from <file>` of `imports` ({ names, file }),
 * all in one esbuild run (shared modules are parsed once).
 */
export async function measureAll(imports) {
  // A default export is imported under a local name (`default` is not a binding).
  const local = (name) => (name === 'default' ? 'default_' : name);
  const spec = (name) => (name === 'default' ? 'default as default_' : name);
  const entries = imports.map(
    ({ names, file }) => `import { ${names.map(spec).join(', ')} } from ${JSON.stringify(file)};\nglobalThis.__keep = [${names.map(local).join(', ')}];\n`,
  );
  const virtual = {
    name: 'size-entries',
    setup(b) {
      b.onResolve({ filter: /^size-entry:\d+$/ }, (args) => ({ path: args.path, namespace: 'size-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'size-entry' }, (args) => ({ contents: entries[Number(args.path.slice('size-entry:'.length))], resolveDir: ROOT, loader: 'js' }));
    },
  };
  const result = await build({
    entryPoints: Object.fromEntries(entries.map((_, i) => [`e${i}`, `size-entry:${i}`])),
    outdir: 'size-out',
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [virtual],
  });
  const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  return imports.map((_, i) => {
    const [outPath, output] = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === `size-entry:size-entry:${i}`);
    const code = files.get(resolve(ROOT, outPath));
    // Inputs that contributed bytes to the output (parsed-then-dropped modules do not count).
    const contributing = Object.entries(output.inputs).filter(([path, info]) => info.bytesInOutput > 0 && !path.startsWith('size-entry:'));
    return {
      minified: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      /** Minified bytes each module contributes, largest first (gzip is not additive, so this is the split that is). */
      modules: contributing.map(([path, info]) => ({ path: shortPath(path), minified: info.bytesInOutput })).sort((a, b) => b.minified - a.minified),
      /** npm packages in the bundle. */
      packages: [...new Set(contributing.map(([path]) => packageOf(path)).filter((p) => p !== undefined))].sort(),
    };
  });
}

/** Bundles, minifies and gzips one `import { ...names } from <file>`. */
export async function measure(names, file) {
  return (await measureAll([{ names, file }]))[0];
}

/** The runtime export names of an entry's ESM file. */
async function exportsOf(file) {
  return Object.keys(await import(pathToFileURL(file).href)).sort();
}

/**
 * Measures every row against its budget. A row whose entry is not in package.json `exports` or whose
 * dist file does not exist yet is skipped with a note (a subpath another change adds), not failed.
 * Also fails when a runtime export of the main entry has no row of its own.
 */
export async function sizeReport(root = ROOT, rows = readBudgets(root)) {
  const results = rows.map((row) => ({ ...row }));
  const exportCache = new Map();
  const pending = [];
  for (const r of results) {
    const file = entryFile(r.entry, root);
    if (file === undefined || !existsSync(file)) {
      r.skipped = `${r.entry} is not built (${file === undefined ? 'no package.json export' : `${file.slice(root.length + 1)} missing`})`;
      continue;
    }
    if (!exportCache.has(file)) exportCache.set(file, await exportsOf(file));
    const available = exportCache.get(file);
    const names = r.names === '*' ? available : r.names;
    const unknown = names.filter((n) => !available.includes(n));
    if (unknown.length > 0) Object.assign(r, { ok: false, problems: [`not exported by ${r.entry}: ${unknown.join(', ')}`] });
    else pending.push({ row: r, names, file });
  }
  const measured = await measureAll(pending);
  pending.forEach(({ row }, i) => {
    const m = measured[i];
    const budget = Math.round(row.budgetKB * KB);
    const problems = [];
    if (m.gzip > budget) problems.push(`${m.gzip} B min+gzip > budget ${budget} B`);
    const { packages: bundled, ...sizes } = m;
    const extra = bundled.filter((p) => !(row.packages ?? []).includes(p));
    if (extra.length > 0) problems.push(`packages not allowed in this bundle: ${extra.join(', ')}`);
    Object.assign(row, { budget, ...sizes, bundled, ok: problems.length === 0, problems });
  });
  const mainFile = entryFile('.', root);
  const covered = new Set(rows.filter((r) => r.entry === '.' && Array.isArray(r.names) && r.names.length === 1).map((r) => r.names[0]));
  const missing = (exportCache.get(mainFile) ?? []).filter((n) => !covered.has(n));
  return { rows: results, missing, ok: missing.length === 0 && results.every((r) => r.skipped !== undefined || r.ok) };
}

const kb = (n) => `${(n / KB).toFixed(2)} KB`;
const label = (row) => `${row.entry === '.' ? '' : `${row.entry} `}${row.names === '*' ? '(everything)' : row.names.join(' + ')}`;

/** A row's first cell in docs/performance.md ("Bundle size"): `` `a` + `b` `` or ``everything in `container-argv/x` ``. */
export function markdownLabel(row) {
  if (row.names === '*') return `everything in \`container-argv${row.entry === '.' ? '' : row.entry.slice(1)}\``;
  return row.names.map((n) => `\`${n}\``).join(' + ');
}

/** The docs/performance.md table: one line per row, budgets and measured sizes. */
function markdownTable(report) {
  const out = ['| import | budget | min+gzip | minified | packages |', '| --- | --- | --- | --- | --- |'];
  for (const r of report.rows) {
    const measured = r.gzip === undefined ? `not built yet | – | –` : `${kb(r.gzip)} | ${kb(r.minified)} | ${r.bundled.join(', ') || '–'}`;
    out.push(`| ${markdownLabel(r)} | ${r.budgetKB.toFixed(2)} KB | ${measured} |`);
  }
  return `${out.join('\n')}\n`;
}

function printReport(report) {
  const out = [];
  const width = Math.max(...report.rows.map((r) => label(r).length));
  for (const r of report.rows) {
    if (r.skipped !== undefined) {
      out.push(`${label(r).padEnd(width)}  skipped: ${r.skipped}`);
      continue;
    }
    const figures = r.gzip === undefined ? '' : `${kb(r.gzip).padStart(9)} min+gzip ${kb(r.minified).padStart(10)} min  budget ${kb(r.budget).padStart(9)}`;
    const deps = r.bundled?.length ? `  [${r.bundled.join(', ')}]` : '';
    out.push(`${label(r).padEnd(width)}  ${figures}  ${r.ok ? 'ok' : `FAIL: ${r.problems.join('; ')}`}${deps}`);
  }
  if (report.missing.length > 0) out.push(`FAIL: exports of the main entry without a row in scripts/size-budgets.json: ${report.missing.join(', ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const namesAt = args.indexOf('--names');
  if (namesAt >= 0) {
    const names = (args[namesAt + 1] ?? '').split(',').filter(Boolean);
    const m = await measure(names, entryFile('.'));
    process.stdout.write(`${names.join(' + ')}: ${kb(m.gzip)} min+gzip (${kb(m.minified)} min)${m.packages.length ? `, packages: ${m.packages.join(', ')}` : ''}\n`);
  } else {
    const report = await sizeReport();
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (args.includes('--markdown')) process.stdout.write(markdownTable(report));
    else printReport(report);
    if (args.includes('--breakdown')) {
      for (const r of report.rows.filter((x) => x.core && x.modules)) {
        process.stdout.write(`\n${label(r)}, minified bytes by module:\n`);
        for (const m of r.modules) process.stdout.write(`${String(m.minified).padStart(7)}  ${((100 * m.minified) / r.minified).toFixed(1).padStart(5)}%  ${m.path}\n`);
      }
    }
    if (!report.ok) {
      process.stderr.write('size: a budget failed (scripts/size-budgets.json)\n');
      process.exitCode = 1;
    }
  }
}
