import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library, ESM: one output file per source module (not bundled), so a bundler that imports
    // `resolveDockerRun` drops the modules it does not use — including the zod schemas and yaml,
    // whose module-level calls would otherwise keep them alive in a single-file bundle.
    entry: ['src/**/*.ts', '!src/cli/**', '!src/table/remark.ts', '!src/table/markdown-it.ts', '!src/table/fence.ts', '!src/testing/**', '!src/registry/**', '!src/catalog/**'],
    format: ['esm'],
    bundle: false,
    dts: false,
    clean: true,
    sourcemap: true,
    target: 'es2022',
  },
  {
    // The library, CommonJS: one bundled file (require() users do not tree-shake) + index.d.cts.
    entry: { index: 'src/index.ts' },
    format: ['cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // The ESM declarations: index.d.ts.
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: { only: true },
    clean: false,
    target: 'es2022',
  },
  {
    // The remark plugin (`container-argv/remark`): pure, browser-safe, no runtime dependencies.
    // A separate build so that `dist/index.*` and `dist/remark.*` stay self-contained files.
    entry: { remark: 'src/table/remark.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // The markdown-it plugin (`container-argv/markdown-it`): same fence code as the remark plugin
    // (src/table/fence.ts), its own self-contained bundle, no runtime dependencies.
    entry: { 'markdown-it': 'src/table/markdown-it.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // The property-testing kit (`container-argv/testing`): fast-check is a peer dependency (kept
    // external, like yaml), imported by this bundle only; the core files never reference it.
    entry: { testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // The registry client (`container-argv/registry`): fetch + WebCrypto, browser-safe, network
    // I/O. Its own bundle so that the core never pulls it in; zod stays an external dependency.
    entry: { registry: 'src/registry/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
  {
    // The base-image catalog (`container-argv/catalog`): its data (src/catalog/data.json) is bundled
    // into dist/catalog.{js,cjs} only, so `dist/index.*` and the per-module ESM files stay small.
    entry: { catalog: 'src/catalog/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: false,
    target: 'es2022',
    treeshake: true,
    // The data is most of the file: no indentation (halves the installed size; gzip barely changes).
    esbuildOptions(options) {
      options.minifyWhitespace = true;
    },
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
    // commander is bundled: one file instead of seven CommonJS modules to resolve and load (about
    // 10 ms of CPU at start-up). Its `require('node:events')`… need a real `require` in ESM, hence
    // the createRequire banner. yaml and zod stay external and are only loaded by commands that
    // need them. Chunks go under dist/cli/.
    noExternal: ['commander'],
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    esbuildOptions(options) {
      options.chunkNames = 'cli/[name]-[hash]';
    },
    outExtension: () => ({ js: '.js' }),
  },
]);
