import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildArgsOf, displayName, loadImageConfig, loadImageMap, splitAssignment } from '../../src/cli/inputs.js';
import { InputError, UsageError, type CliIO } from '../../src/cli/io.js';

const dir = mkdtempSync(join(tmpdir(), 'container-argv-inputs-'));
// `docker image inspect` prints an array of objects; an OCI image config has `config` in lower case.
writeFileSync(join(dir, 'inspect.json'), JSON.stringify([{ Os: 'linux', Config: { Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] } }]));
writeFileSync(join(dir, 'oci.json'), JSON.stringify({ os: 'linux', architecture: 'amd64', config: { Cmd: ['/bin/sh'] }, rootfs: { type: 'layers', diff_ids: [] } }));
writeFileSync(join(dir, 'wrong.json'), '{"Config": {"Cmd": [1]}}');
const io = (stdin = ''): CliIO => ({ stdout: { write: () => undefined }, stderr: { write: () => undefined }, readStdin: async () => stdin, env: {}, cwd: dir });

describe('displayName', () => {
  test.for([
    ['-', '<stdin>'],
    ['Dockerfile', 'Dockerfile'],
    ['./a/-', './a/-'],
  ] as const)('%j → %j', ([path, name]) => {
    expect(displayName(path)).toBe(name);
  });
});

describe('splitAssignment', () => {
  test.for([
    ['node:20=node.json', { ref: 'node:20', file: 'node.json' }],
    ['a=b=c.json', { ref: 'a=b', file: 'c.json' }],
    ['registry:5000/app@sha256:ab=x', { ref: 'registry:5000/app@sha256:ab', file: 'x' }],
  ] as const)('%j → %j (split at the last =)', ([value, parts]) => {
    expect(splitAssignment(value, '--base')).toEqual(parts);
  });

  test.for(['node.json', '=node.json', 'node:20='])('%j is a usage error', (value) => {
    expect(() => splitAssignment(value, '--base')).toThrow(new UsageError(`--base expects REF=FILE, got ${JSON.stringify(value)}`));
  });
});

describe('loadImageConfig', () => {
  test.for([
    ['inspect.json', { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] }],
    ['oci.json', { cmd: ['/bin/sh'] }],
  ] as const)('%s', async ([file, want]) => {
    expect(await loadImageConfig(io(), file)).toMatchObject(want);
  });

  test('- reads stdin, named <stdin> in errors', async () => {
    const error = await loadImageConfig(io('{'), '-').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^<stdin>: invalid JSON: /);
  });

  test('JSON that is not an image config is an input error naming the file', async () => {
    const error = await loadImageConfig(io(), 'wrong.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^wrong\.json: not an image config: /);
  });
});

describe('loadImageMap', () => {
  test('every REF=FILE, in a map without a prototype', async () => {
    const map = await loadImageMap(io(), ['node:20=inspect.json', 'busybox=oci.json'], '--image-config');
    expect(Object.keys(map)).toEqual(['node:20', 'busybox']);
    expect(map['busybox']?.cmd).toEqual(['/bin/sh']);
    // An image or service named `constructor` must not find Object.prototype.constructor.
    expect(map['constructor']).toBeUndefined();
  });
});

// Source: docker build reference, --build-arg: "You may also use the --build-arg flag without a value,
// in which case the daemon takes the value from the local environment" (unset: the ARG keeps its default).
describe('buildArgsOf', () => {
  const env = { HTTP_PROXY: 'http://proxy', EMPTY: '' };
  test.for([
    [undefined, undefined],
    [[], undefined],
    [['A=1', 'B=', 'C=x=y'], { A: '1', B: '', C: 'x=y' }],
    [['HTTP_PROXY', 'EMPTY', 'UNSET'], { HTTP_PROXY: 'http://proxy', EMPTY: '' }],
    [['A=1', 'A=2'], { A: '2' }],
  ] as const)('%j → %j', ([values, want]) => {
    expect(buildArgsOf(values, env)).toEqual(want);
  });

  test('=VALUE without a key is a usage error', () => {
    expect(() => buildArgsOf(['=1'], env)).toThrow(new UsageError('--build-arg expects KEY=VALUE, got "=1"'));
  });
});
