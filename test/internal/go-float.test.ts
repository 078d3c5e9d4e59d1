import { describe, expect, test } from 'vitest';
import { parseGoFloat64 } from '../../src/internal/go-float.js';

// Source: Go strconv/atof.go semantics. atofHex rounds m × 2^e to the nearest float64, ties to
// even, subnormals included (IEEE-754 binary64: 1 + 2^-52 is the next double after 1, 2^-1074 =
// 5e-324 the smallest subnormal). readFloat stops growing a decimal exponent once it reaches
// 10000 (`if e < 10000`), so the digits after that are dropped: `e100000` moves the point by 10000.
const ROUNDING: { name: string; text: string; value: number }[] = [
  { name: '1 + 2^-53: a tie, kept even', text: '0x1.00000000000008p0', value: 1 },
  { name: '1 + 3 × 2^-53: a tie, rounded to even', text: '0x1.00000000000018p0', value: 1 + 2 ** -51 },
  { name: 'just above a tie', text: '0x1.00000000000008000001p0', value: 1 + 2 ** -52 },
  { name: '2^-1075: a tie with zero', text: '0x1p-1075', value: 0 },
  { name: 'just above 2^-1075', text: '0x1.0000000000001p-1075', value: 5e-324 },
  { name: '1.5 × 2^-1074: a tie, rounded to even', text: '0x1.8p-1074', value: 1e-323 },
  { name: '2^1024 - 2^970: a tie, rounded up past the largest double', text: '0x1.fffffffffffff8p1023', value: Number.POSITIVE_INFINITY },
  { name: 'exponent 10005: five digits, kept', text: `0.${'0'.repeat(10000)}1e10005`, value: 10000 },
  { name: 'exponent 100000 counts as 10000', text: `0.${'0'.repeat(99999)}1e100000`, value: 0 },
  { name: 'exponent -100000 counts as -10000', text: `1${'0'.repeat(99999)}e-100000`, value: Number.POSITIVE_INFINITY },
  { name: 'hex: p100000 counts as p10000', text: `0x0.${'0'.repeat(25000)}1p100000`, value: 0 },
];

describe('parseGoFloat64 rounding and exponent cap', () => {
  test.for(ROUNDING)('$name', ({ text, value }) => {
    const r = parseGoFloat64(text);
    if (value === Number.POSITIVE_INFINITY) expect(r).toEqual({ error: 'range' });
    else expect(r).toEqual({ value });
  });
});
