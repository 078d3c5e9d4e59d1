#!/usr/bin/env node
// Records real-engine observations (fixtures) for container-argv.
//
//   node scripts/engine/record.mjs [--engine docker|podman] [--seed N] [--generated N]
//        [--no-handwritten] [--only REGEX] [--jobs N] [--out FILE]
//        [--extended]          generated cases use the extended generator (generate.mjs; engine suite)
//        [--cases FILE]        record the cases in FILE (JSON array of {id, family, dockerfile, runs, target?}) instead
//        [--rules N]           also N cases per rule category (rules.mjs), from --seed
//        [--rules-all]         also every line of the instruction-arguments table once (rules.mjs)
//
// Needs `bash scripts/engine.sh up` (docker) or `bash scripts/engine.sh up podman`.
// Writes test/fixtures/engine/<engine>-<version>.json (format: README.md there).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir, hostname, cpus, release } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HANDWRITTEN } from './cases.mjs';
import { generateCases } from './generate.mjs';
import { argumentCases, ruleCases } from './rules.mjs';
import { DERIVED_BASES, ROOT_BASES, referencedBases } from './bases.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');

// ------------------------------------------------------------------ options
const argv = process.argv.slice(2);
const opt = { engine: 'docker', seed: 20261128, generated: 250, handwritten: true, only: null, jobs: 2, out: null, extended: false, cases: null, rules: 0, rulesAll: false };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const val = () => argv[++i];
  if (a === '--engine') opt.engine = val();
  else if (a === '--seed') opt.seed = Number(val());
  else if (a === '--generated') opt.generated = Number(val());
  else if (a === '--no-handwritten') opt.handwritten = false;
  else if (a === '--only') opt.only = new RegExp(val());
  else if (a === '--jobs') opt.jobs = Number(val());
  else if (a === '--out') opt.out = val();
  else if (a === '--extended') opt.extended = true;
  else if (a === '--cases') opt.cases = val();
  else if (a === '--rules') opt.rules = Number(val());
  else if (a === '--rules-all') opt.rulesAll = true;
  else {
    console.error(`unknown option ${a}`);
    process.exit(2);
  }
}
if (!['docker', 'podman'].includes(opt.engine)) {
  console.error('--engine docker|podman');
  process.exit(2);
}
if (!Number.isInteger(opt.seed)) {
  console.error('--seed must be an integer');
  process.exit(2);
}

