import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeStringArray } from '../../src/internal/go-json.js';
import { decodeStringArray as scannerDecode } from '../support/go-json-scanner.js';
import { scaledRuns } from '../support/property-runs.js';

type Mode = 'reject' | 'ignore';
type Want = readonly string[] | 'not-strings' | 'invalid';

function summary(d: ReturnType<typeof decodeStringArray> | ReturnType<typeof scannerDecode>): Want {
  return d.kind === 'strings' ? d.values : d.kind;
}

/** 2^1024 - 2^970: halfway between MaxFloat64 and 2^1024; both Go (round half to even) and JS round it up to ±Inf. */
const HALFWAY = (2n ** 1024n - 2n ** 970n).toString();
/** The same, one below: rounds down to MaxFloat64. */
const BELOW_HALFWAY = (2n ** 1024n - 2n ** 970n - 1n).toString();

// What Go does for each text, worked out from golang/go src/encoding/json (scanner.go: grammar,
// whitespace, maxNestingDepth 10000; decode.go: unquote's surrogate rules and U+FFFD for invalid
// UTF-8, literalInterface → convertNumber → strconv.ParseFloat, whose ErrRange is saved and returned
// by Unmarshal/Decode) and strconv/atof.go (overflow only at ±Inf; underflow rounds to 0 without error).
const ROWS: readonly { text: string; mode?: Mode; want: Want; why: string }[] = [
  { text: '[]', want: [], why: 'empty array' },
  { text: '[ "a" ,\n"b"\r]\t', want: ['a', 'b'], why: 'JSON whitespace between tokens and after the array' },
  { text: '["a"]\v', mode: 'reject', want: 'invalid', why: 'vertical tab is not JSON whitespace' },
  { text: '[\u00a0"a"]', want: 'invalid', why: 'no-break space is not JSON whitespace' },
  { text: '[\ufeff"a"]', want: 'invalid', why: "a BOM is not whitespace to Go's scanner" },
  { text: '["\\"\\\\\\/\\b\\f\\n\\r\\t"]', want: ['"\\/\b\f\n\r\t'], why: 'the eight one-character escapes' },
  { text: '["\\\'"]', want: 'invalid', why: "\\' is not a JSON escape" },
  { text: '["\\U0041"]', want: 'invalid', why: 'the escape letter u is lower case only' },
  { text: '["\\u00e9\\u00C9"]', want: ['éÉ'], why: 'hex digits in either case' },
  { text: '["\\u12"]', want: 'invalid', why: 'short \\u escape' },
  { text: '["\x00"]', want: 'invalid', why: 'raw NUL' },
  { text: '["\x1f\x7f"]', want: 'invalid', why: 'raw U+001F is a control character (U+007F is not)' },
  { text: '["\x7f\u2028"]', want: ['\x7f\u2028'], why: 'DEL and U+2028 are plain characters' },
  { text: '["\\ud83d\\ude00"]', want: ['\u{1F600}'], why: 'escaped surrogate pair is one rune' },
  { text: '["\\ud800"]', want: ['\uFFFD'], why: 'lone escaped high surrogate' },
  { text: '["\\udc00\\udc00"]', want: ['\uFFFD\uFFFD'], why: 'two escaped lows are no pair' },
  { text: '["\\udc00\\ud800"]', want: ['\uFFFD\uFFFD'], why: 'escaped low then high is no pair' },
  { text: '["\\ud800\\ud83d\\ude00"]', want: ['\uFFFD\u{1F600}'], why: 'a high after a high starts a fresh pair' },
  { text: '["\\\\ud800"]', want: ['\\ud800'], why: 'an escaped backslash, then plain text' },
  { text: '["\\ud83d\ude00"]', want: ['\uFFFD\uFFFD'], why: 'escaped high then raw low: two errors, not a pair' },
  { text: '["\ud83d\\ude00"]', want: ['\uFFFD\uFFFD'], why: 'raw high then escaped low: two errors, not a pair' },
  { text: '["\ud83d\ude00\ud83d"]', want: ['\u{1F600}\uFFFD'], why: 'raw pair kept, raw lone high → U+FFFD' },
  { text: '[1]', want: 'not-strings', why: 'number element' },
  { text: '["a", {"k": [true, null, -0.5E-3]}]', want: 'not-strings', why: 'nested non-strings' },
  { text: '[01]', want: 'invalid', why: 'leading zero' },
  { text: '[1.]', want: 'invalid', why: 'no digit after the point' },
  { text: '[-]', want: 'invalid', why: 'lone minus' },
  { text: '[+1]', want: 'invalid', why: 'plus sign' },
  { text: '[1e400]', want: 'invalid', why: 'overflows float64: ParseFloat ErrRange, a decode error' },
  { text: '["a", [-1e400]]', want: 'invalid', why: 'negative overflow, nested' },
  { text: '[{"a": 1e400, "a": 1}]', want: 'invalid', why: 'overwritten map entry: the error was already saved' },
  { text: '[1e400] x', mode: 'ignore', want: 'invalid', why: 'Decoder.Decode returns the same error' },
  { text: `[${HALFWAY}]`, want: 'invalid', why: 'halfway to 2^1024 rounds up to +Inf' },
  { text: `[${BELOW_HALFWAY}]`, want: 'not-strings', why: 'just below halfway is MaxFloat64' },
  { text: '[1.7976931348623157e308, 1e-400, 0e99999999999]', want: 'not-strings', why: 'MaxFloat64, underflow to 0 and zero mantissa are not errors' },
  { text: '["1e400", {"1e400": "x"}]', want: 'not-strings', why: 'number-like text inside strings is not a number' },
  { text: '[1e400] x', mode: 'reject', want: 'invalid', why: 'trailing text and overflow: invalid either way' },
  { text: '["a"] && echo', mode: 'reject', want: 'invalid', why: 'Unmarshal rejects text after the value' },
  { text: '["a"] && echo', mode: 'ignore', want: ['a'], why: 'Decoder.Decode stops after the value' },
  { text: '["a"]] [', mode: 'ignore', want: ['a'], why: 'even when the rest is not JSON' },
  { text: '["a" ', mode: 'ignore', want: 'invalid', why: 'unterminated array' },
  { text: '["a\\"]"] x', mode: 'ignore', want: ['a"]'], why: 'brackets inside strings do not end the array' },
  { text: '["a",]', want: 'invalid', why: 'trailing comma' },
  { text: '[{"a" 1}]', want: 'invalid', why: 'missing colon' },
  { text: '[{1: 1}]', want: 'invalid', why: 'non-string key' },
  { text: '[}', want: 'invalid', why: 'mismatched close' },
  { text: `${'['.repeat(10000)}${']'.repeat(10000)}`, want: 'not-strings', why: 'depth 10000 is allowed' },
  { text: `${'['.repeat(10001)}${']'.repeat(10001)}`, want: 'invalid', why: 'depth 10001 exceeds maxNestingDepth' },
  { text: `[${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}]`, want: 'invalid', why: 'objects count toward the depth' },
  { text: `${'['.repeat(10001)}${']'.repeat(10001)}`, mode: 'ignore', want: 'invalid', why: 'the depth limit applies to Decoder too' },
];

