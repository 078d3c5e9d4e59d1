#!/usr/bin/env node
// Records what a real docker CLI does with `docker create <argv>` into
// test/fixtures/run-command-line/docker-<clientversion>.json, for the offline differential test
// in test/run/command-line.test.ts.
//
//   node scripts/record-run-lines.mjs [--docker /usr/bin/docker] [--seed 42] [--count 150]
//
// Uses the private daemon of scripts/engine.sh (DOCKER_HOST unix:///tmp/container-argv-docker/docker.sock)
// and its image argvbase:1. Flag errors are client-side and need no daemon; accepted lines are
// created, inspected and removed again (`docker rm`), never started.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// `--shell`: how /bin/sh (dash) splits generated lines into words, for test/run/posix-words.test.ts.
// Each line runs as `f <line>` with f printing its arguments to fd 3, in a scratch directory
// (redirections in the generated lines create files there), with globbing off (-f).
function recordShell() {
  const seed = Number(arg('seed', String(Date.now() % 100000)));
  const count = Number(arg('count', '400'));
  const scratch = mkdtempSync(join(tmpdir(), 'shell-words-'));
  const shPath = realpathSync('/bin/sh');
  const dashVersion = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'dash'], { encoding: 'utf8' }).stdout || 'unknown';
  const piece = fc.constantFrom('a', 'b', ' ', ' ', "'", '"', '\\', '\n', '#', 'x', '\t', '\\\n', ';', '&', '2>', '>', '=', '$', '&&');
  const lines = fc.sample(
    fc.array(piece, { maxLength: 14 }).map((a) => a.join('')),
    { seed, numRuns: count },
  );
  const cases = [];
  for (const line of lines) {
    const r = spawnSync(shPath, ['-fc', `exec 3>&1; f() { for a; do printf '%s\\001' "$a" >&3; done; printf '\\002' >&3; }; f ${line}`], {
      encoding: 'utf8',
      cwd: scratch,
      env: { PATH: '/usr/bin:/bin' },
    });
    if (/cannot create|cannot open|not found/.test(r.stderr)) continue; // runtime effects of the line, not word splitting
    const done = r.stdout.indexOf('\x02');
    if (done < 0) cases.push({ line, error: r.stderr.trim().replace(/^sh: \d+: /, '') });
    else cases.push({ line, words: r.stdout.slice(0, done).split('\x01').slice(0, -1) });
  }
  rmSync(scratch, { recursive: true, force: true });
  const dir = join(root, 'test/fixtures/run-command-line');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `sh-dash-${dashVersion}.json`);
  const out = {
    source: `${shPath} (dash ${dashVersion}) splitting generated lines: sh -fc 'f <line>' printing f's arguments; recorded by scripts/record-run-lines.mjs --shell`,
    command: `node scripts/record-run-lines.mjs --shell --seed ${seed} --count ${count}`,
    seed,
    date: new Date().toISOString().slice(0, 10),
    note: 'words are those of the first simple command; lines that failed at run time (redirection targets, commands after ;) were skipped',
    cases,
  };
  writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(`${file}: ${cases.length} lines, seed ${seed}\n`);
}
const arg = (name, dflt) => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? process.argv[k + 1] : dflt;
};
if (process.argv.includes('--shell')) {
  recordShell();
  process.exit(0);
}
const podmanMode = process.argv.includes('--podman');
// Podman runs with the private storage of scripts/engine.sh; these client flags are part of every recorded argv.
const PODMAN_FLAGS = [
  '--root',
  '/tmp/container-argv-podman/root',
  '--runroot',
  '/tmp/container-argv-podman/run',
  '--tmpdir',
  '/tmp/container-argv-podman/tmp',
  '--storage-driver=vfs',
  '--cgroup-manager=cgroupfs',
  '--events-backend=file',
];
const docker = podmanMode ? '/usr/bin/podman' : arg('docker', '/usr/local/bin/docker');
const seed = Number(arg('seed', String(Date.now() % 100000)));
const count = Number(arg('count', '150'));
const host = arg('host', 'unix:///tmp/container-argv-docker/docker.sock');
const IMAGE = 'argvbase:1';
const env = { ...process.env, DOCKER_HOST: host, DOCKER_CLI_HINTS: 'false' };
delete env.DOCKER_CONTEXT;

