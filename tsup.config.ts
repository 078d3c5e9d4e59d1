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
]);
