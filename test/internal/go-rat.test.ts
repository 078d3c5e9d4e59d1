import { describe, expect, test } from 'vitest';
import { goRatScaledInt64, parseGoRat, type GoRat } from '../../src/internal/go-rat.js';

/** Go's `Rat.RatString()` of a parsed value: `n` for integers, else `n/d` in lowest terms. */
function ratString(r: GoRat): string {
  let num = r.mantissa;
  let den = r.denominator;
  if (r.exp2 >= 0) num <<= BigInt(r.exp2);
  else den <<= BigInt(-r.exp2);
  if (r.exp5 >= 0) num *= 5n ** BigInt(r.exp5);
  else den *= 5n ** BigInt(-r.exp5);
  let [a, b] = [num, den];
  while (b !== 0n) [a, b] = [b, a % b];
  const g = a === 0n ? 1n : a;
  const sign = r.negative && num !== 0n ? '-' : '';
  return den / g === 1n ? `${sign}${num / g}` : `${sign}${num / g}/${den / g}`;
}

// Source: golang/go 07ee9e64 src/math/big/ratconv_test.go: setStringTests and setStringTests2 (TestRatSetString),
// `out` is RatString() of the result, `null` where SetString reports failure.
const SET_STRING: readonly [string, string | null][] = [
  ['1e', null],
  ['1.e', null],
  ['1e+14e-5', null],
  ['1e4.5', null],
  ['r', null],
  ['a/b', null],
  ['a.b', null],
  ['1/0', null],
  ['4/3/2', null],
  ['4/3/', null],
  ['4/3.', null],
  ['4/', null],
  ['13e-9223372036854775808', null],
  ['0', '0'],
  ['-0', '0'],
  ['1', '1'],
  ['-1', '-1'],
  ['1.', '1'],
  ['1e0', '1'],
  ['1.e1', '10'],
  ['-0.1', '-1/10'],
  ['-.1', '-1/10'],
  ['2/4', '1/2'],
  ['.25', '1/4'],
  ['-1/5', '-1/5'],
  ['8129567.7690E14', '812956776900000000000'],
  ['78189e+4', '781890000'],
  ['553019.8935e+8', '55301989350000'],
  ['98765432109876543210987654321e-10', '98765432109876543210987654321/10000000000'],
  ['9877861857500000E-7', '3951144743/4'],
  ['2169378.417e-3', '2169378417/1000000'],
  ['884243222337379604041632732738665534', '884243222337379604041632732738665534'],
  ['53/70893980658822810696', '53/70893980658822810696'],
  ['106/141787961317645621392', '53/70893980658822810696'],
  ['204211327800791583.81095', '4084226556015831676219/20000'],
  ['0e9999999999', '0'],
  // setStringTests2
  ['4/3x', null],
  ['0/-1', null],
  ['-1/-1', null],
  ['10_/1', null],
  ['_10/1', null],
  ['1/1__0', null],
  ['0b1000/3', '8/3'],
  ['0B1000/0x8', '1'],
  ['-010/1', '-8'],
  ['-010.0', '-10'],
  ['-0o10/1', '-8'],
  ['0x10/1', '16'],
  ['0x10/0x20', '1/2'],
  ['0010', '10'],
  ['0x10.0', '16'],
  ['0x1.8', '3/2'],
  ['0X1.8p4', '24'],
  ['0x1.1E2', '2289/2048'],
  ['0b1.1E2', '150'],
  ['0B1.1P3', '12'],
  ['0o10e-2', '2/25'],
  ['0O10p-3', '1'],
  ['0b_1000/3', '8/3'],
  ['0B_10_00/0x8', '1'],
  ['0xdead/0B1101_1110_1010_1101', '1'],
  ['0B1101_1110_1010_1101/0XD_E_A_D', '1'],
  ['1_000.0', '1000'],
  ['0x_10.0', '16'],
  ['0x1_0.0', '16'],
  ['0x1.8_0', '3/2'],
  ['0X1.8p0_4', '24'],
  ['0b1.1_0E2', '150'],
  ['0o1_0e-2', '2/25'],
  ['0O_10p-3', '1'],
  // Not in Go's tables: the empty string fails (SetString on "" reports failure).
  ['', null],
];

describe('parseGoRat (Rat.SetString)', () => {
  test.for(SET_STRING)('%j → %j', ([input, out]) => {
    const r = parseGoRat(input);
    expect(r === undefined ? null : ratString(r)).toBe(out);
  });
});

// Source: the same file, TestIssue45910: exponents beyond ±1e6 (decimal) or ±1e7 (binary) are refused.
describe('parseGoRat: excessively large exponents (TestIssue45910)', () => {
  test.for([
    ['1e-1000001', false],
    ['1e-1000000', true],
    ['1e+1000000', true],
    ['1e+1000001', false],
    ['0p1000000000000', true],
    ['1p-10000001', false],
    ['1p-10000000', true],
    ['1p+10000000', true],
    ['1p+10000001', false],
    ['1.770p02041010010011001001', false],
  ] as const)('%s ok = %s', ([input, ok]) => {
    expect(parseGoRat(input) !== undefined).toBe(ok);
  });
});

// Source: docker 20.10.24 CLI, `docker create --cpus V` then `docker inspect -f '{{.HostConfig.NanoCpus}}'`
// (test/run/command-line.test.ts CPUS, 2026-11-28): opts.ParseCPUs is Rat × 1e9, which must be an
// integer, sent as (*big.Int).Int64() — the low 64 bits when it is outside int64.
describe('goRatScaledInt64 (× 10^9, as docker --cpus)', () => {
  test.for([
    ['1.5', '1500000000', false],
    ['3/2', '1500000000', false],
    ['0x1.8p0', '1500000000', false],
    ['0.000000001', '1', false],
    ['-9223372036.854775808', '-9223372036854775808', false],
    ['9223372036.854775807', '9223372036854775807', false],
    ['9223372036.854775808', '-9223372036854775808', true],
    ['1e10', '-8446744073709551616', true],
    ['18446744074.709551616', '1000000000', true],
    ['1e400', '0', true],
    ['0e99999999999', '0', false],
    ['0.0000000001', 'not an integer', false],
    ['1/3', 'not an integer', false],
  ] as const)('%s → %s (outside int64: %s)', ([input, int64, overflow]) => {
    const r = goRatScaledInt64(parseGoRat(input) as GoRat, 9);
    expect(r === undefined ? 'not an integer' : String(r.int64)).toBe(int64);
    if (r !== undefined) expect(r.overflow).toBe(overflow);
  });

  test('scale 0 is the integer itself', () => {
    expect(goRatScaledInt64(parseGoRat('-42') as GoRat, 0)).toEqual({ int64: -42n, overflow: false });
    expect(goRatScaledInt64(parseGoRat('1/2') as GoRat, 0)).toBeUndefined();
  });
});
