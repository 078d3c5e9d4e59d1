import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DIAGNOSTICS, formatArgv, parseRunCommandLine, resolveDockerRun, resolveRunCommandLine, type ParseRunCommandLineResult } from '../../src/index.js';
import { parseDockerBytes, parseDockerCpus, parseGoBool } from '../../src/run/command-line.js';
import { DOCKER_RUN_FLAGS } from '../../src/run/flag-table.js';

type Expect = { image?: string; entrypoint?: string | null; args?: string[]; init?: boolean | null; issue?: string; code?: string };

function summary(r: ParseRunCommandLineResult): Expect {
  if (!r.ok) return { issue: r.issues[0].message, code: r.issues[0].code };
  return { image: r.image, entrypoint: r.run.entrypoint ?? null, args: [...r.run.args], init: r.run.init ?? null };
}

// Hand-written rows; source: spf13/pflag flag.go (parseLongArg/parseSingleShortArg), docker/cli run.go,
// and the docker CLI outputs recorded in test/fixtures/run-command-line/.
const rows: { line: string; version?: string; want: Expect; source: string }[] = [
  { line: 'docker run -it ubuntu sleep 10', want: { image: 'ubuntu', entrypoint: null, args: ['sleep', '10'], init: null }, source: 'seed docker-advanced.md' },
  { line: 'docker run -d ubuntu sleep 10', want: { image: 'ubuntu', entrypoint: null, args: ['sleep', '10'], init: null }, source: 'seed docker-advanced.md' },
  { line: 'docker run --restart=always ubuntu', want: { image: 'ubuntu', entrypoint: null, args: [], init: null }, source: 'seed docker-advanced.md' },
  {
    line: 'docker run -d -m 512m --memory-reservation=256m --name 512-limit ubuntu sleep 3600',
    want: { image: 'ubuntu', entrypoint: null, args: ['sleep', '3600'], init: null },
    source: 'seed docker-advanced.md',
  },
  { line: 'docker run -it app:latest /bin/bash', want: { image: 'app:latest', entrypoint: null, args: ['/bin/bash'], init: null }, source: 'seed docker-advanced.md' },
  { line: 'docker run \\\n    -v my_volume:/app \\\n    nginx:latest', want: { image: 'nginx:latest', entrypoint: null, args: [], init: null }, source: 'seed docker-advanced.md' },
  { line: `docker run --entrypoint '' img`, want: { image: 'img', entrypoint: '', args: [], init: null }, source: 'semantics.md R3.2' },
  { line: 'docker run --entrypoint= img a', want: { image: 'img', entrypoint: '', args: ['a'], init: null }, source: 'semantics.md R3.2' },
  { line: 'docker run --init --init=false img', want: { image: 'img', entrypoint: null, args: [], init: false }, source: 'pflag BoolVar last wins' },
  { line: 'docker run img --help', want: { image: 'img', entrypoint: null, args: ['--help'], init: null }, source: 'semantics.md R3.1' },
  { line: 'docker run -- img -- x', want: { image: 'img', entrypoint: null, args: ['--', 'x'], init: null }, source: 'pflag parseArgs' },
  { line: 'docker run -e=X=1 img', want: { image: 'img', entrypoint: null, args: [], init: null }, source: 'pflag parseSingleShortArg -f=arg' },
  { line: 'docker create --bogus x', want: { issue: 'unknown flag: --bogus', code: 'run-unknown-flag' }, source: 'docker 28.2.2 / 20.10.24 CLI' },
  { line: 'docker create -itz x', want: { issue: "unknown shorthand flag: 'z' in -z", code: 'run-unknown-flag' }, source: 'docker 28.2.2 / 20.10.24 CLI' },
  { line: 'docker create -d=false x', want: { issue: "unknown shorthand flag: 'd' in -d=false", code: 'run-unknown-flag' }, source: 'docker CLI (create has no -d)' },
  { line: 'docker create --name', want: { issue: 'flag needs an argument: --name', code: 'run-flag-needs-argument' }, source: 'docker CLI' },
  { line: 'docker create -ite', want: { issue: "flag needs an argument: 'e' in -e", code: 'run-flag-needs-argument' }, source: 'docker CLI' },
  { line: 'docker create', version: '20.10', want: { issue: '"docker create" requires at least 1 argument.', code: 'run-missing-image' }, source: 'docker 20.10.24 CLI' },
  { line: 'docker create', version: '28.2', want: { issue: "docker: 'docker create' requires at least 1 argument", code: 'run-missing-image' }, source: 'docker 28.2.2 CLI' },
  {
    line: 'docker create --rm=maybe x',
    want: { issue: 'invalid argument "maybe" for "--rm" flag: strconv.ParseBool: parsing "maybe": invalid syntax', code: 'run-invalid-flag-value' },
    source: 'docker CLI',
  },
  { line: 'docker create -m abc x', want: { issue: `invalid argument "abc" for "-m, --memory" flag: invalid size: 'abc'`, code: 'run-invalid-flag-value' }, source: 'docker CLI' },
  {
    line: 'docker create -m=5x x',
    version: '28.2',
    want: { issue: `invalid argument "5x" for "-m, --memory" flag: invalid suffix: 'x'`, code: 'run-invalid-flag-value' },
    source: 'docker 28.2.2 CLI',
  },
  {
    line: 'docker create -m=5x x',
    version: '20.10',
    want: { issue: `invalid argument "5x" for "-m, --memory" flag: invalid size: '5x'`, code: 'run-invalid-flag-value' },
    source: 'docker 20.10.24 CLI',
  },
  {
    line: 'docker create -e= x',
    want: { issue: 'invalid argument "=" for "-e, --env" flag: invalid environment variable: =', code: 'run-invalid-flag-value' },
    source: 'docker CLI',
  },
  { line: 'docker create ---x y', want: { issue: 'bad flag syntax: ---x', code: 'run-bad-flag-syntax' }, source: 'docker CLI' },
  {
    line: 'docker create -q x',
    version: '20.10',
    want: { issue: "unknown shorthand flag: 'q' in -q", code: 'run-unknown-flag' },
    source: 'docker/cli v20.10.24 create.go (no --quiet)',
  },
  { line: 'docker -H unix:///x --context c container create -q x', want: { image: 'x', entrypoint: null, args: [], init: null }, source: 'docker/cli cli/flags/options.go' },
  { line: 'FOO=1 sudo -E env A=b docker run img a && ls', want: { image: 'img', entrypoint: null, args: ['a'], init: null }, source: 'POSIX XCU 2.9.1' },
  {
    line: 'podman create --bogus x',
    version: '4.3',
    want: { issue: 'unknown flag: --bogus', code: 'run-unknown-flag' },
    source: 'podman 4.3.1 CLI, run by hand 2026-11-28 ("Error: " prefix dropped)',
  },
  { line: 'podman create -itz x', version: '4.3', want: { issue: "unknown shorthand flag: 'z' in -z", code: 'run-unknown-flag' }, source: 'podman 4.3.1 CLI, by hand' },
  { line: 'podman create -d x', version: '4.3', want: { issue: "unknown shorthand flag: 'd' in -d", code: 'run-unknown-flag' }, source: 'podman 4.3.1 CLI, by hand' },
  { line: 'podman create -ite', version: '4.3', want: { issue: "flag needs an argument: 'e' in -e", code: 'run-flag-needs-argument' }, source: 'podman 4.3.1 CLI, by hand' },
  { line: 'podman create', version: '4.3', want: { issue: 'requires at least 1 arg(s), only received 0', code: 'run-missing-image' }, source: 'podman 4.3.1 CLI, by hand' },
  {
    line: 'podman create --rm=maybe x',
    version: '4.3',
    want: { issue: 'invalid argument "maybe" for "--rm" flag: strconv.ParseBool: parsing "maybe": invalid syntax', code: 'run-invalid-flag-value' },
    source: 'podman 4.3.1 CLI, by hand',
  },
  {
    line: 'podman create --log-level=debug --bogus x',
    version: '4.3',
    want: { issue: 'unknown flag: --bogus', code: 'run-unknown-flag' },
    source: 'podman 4.3.1 CLI, by hand (persistent global flag after the subcommand)',
  },
  {
    line: 'podman create -e= -m abc --rm --restart=always x',
    version: '4.3',
    want: { image: 'x', entrypoint: null, args: [], init: null },
    source: 'podman 4.3.1 CLI, by hand (no client-side check; fails later at image lookup)',
  },
  {
    line: 'docker create --cpus 0.0000000001 x',
    want: { issue: 'invalid argument "0.0000000001" for "--cpus" flag: value is too precise', code: 'run-invalid-flag-value' },
    source: 'docker 20.10.24 CLI, by hand 2026-11-28',
  },
  {
    line: 'docker create --cpus=1/3 x',
    want: { issue: 'invalid argument "1/3" for "--cpus" flag: value is too precise', code: 'run-invalid-flag-value' },
    source: 'docker 20.10.24 CLI, by hand 2026-11-28',
  },
  {
    line: 'docker create --cpus abc x',
    want: { issue: 'invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number', code: 'run-invalid-flag-value' },
    source: 'docker 20.10.24 CLI, by hand 2026-11-28',
  },
  { line: 'docker create --cpus 1e-9 x', want: { image: 'x', entrypoint: null, args: [], init: null }, source: 'docker 20.10.24 CLI, by hand 2026-11-28 (NanoCpus 1)' },
  {
    line: 'podman create --cpus 0.0000000001 x',
    version: '4.3',
    want: { image: 'x', entrypoint: null, args: [], init: null },
    source: 'podman 4.3.1 CLI, by hand 2026-11-28 (a float; refused only when the container is made)',
  },
  {
    line: 'podman create --cpus 1e400 x',
    version: '4.3',
    want: { issue: 'invalid argument "1e400" for "--cpus" flag: strconv.ParseFloat: parsing "1e400": value out of range', code: 'run-invalid-flag-value' },
    source: 'podman 4.3.1 CLI, by hand 2026-11-28',
  },
  {
    line: 'podman --log-level debug create --entrypoint \'["a","b"]\' img',
    want: { image: 'img', entrypoint: '["a","b"]', args: [], init: null },
    source: 'podman cmd/podman/root.go',
  },
];

