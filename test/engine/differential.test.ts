import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isEngineFlake, replayBuild, type CaseRecord, type Recording } from './replay.js';

/**
 * Differential suite: fresh fast-check Dockerfiles (scripts/engine/generate.mjs, extended generator)
 * are built by the real engines (Docker BuildKit + classic, Podman/buildah OCI + docker format),
 * created with generated run options (a sample also started: the argv printer shows the argv the
 * process received), and every observation is compared with evaluateDockerfile + resolveDockerRun.
 *
 *   ENGINE_SEED=n               replay a run (the seed is printed; default: time-based)
 *   ENGINE_DOCKER_CASES=n       default 150 (each built with BuildKit and classic)
 *   ENGINE_PODMAN_CASES=n       default 50 (the first n of the same seed; each built --format oci and docker)
 *   ENGINE_RULE_CASES=n         default 6: n cases per share of each rule category (scripts/engine/rules.mjs, issue 13)
 *                               (every category, for Docker and Podman)
 *   ENGINE_SHRINK=0             do not shrink disagreements
 */

const REPO = new URL('../../', import.meta.url).pathname;
const DOCKER_HOST = 'unix:///tmp/container-argv-docker/docker.sock';
const seed = process.env['ENGINE_SEED'] ? Number(process.env['ENGINE_SEED']) : Date.now() % 2_000_000_000;
const dockerCases = Number(process.env['ENGINE_DOCKER_CASES'] ?? 150);
const podmanCases = Number(process.env['ENGINE_PODMAN_CASES'] ?? 50);
const ruleCases = Number(process.env['ENGINE_RULE_CASES'] ?? 6);
const outDir = join(tmpdir(), `container-argv-engine-${seed}`);
mkdirSync(outDir, { recursive: true });
const say = (s: string) => process.stdout.write(`[engine] ${s}\n`);
say(`seed ${seed} (replay: ENGINE_SEED=${seed} npm run test:engine); this run's cases are written to ${outDir}`);

