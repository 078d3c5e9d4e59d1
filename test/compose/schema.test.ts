import { describe, expect, test } from 'vitest';
import { safeParseComposeFile } from '../../src/compose/schema.js';

// Source: compose-spec/compose-go v2.13.0 (87bbe5a9) schema/compose-spec.json: `$defs/command` is
// oneOf null | string | array of strings; `service.command`/`entrypoint` use it; `profiles` is a list of
// strings; `extends` is a string or {service, file}. Fields not read here pass through unchecked.

/** The one service `web` of a file, validated on its own. */
function service(value: unknown) {
  const r = safeParseComposeFile({ services: { web: value } });
  if (!r.success) return r;
  return r.data.services[0]![1];
}

describe('command and entrypoint ($defs/command)', () => {
  test.for([null, '', 'echo hi', [], ['echo', 'hi']])('accepts %j', (value) => {
    expect(service({ command: value })).toEqual({ success: true, data: { command: value } });
    expect(service({ entrypoint: value })).toEqual({ success: true, data: { entrypoint: value } });
  });

  test.for([1, true, {}, ['echo', 1], [null]])('rejects %j', (value) => {
    expect(service({ command: value }).success).toBe(false);
  });
});

describe('a service', () => {
  test('keeps the fields it does not read (build, environment, …)', () => {
    const svc = { image: 'nginx', build: '.', environment: { A: '1' }, command: ['x'], entrypoint: 'sh -c', extends: { service: 'base' }, profiles: ['dev'] };
    expect(service(svc)).toEqual({ success: true, data: svc });
  });

  test.for([
    [{ image: 1 }, ['services', 'web', 'image']],
    [{ command: 5 }, ['services', 'web', 'command']],
    [{ entrypoint: ['a', {}] }, ['services', 'web', 'entrypoint']],
    [{ profiles: 'dev' }, ['services', 'web', 'profiles']],
    [{ profiles: ['dev', 1] }, ['services', 'web', 'profiles', 1]],
  ] as const)('%j is rejected at %j', ([svc, path]) => {
    const r = service(svc);
    expect(r.success).toBe(false);
    expect(r.success ? undefined : r.issues[0]?.path).toEqual(path);
  });

  test('an absent command and entrypoint stay absent (unset, not null); `web:` alone is null', () => {
    expect(service({ image: 'x' })).toEqual({ success: true, data: { image: 'x' } });
    expect(service(null)).toEqual({ success: true, data: null });
  });
});

describe('the file', () => {
  test.for([{}, { services: {} }, { services: { web: { image: 'x' }, db: null } }, { version: '3', services: null, volumes: {} }])('accepts %j', (file) => {
    expect(safeParseComposeFile(file).success).toBe(true);
  });

  test.for([
    [{ services: [] }, ['services']],
    [{ services: 'web' }, ['services']],
    [{ services: { web: { command: 1 } } }, ['services', 'web', 'command']],
  ] as const)('%j is rejected at %j', ([file, path]) => {
    const r = safeParseComposeFile(file);
    expect(r.success).toBe(false);
    expect(r.success ? undefined : r.issues[0]?.path).toEqual(path);
  });

  test('a service named __proto__ (an own key of the parsed YAML) is validated too, with paths from the service', () => {
    const r = safeParseComposeFile(JSON.parse('{"services":{"__proto__":{"image":1},"web":{"image":"x"}}}'));
    expect(r).toEqual({
      success: true,
      data: {
        services: [
          ['__proto__', { success: false, issues: [expect.objectContaining({ code: 'invalid_type', expected: 'string', path: ['image'] })] }],
          ['web', { success: true, data: { image: 'x' } }],
        ],
      },
    });
  });

  test('every service is listed by name, in order, each with its own result', () => {
    const r = safeParseComposeFile({ services: { web: { image: 'x' }, db: null } });
    expect(r).toEqual({
      success: true,
      data: {
        services: [
          ['web', { success: true, data: { image: 'x' } }],
          ['db', { success: true, data: null }],
        ],
      },
    });
  });
});