describe('parseRunCommandLine', () => {
  test.for(rows)('$line', ({ line, version, want }) => {
    expect(summary(parseRunCommandLine(line, version ? { engineVersion: version } : {}))).toEqual(want);
  });

  // Issue 18 §1: the image word goes through parseImageReference, after the image IDs docker's
  // ParseAnyReference accepts (distribution/reference v0.6.0 normalize.go; docker/cli create.go).
  test.for([
    { image: 'a'.repeat(64), want: 'ok' },
    { image: `sha256:${'a'.repeat(64)}`, want: 'ok' },
    { image: `sha512:${'a'.repeat(128)}`, want: 'ok' },
    { image: `sha256:${'A'.repeat(64)}`, want: 'ok' }, // not an ID (upper case): image "sha256" with that tag
    { image: 'docker.io/library/node:20', want: 'ok' },
    { image: 'Node', want: 'invalid reference format: repository name (library/Node) must be lowercase' },
  ])('image word $image', ({ image, want }) => {
    const r = parseRunCommandLine(['docker', 'run', image]);
    expect(r.ok ? 'ok' : r.issues[0].message).toBe(want);
    const old = parseRunCommandLine(['docker', 'run', image], { engineVersion: '20.10' });
    if (image === 'Node') expect(!old.ok && old.issues[0].message).toBe('invalid reference format: repository name must be lowercase');
  });

  test('word-level issues carry a column', () => {
    const r = parseRunCommandLine('docker run -it --bogus img');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ line: 1, column: 16 });
  });

  test('every code it emits is catalogued', () => {
    for (const row of rows) {
      const r = parseRunCommandLine(row.line);
      for (const d of r.diagnostics) expect(DIAGNOSTICS).toHaveProperty(d.code);
      if (!r.ok) for (const i of r.issues) expect(DIAGNOSTICS).toHaveProperty(i.code);
    }
  });
});

