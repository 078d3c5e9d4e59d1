// The base-image catalog (`container-argv/catalog`): what it costs to ship and to ask.
// - size: dist/catalog.js as a browser bundle of `lookupCatalog` (esbuild bundle + minify, gzip -9),
//   and the generated data module alone (src/catalog/data.ts, gzip -9);
// - cold start: a fresh `node` process importing dist/catalog.js and answering one lookup, against
//   `node -e 0` (median of BENCH_CATALOG_RUNS processes, interleaved);
// - warm lookups: lookupCatalog per second on a mix of references, in this process.
// Needs `npm run build` (npm run bench does it).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { fmt, median, opsPerSecond } from './harness.mjs';

export const title = 'Base-image catalog (dist/catalog.js)';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = `${ROOT}dist/catalog.js`;
const RUNS = Number(process.env.BENCH_CATALOG_RUNS ?? 15);

/** References asked in the warm loop: canonical, familiar, a shared Linux/Windows tag, a Windows pick, a miss. */
const REFS = [
  ['docker.io/library/node:24', {}],
  ['python:3.14', {}],
  ['python:3.14', { os: 'windows' }],
  ['gcr.io/distroless/static-debian12:nonroot', {}],
  ['docker.io/library/debian:bookworm-slim', { platform: 'linux/arm64/v8' }],
  ['docker.io/library/node:0.0-not-a-tag', {}],
];

async function bundleSize() {
  const result = await build({
    stdin: { contents: `import { lookupCatalog } from ${JSON.stringify(DIST)};\nglobalThis.__keep = lookupCatalog;\n`, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

function spawnMs(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function run() {
  const data = readFileSync(`${ROOT}src/catalog/data.ts`);
  const dataGzip = gzipSync(data, { level: 9 }).length;
  const bundle = await bundleSize();

  const lookupScript = `import(${JSON.stringify(pathToFileURL(DIST).href)}).then((m) => { if (!m.lookupCatalog('node:24').ok) process.exit(1); })`;
  const bare = [];
  const cold = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(spawnMs(['-e', '0']));
    cold.push(spawnMs(['-e', lookupScript]));
  }

  const t0 = performance.now();
  const { lookupCatalog, CATALOG_INFO } = await import(pathToFileURL(DIST).href);
  const importMs = performance.now() - t0;
  const t1 = performance.now();
  lookupCatalog('docker.io/library/node:24');
  const firstMs = performance.now() - t1;
  const rows = [
    ['dist/catalog.js bundled (lookupCatalog), min+gzip', `**${fmt(bundle.gzip / 1024, 1)} KB**`, `${fmt(bundle.minified / 1024, 0)} KB minified`],
    ['src/catalog/data.ts, gzip -9', `${fmt(dataGzip / 1024, 1)} KB`, `${fmt(data.length / 1024, 0)} KB raw`],
    ['cold: `node` importing the catalog + one lookup (median)', `${fmt(median(cold), 1)} ms`, `node -e 0: ${fmt(median(bare), 1)} ms`],
    ['import in a warm process / first lookup', `${fmt(importMs, 1)} ms / ${fmt(firstMs, 2)} ms`, ''],
  ];
  for (const [ref, options] of REFS) {
    const ops = opsPerSecond(() => lookupCatalog(ref, options), { ms: 300, batch: 200 });
    rows.push([`lookupCatalog(${JSON.stringify(ref)}${Object.keys(options).length > 0 ? `, ${JSON.stringify(options)}` : ''})`, `${fmt(ops)} /s`, `${fmt(1e6 / ops, 2)} µs each`]);
  }
  const c = CATALOG_INFO.counts;
  return {
    columns: ['measure', 'value', 'note'],
    rows,
    notes: [
      `Catalog ${CATALOG_INFO.date}: ${c.repositories} repositories, ${c.entries} entries, ${c.tags} tags, ${c.configs} distinct configs, ${c.omitted} omitted.`,
      'Each process after the first per repository reuses its tag index (built on the first lookup of that repository).',
    ],
  };
}
