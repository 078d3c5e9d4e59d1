import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  analyzeArgv,
  cpusToQuantity,
  evaluateDockerfile,
  expandKubernetes,
  imageConfigFromInspect,
  parseCommand,
  parseComposeCommand,
  parseEngineVersion,
  parseRunCommandLine,
  quoteShellArg,
  quoteShellWord,
  resolveComposeFile,
  resolveDockerRun,
  resolveKubernetes,
  resolveManifests,
  splitGoShellwords,
  splitShellWords,
  parseDotEnv,
} from '../../src/index.js';

// Linear time (issue #7, CONTRIBUTING "Parsers are single linear passes"). Two checks:
// 1. a static audit of every regular expression literal in src/ (outside the CLI): no quantified
//    group whose body is itself quantified unless the row below explains why it cannot backtrack;
// 2. every parser, on inputs built to make its regexes (or its scans) backtrack or rescan, finishes
//    a ~200k-character input within a bound that quadratic behaviour would blow by orders of magnitude.

const SRC = new URL('../../src/', import.meta.url);
function sources(dir: URL, prefix = ''): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'cli' ? [] : sources(new URL(`${e.name}/`, dir), `${prefix}${e.name}/`);
    return e.name.endsWith('.ts') ? [{ file: `${prefix}${e.name}`, text: readFileSync(new URL(e.name, dir), 'utf8') }] : [];
  });
}

/** Regex literals in code (not in comments or strings, roughly: after `=`, `(`, `,`, `:`, `!`, `&`, `|`, `?`, `return`). */
function regexLiterals(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const code = line.trimStart();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) continue;
    const re = /(?:^|[=(,:!&|?]|return)\s*\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[\n])+)\/[dgimsuy]*/g;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push(m[1] as string);
  }
  return out;
}

/** A group quantified by + * or {n,} whose body contains + * or {n,}: the shape of catastrophic backtracking. */
function nestedQuantifier(source: string): boolean {
  const stack: number[] = [];
  const quantifiedInside: boolean[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      stack.push(i);
      quantifiedInside.push(false);
    } else if (c === ')') {
      stack.pop();
      const inner = quantifiedInside.pop() ?? false;
      const q = source[i + 1];
      const unbounded = q === '+' || q === '*' || (q === '{' && /^\{\d+,\}/.test(source.slice(i + 1)));
      if (inner && unbounded) return true;
      if (inner && quantifiedInside.length > 0) quantifiedInside[quantifiedInside.length - 1] = true;
    } else if ((c === '+' || c === '*' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)))) && quantifiedInside.length > 0) {
      quantifiedInside[quantifiedInside.length - 1] = true;
    }
  }
  return false;
}

// Nested quantifiers that cannot backtrack: each repetition starts with a character the
// previous one cannot end with (disjoint classes), so there is one way to match.
const REVIEWED: Record<string, string> = {
  '^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$': 'separator class [._-] is disjoint from [a-z0-9]',
  '^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$': 'separator class [-_+.] is disjoint from the component classes',
};

describe('static audit of regular expressions in src/', () => {
  const all = sources(SRC).flatMap(({ file, text }) => regexLiterals(text).map((source) => ({ file, source })));

  test('the audit sees the regexes and its detectors fire (sanity)', () => {
    expect(all.length).toBeGreaterThan(15);
    expect(nestedQuantifier('^(a+)+$')).toBe(true);
    expect(nestedQuantifier('^(?:x(?:[a-z]*,)*)$')).toBe(true);
    expect(nestedQuantifier('^(\\d*)(?:\\.(\\d*))?$')).toBe(false);
    expect(Object.keys(REVIEWED).every((r) => nestedQuantifier(r))).toBe(true);
    expect(/\.[+*]\??\)?\\s\*\$/.test('^([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$')).toBe(true);
  });

  test('no nested unbounded quantifier unless reviewed', () => {
    const risky = all.filter(({ source }) => nestedQuantifier(source) && !Object.hasOwn(REVIEWED, source));
    expect(risky).toEqual([]);
  });

  test('no lazy/greedy wildcard followed by optional blanks before $ (the old `(.+?)\\s*$` comment-check shape)', () => {
    const risky = all.filter(({ source }) => /\.[+*]\??\)?\\s\*\$/.test(source));
    expect(risky).toEqual([]);
  });
});