describe('prefixes before the program', () => {
  // Source: POSIX XCU 2.9.1 (a VAR=value prefix is in the environment of the command it precedes: the CLI).
  test.for([
    { line: 'FOO=1 docker run img', client: 'docker' },
    { line: 'FOO=1 podman run img', client: 'podman' },
    { line: 'FOO=1 /usr/bin/podman-remote run img', client: 'podman' },
    { line: 'FOO=1 sudo BAR=2 podman run img', client: 'podman' },
  ])('a VAR=value note names the client that runs the line: $line', ({ line, client }) => {
    const r = parseRunCommandLine(line);
    const notes = r.diagnostics.filter((d) => d.code === 'run-command-prefix' && d.message.includes('sets a variable'));
    expect(notes.length).toBeGreaterThan(0);
    for (const d of notes) expect(d.message).toContain(`in the environment of the ${client} client only`);
  });
});

describe('resolveRunCommandLine', () => {
  test.for([
    { line: 'docker run --init app serve', image: { entrypoint: ['/app'], cmd: ['x'] }, argv: ['/sbin/docker-init', '--', '/app', 'serve'] },
    { line: `docker run --entrypoint '' mysql bash`, image: { entrypoint: ['e'], cmd: ['c'] }, argv: ['bash'] },
    { line: 'docker run --entrypoint "top -b" img', image: { cmd: ['c'] }, argv: ['top -b'] },
  ])('$line', ({ line, image, argv }) => {
    const r = resolveRunCommandLine(line, image);
    expect(r.ok ? r.argv : r).toEqual(argv);
  });

  test("one result shape: a line that parses but does not start fails, with both steps' diagnostics", () => {
    // `--entrypoint ''` drops the image CMD and clears the entrypoint: nothing to run (semantics.md R3.4).
    const r = resolveRunCommandLine("sudo docker run --entrypoint '' img", { entrypoint: ['e'], cmd: ['c'] });
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'no-command', message: 'no command specified' }] });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['run-command-prefix', 'empty-entrypoint-drops-cmd']);
    expect(resolveRunCommandLine('docker run', {})).toMatchObject({ ok: false, issues: [{ code: 'run-missing-image' }] });
  });

  test('success is the resolution plus the parsed line', () => {
    const r = resolveRunCommandLine('podman run --init app serve', { entrypoint: ['/app'] });
    expect(r.ok && { argv: r.argv, inspectPath: r.inspectPath, image: r.parsed.image, engine: r.parsed.engine }).toEqual({
      argv: ['/run/podman-init', '--', '/app', 'serve'],
      inspectPath: '/run/podman-init',
      image: 'app',
      engine: 'podman',
    });
  });
});

