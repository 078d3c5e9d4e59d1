import { describe, expect, test } from 'vitest';
import { basenamePath, cleanPath, dirnamePath, isAbsolutePath, joinPath, resolvePath } from '../../src/compose/posix-path.js';

// Source: golang/go src/path/filepath/path_test.go (go1.22) `cleantests`, `jointests`, `dirtests`,
// `basetests` (the Unix rows); compose-go resolves paths with these functions (paths/resolve.go).
const CLEAN = [
  ['', '.'],
  ['abc', 'abc'],
  ['abc/def', 'abc/def'],
  ['.', '.'],
  ['..', '..'],
  ['../..', '../..'],
  ['/', '/'],
  ['abc/', 'abc'],
  ['/abc/def/', '/abc/def'],
  ['abc//def//ghi', 'abc/def/ghi'],
  ['abc/./def', 'abc/def'],
  ['/./abc/def', '/abc/def'],
  ['abc/def/ghi/../jkl', 'abc/def/jkl'],
  ['abc/def/../ghi/../jkl', 'abc/jkl'],
  ['abc/def/..', 'abc'],
  ['abc/def/../..', '.'],
  ['/abc/def/../..', '/'],
  ['abc/def/../../..', '..'],
  ['/abc/def/../../..', '/'],
  ['abc/../../../def', '../../def'],
  ['/../abc', '/abc'],
] as const;

describe('cleanPath (Go filepath.Clean)', () => {
  test.for(CLEAN)('%j → %j', ([input, want]) => expect(cleanPath(input)).toBe(want));
});

describe('joinPath (Go filepath.Join)', () => {
  test.for([
    [['a', 'b'], 'a/b'],
    [['a', ''], 'a'],
    [['', 'b'], 'b'],
    [['/', 'a'], '/a'],
    [['/', 'a/b'], '/a/b'],
    [['/', ''], '/'],
    [['', ''], ''],
    [['a/', 'b'], 'a/b'],
    [['a/', ''], 'a'],
    [['/a', '../b'], '/b'],
  ] as const)('%j → %j', ([parts, want]) => expect(joinPath(...parts)).toBe(want));
});

describe('dirnamePath and basenamePath (Go filepath.Dir, Base)', () => {
  test.for([
    ['', '.', '.'],
    ['.', '.', '.'],
    ['/.', '/', '.'],
    ['/', '/', '/'],
    ['/foo', '/', 'foo'],
    ['x/', 'x', 'x'],
    ['abc', '.', 'abc'],
    ['abc/def', 'abc', 'def'],
    ['a/b/.x', 'a/b', '.x'],
    ['/app/compose.yaml', '/app', 'compose.yaml'],
  ] as const)('%j: dir %j, base %j', ([path, dir, base]) => {
    expect(dirnamePath(path)).toBe(dir);
    expect(basenamePath(path)).toBe(base);
  });
});

describe('isAbsolutePath and resolvePath', () => {
  test('absolute paths start with /; relative ones are joined to the base and cleaned', () => {
    expect([isAbsolutePath('/a'), isAbsolutePath('a'), isAbsolutePath('./a')]).toEqual([true, false, false]);
    expect(resolvePath('/app', 'deploy/../compose.yaml')).toBe('/app/compose.yaml');
    expect(resolvePath('/app', '/etc//x/')).toBe('/etc/x');
  });
});
