/**
 * `.gitignore` patterns as git reads them (gitignore(5); git's dir.c and wildmatch.c): comments,
 * `!` negation, a trailing `/` for directories only, a slash elsewhere anchoring the pattern to the
 * file's directory, `*` `?` `[...]` within one path segment, and `**` across segments. The last
 * matching pattern wins, and patterns of deeper files come later. Matching is a single pass per
 * segment (no regular expressions, no recursion), case-sensitive as git is by default on Linux.
 */

/** One pattern of a `.gitignore` file. */
export interface GitignoreRule {
  /** The directory the file is in, relative to the walk's base (`''` for the base itself, else `a/b`). */
  readonly base: string;
  /** `!pattern`: re-includes what an earlier pattern excluded. */
  readonly negate: boolean;
  /** `pattern/`: matches directories only. */
  readonly dirOnly: boolean;
  /** A slash before the end: matched against the path from `base`; otherwise against the name alone, at any depth. */
  readonly anchored: boolean;
  /** The pattern's `/`-separated segments, each tokenized. */
  readonly segments: readonly Segment[];
}

type Token =
  { readonly kind: 'char'; readonly ch: string } | { readonly kind: 'any' } | { readonly kind: 'star' } | { readonly kind: 'class'; readonly test: (ch: string) => boolean };
/** `**` (any number of segments) or a segment's tokens; `null` tokens: a malformed `[` class, which matches nothing (wildmatch aborts). */
type Segment = { readonly kind: 'globstar' } | { readonly kind: 'tokens'; readonly tokens: readonly Token[] | null };

/** Parses a `.gitignore` text found in directory `base` (relative to the walk's base, `''` for the base). */
export function parseGitignore(text: string, base: string): GitignoreRule[] {
  const rules: GitignoreRule[] = [];
  for (const line of text.split('\n')) {
    const rule = parseLine(line, base);
    if (rule !== null) rules.push(rule);
  }
  return rules;
}

function parseLine(line: string, base: string): GitignoreRule | null {
  if (line === '' || line.startsWith('#')) return null;
  let p = trimTrailingSpaces(line);
  let negate = false;
  if (p.startsWith('!')) {
    negate = true;
    p = p.slice(1);
  }
  let dirOnly = false;
  if (p.endsWith('/')) {
    dirOnly = true;
    p = p.slice(0, -1);
  }
  if (p === '') return null;
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  return { base, negate, dirOnly, anchored, segments: segmentsOf(p) };
}

function segmentsOf(pattern: string): Segment[] {
  return pattern.split('/').map((s): Segment => (s === '**' ? { kind: 'globstar' } : { kind: 'tokens', tokens: tokenize(s) }));
}

/** git's wildmatch with WM_PATHNAME (how .gitignore patterns match): `*`, `?` and `[...]` never match `/`, `**` spans segments. */
export function wildmatch(pattern: string, path: string): boolean {
  return matchSegments(segmentsOf(pattern), path.split('/'));
}

/** Trailing spaces are dropped unless escaped with a backslash (git's trim_trailing_spaces). */
function trimTrailingSpaces(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ' ') {
    let backslashes = 0;
    while (end - 2 - backslashes >= 0 && s[end - 2 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1) break;
    end--;
  }
  return s.slice(0, end);
}

/** A segment's tokens; `**` inside a segment (`a**b`) is a plain `*` (gitignore(5): "other consecutive asterisks"). */
function tokenize(s: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\') {
      // A trailing lone backslash matches nothing (wildmatch: the pattern is invalid).
      if (i + 1 >= s.length) return null;
      out.push({ kind: 'char', ch: s[i + 1]! });
      i += 2;
    } else if (c === '*') {
      if (out.at(-1)?.kind !== 'star') out.push({ kind: 'star' });
      i++;
    } else if (c === '?') {
      out.push({ kind: 'any' });
      i++;
    } else if (c === '[') {
      const cls = parseClass(s, i);
      if (cls === null) return null;
      out.push({ kind: 'class', test: cls.test });
      i = cls.end;
    } else {
      out.push({ kind: 'char', ch: c });
      i++;
    }
  }
  return out;
}

