#!/usr/bin/env node
// `npm run fuzz`: throws generated hostile inputs at every parser of the built package and
// checks that each call returns (never throws, never hangs), that results are deterministic,
// and that nothing reaches Object.prototype. Bounded in time and count; seeded.
//
//   npm run fuzz -- --seed 1234 --seconds 60 --count 2000000   (CI: --seconds 60)
//
// Defaults: 90 s or 2,000,000 inputs, whichever comes first (~1.1M inputs/min on 2 busy cores).
//
// A failure prints the seed, the target and the input (JSON) so it can be replayed and turned
// into a fixture row.
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    seconds: { type: 'string', default: '90' },
    count: { type: 'string', default: '2000000' },
    'slow-ms': { type: 'string', default: '2000' },
    // Another build of the package (e.g. a private esbuild bundle of src/), default ../dist.
    lib: { type: 'string' },
  },
});
const lib = await import(values.lib ? pathToFileURL(resolve(values.lib)).href : '../dist/index.js');
const seed = values.seed !== undefined ? Number(values.seed) >>> 0 : (Date.now() ^ (process.pid << 8)) >>> 0;
const deadline = performance.now() + Number(values.seconds) * 1000;
const maxCount = Number(values.count);
const slowMs = Number(values['slow-ms']);
console.log(`fuzz seed ${seed} (replay: npm run fuzz -- --seed ${seed})`);

// ---- deterministic PRNG (mulberry32) ------------------------------------------------------
let state = seed;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rand() * n);
// Share of giant inputs (100k `[`, 1 MB lines, thousands of stages…): rare, so that a run still covers
// millions of small inputs, yet hundreds of giants per minute.
const GIANT = 0.002;
const pick = (list) => list[int(list.length)];

// ---- generators ---------------------------------------------------------------------------
const ATOMS = [
  '[',
  ']',
  '"',
  "'",
  '\\',
  '`',
  ',',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '#',
  '$',
  '$$',
  '$(',
  ')',
  '(',
  '{',
  '}',
  '${',
  ':',
  '=',
  '--',
  '-',
  'CMD',
  'ENTRYPOINT',
  'SHELL',
  'FROM',
  'ONBUILD',
  'RUN',
  'ARG',
  'AS',
  ' AS ',
  'scratch',
  '<<EOF',
  'EOF',
  '<<-',
  '&&',
  '|',
  ';',
  '>',
  '<',
  '&',
  '\0',
  '\uFEFF',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  'null',
  'true',
  '1',
  '-1e9',
  '{}',
  '[]',
  '[""]',
  '__proto__',
  'constructor',
  'prototype',
  '# escape=`',
  '# syntax=x',
  '# check=skip=all',
  '\\\n',
  '`\n',
  'a',
  'b',
  'x y',
  '"a"',
  '["a", "b"]',
  'docker',
  'run',
  'podman',
  '--entrypoint',
  '-e',
  '-it',
  'img',
  'sh',
  '-c',
  'apiVersion',
  'kind:',
  'Pod',
  'command:',
  'args:',
  '- ',
  '  ',
  'services:',
  'entrypoint:',
  'image:',
  '*a',
  '&a',
  '!!js',
  '? ',
  '%YAML',
  '---',
  '...',
];

const LINE_ATOMS = ATOMS.filter((a) => !/[\r\n]/.test(a));

/** Up to `max` atoms; `inline` keeps them on one line (so Dockerfile instructions stay instructions). */
function atoms(max, inline = false) {
  const list = inline ? LINE_ATOMS : ATOMS;
  let s = '';
  const n = int(max);
  for (let i = 0; i < n; i++) s += rand() < 0.85 ? pick(list) : String.fromCharCode(int(0x10000));
  return s;
}