describe('decodeStringArray (Go encoding/json into []any)', () => {
  const rows = ROWS.flatMap((row) => (row.mode ? [{ ...row, mode: row.mode }] : (['reject', 'ignore'] as const).map((mode) => ({ ...row, mode }))));
  it.for(rows)('$mode $why', ({ text, mode, want }) => {
    expect(summary(decodeStringArray(text, mode))).toEqual(want);
  });
  it.for(rows)('scanner oracle: $mode $why', ({ text, mode, want }) => {
    expect(summary(scannerDecode(text, 0, mode))).toEqual(want);
  });

  it('end is after the array with ignore, the text length with reject', () => {
    expect(decodeStringArray('["]"] ["x"]', 'ignore')).toMatchObject({ kind: 'strings', end: 5 });
    expect(decodeStringArray('["]"]  ', 'reject')).toMatchObject({ kind: 'strings', end: 7 });
  });
});

// Pieces heavy in what Go and JSON.parse might disagree on; each list has a valid and a broken half.
const STRING_PIECES = [
  'a',
  ' ',
  '$',
  'é',
  '\u2028',
  '\x7f',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '\uFFFD',
  '\uFEFF',
  '\\"',
  '\\\\',
  '\\/',
  '\\b',
  '\\n',
  '\\t',
  '\\u0041',
  '\\u00e9',
  '\\\\ud800',
  '\\\\',
  '\\ud83d',
  '\\uD83D',
  '\\ude00',
  '\\uDE00',
  '\\udc00',
  '\\uDCff',
  '\\udbff',
  '\\udfff',
  '\\ud7ff',
  '\\ue000',
  '\\ud83d\\ude00',
  '\ud83d',
  '\ude00',
  '\ud83d\ude00',
  '\udbff\udfff',
];
const BROKEN_STRING_PIECES = ['\x00', '\x1f', '\t', '\n', '\\', '"', "\\'", '\\x41', '\\U0041', '\\u12', '\\uD83', '\\ud83g'];
const NUMBERS = [
  '0',
  '-0',
  '1',
  '-1.5e+3',
  '1e308',
  '1e309',
  '1e400',
  '-1e400',
  '1E+400',
  '2e308',
  '1e-400',
  '0e99999999999',
  '1.7976931348623157e308',
  '1.7976931348623159e308',
  HALFWAY,
  BELOW_HALFWAY,
  '9'.repeat(400),
  `0.${'0'.repeat(400)}1e400`,
];
const BROKEN_NUMBERS = ['01', '1.', '.5', '+1', '-', '1e', '1e+', '0x10', 'NaN', 'Infinity', '1_0'];
const WHITESPACE = ['', '', '', '', ' ', '\t', '\n', '\r', '\r\n  '];
const BROKEN_WHITESPACE = ['\v', '\f', '\u00a0', '\u2028', '\uFEFF'];
const TRAILING = ['', '', ' ', '\n', ' && echo', 'x', ']', '"', ' ["b"]', ' 1e400', ' {'];

