import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanNode, scanShell, type FoundCommand, type ShellScan } from '../support/script-commands.js';

// CI installs everything it runs (issue 12 §1: the Podman half of the engine suite called
// `buildah inspect`, which nothing installed). Every external command that .ci/run, scripts/ (bash
// and Node), npm scripts, tests and benchmarks call must be a bash builtin, come with the machine
// image, or have its Debian package installed by an `apt_install`/`apt-get install` line or a
// `*_TOOLS=(command:package …)` table (of the bash script itself, or of any script for Node code).
// A new command without an install line fails here.

const ROOT = join(import.meta.dirname, '../..');

/** bash 5.2 builtins the scripts use (bash(1) "SHELL BUILTIN COMMANDS"; checked below with `type -t`). */
const BUILTINS = [
  ':',
  '[',
  'break',
  'cd',
  'command',
  'echo',
  'exec',
  'exit',
  'export',
  'false',
  'kill',
  'local',
  'printf',
  'pwd',
  'read',
  'return',
  'set',
  'source',
  'test',
  'true',
  'wait',
];

/**
 * The Debian package of each command (or file) the scripts use. Source: `dpkg -S PATH` on Debian 12.11
 * (bookworm, 2026-12-02) after `bash scripts/engine.sh up all`; bare names are looked up on PATH.
 */
const PACKAGE_OF: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ['cat', 'cp', 'cut', 'dirname', 'head', 'ln', 'mkdir', 'mktemp', 'rm', 'seq', 'sha256sum', 'sleep', 'sort', 'tail', 'timeout', 'tr', 'uname', 'wc'].map((c) => [
      c,
      'coreutils',
    ]),
  ),
  ...Object.fromEntries(['find', 'xargs'].map((c) => [c, 'findutils'])),
  awk: 'mawk',
  curl: 'curl',
  git: 'git',
  gzip: 'gzip',
  jq: 'jq',
  openssl: 'openssl',
  sed: 'sed',
  tar: 'tar',
  htpasswd: 'apache2-utils',
  'apt-get': 'apt',
  bash: 'bash',
  '/bin/bash': 'bash',
  '/bin/sh': 'dash',
  'dpkg-query': 'dpkg',
  grep: 'grep',
  pgrep: 'procps',
  setsid: 'util-linux',
  node: 'nodejs',
  npm: 'nodejs',
  gcc: 'gcc',
  strip: 'binutils',
  '/usr/lib/x86_64-linux-gnu/libc.a': 'libc6-dev',
  '/bin/busybox': 'busybox-static',
  '/usr/bin/docker': 'docker.io',
  '/usr/sbin/dockerd': 'docker.io',
  '/usr/bin/docker-compose': 'docker-compose',
  podman: 'podman',
  '/usr/bin/podman': 'podman',
  buildah: 'buildah',
  '/usr/libexec/podman/catatonit': 'catatonit',
  chromium: 'chromium',
  '/usr/bin/chromium': 'chromium',
  skopeo: 'skopeo',
  'docker-registry': 'docker-registry',
  '/usr/bin/docker-registry': 'docker-registry',
};

/**
 * Packages of the machine image that CI runs on (the `node` kind: its package list of 2026-12-02,
 * Debian 12), which the scripts use without installing them.
 */
const BASE_PACKAGES = new Set([
  'apt',
  'bash',
  'binutils',
  'coreutils',
  'curl',
  'dash',
  'dpkg',
  'findutils',
  'gcc',
  'git',
  'grep',
  'gzip',
  'jq',
  'libc6-dev',
  'mawk',
  'nodejs',
  'openssl',
  'procps',
  'sed',
  'tar',
  'util-linux',
]);

/** Commands of the machine image that are no Debian package. */
const MACHINE_IMAGE: Readonly<Record<string, string>> = {
  '/usr/local/bin/docker': 'Docker CLI 28.2.2 of the node machine image; only the default client of the manual recorder scripts/record-run-lines.mjs',
};