// Source: docker 20.10.24 client against the 20.10.24 daemon, 2026-11-28:
// `docker create --cpus V argvbase:1 /argv` then `docker inspect -f '{{.HostConfig.NanoCpus}}'`, or the
// CLI's error after `for "--cpus" flag: `. Large values the daemon then refuses still parse here.
// `out of range`: value × 1e9 is outside int64 and the CLI sends its low 64 bits (big.Int Int64).
const CPUS: { value: string; want: string }[] = [
  { value: '18446744074.709551616', want: '1000000000 out of range' },
  { value: '1e10', want: '-8446744073709551616 out of range' },
  { value: '1e11', want: '7766279631452241920 out of range' },
  { value: '9223372036.854775807', want: '9223372036854775807' },
  { value: '9223372036.854775808', want: '-9223372036854775808 out of range' },
  { value: '-9223372036.854775808', want: '-9223372036854775808' },
  { value: '-9223372036.854775809', want: '9223372036854775807 out of range' },
  { value: '0.0000000001', want: 'value is too precise' },
  { value: '0.0000000015', want: 'value is too precise' },
  { value: '1.0000000001', want: 'value is too precise' },
  { value: '1.5e-9', want: 'value is too precise' },
  { value: '1e-1_0', want: 'value is too precise' },
  { value: '1/3', want: 'value is too precise' },
  { value: '0.000000001', want: '1' },
  { value: '1E-9', want: '1' },
  { value: '0x1.1', want: '1062500000' },
  { value: '0x_1.8p0', want: '1500000000' },
  { value: '0b1.1', want: '1500000000' },
  { value: '1p-3', want: '125000000' },
  { value: '1/010', want: '125000000' },
  { value: '00.5', want: '500000000' },
  { value: '1e400', want: '0 out of range' },
  { value: '0e99999999999', want: '0' },
  { value: 'abc', want: 'failed to parse abc as a rational number' },
  { value: ' 1', want: 'failed to parse  1 as a rational number' },
  { value: '', want: 'failed to parse  as a rational number' },
  { value: '1/0', want: 'failed to parse 1/0 as a rational number' },
  { value: '1/-2', want: 'failed to parse 1/-2 as a rational number' },
  { value: '0.5/2', want: 'failed to parse 0.5/2 as a rational number' },
  { value: '1/3e0', want: 'failed to parse 1/3e0 as a rational number' },
  { value: '08/1', want: 'failed to parse 08/1 as a rational number' },
  { value: '1e1000001', want: 'failed to parse 1e1000001 as a rational number' },
  { value: '.e1', want: 'failed to parse .e1 as a rational number' },
  { value: '1_', want: 'failed to parse 1_ as a rational number' },
  { value: '1__0', want: 'failed to parse 1__0 as a rational number' },
  { value: '1_.5', want: 'failed to parse 1_.5 as a rational number' },
  { value: '1._5', want: 'failed to parse 1._5 as a rational number' },
  { value: '0x1_p0', want: 'failed to parse 0x1_p0 as a rational number' },
  { value: '0x_/1', want: 'failed to parse 0x_/1 as a rational number' },
];

