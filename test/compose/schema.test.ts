import { describe, expect, test } from 'vitest';
import { ComposeCommandSchema, ComposeFileSchema, ComposeServiceSchema } from '../../src/compose/schema.js';

// Source: compose-spec/compose-go v2.13.0 (87bbe5a9) schema/compose-spec.json: `$defs/command` is
// oneOf null | string | array of strings; `service.command`/`entrypoint` use it; `profiles` is a list of
// strings; `extends` is a string or {service, file}. Fields not read here pass through unchecked.
describe('ComposeCommandSchema ($defs/command)', () => {
  test.for([null, '', 'echo hi', [], ['echo', 'hi']])('accepts %j', (value) => {
    expect(ComposeCommandSchema.safeParse(value)).toMatchObject({ success: true, data: value });
  });

  test.for([1, true, {}, ['echo', 1], [null]])('rejects %j', (value) => {
    expect(ComposeCommandSchema.safeParse(value).success).toBe(false);
  });
});

describe('ComposeServiceSchema', () => {
  test('keeps the fields it does not read (build, environment, …)', () => {
    const service = { image: 'nginx', build: '.', environment: { A: '1' }, command: ['x'], entrypoint: 'sh -c', extends: { service: 'base' }, profiles: ['dev'] };
    expect(ComposeServiceSchema.safeParse(service)).toMatchObject({ success: true, data: service });
  });

  test.for([
    [{ image: 1 }, ['image']],
    [{ command: 5 }, ['command']],
    [{ entrypoint: ['a', {}] }, ['entrypoint']],
    [{ profiles: 'dev' }, ['profiles']],
    [{ profiles: ['dev', 1] }, ['profiles', 1]],
  ] as const)('%j is rejected at %j', ([service, path]) => {
    const r = ComposeServiceSchema.safeParse(service);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(path);
  });

  test('an absent command and entrypoint stay absent (unset, not null)', () => {
    expect(ComposeServiceSchema.safeParse({ image: 'x' })).toEqual({ success: true, data: { image: 'x' } });
  });
});

describe('ComposeFileSchema', () => {
  test.for([{}, { services: {} }, { services: { web: { image: 'x' }, db: null } }, { version: '3', services: null, volumes: {} }])('accepts %j', (file) => {
    expect(ComposeFileSchema.safeParse(file).success).toBe(true);
  });

  test.for([
    [{ services: [] }, ['services']],
    [{ services: 'web' }, ['services']],
    [{ services: { web: { command: 1 } } }, ['services', 'web', 'command']],
  ] as const)('%j is rejected at %j', ([file, path]) => {
    const r = ComposeFileSchema.safeParse(file);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(path);
  });
});