const run = (args) => spawnSync(docker, podmanMode ? [...PODMAN_FLAGS, ...args] : args, { env, encoding: 'utf8', timeout: 60_000 });
const clientVersion = execFileSync(docker, ['--version'], { encoding: 'utf8' }).match(/version ([^,\s]+)/)[1];
const server = podmanMode ? { status: 0, stdout: clientVersion } : run(['version', '--format', '{{.Server.Version}}']);
const daemonVersion = server.status === 0 ? server.stdout.trim() : null;
const daemonApiVersion = daemonVersion && !podmanMode ? run(['version', '--format', '{{.Server.APIVersion}}']).stdout.trim() : null;
const img = daemonVersion ? JSON.parse(run(['image', 'inspect', IMAGE, '--format', '{{json .Config}}']).stdout) : null;
const engineVersion = clientVersion.split('+')[0];

// ---- hand-written cases (seed document lines, pflag corner cases, CLI errors) -----------------
const I = IMAGE;
const hand = [
  ['-d', '-m', '512m', '--memory-reservation=256m', I, 'sleep', '3600'],
  ['-d', '-m', '1g', '--memory-reservation=256m', I, 'sleep', '3600'],
  ['--restart=always', I, 'x'],
  ['-it', I, 'sleep', '10'],
  ['-d', I, 'sleep', '10'],
  ['-v', 'my_volume:/app', I, 'x'],
  ['-it', I, '/bin/bash'],
  ['--entrypoint', '', I, 'bash'],
  ['--entrypoint=', I],
  ['--entrypoint', 'top -b', I],
  ['--entrypoint=/bin/echo', I, 'a', 'b'],
  ['--init', I, 'x'],
  ['--init=false', I, 'x'],
  ['--init', '--init=0', I, 'x'],
  [I, '--help'],
  ['--', I, '--', 'x'],
  ['-e=A=1', '-eB=2', '-e', 'C=3', I, 'env'],
  ['-itw/tmp', I, 'x'],
  ['-it=false', I, 'x'],
  ['-i=false', I, 'x'],
  ['-u1000:1000', I, 'x'],
  ['--rm', '--restart=always', I, 'x'],
  ['--rm', '--restart=no', I, 'x'],
  ['--rm=false', '--restart=always', I, 'x'],
  ['--bogus', I],
  ['-z', I],
  ['-itz', I],
  ['-d', I],
  ['-d=false', I],
  ['--name'],
  ['-e'],
  ['-ite'],
  [],
  ['--rm=maybe', I],
  ['-m', 'abc', I],
  ['-m=5x', I],
  ['-m', '1.5g', I, 'x'],
  ['-e=', I],
  ['-e', '=x', I],
  ['---x', I],
  ['--=x', I],
  ['-q', I, 'x'],
  ['--quiet', I, 'x'],
  ['--annotation', 'a=b', I, 'x'],
  ['--health-start-interval', '1s', I, 'x'],
  ['--use-api-socket', I, 'x'],
  ['--help=false', I, 'x'],
  ['--kernel-memory', '4m', I, 'x'],
  ['--cpus', '1.5', I, 'x'],
  ['-h', 'myhost', I, 'x'],
  ['-P=false', I, 'x'],
  ['-', I],
  ['--net=host', I, 'x'],
  ['--', 'Upper', 'x'],
  ['--', 'a:b:c', 'x'],
  ['--', '', 'x'],
  ['--', 'localhost:5000/Upper/x:1', 'x'],
  ['--name', `rec-${process.pid}`, '--name', `rec-${process.pid}-b`, '--entrypoint', 'x', '--entrypoint', '/y', I, 'z'],
  ['--cpus', '1/2', I, 'x'],
  ['--cpu-shares', 'x', I, 'x'],
];

