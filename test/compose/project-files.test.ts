import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { load, loadOk, serviceValues } from '../support/compose-files.js';

// Source: compose-spec/compose-go v2.13.0 (commit 0670a1c3): loader/loader.go loadYamlFile (per file:
// interpolate, include, the file's !reset/!override applied to earlier files, extends, merge), loader/
// extends.go, loader/include.go, loader/reset.go; test vectors from loader/extends_test.go,
// loader/merge_reset_test.go and loader/testdata/. Rows marked [v1] also hold for docker-compose 1.29.2
// (checked live, test/engine/compose-v1.test.ts).

describe('merging files', () => {
  test('a realistic base + override: command replaced, environment merged, positions of the winning values [v1]', () => {
    const p = loadOk({
      '/app/compose.yaml': 'services:\n  web:\n    image: node:20\n    command: ["node", "server.js"]\n    environment:\n      NODE_ENV: production\n      PORT: "8080"\n',
      '/app/compose.override.yml': 'services:\n  web:\n    command: npm run dev\n    environment:\n      - NODE_ENV=development\n',
    });
    expect(serviceValues(p, 'web')).toEqual({ image: 'node:20', command: 'npm run dev', environment: { NODE_ENV: 'development', PORT: '8080' } });
    const web = p.services[0]!;
    expect(web.command?.origin).toEqual({ file: '/app/compose.override.yml', line: 3, column: 14 });
    expect(web.image?.origin).toEqual({ file: '/app/compose.yaml', line: 3, column: 12 });
    expect(web.environment?.entries.map((e) => `${e.key}@${e.origin.file}:${e.origin.line}`)).toEqual(['NODE_ENV@/app/compose.override.yml:5', 'PORT@/app/compose.yaml:7']);
  });

  test('every YAML document of a file is merged in turn', () => {
    const p = loadOk({ '/app/compose.yaml': 'services:\n  web:\n    image: a\n---\nservices:\n  web:\n    command: b\n' });
    expect(serviceValues(p, 'web')).toEqual({ image: 'a', command: 'b' });
  });

  test('merge keys and anchors (x- extension fields) are applied, positions followed into the anchor', () => {
    const p = loadOk({ '/app/compose.yaml': 'x-base: &base\n  image: python:3.12\n  init: true\nservices:\n  api:\n    <<: *base\n    command: python app.py\n' });
    expect(serviceValues(p, 'api')).toEqual({ image: 'python:3.12', init: true, command: 'python app.py' });
    expect(p.services[0]!.image?.origin.line).toBe(2);
  });

  test('init is cast from an interpolated string (compose-go interpolateTypeCastMapping toBoolean)', () => {
    expect(serviceValues(loadOk({ '/app/compose.yaml': 'services:\n  web:\n    image: a\n    init: ${INIT:-yes}\n' }), 'web')?.init).toBe(true);
    expect(load({ '/app/compose.yaml': 'services:\n  web:\n    init: "maybe"\n' })).toMatchObject({
      ok: false,
      issues: [{ code: 'compose-interpolation-invalid', message: 'services.web.init: failed to cast to expected type: invalid boolean: maybe', line: 3 }],
    });
  });

  test('a value of the wrong type is an issue at its position', () => {
    expect(load({ '/app/compose.yaml': 'services:\n  web:\n    command: 5\n' })).toMatchObject({
      ok: false,
      issues: [{ code: 'compose-file-invalid', path: 'services.web.command', line: 3, column: 14, source: '/app/compose.yaml' }],
    });
  });

  test('the top level must be a mapping', () => {
    expect(load({ '/app/compose.yaml': '- a\n' })).toMatchObject({ ok: false, issues: [{ code: 'compose-file-invalid', message: 'top-level object must be a mapping' }] });
  });
});

