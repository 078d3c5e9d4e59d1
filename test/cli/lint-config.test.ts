import { describe, expect, test } from 'vitest';
import { findLintConfig } from '../../src/cli/lint-config.js';
import { makeTree } from './tree.js';

describe('findLintConfig', () => {
  test('.container-argv.json in a parent directory', () => {
    const root = makeTree({ '.container-argv.json': '{"ignore": ["DL3025"], "failOn": "warning", "gitignore": true}', 'a/b/': '' });
    expect(findLintConfig(`${root}/a/b`)).toEqual({ source: `${root}/.container-argv.json`, ignore: ['DL3025'], failOn: 'warning', gitignore: true });
  });

  test('a "container-argv" key in package.json; the nearest directory with either wins', () => {
    const root = makeTree({
      '.container-argv.json': '{"ignore": ["DL3025"]}',
      'app/package.json': '{"name": "app", "container-argv": {"ignore": ["json-args-recommended"]}}',
      'app/src/': '',
      'other/package.json': '{"name": "other"}',
    });
    expect(findLintConfig(`${root}/app/src`)).toEqual({ source: `${root}/app/package.json#container-argv`, ignore: ['json-args-recommended'] });
    expect(findLintConfig(`${root}/other`)?.source).toBe(`${root}/.container-argv.json`);
  });

  test.for([
    ['[]', 'expected an object with "ignore", "failOn" or "gitignore"'],
    ['{"ignores": []}', 'unknown key "ignores" (expected "ignore", "failOn" or "gitignore")'],
    ['{"ignore": "DL3025"}', '"ignore" must be an array of codes'],
    ['{"failOn": "fatal"}', '"failOn" must be "error", "warning" or "info"'],
    ['{"gitignore": "yes"}', '"gitignore" must be true or false'],
    ['{"ignore": ["nope"]}', 'unknown code "nope"'],
    ['{', 'invalid JSON'],
  ] as const)('%s is refused: %s', ([text, message]) => {
    const root = makeTree({ '.container-argv.json': text });
    expect(() => findLintConfig(root)).toThrow(message);
  });
});