// `docker run` cases (run-only flags: -d, --sig-proxy, --detach-keys). Every one is detached so the
// CLI returns; the container runs /argv (the image's argv printer), is waited for, logged, removed.
const runHand = [
  ['-d', I, '/argv', 'x'],
  ['-d=true', '--init', I, '/argv', 'a b'],
  ['-dit', I, '/argv', '--help'],
  ['-d', '--sig-proxy=false', '--detach-keys', 'ctrl-a', I, '/argv'],
  ['-d', '-m', '512m', '--memory-reservation=256m', I, '/argv', 'sleep', '3600'],
  ['-d', '-m', '1g', '--memory-reservation=256m', I, '/argv', 'sleep', '3600'],
  ['-d', '--restart=on-failure:1', I, '/argv', 'r'],
  ['-d', '--entrypoint', '/argv', I, 'ep', 'args'],
  ['-d', '--entrypoint=', I, '/argv', 'cleared'],
  ['-d', '--rm=false', '-q', I, '/argv'],
  ['-dq', I, '/argv'],
];

// Top-level client flags and the `container` group before the subcommand (docker -D create …).
const globalHand = [
  [['-D'], [I, 'x']],
  [
    ['--log-level', 'error'],
    [I, 'x'],
  ],
  [
    ['-l=error', '-D=false'],
    ['-it', I, 'x'],
  ],
  [
    ['-H', host],
    ['--init', I, 'x'],
  ],
  [
    ['--host=' + host, 'container'],
    [I, 'x'],
  ],
  [['container'], ['-d', I, 'x']],
  [['--bogus'], [I, 'x']],
  [['-z'], [I, 'x']],
  [['--log-level'], []],
  [
    ['-D', '-v'],
    [I, 'x'],
  ],
  [['--help'], [I, 'x']],
  [
    ['--log-level', 'bogus'],
    ['--bogusflag', I],
  ],
];

// ---- generated cases ------------------------------------------------------------------------
const token = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ['-i'],
      ['-t'],
      ['-it'],
      ['-ti'],
      ['--rm'],
      ['--init'],
      ['--init=false'],
      ['--init=true'],
      ['--init=1'],
      ['--tty=false'],
      ['-i=false'],
      ['--privileged=false'],
      ['--read-only=false'],
      ['-P'],
      ['--no-healthcheck'],
    ),
  },
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      ['-e', 'A=1'],
      ['-eB=2'],
      ['-e=C=3'],
      ['--env=D=4'],
      ['--env', 'E=a b'],
      ['-w', '/tmp'],
      ['-w=/x'],
      ['--workdir=/y'],
      ['-u', '1000'],
      ['-u1000:1000'],
      ['--user=nobody'],
      ['-m', '512m'],
      ['-m=1g'],
      ['--memory', '64m'],
      ['--memory-reservation=16m'],
      ['--cpus', '0.5'],
      ['--restart', 'always'],
      ['--restart=on-failure:3'],
      ['--restart', 'no'],
      ['--restart=unless-stopped'],
      ['--hostname', 'h'],
      ['-h', 'h2'],
      ['-l', 'a=b'],
      ['--label=c=d'],
      ['--stop-signal', 'SIGINT'],
      ['-itw', '/w'],
      ['-tiu0'],
      ['--entrypoint', '/bin/echo'],
      ['--entrypoint', ''],
      ['--entrypoint=a b'],
      ['--entrypoint=/x'],
      ['-p', '8080:80'],
      ['-p80'],
      ['--expose', '81'],
      ['-v', '/data'],
      ['--tmpfs', '/run'],
      ['--cpus=1/4'],
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(['--bogus'], ['-z'], ['-itx'], ['--rm=maybe'], ['--init=nope'], ['-m', 'lots'], ['--cpu-shares', 'x']) },
);
const argTail = fc.array(fc.oneof(fc.constantFrom('echo', 'a b', '--help', '-it', '--', '', "it's", '$HOME'), fc.string({ maxLength: 5 })), { maxLength: 4 });
const gen = fc.tuple(fc.array(token, { maxLength: 6 }), fc.boolean(), argTail, fc.boolean()).map(([toks, dashdash, tail, withImage]) => {
  const argv = toks.flat();
  if (dashdash) argv.push('--');
  argv.push(IMAGE);
  return [...argv, ...(tail.length === 0 && withImage ? [] : tail.length === 0 ? ['true'] : tail)];
});
const generated = fc.sample(gen, { seed, numRuns: count });

