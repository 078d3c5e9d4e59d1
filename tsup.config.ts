import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: pure, browser-safe, dual ESM + CJS with types.
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // The remark plugin (`container-argv/remark`): pure, browser-safe, no runtime dependencies.
    // A separate build so that `dist/index.*` and `dist/remark.*` stay self-contained files.
    entry: { remark: 'src/remark.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // The CLI (`bin`): one ESM file for Node. Commands that need yaml/zod load them with a lazy
    // `import()`, which esbuild splits into chunks under dist/cli/, so `explain` starts fast.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    dts: false,
    clean: false,
    sourcemap: false,
    splitting: true,
    treeshake: true,
    // commander, yaml and zod stay external (they are dependencies); chunks go under dist/cli/.
    banner: { js: '#!/usr/bin/env node' },
    esbuildOptions(options) {
      options.chunkNames = 'cli/[name]-[hash]';
    },
    outExtension: () => ({ js: '.js' }),
  },
]);