function sh(cmd: string, args: string[], env: Record<string, string> = {}, timeout = 15 * 60_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env: { ...process.env, ...env }, timeout, maxBuffer: 256 << 20, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

async function record(engine: 'docker' | 'podman', out: string, extra: string[]): Promise<Recording> {
  const r = await sh('node', [join(REPO, 'scripts/engine/record.mjs'), '--engine', engine, '--jobs', '2', '--out', out, ...extra]);
  if (r.code !== 0) throw new Error(`record.mjs (${engine}) failed:\n${r.stderr.slice(-4000)}`);
  return JSON.parse(readFileSync(out, 'utf8')) as Recording;
}

const BUILD_CLI: Record<string, string> = {
  buildkit: 'DOCKER_BUILDKIT=1 docker build -t repro .',
  classic: 'DOCKER_BUILDKIT=0 docker build -t repro .',
  oci: 'podman build --format oci -t repro .',
  docker: 'podman build --format docker -t repro .',
};

interface Disagreement {
  c: CaseRecord;
  builder: string;
  detail: string;
}

function disagreements(rec: Recording): Disagreement[] {
  const out: Disagreement[] = [];
  for (const c of rec.cases) {
    if (c.recorderError !== undefined) {
      out.push({ c, builder: '-', detail: `recorder error: ${c.recorderError.split('\n')[0] ?? ''}` });
      continue;
    }
    for (const builder of Object.keys(c.builds)) {
      if (isEngineFlake(c.builds[builder] as never, c.dockerfile)) continue;
      const detail = replayBuild(rec, c, builder);
      if (detail !== null) out.push({ c, builder, detail });
    }
  }
  return out;
}

/** Drops one line at a time (all candidates of a round recorded in one engine call) while the same builder still disagrees. */
async function shrink(engine: 'docker' | 'podman', d: Disagreement): Promise<Disagreement> {
  let best = d;
  for (let round = 0; round < 12; round++) {
    const lines = best.c.dockerfile.split('\n');
    const candidates: CaseRecord[] = [];
    for (let i = 0; i < lines.length; i++) {
      const text = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
      if (text.trim() !== '' && text !== best.c.dockerfile) candidates.push({ ...best.c, id: `${d.c.id}-s${round}-${i}`, dockerfile: text, builds: {}, runs: [] });
    }
    if (candidates.length === 0) break;
    const file = join(outDir, `shrink-${engine}-${round}.json`);
    writeFileSync(
      `${file}.cases.json`,
      JSON.stringify(
        candidates.map((c) => ({ id: c.id, family: 'shrink', dockerfile: c.dockerfile, ...(c.target !== undefined ? { target: c.target } : {}), runs: originalRuns(d.c) })),
      ),
    );
    const rec = await record(engine, file, ['--cases', `${file}.cases.json`]);
    const next = rec.cases.find((c) => c.recorderError === undefined && c.builds[best.builder] !== undefined && replayBuild(rec, c, best.builder) !== null);
    if (next === undefined) break;
    best = { c: next, builder: best.builder, detail: replayBuild(rec, next, best.builder) as string };
  }
  return best;
}

/** The run options of a recorded case (what record.mjs takes as `runs`). */
function originalRuns(c: CaseRecord): unknown[] {
  const seen = new Set<string>();
  const runs: unknown[] = [];
  for (const r of c.runs) {
    const run = {
      ...(r.entrypoint !== undefined ? { entrypoint: r.entrypoint } : {}),
      args: r.args,
      ...(r.init ? { init: true } : {}),
      ...(r.ran !== undefined ? { start: true } : {}),
    };
    const k = JSON.stringify(run);
    if (!seen.has(k)) {
      runs.push(run);
      seen.add(k);
    }
  }
  return runs;
}

function reproduction(engine: string, d: Disagreement): string {
  return [
    `--- ${d.c.id} [${d.builder}] (${engine})`,
    `Dockerfile (exact bytes, JSON string): ${JSON.stringify(d.c.dockerfile)}`,
    ...d.c.dockerfile.split('\n').map((l) => `  | ${l}`),
    `build: ${BUILD_CLI[d.builder] ?? d.builder}`,
    `disagreement: ${d.detail.replaceAll('IMAGE', 'repro')}`,
  ].join('\n');
}

async function check(engine: 'docker' | 'podman', n: number): Promise<void> {
  const t0 = Date.now();
  const file = join(outDir, `${engine}.json`);
  const rules = ruleCases > 0 ? ['--rules', String(ruleCases)] : [];
  const rec = await record(engine, file, ['--seed', String(seed), '--generated', String(n), '--no-handwritten', '--extended', ...rules]);
  const builds = rec.cases.reduce((k, c) => k + Object.keys(c.builds).length, 0);
  const creates = rec.cases.reduce((k, c) => k + c.runs.length, 0);
  const started = rec.cases.reduce((k, c) => k + c.runs.filter((r) => r.ran !== undefined).length, 0);
  let found = disagreements(rec);
  say(
    `${engine} ${rec.version}: ${rec.cases.length} cases, ${builds} builds, ${creates} creates, ${started} started in ${Math.round((Date.now() - t0) / 1000)}s; ${found.length} disagreements; cases: ${file}`,
  );
  if (found.length > 0 && process.env['ENGINE_SHRINK'] !== '0') {
    // Shrink the first few (each shrink round is one engine run).
    const shrunk: Disagreement[] = [];
    for (const [i, d] of found.entries()) shrunk.push(i < 3 && d.builder !== '-' ? await shrink(engine, d) : d);
    found = shrunk;
  }
  const report = found.map((d) => reproduction(`${engine} ${rec.version}`, d)).join('\n');
  if (report) say(`disagreements (seed ${seed}):\n${report}`);
  expect(found.length, `${engine}: the library disagrees with the engine (seed ${seed}):\n${report}`).toBe(0);
}

async function dockerReachable(): Promise<string | null> {
  const r = await sh('/usr/bin/docker', ['version', '--format', '{{.Server.Version}}'], { DOCKER_HOST }, 30_000);
  return r.code === 0 ? null : (r.stderr || r.stdout).trim();
}

describe('differential: real engines vs the library', () => {
  test(`docker (BuildKit + classic), ${dockerCases} generated cases`, async () => {
    const err = await dockerReachable();
    if (err !== null) {
      throw new Error(`Docker daemon unreachable at ${DOCKER_HOST}: start it with \`bash scripts/engine.sh up\` (or \`up all\`).\n${err}`);
    }
    await check('docker', dockerCases);
  });

  const podman = process.env['PATH']?.split(':').some((dir) => existsSync(join(dir, 'podman'))) ?? false;
  if (!podman) say('podman part skipped: podman is not installed (bash scripts/engine.sh up podman installs it)');
  test.skipIf(!podman)(`podman (buildah OCI + docker format), ${podmanCases} generated cases`, async () => {
    await check('podman', podmanCases);
  });
});
