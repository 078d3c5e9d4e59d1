// Shared timing helpers for the benchmark modules (bench/*.mjs).

/** Runs fn repeatedly for about `ms` milliseconds after a warm-up; returns operations per second. */
export function opsPerSecond(fn, { ms = 400, batch = 1000 } = {}) {
  const warmEnd = performance.now() + ms / 4;
  while (performance.now() < warmEnd) for (let i = 0; i < batch; i++) fn();
  let ops = 0;
  const start = process.hrtime.bigint();
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < batch; i++) fn();
    ops += batch;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return ops / seconds;
}

/** Median of several samples of a measurement (reduces noise on a shared machine). */
export function median(samples) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Formats a number with thousands separators and fixed decimals. */
export function fmt(n, digits = 0) {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