describe('parseDockerCpus', () => {
  test.for(CPUS)('$value', ({ value, want }) => {
    const r = parseDockerCpus(value);
    expect('error' in r ? r.error : `${r.nanoCpus}${r.outOfRange ? ' out of range' : ''}`).toBe(want);
  });
});

// Source: podman 4.3.1 (go1.19.8) CLI, 2026-11-28: `podman create --cpus V argvbase:1 /argv`; `ok` = the
// flag parsed (the container was made, or refused later for its quota), else the text after `for "--cpus" flag: `.
// The grammar is Go's strconv.ParseFloat (atof.go `special`, `readFloat`; atoi.go `underscoreOK`).
const PODMAN_CPUS_SYNTAX: { value: string; want: string }[] = [
  ...['NaN', 'nan', 'NAN', 'nAn', 'Inf', '+Inf', '-inf', 'INFINITY', '-Infinity', '+Infinity'].map((value) => ({ value, want: 'ok' })),
  ...['0x1p-2', '0X1P0', '0x_1p0', '0x1_0p0', '0x.8p0', '0x1.8p0', '0x1p-1075', '0x1.fffffffffffffp1023'].map((value) => ({ value, want: 'ok' })),
  ...['1_000', '0_1', '01_0', '1e1_0', '.5', '5.', '1e300', '1.7e308', '-1e300', '1e-400', '0e99999999999'].map((value) => ({ value, want: 'ok' })),
  ...['+NaN', '-NaN', '-nan', 'infinit', 'infx', '0x1.8', '0x1p', '0b1', '0o1', '1i', '1e', '1__0', '_1', '1_', '1_.5', '1._5'].map((value) => ({
    value,
    want: `strconv.ParseFloat: parsing "${value}": invalid syntax`,
  })),
  ...['1.8e308', '1e400', '1e99999999999', '0x1.fffffffffffff8p1023'].map((value) => ({ value, want: `strconv.ParseFloat: parsing "${value}": value out of range` })),
];

describe('parseRunCommandLine: podman --cpus is strconv.ParseFloat', () => {
  test.for(PODMAN_CPUS_SYNTAX)('$value', ({ value, want }) => {
    const r = parseRunCommandLine(['podman', 'create', '--cpus', value, 'img']);
    expect(r.ok ? 'ok' : r.issues[0].message).toBe(want === 'ok' ? 'ok' : `invalid argument "${value}" for "--cpus" flag: ${want}`);
  });
});

// Source: podman 4.3.1 `podman create --cpus V argvbase:1 /argv` and docker 20.10.24 `docker create
// --cpu-shares V argvbase:1 /argv`, 2026-11-29: pflag and strconv print the value with Go's %q
// (strconv.Quote: \t-style escapes, \xNN below U+0080, \uNNNN for non-printable runes such as U+00A0).
const GO_QUOTED_VALUES: { value: string; quoted: string }[] = [
  { value: '\x01é\u200b', quoted: '"\\x01é\\u200b"' },
  { value: 'a\tb"c\\', quoted: '"a\\tb\\"c\\\\"' },
  { value: '\x7f', quoted: '"\\x7f"' },
  { value: '\u{1F600}\ufeff', quoted: '"\u{1F600}\\ufeff"' },
  { value: '\u00a0x', quoted: '"\\u00a0x"' },
];

