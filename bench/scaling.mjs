// Linear scaling of every parser on pathological inputs: time at 1x, 10x and 100x of the same shape
// (many continuations, many `[`, many stages, a 10 MB Dockerfile, a long compose string, a long
// Kubernetes string full of `$(`, a long docker run line, deep YAML). Linear means the time ratio
// tracks the size ratio (10, 100); quadratic would show 100 and 10,000.
import { evaluateDockerfile, expandKubernetes, imageConfigFromInspect, parseCommand, parseComposeCommand, parseRunCommandLine, resolveManifests } from '../dist/index.js';
import { fmt, median } from './harness.mjs';

export const title = 'Scaling: 1x / 10x / 100x pathological inputs';

// Caps raised so that the 100x inputs are measured rather than refused (defaults: 16 Mi characters).
const limits = { maxInputLength: 64 * 1024 * 1024, maxInstructionLength: 64 * 1024 * 1024, maxStages: 1_000_000, maxInstructions: 10_000_000, maxYamlDocuments: 1_000_000 };

const dockerfile = (body) => evaluateDockerfile(body, { limits });
const CORPUS_LIKE = `# syntax=docker/dockerfile:1
ARG BASE=debian:12
FROM \${BASE} AS build
RUN apt-get update \\
    && apt-get install -y --no-install-recommends curl ca-certificates \\
    && rm -rf /var/lib/apt/lists/*
COPY --chown=app:app . /src
WORKDIR /src
ENV KEY=value
CMD ["make", "build"]
`;

/** [label, unit of 1x (for the table), build(n) → input, call]. n is 1, 10 or 100. */
const cases = [
  ['many continuations (CMD a \\\\ × 10k·n)', '10k lines', (n) => `FROM x\nCMD ${'a \\\n'.repeat(10_000 * n)}b\n`, dockerfile],
  ['long unterminated JSON array (parseCommand, `"a", ` × 20k·n)', '120 KB', (n) => `[${'"a", '.repeat(20_000 * n)}`, (t) => parseCommand(t, { limits })],
  ['many `[` (inspect JSON, 100k·n)', '100 KB', (n) => '['.repeat(100_000 * n), (t) => imageConfigFromInspect(t, { limits })],
  ['many stages (FROM … AS sN, 1k·n)', '1k stages', (n) => Array.from({ length: 1_000 * n }, (_, i) => `FROM scratch AS s${i}\nCMD ["${i}"]`).join('\n'), dockerfile],
  ['Dockerfile made of real-looking stages (100 KB·n, 100x = 10 MB)', '100 KB', (n) => CORPUS_LIKE.repeat(Math.round((100_000 * n) / CORPUS_LIKE.length)), dockerfile],
  ['compose command string (50k words·n)', '50k words', (n) => 'run "a b" \'c\' d\\ e '.repeat(10_000 * n), (t) => parseComposeCommand(t, { limits })],
  ['Kubernetes string with many `$(` (100k·n)', '200 KB', (n) => '$(A'.repeat(100_000 * n), (t) => expandKubernetes(t, { A: 'a' })],
  ['docker run line (-e A=1 × 5k·n)', '5k flags', (n) => `docker run ${'-e A=1 '.repeat(5_000 * n)}img sh -c "x"`, (t) => parseRunCommandLine(t)],
  [
    'Kubernetes YAML, many containers (500·n)',
    '500 containers',
    (n) => `kind: Pod\nspec:\n  containers:\n${'  - {name: c, image: x, args: ["$(A)", "b"]}\n'.repeat(500 * n)}`,
    (t) => resolveManifests(t, { images: { x: { entrypoint: ['/e'] } }, limits }),
  ],
];

function timeOnce(build, call, n) {
  const input = build(n);
  call(input); // warm-up at this size (JIT, string flattening)
  const samples = [];
  const reps = n >= 100 ? 3 : n >= 10 ? 5 : 9;
  for (let i = 0; i < reps; i++) {
    globalThis.gc?.(); // no garbage left over from the previous sample (npm run bench passes --expose-gc)
    const start = performance.now();
    call(input);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export async function run() {
  const rows = [];
  for (const [label, unit, build, call] of cases) {
    // Warm the whole path at 1x first so the 1x sample is not JIT-dominated.
    for (let i = 0; i < 20; i++) call(build(1));
    const t1 = timeOnce(build, call, 1);
    const t10 = timeOnce(build, call, 10);
    const t100 = timeOnce(build, call, 100);
    rows.push([label, unit, `${fmt(t1, 2)} ms`, `${fmt(t10, 1)} ms`, `${fmt(t100, 0)} ms`, `${fmt(t10 / t1, 1)}`, `${fmt(t100 / t1, 0)}`]);
  }
  return {
    columns: ['input', '1x', 'time 1x', 'time 10x', 'time 100x', 'ratio 10x', 'ratio 100x'],
    rows,
    notes: [
      'Linear: ratios near 10 and 100 (below when fixed costs dominate the 1x input; above when the 100x input leaves the CPU caches or triggers GC). Quadratic would be 100 and 10,000.',
      'Caps raised for the 100x inputs (options.limits); with the defaults the 10 MB Dockerfile still passes (16 Mi characters).',
    ],
  };
}
