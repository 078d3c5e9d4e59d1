import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIAGNOSTICS } from '../../src/index.js';

const SRC = join(import.meta.dirname, '../../src');

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const files = sourceFiles().map((file) => ({ file: relative(SRC, file), text: readFileSync(file, 'utf8') }));

const TEST = join(import.meta.dirname, '..');

describe('source layout (CONTRIBUTING.md)', () => {
  test('every emitted issue/diagnostic code is catalogued in DIAGNOSTICS', () => {
    const used = new Set<string>();
    for (const { text } of files) for (const m of text.matchAll(/\bcode: '([a-z0-9-]+)'/g)) used.add(m[1]!);
    const missing = [...used].filter((c) => !(c in DIAGNOSTICS)).sort();
    expect(missing).toEqual([]);
  });

  test('core modules are browser-safe: node: imports only under src/cli/', () => {
    const offenders = files.filter(({ file, text }) => !file.startsWith('cli/') && /from ['"]node:|require\(['"]node:/.test(text));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  test('zod is imported only by schema modules (src/<domain>/schema.ts)', () => {
    const offenders = files.filter(({ file, text }) => !file.endsWith('/schema.ts') && /from ['"]zod(?:\/[^'"]*)?['"]/.test(text));
    expect(offenders.map((f) => f.file)).toEqual([]);
  });

  test('src/index.ts is named re-exports only', () => {
    const index = files.find((f) => f.file === 'index.ts')!.text;
    expect(index).not.toMatch(/export \*/);
    const code = index.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));
    for (const line of code) expect(line).toMatch(/^(export (type )?\{|\s+[A-Za-z_]+,?$|\} from '\.\/[\w/.-]+\.js';$)/);
  });

  // node-semver's test/map.js rule: test/ mirrors src/ (test/<domain>/<module>.test.ts for src/<domain>/<module>.ts;
  // `.test-d.ts` for a module of types only). src/index.ts is the package's list of re-exports.
  test('every src module has its mirror test file', () => {
    const missing = files
      .map(({ file }) => file)
      .filter((file) => file !== 'index.ts')
      .filter((file) => {
        const base = file.replace(/\.ts$/, '');
        return !existsSync(join(TEST, `${base}.test.ts`)) && !existsSync(join(TEST, `${base}.test-d.ts`));
      });
    expect(missing.sort()).toEqual([]);
  });
});
