// Cold start of the CLI (hyperfine-style): each command is run as a fresh process many times,
// interleaved with `node -e 0` (the floor any Node CLI pays). Goal: `container-argv explain
// small.Dockerfile` under 2x `node -e 0`. Needs `npm run build` (npm run bench does it).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median } from './harness.mjs';

export const title = 'CLI cold start (dist/cli.js)';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 25);

function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'container-argv-bench-'));
  const small = join(dir, 'small.Dockerfile');
  writeFileSync(small, 'FROM alpine:3.20\nENTRYPOINT ["/bin/app"]\nCMD ["--serve"]\n');
  const inspect = join(dir, 'image.json');
  writeFileSync(inspect, JSON.stringify([{ Os: 'linux', Config: { Entrypoint: ['/bin/app'], Cmd: ['--serve'] } }]));
  const cases = [
    ['node -e 0 (floor)', ['-e', '0']],
    ['container-argv --version', [CLI, '--version']],
    ['container-argv explain small.Dockerfile', [CLI, 'explain', small]],
    ['container-argv table', [CLI, 'table']],
    ['container-argv k8s small.Dockerfile', [CLI, 'k8s', small]],
    ['container-argv explain --image-config (zod)', [CLI, 'explain', '--image-config', inspect]],
  ];
  for (const [, args] of cases) time(args); // warm the file system cache
  const samples = cases.map(() => []);
  for (let i = 0; i < RUNS; i++) cases.forEach(([, args], k) => samples[k].push(time(args)));
  const floor = median(samples[0]);
  const rows = cases.map(([name], k) => {
    const s = samples[k];
    const med = median(s);
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    const sd = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / s.length);
    return [name, `${fmt(med, 1)} ms`, `${fmt(mean, 1)} ± ${fmt(sd, 1)} ms`, `${fmt(Math.min(...s), 1)} ms`, `${fmt(med / floor, 2)}x`];
  });
  const explainRatio = median(samples[2]) / floor;
  return {
    columns: ['command', 'median', 'mean ± sd', 'min', 'vs node -e 0'],
    rows,
    notes: [`${RUNS} interleaved runs each. Goal: explain under 2x node -e 0 — ${explainRatio < 2 ? 'met' : 'NOT met'} (${fmt(explainRatio, 2)}x).`],
    explainRatio,
  };
}
