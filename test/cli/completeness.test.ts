import { describe, expect, test } from 'vitest';
import { EXIT_INCOMPLETE, dockerfileUnknown, unknownDetail, unknownHeadline } from '../../src/cli/completeness.js';

// The CLI's one question "is this answer known?" (issue 18 §2): which fields of a run depend on an unknown base.
describe('dockerfileUnknown', () => {
  const dependsOn = { entrypoint: { from: 'node:20', via: 'inherited', assumed: null }, cmd: { from: 'node:20', via: 'shell', assumed: ['/bin/sh', '-c', 'x'] } } as const;
  test.for([
    { used: ['entrypoint', 'cmd'] as const, want: 'depends on node:20 (base image config unknown): ENTRYPOINT inherited from it; CMD shell form, run by its SHELL' },
    { used: ['entrypoint'] as const, want: 'depends on node:20 (base image config unknown): ENTRYPOINT inherited from it' },
    { used: [] as const, want: null },
  ])('a run using $used', ({ used, want }) => {
    const u = dockerfileUnknown(dependsOn, used);
    expect(u === null ? null : `${unknownHeadline(u)}: ${unknownDetail(u)}`).toBe(want);
  });

  test('nothing unknown, or an image config: null', () => {
    expect(dockerfileUnknown({}, ['entrypoint', 'cmd'])).toBeNull();
    expect(dockerfileUnknown(undefined, ['entrypoint', 'cmd'])).toBeNull();
  });

  test('the exit status of an incomplete answer is 3', () => {
    expect(EXIT_INCOMPLETE).toBe(3);
  });
});
