/**
 * The number syntax of Go's `math/big` `Rat.SetString` (what docker's `--cpus` goes through), with
 * the value kept as `mantissa × 2^exp2 × 5^exp5` so that huge exponents never build huge numbers.
 * Learned from the Go documentation of `Rat.SetString` and checked against the docker 20.10 CLI.
 */

/** A parsed rational: `sign × (mantissa / denominator) × 2^exp2 × 5^exp5`. */
export interface GoRat {
  readonly negative: boolean;
  readonly mantissa: bigint;
  readonly denominator: bigint;
  readonly exp2: number;
  readonly exp5: number;
}

interface Scan {
  /** The digits read, without separators or radix point. */
  digits: string;
  base: number;
  /** Digits read (0 = none); with a radix point, minus the number of fraction digits. */
  count: number;
  fraction: number;
  ok: boolean;
  end: number;
}

function digitValue(c: string): number {
  const k = c.charCodeAt(0);
  if (k >= 48 && k <= 57) return k - 48;
  if (k >= 97 && k <= 122) return k - 87;
  if (k >= 65 && k <= 90) return k - 55;
  return 99;
}

/** `nat.scan` with base 0: prefixes 0b/0o/0x (and a bare 0 = octal unless a fraction is allowed), `_` separators. */
function scanNat(s: string, from: number, fracOk: boolean): Scan {
  let i = from;
  let base = 10;
  let count = 0;
  let prev = '.';
  let badSep = false;
  let octalZero = false;
  if (s[i] === '0') {
    prev = '0';
    count = 1;
    i++;
    const p = s[i]?.toLowerCase();
    if (p === 'b' || p === 'o' || p === 'x') {
      base = p === 'b' ? 2 : p === 'o' ? 8 : 16;
      count = 0;
      i++;
    } else if (p !== undefined && !fracOk) {
      base = 8;
      count = 0;
      octalZero = true;
    }
  }
  let digits = '';
  let point = -1;
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '.' && fracOk && point < 0) {
      if (prev === '_') badSep = true;
      point = count;
      prev = '.';
    } else if (c === '_') {
      if (prev !== '0') badSep = true;
      prev = '_';
    } else {
      const d = digitValue(c);
      if (d >= base) break;
      prev = '0';
      count++;
      digits += c;
    }
  }
  const sepOk = !badSep && prev !== '_';
  if (count === 0) {
    if (octalZero) return { digits: '0', base: 10, count: 1, fraction: 0, ok: sepOk, end: i };
    return { digits, base, count, fraction: 0, ok: false, end: i };
  }
  return { digits, base, count, fraction: point >= 0 ? count - point : 0, ok: sepOk, end: i };
}

/** The digits as a number (one conversion, not one multiplication per digit). */
function natValue(scan: Scan): bigint {
  const prefix = scan.base === 2 ? '0b' : scan.base === 8 ? '0o' : scan.base === 16 ? '0x' : '';
  return BigInt(prefix + scan.digits);
}

/** `scanExponent`: `e`/`E` (base 10) or `p`/`P` (base 2), optional sign, decimal digits with `_`. */
function scanExponent(s: string, from: number): { exp: bigint; base: 2 | 10; end: number } | undefined {
  const c = s[from];
  if (c === undefined) return { exp: 0n, base: 10, end: from };
  const base = c === 'e' || c === 'E' ? 10 : c === 'p' || c === 'P' ? 2 : 0;
  if (base === 0) return { exp: 0n, base: 10, end: from };
  let i = from + 1;
  let digits = '';
  if (s[i] === '+' || s[i] === '-') digits = s[i++] === '-' ? '-' : '';
  let prev = '.';
  let badSep = false;
  let any = false;
  for (; i < s.length; i++) {
    const d = s[i] as string;
    if (d >= '0' && d <= '9') {
      digits += d;
      prev = '0';
      any = true;
    } else if (d === '_') {
      if (prev !== '0') badSep = true;
      prev = '_';
    } else break;
  }
  if (!any) return undefined;
  const exp = BigInt(digits);
  if (exp > 0x7fffffffffffffffn || exp < -0x8000000000000000n) return undefined; // strconv.ParseInt range
  if (badSep || prev === '_') return undefined;
  return { exp, base, end: i };
}

