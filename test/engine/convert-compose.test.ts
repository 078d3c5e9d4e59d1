import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { convertComposeFile } from '../../src/convert/convert-file.js';
import { convertContainer } from '../../src/convert/convert.js';
import { quoteShellWord } from '../../src/core/format-argv.js';
import { processWordArb } from '../../src/testing/words.js';

/**
 * Live proof of the run → Compose conversion (issue 17): for generated `docker create` lines, the
 * container Docker creates from the line and the one Debian's docker-compose 1.29 creates from the
 * converted Compose file (`docker-compose up --no-start`) have the same argv (`docker inspect` .Path
 * and .Args) and the same settings; and the run line converted back from that Compose file (run
 * through `sh -c`) creates the same container again. Needs `bash scripts/engine.sh up docker`.
 *
 *   ENGINE_SEED=n             replay a run (the seed is printed)
 *   ENGINE_CONVERT_CASES=n    default 50
 */

const DOCKER_HOST = 'unix:///tmp/container-argv-docker/docker.sock';
const DOCKER = '/usr/bin/docker';
const COMPOSE = '/usr/bin/docker-compose';
const seed = process.env['ENGINE_SEED'] ? Number(process.env['ENGINE_SEED']) : Date.now() % 2_000_000_000;
const cases = Number(process.env['ENGINE_CONVERT_CASES'] ?? 50);
const say = (s: string) => process.stdout.write(`[convert-live] ${s}\n`);

