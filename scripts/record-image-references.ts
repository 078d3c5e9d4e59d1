#!/usr/bin/env -S npx tsx
// Records how a real docker CLI reads image references, into
// test/fixtures/image-reference/docker-<version>.json, for the offline check in
// test/core/image-reference.test.ts.
//
//   npx tsx scripts/record-image-references.ts [--docker /usr/local/bin/docker] [--seed 1] [--count 300]
//
// `docker pull REF` parses REF with distribution/reference ParseNormalizedNamed on the client.
// A refused reference fails there with the library's message and never reaches a daemon. An
// accepted one is sent to a fake daemon this script serves on a private unix socket (nothing
// is pulled, no network): the request shows the name (`fromImage`, parsed again from the
// familiar form the CLI passes to its client library) and the tag or digest it asks for, and
// the CLI prints the full reference it pulled as its last line.
// Inputs: every vector of test/fixtures/image-reference.ts, a list of edge cases, and `--count`
// strings from test/support/image-reference-arbitraries.ts (seeded).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { DOMAIN_ROWS, IDENTIFIER_ROWS, NAME_ROWS, NORMALIZED_ROWS, PARSE_ROWS, REFERENCE_REGEXP_ROWS } from '../test/fixtures/image-reference.js';
import { EDGE_CASES } from '../test/fixtures/image-reference-edge-cases.js';
import { referenceTextArb } from '../test/support/image-reference-arbitraries.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, dflt: string): string => {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? (process.argv[k + 1] as string) : dflt;
};
const docker = arg('docker', '/usr/local/bin/docker');
const seed = Number(arg('seed', '1'));
const count = Number(arg('count', '300'));

interface Request {
  readonly method: string;
  readonly url: string;
}

/** A daemon that answers /_ping and accepts every /images/create, remembering the requests. */
function fakeDaemon(socket: string, requests: Request[]): Promise<() => void> {
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '' });
    req.resume();
    req.on('end', () => {
      if (req.url?.endsWith('/_ping')) {
        res.writeHead(200, { 'Api-Version': '1.49', Ostype: 'linux', 'Content-Type': 'text/plain' });
        res.end(req.method === 'HEAD' ? '' : 'OK');
      } else if (req.url?.includes('/images/create')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"status":"recorded"}\n');
      } else {
        res.writeHead(404, { 'Content-Type': 'application/json' });
        res.end('{"message":"not served by the recorder"}');
      }
    });
  });
  return new Promise((resolve) => server.listen(socket, () => resolve(() => server.close())));
}

function run(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(docker, args, { env, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

const inputs = [
  ...PARSE_ROWS.map((r) => r.input),
  ...NORMALIZED_ROWS.map((r) => r.input),
  ...NAME_ROWS.map((r) => r.input),
  ...REFERENCE_REGEXP_ROWS.map((r) => r.input),
  ...IDENTIFIER_ROWS.map((r) => r.input),
  ...DOMAIN_ROWS.map((r) => `${r.input}/repo`),
  ...EDGE_CASES.map((r) => r.input),
  ...fc.sample(referenceTextArb, { seed, numRuns: count }),
];
const unique = [...new Set(inputs)].filter((s) => !s.includes('\0'));

const dir = mkdtempSync(join(tmpdir(), 'image-reference-'));
const socket = join(dir, 'docker.sock');
const requests: Request[] = [];
const close = await fakeDaemon(socket, requests);
const env = { PATH: '/usr/bin:/bin', HOME: dir, DOCKER_CONFIG: join(dir, 'config'), DOCKER_HOST: `unix://${socket}` };
const version = (await run(['--version'], env)).stdout.match(/version ([\d.]+)/)?.[1] ?? 'unknown';

const cases = [];
for (const input of unique) {
  requests.length = 0;
  const r = await run(['pull', '--', input], env);
  const create = requests.find((q) => q.url.includes('/images/create'));
  if (r.code !== 0 || create === undefined) {
    cases.push({ input, ok: false, error: r.stderr.trim() });
    continue;
  }
  const query = new URL(create.url, 'http://docker').searchParams;
  const lines = r.stdout.trim().split('\n');
  cases.push({
    input,
    ok: true,
    defaultTag: lines.includes('Using default tag: latest'),
    fromImage: query.get('fromImage'),
    tag: query.get('tag'),
    printed: lines[lines.length - 1],
  });
}
close();
rmSync(dir, { recursive: true, force: true });

const out = {
  source: `real docker CLI ${version} (${docker}) running \`docker pull -- <input>\` against a fake daemon on a private unix socket; recorded by scripts/record-image-references.ts`,
  client: version,
  command: `npx tsx scripts/record-image-references.ts --docker ${docker} --seed ${seed} --count ${count}`,
  seed,
  date: new Date().toISOString().slice(0, 10),
  fields: {
    error: 'stderr of a refused reference (client-side ParseNormalizedNamed)',
    defaultTag: '"Using default tag: latest" was printed (neither tag nor digest written)',
    fromImage: 'the fromImage query parameter of POST /images/create: Name() of the reference the client library parses again from the FamiliarString the CLI hands it',
    tag: 'the tag query parameter: the digest when one was written, else the tag (latest by default)',
    printed: "the CLI's last line: the full reference pulled (String() after TagNameOnly)",
  },
  cases,
};
const outDir = join(root, 'test/fixtures/image-reference');
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `docker-${version}.json`);
writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
process.stdout.write(`${file}: ${cases.length} references, ${cases.filter((c) => c.ok).length} accepted\n`);