describe('!reset and !override', () => {
  test('Test_LoadWithReset: build and environment.FOO removed by the later file', () => {
    const p = loadOk(
      {
        '/app/base.yml': 'name: test\nservices:\n  foo:\n    build:\n      context: .\n      dockerfile: foo.Dockerfile\n    environment:\n      FOO: BAR\n',
        '/app/override.yml': 'services:\n  foo:\n    image: foo\n    build: !reset  \n    environment:\n      FOO: !reset\n',
      },
      { files: ['base.yml', 'override.yml'] },
    );
    expect(serviceValues(p, 'foo')).toEqual({ image: 'foo', environment: {} });
  });

  test('!override replaces instead of merging: command kept, environment replaced', () => {
    const p = loadOk({
      '/app/compose.yaml': 'services:\n  web:\n    image: a\n    environment: {A: "1", B: "2"}\n    entrypoint: ["tini", "--"]\n',
      '/app/compose.override.yml': 'services:\n  web:\n    environment: !override\n      C: "3"\n    entrypoint: !reset []\n',
    });
    expect(serviceValues(p, 'web')).toEqual({ image: 'a', environment: { C: '3' } });
  });

  test('a whole service reset by a later file', () => {
    const p = loadOk({ '/app/compose.yaml': 'services:\n  a:\n    image: x\n  b:\n    image: y\n', '/app/compose.override.yml': 'services:\n  b: !reset {}\n' });
    expect(p.services.map((s) => s.name)).toEqual(['a']);
  });

  test('a tag on one item of a list is reported, not applied', () => {
    const p = loadOk({
      '/app/compose.yaml': 'services:\n  web:\n    image: a\n    command: [a, b]\n',
      '/app/compose.override.yml': 'services:\n  web:\n    command:\n      - !reset x\n',
    });
    expect(p.diagnostics.map((d) => [d.code, d.line])).toEqual([['compose-tag-unsupported', 4]]);
  });
});

describe('extends', () => {
  test('a chain in one file: each level merged onto the one it extends [v1]', () => {
    const p = loadOk({
      '/app/compose.yaml':
        'services:\n  base:\n    image: python:3.12\n    entrypoint: ["python"]\n  app:\n    extends: base\n    command: ["-m", "http.server"]\n  debug:\n    extends: {service: app}\n    entrypoint: ["python", "-X", "dev"]\n',
    });
    expect(serviceValues(p, 'debug')).toEqual({ image: 'python:3.12', entrypoint: ['python', '-X', 'dev'], command: ['-m', 'http.server'] });
    expect(p.services.find((s) => s.name === 'debug')!.origin.line).toBe(9);
  });

  test('every document of an extends file is merged in turn, the later one winning (compose-go getExtendsBaseFromFile → loadYamlFile; v1 refuses: "expected a single document")', () => {
    const p = loadOk({
      '/app/compose.yaml': 'services:\n  web:\n    extends: {file: common/base.yml, service: node}\n    command: npm start\n',
      '/app/common/base.yml':
        'services:\n  node:\n    image: node:20\n    entrypoint: ["docker-entrypoint.sh"]\n    environment: {NODE_ENV: production}\n---\nservices:\n  node:\n    image: node:22\n    environment: {NODE_ENV: development}\n',
    });
    expect(serviceValues(p, 'web')).toEqual({ image: 'node:22', entrypoint: ['docker-entrypoint.sh'], command: 'npm start', environment: { NODE_ENV: 'development' } });
    expect(p.services[0]!.image?.origin).toEqual({ file: '/app/common/base.yml', line: 9, column: 12 });
  });

  test('a !reset in a later document of an extends file removes what an earlier document set', () => {
    const p = loadOk({
      '/app/compose.yaml': 'services:\n  web:\n    extends: {file: base.yml, service: b}\n',
      '/app/base.yml': 'services:\n  b:\n    image: a\n    command: one\n---\nservices:\n  b:\n    command: !reset null\n',
    });
    expect(serviceValues(p, 'web')).toEqual({ image: 'a' });
  });

  test('TestLoadExtendsSameFile: a context in the extended file is relative to that file', () => {
    const p = loadOk(
      {
        '/tmp/compose.yaml':
          'services:\n  out-base:\n    extends:\n      file: sub/compose.yaml\n      service: base\n  out-service:\n    extends:\n      file: sub/compose.yaml\n      service: service\n',
        '/tmp/sub/compose.yaml': 'services:\n  base:\n    build:\n      context: ..\n  service:\n    extends: base\n    build:\n      target: target\n',
      },
      { workingDirectory: '/tmp' },
    );
    expect(serviceValues(p, 'out-base')).toEqual({ build: { context: '/tmp' } });
    expect(serviceValues(p, 'out-service')).toEqual({ build: { context: '/tmp', target: 'target' } });
  });

  test('TestExtendsReset: !reset in the extending service removes the inherited command', () => {
    const p = loadOk({
      '/app/compose.yaml': 'name: test-extends-reset\nservices:\n  test:\n    extends:\n      file: testdata/extends/reset.yaml\n      service: base\n',
      '/app/testdata/extends/reset.yaml':
        'services:\n  init:\n    image: alpine:latest\n    command: "sleep infinity"\n  base:\n    extends: { service: init }\n    command: !reset\n',
    });
    expect(serviceValues(p, 'test')).toEqual({ image: 'alpine:latest' });
  });

  test('extends is resolved in its own file: an override of the base does not reach the extending service [v1]', () => {
    const p = loadOk({
      '/app/compose.yaml': 'services:\n  base:\n    image: alpine\n    command: base-cmd\n  web:\n    extends: base\n',
      '/app/compose.override.yml': 'services:\n  base:\n    command: overridden\n',
    });
    expect([serviceValues(p, 'base')?.command, serviceValues(p, 'web')?.command]).toEqual(['overridden', 'base-cmd']);
  });

  test('a cycle is an error naming the chain (the docker-compose 1.29 and compose-go wording) [v1]', () => {
    const r = load({ '/app/compose.yaml': 'services:\n  a:\n    extends: b\n    image: x\n  b:\n    extends: a\n' });
    expect(r).toMatchObject({
      ok: false,
      issues: [
        { code: 'compose-extends-cycle', message: 'Circular reference:\n  a in /app/compose.yaml\n  extends b in /app/compose.yaml\n  extends a in /app/compose.yaml', line: 3 },
      ],
    });
  });

  test('a cycle across files', () => {
    const r = load({
      '/app/compose.yaml': 'services:\n  a:\n    extends: {file: other.yml, service: b}\n',
      '/app/other.yml': 'services:\n  b:\n    extends: {file: compose.yaml, service: a}\n',
    });
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['compose-extends-cycle']);
  });

  test.for([
    ['services:\n  a:\n    extends: nope\n', 'cannot extend service "a" in /app/compose.yaml: service "nope" not found'],
    ['services:\n  a:\n    extends: {file: base.yml, service: nope}\n', 'cannot extend service "a" in /app/compose.yaml: service "nope" not found in /app/base.yml'],
  ] as const)('a missing base: %j', ([text, message]) => {
    expect(load({ '/app/compose.yaml': text, '/app/base.yml': 'services:\n  b:\n    image: x\n' })).toMatchObject({
      ok: false,
      issues: [{ code: 'compose-extends-invalid', message }],
    });
  });
});