function hostileText() {
  // Giant inputs are rare so that the run still covers millions of small ones.
  if (rand() > GIANT) return atoms(rand() < 0.9 ? 40 : 400);
  switch (int(6)) {
    case 0:
      return '['.repeat(1 + int(100_000));
    case 1:
      return `${'['.repeat(9_990 + int(20))}"a"${']'.repeat(9_990 + int(20))}`;
    case 2:
      return 'x'.repeat(int(1_000_000));
    case 3:
      return `CMD ${'a \\\n'.repeat(int(20_000))}b`;
    case 4:
      return Array.from({ length: int(3_000) }, (_, i) => `FROM scratch AS s${i}\nCMD ["${i}"]`).join('\n');
    default:
      return `${'\r\n'.repeat(int(50))}${atoms(200)}`;
  }
}

/** `.env`-like text: names, `export`, `=`/`:`, quotes, escapes, `${…}`, comments, blank and CRLF lines. */
function dotEnvText() {
  const lines = [];
  for (let i = 0, n = int(12); i < n; i++) {
    const name = pick(['A', 'B_1', 'export A', 'a.b-c[0]', 'X Y', '', '__proto__', atoms(2)]);
    const value = pick(['v', '"a\\nb"', "'x'", '"${A:-d}"', '${B}', '"unterminated', "'a\\'b'", 'x #c', '"\\0101"', atoms(6)]);
    lines.push(`${name}${pick(['=', ': ', '', ' = '])}${value}${pick(['', ' # c', '\r'])}`);
  }
  return lines.join(rand() < 0.2 ? '\r\n' : '\n');
}

function dockerfileText() {
  const lines = [];
  const n = rand() < 0.8 ? int(10) : int(60);
  if (rand() < 0.2) lines.push(pick(['# escape=`', '# escape=\\', '# syntax=docker/dockerfile:1', '# check=skip=all', '#escape=x', '# ESCAPE = `']));
  // `# syntax=` frontends (frontend.ts): releases, labs, upstream, digests, custom images, junk tags.
  if (rand() < 0.15) {
    lines.unshift(
      `${pick(['# syntax=', '#syntax=', '# SYNTAX = ', '#!x\n# syntax='])}${pick(['docker/dockerfile:1.2', 'docker/dockerfile:1.3-labs', 'docker/dockerfile:1.8', 'docker/dockerfile:1.4.3-rc1', 'docker/dockerfile-upstream:master', 'docker/dockerfile:experimental', 'docker/dockerfile@sha256:ab', 'docker.io/docker/dockerfile', 'x/y:1', 'docker/dockerfile:1.99999999999999999999', atoms(3)])}`,
    );
  }
  // Most texts start like a real Dockerfile so that the evaluator gets past the first FROM.
  if (rand() < 0.7) lines.push(`${pick(['FROM', 'from', 'ARG B=x\nFROM'])} ${pick(['x', 'img', 'scratch', '$B', '${B:-img}', 'x AS a', '__proto__', 'constructor', atoms(3)])}`);
  for (let i = 0; i < n; i++) {
    const kw = pick([
      'FROM',
      'CMD',
      'ENTRYPOINT',
      'SHELL',
      'ARG',
      'RUN',
      'ONBUILD',
      'COPY',
      'ENV',
      'cmd',
      'Entrypoint',
      '  CMD',
      '#',
      'CMD',
      'ENTRYPOINT',
      'CMD',
      'ENTRYPOINT',
      'ONBUILD CMD',
      'LABEL',
    ]);
    const arg =
      rand() < 0.3 ? pick(['["a", "b"]', '["sh", "-c", "x"]', '[]', '--x', '-- --x', '<<EOF\nx\nEOF', 'a \\\n b', '["a" \\\n ]', '$B', 'a AS b']) : atoms(12, rand() < 0.8);
    // FROM and SHELL mostly well-formed, so that one bad line does not end every evaluation early.
    if (kw === 'FROM' && rand() < 0.8) lines.push(`FROM ${pick(['x', 'img', 'scratch', 'a', '$B'])}${pick(['', ' AS a', ' AS b', ' as C'])}`);
    else if (kw === 'SHELL' && rand() < 0.8) lines.push(`SHELL ${pick(['["/bin/bash", "-c"]', '["cmd", "/S", "/C"]', '["a"]'])}`);
    else lines.push(`${kw} ${arg}`);
  }
  return lines.join(pick(['\n', '\r\n', '\r', '\n', '\n']));
}

