import { describe, expect, test } from 'vitest';
import { pathSegments, yamlLocator } from '../../src/cli/yaml-lines.js';

describe('pathSegments', () => {
  test('pathSegments', () => {
    expect(pathSegments('spec.template.spec.containers[1].args[0]')).toEqual(['spec', 'template', 'spec', 'containers', 1, 'args', 0]);
  });

  // The path syntax is the one formatPath (src/internal/yaml.ts) writes: dotted keys, [n] for indexes,
  // ["key"] for keys that are not identifiers.
  test.for([
    ['', []],
    ['a', ['a']],
    ['a.b', ['a', 'b']],
    ['[0]', [0]],
    ['services["my app"].command', ['services', 'my app', 'command']],
    ["a['k']", ['a', 'k']],
    ['a[x]', ['a', 'x']],
    ['a[1', ['a']],
  ] as const)('%j → %j', ([path, segments]) => {
    expect(pathSegments(path)).toEqual(segments);
  });
});

const TEXT = `a: 1
---
spec:
  containers:
    - name: app
      args: ["x", "y"]
`;

describe('yamlLocator', () => {
  const locate = yamlLocator(TEXT);
  test.for([
    [0, '', { line: 1, column: 1 }],
    [0, 'a', { line: 1, column: 4 }],
    [1, 'spec.containers[0].name', { line: 5, column: 13 }],
    [1, 'spec.containers[0].args[1]', { line: 6, column: 19 }],
    // A path that does not exist is placed at its nearest existing ancestor.
    [1, 'spec.containers[0].env[2].value', { line: 5, column: 7 }],
  ] as const)('document %i %j → %j', ([document, path, position]) => {
    expect(locate(document, path)).toEqual(position);
  });

  test('a document that is not there has no position', () => {
    expect(locate(2, 'a')).toBeUndefined();
  });
});
