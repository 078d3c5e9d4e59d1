// A/B of evaluateDockerfile across builds: `node bench/ab-evaluate.mjs DIR…` where each DIR is a checkout
// with a built dist/ (e.g. a `git worktree` of an older commit after `npm ci && npm run build:dist`).
// Alternates the builds, one process each, and prints the median time per pass over the corpus
// (BENCH_CORPUS, default ../shared/corpus/dockerfiles). Not part of `npm run bench`: it compares commits.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const corpus = resolve(process.env.BENCH_CORPUS ?? '../shared/corpus/dockerfiles');

if (process.argv[2] === '--one') {
  const lib = await import(pathToFileURL(resolve(process.argv[3], 'dist/index.js')).href);
  const files = readdirSync(corpus)
    .filter((f) => f !== 'MANIFEST.tsv')
    .map((f) => readFileSync(resolve(corpus, f), 'utf8'));
  for (let i = 0; i < 5; i++) for (const t of files) lib.evaluateDockerfile(t);
  const start = performance.now();
  for (let i = 0; i < 40; i++) for (const t of files) lib.evaluateDockerfile(t);
  console.log(((performance.now() - start) / 40).toFixed(2));
} else {
  const dirs = process.argv.slice(2);
  const times = new Map(dirs.map((d) => [d, []]));
  for (let round = 0; round < 3; round++) {
    for (const d of dirs) times.get(d).push(Number(execFileSync(process.execPath, [process.argv[1], '--one', d], { encoding: 'utf8' })));
  }
  for (const [d, t] of times) console.log(`${d}: ${t.sort((a, b) => a - b)[1].toFixed(2)} ms per pass (median of 3)`);
}