function sh(cmd: string, args: readonly string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env: { ...process.env, DOCKER_HOST, PATH: `/usr/bin:${process.env['PATH'] ?? ''}` }, cwd, timeout: 120_000, encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Images with each kind of config the argv merge tells apart (built FROM the engine script's argvbase:1). */
const IMAGES: Readonly<Record<string, string>> = {
  'argvbase:1': '',
  'convert-live-ep:1': 'ENTRYPOINT ["/ep"]\nCMD ["cmd"]',
  'convert-live-cmd:1': 'CMD ["/cmd", "x"]',
  'convert-live-emptyep:1': 'ENTRYPOINT [""]\nCMD ["/c"]',
  'convert-live-sh:1': 'ENTRYPOINT ["/bin/sh", "-c", "echo \\"$@\\""]',
};

const wordArb = processWordArb.filter((w) => w.length < 40);
const flagArb: fc.Arbitrary<readonly string[]> = fc.oneof(
  fc.constant(['-e', 'A=1']),
  wordArb.map((w) => ['--env', `B=${w}`]),
  fc.constant(['-w', '/tmp']),
  fc.constant(['--user', '1000:1000']),
  fc.constant(['-t']),
  fc.constant(['-i']),
  fc.constant(['--init']),
  wordArb.map((w) => ['--label', `l=${w}`]),
  fc.constant(['--hostname', 'h1']),
  fc.constant(['--restart', 'on-failure:3']),
  fc.constant(['-m', '64m']),
  fc.oneof(fc.constantFrom('', '/ep', '/argv', 'sh', 'e'), wordArb).map((w) => ['--entrypoint', w]),
);
const lineArb = fc.record({
  flags: fc.array(flagArb, { maxLength: 5 }),
  image: fc.constantFrom(...Object.keys(IMAGES)),
  args: fc.array(fc.oneof(fc.constantFrom('/argv', '/c', 'x', '$HOME', 'a  b', ''), wordArb), { maxLength: 4 }),
});

function normalRestart(p: { Name: string; MaximumRetryCount: number }): { Name: string; MaximumRetryCount: number } {
  return p.Name === '' ? { ...p, Name: 'no' } : p;
}

/** What is compared: the argv and the settings the flags set (Compose's own labels left out; the hostname only when set). */
function observed(inspect: Record<string, unknown>, hostnameSet: boolean): unknown {
  const config = inspect['Config'] as Record<string, unknown>;
  const host = inspect['HostConfig'] as Record<string, unknown>;
  const labels = Object.entries((config['Labels'] ?? {}) as Record<string, string>).filter(([k]) => !k.startsWith('com.docker.compose.'));
  return {
    path: inspect['Path'],
    args: inspect['Args'],
    init: host['Init'] ?? false,
    env: ((config['Env'] ?? []) as string[]).slice().sort(),
    workingDir: config['WorkingDir'],
    user: config['User'],
    tty: config['Tty'],
    openStdin: config['OpenStdin'],
    labels: Object.fromEntries(labels),
    // docker run sends the policy "no", Compose an empty name when restart is not set; both mean no restart (moby restartmanager).
    restart: normalRestart(host['RestartPolicy'] as { Name: string; MaximumRetryCount: number }),
    memory: host['Memory'],
    ...(hostnameSet && { hostname: config['Hostname'] }),
  };
}

type Created = { id: string } | { error: string };

async function inspect(id: string, hostnameSet: boolean): Promise<unknown> {
  const r = await sh(DOCKER, ['inspect', id]);
  expect(r.code, r.stderr).toBe(0);
  return observed((JSON.parse(r.stdout) as Record<string, unknown>[])[0] as Record<string, unknown>, hostnameSet);
}

async function createFromLine(line: string): Promise<Created> {
  const r = await sh('/bin/sh', ['-c', line]);
  return r.code === 0 ? { id: r.stdout.trim() } : { error: r.stderr.trim() };
}

async function createFromCompose(dir: string, project: string, yaml: string): Promise<Created> {
  writeFileSync(join(dir, 'compose.yaml'), yaml);
  const up = await sh(COMPOSE, ['-p', project, '-f', 'compose.yaml', 'up', '--no-start'], dir);
  if (up.code !== 0) return { error: up.stderr.trim().split('\n').pop() ?? '' };
  const ps = await sh(DOCKER, ['ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`]);
  return { id: ps.stdout.trim() };
}

const work = mkdtempSync(join(tmpdir(), `container-argv-convert-${seed}-`));

describe('run → Compose on Docker Engine with docker-compose 1.29', () => {
  beforeAll(async () => {
    say(`seed ${seed} (replay: ENGINE_SEED=${seed}), ${cases} cases, files in ${work}`);
    for (const [tag, body] of Object.entries(IMAGES)) {
      if (body === '') continue;
      const dir = join(work, `image-${tag.split(':')[0] as string}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'Dockerfile'), `FROM argvbase:1\n${body}\n`);
      const r = await sh(DOCKER, ['build', '-q', '-t', tag, dir]);
      expect(r.code, r.stderr).toBe(0);
    }
  }, 600_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test(
    'argv and settings agree',
    async () => {
      const samples = fc.sample(lineArb, { seed, numRuns: cases });
      const failures: string[] = [];
      let agreed = 0;
      for (const [i, s] of samples.entries()) {
        const argv = [DOCKER, 'create', '--network', 'none', ...s.flags.flat(), s.image, ...s.args];
        const line = argv.map(quoteShellWord).join(' ');
        const hostnameSet = argv.includes('--hostname');
        const dir = join(work, `case-${i}`);
        mkdirSync(dir);
        const project = `convlive${seed}x${i}`;
        const converted = convertContainer({ from: 'run', line }, { to: 'compose' });
        const ids: string[] = [];
        try {
          const fromLine = await createFromLine(line);
          if (!converted.ok || !converted.complete) {
            if ('id' in fromLine) failures.push(`case ${i}: ${line}\n  docker created it, the conversion failed: ${JSON.stringify(converted)}`);
            continue;
          }
          const yaml = converted.value.text;
          const fromCompose = await createFromCompose(dir, project, yaml);
          const back = convertComposeFile(yaml, { to: 'run' });
          const backLine =
            back.ok && back.items[0]?.result.ok === true && back.items[0].result.complete ? back.items[0].result.value.text.replace(/^docker run /, `${DOCKER} create `) : '';
          const fromBack = backLine === '' ? ({ error: 'no line' } as Created) : await createFromLine(backLine);
          for (const c of [fromLine, fromCompose, fromBack]) if ('id' in c) ids.push(c.id);
          const views = await Promise.all([fromLine, fromCompose, fromBack].map((c) => ('id' in c ? inspect(c.id, hostnameSet) : Promise.resolve('fails'))));
          if (JSON.stringify(views[1]) !== JSON.stringify(views[0]) || JSON.stringify(views[2]) !== JSON.stringify(views[0])) {
            failures.push(
              `case ${i}: ${line}\n--- compose.yaml\n${yaml}--- back: ${backLine}\n  docker: ${JSON.stringify(views[0])} ${'error' in fromLine ? fromLine.error : ''}\n  compose: ${JSON.stringify(views[1])} ${'error' in fromCompose ? fromCompose.error : ''}\n  back: ${JSON.stringify(views[2])} ${'error' in fromBack ? fromBack.error : ''}`,
            );
          } else agreed++;
        } finally {
          await sh(COMPOSE, ['-p', project, '-f', 'compose.yaml', 'down'], dir);
          for (const id of ids) await sh(DOCKER, ['rm', '-f', id]);
        }
      }
      say(`${agreed}/${samples.length} cases agree`);
      expect(failures.join('\n\n')).toBe('');
    },
    60 * 60_000,
  );
});
