// Cold start of the CLI (hyperfine-style): each command is run as a fresh process many times,
// interleaved with `node -e 0` (the floor any Node CLI pays). Goal: `container-argv explain
// small.Dockerfile` under 2x `node -e 0`. Needs `npm run build` (npm run bench does it).
//
// Wall time is what users feel, but on a shared machine it is noisy; the process's own CPU time
// (user + system, reported at exit by a tiny --import hook added to every case alike) is the
// steadier second measure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fmt, median } from './harness.mjs';

export const title = 'CLI cold start (dist/cli.js)';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 25);
const HOOK = "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`CPU_MS=${(u.user + u.system) / 1000}\\n`); });\n";

function time(hook, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [`--import=${hook}`, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // Every case must succeed: a missing dist/ (a concurrent rebuild) would otherwise be timed as a fast exit.
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, cpu: Number(/CPU_MS=([\d.]+)/.exec(r.stderr)?.[1] ?? Number.NaN) };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'container-argv-bench-'));
  const hook = pathToFileURL(join(dir, 'cpu-hook.mjs')).href;
  writeFileSync(join(dir, 'cpu-hook.mjs'), HOOK);
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
  for (const [, args] of cases) time(hook, args); // warm the file system cache
  const wall = cases.map(() => []);
  const cpu = cases.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    cases.forEach(([, args], k) => {
      const t = time(hook, args);
      wall[k].push(t.ms);
      cpu[k].push(t.cpu);
    });
  }
  const floor = median(wall[0]);
  const cpuFloor = median(cpu[0]);
  const rows = cases.map(([name], k) => {
    const s = wall[k];
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    const sd = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / s.length);
    return [
      name,
      `${fmt(median(s), 1)} ms`,
      `${fmt(mean, 1)} ± ${fmt(sd, 1)} ms`,
      `${fmt(median(s) / floor, 2)}x`,
      `${fmt(median(cpu[k]), 1)} ms`,
      `${fmt(median(cpu[k]) / cpuFloor, 2)}x`,
    ];
  });
  const explainRatio = median(wall[2]) / floor;
  const explainCpuRatio = median(cpu[2]) / cpuFloor;
  return {
    columns: ['command', 'wall median', 'wall mean ± sd', 'wall vs node -e 0', 'CPU median', 'CPU vs node -e 0'],
    rows,
    notes: [
      `${RUNS} interleaved runs each (Node ${process.version}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs).`,
      `Goal: explain under 2x node -e 0 — wall ${fmt(explainRatio, 2)}x (${explainRatio < 2 ? 'met' : 'not met'}), CPU ${fmt(explainCpuRatio, 2)}x (${explainCpuRatio < 2 ? 'met' : 'not met'}).`,
    ],
    explainRatio,
    explainCpuRatio,
  };
}
