// Hot path: resolveDockerRun on a prepared image config, next to a baseline that only
// concatenates two arrays (the least any resolver must do). No goal: the old "within 3x" goal is retired (plain code first); the row is kept to see the cost.
import { resolveDockerRun, parseCommand } from '../dist/index.js';
import { fmt, median, opsPerSecond } from './harness.mjs';

export const title = 'Hot path: resolveDockerRun';

export async function run() {
  const image = { entrypoint: ['/usr/local/bin/docker-entrypoint.sh'], cmd: ['postgres', '-c', 'shared_buffers=256MB'] };
  const runArgs = { args: ['postgres', '-c', 'max_connections=200'] };
  let sink = 0;
  const baseline = () => {
    const argv = [...image.entrypoint, ...runArgs.args];
    sink += argv.length;
  };
  const resolveDefault = () => {
    const r = resolveDockerRun(image);
    sink += r.ok ? r.argv.length : 0;
  };
  const resolveArgs = () => {
    const r = resolveDockerRun(image, runArgs);
    sink += r.ok ? r.argv.length : 0;
  };
  const parseExec = () => {
    const r = parseCommand('["nginx", "-g", "daemon off;"]');
    sink += r.ok ? 1 : 0;
  };
  const samples = (fn) => median([opsPerSecond(fn), opsPerSecond(fn), opsPerSecond(fn)]);
  const base = samples(baseline);
  const rows = [
    ['baseline: [...entrypoint, ...args]', base],
    ['resolveDockerRun(image)', samples(resolveDefault)],
    ['resolveDockerRun(image, { args })', samples(resolveArgs)],
    ['parseCommand(exec form)', samples(parseExec)],
  ];
  if (sink < 0) console.log(sink);
  return {
    columns: ['case', 'ops/s', 'time vs baseline'],
    rows: rows.map(([name, ops]) => [name, fmt(ops), `${fmt(base / ops, 2)}×`]),
    notes: ['Time per call against the baseline. No goal: "within 3× of the baseline" was retired (it cost code for a speed no user feels).'],
  };
}
