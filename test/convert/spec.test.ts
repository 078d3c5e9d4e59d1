import { describe, expect, test } from 'vitest';
import { escapeComposeDollars, isClearedEntrypoint, noCounterpart, specFlag } from '../../src/convert/spec.js';

describe('spec helpers', () => {
  test('isClearedEntrypoint is exactly [""]', () => {
    expect([null, [], [''], ['', ''], ['x']].map((l) => isClearedEntrypoint(l))).toEqual([false, false, true, false, false]);
  });
  test('escapeComposeDollars doubles every $ (compose-spec 12-interpolation.md)', () => {
    expect(escapeComposeDollars('$a $$ ${b}')).toBe('$$a $$$$ $${b}');
  });
  test('noCounterpart names the setting and the target', () => {
    expect(noCounterpart('--rm', 'Compose', { path: 'x' })).toEqual({
      code: 'convert-no-counterpart',
      severity: 'warning',
      message: '--rm has no Compose counterpart; not translated.',
      path: 'x',
    });
    expect(specFlag('env', 'A=1', '-e A=1')).toEqual({ name: 'env', value: 'A=1', spelled: '-e A=1', location: {} });
  });
});
