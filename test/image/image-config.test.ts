import { describe, expect, test } from 'vitest';
import { imageConfigFrom } from '../../src/index.js';

// Source: semantics.md §2 (buildkit dockerfile2llb/convert.go dispatchCmd/dispatchEntrypoint;
// moby daemon/builder/dockerfile dispatchers) and vectors build-01…build-26.
describe('imageConfigFrom', () => {
  test.for([
    { name: 'build-02 shell ENTRYPOINT, linux', input: { entrypoint: 'foo bar' }, want: { entrypoint: ['/bin/sh', '-c', 'foo bar'] } },
    { name: 'build-03 shell ENTRYPOINT, windows (BuildKit)', input: { entrypoint: 'foo bar', os: 'windows' as const }, want: { entrypoint: ['cmd', '/S', '/C', 'foo bar'] } },
    {
      name: 'build-05 classic builder on windows',
      input: { cmd: 'echo cmd', os: 'windows' as const, builder: 'classic' as const },
      want: { cmd: ['cmd /S /C echo cmd'], argsEscaped: true },
    },
    {
      name: 'build-01 SHELL wraps, ENTRYPOINT resets base CMD',
      input: { base: { cmd: ['test'] }, shell: '["ls"]', entrypoint: 'my entrypoint' },
      want: { entrypoint: ['ls', 'my entrypoint'], cmd: null },
    },
    { name: 'build-07 ENTRYPOINT resets base CMD', input: { base: { cmd: ['test'], entrypoint: ['echo'] }, entrypoint: '["cat"]' }, want: { entrypoint: ['cat'], cmd: null } },
    { name: 'build-08 CMD [] is stored as absent (BuildKit)', input: { entrypoint: '["/bin/bash"]', cmd: '[]' }, want: { entrypoint: ['/bin/bash'], cmd: null } },
    { name: 'CMD [] is kept empty (classic, semantics.md §12)', input: { cmd: '[]', builder: 'classic' as const }, want: { cmd: [] } },
    { name: 'build-09 ENTRYPOINT [] clears', input: { base: { entrypoint: ['/bin/echo'] }, entrypoint: '[]' }, want: { entrypoint: null } },
    { name: 'build-15 inherited SHELL', input: { base: { shell: ['ls'] }, cmd: '-l' }, want: { cmd: ['ls', '-l'] } },
    { name: 'build-16 CMD in this stage survives ENTRYPOINT', input: { base: { cmd: ['/bin/sh'] }, cmd: '["x"]', entrypoint: '["e"]' }, want: { cmd: ['x'], entrypoint: ['e'] } },
    { name: 'build-21 bare CMD (BuildKit)', input: { cmd: '' }, want: { cmd: ['/bin/sh', '-c', ''] } },
    { name: 'build-21 bare CMD (classic)', input: { cmd: '', builder: 'classic' as const }, want: { cmd: ['/bin/sh', '-c'] } },
    { name: 'build-22 bare ENTRYPOINT (BuildKit)', input: { entrypoint: '' }, want: { entrypoint: ['/bin/sh', '-c', ''] } },
    { name: 'build-22 bare ENTRYPOINT (classic)', input: { entrypoint: '', builder: 'classic' as const }, want: { entrypoint: null } },
    {
      name: 'build-24 buildah ignores SHELL for CMD/ENTRYPOINT',
      input: { shell: '["/bin/bash","-c"]', cmd: 'echo hi', entrypoint: 'echo ep', engine: 'podman' as const },
      want: { cmd: ['/bin/sh', '-c', 'echo hi'], entrypoint: ['/bin/sh', '-c', 'echo ep'], shell: null },
    },
    {
      name: 'classic: CMD [] does not protect from the reset',
      input: { base: { cmd: ['c'] }, cmd: '[]', entrypoint: '["e"]', builder: 'classic' as const },
      want: { cmd: null, entrypoint: ['e'] },
    },
  ])('$name', ({ input, want }) => {
    const got = imageConfigFrom(input);
    expect(got.ok, JSON.stringify(got)).toBe(true);
    if (got.ok) expect(got.config).toMatchObject(want);
  });

  test('an ENTRYPOINT that resets an inherited CMD is diagnosed with the lost CMD', () => {
    const got = imageConfigFrom({ base: { cmd: ['nginx', '-g', 'daemon off;'] }, entrypoint: '["/docker-entrypoint.sh"]' });
    expect(got.diagnostics).toMatchObject([{ code: 'entrypoint-resets-cmd', severity: 'warning' }]);
    expect(got.diagnostics[0]!.message).toContain('["nginx","-g","daemon off;"]');
  });

  test('errors from instruction text are issues', () => {
    expect(imageConfigFrom({ cmd: '["a", 1]' })).toMatchObject({ ok: false, issues: [{ code: 'json-not-strings' }] });
    expect(imageConfigFrom({ shell: 'bash -c' })).toMatchObject({ ok: false, issues: [{ code: 'shell-instruction-not-json' }] });
    expect(imageConfigFrom({ shell: [] })).toMatchObject({ ok: false, issues: [{ code: 'shell-instruction-empty' }] });
  });

  test('the base config is never modified', () => {
    const base = Object.freeze({ cmd: Object.freeze(['c']), entrypoint: Object.freeze(['e']) });
    expect(imageConfigFrom({ base, entrypoint: '["x"]' })).toMatchObject({ ok: true, config: { cmd: null } });
    expect(base.cmd).toEqual(['c']);
  });
});