describe('include', () => {
  test('an included project: its own directory for paths and its own .env for interpolation; the including file wins', () => {
    const p = loadOk({
      '/app/compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  web:\n    image: web\n  db:\n    command: postgres -c fsync=off\n',
      '/app/db/compose.yaml': 'services:\n  db:\n    image: postgres:${PG}\n    build: .\n    command: postgres\n',
      '/app/db/.env': 'PG=16\n',
    });
    expect(serviceValues(p, 'db')).toEqual({ image: 'postgres:16', build: { context: '/app/db' }, command: 'postgres -c fsync=off' });
  });

  test('project_directory and env_file of an include entry; the including project variables win', () => {
    const p = loadOk(
      {
        '/app/compose.yaml': 'include:\n  - path: [lib/compose.yaml, lib/extra.yaml]\n    project_directory: libproj\n    env_file: lib/lib.env\nservices: {}\n',
        '/app/lib/compose.yaml': 'services:\n  lib:\n    image: lib:${V}\n    build: ./ctx\n    environment: {W: "${W}"}\n',
        '/app/lib/extra.yaml': 'services:\n  lib:\n    command: extra\n',
        '/app/lib/lib.env': 'V=2\nW=from-lib\n',
      },
      { environment: { W: 'from-os' } },
    );
    expect(serviceValues(p, 'lib')).toEqual({ image: 'lib:2', build: { context: '/app/libproj/ctx' }, command: 'extra', environment: { W: 'from-os' } });
  });

  test('an include cycle (compose-go wording)', () => {
    const r = load({ '/app/compose.yaml': 'include: [a.yaml]\n', '/app/a.yaml': 'include: [compose.yaml]\n' });
    expect(r).toMatchObject({
      ok: false,
      issues: [{ code: 'compose-include-cycle', message: 'include cycle detected:\n/app/compose.yaml\n include /app/a.yaml\n include /app/compose.yaml' }],
    });
  });
});