const POSIX_CLASSES: Readonly<Record<string, (c: string) => boolean>> = {
  alnum: (c) => /^[A-Za-z0-9]$/.test(c),
  alpha: (c) => /^[A-Za-z]$/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  cntrl: (c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127,
  digit: (c) => /^[0-9]$/.test(c),
  graph: (c) => c.charCodeAt(0) > 32 && c.charCodeAt(0) < 127,
  lower: (c) => /^[a-z]$/.test(c),
  print: (c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) < 127,
  punct: (c) => c.length === 1 && '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'.includes(c),
  space: (c) => /^[ \t\n\v\f\r]$/.test(c),
  upper: (c) => /^[A-Z]$/.test(c),
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
};

/** `[...]` from `s[start]`: `!` or `^` negates, `]` first is literal, `a-z` ranges, `[:alpha:]`, backslash escapes. */
function parseClass(s: string, start: number): { test: (ch: string) => boolean; end: number } | null {
  let i = start + 1;
  let negate = false;
  if (s[i] === '!' || s[i] === '^') {
    negate = true;
    i++;
  }
  const tests: ((c: string) => boolean)[] = [];
  let first = true;
  while (i < s.length && (s[i] !== ']' || first)) {
    first = false;
    if (s[i] === '[' && s[i + 1] === ':') {
      // wildmatch: up to the next `]`; without `:` before it, the `[` is a plain member.
      const close = s.indexOf(']', i + 2);
      if (close < 0) return null;
      if (close - 1 >= i + 2 && s[close - 1] === ':') {
        const name = s.slice(i + 2, close - 1);
        const named = Object.hasOwn(POSIX_CLASSES, name) ? POSIX_CLASSES[name] : undefined;
        // An unknown or empty class name makes the whole pattern invalid (wildmatch aborts).
        if (named === undefined) return null;
        tests.push(named);
        i = close + 1;
        continue;
      }
    }
    let lo = s[i]!;
    if (lo === '\\') {
      if (i + 1 >= s.length) return null;
      lo = s[++i]!;
    }
    i++;
    if (s[i] === '-' && i + 1 < s.length && s[i + 1] !== ']') {
      let hi = s[i + 1]!;
      i += 2;
      if (hi === '\\') {
        if (i >= s.length) return null;
        hi = s[i++]!;
      }
      const from = lo;
      tests.push((c) => c >= from && c <= hi);
    } else {
      const only = lo;
      tests.push((c) => c === only);
    }
  }
  if (i >= s.length) return null;
  return { test: (c) => c !== '/' && tests.some((t) => t(c)) !== negate, end: i + 1 };
}

/** One path segment against a segment's tokens: greedy `*` with one backtrack point (linear in practice, O(n·m) at worst). */
function matchSegment(tokens: readonly Token[], text: string): boolean {
  const chars = [...text];
  let t = 0;
  let c = 0;
  let starT = -1;
  let starC = 0;
  while (c < chars.length) {
    const tok = tokens[t];
    if (tok !== undefined && tok.kind === 'star') {
      starT = t++;
      starC = c;
    } else if (tok !== undefined && oneChar(tok, chars[c]!)) {
      t++;
      c++;
    } else if (starT >= 0) {
      t = starT + 1;
      c = ++starC;
    } else return false;
  }
  while (tokens[t]?.kind === 'star') t++;
  return t === tokens.length;
}

function oneChar(tok: Token, ch: string): boolean {
  if (tok.kind === 'char') return tok.ch === ch;
  if (tok.kind === 'any') return true;
  if (tok.kind === 'class') return tok.test(ch);
  return false;
}

/**
 * Segments against path parts: `**` matches zero or more parts, except last, where it matches one
 * or more ("abc/**" matches everything inside abc, not abc). A table over (segment, part) positions.
 */
function matchSegments(segments: readonly Segment[], parts: readonly string[]): boolean {
  // ok[j]: segments[0, i) match parts[0, j).
  let ok = parts.map((_, j) => j === 0);
  ok.push(parts.length === 0);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const next = Array.from({ length: parts.length + 1 }, () => false);
    if (seg.kind === 'globstar') {
      const last = i === segments.length - 1;
      let reach = false;
      for (let j = 0; j <= parts.length; j++) {
        if (!last && ok[j]) reach = true;
        next[j] = reach;
        if (last && ok[j]) reach = true;
      }
    } else if (seg.tokens !== null) {
      for (let j = 1; j <= parts.length; j++) next[j] = ok[j - 1]! && matchSegment(seg.tokens, parts[j - 1]!);
    }
    ok = next;
  }
  return ok[parts.length]!;
}

/** Whether `rule` matches `path` (relative to the walk's base, `/`-separated; a directory when `isDir`). */
export function ruleMatches(rule: GitignoreRule, path: string, isDir: boolean): boolean {
  if (rule.dirOnly && !isDir) return false;
  let rel = path;
  if (rule.base !== '') {
    if (!path.startsWith(`${rule.base}/`)) return false;
    rel = path.slice(rule.base.length + 1);
  }
  const parts = rel.split('/');
  if (!rule.anchored) return matchSegments(rule.segments, [parts.at(-1)!]);
  return matchSegments(rule.segments, parts);
}

/** Whether `path` is ignored: the last rule that matches decides (`!` re-includes). */
export function isIgnored(rules: readonly GitignoreRule[], path: string, isDir: boolean): boolean {
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (ruleMatches(rule, path, isDir)) return !rule.negate;
  }
  return false;
}