/** Commands that are a variable the scan cannot resolve, each with why it is covered. */
const REVIEWED_VARIABLES: readonly { file: string; command: string; why: string }[] = [
  { file: 'scripts/engine.sh', command: '"$cmd"', why: '`command -v "$cmd"` in missing_tools looks up the *_TOOLS tables, checked below' },
];

interface Call extends FoundCommand {
  readonly file: string;
}

function walk(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' || e.name === 'node_modules' ? [] : walk(path, keep);
    return keep(e.name) ? [path] : [];
  });
}

const read = (path: string) => readFileSync(path, 'utf8');
const rel = (path: string) => relative(ROOT, path);

/** The bash scripts: .ci/run and every *.sh under scripts/. */
const shellFiles = [join(ROOT, '.ci/run'), ...walk(join(ROOT, 'scripts'), (n) => n.endsWith('.sh'))].map((p) => ({ file: rel(p), text: read(p) }));
/** Node scripts, tests and benchmarks. */
const nodeFiles = [
  ...walk(join(ROOT, 'scripts'), (n) => /\.(?:m?js|ts)$/.test(n)),
  ...walk(join(ROOT, 'test'), (n) => n.endsWith('.ts')),
  ...walk(join(ROOT, 'bench'), (n) => /\.m?js$/.test(n)),
].map((p) => ({ file: rel(p), text: read(p) }));
const npmScripts = Object.entries((JSON.parse(read(join(ROOT, 'package.json'))) as { scripts: Record<string, string> }).scripts);

/**
 * The external commands that no builtin, machine-image tool or install line accounts for. A bash
 * script installs what it calls itself (each runs on its own: `bash scripts/engine.sh up`); a Node
 * script or test relies on any script's install lines (record.mjs on engine.sh's).
 */
function uninstalled(shell: readonly { file: string; text: string }[], node: readonly { file: string; text: string }[]): string[] {
  const libraries = new Set(shell.flatMap(({ file, text }) => sourcedFiles(file, text)));
  const scanOf = new Map(shell.map(({ file, text }) => [file, scanShell(text)]));
  const scripts = [...scanOf].filter(([file]) => !libraries.has(file));
  const anyScript = new Set(scripts.flatMap(([, scan]) => [...scan.installs]));
  const installedFor = new Map<string, ReadonlySet<string>>(scripts.map(([file, scan]) => [file, scan.installs]));
  // A sourced library's commands are checked as the sourcing script's: its installs and its functions.
  const scriptCalls = shell
    .filter(({ file }) => !libraries.has(file))
    .flatMap(({ file, text }) => {
      const parts = [file, ...sourcedFiles(file, text)].map((f) => ({ file: f, scan: scanOf.get(f) }));
      const missing = parts.filter((p) => p.scan === undefined).map((p) => ({ command: `source ${p.file}`, line: 0, file, installs: file }));
      const found = parts.flatMap((p) => (p.scan === undefined ? [] : [{ file: p.file, scan: p.scan }]));
      const functions = new Set(found.flatMap(({ scan }) => [...scan.functions]));
      const commands = found.flatMap(({ file: where, scan }) => scan.commands.map((c) => ({ ...c, file: where, installs: file })));
      return [...missing, ...commands.filter((c) => !functions.has(c.command))];
    });
  const calls: (Call & { installs?: string })[] = [...scriptCalls, ...node.flatMap(({ file, text }) => scanNode(text).map((c) => ({ ...c, file })))];
  const problems = calls.flatMap((c) => {
    if (c.command.startsWith('source ')) return [`${c.installs ?? c.file}: ${c.command}: the sourced file does not exist`];
    if (BUILTINS.includes(c.command) || c.command in MACHINE_IMAGE) return [];
    if (c.command.includes('$')) {
      return REVIEWED_VARIABLES.some((r) => r.file === c.file && r.command === c.command) ? [] : [`${c.file}:${c.line}: ${c.command}: a command the scan cannot resolve`];
    }
    const pkg = PACKAGE_OF[c.command];
    if (pkg === undefined) return [`${c.file}:${c.line}: ${c.command}: unknown command (add its Debian package to PACKAGE_OF and install it)`];
    const owner = c.installs ?? c.file;
    const installed = installedFor.get(owner) ?? anyScript;
    if (BASE_PACKAGES.has(pkg) || installed.has(pkg)) return [];
    return [`${c.file}:${c.line}: ${c.command}: Debian package ${pkg} is installed by ${installedFor.has(owner) ? 'no install line of this script' : 'no script'}`];
  });
  return [...new Set(problems)];
}