/** Go's `Rat.SetString(s)`: `undefined` where it reports failure. */
export function parseGoRat(s: string): GoRat | undefined {
  if (s === '') return undefined;
  const slash = s.indexOf('/');
  if (slash >= 0) {
    let i = 0;
    let negative = false;
    if (s[0] === '+' || s[0] === '-') {
      negative = s[0] === '-';
      i = 1;
    }
    if (i >= slash) return undefined;
    const num = scanNat(s.slice(0, slash), i, false);
    if (!num.ok || num.end !== slash) return undefined;
    const den = scanNat(s, slash + 1, false);
    if (!den.ok || den.end !== s.length) return undefined;
    const denominator = natValue(den);
    if (denominator === 0n) return undefined;
    const mantissa = natValue(num);
    return { negative: negative && mantissa !== 0n, mantissa, denominator, exp2: 0, exp5: 0 };
  }
  let i = 0;
  let negative = false;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    i = 1;
  }
  const m = scanNat(s, i, true);
  if (!m.ok) return undefined;
  const e = scanExponent(s, m.end);
  if (e === undefined || e.end !== s.length) return undefined;
  if (!/[^0]/.test(m.digits)) return { negative: false, mantissa: 0n, denominator: 1n, exp2: 0, exp5: 0 };
  const d = BigInt(-m.fraction);
  let exp2 = 0n;
  let exp5 = 0n;
  if (d < 0n) {
    if (m.base === 10) exp5 = d;
    exp2 = m.base === 10 || m.base === 2 ? d : m.base === 8 ? d * 3n : d * 4n;
  }
  if (e.base === 10) exp5 += e.exp;
  exp2 += e.exp;
  // Go refuses "excessively large exponents" rather than building the number.
  if (exp5 > 1_000_000n || exp5 < -1_000_000n) return undefined;
  if (exp2 > 10_000_000n || exp2 < -10_000_000n) return undefined;
  return { negative, mantissa: natValue(m), denominator: 1n, exp2: Number(exp2), exp5: Number(exp5) };
}

function powMod(b: bigint, e: number, mod: bigint): bigint {
  let result = 1n;
  let x = b % mod;
  let k = e;
  while (k > 0) {
    if (k & 1) result = (result * x) % mod;
    x = (x * x) % mod;
    k = Math.floor(k / 2);
  }
  return result;
}

/**
 * `r × 10^scale` as Go's `(*big.Int).Int64()` of it when that is an integer (low 64 bits, two's
 * complement), else `undefined`; `overflow` says the integer itself is outside int64.
 */
export function goRatScaledInt64(r: GoRat, scale: number): { int64: bigint; overflow: boolean } | undefined {
  if (r.mantissa === 0n) return { int64: 0n, overflow: false };
  const g = gcd(r.mantissa, r.denominator);
  let num = r.mantissa / g;
  let den = r.denominator / g;
  let e2 = r.exp2 + scale;
  let e5 = r.exp5 + scale;
  // A reduced fraction is whole only if the positive powers of 2 and 5 cancel its denominator.
  const d2 = trailingZeroBits(den);
  if (d2 > 0) {
    if (e2 < d2) return undefined;
    den >>= BigInt(d2);
    e2 -= d2;
  }
  while (e5 > 0 && den % 5n === 0n) {
    den /= 5n;
    e5--;
  }
  if (den !== 1n) return undefined;
  // Negative powers must divide the numerator.
  if (e2 < 0) {
    if (trailingZeroBits(num) < -e2) return undefined;
    num >>= BigInt(-e2);
    e2 = 0;
  }
  if (e5 < 0) {
    // 5^k > num (k·log2 5 > bit length) cannot divide it.
    if (-e5 * 2.32 > num.toString(16).length * 4) return undefined;
    const p = 5n ** BigInt(-e5);
    if (num % p !== 0n) return undefined;
    num /= p;
    e5 = 0;
  }
  const MOD = 1n << 64n;
  let low = num % MOD;
  if (e2 > 0) low = e2 >= 64 ? 0n : (low << BigInt(e2)) % MOD;
  if (e5 > 0) low = (low * powMod(5n, e5, MOD)) % MOD;
  const v = BigInt.asIntN(64, low);
  // num ≥ 1, so 2^64 or 5^28 alone already leaves int64; below that the product is small enough to build.
  const whole = e2 >= 64 || e5 >= 28 ? undefined : (num << BigInt(e2)) * 5n ** BigInt(e5);
  const overflow = whole === undefined || whole > (r.negative ? 1n << 63n : (1n << 63n) - 1n);
  return { int64: r.negative ? BigInt.asIntN(64, -v) : v, overflow };
}

function trailingZeroBits(n: bigint): number {
  if (n === 0n) return 0;
  return (n & -n).toString(2).length - 1;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
