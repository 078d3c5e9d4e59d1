import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Runnable examples (mvdan/sh style): every examples/*.ts ends with an `// Output:` block, and
// running it must print exactly that. `container-argv` maps to src/ via tsconfig `paths` (tsx).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = readdirSync(`${ROOT}examples`)
  .filter((f) => f.endsWith('.ts'))
  .sort();

function expectedOutput(source: string): string {
  const at = source.lastIndexOf('\n// Output:\n');
  if (at < 0) throw new Error('no // Output: block');
  return source
    .slice(at + '\n// Output:\n'.length)
    .trimEnd()
    .split('\n')
    .map((line) => line.replace(/^\/\/ ?/, ''))
    .join('\n');
}

describe('examples/', () => {
  test('there are examples, and examples/README.md lists each one', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(4);
    const readme = readFileSync(`${ROOT}examples/README.md`, 'utf8');
    for (const name of EXAMPLES) expect(readme).toContain(`(${name})`);
  });

  test.for(EXAMPLES)('%s prints its // Output: block', (name) => {
    const source = readFileSync(`${ROOT}examples/${name}`, 'utf8');
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', `examples/${name}`], { cwd: ROOT, encoding: 'utf8' });
    expect(stdout.trimEnd()).toBe(expectedOutput(source));
  });
});
