import { describe, expect, test } from 'vitest';
import { CmdResolutionError, fail, isCmdResolutionError, unwrap } from '../../src/core/errors.js';
import type { Issues } from '../../src/index.js';

const ISSUES: Issues = [
  { code: 'no-command', message: 'no command specified' },
  { code: 'k8s-no-init', message: 'second' },
];

// The house style (shared/style.md §6.3): one error class with `name`, `issues` and the first issue's message
// (valibot ValiError); a guard that also matches by name, so it works across copies of the package (ky).
describe('CmdResolutionError', () => {
  test('an Error named CmdResolutionError carrying every issue; the message is the first', () => {
    const e = new CmdResolutionError(ISSUES);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CmdResolutionError');
    expect(e.message).toBe('no command specified');
    expect(e.issues).toBe(ISSUES);
  });
});

describe('isCmdResolutionError', () => {
  class OtherCopy extends Error {
    override readonly name = 'CmdResolutionError';
    readonly issues = ISSUES;
  }
  test.for([
    ['an instance', new CmdResolutionError(ISSUES), true],
    ['the class of another copy of the package', new OtherCopy('x'), true],
    ['a plain Error', new Error('x'), false],
    ['an Error with the name but no issues', Object.assign(new Error('x'), { name: 'CmdResolutionError' }), false],
    ['a look-alike that is not an Error', { name: 'CmdResolutionError', issues: ISSUES, message: 'x' }, false],
    ['undefined', undefined, false],
  ] as const)('%s → %s', ([, value, expected]) => {
    expect(isCmdResolutionError(value)).toBe(expected);
  });
});

describe('unwrap', () => {
  test('a success is returned as it is', () => {
    const ok = { ok: true as const, argv: ['a'], diagnostics: [] };
    expect(unwrap(ok)).toBe(ok);
  });

  test('a failure throws a CmdResolutionError with its issues', () => {
    let thrown: unknown;
    try {
      unwrap({ ok: false, issues: ISSUES });
    } catch (e) {
      thrown = e;
    }
    expect(isCmdResolutionError(thrown)).toBe(true);
    expect((thrown as CmdResolutionError).issues).toBe(ISSUES);
  });

  test('a non-object is a programmer error', () => {
    expect(() => unwrap(null as never)).toThrow(new TypeError('result must be an object, got null'));
  });
});

describe('fail', () => {
  test('the failure shape: one issue, the diagnostics given (none by default)', () => {
    const issue = ISSUES[0];
    expect(fail(issue)).toEqual({ ok: false, issues: [issue], diagnostics: [] });
    const diagnostics = [{ code: 'argv-shell-pid1', severity: 'info', message: 'm' }] as const;
    expect(fail(issue, diagnostics)).toEqual({ ok: false, issues: [issue], diagnostics });
  });
});
