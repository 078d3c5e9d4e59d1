// `npm run bench`: runs every bench/*.mjs module that exports `run()` and prints one
// Markdown section per module (ratios against peers measured in the same run).
// BENCH_ONLY=name runs one module; results are also written to bench/last-run.json.
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const here = new URL('.', import.meta.url);
const only = process.env.BENCH_ONLY;
const modules = readdirSync(here)
  .filter((f) => f.endsWith('.mjs') && !['run.mjs', 'harness.mjs'].includes(f))
  .filter((f) => !only || f === `${only}.mjs`)
  .sort();

const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
console.log(`# container-argv benchmark\n\nMachine: ${machine}\nDate: ${new Date().toISOString()}\n`);
const results = { machine, date: new Date().toISOString(), sections: [] };
for (const file of modules) {
  const mod = await import(new URL(file, here));
  if (typeof mod.run !== 'function') continue;
  const started = performance.now();
  const out = await mod.run();
  console.log(`## ${mod.title ?? file}\n`);
  console.log(`| ${out.columns.join(' | ')} |`);
  console.log(`| ${out.columns.map(() => '---').join(' | ')} |`);
  for (const row of out.rows) console.log(`| ${row.join(' | ')} |`);
  for (const note of out.notes ?? []) console.log(`\n${note}`);
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  results.sections.push({ file, title: mod.title ?? file, ...out });
}
writeFileSync(new URL('last-run.json', here), JSON.stringify(results, null, 2) + '\n');
