import { describe, expect, test } from 'vitest';
import { imageFieldsUsed, resolveDockerRun, type DockerRunOverrides, type EngineOptions } from '../../src/index.js';

// Which image fields a run takes: checked against resolveDockerRun itself (moby merge / podman makeCommand),
// by changing the image's ENTRYPOINT and CMD and seeing whether the argv changes.
const RUNS: readonly DockerRunOverrides[] = [
  {},
  { args: ['a'] },
  { entrypoint: 'e' },
  { entrypoint: '' },
  { entrypoint: 'e', args: ['a'] },
  { entrypoint: '[]' },
  { entrypoint: '["x"]' },
];
const ENGINES: readonly EngineOptions[] = [{}, { engine: 'podman' }];

describe('imageFieldsUsed agrees with resolveDockerRun', () => {
  test.for(ENGINES.flatMap((options) => RUNS.map((run) => ({ run, options }))))('$run $options', ({ run, options }) => {
    const argv = (image: { entrypoint?: string[]; cmd?: string[] }) => {
      const r = resolveDockerRun(image, run, options);
      return r.ok ? r.argv.join('\0') : r.issues[0].code;
    };
    const base = { entrypoint: ['/ep'], cmd: ['c'] };
    const used = [...(argv(base) !== argv({ ...base, entrypoint: ['/other'] }) ? ['entrypoint'] : []), ...(argv(base) !== argv({ ...base, cmd: ['other'] }) ? ['cmd'] : [])];
    expect(imageFieldsUsed(run, options)).toEqual(used);
  });
});
