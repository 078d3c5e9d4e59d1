/**
 * Go's `strconv.ParseFloat(s, 64)`, the parser behind pflag's float64 flags (podman's `--cpus`).
 * Learned from the Go source (strconv/atof.go: `special`, `readFloat`, `atofHex`; atoi.go:
 * `underscoreOK`) and checked against the podman 4.3.1 CLI.
 */
import { goQuote } from './text.js';

/** A float64 value, or the `*NumError` kind ParseFloat returns (`ErrSyntax`, `ErrRange`). */
export type GoFloat = { readonly value: number } | { readonly error: 'syntax' | 'range' };

/** `inf`/`infinity` with an optional sign, `nan` without one; any case (`special`). */
const SPECIAL_INF = /^([+-]?)inf(?:inity)?$/i;
const SPECIAL_NAN = /^nan$/i;
/** Decimal: digits and `_`, one optional `.`, optional `e` exponent whose first character after the sign is a digit. */
const DECIMAL = /^([+-]?)([\d_]*(?:\.[\d_]*)?)(?:[eE]([+-]?)(\d[\d_]*))?$/;
/** Hexadecimal: `0x`, hex digits and `_`, one optional `.`, and a required `p` exponent. */
const HEX = /^([+-]?)0[xX]([\da-fA-F_]*(?:\.[\da-fA-F_]*)?)[pP]([+-]?)(\d[\d_]*)$/;

/**
 * `underscoreOK`: each `_` sits between digits, or between a base prefix (`0x`, `0b`, `0o`) and a
 * digit; a sign may lead.
 */
function underscoreOK(text: string): boolean {
  const s = text[0] === '+' || text[0] === '-' ? text.slice(1) : text;
  let saw = '^';
  let i = 0;
  const p = s[1]?.toLowerCase();
  const hex = s[0] === '0' && p === 'x';
  if (s[0] === '0' && (p === 'b' || p === 'o' || p === 'x')) {
    i = 2;
    saw = '0';
  }
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** An exponent's digits as `readFloat` accumulates them: it stops growing once it reaches 10000. */
function goExponent(digits: string): number {
  let e = 0;
  for (const c of digits) if (c !== '_' && e < 10000) e = e * 10 + Number(c);
  return e;
}

/** `m × 2^e` rounded to the nearest float64, ties to even, subnormals included (`atofHex`). */
function scaleBinary(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const top = m.toString(2).length - 1 + e; // exponent of the leading bit
  if (top > 1024) return Infinity;
  const lsb = Math.max(top - 52, -1074); // exponent of the last kept bit
  const shift = lsb - e;
  let kept = m;
  if (shift > 0) {
    const s = BigInt(shift);
    kept = m >> s;
    const rest = m & ((1n << s) - 1n);
    const half = 1n << (s - 1n);
    if (rest > half || (rest === half && (kept & 1n) === 1n)) kept += 1n;
  } else if (shift < 0) kept = m << BigInt(-shift);
  // kept ≤ 2^53 and lsb ≥ -1074: both factors and the product are exact (or the product overflows).
  return Number(kept) * 2 ** lsb;
}

/** Go's `strconv.ParseFloat(text, 64)`. */
export function parseGoFloat64(text: string): GoFloat {
  const inf = SPECIAL_INF.exec(text);
  if (inf) return { value: inf[1] === '-' ? -Infinity : Infinity };
  if (SPECIAL_NAN.test(text)) return { value: Number.NaN };
  const hex = HEX.exec(text);
  const dec = hex ? null : DECIMAL.exec(text);
  const m = hex ?? dec;
  if (!m) return { error: 'syntax' };
  const [, sign, mantissa = '', expSign, expDigits] = m;
  if (!(hex ? /[\da-fA-F]/ : /\d/).test(mantissa)) return { error: 'syntax' };
  if (text.includes('_') && !underscoreOK(text)) return { error: 'syntax' };
  const exp = expDigits === undefined ? 0 : goExponent(expDigits) * (expSign === '-' ? -1 : 1);
  const digits = mantissa.replaceAll('_', '');
  let value: number;
  if (hex) {
    const point = digits.indexOf('.');
    const fraction = point < 0 ? 0 : digits.length - point - 1;
    const whole = digits.replace('.', '');
    value = scaleBinary(BigInt(`0x${whole}`), exp - 4 * fraction);
  } else {
    value = Number(`${digits}e${exp}`);
  }
  if (sign === '-') value = -value;
  return Number.isFinite(value) ? { value } : { error: 'range' };
}

/** The text of ParseFloat's `*NumError` (`strconv.ParseFloat: parsing "1/4": invalid syntax`), the input in Go's `%q`. */
export function goFloatErrorMessage(text: string, error: 'syntax' | 'range'): string {
  return `strconv.ParseFloat: parsing ${goQuote(text)}: ${error === 'syntax' ? 'invalid syntax' : 'value out of range'}`;
}