function yamlText() {
  const key = () =>
    pick([
      '__proto__',
      'constructor',
      'prototype',
      'command',
      'args',
      'env',
      'name',
      'image',
      'spec',
      'containers',
      'services',
      'entrypoint',
      'kind',
      'apiVersion',
      'template',
      atoms(4),
    ]);
  const value = (depth) => {
    if (depth > 3 || rand() < 0.4) return pick(['', 'x', '"$(A)"', "'$$B'", 'null', '[]', '{}', '[a, "b"]', '1', atoms(6)]);
    if (rand() < 0.5) return `\n${'  '.repeat(depth + 1)}- ${value(depth + 1)}`;
    return `\n${'  '.repeat(depth + 1)}${key()}: ${value(depth + 1)}`;
  };
  const docs = [];
  for (let d = 0, n = 1 + int(3); d < n; d++) {
    docs.push(`kind: ${pick(['Pod', 'Deployment', 'CronJob', 'Job', 'StatefulSet', 'Weird', atoms(3)])}\n${key()}: ${value(0)}\n${key()}: ${value(0)}`);
  }
  return rand() < 0.1 ? atoms(200) : docs.join('\n---\n');
}

function jsonValue(depth = 0) {
  if (depth > 4 || rand() < 0.3) return pick([null, 1, 'x', '', true, [], {}, ['a'], atoms(5)]);
  if (rand() < 0.5) return Array.from({ length: int(4) }, () => jsonValue(depth + 1));
  const o = {};
  for (let i = 0, n = int(4); i < n; i++) {
    Object.defineProperty(o, pick(['__proto__', 'constructor', 'Config', 'Cmd', 'Entrypoint', 'Shell', 'config', 'os', 'Os', atoms(3)]), {
      value: jsonValue(depth + 1),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return o;
}

// ---- targets ------------------------------------------------------------------------------
const REQUIRED = [
  'parseCommand',
  'evaluateDockerfile',
  'parseComposeCommand',
  'parseDotEnv',
  'expandKubernetes',
  'resolveManifests',
  'resolveComposeFile',
  'parseRunCommandLine',
  'imageConfigFromInspect',
];
const missing = REQUIRED.filter((name) => typeof lib[name] !== 'function');
if (missing.length > 0) {
  console.error(`fuzz: the package does not export ${missing.join(', ')}`);
  process.exit(1);
}

// Own `__proto__`/`constructor` keys (JSON.parse defines them, an object literal would not).
const images = JSON.parse('{"x": {"cmd": ["c"]}, "img": {"entrypoint": ["e"]}, "__proto__": {"cmd": ["p"]}, "constructor": {"entrypoint": ["k"]}}');
const env = JSON.parse('{"A": "a", "__proto__": "$(A)", "constructor": "$(__proto__)", "toString": "t"}');
const INSTRUCTIONS = ['CMD', 'ENTRYPOINT', 'SHELL', 'RUN'];
const ENGINES = [{}, { engine: 'podman' }, { engineVersion: '20.10' }, { builder: 'classic' }, { engine: 'podman', engineVersion: '5.0' }];

function hostileYaml() {
  if (rand() > GIANT * 2) return rand() < 0.5 ? yamlText() : atoms(60);
  switch (int(7)) {
    case 0:
      return `kind: Pod\nspec: ${'['.repeat(1 + int(100_000))}`;
    case 1:
      return `kind: Pod\nspec: ${'{a: '.repeat(1 + int(20_000))}`;
    case 2: {
      let s = 'kind: Pod\n';
      for (let i = 0, n = int(3_000); i < n; i++) s += `${' '.repeat(i)}k${i}:\n`;
      return s;
    }
    case 3:
      return `${'---\nkind: Pod\n'.repeat(int(5_000))}`;
    case 4: // billion laughs
      return 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    case 5:
      return `services:\n  __proto__:\n    image: x\n    command: ${JSON.stringify('a '.repeat(int(200_000)))}\n  constructor: {image: img, entrypoint: "$$x \\"y"}\n`;
    default:
      return `kind: Pod\nspec:\n  containers:\n  - name: c\n    image: x\n    args: [${JSON.stringify('$('.repeat(int(200_000)))}]\n`;
  }
}

function runLine() {
  if (rand() > GIANT) return rand() < 0.5 ? `${pick(['docker', 'podman', 'sudo docker', 'docker container'])} run ${atoms(20)}` : atoms(30);
  switch (int(3)) {
    case 0:
      return `docker run ${'-e A=1 '.repeat(int(50_000))}img`;
    case 1:
      return `docker run ${'"'.repeat(int(100_000))}`;
    default:
      return `docker run img ${'a\\\n'.repeat(int(50_000))}`;
  }
}

// [name, generator, call, weight]: calls per round. The YAML readers cost ~50x a parseCommand call,
// so they get fewer calls; every target still sees tens of thousands of inputs per minute.
const targets = [
  ['parseCommand', () => [hostileText(), { instruction: pick(INSTRUCTIONS), ...pick(ENGINES) }], (t, o) => lib.parseCommand(t, o), 6],
  ['evaluateDockerfile', () => [rand() < 0.7 ? dockerfileText() : hostileText(), { baseImages: images, ...pick(ENGINES) }], (t, o) => lib.evaluateDockerfile(t, o), 4],
  ['parseComposeCommand', () => [rand() < 0.8 ? (rand() > GIANT ? atoms(30) : atoms(30).repeat(int(20_000))) : jsonValue()], (v) => lib.parseComposeCommand(v), 6],
  ['parseDotEnv', () => [rand() < 0.6 ? dotEnvText() : hostileText()], (t) => lib.parseDotEnv(t, { environment: env }), 5],
  ['expandKubernetes', () => [rand() > GIANT ? atoms(40) : '$('.repeat(int(200_000))], (t) => lib.expandKubernetes(t, env), 6],
  ['resolveManifests', () => [hostileYaml()], (t) => lib.resolveManifests(t, { images, env: [{ name: 'A', value: '$(B)' }] }), 1],
  ['resolveComposeFile', () => [hostileYaml().replace(/^kind:/m, 'services:')], (t) => lib.resolveComposeFile(t, { images, environment: env }), 1],
  ['parseRunCommandLine', () => [runLine()], (t) => lib.parseRunCommandLine(t), 3],
  [
    'imageConfigFromInspect',
    () => [rand() > GIANT ? (rand() < 0.5 ? jsonValue() : JSON.stringify(jsonValue())) : pick(['[', '{"Config":', '{"a":']).repeat(int(100_000))],
    (v) => lib.imageConfigFromInspect(v),
    5,
  ],
  ['resolveDockerRun', () => [jsonValue(), jsonValue()], (i, r) => lib.resolveDockerRun(imageOf(i), runOf(r)), 6],
];

// Typed (not wrong-type) inputs for resolveDockerRun: string arrays or null from the JSON generator.
function strings(v) {
  return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x : (JSON.stringify(x) ?? ''))) : v === null ? null : undefined;
}
function imageOf(v) {
  const o = v !== null && typeof v === 'object' ? v : {};
  return { entrypoint: strings(o.Entrypoint ?? o.Config), cmd: strings(o.Cmd ?? o.os), os: o.Os === 'x' ? 'windows' : 'linux' };
}
function runOf(v) {
  const o = v !== null && typeof v === 'object' ? v : {};
  const run = {};
  const e = strings(o.Entrypoint);
  if (e) run.entrypoint = e.length > 0 ? e[0] : '';
  const c = strings(o.Cmd ?? o.config);
  if (c) run.args = c;
  if (o.Shell !== undefined) run.init = true;
  return run;
}

// Core modules never log: console output or a process warning during a call is a failure.
let current = '(startup)';
let currentInput = null;
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
  const original = console[method].bind(console);
  console[method] = (...args) => {
    if (current === '(report)') return original(...args);
    report(current, currentInput, `wrote to console.${method}: ${String(args[0]).slice(0, 200)}`);
  };
}
process.emitWarning = (warning) => report(current, currentInput, `emitted a process warning: ${String(warning?.message ?? warning).slice(0, 200)}`);
const print = (...args) => process.stdout.write(`${args.join(' ')}\n`);