// Property (compose-go override/merge.go rules, checked against a naive reference): for any sequence of
// -f files each optionally setting `command` and some `environment` keys (mapping or list form), the
// merged command is the last one set and each variable has the value of the last file that sets it.
describe('merging -f files (property)', () => {
  const nameArb = fc.constantFrom('A', 'B', 'C');
  const fileArb = fc.record({
    command: fc.option(fc.constantFrom('a', 'b c', '["x", "y"]'), { nil: undefined }),
    env: fc.dictionary(nameArb, fc.constantFrom('1', 'two', '')),
    list: fc.boolean(),
  });

  fcTest.prop([fc.array(fileArb, { minLength: 1, maxLength: 4 })])('last command wins; environment keys take the last value', (files) => {
    const texts = files.map((f) => {
      const env = Object.entries(f.env);
      const envText =
        env.length === 0
          ? ''
          : f.list
            ? `    environment:\n${env.map(([k, v]) => `      - ${k}=${v}\n`).join('')}`
            : `    environment:\n${env.map(([k, v]) => `      ${k}: "${v}"\n`).join('')}`;
      return `services:\n  web:\n    image: x\n${f.command === undefined ? '' : `    command: ${f.command}\n`}${envText}`;
    });
    const fs = Object.fromEntries(texts.map((t, i) => [`/app/f${i}.yml`, t]));
    const p = loadOk(fs, { files: texts.map((_, i) => `f${i}.yml`) });
    const lastCommand = files
      .map((f) => f.command)
      .filter((c) => c !== undefined)
      .at(-1);
    const got = serviceValues(p, 'web');
    expect(got?.command).toEqual(lastCommand === undefined ? undefined : lastCommand.startsWith('[') ? JSON.parse(lastCommand) : lastCommand);
    expect(got?.environment ?? {}).toEqual(Object.assign({}, ...files.map((f) => f.env)));
  });
});

describe('~ in paths (compose-go v2.13.0 paths/home.go ExpandUser, paths/resolve.go absPath)', () => {
  const files = {
    '/srv/app/compose.yaml':
      'include:\n  - path: ~/shared/db.yaml\n    env_file: ~/shared/db.env\nservices:\n  web:\n    build: ~/src/web\n    env_file: [~/.config/web.env]\n  worker:\n    extends: {file: ~/compose/common.yml, service: job}\n',
    '/home/dev/shared/db.yaml': 'services:\n  db:\n    image: postgres:${PG}\n',
    '/home/dev/shared/db.env': 'PG=16\n',
    '/home/dev/compose/common.yml': 'services:\n  job:\n    image: alpine\n    build:\n      context: ~other\n',
  };

  test('a leading ~ is the home directory in build.context, env_file, extends.file, include path and env_file [v1 for ~/]', () => {
    const p = loadOk(files, { workingDirectory: '/srv/app', homeDirectory: '/home/dev' });
    expect(serviceValues(p, 'web')).toMatchObject({ build: { context: '/home/dev/src/web' }, env_file: ['/home/dev/.config/web.env'] });
    expect(serviceValues(p, 'db')).toEqual({ image: 'postgres:16' });
    // filepath.Join(home, p[1:]): "~other" is $HOME/other in v2 (v1's os.path.expanduser reads it as user "other"'s home).
    expect(serviceValues(p, 'worker')).toMatchObject({ image: 'alpine', build: { context: '/home/dev/other' } });
    expect(p.diagnostics.filter((d) => d.code === 'compose-path-home-unknown')).toEqual([]);
  });

  test('without a home directory each such path is diagnosed at its position and read as written', () => {
    const r = load({ '/app/compose.yaml': 'services:\n  web:\n    image: a\n    build:\n      context: ~/src\n    env_file:\n      - path: ~/web.env\n        required: false\n' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(serviceValues(r, 'web')).toMatchObject({ build: { context: '/app/~/src' }, env_file: ['/app/~/web.env'] });
    expect(r.diagnostics.filter((d) => d.code === 'compose-path-home-unknown').map((d) => `${d.path}@${d.line}:${d.column}`)).toEqual([
      'services.web.env_file[0].path@7:15',
      'services.web.build.context@5:16',
    ]);
  });

  test('a ~ that is not at the start, and -f paths, are not expanded (cli/options.go absolutePaths: filepath.Abs only)', () => {
    const p = loadOk({ '/app/x~/compose.yaml': 'services:\n  web:\n    image: a\n    env_file: ./a~b.env\n' }, { files: ['x~/compose.yaml'], homeDirectory: '/home/dev' });
    expect(serviceValues(p, 'web')).toMatchObject({ env_file: ['/app/x~/a~b.env'] });
  });
});
