import { describe, expect, test } from 'vitest';
import { interpolateTree, interpolateWith } from '../../src/compose/interpolation.js';

// Source: compose-spec/compose-go v2.13.0 (87bbe5a9) template/template_test.go, with its own mapping
// (FOO=first, BAR='' and JSON={"json":2}; everything else unset). Each row names the Go test it comes from.
const DEFAULTS: Readonly<Record<string, string>> = { FOO: 'first', BAR: '', JSON: '{"json":2}' };
const get = (name: string): string | undefined => (Object.hasOwn(DEFAULTS, name) ? DEFAULTS[name] : undefined);

const VALUES: readonly { template: string; value: string; test: string }[] = [
  { template: '$${foo}', value: '${foo}', test: 'TestEscaped' },
  { template: 'foo', value: 'foo', test: 'TestSubstituteNoMatch' },
  ...['a $ string', '^REGEX$', '$}', '$'].map((template) => ({ template, value: template, test: 'TestUnescaped' })),
  { template: '$FOO-bar', value: 'first-bar', test: 'TestNonBraced' },
  { template: 'This ${missing} var', value: 'This  var', test: 'TestNoValueNoDefault' },
  { template: 'This ${BAR} var', value: 'This  var', test: 'TestNoValueNoDefault' },
  { template: 'This $FOO var', value: 'This first var', test: 'TestValueNoDefault' },
  { template: 'This ${FOO} var', value: 'This first var', test: 'TestValueNoDefault' },
  { template: 'ok ${missing:-def}', value: 'ok def', test: 'TestNoValueWithDefault' },
  { template: 'ok ${missing-def}', value: 'ok def', test: 'TestNoValueWithDefault' },
  { template: 'ok ${BAR:-def}', value: 'ok def', test: 'TestEmptyValueWithSoftDefault' },
  { template: 'ok ${FOO:-def}', value: 'ok first', test: 'TestValueWithSoftDefault' },
  { template: 'ok ${BAR-def}', value: 'ok ', test: 'TestEmptyValueWithHardDefault' },
  { template: 'ok ${UNSET_VAR:+presence_value}', value: 'ok ', test: 'TestPresentValueWithUnset' },
  { template: 'ok ${UNSET_VAR+presence_value}', value: 'ok ', test: 'TestPresentValueWithUnset2' },
  { template: 'ok ${FOO:+presence_value}', value: 'ok presence_value', test: 'TestPresentValueWithNonEmpty' },
  { template: 'ok ${FOO+presence_value}', value: 'ok presence_value', test: 'TestPresentValueAndNonEmptyWithNonEmpty' },
  { template: 'ok ${BAR+presence_value}', value: 'ok presence_value', test: 'TestPresentValueWithSet' },
  { template: 'ok ${BAR:+presence_value}', value: 'ok ', test: 'TestPresentValueAndNotEmptyWithSet' },
  { template: 'ok ${BAR:-/non:-alphanumeric}', value: 'ok /non:-alphanumeric', test: 'TestNonAlphanumericDefault' },
  { template: '-ok ${BAR:-defaultValue}', value: '-ok defaultValue', test: 'TestInterpolationExternalInterference' },
  { template: '+ok ${UNSET:-${BAR-defaultValue}}', value: '+ok ', test: 'TestInterpolationExternalInterference' },
  { template: '-ok ${FOO:-defaultValue}', value: '-ok first', test: 'TestInterpolationExternalInterference' },
  { template: ':-ok ${UNSET-defaultValue}', value: ':-ok defaultValue', test: 'TestInterpolationExternalInterference' },
  { template: ':-ok ${BAR-defaultValue}', value: ':-ok ', test: 'TestInterpolationExternalInterference' },
  { template: ':?ok ${BAR-defaultValue}', value: ':?ok ', test: 'TestInterpolationExternalInterference' },
  { template: ':?ok ${BAR:-defaultValue}', value: ':?ok defaultValue', test: 'TestInterpolationExternalInterference' },
  { template: ':+ok ${BAR:-defaultValue}', value: ':+ok defaultValue', test: 'TestInterpolationExternalInterference' },
  { template: '+ok ${BAR-defaultValue}', value: '+ok ', test: 'TestInterpolationExternalInterference' },
  { template: '?ok ${BAR:-defaultValue}', value: '?ok defaultValue', test: 'TestInterpolationExternalInterference' },
  { template: 'ok ${UNSET_VAR-$FOO}', value: 'ok first', test: 'TestDefaultsWithNestedExpansion' },
  { template: 'ok ${UNSET_VAR-${FOO}}', value: 'ok first', test: 'TestDefaultsWithNestedExpansion' },
  { template: 'ok ${UNSET_VAR-${FOO} ${FOO}}', value: 'ok first first', test: 'TestDefaultsWithNestedExpansion' },
  { template: 'ok ${BAR:-$FOO}', value: 'ok first', test: 'TestDefaultsWithNestedExpansion' },
  { template: 'ok ${BAR:-${FOO}}', value: 'ok first', test: 'TestDefaultsWithNestedExpansion' },
  { template: 'ok ${BAR:-${FOO} ${FOO}}', value: 'ok first first', test: 'TestDefaultsWithNestedExpansion' },
  { template: 'ok ${BAR+$FOO}', value: 'ok first', test: 'TestDefaultsWithNestedExpansion' },
  { template: 'ok ${BAR+$FOO ${FOO:+second}}', value: 'ok first second', test: 'TestDefaultsWithNestedExpansion' },
  { template: 'ok ${FOO:?err}', value: 'ok first', test: 'TestDefaultsForMandatoryVariables' },
  { template: 'ok ${FOO?err}', value: 'ok first', test: 'TestDefaultsForMandatoryVariables' },
  { template: 'ok ${BAR?err}', value: 'ok ', test: 'TestDefaultsForMandatoryVariables' },
  { template: 'ok ${SUBDOMAIN:-redis}.${FOO:?}', value: 'ok redis.first', test: 'TestSubstituteWithReplacementFunc' },
  { template: '${UNSET_VAR-myerror?msg}', value: 'myerror?msg', test: 'TestPrecedence' },
  { template: '${FOO?bar-baz}', value: 'first', test: 'TestPrecedence' },
  { template: '${BAR:-default_value_for_empty_var}', value: 'default_value_for_empty_var', test: 'TestPrecedence' },
  { template: '${UNSET_VAR-default_value_for_unset_var}', value: 'default_value_for_unset_var', test: 'TestPrecedence' },
  { template: 'ok ${missing:-{"json":1}}', value: 'ok {"json":1}', test: 'TestNoValueWithCurlyBracesDefault' },
  { template: 'ok ${missing-{"json":1}}', value: 'ok {"json":1}', test: 'TestNoValueWithCurlyBracesDefault' },
  // TestSubstitutionFunctionChoice: the operator is the first one after the name.
  { template: '${FOO-va:-lu:?e}', value: 'first', test: 'TestSubstitutionFunctionChoice' },
  { template: '${UNSET-va:-lu:?e}', value: 'va:-lu:?e', test: 'TestSubstitutionFunctionChoice' },
  { template: '${UNSET-va+lu?e}', value: 'va+lu?e', test: 'TestSubstitutionFunctionChoice' },
  { template: '${FOO:+va:?lu:-e}', value: 'va:?lu:-e', test: 'TestSubstitutionFunctionChoice' },
  { template: '${BAR+va:+lue}', value: 'va:+lue', test: 'TestSubstitutionFunctionChoice' },
  { template: '${FOO+va?lu-e}', value: 'va?lu-e', test: 'TestSubstitutionFunctionChoice' },
];

