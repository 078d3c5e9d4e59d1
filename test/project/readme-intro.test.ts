import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as catalog from '../../src/catalog/index.js';
import * as lib from '../../src/index.js';

// The README's first example is what a new user copies verbatim: it runs here as written (its
// `import` lines mapped to src/), and each `expression; // → value` line must hold. docs.test.ts
// checks the API section's one-line claims; this block needs its statements run first.
const MODULES: Readonly<Record<string, Record<string, unknown>>> = { 'container-argv': lib, 'container-argv/catalog': catalog };

interface IntroBlock {
  /** The names each `import { … } from '…'` line brings in, with their values. */
  readonly scope: Record<string, unknown>;
  /** The statements before the first claim. */
  readonly prelude: string;
  readonly claims: readonly { readonly expression: string; readonly expected: string }[];
}

function introBlock(readme: string): IntroBlock {
  const start = readme.indexOf('```ts\n') + '```ts\n'.length;
  const lines = readme.slice(start, readme.indexOf('\n```', start)).split('\n');
  const scope: Record<string, unknown> = {};
  const prelude: string[] = [];
  const claims: { expression: string; expected: string }[] = [];
  for (const line of lines) {
    const imported = /^import \{ ([\w, ]+) \} from '([\w/-]+)';$/.exec(line);
    if (imported !== null) {
      const module = MODULES[imported[2] ?? ''];
      if (module === undefined) throw new Error(`the README imports an unknown module: ${line}`);
      for (const name of (imported[1] ?? '').split(', ')) scope[name] = module[name];
      continue;
    }
    const at = line.indexOf(' // → ');
    if (at > 0) claims.push({ expression: line.slice(0, at).replace(/;$/, ''), expected: line.slice(at + ' // → '.length) });
    else if (claims.length === 0) prelude.push(line);
  }
  return { scope, prelude: prelude.join('\n'), claims };
}

describe('README first example', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = introBlock(readme);
  const names = Object.keys(block.scope);

  test('imports only exports that exist, and makes claims', () => {
    for (const name of names) expect(block.scope[name], name).toBeTypeOf('function');
    expect(block.claims.length).toBeGreaterThanOrEqual(2);
  });

  test.for(block.claims)('$expression', ({ expression, expected }) => {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs this repository's own README example
    const run = new Function(...names, `${block.prelude}\nreturn [(${expression}), (${expected})];`) as (...values: unknown[]) => [unknown, unknown];
    const [actual, want] = run(...names.map((n) => block.scope[n]));
    expect(actual).toEqual(want);
  });
});