const ws = fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...WHITESPACE) }, { weight: 1, arbitrary: fc.constantFrom(...BROKEN_WHITESPACE) });
const stringArb = fc
  .array(
    fc.oneof(
      { weight: 30, arbitrary: fc.constantFrom(...STRING_PIECES) },
      { weight: 1, arbitrary: fc.constantFrom(...BROKEN_STRING_PIECES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
    ),
    { maxLength: 6 },
  )
  .map((parts) => `"${parts.join('')}"`);
const cleanStringArb = fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => JSON.stringify(s));
const scalarArb = fc.oneof(
  { weight: 4, arbitrary: stringArb },
  { weight: 2, arbitrary: cleanStringArb },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom('true', 'false', 'null') },
  { weight: 1, arbitrary: fc.constantFrom(...BROKEN_NUMBERS, 'tru', 'True', 'nul') },
);
const { value: valueArb } = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: scalarArb },
    {
      weight: 1,
      arbitrary: fc.tuple(ws, fc.array(fc.tuple(tie('value'), ws), { maxLength: 3 })).map(([w, items]) => `[${w}${items.map(([v, w2]) => `${v}${w2}`).join(',')}]`),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(fc.constantFrom('"a"', '"b"', '"1e400"'), stringArb), ws, tie('value')), { maxLength: 3 })
        .map((entries) => `{${entries.map(([k, w, v]) => `${k}${w}:${v}`).join(',')}}`),
    },
  ),
}));
/** An array, mostly of strings, with whitespace variants, then a mutation. */
const arrayTextArb = fc
  .tuple(
    fc.array(fc.tuple(ws, fc.oneof({ weight: 3, arbitrary: cleanStringArb }, { weight: 3, arbitrary: stringArb }, { weight: 1, arbitrary: valueArb }), ws), { maxLength: 5 }),
    ws,
    fc.constantFrom(...TRAILING),
    fc.oneof(
      { weight: 6, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constantFrom('truncate', 'insert', 'delete'),
          fc.nat(),
          fc.oneof(fc.constantFrom(...STRING_PIECES, ...BROKEN_STRING_PIECES, ...NUMBERS, ...BROKEN_NUMBERS, ...BROKEN_WHITESPACE), fc.string({ maxLength: 2 })),
        ),
      },
    ),
  )
  .map(([items, w, trailing, mutation]) => {
    let text = `[${w}${items.map(([a, v, b]) => `${a}${v}${b}`).join(',')}]${trailing}`;
    if (mutation) {
      const [how, at, piece] = mutation;
      const i = 1 + (at % text.length);
      text = how === 'truncate' ? text.slice(0, i) : how === 'insert' ? text.slice(0, i) + piece + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
    }
    return text;
  });

function expectSameAsOracle(text: string, mode: Mode): void {
  const got = decodeStringArray(text, mode);
  expect(summary(got)).toEqual(summary(scannerDecode(text, 0, mode)));
  // The shipped decoder's end: the array alone decodes the same, strictly.
  if (got.kind === 'strings') expect(summary(scannerDecode(text.slice(0, got.end), 0, 'reject'))).toEqual(got.values);
}

describe('differential: the shipped JSON.parse-based decoder vs the scanner oracle', () => {
  // Cheap per run, and the inputs where the decoders could part (broken escapes, lone surrogates, number
  // edges) are rare: 20× the usual runs (2,000 locally, 20,000 in CI).
  test.prop([arrayTextArb, fc.constantFrom<Mode>('reject', 'ignore')], { numRuns: scaledRuns(20) })('same result on JSON-ish text', (text, mode) => {
    expectSameAsOracle(text, mode);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom<Mode>('reject', 'ignore')], { numRuns: scaledRuns(5) })(
    'same result on any text after [',
    (rest, mode) => {
      expectSameAsOracle(`[${rest}`, mode);
    },
  );

  test.prop(
    [fc.integer({ min: 9_995, max: 10_005 }), fc.integer({ min: 9_995, max: 10_005 }), valueArb, fc.constantFrom('[', '{"k":'), fc.constantFrom<Mode>('reject', 'ignore')],
    // Pinned at 60: each run decodes a 10,000-deep array twice (the knob would make CI pay 1000 of them).
    { numRuns: 60 },
  )('same result near the depth limit', (open, close, inner, opener, mode) => {
    const closer = opener === '[' ? ']' : '}';
    expectSameAsOracle(`[${opener.repeat(open - 1)}${inner}${closer.repeat(close - 1)}]`, mode);
  });
});
