import { describe, expect, test } from 'vitest';
import { checkComposeFieldTypes } from '../../src/compose/field-types.js';
import { load } from '../support/compose-files.js';

// Source: compose-spec/compose-go v2.13.0 (commit 0670a1c3, 2026-06-29): schema/compose-spec.json (the
// types), schema/schema.go (messages: `validationError.Error`, `humanReadableType`, `getMostSpecificError`),
// loader/loader.go loadYamlFile (validation after interpolation, per document, "validating FILE: ").
// Rows named after a compose-go test reproduce its vector.

describe('checkComposeFieldTypes', () => {
  test.for([
    // [document, messages]
    [{ services: { foo: { image: 'busybox' } } }, []], // schema_test.go TestValidate
    [{ helicopters: { foo: { image: 'busybox' } } }, ["additional properties 'helicopters' not allowed"]], // TestValidateUndefinedTopLevelOption
    [{ 'x-extra-stuff': {} }, []], // TestValidateAllowsXTopLevelFields
    [{ services: { bar: { 'x-extra-stuff': {} } } }, []], // TestValidateAllowsXFields
    [{ services: { foo: { image: ['busybox', 'latest'] } } }, ['services.foo.image must be a string']], // loader_test.go TestNonStringImage
    [{ services: { foo: 'busybox' } }, ['services.foo must be a mapping']], // TestNonMappingObject
    [{ services: ['foo'] }, ['services must be a mapping']], // TestNonMappingObject
    [{ networks: ['default'] }, ['networks must be a mapping']], // TestNonMappingObject
    [{ services: { web: { image: 'nginx', ports: 5 } } }, ['services.web.ports must be a array']],
    [{ services: { web: { image: 'nginx', restart: [] } } }, ['services.web.restart must be a string']],
    [{ services: { web: { image: 'nginx', mem_reservation: 1.5 } } }, ['services.web.mem_reservation must be a integer or string']],
    [{ services: { web: { image: 'nginx', mem_reservation: 512 } } }, []],
    [{ services: { web: { image: 'nginx', tty: 'yes' } } }, []], // boolean or string (a string is cast later)
    [{ services: { web: { image: 'nginx', build: 5 } } }, ['services.web.build must be a string']], // oneOf: the first alternative is named
    [{ services: { web: { image: 'nginx', environment: 'A=1' } } }, ['services.web.environment must be a mapping']],
    [{ services: { web: { image: 'nginx', imgae: 'typo', comand: 'x' } } }, ["services.web additional properties 'imgae', 'comand' not allowed"]],
    [{ services: { web: { image: 'nginx', ports: null, environment: null } } }, []], // null is not checked
  ] as const)('%j → %j', ([doc, messages]) => {
    expect(checkComposeFieldTypes(doc as Record<string, unknown>).map((e) => e.message)).toEqual(messages);
  });
});

describe('the project loader refuses a project with a wrong type, as docker compose does', () => {
  test('each error is an issue at its file, line and column, in compose-go wording', () => {
    const r = load({
      '/app/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports: 8080\n    restart: [always]\n',
      '/app/compose.override.yml': 'services:\n  web:\n    command: nginx-debug\n',
    });
    expect(r).toMatchObject({
      ok: false,
      issues: [
        {
          code: 'compose-file-invalid',
          message: 'validating /app/compose.yaml: services.web.ports must be a array',
          source: '/app/compose.yaml',
          path: 'services.web.ports',
          line: 4,
          column: 12,
        },
        { code: 'compose-file-invalid', message: 'validating /app/compose.yaml: services.web.restart must be a string', path: 'services.web.restart', line: 5, column: 14 },
      ],
    });
  });

  test('an interpolated value is checked after interpolation', () => {
    const r = load({ '/app/compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: ["${PORT:-80}:80"]\n    restart: ${RESTART:-always}\n' });
    expect(r.ok).toBe(true);
  });

  test('an unknown key in an override file is refused', () => {
    const r = load({ '/app/compose.yaml': 'services:\n  web:\n    image: nginx\n', '/app/compose.override.yml': 'services:\n  web:\n    entrypiont: ["sh"]\n' });
    expect(r).toMatchObject({ ok: false, issues: [{ message: "validating /app/compose.override.yml: services.web additional properties 'entrypiont' not allowed", line: 3 }] });
  });

  test('a service of an extends file that is not extended is not checked (extends.go: SkipValidation)', () => {
    const r = load({
      '/app/compose.yaml': 'services:\n  web:\n    extends: {file: base.yml, service: ok}\n',
      '/app/base.yml': 'services:\n  ok:\n    image: nginx\n  broken:\n    image: nginx\n    ports: 5\n',
    });
    expect(r.ok).toBe(true);
  });
});
