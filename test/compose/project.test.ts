import { describe, expect, test } from 'vitest';
import { DEFAULT_COMPOSE_FILE_NAMES, DEFAULT_OVERRIDE_FILE_NAMES, formatOrigin, normalizeProjectName } from '../../src/compose/project.js';
import { load, loadOk, serviceValues } from '../support/compose-files.js';

// Source: compose-spec/compose-go v2.13.0 (commit 0670a1c3) cli/options.go (DefaultFileNames,
// DefaultOverrideFileNames, WithDefaultConfigPath, WithConfigFileEnv, WithEnvFiles, WithDotEnv,
// WithDefaultProfiles, GetWorkingDir), loader/loader.go (projectName, NormalizeProjectName), and
// docker/compose v5.5.0-71 (f7297942) cmd/compose/compose.go toProjectOptions (the order: OS env, PWD,
// .env, COMPOSE_FILE, default files, .env again, profiles). Rows marked [v1] were also checked live
// against docker-compose 1.29.2 (test/engine/compose-v1.test.ts).

const web = (image: string) => `services:\n  web:\n    image: ${image}\n`;

describe('which files (no -f)', () => {
  test('the default names, in compose-go order', () => {
    expect(DEFAULT_COMPOSE_FILE_NAMES).toEqual(['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']);
    expect(DEFAULT_OVERRIDE_FILE_NAMES).toEqual(['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml']);
  });

  test.for([
    { name: 'compose.yaml alone', files: ['compose.yaml'], want: ['/app/compose.yaml'] },
    { name: 'compose.yaml wins over docker-compose.yml (warned)', files: ['docker-compose.yml', 'compose.yaml'], want: ['/app/compose.yaml'], warned: true },
    { name: 'docker-compose.yml wins over docker-compose.yaml', files: ['docker-compose.yaml', 'docker-compose.yml'], want: ['/app/docker-compose.yml'], warned: true },
    {
      name: 'the override file beside it [v1]',
      files: ['docker-compose.yml', 'docker-compose.override.yml'],
      want: ['/app/docker-compose.yml', '/app/docker-compose.override.yml'],
    },
    {
      name: 'any override name goes with any main name; compose.override.yml first',
      files: ['docker-compose.yml', 'docker-compose.override.yaml', 'compose.override.yml'],
      want: ['/app/docker-compose.yml', '/app/compose.override.yml'],
      warned: true,
    },
  ])('$name', ({ files, want, warned }) => {
    const p = loadOk(Object.fromEntries(files.map((f) => [`/app/${f}`, web('a')])));
    expect(p.files).toEqual(want);
    expect(p.diagnostics.some((d) => d.code === 'compose-multiple-files')).toBe(warned === true);
  });

  test('found in a parent directory [v1]; the project directory is that directory', () => {
    const p = loadOk({ '/app/compose.yaml': web('a') }, { workingDirectory: '/app/src/deep' });
    expect([p.files, p.projectDirectory, p.name]).toEqual([['/app/compose.yaml'], '/app', 'app']);
  });

  test('none found: the docker compose error', () => {
    expect(load({}, { workingDirectory: '/x' })).toMatchObject({ ok: false, issues: [{ code: 'compose-file-not-found', message: 'no configuration file provided: not found' }] });
  });

  test('--project-directory: the default files are looked for there', () => {
    expect(loadOk({ '/proj/compose.yaml': web('a') }, { projectDirectory: '/proj' }).files).toEqual(['/proj/compose.yaml']);
  });
});