describe('invalid flag values are quoted with Go %q', () => {
  test.for(GO_QUOTED_VALUES)('$quoted', ({ value, quoted }) => {
    const podman = parseRunCommandLine(['podman', 'create', '--cpus', value, 'img']);
    expect(podman.ok ? 'ok' : podman.issues[0].message).toBe(`invalid argument ${quoted} for "--cpus" flag: strconv.ParseFloat: parsing ${quoted}: invalid syntax`);
    const docker = parseRunCommandLine(['docker', 'create', '--cpu-shares', value, 'img']);
    expect(docker.ok ? 'ok' : docker.issues[0].message).toBe(`invalid argument ${quoted} for "-c, --cpu-shares" flag: strconv.ParseInt: parsing ${quoted}: invalid syntax`);
  });
});

// ---- property: quoting an argv and parsing the line gives the same parse ---------------------
const flagNames = DOCKER_RUN_FLAGS.filter((f) => f.commands !== 'run').map((f) => f.name);
const word = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('-it', '-d', '--rm', '--init', '--', '-e', 'A=1', '-p80:80', "it's", 'a b', '$HOME', '#x', '&&', ';', '\\', '"'),
  fc.constantFrom(...flagNames).map((n) => `--${n}`),
);
test("parseRunCommandLine(formatArgv(argv, 'shell')) equals parseRunCommandLine(argv)", () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 8 }), (tail) => {
      const argv = ['docker', 'create', ...tail];
      const a = parseRunCommandLine(argv);
      const b = parseRunCommandLine(formatArgv(argv, 'shell'));
      expect(summary(b)).toEqual(summary(a));
      if (a.ok && b.ok) expect(b.flags.map((f) => [f.name, f.value])).toEqual(a.flags.map((f) => [f.name, f.value]));
    }),
  );
});