// ------------------------------------------------------------------ process helper
function run(cmd, args, { env, input, timeout = 180_000 } = {}) {
  return new Promise((res) => {
    const child = execFile(cmd, args, { env: { ...process.env, ...env }, timeout, maxBuffer: 64 << 20, encoding: 'utf8' }, (err, stdout, stderr) =>
      res({ code: err ? (typeof err.code === 'number' ? err.code : err.killed ? 'timeout' : 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

// keep what a user would read; drop BuildKit progress lines and the context upload line
// eslint-disable-next-line no-control-regex -- ESC starts the ANSI colour codes in the engines' output
const ANSI = /\x1b\[[0-9;]*m/g;
function cleanStderr(s) {
  return s
    .replace(ANSI, '')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() && !/^#\d+ /.test(l) && !/^Sending build context to Docker daemon/.test(l) && !/^STEP \d+\/\d+: /.test(l) && !/^COMMIT /.test(l) && !/^--> /.test(l))
    .join('\n');
}
const pick = (c) => (c ? { Entrypoint: c.Entrypoint ?? null, Cmd: c.Cmd ?? null, Shell: c.Shell ?? null, OnBuild: c.OnBuild ?? null, ArgsEscaped: c.ArgsEscaped ?? null } : null);
const q = (s) => (/^[A-Za-z0-9_/.:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

// ------------------------------------------------------------------ engines
const DOCKER = '/usr/bin/docker';
const DOCKER_ENV = { DOCKER_HOST: 'unix:///tmp/container-argv-docker/docker.sock' };
const PODMAN_ROOT = '/tmp/container-argv-podman';
const PODMAN_GLOBAL = [
  '--root',
  `${PODMAN_ROOT}/root`,
  '--runroot',
  `${PODMAN_ROOT}/run`,
  '--tmpdir',
  `${PODMAN_ROOT}/tmp`,
  '--storage-driver=vfs',
  '--cgroup-manager=cgroupfs',
  '--events-backend=file',
];
const BUILDAH_GLOBAL = ['--root', `${PODMAN_ROOT}/root`, '--runroot', `${PODMAN_ROOT}/run`, '--storage-driver=vfs'];
const PODMAN_RUN_FLAGS = ['--network', 'none', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024'];

const docker = {
  name: 'docker',
  builders: ['buildkit', 'classic'],
  async version() {
    const r = await run(DOCKER, ['version', '--format', '{{json .}}'], { env: DOCKER_ENV });
    if (r.code !== 0) throw new Error(`docker not reachable (run: bash scripts/engine.sh up)\n${r.stderr}`);
    const v = JSON.parse(r.stdout);
    return {
      version: v.Server.Version,
      client: `${DOCKER} ${v.Client.Version}`,
      detail: { server: v.Server.Version, apiVersion: v.Server.ApiVersion, client: v.Client.Version, os: v.Server.Os, arch: v.Server.Arch },
    };
  },
  async build(dir, tag, builder, target) {
    // BuildKit: -q (its 20.10 progress output carries no warnings). Classic: not quiet, because it
    // prints build warnings (e.g. empty continuation lines) only into the stdout stream, in red.
    // The classic builder's cache key is the parent image plus the instruction, not the resulting
    // config: a cached ENTRYPOINT step can carry a CMD that this build would have reset (FINDINGS.md).
    const t = target === undefined ? [] : ['--target', target];
    const args = builder === 'buildkit' ? ['build', '-q', ...t, '-t', tag, dir] : ['build', '--no-cache', ...t, '-t', tag, dir];
    const r = await run(DOCKER, args, { env: { ...DOCKER_ENV, DOCKER_BUILDKIT: builder === 'buildkit' ? '1' : '0' } });
    let stderr = cleanStderr(r.stderr);
    if (builder === 'classic') {
      // eslint-disable-next-line no-control-regex -- ESC starts the ANSI colour codes in the engines' output
      const warn = [...r.stdout.matchAll(/\x1b\[91m([\s\S]*?)(?:\x1b\[0m|$)/g)]
        .map((m) => m[1])
        .join('')
        .replace(/\s+$/, '');
      if (warn) stderr = warn + (stderr ? '\n' + stderr : '');
    }
    return { ok: r.code === 0, stderr: stderr.split(dir).join('<ctx>'), cli: `DOCKER_BUILDKIT=${builder === 'buildkit' ? 1 : 0} docker ${args.map(q).join(' ')}` };
  },
  async imageConfig(tag) {
    const r = await run(DOCKER, ['image', 'inspect', '--format', '{{json .Config}}', tag], { env: DOCKER_ENV });
    if (r.code !== 0) throw new Error(`inspect ${tag}: ${r.stderr}`);
    return pick(JSON.parse(r.stdout));
  },
  createArgs(image, rv) {
    const a = ['create', '--network', 'none'];
    if (rv.init) a.push('--init');
    if (rv.entrypoint !== undefined) a.push('--entrypoint', rv.entrypoint);
    a.push(image, ...rv.args);
    return a;
  },
  async create(image, rv) {
    const args = this.createArgs(image, rv);
    const r = await run(DOCKER, args, { env: DOCKER_ENV });
    if (r.code !== 0) return { error: r.stderr.trim() };
    const id = r.stdout.trim();
    const i = await run(DOCKER, ['inspect', id], { env: DOCKER_ENV });
    const c = JSON.parse(i.stdout)[0];
    return { id, create: { path: c.Path, args: c.Args, entrypoint: c.Config.Entrypoint ?? null, cmd: c.Config.Cmd ?? null } };
  },
  async start(id) {
    const r = await run(DOCKER, ['start', '-a', id], { env: DOCKER_ENV, timeout: 30_000 });
    if (r.code !== 0) {
      const i = await run(DOCKER, ['inspect', '--format', '{{json .State.Error}}', id], { env: DOCKER_ENV });
      try {
        r.stateError = JSON.parse(i.stdout);
      } catch {
        /* ignore */
      }
    }
    return r;
  },
  async rm(id) {
    await run(DOCKER, ['rm', '-f', id], { env: DOCKER_ENV });
  },
  async rmi(tags) {
    if (tags.length) await run(DOCKER, ['rmi', ...tags], { env: DOCKER_ENV });
  },
  cliName: 'docker',
};

const podman = {
  name: 'podman',
  builders: ['oci', 'docker'],
  async version() {
    const r = await run('podman', [...PODMAN_GLOBAL, 'version', '--format', '{{json .}}']);
    if (r.code !== 0) throw new Error(`podman not working (run: bash scripts/engine.sh up podman)\n${r.stderr}`);
    const v = JSON.parse(r.stdout);
    const b = await run('buildah', ['--version']);
    return {
      version: v.Client.Version,
      client: `podman ${v.Client.Version}`,
      detail: { podman: v.Client.Version, apiVersion: v.Client.APIVersion, goVersion: v.Client.GoVersion, buildah: b.stdout.trim() },
    };
  },
  async build(dir, tag, builder, target) {
    const args = ['build', '-q', '--no-cache', '--format', builder, ...(target === undefined ? [] : ['--target', target]), '-t', tag, dir];
    const r = await run('podman', [...PODMAN_GLOBAL, ...args]);
    // drop logrus timestamps and the temporary context path so fixtures are stable
    const stderr = cleanStderr(r.stderr)
      .replace(/^time="[^"]*" /gm, '')
      .split(dir)
      .join('<ctx>');
    return { ok: r.code === 0, stderr, cli: `podman ${args.map(q).join(' ')}` };
  },
  async imageConfig(tag) {
    const r = await run('buildah', [...BUILDAH_GLOBAL, 'inspect', '--type', 'image', tag]);
    if (r.code !== 0) throw new Error(`buildah inspect ${tag}: ${r.stderr}`);
    const j = JSON.parse(r.stdout);
    const isOci = /oci/.test(j.Manifest ? (JSON.parse(j.Manifest).mediaType ?? JSON.parse(j.Manifest).config?.mediaType ?? '') : '');
    const c = isOci ? j.OCIv1.config : j.Docker.config;
    return { ...pick(c), ...(isOci ? { Shell: null, OnBuild: null } : {}), manifest: isOci ? 'oci' : 'docker' };
  },
  createArgs(image, rv) {
    const a = ['create', ...PODMAN_RUN_FLAGS];
    if (rv.init) a.push('--init');
    if (rv.entrypoint !== undefined) a.push('--entrypoint', rv.entrypoint);
    a.push(image, ...rv.args);
    return a;
  },
  async create(image, rv) {
    const args = this.createArgs(image, rv);
    const r = await run('podman', [...PODMAN_GLOBAL, ...args]);
    if (r.code !== 0) return { error: r.stderr.trim() };
    const id = r.stdout.trim().split('\n').pop();
    const i = await run('podman', [...PODMAN_GLOBAL, 'inspect', id]);
    const c = JSON.parse(i.stdout)[0];
    const out = { id, create: { path: c.Path, args: c.Args, entrypoint: c.Config?.Entrypoint ?? null, cmd: c.Config?.Cmd ?? null } };
    const ini = await run('podman', [...PODMAN_GLOBAL, 'init', id]);
    const cfg = `${PODMAN_ROOT}/root/vfs-containers/${id}/userdata/config.json`;
    if (existsSync(cfg)) out.create.ociArgs = JSON.parse(readFileSync(cfg, 'utf8')).process?.args ?? null;
    if (ini.code !== 0) out.create.initError = ini.stderr.trim();
    return out;
  },
  async start(id) {
    return run('podman', [...PODMAN_GLOBAL, 'start', '-a', id], { timeout: 30_000 });
  },
  async rm(id) {
    await run('podman', [...PODMAN_GLOBAL, 'rm', '-f', id]);
  },
  async rmi(tags) {
    if (tags.length) await run('podman', [...PODMAN_GLOBAL, 'rmi', ...tags]);
  },
  cliName: 'podman',
};

const E = opt.engine === 'docker' ? docker : podman;

// ------------------------------------------------------------------ bases
async function buildBases() {
  const out = {};
  for (const ref of ROOT_BASES) out[ref] = { dockerfile: null, builtBy: 'scripts/engine.sh', config: await E.imageConfig(ref) };
  const tmp = mkdtempSync(join(tmpdir(), 'cav-bases-'));
  for (const [ref, b] of Object.entries(DERIVED_BASES)) {
    writeFileSync(join(tmp, 'Dockerfile'), b.dockerfile);
    const builder = E === docker ? b.builder : 'docker';
    const r = await E.build(tmp, ref, builder);
    if (!r.ok) throw new Error(`base ${ref} failed:\n${r.stderr}`);
    out[ref] = { dockerfile: b.dockerfile, builtBy: r.cli.replace(tmp, '<ctx>'), config: await E.imageConfig(ref) };
  }
  rmSync(tmp, { recursive: true, force: true });
  return out;
}

// ------------------------------------------------------------------ one case
// what a run depends on: Entrypoint and Cmd (Shell/OnBuild/ArgsEscaped do not change a Linux argv)
const sameConfig = (a, b) => JSON.stringify([a.Entrypoint, a.Cmd]) === JSON.stringify([b.Entrypoint, b.Cmd]);
function dedupeRuns(runs) {
  const seen = new Map();
  for (const r of runs) {
    const k = JSON.stringify({ e: r.entrypoint, a: r.args, i: !!r.init });
    if (seen.has(k)) {
      if (r.start) seen.get(k).start = true;
    } else seen.set(k, { ...r });
  }
  return [...seen.values()];
}

let seq = 0;
const allTags = [];
async function recordCase(c, bases) {
  const n = seq++;
  const dir = mkdtempSync(join(tmpdir(), 'cav-case-'));
  writeFileSync(join(dir, 'Dockerfile'), c.dockerfile);
  const builds = {};
  const tags = {};
  for (const builder of E.builders) {
    const tag = `cav-case-${process.pid}-${n}-${builder}`;
    const r = await E.build(dir, tag, builder, c.target);
    if (r.ok) {
      tags[builder] = tag;
      builds[builder] = { config: await E.imageConfig(tag), ...(r.stderr ? { warnings: r.stderr } : {}) };
    } else builds[builder] = { error: r.stderr };
  }
  rmSync(dir, { recursive: true, force: true });
  // run each variant against each distinct resulting image config
  const targets = [];
  for (const b of E.builders) {
    if (!tags[b]) continue;
    // `runPerBuilder`: the case shows build-time values through the image's ENV, which sameConfig does not compare.
    const same = !c.runPerBuilder && targets.find((t) => sameConfig(builds[t.builders[0]].config, builds[b].config));
    if (same) same.builders.push(b);
    else targets.push({ builders: [b], tag: tags[b] });
  }
  const runs = [];
  for (const t of targets) {
    for (const rv of dedupeRuns(c.runs ?? [])) {
      const rec = { builders: t.builders };
      if (rv.entrypoint !== undefined) rec.entrypoint = rv.entrypoint;
      rec.args = rv.args;
      if (rv.init) rec.init = true;
      rec.cli = `${E.cliName} ${E.createArgs('IMAGE', rv).map(q).join(' ')}`;
      const cr = await E.create(t.tag, rv);
      if (cr.error !== undefined) rec.create = { error: cr.error };
      else {
        rec.create = cr.create;
        if (rv.start) {
          const s = await E.start(cr.id);
          const line = s.stdout.split('\n')[0];
          let parsed = null;
          try {
            const v = JSON.parse(line);
            if (Array.isArray(v)) parsed = v;
          } catch {
            /* not printer output */
          }
          rec.ran = parsed;
          // `cat /proc/1/cmdline` runs: NUL-separated argv of PID 1 (e.g. the --init process)
          if (!parsed && s.stdout.includes('\0')) rec.pid1Argv = s.stdout.replace(/\0$/, '').split('\0');
          rec.start = { exitCode: s.code, stdout: s.stdout, ...(s.stderr.trim() ? { stderr: s.stderr.trim() } : {}), ...(s.stateError ? { stateError: s.stateError } : {}) };
        }
        await E.rm(cr.id);
      }
      runs.push(rec);
    }
  }
  allTags.push(...Object.values(tags));
  const refs = referencedBases(c.dockerfile);
  const baseImages = Object.fromEntries(refs.map((r) => [r, bases[r].config]));
  return {
    id: c.id,
    family: c.family,
    ...(c.features ? { features: c.features } : {}),
    dockerfile: c.dockerfile,
    ...(c.target !== undefined ? { target: c.target } : {}),
    baseImages,
    builds,
    runs,
  };
}

async function pool(items, jobs, fn) {
  const results = new Array(items.length);
  let next = 0;
  let done = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: Math.max(1, jobs) }, async () => {
      while (next < items.length) {
        const i = next++;
        try {
          results[i] = await fn(items[i]);
        } catch (e) {
          results[i] = { id: items[i].id, family: items[i].family, dockerfile: items[i].dockerfile, recorderError: String(e?.stack ?? e) };
        }
        done++;
        if (done % 10 === 0 || done === items.length) process.stderr.write(`[record] ${done}/${items.length} cases, ${((Date.now() - t0) / 1000).toFixed(0)}s\n`);
      }
    }),
  );
  return results;
}

// ------------------------------------------------------------------ main
const t0 = Date.now();
const ver = await E.version();
console.error(`[record] engine ${E.name} ${ver.version}; seed ${opt.seed}; generated ${opt.generated}`);
let cases = [];
if (opt.cases) cases = JSON.parse(readFileSync(opt.cases, 'utf8'));
else {
  if (opt.handwritten) cases.push(...HANDWRITTEN);
  if (opt.generated > 0) cases.push(...generateCases(opt.seed, opt.generated, { extended: opt.extended }));
  if (opt.rules > 0) cases.push(...ruleCases(opt.seed, opt.rules));
  if (opt.rulesAll) cases.push(...argumentCases());
}
if (opt.only) cases = cases.filter((c) => opt.only.test(c.id) || opt.only.test(c.family));
const bases = await buildBases();
const results = await pool(cases, opt.jobs, (c) => recordCase(c, bases));
const secs = Math.round((Date.now() - t0) / 1000);
const fc = JSON.parse(readFileSync(join(REPO, 'node_modules', 'fast-check', 'package.json'), 'utf8'));
const header = {
  engine: E.name,
  version: ver.version,
  versions: ver.detail,
  builders:
    E === docker
      ? { buildkit: 'DOCKER_BUILDKIT=1 docker build (daemon-embedded BuildKit, built-in dockerfile.v0 frontend)', classic: 'DOCKER_BUILDKIT=0 docker build (classic builder)' }
      : { oci: 'podman build --format oci (buildah, default format)', docker: 'podman build --format docker (buildah)' },
  client: ver.client,
  clientUse:
    E === docker
      ? 'Debian /usr/bin/docker (same version as the daemon) for build, image inspect, create, inspect, start -a, rm; DOCKER_HOST=unix:///tmp/container-argv-docker/docker.sock'
      : `podman ${PODMAN_GLOBAL.join(' ')} for build/create/inspect/init/start; buildah inspect --type image for image configs; argv from <root>/vfs-containers/<id>/userdata/config.json process.args after podman init; --init uses podman's default init (catatonit, installed by engine.sh up podman)`,
  date: new Date().toISOString(),
  machine: { hostname: hostname(), kernel: release(), cpus: cpus().length, node: process.version },
  command: `node scripts/engine/record.mjs ${process.argv.slice(2).map(q).join(' ')}`.trim(),
  seed: opt.generated > 0 || opt.rules > 0 ? opt.seed : null,
  generated: opt.generated,
  ...(opt.rules > 0 ? { rules: opt.rules } : {}),
  fastCheck: fc.version,
  durationSeconds: secs,
  bases,
};
const file = opt.out ?? join(REPO, 'test', 'fixtures', 'engine', `${E.name}-${ver.version.replace(/\+.*$/, '')}.json`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify({ ...header, cases: results }, null, 1) + '\n');
console.error(`[record] wrote ${file}: ${results.length} cases in ${secs}s`);
// remove the per-case images only now (see recordCase); podman is slow at this
const tc = Date.now();
for (let i = 0; i < allTags.length; i += 50) await E.rmi(allTags.slice(i, i + 50));
console.error(`[record] removed ${allTags.length} case images in ${Math.round((Date.now() - tc) / 1000)}s`);
