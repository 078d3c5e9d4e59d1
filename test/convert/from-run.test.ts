import { describe, expect, test } from 'vitest';
import { specFromRun } from '../../src/convert/from-run.js';

// Source: docker/cli opts.go (--entrypoint is one string; '' → Entrypoint [""]; args → Cmd) and
// podman's --entrypoint JSON array form (cmd/podman/common/create.go), as parseRunCommandLine reads them.
describe('specFromRun', () => {
  test.for([
    ['docker run app', { entrypoint: null, cmd: null, init: false }],
    ["docker run --entrypoint '' app x", { entrypoint: [''], cmd: ['x'], init: false }],
    ['docker run --entrypoint "a b" app', { entrypoint: ['a b'], cmd: null, init: false }],
    ['docker run --init app serve', { entrypoint: null, cmd: ['serve'], init: true }],
    [`podman run --entrypoint '["/bin/sh","-c"]' app id`, { entrypoint: ['/bin/sh', '-c'], cmd: ['id'], init: false }],
    [`docker run --entrypoint '["/bin/sh"]' app`, { entrypoint: ['["/bin/sh"]'], cmd: null, init: false }],
  ] as const)('%s', ([line, expected]) => {
    const r = specFromRun(line);
    expect(r.ok && r.spec).toMatchObject({ image: 'app', ...expected });
  });

  test('other flags are kept in order, --entrypoint and --init are not flags of the spec', () => {
    const r = specFromRun('docker run -e A=1 --entrypoint x -p 80:80 --init app');
    expect(r.ok && r.spec.flags.map((f) => `${f.name}=${f.value}`)).toEqual(['env=A=1', 'publish=80:80']);
  });

  test('a line the CLI refuses is a failure with its wording', () => {
    expect(specFromRun('docker run --rm --restart always app')).toMatchObject({ ok: false, issues: [{ code: 'run-conflicting-options' }] });
  });
});