// ---- recorded real-CLI fixtures (scripts/record-run-lines.mjs) ---------------------------------
const dir = new URL('../fixtures/run-command-line/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.startsWith('docker-') && f.endsWith('.json'));
interface FixtureConfig {
  entrypoint: string[] | null;
  cmd: string[] | null;
  path: string;
  args: string[];
  init: boolean | null;
  memory: number;
  memoryReservation: number;
  restartPolicy: { Name: string } | null;
  tty: boolean;
  openStdin: boolean;
  workingDir: string;
  user: string;
  env: string[];
  nanoCpus: number;
}
interface FixtureCase {
  argv: string[];
  /** `'run'` for the detached `docker run` cases; `create` otherwise. */
  command?: 'run' | 'create';
  /** Client flags (and `container`) before the subcommand. */
  pre?: string[];
  /** What the argv printer (/argv) printed: its own argv as JSON. */
  output?: string;
  ok: boolean;
  error?: string;
  daemonError?: string | null;
  config?: FixtureConfig;
}
interface Fixture {
  engineVersion: string;
  daemonVersion: string | null;
  daemonApiVersion: string | null;
  image: { entrypoint: string[] | null; cmd: string[] | null };
  cases: FixtureCase[];
}
const last = (flags: readonly { name: string; value: string }[], name: string): string | undefined => flags.filter((f) => f.name === name).at(-1)?.value;

describe.each(files)('recorded %s', (file) => {
  const fx = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Fixture;
  const options = { engineVersion: fx.engineVersion, ...(fx.daemonApiVersion ? { daemonApiVersion: fx.daemonApiVersion } : {}) };
  test.for(fx.cases.map((c, k) => ({ ...c, k, cmd: c.command ?? 'create', line: c.argv.join(' ').slice(0, 60) })))('case $k: docker $cmd $line', (c) => {
    const argv = ['docker', ...(c.pre ?? []), c.cmd, ...c.argv];
    const r = parseRunCommandLine(argv, options);
    // The same argv typed as a shell line parses the same.
    expect(summary(parseRunCommandLine(formatArgv(argv, 'shell'), options))).toEqual(summary(r));
    if (!c.ok) {
      expect(r.ok ? 'parsed' : r.issues[0].message).toBe(c.error);
      return;
    }
    expect(r.ok ? true : r.issues[0].message).toBe(true);
    if (!r.ok) return;
    const resolution = resolveDockerRun(fx.image, r.run, fx.daemonVersion ? { engineVersion: fx.daemonVersion } : {});
    if (c.daemonError !== undefined) {
      // Only "no command" is a daemon error this library models; others (kernel-memory limits …) need only parse.
      if (c.daemonError !== null && /no command specified/i.test(c.daemonError)) {
        expect(resolution.ok ? 'ok' : resolution.issues[0].message).toBe(c.daemonError);
      }
      return;
    }
    const cfg = c.config as FixtureConfig;
    if (c.output !== undefined) {
      // The process really executed: the printer's argv (docker-init, if any, is its parent).
      expect(resolution.ok ? [resolution.inspectPath, ...resolution.inspectArgs] : null).toEqual(JSON.parse(c.output.trim()));
    }
    expect(resolution.ok ? [resolution.inspectPath, ...resolution.inspectArgs] : resolution.issues[0].message).toEqual([cfg.path, ...cfg.args]);
    expect(r.run.entrypoint === undefined || r.run.entrypoint === '' ? null : [r.run.entrypoint]).toEqual(cfg.entrypoint);
    expect(r.run.args.length > 0 ? r.run.args : null).toEqual(cfg.cmd);
    expect(r.run.init ?? null).toEqual(cfg.init);
    const mem = last(r.flags, 'memory');
    const res = last(r.flags, 'memory-reservation');
    const bytes = (v: string | undefined): number => (v === undefined ? 0 : (parseDockerBytes(v) as { bytes: number }).bytes);
    expect([bytes(mem), bytes(res)]).toEqual([cfg.memory, cfg.memoryReservation]);
    expect((last(r.flags, 'restart') ?? 'no').split(':')[0]).toBe(cfg.restartPolicy?.Name || 'no');
    expect(parseGoBool(last(r.flags, 'tty') ?? 'false')).toBe(cfg.tty);
    expect(parseGoBool(last(r.flags, 'interactive') ?? 'false')).toBe(cfg.openStdin);
    expect(last(r.flags, 'workdir') ?? '').toBe(cfg.workingDir);
    expect(last(r.flags, 'user') ?? '').toBe(cfg.user);
    const cpus = last(r.flags, 'cpus');
    expect(cpus === undefined ? 0 : Number((parseDockerCpus(cpus) as { nanoCpus: bigint }).nanoCpus)).toBe(cfg.nanoCpus);
    // The CLI passes -e through a Go map (proxy merge in create.go): last value per name wins, order is random.
    const env = new Map<string, string>();
    for (const f of r.flags) if (f.name === 'env') env.set(f.value.split('=')[0] as string, f.value);
    const imageEnv = cfg.env.filter((e) => !env.has(e.split('=')[0] as string));
    expect([...cfg.env].sort()).toEqual([...env.values(), ...imageEnv].sort());
  });
});

// Podman 4.3.1 (scripts/record-run-lines.mjs --podman): flag errors are the CLI's first stderr line
// without "Error: "; later errors (image lookup, runtime) only require the parse to succeed.
// podman inspect shows Path = argv[0] and Args = argv[1:], except that a one-word argv shows Args = [Path].
const podmanFiles = readdirSync(dir).filter((f) => f.startsWith('podman-') && f.endsWith('.json'));
describe.each(podmanFiles)('recorded %s', (file) => {
  const fx = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Fixture & { client: string; harnessFlags: string[] };
  const engineVersion = fx.client;
  test.for(fx.cases.map((c, k) => ({ ...c, k, line: c.argv.join(' ').slice(0, 60) })))('case $k: podman create $line', (c) => {
    const argv = ['podman', ...fx.harnessFlags, 'create', ...c.argv];
    const r = parseRunCommandLine(argv, { engineVersion });
    if (!c.ok) {
      expect(r.ok ? 'parsed' : r.issues[0].message).toBe(c.error);
      return;
    }
    expect(r.ok ? true : r.issues[0].message).toBe(true);
    if (!r.ok || c.config === undefined) return;
    const res = resolveDockerRun(fx.image, r.run, { engine: 'podman', engineVersion });
    const got = res.ok ? res.argv : res.issues[0].message;
    const cfg = c.config;
    const oneWord = cfg.init !== true && cfg.args.length === 1 && cfg.args[0] === cfg.path;
    expect(oneWord && JSON.stringify(got) === JSON.stringify([cfg.path]) ? [cfg.path] : [cfg.path, ...cfg.args]).toEqual(got);
  });
});
