import { beforeAll, describe, expect, test } from 'vitest';
import { DIAGNOSTICS } from '../../../src/index.js';
import { kindByContent, kindByName } from '../../../src/cli/commands/lint.js';
import { cli } from '../helpers.js';
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