describe('-f and COMPOSE_FILE', () => {
  const files = { '/app/a.yml': web('a'), '/app/sub/b.yml': web('b'), '/app/compose.yaml': web('default'), '/app/compose.override.yml': web('override') };

  test('-f files in order, relative to the working directory; no override file is added [v1]', () => {
    const p = loadOk(files, { files: ['a.yml', 'sub/b.yml'] });
    expect([p.files, serviceValues(p, 'web')?.image, p.projectDirectory]).toEqual([['/app/a.yml', '/app/sub/b.yml'], 'b', '/app']);
  });

  test('COMPOSE_FILE split on COMPOSE_PATH_SEPARATOR (default `:`) [v1]', () => {
    expect(loadOk(files, { environment: { COMPOSE_FILE: 'a.yml:sub/b.yml' } }).files).toEqual(['/app/a.yml', '/app/sub/b.yml']);
    expect(loadOk(files, { environment: { COMPOSE_FILE: 'a.yml;sub/b.yml', COMPOSE_PATH_SEPARATOR: ';' } }).files).toEqual(['/app/a.yml', '/app/sub/b.yml']);
  });

  test('COMPOSE_FILE may come from the .env of the working directory [v1]; -f wins over it', () => {
    const withEnv = { ...files, '/app/.env': 'COMPOSE_FILE=sub/b.yml\n' };
    expect(loadOk(withEnv).files).toEqual(['/app/sub/b.yml']);
    expect(loadOk(withEnv, { files: ['a.yml'] }).files).toEqual(['/app/a.yml']);
  });

  test('a missing -f file', () => {
    expect(load(files, { files: ['nope.yml'] })).toMatchObject({
      ok: false,
      issues: [{ code: 'compose-file-not-found', message: 'open /app/nope.yml: no such file or directory' }],
    });
  });

  test('standard input (`-`): the project directory is the working directory', () => {
    const p = loadOk({ '-': web('stdin') }, { files: ['-'] });
    expect([p.projectDirectory, serviceValues(p, 'web')?.image]).toEqual(['/app', 'stdin']);
  });
});

describe('.env and interpolation variables', () => {
  const compose = 'services:\n  web:\n    image: app:${TAG}\n    command: ${CMD:-serve}\n';

  test.for([
    { name: 'the project directory .env [v1]', files: { '/app/.env': 'TAG=1\n' }, options: {}, tag: '1' },
    { name: 'the OS environment wins over .env [v1]', files: { '/app/.env': 'TAG=1\n' }, options: { environment: { TAG: 'os' } }, tag: 'os' },
    { name: '--env-file replaces the default .env', files: { '/app/.env': 'TAG=1\n', '/app/prod.env': 'TAG=prod\n' }, options: { envFiles: ['prod.env'] }, tag: 'prod' },
    { name: 'a later --env-file wins', files: { '/app/a.env': 'TAG=a\n', '/app/b.env': 'TAG=b\n' }, options: { envFiles: ['a.env', 'b.env'] }, tag: 'b' },
    { name: 'COMPOSE_DISABLE_ENV_FILE=1: no .env', files: { '/app/.env': 'TAG=1\n' }, options: { environment: { COMPOSE_DISABLE_ENV_FILE: '1' } }, tag: '' },
  ])('$name', ({ files, options, tag }) => {
    const p = loadOk({ '/app/compose.yaml': compose, ...files }, options);
    expect(serviceValues(p, 'web')?.image).toBe(`app:${tag}`);
  });

  test('the .env of the working directory, then that of the project directory; the first read wins (Mapping.Merge)', () => {
    const p = loadOk({ '/app/sub/compose.yaml': compose, '/app/.env': 'TAG=cwd\nCOMPOSE_FILE=sub/compose.yaml\n', '/app/sub/.env': 'TAG=proj\nCMD=run\n' });
    expect([p.envFiles, serviceValues(p, 'web')]).toEqual([['/app/.env', '/app/sub/.env'], { image: 'app:cwd', command: 'run' }]);
  });

  test('PWD is set to the working directory when the environment lacks it; COMPOSE_PROJECT_NAME is the project name', () => {
    const p = loadOk({ '/app/compose.yaml': 'services:\n  web:\n    image: x\n    working_dir: ${PWD}\n    command: ${COMPOSE_PROJECT_NAME}\n' });
    expect(serviceValues(p, 'web')).toMatchObject({ working_dir: '/app', command: 'app' });
  });

  test('an unset variable is blank, with the docker compose warning at its position', () => {
    const p = loadOk({ '/app/compose.yaml': compose });
    expect(p.diagnostics).toEqual([
      {
        code: 'compose-unresolved-variable',
        severity: 'warning',
        source: '/app/compose.yaml',
        path: 'services.web.image',
        line: 3,
        column: 12,
        message: 'The "TAG" variable is not set. Defaulting to a blank string.',
      },
    ]);
  });
});

