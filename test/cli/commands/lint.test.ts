import { beforeAll, describe, expect, test } from 'vitest';
import { DIAGNOSTICS } from '../../../src/index.js';
import { kindByContent, kindByName } from '../../../src/cli/commands/lint.js';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers.js';
import { makeTree } from '../tree.js';
import { escapeControls } from '../../../src/cli/terminal.js';
import { COMPOSE, DEPLOY, writeWorkloadFixtures } from './fixtures.js';

let dir = '';
beforeAll(() => {
  dir = writeWorkloadFixtures();
});

const run = (argv: string[], stdin?: string) => cli(argv, { cwd: dir, ...(stdin !== undefined && { stdin }) });

describe('container-argv lint', () => {
  test('walks a directory (skipping node_modules), finds every kind of file, exit 1 on an error', async () => {
    // --no-catalog: alpine stays unknown here (the catalog would answer it; test/cli/commands/base-images.test.ts).
    const r = await run(['lint', 'repo', '--no-catalog']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('repo/bad.Dockerfile:2:1: error json-not-strings: ');
    expect(r.stdout).toContain('repo/Dockerfile:1:1: warning depends-on-unknown-base: What runs depends on alpine, ');
    expect(r.stdout).toContain('repo/Dockerfile:2:1: warning entrypoint-shell-form-cmd: ');
    expect(r.stdout).toMatch(/repo\/deploy\/web\.yaml:10:\d+: warning depends-on-unknown-image: /);
    expect(r.stdout).toMatch(/repo\/compose\.yaml:\d+:\d+: warning argv-sh-c-extra-args: /);
    expect(r.stdout).toMatch(/repo\/deploy\/web\.yaml:11:\d+: warning k8s-undefined-reference: /);
    expect(r.stdout).not.toContain('node_modules');
    expect(r.stdout).toMatch(/5 files checked: 1 error\(s\)/);
  });

  test('by default the catalog answers alpine: the Dockerfile is checked as run, and each image says where its config came from', async () => {
    const r = await run(['lint', 'repo']);
    expect(r.stdout).not.toContain('repo/Dockerfile:1:1: warning depends-on-unknown-base');
    expect(r.stdout).toContain('repo/Dockerfile:3:1: warning argv-shell-entrypoint-args: ');
    expect(r.stdout).toMatch(/^image alpine from catalog \d{4}-\d{2}-\d{2}$/m);
  });

  test('images without config: nothing that depends on them is reported', async () => {
    const r = await run(['lint', 'repo/compose.yaml', '--json']);
    const codes = JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code);
    expect(codes).not.toContain('image-config-missing');
    expect(codes).not.toContain('no-command');
    expect(codes).toContain('depends-on-unknown-image');
  });

  test('an --image-config entry no linted file uses is reported once', async () => {
    const r = await run(['lint', 'repo/compose.yaml', 'repo/Dockerfile', '--image-config', 'node:20-slim=node.json', '--image-config', 'redis=node.json', '--json']);
    const unused = JSON.parse(r.stdout).diagnostics.filter((d: { code: string }) => d.code === 'image-config-unused');
    expect(unused).toEqual([
      expect.objectContaining({ file: '--image-config', severity: 'warning', message: 'the image config given for "redis" is not used: no linted file names redis' }),
    ]);
  });

  test.for([
    ['error', 0],
    ['warning', 0],
    ['info', 0],
  ] as const)('a clean file passes --fail-on %s', async ([level, code]) => {
    expect((await run(['lint', 'clean.Dockerfile', '--fail-on', level])).code).toBe(code);
  });

  test('a FROM scratch export stage (nothing to run) is not an error', async () => {
    expect(await run(['lint', 'export.Dockerfile'])).toMatchObject({ code: 0 });
  });

  test('--build-arg feeds ARGs before FROM', async () => {
    const without = await run(['lint', 'arg.Dockerfile']);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('arg.Dockerfile:2:1: error blank-base-name: ');
    expect((await run(['lint', 'arg.Dockerfile', '--build-arg', 'BASE=alpine'])).code).toBe(0);
    const explained = JSON.parse((await run(['explain', 'arg.Dockerfile', '--build-arg', 'BASE=alpine', '--image-config', 'alpine=alpine.json', '--json'])).stdout);
    expect(explained.stage).toMatchObject({ index: 0 });
    expect(explained.argv).toEqual(['/app']);
  });

  test('--fail-on warning fails on a warning', async () => {
    expect((await run(['lint', 'repo/Dockerfile'])).code).toBe(0);
    expect((await run(['lint', 'repo/Dockerfile', '--fail-on', 'warning'])).code).toBe(1);
  });

  test('reads a Dockerfile from stdin', async () => {
    const r = await run(['lint', '-', '--json'], 'FROM scratch\nCMD ["a", 1]\n');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ file: '<stdin>', code: 'json-not-strings', line: 2 });
  });

  test('a named file that is none of the kinds is a usage error', async () => {
    expect(await run(['lint', 'repo/settings.yaml'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'container-argv: repo/settings.yaml: not a Dockerfile, Compose file or Kubernetes manifest\n',
    });
  });

  test('SARIF 2.1.0 for GitHub code scanning', async () => {
    const r = await run(['lint', 'repo', '--format', 'sarif']);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const [only] = log.runs;
    const driver = only.tool.driver;
    expect(driver.name).toBe('container-argv');
    const ids = driver.rules.map((rule: { id: string }) => rule.id);
    for (const code of Object.keys(DIAGNOSTICS)) expect(ids).toContain(code);
    const rule = driver.rules.find((x: { id: string }) => x.id === 'json-not-strings');
    expect(rule).toMatchObject({
      shortDescription: { text: DIAGNOSTICS['json-not-strings'].title },
      help: { text: expect.stringContaining(DIAGNOSTICS['json-not-strings'].help) },
      defaultConfiguration: { level: 'error' },
    });
    const result = only.results.find((x: { ruleId: string }) => x.ruleId === 'json-not-strings');
    expect(result).toMatchObject({
      level: 'error',
      message: { text: expect.any(String) },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'repo/bad.Dockerfile' }, region: { startLine: 2, startColumn: 1 } } }],
    });
    for (const x of only.results) {
      expect(ids[x.ruleIndex]).toBe(x.ruleId);
      expect(['error', 'warning', 'note']).toContain(x.level);
      expect(x.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
      expect(x.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^\//);
    }
  });

  test.for([
    ['Dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['api.Dockerfile', 'dockerfile'],
    ['Dockerfile.dev', 'dockerfile'],
    ['compose.yaml', 'compose'],
    ['docker-compose.prod.yml', 'compose'],
    ['deploy.yaml', 'yaml'],
    ['README.md', null],
    ['Containerfile.dev', 'dockerfile'],
    ['app.containerfile', 'dockerfile'],
    ['dockerfile', 'dockerfile'],
    // Issue 14 §4: a build context's ignore file and documentation are never Dockerfiles.
    ['Dockerfile.dockerignore', null],
    ['api.Dockerfile.dockerignore', null],
    ['Dockerfile.md', null],
    ['Dockerfile.prod.md', null],
    // Dockerfile-* and Dockerfile_* (12 of the 850 corpus files: jenkinsci/docker tests/functions/Dockerfile-windows,
    // kubernetes/ingress-nginx rootfs/Dockerfile-chroot, containerd integration/images/volume-copy-up/Dockerfile_windows,
    // zabbix/zabbix-docker Dockerfile_vcpkg.agent2); Renovate's dockerfile manager matches them too
    // (lib/modules/manager/dockerfile/index.ts at 94cb879b: `(^|/)([Dd]ocker|[Cc]ontainer)file[^/]*$`).
    ['Dockerfile-windows', 'dockerfile'],
    ['Dockerfile-chroot', 'dockerfile'],
    ['Dockerfile_windows', 'dockerfile'],
    ['Dockerfile_vcpkg.agent2', 'dockerfile'],
    ['Containerfile-arm64', 'dockerfile'],
    ['Dockerfile-dev.dockerignore', null],
    // Not a Dockerfile after all: a longer word (portainer's DockerfileDetails.tsx, openshift/imagebuilder's
    // testdata Dockerfile2, which only a -f names), source code named after Dockerfiles (src/dockerfile.ts in
    // rcjsuen/dockerfile-ast f9c0ee66 and microsoft/monaco-editor 60fe7424; buildkit's
    // frontend/dockerfile/dockerfile_test.go), templates (docker-library/python Dockerfile-linux.template at
    // be26fbe3), YAML.
    ['DockerfileDetails.tsx', null],
    ['Dockerfile2', null],
    ['dockerfile.ts', null],
    ['dockerfile_test.go', null],
    ['Dockerfile-linux.template', null],
    ['Dockerfile.template', null],
    ['Dockerfile.j2', null],
    ['dockerfile-lint.yml', 'yaml'],
    ['Dockerfiles', null],
  ] as const)('kindByName(%j) = %j', ([name, kind]) => {
    expect(kindByName(`x/${name}`)).toBe(kind);
  });

  test('kindByContent', () => {
    expect(kindByContent(DEPLOY)).toBe('manifest');
    expect(kindByContent(COMPOSE)).toBe('compose');
    expect(kindByContent('a: 1\n')).toBe(null);
  });
});

