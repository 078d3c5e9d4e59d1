import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import * as lib from '../../src/index.js';

// `npm run bench` imports the built package (dist/index.js), whose exports are src/index.ts's. When
// the public API shrank (issue 12 §4), bench/adversarial.mjs kept importing six names that were no
// longer exported and the whole benchmark stopped before its first row. This checks every bench
// file's import list against src/index.ts without building.

const benchDir = new URL('../../bench/', import.meta.url);

/** The names each `import { … } from '../dist/index.js'` of `text` asks for. */
function distImports(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]\.\.\/dist\/index\.js['"]/g)) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) names.push(name);
    }
  }
  return names;
}

describe('bench/*.mjs', () => {
  const files = readdirSync(benchDir).filter((f) => f.endsWith('.mjs'));

  test('the benchmarks import the package', () => {
    expect(files.filter((f) => distImports(readFileSync(new URL(f, benchDir), 'utf8')).length > 0).length).toBeGreaterThan(2);
  });

  test.each(files)('%s imports only names the package exports', (file) => {
    const missing = distImports(readFileSync(new URL(file, benchDir), 'utf8')).filter((name) => !(name in lib));
    expect(missing).toEqual([]);
  });
});
