import { defineConfig, type Options } from 'tsup';

/** A subpath export (`container-argv/<name>`): one self-contained ESM + CJS bundle with declarations. */
function subpath(name: string, entry: string): Options {
  return { entry: { [name]: entry }, format: ['esm', 'cjs'], dts: true, clean: false, sourcemap: true, target: 'es2022', treeshake: true };
}

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
  // The subpath exports, each its own self-contained ESM + CJS bundle so that the core never pulls it in:
  // - remark (`container-argv/remark`) and markdown-it (`container-argv/markdown-it`): the docs-site
  //   plugins, sharing src/table/fence.ts; pure, browser-safe, no runtime dependencies;
  // - testing (`container-argv/testing`): fast-check is a peer dependency (kept external, like yaml),
  //   imported by this bundle only; the core files never reference it;
  // - registry (`container-argv/registry`): fetch + WebCrypto, browser-safe, network I/O; zod external.
  subpath('remark', 'src/table/remark.ts'),
  subpath('markdown-it', 'src/table/markdown-it.ts'),
  subpath('testing', 'src/testing/index.ts'),
  subpath('registry', 'src/registry/index.ts'),
  {
    // The base-image catalog (`container-argv/catalog`): its data (src/catalog/data.ts) is bundled
    // into dist/catalog.{js,cjs} only, so `dist/index.*` and the per-module ESM files stay small.
    ...subpath('catalog', 'src/catalog/index.ts'),
    sourcemap: false,
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