// ---- record ---------------------------------------------------------------------------------
function record(argv, command = 'create', pre = []) {
  const r = run([...pre, command, ...argv]);
  if (r.status !== 0) {
    const lines = r.stderr
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    let error = lines[0] ?? '';
    if (podmanMode) {
      error = error.replace(/^Error: /, '');
      // Flag-parsing errors come from pflag/cobra; everything else happens after parsing.
      const parseError = /^(?:unknown flag|unknown shorthand flag|flag needs an argument|invalid argument|bad flag syntax|requires at least)/.test(error);
      return parseError ? { argv, ok: false, error } : { argv, ok: true, laterError: error };
    }
    const daemon = /Error response from daemon: (.*)$/.exec(error);
    if (daemon) return { argv, ok: true, daemonError: daemon[1] };
    if (/Cannot connect to the Docker daemon/.test(error)) return { argv, ok: true, daemonError: null };
    return { argv, ok: false, error };
  }
  const id = r.stdout.trim().split('\n').pop();
  let output;
  if (command === 'run') {
    run(['wait', id]);
    output = run(['logs', id]).stdout;
  }
  const ins = run(['inspect', '--format', '{{json .}}', id]);
  run(['rm', '-f', id]);
  if (ins.status !== 0) throw new Error(`inspect ${id} failed for ${JSON.stringify(argv)}: ${ins.stderr}`);
  const parsed = JSON.parse(ins.stdout);
  const j = Array.isArray(parsed) ? parsed[0] : parsed; // podman 4.3 prints an array
  const hc = j.HostConfig ?? {};
  const cf = j.Config ?? {};
  return {
    argv,
    ok: true,
    config: {
      entrypoint: cf.Entrypoint ?? null,
      cmd: cf.Cmd ?? null,
      path: j.Path,
      args: j.Args ?? [],
      init: hc.Init ?? null,
      memory: hc.Memory ?? 0,
      memoryReservation: hc.MemoryReservation ?? 0,
      nanoCpus: hc.NanoCpus ?? 0,
      restartPolicy: hc.RestartPolicy ?? null,
      autoRemove: hc.AutoRemove ?? false,
      tty: cf.Tty ?? false,
      openStdin: cf.OpenStdin ?? false,
      workingDir: cf.WorkingDir ?? '',
      user: cf.User ?? '',
      env: cf.Env ?? [],
      hostname: cf.Hostname,
      labels: cf.Labels ?? {},
    },
    ...(output !== undefined ? { output } : {}),
  };
}

const cases = [];
for (const argv of podmanMode ? [] : runHand) {
  const c = record(argv, 'run');
  if (c.ok && daemonVersion === null) continue;
  cases.push({ ...c, command: 'run', origin: 'hand' });
}
for (const [pre, argv] of podmanMode ? [] : globalHand) {
  const c = record(argv, 'create', pre);
  if (c.ok && daemonVersion === null) continue;
  cases.push({ ...c, pre, origin: 'hand' });
}
for (const argv of [...hand, ...generated]) {
  // Without a daemon only client-side errors are meaningful: keep the rest for a later run.
  const c = record(argv);
  if (c.ok && daemonVersion === null) continue;
  cases.push({ ...c, origin: hand.includes(argv) ? 'hand' : 'generated' });
}
const out = {
  source: `real docker CLI ${clientVersion} (${docker}) running \`docker create <argv>\` (and \`docker run <argv>\` where command is "run"); daemon ${daemonVersion ?? 'none (client-side errors only)'}; recorded by scripts/record-run-lines.mjs`,
  client: clientVersion,
  ...(podmanMode ? { engine: 'podman', harnessFlags: PODMAN_FLAGS } : {}),
  engineVersion,
  daemonVersion,
  daemonApiVersion,
  command: `node scripts/record-run-lines.mjs --docker ${docker} --seed ${seed} --count ${count}`,
  seed,
  date: new Date().toISOString().slice(0, 10),
  image: { name: IMAGE, entrypoint: img?.Entrypoint ?? null, cmd: img?.Cmd ?? null },
  cases,
};
const dir = join(root, 'test/fixtures/run-command-line');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${podmanMode ? 'podman' : 'docker'}-${engineVersion}.json`);
writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
process.stdout.write(`${file}: ${cases.length} cases (${cases.filter((c) => !c.ok).length} client errors), seed ${seed}\n`);