describe('project name (compose-go projectName, NormalizeProjectName)', () => {
  test.for([
    ['My Project', 'myproject'],
    ['__app-1', 'app-1'],
    ['Ünïcode', 'ncode'],
  ] as const)('%j → %j', ([name, want]) => expect(normalizeProjectName(name)).toBe(want));

  test('-p, then COMPOSE_PROJECT_NAME, then the last name: of the files (interpolated), then the directory', () => {
    const files = { '/app/compose.yaml': 'name: ${N:-first}\nservices: {}\n', '/app/b.yml': 'name: Second\n' };
    expect(loadOk(files, { files: ['compose.yaml', 'b.yml'] }).name).toBe('second');
    expect(loadOk(files).name).toBe('first');
    expect(loadOk(files, { environment: { COMPOSE_PROJECT_NAME: 'env' } }).name).toBe('env');
    expect(loadOk(files, { projectName: 'cli' }).name).toBe('cli');
    expect(loadOk({ '/srv/My_App/compose.yaml': web('a') }, { workingDirectory: '/srv/My_App' }).name).toBe('my_app');
  });
});

describe('profiles (compose-go HasProfile, WithProfiles, WithDefaultProfiles, WithServicesEnabled)', () => {
  const files = {
    '/app/compose.yaml':
      'services:\n  web:\n    image: a\n  debug:\n    image: b\n    profiles: [debug]\n  tools:\n    image: c\n    profiles: [tools, debug]\n  admin:\n    image: d\n    profiles: [admin]\n',
  };
  const active = (options = {}) => loadOk(files, options).services.map((s) => `${s.name}:${String(s.active)}`);

  test.for([
    { name: 'no profile: only services without profiles', options: {}, want: ['web:true', 'debug:false', 'tools:false', 'admin:false'] },
    { name: '--profile debug', options: { profiles: ['debug'] }, want: ['web:true', 'debug:true', 'tools:true', 'admin:false'] },
    {
      name: 'COMPOSE_PROFILES=admin, tools (spaces trimmed)',
      options: { environment: { COMPOSE_PROFILES: 'admin, tools' } },
      want: ['web:true', 'debug:false', 'tools:true', 'admin:true'],
    },
    {
      name: '--profile wins over COMPOSE_PROFILES',
      options: { profiles: ['admin'], environment: { COMPOSE_PROFILES: 'debug' } },
      want: ['web:true', 'debug:false', 'tools:false', 'admin:true'],
    },
    { name: '`*` enables every profile', options: { profiles: ['*'] }, want: ['web:true', 'debug:true', 'tools:true', 'admin:true'] },
    { name: 'run tools: its profiles are enabled, so debug too', options: { services: ['tools'] }, want: ['web:true', 'debug:true', 'tools:true', 'admin:false'] },
  ])('$name', ({ options, want }) => expect(active(options)).toEqual(want));

  test('a named service that does not exist', () => {
    expect(load(files, { services: ['nope'] })).toMatchObject({ ok: false, issues: [{ code: 'compose-service-not-found', message: 'no such service: nope' }] });
  });
});

describe('formatOrigin', () => {
  test('file:line:column, relative to a directory when inside it', () => {
    expect(formatOrigin({ file: '/app/compose.yaml', line: 3, column: 5 }, '/app')).toBe('compose.yaml:3:5');
    expect(formatOrigin({ file: '/etc/x.yml', line: 1, column: 1 }, '/app')).toBe('/etc/x.yml:1:1');
  });
});

describe('programmer errors', () => {
  test('a relative working directory is a TypeError', () => {
    expect(() => load({}, { workingDirectory: 'app' })).toThrow(TypeError);
  });
});
