import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, test } from 'vitest';
import { CATALOG_META } from '../../src/catalog/data.js';

// Package suite (vitest.package.config.ts, run by `npm run check:package` right after the build):
// checks the built dist/, so the unit run never builds.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  sideEffects: boolean;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, Record<string, string>>>;
  files: string[];
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional: boolean }>;
};
// The package root: its dist/ is what `npm run build` just wrote.
const BUILD = ROOT;

beforeAll(() => {
  if (!existsSync(`${BUILD}dist/index.js`)) throw new Error('dist/ is missing: run `npm run build` first (npm run check:package does)');
});

describe('package.json', () => {
  test('sideEffects is false and the package ships dist only', () => {
    expect(pkg.sideEffects).toBe(false);
    expect(pkg.files).toEqual(['dist']);
  });

  test('bin container-argv is dist/cli.js with a shebang', () => {
    expect(pkg.bin).toEqual({ 'container-argv': './dist/cli.js' });
    expect(readFileSync(`${BUILD}dist/cli.js`, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  test.for(['.', './remark', './markdown-it', './testing', './registry', './catalog'])('exports[%j] has import and require, each with types first', (key) => {
    const entry = pkg.exports[key] as Record<string, Record<string, string>>;
    expect(Object.keys(entry)).toEqual(['import', 'require']);
    for (const condition of ['import', 'require']) {
      expect(Object.keys(entry[condition]!)).toEqual(['types', 'default']);
      for (const file of Object.values(entry[condition]!)) expect(readFileSync(`${BUILD}${file}`, 'utf8').length).toBeGreaterThan(0);
    }
  });
});

describe('browser bundles', () => {
  test.for(['dist/index.js', 'dist/remark.js', 'dist/markdown-it.js', 'dist/testing.js', 'dist/registry.js', 'dist/catalog.js'])(
    '%s bundles for the browser without node: imports',
    async (entry) => {
      const result = await build({
        entryPoints: [`${BUILD}${entry}`],
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const code = result.outputFiles[0]!.text;
      expect(code).not.toMatch(/from\s*["']node:|require\(["']node:|import\(["']node:/);
      const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path));
      expect(imports.filter((p) => p.startsWith('node:'))).toEqual([]);
    },
  );

  test('dist/catalog.js has no runtime dependencies, and the core files do not carry its data', () => {
    const code = readFileSync(`${BUILD}dist/catalog.js`, 'utf8');
    expect(code).not.toMatch(/^import .* from ["'](?!\.)/m);
    // The official-images commit the catalog data names: in the catalog bundle only.
    const marker = CATALOG_META.sources[0]?.commit as string;
    expect(code).toContain(marker);
    for (const file of ['dist/index.js', 'dist/index.cjs']) expect(readFileSync(`${BUILD}${file}`, 'utf8')).not.toContain(marker);
  });

  test.for(['dist/remark.js', 'dist/markdown-it.js'])('%s has no runtime dependencies', (file) => {
    const code = readFileSync(`${BUILD}${file}`, 'utf8');
    expect(code).not.toMatch(/^import .* from ["'](?!\.)/m);
  });
});

describe('container-argv/testing', () => {
  test('imports fast-check (a peer dependency, not bundled); no core file references it', () => {
    expect(pkg.peerDependencies).toEqual({ 'fast-check': '^4.0.0' });
    expect(pkg.peerDependenciesMeta).toEqual({ 'fast-check': { optional: true } });
    expect(readFileSync(`${BUILD}dist/testing.js`, 'utf8')).toMatch(/^import \* as \w+ from 'fast-check';$/m);
    expect(readFileSync(`${BUILD}dist/testing.js`, 'utf8')).not.toContain('function asyncProperty');
    for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/remark.js', 'dist/markdown-it.js']) expect(readFileSync(`${BUILD}${file}`, 'utf8')).not.toContain('fast-check');
  });
});

describe('container-argv/registry', () => {
  test('loads with import and with require, and the core entry does not reference it', () => {
    const probe = (code: string) => spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: BUILD, encoding: 'utf8' });
    const esm = probe(`const m = await import('./dist/registry.js'); console.log(typeof m.fetchImageConfig, typeof m.dockerConfigCredentials);`);
    expect(esm.stderr).toBe('');
    expect(esm.stdout).toBe('function function\n');
    const cjs = probe(`import { createRequire } from 'node:module'; const m = createRequire(process.cwd() + '/')('./dist/registry.cjs'); console.log(typeof m.fetchImageConfig);`);
    expect(cjs.stdout).toBe('function\n');
    for (const f of ['dist/index.js', 'dist/index.cjs']) expect(readFileSync(`${BUILD}${f}`, 'utf8')).not.toMatch(/registry\.js|fetchImageConfig/);
  });
});

describe('dist/cli.js as a process', () => {
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [`${BUILD}dist/cli.js`, ...args], { cwd: ROOT, encoding: 'utf8', input: input ?? '', env: { PATH: process.env['PATH'] ?? '' } });

  test('table prints the seed table', () => {
    const r = run(['table']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('| **CMD x y**        | /bin/sh -c x y |');
  });

  test('a usage error is one line on stderr with exit code 2', () => {
    const r = run(['table', '--nope']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("container-argv: unknown option '--nope'\n");
  });
});
