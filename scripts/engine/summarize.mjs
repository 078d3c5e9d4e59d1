#!/usr/bin/env node
// Prints a compact, human-readable digest of an engine fixture file:
//   node scripts/engine/summarize.mjs test/fixtures/engine/docker-20.10.24.json [--family F] [--id REGEX]
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
const fam = rest.includes('--family') ? rest[rest.indexOf('--family') + 1] : null;
const idre = rest.includes('--id') ? new RegExp(rest[rest.indexOf('--id') + 1]) : null;
const j = JSON.parse(readFileSync(file, 'utf8'));
const J = (v) => JSON.stringify(v);
const cfg = (c) => `EP=${J(c.Entrypoint)} CMD=${J(c.Cmd)}${c.Shell ? ` SHELL=${J(c.Shell)}` : ''}${c.OnBuild?.length ? ` ONBUILD=${J(c.OnBuild)}` : ''}`;
console.log(`# ${j.engine} ${j.version} (${j.cases.length} cases, ${j.durationSeconds}s, seed ${j.seed})`);
for (const c of j.cases) {
  if (fam && c.family !== fam) continue;
  if (idre && !idre.test(c.id)) continue;
  console.log(`\n## ${c.id} [${c.family}]`);
  console.log(
    c.dockerfile
      .replace(/\r/g, '\\r')
      .replace(/\ufeff/g, '<BOM>')
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => '    | ' + l)
      .join('\n'),
  );
  if (c.recorderError) {
    console.log('  RECORDER ERROR ' + c.recorderError.split('\n')[0]);
    continue;
  }
  const bs = Object.entries(c.builds);
  const same = bs.every(([, b]) => J(b) === J(bs[0][1]));
  const rows = same ? [[bs.map(([n]) => n).join('='), bs[0][1]]] : bs;
  for (const [name, b] of rows) {
    console.log(
      `  ${name}: ${b.error ? 'ERROR ' + b.error.replace(/\n/g, ' | ') : cfg(b.config)}${b.warnings ? '  (warn: ' + b.warnings.replace(/\n/g, ' | ').slice(0, 160) + ')' : ''}`,
    );
  }
  for (const r of c.runs ?? []) {
    const out = r.create.error ? 'ERROR ' + r.create.error : J(r.create.ociArgs ?? [r.create.path, ...r.create.args]);
    const ran = r.ran
      ? ` ran=${J(r.ran)}`
      : r.pid1Argv
        ? ` pid1=${J(r.pid1Argv)}`
        : r.start
          ? ` start-exit=${r.start.exitCode} ${J((r.start.stateError ?? r.start.stderr ?? r.start.stdout).slice(0, 160))}`
          : '';
    console.log(`    [${r.builders.join('+')}] ${r.cli.replace(/^(docker|podman) create --network none( --ulimit \S+ --ulimit \S+)? /, '')} -> ${out}${ran}`);
  }
}
