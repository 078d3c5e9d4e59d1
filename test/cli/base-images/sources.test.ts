// Provenance in words and the result guard (src/cli/base-images/sources.ts).
import { describe, expect, test } from 'vitest';
import { describeBaseSource, isFailure, shortDigest, type BaseSource } from '../../../src/cli/base-images/sources.js';

describe('describeBaseSource', () => {
  test.for([
    { source: { kind: 'file', file: '<stdin>' }, text: 'from file <stdin>' },
    { source: { kind: 'engine', engine: 'docker', id: `sha256:${'0123456789abcdef'.repeat(4)}` }, text: 'from docker image inspect (sha256:0123456789ab)' },
    { source: { kind: 'catalog', date: '2026-08-21', reference: 'x', platform: 'linux/amd64', exact: true }, text: 'from catalog 2026-08-21' },
    { source: { kind: 'engine', engine: 'podman' }, text: 'from podman image inspect' },
    { source: { kind: 'catalog', date: '2026-08-21', reference: 'x', platform: 'linux/amd64', exact: false }, text: 'from catalog 2026-08-21 (inexact)' },
    {
      source: { kind: 'registry', registry: '127.0.0.1:5500', repository: 'argv/x', digest: 'sha256:ab', platform: 'linux/arm64/v8', cachedAt: '2026-01-01T00:00:00.000Z' },
      text: 'from registry sha256:ab (127.0.0.1:5500/argv/x, linux/arm64/v8, cached 2026-01-01T00:00:00.000Z)',
    },
  ] satisfies { source: BaseSource; text: string }[])('$text', ({ source, text }) => {
    expect(describeBaseSource(source)).toBe(text);
  });
});

test.for([
  { digest: `sha256:${'f'.repeat(64)}`, short: `sha256:${'f'.repeat(12)}` },
  { digest: 'sha256:abc', short: 'sha256:abc' },
  { digest: 'not-a-digest', short: 'not-a-digest' },
])('shortDigest($digest)', ({ digest, short }) => {
  expect(shortDigest(digest)).toBe(short);
});

test('isFailure tells a failure from an answer and a miss', () => {
  expect(isFailure({ ok: false, issues: [{ code: 'engine-inspect-failed', message: 'x' }], diagnostics: [] })).toBe(true);
  expect(isFailure({ config: {}, source: { kind: 'file', file: 'f' }, diagnostics: [] })).toBe(false);
  expect(isFailure(undefined)).toBe(false);
});
