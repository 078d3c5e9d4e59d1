/**
 * Measures composerize (run → Compose) and decomposerize (Compose → run) on the testing kit's
 * generated cases, against the argv our resolvers compute, next to container-argv's own converter;
 * prints the Markdown tables of docs/convert.md. Usage: npx tsx scripts/convert/peers.ts [runs] [seed]
 * (devDependencies composerize@1.7.6 and decomposerize@1.4.4; their code is only called, never copied).
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { convertContainer } from '../../src/convert/convert.js';
import { convertComposeFile } from '../../src/convert/convert-file.js';
import { resolveComposeFile } from '../../src/compose/file.js';
import { resolveCompose } from '../../src/compose/service.js';
import { parseRunCommandLine, resolveRunCommandLine } from '../../src/run/command-line.js';
import { composeServiceArb } from '../../src/testing/compose.js';
import { runCommandLineArb } from '../../src/testing/run.js';
import type { ImageConfig } from '../../src/core/types.js';

const require = createRequire(import.meta.url);
const composerize = require('composerize') as (line: string) => string;
const decomposerize = require('decomposerize') as (yaml: string) => string;

const runs = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 17);

/** The image configs a conversion must be right for (the cases engines tell apart). */
const IMAGES: readonly ImageConfig[] = [{}, { cmd: ['c'] }, { entrypoint: ['/ep'], cmd: ['c'] }, { entrypoint: [''], cmd: ['c'] }, { entrypoint: ['/bin/sh', '-c', 'echo "$@"'] }];
const IMAGE = 'app:1';

type Outcome = string;
const outcome = (argv: readonly string[] | undefined): Outcome => (argv === undefined ? 'fails' : JSON.stringify(argv));

function runOutcome(line: string, image: ImageConfig): Outcome {
  const r = resolveRunCommandLine(line, image);
  return outcome(r.ok ? [...r.entrypoint, ...r.cmd] : undefined);
}

function composeOutcome(yaml: string, image: ImageConfig): Outcome {
  const r = resolveComposeFile(yaml, { images: { [IMAGE]: image } });
  const s = r.ok ? r.services[0] : undefined;
  return outcome(s !== undefined && s.result.ok && s.result.complete ? [...s.result.entrypoint, ...s.result.cmd] : undefined);
}

function tally(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Why composerize's service runs something else. */
function composerizeError(line: string, yaml: string): string {
  const parsed = parseRunCommandLine(line);
  const service = Object.values((resolveYaml(yaml) as { services?: Record<string, Record<string, unknown>> }).services ?? {})[0] ?? {};
  if (service['image'] !== IMAGE) return 'line mis-tokenised (quotes): the image or service name is mangled';
  if (parsed.ok && parsed.run.entrypoint !== undefined && service['entrypoint'] === undefined) return '`--entrypoint` dropped ("ignored options")';
  if (parsed.ok && parsed.flags.filter((f) => f.name === 'entrypoint').length > 1 && Array.isArray(service['entrypoint'])) {
    return 'repeated `--entrypoint` collected into one entrypoint list (Docker keeps the last)';
  }
  const raw = IMAGES.every((image) => {
    const r = resolveCompose(image, { command: service['command'], entrypoint: service['entrypoint'] });
    return outcome(r.ok && r.complete ? [...r.entrypoint, ...r.cmd] : undefined) === runOutcome(line, image);
  });
  if (raw) return '`$` not written `$$` (Compose interpolates it)';
  if (typeof service['command'] === 'string') return 'arguments joined into a string that Compose splits differently (quotes, spaces)';
  return 'other';
}

function resolveYaml(yaml: string): unknown {
  try {
    return (require('yaml') as { parse: (s: string) => unknown }).parse(yaml);
  } catch {
    return {};
  }
}

function measureComposerize(): { ours: number; peer: number; errors: Map<string, number>; total: number } {
  const errors = new Map<string, number>();
  let ours = 0;
  let peer = 0;
  const cases = fc.sample(runCommandLineArb(), { seed, numRuns: runs }).map((g) => g.line.replace(/^docker run /, 'docker run --network none '));
  for (const line of cases) {
    const expected = IMAGES.map((image) => runOutcome(line, image));
    const mine = convertContainer({ from: 'run', line }, { to: 'compose' });
    if (mine.ok && mine.complete && IMAGES.every((image, i) => composeOutcome(mine.value.text.replaceAll('"app:1"', `"${IMAGE}"`), image) === expected[i])) ours++;
    let yaml: string;
    try {
      yaml = composerize(line);
    } catch (e) {
      tally(errors, `throws (${e instanceof Error ? e.message.slice(0, 40) : 'error'})`);
      continue;
    }
    if (IMAGES.every((image, i) => composeOutcome(yaml, image) === expected[i])) peer++;
    else tally(errors, composerizeError(line, yaml));
  }
  return { ours, peer, errors, total: cases.length };
}

/** Why decomposerize's line runs something else. */
function decomposerizeError(yaml: string, out: string, expected: readonly Outcome[]): string {
  const line =
    out
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('docker '))[0] ?? '';
  const parsed = parseRunCommandLine(line);
  if (!parsed.ok) return `not a valid run line (${parsed.issues[0].code})`;
  if (parsed.flags.filter((f) => f.name === 'entrypoint').length > 1) return 'one `--entrypoint` per entrypoint word (the last wins)';
  if (line.includes('$$')) return '`$$` left doubled (Compose would send `$`)';
  const service = (resolveYaml(yaml) as { services: { app: Record<string, unknown> } }).services.app;
  if (typeof service['entrypoint'] === 'string' && parsed.run.entrypoint === service['entrypoint'])
    return 'entrypoint string kept as one `--entrypoint` word (Compose splits it into words)';
  if (Array.isArray(service['command']) && service['command'].length > 1 && parsed.run.args.some((a) => a.includes(','))) return 'list command joined with commas';
  const words = IMAGES.map((image) => runOutcome(line, image));
  if (words.some((w, i) => w !== 'fails' && expected[i] !== 'fails' && (JSON.parse(w) as string[]).join(' ') === (JSON.parse(expected[i] as string) as string[]).join(' ')))
    return 'words re-split or quotes lost (same text, other words)';
  if (expected.some((e) => e !== 'fails' && (JSON.parse(e) as string[]).includes(''))) return 'empty arguments lost';
  return 'other (entrypoint/command semantics)';
}