const N = 200_000;
const BOUND_MS = 1_500; // linear: a few ms to ~100 ms here; quadratic on 200k: minutes.

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const adversarial: readonly (readonly [label: string, run: () => unknown])[] = [
  ['Dockerfile `# check=` comment with inner blanks (was (.+?)\\s*$)', () => evaluateDockerfile(`FROM x\n# check=a${' '.repeat(60_000)}b\nCMD x\n`)],
  ['Dockerfile many continuations', () => evaluateDockerfile(`FROM x\nCMD ${'a \\\n'.repeat(N / 4)}b\n`)],
  ['Dockerfile many stages', () => evaluateDockerfile(Array.from({ length: 5_000 }, (_, i) => `FROM scratch AS s${i}`).join('\n'))],
  ['Dockerfile ONBUILD x 10k in one stage (was a copy per ONBUILD)', () => evaluateDockerfile(`FROM x\n${'ONBUILD RUN x\n'.repeat(10_000)}`)],
  ['Dockerfile ONBUILD ONBUILD … on one line', () => evaluateDockerfile(`FROM x\n${'ONBUILD '.repeat(8_000)}CMD x\n`)],
  ['Dockerfile directives then blanks', () => evaluateDockerfile(`# escape=${' '.repeat(60_000)}\`\nFROM x`)],
  ['parseCommand 200k [', () => parseCommand('['.repeat(N))],
  ['parseCommand --flags', () => parseCommand('--a '.repeat(N / 4))],
  ['parseEngineVersion 1.1.1…', () => parseEngineVersion(`1${'.1'.repeat(N)}x`)],
  ['analyzeArgv `sh -c` blanks before exec', () => analyzeArgv(['sh', '-c', `${' '.repeat(N)}exe`], { entrypointLength: 0 })],
  ['analyzeArgv $ signs', () => analyzeArgv(['sh', '-c', '${'.repeat(N), 'x'], { entrypointLength: 3 })],
  ['resolveDockerRun long entrypoint', () => resolveDockerRun({ cmd: ['a'] }, { entrypoint: `${'a'.repeat(N)} ` })],
  ['expandKubernetes $( without ) (was quadratic; fuzz seed 1: 372 ms on 200k `$(`)', () => expandKubernetes('$('.repeat(N), {})],
  ['expandKubernetes $( far before )', () => expandKubernetes(`${'$('.repeat(N)})`, {})],
  ['resolveKubernetes ${ without } (was quadratic)', () => resolveKubernetes({}, { command: ['${'.repeat(N)] })],
  ['resolveKubernetes long env names', () => resolveKubernetes({}, { command: ['x'], env: [{ name: `${'a'.repeat(N)}!`, value: 'v' }] }, { kubernetesVersion: '1.30' })],
  ['splitGoShellwords quotes and escapes', () => splitGoShellwords(`${'"a\\" '.repeat(N / 5)}`)],
  ['parseComposeCommand one long word full of `$( … )` (fuzz seed 44, call 917753: 2.3 s; was endsWith on a rope)', () => parseComposeCommand('éimage:$( AS null${ 巖-c\uFEFF)Pod㚽ONBUILDAS'.repeat(20_000))],
  ['parseComposeCommand long string', () => parseComposeCommand('a "b c" \'d\' \\e '.repeat(N / 16))],
  ['resolveComposeFile long command and interpolation', () => resolveComposeFile(`services:\n  s:\n    image: x\n    command: ${JSON.stringify('${A:-${B:-x}} '.repeat(N / 15))}\n`, { images: { x: {} } })],
  ['resolveManifests $( in args', () => resolveManifests(`kind: Pod\nspec:\n  containers:\n  - name: c\n    image: x\n    args: [${JSON.stringify('$('.repeat(N))}]\n`, { images: { x: {} } })],
  ['resolveManifests long bad key (path formatting)', () => resolveManifests(`kind: Pod\nspec:\n  containers:\n  - name: c\n    image: x\n    args: {${'a'.repeat(N)}-!: 1}\n`, { images: { x: {} } })],
  ['imageConfigFromInspect 200k [', () => imageConfigFromInspect('['.repeat(N))],
  ['parseRunCommandLine image refs (host/path/tag/digest regexes)', () => {
    for (const ref of [`${'a-'.repeat(N / 2)}`, `${'a.'.repeat(N / 2)}/x`, `${'a__'.repeat(N / 3)}_`, `a@${'a+'.repeat(N / 2)}:`, `x:${'a'.repeat(N)}`]) parseRunCommandLine(`docker run ${ref}`);
  }],
  ['parseRunCommandLine many flags', () => parseRunCommandLine(`docker run ${'-e A=1 '.repeat(N / 10)}img`)],
  ['parseRunCommandLine int values', () => parseRunCommandLine(`docker run --cpu-shares ${'0'.repeat(N)}x img`)],
  ['splitShellWords $ and quotes', () => splitShellWords(`${'$a"b"\'c\' '.repeat(N / 9)}`)],
  ['cpusToQuantity digits', () => cpusToQuantity(`${'1'.repeat(N)}.${'1'.repeat(N)}x`)],
  ['podman --cpus (strconv.ParseFloat) digits and separators', () => {
    for (const v of [`${'1_'.repeat(N / 2)}.x`, `0x${'f'.repeat(N)}.${'f'.repeat(N)}p-99999`, `${'1'.repeat(N)}e${'1'.repeat(N)}x`]) parseRunCommandLine(['podman', 'create', '--cpus', v, 'img']);
  }],
  ['parseDotEnv long values, quotes, escapes, names and ${', () => {
    for (const t of [`A=${'x #'.repeat(N / 3)}`, `A="${'\\n\\"$'.repeat(N / 6)}`, `A='${'a'.repeat(N)}`, `${'a'.repeat(N)}!=1`, `A=${'${'.repeat(N / 2)}`, `${'\n'.repeat(N)}export`, `A=${'$B'.repeat(N / 2)}`]) parseDotEnv(t);
  }],
  ['quoteShellArg / quoteShellWord', () => [quoteShellArg(`${'a'.repeat(N)}'`), quoteShellWord(`${'a'.repeat(N)}'`)]],
];

describe('parsers finish adversarial inputs in linear time', () => {
  test.for(adversarial)('%s', ([, run]) => {
    run(); // warm-up (JIT)
    expect(timed(run)).toBeLessThan(BOUND_MS);
  });
});
