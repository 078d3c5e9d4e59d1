import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

// Linear time (issue #7, CONTRIBUTING "Parsers are single linear passes"): a static audit of every
// regular expression literal in src/ (outside the CLI): no quantified group whose body is itself
// quantified unless the row below explains why it cannot backtrack. Timing the parsers on adversarial
// inputs is the benchmark's job (bench/adversarial.mjs, bench/scaling.mjs): no wall clock in unit tests.

const SRC = new URL('../../src/', import.meta.url);
function sources(dir: URL, prefix = ''): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'cli' ? [] : sources(new URL(`${e.name}/`, dir), `${prefix}${e.name}/`);
    return e.name.endsWith('.ts') ? [{ file: `${prefix}${e.name}`, text: readFileSync(new URL(e.name, dir), 'utf8') }] : [];
  });
}

/** Regex literals in code (not in comments or strings, roughly: after `=`, `(`, `,`, `:`, `!`, `&`, `|`, `?`, `return`). */
function regexLiterals(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const code = line.trimStart();
    if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) continue;
    const re = /(?:^|[=(,:!&|?]|return)\s*\/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\[\n])+)\/[dgimsuy]*/g;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push(m[1] as string);
  }
  return out;
}

/** A group quantified by + * or {n,} whose body contains + * or {n,}: the shape of catastrophic backtracking. */
function nestedQuantifier(source: string): boolean {
  const stack: number[] = [];
  const quantifiedInside: boolean[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') {
      stack.push(i);
      quantifiedInside.push(false);
    } else if (c === ')') {
      stack.pop();
      const inner = quantifiedInside.pop() ?? false;
      const q = source[i + 1];
      const unbounded = q === '+' || q === '*' || (q === '{' && /^\{\d+,\}/.test(source.slice(i + 1)));
      if (inner && unbounded) return true;
      if (inner && quantifiedInside.length > 0) quantifiedInside[quantifiedInside.length - 1] = true;
    } else if ((c === '+' || c === '*' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)))) && quantifiedInside.length > 0) {
      quantifiedInside[quantifiedInside.length - 1] = true;
    }
  }
  return false;
}

// Nested quantifiers that cannot backtrack: each repetition starts with a character the
// previous one cannot end with (disjoint classes), so there is one way to match.
const REVIEWED: Record<string, string> = {
  '^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$': 'separator class [._-] is disjoint from [a-z0-9]',
  '^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$': 'separator class [-_+.] is disjoint from the component classes',
};

describe('static audit of regular expressions in src/', () => {
  const all = sources(SRC).flatMap(({ file, text }) => regexLiterals(text).map((source) => ({ file, source })));

  test('the audit sees the regexes and its detectors fire (sanity)', () => {
    expect(all.length).toBeGreaterThan(15);
    expect(nestedQuantifier('^(a+)+$')).toBe(true);
    expect(nestedQuantifier('^(?:x(?:[a-z]*,)*)$')).toBe(true);
    expect(nestedQuantifier('^(\\d*)(?:\\.(\\d*))?$')).toBe(false);
    expect(Object.keys(REVIEWED).every((r) => nestedQuantifier(r))).toBe(true);
    expect(/\.[+*]\??\)?\\s\*\$/.test('^([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$')).toBe(true);
  });

  test('no nested unbounded quantifier unless reviewed', () => {
    const risky = all.filter(({ source }) => nestedQuantifier(source) && !Object.hasOwn(REVIEWED, source));
    expect(risky).toEqual([]);
  });

  test('no lazy/greedy wildcard followed by optional blanks before $ (the old `(.+?)\\s*$` comment-check shape)', () => {
    const risky = all.filter(({ source }) => /\.[+*]\??\)?\\s\*\$/.test(source));
    expect(risky).toEqual([]);
  });
});