function measureDecomposerize(): { ours: number; peer: number; errors: Map<string, number>; total: number } {
  const errors = new Map<string, number>();
  let ours = 0;
  let peer = 0;
  const cases = fc.sample(composeServiceArb, { seed, numRuns: runs }).map((service) => stringify({ services: { app: { image: IMAGE, network_mode: 'none', ...service } } }));
  for (const yaml of cases) {
    const expected = IMAGES.map((image) => composeOutcome(yaml, image));
    // Ours gets the image config (an `entrypoint: []` without a command needs its CMD); an argv that
    // starts with "" (the container cannot start) is refused with convert-not-expressible.
    const mineExact = IMAGES.every((image, i) => {
      const mine = convertComposeFile(yaml, { to: 'run', imageConfig: image });
      const item = mine.ok ? mine.items[0]?.result : undefined;
      if (item !== undefined && !item.ok) return item.issues[0].code === 'convert-not-expressible' && (JSON.parse(expected[i] as string) as string[])[0] === '';
      return item !== undefined && item.complete && runOutcome(item.value.text.trim(), image) === expected[i];
    });
    if (mineExact) ours++;
    let out: string;
    try {
      out = decomposerize(yaml);
    } catch (e) {
      tally(errors, `throws (${e instanceof Error ? e.message.slice(0, 40) : 'error'})`);
      continue;
    }
    const line =
      out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('docker '))[0] ?? '';
    if (IMAGES.every((image, i) => runOutcome(line, image) === expected[i])) peer++;
    else tally(errors, decomposerizeError(yaml, out, expected));
  }
  return { ours, peer, errors, total: cases.length };
}

function table(title: string, peer: string, r: ReturnType<typeof measureComposerize>): string {
  const pct = (n: number) => `${((100 * n) / r.total).toFixed(1)} %`;
  const rows = [...r.errors].sort((a, b) => b[1] - a[1]).map(([k, n]) => `| ${k} | ${n} | ${pct(n)} |`);
  return [
    `### ${title} (${r.total} cases, seed ${seed})`,
    '',
    '| converter | argv preserved for every image config |',
    '| --- | --- |',
    `| ${peer} | ${r.peer} (${pct(r.peer)}) |`,
    `| container-argv \`convertContainer\` | ${r.ours} (${pct(r.ours)}) |`,
    '',
    `| ${peer}: class of error | cases | share |`,
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

process.stdout.write(
  `${table('docker run → Compose', 'composerize 1.7.6', measureComposerize())}\n${table('Compose → docker run', 'decomposerize 1.4.4', measureDecomposerize())}`,
);