describe('interpolateWith: values (compose-go template_test.go)', () => {
  test.for(VALUES)('$test: $template', ({ template, value }) => {
    expect(interpolateWith(template, get)).toMatchObject({ ok: true, value });
  });
});

// Known divergence: since compose-go v2.0.0 (5ede864 "default values can contain curly braces"),
// getFirstBraceClosingIndex counts every `{`, so `${JSON:-{"json":1}}` is one substitution. closingBrace
// in src/compose/interpolation.ts still counts only `${` (the pre-v2 rule) and leaves the last `}` as text.
// These rows fail today; when the rule is brought up to date they pass and `test.fails` flags them.
describe('interpolateWith: braces in a default (known divergence from compose-go v2)', () => {
  test.fails.for([
    { template: 'ok ${JSON:-{"json":1}}', value: 'ok {"json":2}', test: 'TestValueWithCurlyBracesDefault' },
    { template: 'ok ${JSON-{"json":1}}', value: 'ok {"json":2}', test: 'TestValueWithCurlyBracesDefault' },
  ])('$test: $template', ({ template, value }) => {
    expect(interpolateWith(template, get)).toMatchObject({ ok: true, value });
  });
});

// compose-go returns MissingRequiredError "required variable NAME is missing a value[: reason]"; its tests
// check that the error text contains the expected one (assert.ErrorContains).
const REQUIRED: readonly { template: string; error: string; test: string }[] = [
  {
    template: 'not ok ${UNSET_VAR:?Mandatory Variable Unset}',
    error: 'required variable UNSET_VAR is missing a value: Mandatory Variable Unset',
    test: 'TestMandatoryVariableErrors',
  },
  { template: 'not ok ${BAR:?Mandatory Variable Empty}', error: 'required variable BAR is missing a value: Mandatory Variable Empty', test: 'TestMandatoryVariableErrors' },
  { template: 'not ok ${UNSET_VAR:?}', error: 'required variable UNSET_VAR is missing a value', test: 'TestMandatoryVariableErrors' },
  {
    template: 'not ok ${UNSET_VAR?Mandatory Variable Unset}',
    error: 'required variable UNSET_VAR is missing a value: Mandatory Variable Unset',
    test: 'TestMandatoryVariableErrors',
  },
  { template: 'not ok ${UNSET_VAR?}', error: 'required variable UNSET_VAR is missing a value', test: 'TestMandatoryVariableErrors' },
  {
    template: 'not ok ${UNSET_VAR:?Mandatory Variable ${FOO}}',
    error: 'required variable UNSET_VAR is missing a value: Mandatory Variable first',
    test: 'TestMandatoryVariableErrorsWithNestedExpansion',
  },
  {
    template: 'not ok ${UNSET_VAR?Mandatory Variable ${FOO}}',
    error: 'required variable UNSET_VAR is missing a value: Mandatory Variable first',
    test: 'TestMandatoryVariableErrorsWithNestedExpansion',
  },
  { template: '${UNSET_VAR?bar-baz}', error: 'required variable UNSET_VAR is missing a value: bar-baz', test: 'TestPrecedence' },
  { template: '${UNSET?val:?ue}', error: 'required variable UNSET is missing a value: val:?ue', test: 'TestSubstitutionFunctionChoice' },
  { template: '${BAR:?val?ue}', error: 'required variable BAR is missing a value: val?ue', test: 'TestSubstitutionFunctionChoice' },
];

