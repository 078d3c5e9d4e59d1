import { describe, expect, test } from 'vitest';
import { safeParseImageConfig } from '../../src/image/schema.js';

// Shapes: Docker Engine API v1.43 `GET /images/{name}/json` (ImageInspect: `Id`, `RepoTags`, `Os`,
// `Config`), the OCI image-spec v1.1.0 config.md (`os`, `rootfs`, `config`) and a bare `Config`
// object (`docker image inspect --format '{{json .Config}}'`). Which shape is read is decided by the
// keys present; imageConfigFromInspect (test/image/inspect.test.ts) turns the result into issues.
describe('safeParseImageConfig: the shape is chosen by its keys', () => {
  test.for([
    { name: 'inspect (Config, Os)', input: { Os: 'linux', Config: { Cmd: ['a'] } }, data: { config: { Cmd: ['a'] }, os: 'linux' } },
    { name: 'inspect by Id alone (no Config: none read)', input: { Id: 'sha256:ab', config: { Cmd: ['x'] } }, data: { config: undefined, os: undefined } },
    { name: 'inspect by RepoTags, Config null', input: { RepoTags: ['x:1'], Config: null }, data: { config: null, os: undefined } },
    { name: 'OCI (config, os)', input: { os: 'windows', config: { Shell: ['cmd', '/S', '/C'] } }, data: { config: { Shell: ['cmd', '/S', '/C'] }, os: 'windows' } },
    { name: 'OCI by rootfs alone', input: { rootfs: { type: 'layers' } }, data: { config: undefined, os: undefined } },
    {
      name: 'a bare Config, other fields kept',
      input: { Entrypoint: null, Cmd: ['sh'], Env: ['A=1'] },
      data: { config: { Entrypoint: null, Cmd: ['sh'], Env: ['A=1'] }, os: undefined },
    },
  ])('$name', ({ input, data }) => {
    expect(safeParseImageConfig(input)).toEqual({ success: true, data });
  });
});

describe('safeParseImageConfig: refused fields, with paths from the object', () => {
  test.for([
    { name: 'a number in Cmd', input: { Config: { Cmd: ['a', 1] } }, issue: { code: 'invalid_type', expected: 'string', path: ['Config', 'Cmd', 1] } },
    { name: 'Entrypoint as a string (OCI)', input: { config: { Entrypoint: '/bin/sh' } }, issue: { code: 'invalid_type', expected: 'array', path: ['config', 'Entrypoint'] } },
    { name: 'Os not a string', input: { Os: 1 }, issue: { code: 'invalid_type', expected: 'string', path: ['Os'] } },
    { name: 'ArgsEscaped not a boolean (bare Config)', input: { ArgsEscaped: 'yes' }, issue: { code: 'invalid_type', expected: 'boolean', path: ['ArgsEscaped'] } },
    { name: 'OnBuild not a list', input: { OnBuild: {} }, issue: { code: 'invalid_type', expected: 'array', path: ['OnBuild'] } },
  ])('$name', ({ input, issue }) => {
    const r = safeParseImageConfig(input);
    expect(r.success).toBe(false);
    expect(r.success ? [] : r.issues).toMatchObject([issue]);
  });
});