const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const protoBefore = protoKeys();
const stats = Object.fromEntries(targets.map(([name]) => [name, { calls: 0, ok: 0, failed: 0, slowest: 0, total: 0 }]));
let count = 0;

function report(name, input, problem) {
  current = '(report)';
  console.error(`\nFUZZ FAILURE in ${name}: ${problem}\nseed ${seed}, call ${count}\ninput: ${JSON.stringify(input)?.slice(0, 2000)}`);
  process.exit(1);
}

function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch (e) {
    return `unserialisable: ${e.message}`;
  }
}

while (count < maxCount && performance.now() < deadline) {
  for (const [name, gen, call, weight] of targets)
    for (let w = 0; w < weight; w++) {
      const input = gen();
      current = name;
      currentInput = input;
      const started = performance.now();
      let first;
      try {
        first = call(...input);
      } catch (e) {
        report(name, input, `threw ${e?.stack ?? e}`);
      }
      const elapsed = performance.now() - started;
      const s = stats[name];
      s.calls++;
      s.slowest = Math.max(s.slowest, elapsed);
      s.total += elapsed;
      if (elapsed > slowMs) report(name, input, `took ${elapsed.toFixed(0)} ms`);
      if (typeof first === 'string')
        s.ok++; // expandKubernetes returns the expanded text
      else if (first === null || typeof first !== 'object' || typeof first.ok !== 'boolean') report(name, input, `returned ${safeJson(first)}`);
      else if (first.ok) s.ok++;
      else {
        s.failed++;
        if (!Array.isArray(first.issues) || first.issues.length === 0) report(name, input, 'ok:false without issues');
        // A stack overflow or internal error turned into an issue is still a bug: the outcome would
        // depend on the caller's stack depth.
        const text = safeJson(first.issues);
        if (/Maximum call stack|RangeError|TypeError|Cannot read prop/.test(text)) report(name, input, `internal error reported as an issue: ${text.slice(0, 300)}`);
      }
      // Determinism: a second call on a tenth of the inputs gives the same result.
      if (count % 10 === 0) {
        const again = call(...input);
        if (safeJson(again) !== safeJson(first)) report(name, input, 'not deterministic');
      }
      count++;
    }
  if (count % 50_000 < 40 && protoKeys() !== protoBefore) report('(all)', null, 'Object.prototype was modified');
}
if (protoKeys() !== protoBefore || {}.polluted !== undefined) report('(all)', null, 'Object.prototype was modified');

print(`\n${count.toLocaleString('en-US')} inputs in ${((Number(values.seconds) * 1000 - (deadline - performance.now())) / 1000).toFixed(1)} s, no failure\n`);
print('| target | calls | ok | issues | slowest ms | total s |\n| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, s] of Object.entries(stats)) {
  print(
    `| ${name} | ${s.calls.toLocaleString('en-US')} | ${s.ok.toLocaleString('en-US')} | ${s.failed.toLocaleString('en-US')} | ${s.slowest.toFixed(1)} | ${(s.total / 1000).toFixed(1)} |`,
  );
}