describe('interpolateWith: required variables (compose-go template_test.go)', () => {
  test.for(REQUIRED)('$test: $template', ({ template, error }) => {
    const r = interpolateWith(template, get);
    expect(r.ok ? r.value : r.message).toContain(error);
    expect(r.ok).toBe(false);
  });
});

describe('interpolateWith: invalid templates (compose-go TestInvalid)', () => {
  test.for(['${', '${}', '${ }', '${ foo}', '${foo }', '${foo!}'])('%j', (template) => {
    expect(interpolateWith(template, get)).toEqual({ ok: false, message: expect.stringMatching(/^invalid interpolation format for /) });
  });
});

// compose-go logs "The %q variable is not set. Defaulting to a blank string." once per unset name it reads;
// a default or message that is not used is never read (TestLazy*).
describe('interpolateWith: unset names read (the warnings compose-go logs)', () => {
  test.for([
    { template: '${A:+${A},}B', value: 'B', unresolved: [], test: 'TestLazyDefaultDoesNotWarn' },
    { template: '${A:-${B}}', value: '', unresolved: ['B'], test: 'TestLazyDefaultWarnsWhenUsed' },
    { template: '${FOO?${B}}', value: 'first', unresolved: [], test: 'TestLazyRequiredMessageDoesNotWarn' },
    { template: 'This ${missing} var', value: 'This  var', unresolved: ['missing'], test: 'TestNoValueNoDefault' },
    { template: 'This ${BAR} var', value: 'This  var', unresolved: [], test: 'TestNoValueNoDefault (set, empty)' },
    { template: '$X-$Y ${X}', value: '- ', unresolved: ['X', 'Y', 'X'], test: 'one warning per reference' },
  ])('$test: $template', ({ template, value, unresolved }) => {
    expect(interpolateWith(template, get)).toEqual({ ok: true, value, unresolved });
  });
});

// compose-go v2.13.0 interpolation/interpolation.go Interpolate: every string value of the tree (keys as
// written), in document order; a cast at a path (loader/interpolate.go interpolateTypeCastMapping).
describe('interpolateTree', () => {
  test('string values interpolated, keys untouched, other scalars kept, unset names reported with their path in order', () => {
    const r = interpolateTree({ services: { $FOO: { image: '${FOO}:${NOPE}', ports: [8080, '${BAR}x'], init: '${NOPE2:-true}' } } }, get);
    expect(r).toEqual({
      ok: true,
      value: { services: { $FOO: { image: 'first:', ports: [8080, 'x'], init: 'true' } } },
      unresolved: [{ path: ['services', '$FOO', 'image'], name: 'NOPE' }],
    });
  });

  test('a cast turns the text into another value, or fails with its message', () => {
    const cast = (path: readonly PropertyKey[], text: string) =>
      path.at(-1) === 'init' ? (text === 'true' ? { value: true } : { message: `invalid boolean: ${text}` }) : { value: text };
    expect(interpolateTree({ init: '${X:-true}' }, get, cast)).toMatchObject({ ok: true, value: { init: true } });
    expect(interpolateTree({ a: { init: 'no way' } }, get, cast)).toEqual({ ok: false, path: ['a', 'init'], message: 'invalid boolean: no way' });
  });

  test('an invalid template fails with its path', () => {
    expect(interpolateTree({ a: ['x', '${'] }, get)).toEqual({ ok: false, path: ['a', 1], message: 'invalid interpolation format for "${": missing closing brace' });
  });

  test('__proto__ keys stay own data properties', () => {
    const value = JSON.parse('{"__proto__": {"polluted": "${FOO}"}}') as unknown;
    const r = interpolateTree(value, get);
    expect(r.ok && Object.hasOwn(r.value as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
