// ESLint (flat config): typescript-eslint strict + type-aware, eslint-plugin-regexp (ReDoS and
// regex correctness), JSDoc on the library's exports. `npm run lint`, run by .ci/run (type-aware
// linting costs ~25 s of CPU, too much for `npm test`; the two ReDoS rules also run there, on src/,
// in test/project/regex-safety.test.ts). Every rule turned off or tuned below says why; the findings
// per rule are in the commit that added this file.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import jsdoc from 'eslint-plugin-jsdoc';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', performance: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' };
const BROWSER_GLOBALS = { document: 'readonly', window: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly' };

export default defineConfig(
  // sites/: the Docusaurus and VitePress projects of the docs-site suite, separate packages with their own toolchains.
  { ignores: ['dist/', 'docs/api/', 'docs/playground/lib/', 'coverage/', 'node_modules/', 'sites/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  regexp.configs['flat/recommended'],
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // With noUncheckedIndexedAccess, `x[i]!` is this codebase's explicit "index in range" (after a
      // length check, or a fixture row in a test); a runtime check instead would add dead branches.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Public functions check their arguments at run time for JavaScript callers (CONTRIBUTING:
      // "a value of the wrong JavaScript type throws a TypeError"), and the scanners set flags inside
      // closures; the types say both checks cannot fail, so this rule flags exactly those checks.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Numbers and bigints print exactly in messages; the rule's target (objects, undefined) stays on.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowAny: false, allowBoolean: false, allowNullish: false, allowRegExp: false, allowNever: false },
      ],
      // Scanners append `text[i]`, typed `string | undefined` under noUncheckedIndexedAccess inside
      // bounds-checked loops; objects, booleans and `any` stay refused.
      '@typescript-eslint/restrict-plus-operands': ['error', { allowNullish: true, allowAny: false, allowBoolean: false, allowNumberAndString: false, allowRegExp: false }],
      // `const { omitted: _x, ...rest } = value` is how a field is dropped from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `(s) => void write(s)`, `() => expect(…)` and `return done(res)` in a void function discard a value on purpose.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidOperator: true, ignoreVoidReturningFunctions: true }],
      // Spreading a string iterates its code points, as Go's `range` over a string does: the reference
      // and name validators check characters that way on purpose. Other misused spreads stay refused.
      '@typescript-eslint/no-misused-spread': ['error', { allow: [{ from: 'lib', name: 'string' }] }],
      // Stylistic only (they never change what a pattern matches): the patterns spell character
      // classes out as the upstream grammars do (Go's hex digits `[\dA-Fa-f]`, shell names
      // `[A-Za-z_][A-Za-z0-9_]*`, `[^]` for any UTF-16 unit), which keeps them comparable with the source.
      'regexp/use-ignore-case': 'off',
      'regexp/prefer-w': 'off',
      'regexp/prefer-d': 'off',
      'regexp/match-any': 'off',
    },
  },
  {
    // The library parses untrusted text: also refuse regexes whose search moves quadratically
    // (`/\s+$/` on a long run of blanks). Scripts and tests only read this repository's own data.
    files: ['src/**'],
    rules: { 'regexp/no-super-linear-move': 'error' },
  },
  {
    // JSDoc on every export of the library (src/ outside the CLI, whose modules are internal to the bin).
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    plugins: { jsdoc },
    rules: {
      'jsdoc/require-jsdoc': [
        'error',
        {
          publicOnly: true,
          require: { FunctionDeclaration: true, ClassDeclaration: true },
          // Top-level variables only: with overloads, publicOnly also counted the locals of the implementation.
          contexts: ['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'ExportNamedDeclaration > VariableDeclaration', 'Program > VariableDeclaration'],
        },
      ],
    },
  },
  {
    // commander passes each action's parsed options as `any`; the options are declared in the same
    // chain, just above each action.
    files: ['src/cli/program.ts'],
    rules: { '@typescript-eslint/no-unsafe-argument': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  {
    // Tests and scripts build messages and URLs from fixture rows (`row.tags[0]`: possibly undefined
    // under noUncheckedIndexedAccess) and parsed JSON; a wrong value fails the assertion that uses it.
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowNullish: true, allowAny: true, allowBoolean: false, allowRegExp: false, allowNever: false },
      ],
    },
  },
  {
    // Tests read the JSON the CLI and the registries printed (`JSON.parse`: any) and assert on its
    // values; test doubles implement async interfaces (`sleep`, `fetch`) without awaiting anything.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Type tests declare values only to check their types (`void x` marks one used) and test the
    // empty options object `{}` as such.
    files: ['**/*.test-d.ts'],
    rules: { '@typescript-eslint/no-meaningless-void-operator': 'off', '@typescript-eslint/no-empty-object-type': 'off' },
  },
  {
    // The property tests' oracle transcribes distribution/reference regexp.go letter for letter
    // (`literal(".")` is `[.]`, `[:]`, `[-]+`), to stay comparable with it.
    files: ['test/core/image-reference.prop.test.ts'],
    rules: { 'regexp/no-useless-character-class': 'off', 'regexp/no-useless-non-capturing-group': 'off' },
  },
  {
    // A port of Go's JSON scanner: a `const enum` of character codes compared with charCodeAt().
    files: ['test/support/go-json-scanner.ts'],
    rules: { '@typescript-eslint/no-unsafe-enum-comparison': 'off' },
  },
  {
    // Plain JavaScript (scripts, benches, the playground): no type information.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: NODE_GLOBALS },
  },
  { files: ['docs/playground/**/*.js'], languageOptions: { globals: BROWSER_GLOBALS } },
);
