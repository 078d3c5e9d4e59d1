/**
 * The part of BuildKit's shell lexer (`frontend/dockerfile/shell/lex.go`)
 * that FROM and meta ARGs need: quotes, the escape token and `$NAME`,
 * `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}`, `${NAME+word}`,
 * `${NAME:?word}`, `${NAME?word}`. Iterative; a modifier word is expanded one
 * level deep (plain `$NAME`/`${NAME}` inside it).
 */

import { isReSpace } from '../internal/text.js';

/** ARG values in scope (`undefined` value = declared without a value). */
export type ArgValues = Map<string, string | undefined>;

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * Expands `$NAME` / `${NAME}` (no modifiers) inside a modifier word; quotes group and are removed
 * (lex.go processStopOn reads the word like any other: `${A:-"x"}` is `x`; recorded with docker
 * 20.10.24, both builders, on 2026-12-02), and nothing expands inside single quotes.
 */
function expandSimple(text: string, vars: ArgValues): string {
  let out = '';
  let i = 0;
  let quote = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 39 && quote !== 34) {
      quote = quote === 39 ? 0 : 39;
      i++;
      continue;
    }
    if (c === 34 && quote !== 39) {
      quote = quote === 34 ? 0 : 34;
      i++;
      continue;
    }
    if (c !== 36 || quote === 39) {
      out += text[i++];
      continue;
    }
    if (text.charCodeAt(i + 1) === 123) {
      const close = text.indexOf('}', i + 2);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      out += vars.get(text.slice(i + 2, close)) ?? '';
      i = close + 1;
      continue;
    }
    const named = dollarName(text, i, vars);
    out += named.value;
    i = named.end;
  }
  return out;
}

/** Reads `$NAME` at `text[i] === '$'`; a `$` not followed by a name stays literal. */
function dollarName(text: string, i: number, vars: ArgValues): { value: string; end: number } {
  let j = i + 1;
  while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
  if (j === i + 1) return { value: '$', end: i + 1 };
  return { value: vars.get(text.slice(i + 1, j)) ?? '', end: j };
}

/** Reads `${…}` starting at `text[i] === '$'`, `text[i+1] === '{'`; returns the value and the index after `}`. */
function braced(text: string, i: number, vars: ArgValues): { value: string; end: number } {
  let j = i + 2;
  while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
  const name = text.slice(i + 2, j);
  // find the matching close brace (depth-counted, no recursion)
  let depth = 1;
  let k = j;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 123 && text.charCodeAt(k - 1) === 36) depth++;
    else if (c === 125) {
      depth--;
      if (depth === 0) break;
    }
  }
  const end = k < text.length ? k + 1 : text.length;
  const inner = text.slice(j, k);
  const value = vars.get(name);
  if (inner === '') return { value: value ?? '', end };
  const colon = inner.charCodeAt(0) === 58;
  const op = colon ? inner[1] : inner[0];
  const word = inner.slice(colon ? 2 : 1);
  const set = colon ? value !== undefined && value !== '' : value !== undefined;
  switch (op) {
    case '-':
      return { value: set ? (value as string) : expandSimple(word, vars), end };
    case '+':
      return { value: set ? expandSimple(word, vars) : '', end };
    default:
      // `?` (its failure when unset is not modelled), and no operator: the value.
      return { value: value ?? '', end };
  }
}

/** Expands one FROM word (quotes removed, escapes applied, variables substituted). */
export function expandFromWord(text: string, vars: ArgValues, escapeToken: string): string {
  const esc = escapeToken.charCodeAt(0);
  // Fast path (most FROM words): no quote, escape or `$`, so the word is its own expansion.
  let k = 0;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c === esc || c === 34 || c === 39 || c === 36) break;
    k++;
  }
  if (k === text.length) return text;
  let out = '';
  let i = 0;
  let quote = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (quote === 39) {
      if (c === 39) quote = 0;
      else out += text[i];
      i++;
      continue;
    }
    if (c === esc) {
      if (i + 1 >= text.length) {
        if (quote === 0) out += text[i];
        i++;
        continue;
      }
      const d = text.charCodeAt(i + 1);
      if (quote === 34 && d !== 34 && d !== 36 && d !== esc) out += text[i];
      out += text[i + 1];
      i += 2;
      continue;
    }
    if (c === 34) {
      quote = quote === 34 ? 0 : 34;
      i++;
      continue;
    }
    if (c === 39 && quote === 0) {
      quote = 39;
      i++;
      continue;
    }
    if (c === 36) {
      if (text.charCodeAt(i + 1) === 123) {
        const b = braced(text, i, vars);
        out += b.value;
        i = b.end;
        continue;
      }
      const named = dollarName(text, i, vars);
      out += named.value;
      i = named.end;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}

/**
 * Splits text into raw words at blanks outside quotes (`[\t\n\f\r ]`, and `\v` when `verticalTab`): single and double quotes
 * group, `escape` (a character code) escapes the next character outside quotes and inside double
 * quotes. Quotes and escapes are kept in the words.
 */
export function splitQuotedWords(text: string, escape: number, verticalTab: boolean): string[] {
  const words: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i), verticalTab)) i++;
    if (i >= n) break;
    const start = i;
    let quote = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        else if (c === escape && quote === 34) i++;
        i++;
        continue;
      }
      if (isBlank(c, verticalTab)) break;
      if (c === 39 || c === 34) quote = c;
      else if (c === escape) i++;
      i++;
    }
    words.push(text.slice(start, Math.min(i, n)));
  }
  return words;
}

/** Splits ARG text into `name[=value]` words (quotes group) and expands the values; `bare`: written without `=value` (the value in scope is kept). */
export function parseArgWords(text: string, escapeToken: string, vars: ArgValues): { key: string; value: string | undefined; bare?: true }[] {
  const out: { key: string; value: string | undefined; bare?: true }[] = [];
  for (const word of splitQuotedWords(text, escapeToken.charCodeAt(0), true)) {
    const eq = word.indexOf('=');
    if (eq < 0) out.push({ key: word, value: vars.has(word) ? vars.get(word) : undefined, bare: true });
    else out.push({ key: word.slice(0, eq), value: expandFromWord(word.slice(eq + 1), vars, escapeToken) });
  }
  return out;
}

/** `[\t\n\f\r ]` (Go regexp `\s`), and `\v` when `verticalTab`. */
function isBlank(c: number, verticalTab: boolean): boolean {
  return isReSpace(c) || (verticalTab && c === 11);
}