/** The files a bash script reads with `source "$HERE/…"` or `. "$HERE/…"` ($HERE: the script's own folder), as paths from the root. */
function sourcedFiles(file: string, text: string): string[] {
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
  return [...text.matchAll(/^[ \t]*(?:source|\.)[ \t]+"?\$HERE\/([^"\s]+)"?[ \t]*$/gm)].map((m) => `${folder}/${m[1]!}`);
}

describe('CI installs every command the scripts call', () => {
  test('every external command is a builtin, on the machine image, or installed by a script', () => {
    expect(uninstalled(shellFiles, nodeFiles)).toEqual([]);
  });

  test('a skopeo call without an install line fails; with `apt_install skopeo` it passes', () => {
    const engine = shellFiles.find((f) => f.file === 'scripts/engine.sh')!;
    const apt = shellFiles.find((f) => f.file === 'scripts/lib/apt.sh')!;
    const withCall = { file: engine.file, text: `${engine.text}\nskopeo inspect docker://127.0.0.1:5000/x\n` };
    const line = withCall.text.split('\n').length - 1;
    // Installed by another script (scripts/registry.sh installs skopeo) is not enough for a bash script.
    const other = { file: 'scripts/other.sh', text: 'apt-get install -y skopeo\n' };
    expect(uninstalled([withCall, other, apt], [])).toEqual([`scripts/engine.sh:${line}: skopeo: Debian package skopeo is installed by no install line of this script`]);
    expect(uninstalled([{ ...withCall, text: `${withCall.text}apt_install skopeo\n` }, apt], [])).toEqual([]);
    const record = { file: 'scripts/engine/x.mjs', text: "import { execFile } from 'node:child_process';\nexecFile('skopeo', ['inspect']);\n" };
    expect(uninstalled([engine, apt], [record])).toEqual(['scripts/engine/x.mjs:2: skopeo: Debian package skopeo is installed by no script']);
    expect(uninstalled([engine, other, apt], [record])).toEqual([]);
    const node = { file: 'scripts/x.mjs', text: "import { execFile } from 'node:child_process';\nexecFile('crane', ['ls']);\n" };
    expect(uninstalled([], [node])).toEqual(['scripts/x.mjs:2: crane: unknown command (add its Debian package to PACKAGE_OF and install it)']);
  });

  test('a sourced library is checked with the installs and functions of the script that sources it', () => {
    const lib = { file: 'scripts/lib/x.sh', text: 'say() { log "$1"; }\nfetch_it() { skopeo inspect "$1"; }\n' };
    const script = (body: string) => ({ file: 'scripts/a.sh', text: `HERE=x\nlog() { :; }\nsource "$HERE/lib/x.sh"\n${body}` });
    expect(uninstalled([script('say hi\nfetch_it x\n'), lib], [])).toEqual(['scripts/lib/x.sh:2: skopeo: Debian package skopeo is installed by no install line of this script']);
    expect(uninstalled([script('apt-get install -y skopeo\nfetch_it x\n'), lib], [])).toEqual([]);
    // Without the script's log(), the library's call is an unknown command; a missing library is named.
    expect(uninstalled([{ file: 'scripts/b.sh', text: 'source "$HERE/lib/x.sh"\n' }, lib], [])).toContain(
      'scripts/lib/x.sh:1: log: unknown command (add its Debian package to PACKAGE_OF and install it)',
    );
    expect(uninstalled([{ file: 'scripts/b.sh', text: 'source "$HERE/lib/none.sh"\n' }], [])).toEqual([
      'scripts/b.sh: source scripts/lib/none.sh: the sourced file does not exist',
    ]);
  });

  test('npm scripts call only tools of node_modules/.bin (npm ci), builtins or base packages', () => {
    const problems = npmScripts.flatMap(([name, line]) =>
      scanShell(line)
        .commands.map((c) => c.command)
        .filter((c) => !BUILTINS.includes(c) && !existsSync(join(ROOT, 'node_modules/.bin', c)) && !BASE_PACKAGES.has(PACKAGE_OF[c] ?? ''))
        .map((c) => `${name}: ${c}`),
    );
    expect(problems).toEqual([]);
  });

  test("engine.sh's tool tables cover what the engine suites call, with the right packages", () => {
    const engine = scanShell(shellFiles.find((f) => f.file === 'scripts/engine.sh')!.text);
    expect(engine.tools.filter(([cmd, pkg]) => PACKAGE_OF[cmd] !== pkg)).toEqual([]);
    const tabled = new Set(engine.tools.map(([cmd]) => cmd));
    const engineFiles = nodeFiles.filter((f) => /^(?:scripts\/engine\/|test\/engine\/)/.test(f.file));
    const calls = [...engine.commands, ...engineFiles.flatMap((f) => scanNode(f.text))].map((c) => c.command);
    const beyondBase = calls.filter((c) => PACKAGE_OF[c] !== undefined && !BASE_PACKAGES.has(PACKAGE_OF[c]));
    expect([...new Set(beyondBase.filter((c) => !tabled.has(c)))]).toEqual([]);
  });

  test('BUILTINS are bash builtins (live: bash 5.2 `type -t`)', () => {
    const r = spawnSync('/bin/bash', ['-c', 'for c in "$@"; do printf "%s=%s\\n" "$c" "$(type -t "$c")"; done', 'bash', ...BUILTINS], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toEqual(BUILTINS.map((c) => `${c}=builtin`));
  });
});

// ---- the scanner -------------------------------------------------------------------------------

/**
 * Bash snippets and the commands the scan must find (bash(1) SHELL GRAMMAR). The live check runs each
 * snippet in bash 5.2 with a PATH where nothing is found and a command_not_found_handle that logs the name: every
 * command bash looked up on the executed path must be among the scan's.
 */
const SHELL_ROWS: readonly { script: string; commands: readonly string[]; installs?: readonly string[] }[] = [
  { script: 'if ! command -v chromium >/dev/null 2>&1; then\n  apt-get update -qq || fail x\nfi', commands: ['command', 'chromium', 'apt-get', 'fail'] },
  { script: 'x="$(cat /proc/1/comm 2>/dev/null)"; echo "$x"', commands: ['cat', 'echo'] },
  { script: 'DOCKER=/opt/none/docker\n"$DOCKER" version --format "{{.Server.Version}}"', commands: ['/opt/none/docker'] },
  { script: 'case "$1" in\n  up|down) seq 1 2 ;;\n  *) tail -n1 </dev/null ;;\nesac', commands: ['seq', 'tail'] },
  { script: 'for i in $(seq 1 3); do sleep 0; done', commands: ['seq', 'sleep'] },
  { script: 'f() { grep -q x; }\nf <<EOF\n$(sort </dev/null)\nEOF\nuname', commands: ['sort', 'grep', 'uname'] },
  { script: "cat > f <<'EOF'\nFROM scratch\nRUN $(false) && dockerd\nEOF\nrm f", commands: ['cat', 'rm'] },
  { script: 'timeout 10 setsid dockerd --host x >log 2>&1 </dev/null &\nwait', commands: ['timeout', 'setsid', 'dockerd', 'wait'] },
  { script: 'n=2; (( n > 1 )) && mkdir -p d; echo $((n + 1))', commands: ['mkdir', 'echo'] },
  { script: 'node -e \'\nconst x = require("fs") | y;\n\' "$r" || status=1', commands: ['node'] },
  { script: '[[ $x == /* ]] && ln -s a b; [ -e x ] || cp a b', commands: ['ln', '[', 'cp'] },
  { script: 'echo `uname -r` "$(( $(seq 1) + 1 ))"; (( $(sort </dev/null) + 0 ))', commands: ['uname', 'seq', 'echo', 'sort'] },
  { script: 'T=(a:b c:d)\nDEBIAN_FRONTEND=noninteractive apt-get -o X=1 install -y -qq pkg1 pkg2 >/dev/null', commands: ['apt-get'], installs: ['pkg1', 'pkg2'] },
  {
    script: 'apt_install() { :; }\napt_install docker.io "$x" busybox-static\nX_TOOLS=(gcc:gcc /usr/bin/docker:docker.io)',
    commands: [':'],
    installs: ['docker.io', 'busybox-static', 'gcc'],
  },
];

describe('scanShell', () => {
  test.for(SHELL_ROWS)('$script', ({ script, commands, installs }) => {
    const scan: ShellScan = scanShell(script);
    expect(new Set(scan.commands.map((c) => c.command))).toEqual(new Set(commands));
    expect([...scan.installs].sort()).toEqual([...(installs ?? [])].sort());
  });

  test('line numbers count continuation lines and here-documents', () => {
    const scan = scanShell('a \\\n  b\ncat <<EOF\nx\nEOF\nsort');
    expect(scan.commands.map((c) => `${c.command}@${c.line}`)).toEqual(['a@1', 'cat@3', 'sort@6']);
  });

  test('live: every command bash 5.2 looks up is among the scan’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-tools-'));
    try {
      let total = 0;
      for (const { script } of SHELL_ROWS) {
        const log = join(dir, '.looked');
        rmSync(log, { force: true });
        const probe = `command_not_found_handle() { printf '%s\\n' "$1" >> ${log}; return 0; }\nPATH=/nonexistent\n${script}\n`;
        spawnSync('/bin/bash', ['-c', probe], { cwd: dir, encoding: 'utf8', timeout: 10_000 });
        const looked = existsSync(log) ? read(log).trim().split('\n') : [];
        const scanned = new Set(scanShell(script).commands.map((c) => c.command));
        expect(
          looked.filter((c) => !scanned.has(c)),
          script,
        ).toEqual([]);
        total += looked.length;
      }
      expect(total).toBeGreaterThan(SHELL_ROWS.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Source: Node's child_process API (execFile/spawn take the file to run first) and playwright-core's
// `launch({ executablePath })`.
const NODE_ROWS: readonly { name: string; text: string; commands: readonly string[] }[] = [
  {
    name: 'a wrapper passing its first parameter to execFile, a const and a literal',
    text: "import { execFile } from 'node:child_process';\nconst DOCKER = '/usr/bin/docker';\nfunction run(cmd, args) { return execFile(cmd, args); }\nrun(DOCKER, []);\nrun('podman', []);",
    commands: ['/usr/bin/docker', 'podman'],
  },
  { name: 'process.execPath', text: "import { spawnSync } from 'node:child_process';\nspawnSync(process.execPath, ['x']);", commands: ['node'] },
  {
    name: 'a const set from a call',
    text: "import { spawnSync } from 'node:child_process';\nconst sh = realpathSync('/bin/sh');\nspawnSync(sh, ['-c', 'x']);",
    commands: ['/bin/sh'],
  },
  {
    name: 'both branches of a conditional',
    text: "import { spawnSync } from 'node:child_process';\nconst d = p ? '/usr/bin/podman' : arg('docker', '/usr/local/bin/docker');\nspawnSync(d, []);",
    commands: ['/usr/bin/podman', '/usr/local/bin/docker'],
  },
  {
    name: 'playwright executablePath',
    text: "import { chromium } from 'playwright-core';\nconst CHROMIUM = '/usr/bin/chromium';\nchromium.launch({ executablePath: CHROMIUM });",
    commands: ['/usr/bin/chromium'],
  },
  { name: 'no child_process import: argv data is no call', text: "const argv = ['/bin/bash', '-c', 'x'];\nexecFile('x');", commands: [] },
];

describe('scanNode', () => {
  test.for(NODE_ROWS)('$name', ({ text, commands }) => {
    expect(scanNode(text).map((c) => c.command)).toEqual(commands);
  });
});
