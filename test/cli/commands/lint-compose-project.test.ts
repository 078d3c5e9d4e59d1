import { describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';
import { makeTree } from '../tree.js';

// `lint` loads a Compose file as `container-argv compose FILE` (docker compose -f FILE) does, through the
// project loader (src/compose/project.ts): its .env, extends files, env_files and Dockerfiles beside it.
// A realistic project: the base service lives in a shared file that the service extends.
const TREE = {
  'svc/compose.yaml': 'services:\n  worker:\n    extends:\n      file: ../shared/base.yml\n      service: shell\n    command: ["run-job", "--queue", "${QUEUE}"]\n',
  'svc/.env': 'QUEUE=high\n',
  'shared/base.yml': 'services:\n  shell:\n    image: alpine:3.20\n    entrypoint: ["sh", "-c"]\n',
  'broken/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports: 8080\n',
};

describe('lint on a Compose file uses the project loader', () => {
  test('extends from another file is evaluated: lint and compose report the same finding at the same place', async () => {
    const root = makeTree(TREE);
    const lint = await cli(['lint', 'svc/compose.yaml', '--no-catalog', '--json'], { cwd: root });
    const compose = await cli(['compose', 'svc/compose.yaml', '--no-catalog', '--json'], { cwd: root });
    const lintFindings = (JSON.parse(lint.stdout) as { diagnostics: { code: string; file: string; line?: number }[] }).diagnostics;
    const composeUnits = (JSON.parse(compose.stdout) as { units: { diagnostics: { code: string; file: string; line?: number }[]; argv?: string[] }[] }).units;
    const pick = (fs: readonly { code: string; file: string; line?: number }[]) => fs.filter((f) => f.code === 'argv-sh-c-extra-args').map((f) => `${f.file}:${f.line ?? 0}`);
    expect(composeUnits[0]?.argv).toEqual(['sh', '-c', 'run-job', '--queue', 'high']);
    expect(pick(lintFindings)).toEqual(pick(composeUnits.flatMap((u) => u.diagnostics)));
    expect(pick(lintFindings)).toHaveLength(1);
    expect(lintFindings.map((f) => f.code)).not.toContain('compose-unsupported');
  });

  test('a wrong field type is an error with its position, exit 1', async () => {
    const root = makeTree(TREE);
    const r = await cli(['lint', 'broken/compose.yaml', '--no-catalog'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('broken/compose.yaml:4:12: error compose-file-invalid: validating ');
    expect(r.stdout).toContain('services.web.ports must be a array');
  });
});

describe('compose: the base-image chain asks for the image of a docker-image:// additional context', () => {
  test('FROM base with base = docker-image://alpine:3.20: alpine:3.20 is looked up, "base" is not', async () => {
    const root = makeTree({
      'app/compose.yaml': 'services:\n  tool:\n    build:\n      context: .\n      additional_contexts:\n        base: docker-image://alpine:3.20\n        src: ../src\n',
      'app/Dockerfile': 'FROM base\nCOPY --from=src / /src\nCMD ["sh"]\n',
    });
    const r = await cli(['compose', 'app/compose.yaml', '--json'], { cwd: root });
    const out = JSON.parse(r.stdout) as { bases?: { reference: string }[]; units: { argv?: string[]; build?: { contextBases?: { image?: string }[] } }[] };
    expect(out.bases?.map((b) => b.reference)).toEqual(['alpine:3.20']);
    expect(out.units[0]?.build?.contextBases?.[0]?.image).toBe('alpine:3.20');
  });
});

describe('compose: ~ is $HOME (compose-go paths/home.go ExpandUser reads it through os.UserHomeDir)', () => {
  const tree = {
    'app/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    env_file: ~/secrets/web.env\n',
    'home/secrets/web.env': 'TOKEN=abc\n',
  };

  test('with HOME the env_file under it is read', async () => {
    const root = makeTree(tree);
    const r = await cli(['compose', 'app/compose.yaml', '--no-catalog', '--json'], { cwd: root, env: { HOME: `${root}/home` } });
    const out = JSON.parse(r.stdout) as { units: { environment: Record<string, { value: string }> }[] };
    expect(out.units[0]?.environment['TOKEN']?.value).toBe('abc');
  });

  test('without HOME the path is diagnosed', async () => {
    const root = makeTree(tree);
    const r = await cli(['compose', 'app/compose.yaml', '--no-catalog'], { cwd: root, env: {} });
    expect(r.stdout).toContain('warning compose-path-home-unknown: services.web.env_file: "~/secrets/web.env" starts with ~');
  });
});
