// Adversarial inputs: every parser on inputs built to make its regexes backtrack or its scans rescan
// (issue #7), at 25k and 200k characters. Linear means a time ratio near 8; quadratic would be 64.
// These were wall-clock assertions in the unit tests (test/project/regex-safety.test.ts and the
// "nothing quadratic" block of test/dockerfile/evaluate.test.ts) until they flaked on a loaded
// machine (issue 12 §7): timing is the benchmark's job. `BENCH_ONLY=adversarial npm run bench`.
import {
  analyzeArgv,
  evaluateDockerfile,
  expandKubernetes,
  formatArgv,
  imageConfigFromInspect,
  parseCommand,
  parseComposeCommand,
  parseDotEnv,
  parseRunCommandLine,
  resolveComposeFile,
  resolveDockerRun,
  resolveKubernetes,
  resolveManifests,
  runFlagsToKubernetes,
} from '../dist/index.js';
import { fmt, median } from './harness.mjs';

export const title = 'Adversarial inputs: 25k vs 200k characters';

const SMALL = 25_000;
const LARGE = 200_000;
/** One Dockerfile line must stay under BuildKit's 64 KiB limit (else the input is refused unread): 7.5k and 60k. */
const line = (n) => Math.round(n * 0.3);

/** [label, run(n)] where n is the input size in characters (roughly). */
const cases = [
  // Dockerfile shapes (formerly evaluate.test.ts "nothing quadratic")
  ['Dockerfile many continuation lines', (n) => evaluateDockerfile(`FROM scratch\nCMD a \\\n${'  b \\\n'.repeat(n / 6)}c\n`)],
  ['Dockerfile many blank lines in a continuation', (n) => evaluateDockerfile(`FROM scratch\nCMD a \\\n${'\n'.repeat(n)}c\n`)],
  ['Dockerfile many CMDs', (n) => evaluateDockerfile(`FROM scratch\n${'CMD ["a", "b"]\n'.repeat(n / 15)}`)],
  [
    'Dockerfile many stages, each FROM the previous',
    (n) => evaluateDockerfile(`FROM scratch AS s0\n${Array.from({ length: n / 25 }, (_, i) => `FROM s${i} AS s${i + 1}\nCMD x\n`).join('')}`),
  ],
  // A line stays under BuildKit's 64 KiB line limit: RUN lines of 1,000 heredocs each.
  ['Dockerfile RUN lines of 1,000 heredocs each', (n) => evaluateDockerfile(`FROM scratch\n${`RUN ${'<<A '.repeat(1_000)}\n${'A\n'.repeat(1_000)}`.repeat(n / 6_000)}`)],
  ['Dockerfile long run of `[` (one line: 0.3 n)', (n) => evaluateDockerfile(`FROM scratch\nCMD ${'['.repeat(line(n))}\n`)],
  ['Dockerfile many comments', (n) => evaluateDockerfile(`${'# c\n'.repeat(n / 4)}FROM scratch\n`)],
  ['Dockerfile unterminated quotes in flags (one line: 0.3 n)', (n) => evaluateDockerfile(`FROM scratch\nCMD --${'"'.repeat(line(n))}\n`)],
  // Regex and scan shapes (formerly regex-safety.test.ts, 200k characters under 1.5 s)
  ['Dockerfile `# check=` comment with inner blanks (was (.+?)\\s*$; one line: 0.3 n)', (n) => evaluateDockerfile(`FROM x\n# check=a${' '.repeat(line(n))}b\nCMD x\n`)],
  ['Dockerfile many continuations', (n) => evaluateDockerfile(`FROM x\nCMD ${'a \\\n'.repeat(n / 4)}b\n`)],
  ['Dockerfile many stages', (n) => evaluateDockerfile(Array.from({ length: n / 40 }, (_, i) => `FROM scratch AS s${i}`).join('\n'))],
  ['Dockerfile ONBUILD × n in one stage (was a copy per ONBUILD)', (n) => evaluateDockerfile(`FROM x\n${'ONBUILD RUN x\n'.repeat(n / 20)}`)],
  ['Dockerfile ONBUILD ONBUILD … on one line', (n) => evaluateDockerfile(`FROM x\n${'ONBUILD '.repeat(n / 25)}CMD x\n`)],
  ['Dockerfile directive then blanks (one line: 0.3 n)', (n) => evaluateDockerfile(`# escape=${' '.repeat(line(n))}\`\nFROM x`)],
  ['parseCommand `[` × n', (n) => parseCommand('['.repeat(n))],
  ['parseCommand --flags', (n) => parseCommand('--a '.repeat(n / 4))],
  ['engine version 1.1.1… (resolveDockerRun options.engineVersion)', (n) => resolveDockerRun({ cmd: ['a'] }, {}, { engineVersion: `1${'.1'.repeat(n)}x` })],
  ['analyzeArgv `sh -c` blanks before exec', (n) => analyzeArgv(['sh', '-c', `${' '.repeat(n)}exe`], { entrypointLength: 0 })],
  ['analyzeArgv $ signs', (n) => analyzeArgv(['sh', '-c', '${'.repeat(n), 'x'], { entrypointLength: 3 })],
  ['resolveDockerRun long entrypoint', (n) => resolveDockerRun({ cmd: ['a'] }, { entrypoint: `${'a'.repeat(n)} ` })],
  ['expandKubernetes $( without ) (was quadratic; fuzz seed 1)', (n) => expandKubernetes('$('.repeat(n), {})],
  ['expandKubernetes $( far before )', (n) => expandKubernetes(`${'$('.repeat(n)})`, {})],
  ['resolveKubernetes ${ without } (was quadratic)', (n) => resolveKubernetes({}, { command: ['${'.repeat(n)] })],
  ['resolveKubernetes long env names', (n) => resolveKubernetes({}, { command: ['x'], env: [{ name: `${'a'.repeat(n)}!`, value: 'v' }] }, { kubernetesVersion: '1.30' })],
  ['parseComposeCommand quotes and escapes (go-shellwords)', (n) => parseComposeCommand('"a\\" '.repeat(n / 5))],
  ['parseComposeCommand one long word full of `$( … )` (fuzz seed 44)', (n) => parseComposeCommand('éimage:$( AS null${ 巖-c\uFEFF)Pod㚽ONBUILDAS'.repeat(n / 40))],
  ['parseComposeCommand long string', (n) => parseComposeCommand('a "b c" \'d\' \\e '.repeat(n / 16))],
  [
    'resolveComposeFile long command and interpolation',
    (n) => resolveComposeFile(`services:\n  s:\n    image: x\n    command: ${JSON.stringify('${A:-${B:-x}} '.repeat(n / 15))}\n`, { images: { x: {} } }),
  ],
  [
    'resolveManifests $( in args',
    (n) => resolveManifests(`kind: Pod\nspec:\n  containers:\n  - name: c\n    image: x\n    args: [${JSON.stringify('$('.repeat(n))}]\n`, { images: { x: {} } }),
  ],
  [
    'resolveManifests long bad key (path formatting)',
    (n) => resolveManifests(`kind: Pod\nspec:\n  containers:\n  - name: c\n    image: x\n    args: {${'a'.repeat(n)}-!: 1}\n`, { images: { x: {} } }),
  ],
  ['imageConfigFromInspect `[` × n', (n) => imageConfigFromInspect('['.repeat(n))],
  [
    'parseRunCommandLine image refs (host/path/tag/digest regexes)',
    (n) => {
      for (const ref of ['a-'.repeat(n / 2), `${'a.'.repeat(n / 2)}/x`, `${'a__'.repeat(n / 3)}_`, `a@${'a+'.repeat(n / 2)}:`, `x:${'a'.repeat(n)}`])
        parseRunCommandLine(`docker run ${ref}`);
    },
  ],
  ['parseRunCommandLine many flags', (n) => parseRunCommandLine(`docker run ${'-e A=1 '.repeat(n / 10)}img`)],
  ['parseRunCommandLine int values', (n) => parseRunCommandLine(`docker run --cpu-shares ${'0'.repeat(n)}x img`)],
  ['parseRunCommandLine $ and quotes (POSIX words)', (n) => parseRunCommandLine(`docker run img ${'$a"b"\'c\' '.repeat(n / 9)}`)],
  ['runFlagsToKubernetes --cpus digits', (n) => runFlagsToKubernetes([{ name: 'cpus', value: `${'1'.repeat(n)}.${'1'.repeat(n)}x`, spelled: '--cpus', location: {} }])],
  [
    'podman --cpus (strconv.ParseFloat) digits and separators',
    (n) => {
      for (const v of [`${'1_'.repeat(n / 2)}.x`, `0x${'f'.repeat(n)}.${'f'.repeat(n)}p-99999`, `${'1'.repeat(n)}e${'1'.repeat(n)}x`])
        parseRunCommandLine(['podman', 'create', '--cpus', v, 'img']);
    },
  ],
  [
    'parseDotEnv long values, quotes, escapes, names and ${',
    (n) => {
      for (const t of [
        `A=${'x #'.repeat(n / 3)}`,
        `A="${'\\n\\"$'.repeat(n / 6)}`,
        `A='${'a'.repeat(n)}`,
        `${'a'.repeat(n)}!=1`,
        `A=${'${'.repeat(n / 2)}`,
        `${'\n'.repeat(n)}export`,
        `A=${'$B'.repeat(n / 2)}`,
      ])
        parseDotEnv(t);
    },
  ],
  ['formatArgv shell quoting', (n) => formatArgv([`${'a'.repeat(n)}'`], 'shell')],
];

/** Median wall time of `reps` calls after one warm-up call. */
function time(run, n, reps) {
  run(n);
  const samples = [];
  for (let i = 0; i < reps; i++) {
    globalThis.gc?.();
    const start = performance.now();
    run(n);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export async function run() {
  const rows = [];
  for (const [label, call] of cases) {
    const small = time(call, SMALL, 7);
    const large = time(call, LARGE, 3);
    rows.push([label, `${fmt(small, 2)} ms`, `${fmt(large, 1)} ms`, fmt(large / Math.max(small, 0.01), 1)]);
  }
  return {
    columns: ['input', `time ${SMALL / 1000}k`, `time ${LARGE / 1000}k`, 'ratio (linear ≈ 8)'],
    rows,
    notes: [
      'Medians of 7 (25k) and 3 (200k) calls after a warm-up. Rows under a millisecond at 25k are timer noise; a quadratic scan would show a ratio near 64 and seconds at 200k.',
    ],
  };
}