// The BuildKit check name rides on a SARIF result only when the selected engine runs that check itself
// (Dockerfile frontend 1.8 / Docker 27.0, BuildKit); hadolint's equivalent is there whatever the engine.
describe('SARIF results: buildkitCheck only where the engine reports it', () => {
  test.for([
    { args: [], want: { buildkitCheck: 'JSONArgsRecommended', hadolint: 'DL3025' } },
    { args: ['--engine-version', '20.10'], want: { hadolint: 'DL3025' } },
    { args: ['--builder', 'classic'], want: { hadolint: 'DL3025' } },
    { args: ['--engine', 'podman'], want: { hadolint: 'DL3025' } },
  ])('lint $args', async ({ args, want }) => {
    const r = await run(['lint', 'repo/Dockerfile', '--format', 'sarif', ...args]);
    const log = JSON.parse(r.stdout);
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'json-args-recommended');
    expect(result?.properties).toEqual(want);
  });
});

// Issue 14 §4, on trees written as a repository would have them: dot-directories, links, ignore files,
// Helm-rendered output, suppression, hostile text.
describe('lint for CI', () => {
  const SHELL_CMD = 'FROM scratch\nCMD serve\n';
  const EXEC_CMD = 'FROM scratch\nCMD ["serve"]\n';
  const lintIn = (root: string, argv: string[], extra: Parameters<typeof cli>[1] = {}) => cli(['lint', ...argv], { cwd: root, ...extra });

  test('dot-directories and linked files are linted; *.dockerignore and *.md never are', async () => {
    const root = makeTree({
      '.devcontainer/Dockerfile': SHELL_CMD,
      '.github/actions/x/Dockerfile': SHELL_CMD,
      'svc/Dockerfile.prod': EXEC_CMD,
      Dockerfile: { symlink: 'svc/Dockerfile.prod' },
      'Dockerfile.dockerignore': 'node_modules\n*.md\n',
      'Dockerfile.md': '# How to build\n',
      'docs/api.Dockerfile.md': 'CMD is [broken\n',
      '.git/Dockerfile': 'not linted',
    });
    const r = await lintIn(root, ['.', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.files).toBe(3);
    expect(json.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toEqual([
      '.devcontainer/Dockerfile json-args-recommended',
      '.devcontainer/Dockerfile argv-shell-pid1',
      '.github/actions/x/Dockerfile json-args-recommended',
      '.github/actions/x/Dockerfile argv-shell-pid1',
    ]);
  });

  test('a symbolic link loop ends the walk; --verbose says where', async () => {
    const root = makeTree({ 'a/Dockerfile': EXEC_CMD, 'a/loop': { symlink: '..' } });
    const r = await lintIn(root, ['.', '--verbose']);
    expect(r).toMatchObject({ code: 0, stdout: '1 file checked: 0 error(s), 0 warning(s), 0 info\n' });
    expect(r.stderr).toBe('container-argv: note: a/loop: same directory as . (symbolic link); visited once\n');
  });

  test('--gitignore (or "gitignore": true in the config file) leaves ignored files out', async () => {
    const root = makeTree({ '.git/HEAD': '', '.gitignore': 'vendor/\n', 'vendor/Dockerfile': 'FROM scratch\nCMD ["a", 1]\n', Dockerfile: EXEC_CMD });
    expect((await lintIn(root, ['.'])).code).toBe(1);
    expect(await lintIn(root, ['.', '--gitignore'])).toMatchObject({ code: 0, stdout: '1 file checked: 0 error(s), 0 warning(s), 0 info\n' });
    writeFileSync(join(root, '.container-argv.json'), '{"gitignore": true}');
    expect((await lintIn(root, ['.'])).code).toBe(0);
  });

  // Helm-rendered output (helm template): a Service, a ServiceAccount and a ConfigMap around the Deployment.
  test('kinds without a pod template are skipped silently, so --fail-on warning passes on Helm output', async () => {
    const rendered = [
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  MODE: prod\n',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          command: ["nginx", "-g", "daemon off;"]\n',
    ].join('---\n');
    const root = makeTree({
      'rendered.yaml': rendered,
      'chart/Chart.yaml': 'name: web\n',
      'chart/templates/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n',
    });
    const r = await lintIn(root, ['.', '--fail-on', 'warning']);
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: '1 file checked: 0 error(s), 0 warning(s), 0 info\n' });
    const verbose = await lintIn(root, ['.', '--fail-on', 'warning', '--verbose']);
    expect(verbose.stderr).toContain('container-argv: note: chart/templates/deploy.yaml: Helm chart template; skipped (lint the output of helm template instead)\n');
    expect(verbose.stderr).toContain('container-argv: note: chart/Chart.yaml: YAML file that is neither a Compose file nor a Kubernetes manifest; skipped\n');
    expect(verbose.stderr).toMatch(/note: rendered\.yaml:\d+: .*kind "Service" has no pod template; skipped\./);
  });

  test('--ignore takes codes, BuildKit checks and hadolint rules; the summary counts what was suppressed', async () => {
    const root = makeTree({ Dockerfile: 'FROM scratch\nCMD ["a"]\nCMD b\n' });
    const base = await lintIn(root, ['Dockerfile', '--json']);
    expect(JSON.parse(base.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['multiple-instructions', 'json-args-recommended', 'argv-shell-pid1']);
    for (const ids of [
      ['DL3025', 'DL4003', 'argv-shell-pid1'],
      ['JSONArgsRecommended,MultipleInstructionsDisallowed'],
      ['json-args-recommended', 'multiple-instructions', 'argv-shell-pid1'],
    ]) {
      const r = await lintIn(root, ['Dockerfile', '--fail-on', 'info', ...ids.flatMap((id) => ['--ignore', id])]);
      expect(r).toMatchObject({ code: 0, stdout: '1 file checked: 0 error(s), 0 warning(s), 0 info, 3 suppressed\n' });
    }
    expect(await lintIn(root, ['Dockerfile', '--ignore', 'DL9999'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--ignore: unknown code "DL9999"') });
  });

  test('comments turn a finding off: container-argv and hadolint pragmas, line above or global', async () => {
    const root = makeTree({
      'a.Dockerfile': 'FROM scratch\n# hadolint ignore=DL3025\nCMD a\n',
      'b.Dockerfile': 'FROM scratch\n# container-argv ignore=json-args-recommended\nCMD a\n',
      'c.Dockerfile': '# container-argv global ignore=JSONArgsRecommended\nFROM scratch\nCMD a\n',
      'd.Dockerfile': '# hadolint ignore=DL3025\nFROM scratch\nCMD a\n',
      'e.Dockerfile': 'FROM scratch\n# container-argv ignore=json-args-recomended\nCMD a\n',
    });
    const r = await lintIn(root, ['.', '--json']);
    const json = JSON.parse(r.stdout);
    // DL3025 and json-args-recommended turn off that finding only; the BuildKit check also covers argv-shell-pid1.
    expect(json.suppressed).toBe(4);
    expect(json.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toEqual([
      'a.Dockerfile argv-shell-pid1',
      'b.Dockerfile argv-shell-pid1',
      'd.Dockerfile json-args-recommended',
      'd.Dockerfile argv-shell-pid1',
      'e.Dockerfile json-args-recommended',
      'e.Dockerfile argv-shell-pid1',
    ]);
    expect(r.stderr).toBe('container-argv: warning: e.Dockerfile:2: unknown code "json-args-recomended" in a container-argv ignore comment\n');
  });

  test('the config file found upward from the working directory: ignore and failOn', async () => {
    const root = makeTree({ 'package.json': '{"name": "x", "container-argv": {"ignore": ["DL3025"], "failOn": "info"}}', 'svc/Dockerfile': 'FROM scratch\nCMD a\nCMD b\n' });
    const r = await cli(['lint', '.'], { cwd: join(root, 'svc') });
    expect(r).toMatchObject({ code: 1, stdout: expect.stringContaining('1 file checked: 0 error(s), 1 warning(s), 1 info, 2 suppressed') });
    expect((await cli(['lint', '.', '--fail-on', 'error'], { cwd: join(root, 'svc') })).code).toBe(0);
  });

  test('a Dockerfile cannot drive the terminal: control characters are escaped in text, JSON and SARIF', async () => {
    const hostile = 'FROM scratch\nCMD ["a", 1, "\\u001b]0;pwned\\u0007"]\n';
    const root = makeTree({ 'evil\u001b[2J.Dockerfile': hostile, 'x\u009b2J.Dockerfile': hostile });
    for (const format of ['text', 'json', 'sarif']) {
      const r = await lintIn(root, ['.', '--format', format], { env: { FORCE_COLOR: '1' } });
      expect(r.code).toBe(1);
      // escapeControls keeps only the palette's colours: output it leaves unchanged has no other control character.
      expect(escapeControls(r.stdout), format).toBe(r.stdout);
      expect(r.stdout).toContain('evil\\u001b[2J.Dockerfile');
      if (format !== 'text') expect(JSON.stringify(JSON.parse(r.stdout))).toContain('evil\\u001b[2J.Dockerfile');
    }
  });

  test('progress on stderr when the run is long and stderr is a terminal; erased before the report', async () => {
    const root = makeTree({ 'a/Dockerfile': EXEC_CMD, 'b/Dockerfile': EXEC_CMD });
    let t = 0;
    const r = await lintIn(root, ['.'], { tty: true, now: () => (t += 400) });
    expect(r.stderr.startsWith('\rcontainer-argv lint: ')).toBe(true);
    expect(r.stderr).toMatch(/directories read, \d+ files found/);
    expect(r.stderr).toContain('\rcontainer-argv lint: 1/2 files checked\u001b[K');
    expect(r.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect((await lintIn(root, ['.'], { tty: false, now: () => (t += 400) })).stderr).toBe('');
  });
});

// The real corpus (shared/corpus/dockerfiles, 850 files named *.Dockerfile, plus MANIFEST.tsv): every
// file is walked and checked, and each output format holds one entry per finding.
const CORPUS = process.env['CONTAINER_ARGV_CORPUS'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus/dockerfiles');
describe.skipIf(!existsSync(CORPUS))('lint over the Dockerfile corpus', () => {
  test('every file is checked; text, JSON and SARIF agree', async () => {
    const expected = readdirSync(CORPUS).filter((f) => kindByName(f) !== null).length;
    const json = await cli(['lint', CORPUS, '--json']);
    const report = JSON.parse(json.stdout);
    expect(report.files).toBe(expected);
    expect(json.stderr).toBe('');
    const counts = { error: 0, warning: 0, info: 0 };
    for (const d of report.diagnostics as { severity: keyof typeof counts }[]) counts[d.severity]++;
    const text = await cli(['lint', CORPUS]);
    expect(text.code).toBe(json.code);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe(`${expected} files checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info`);
    const sarif = JSON.parse((await cli(['lint', CORPUS, '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].results).toHaveLength(report.diagnostics.length);
  });

  // The corpus names its files `owner__repo__path__Dockerfile.Dockerfile`: laid out again as the repositories
  // have them, 36 sit under dot-directories (.devcontainer/, .github/) and one is a build context's
  // Dockerfile.dockerignore. Every file the names select is checked, dot-directories included.
  test('laid out as in the repositories: dot-directories are walked, *.dockerignore is not linted', async () => {
    const entries: Record<string, string> = {};
    for (const f of readdirSync(CORPUS).filter((n) => n.endsWith('.Dockerfile')))
      entries[f.slice(0, -'.Dockerfile'.length).replaceAll('__', '/')] = readFileSync(join(CORPUS, f), 'utf8');
    const paths = Object.keys(entries);
    const selected = paths.filter((p) => kindByName(p) !== null);
    expect(selected.some((p) => p.includes('/.devcontainer/')) && selected.some((p) => p.includes('/.github/'))).toBe(true);
    expect(paths.filter((p) => p.endsWith('.dockerignore')).every((p) => !selected.includes(p))).toBe(true);
    const root = makeTree(entries);
    const r = await cli(['lint', '.', '--json'], { cwd: root });
    expect(JSON.parse(r.stdout).files).toBe(selected.length);
  });

  // The corpus's MANIFEST.tsv has each file's repository and path: laid out by those, the walk selects every
  // file but three: a build context's Dockerfile.dockerignore, portainer's DockerfileDetails.tsx (TypeScript)
  // and openshift/imagebuilder's testdata/copyempty/Dockerfile2 (named with -f only). The 12 Dockerfile-*/_*
  // files (jenkinsci/docker Dockerfile-windows…) are selected.
  const MANIFEST = resolve(CORPUS, '../MANIFEST.tsv');
  test.skipIf(!existsSync(MANIFEST))('laid out by MANIFEST.tsv: every Dockerfile name is walked', async () => {
    const entries: Record<string, string> = {};
    for (const line of readFileSync(MANIFEST, 'utf8').trim().split('\n').slice(1)) {
      const [file, repo, path] = line.split('\t') as [string, string, string];
      entries[`${repo}/${path}`] = readFileSync(join(CORPUS, file), 'utf8');
    }
    const paths = Object.keys(entries);
    const left = paths.filter((p) => kindByName(p) === null).map((p) => p.slice(p.lastIndexOf('/') + 1));
    expect(left.sort()).toEqual(['Dockerfile.dockerignore', 'Dockerfile2', 'DockerfileDetails.tsx']);
    expect(paths.filter((p) => /\/(?:Dockerfile|Containerfile)[-_][^/]*$/.test(p)).length).toBe(12);
    const r = await cli(['lint', '.', '--json'], { cwd: makeTree(entries) });
    expect(JSON.parse(r.stdout).files).toBe(paths.length - 3);
  });
});
