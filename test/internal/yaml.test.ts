import { describe, expect, test } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/limits.js';
import { formatPath, parseYamlDocuments, readWorkloadYaml, yamlDepthExceeded, type YamlDocument } from '../../src/internal/yaml.js';

const ok = (d: YamlDocument | undefined) => {
  if (d === undefined || !d.ok) throw new Error(`not a read document: ${JSON.stringify(d)}`);
  return d;
};

describe('parseYamlDocuments', () => {
  test('several documents: index, the line where each starts (its --- marker) and plain data', () => {
    const r = parseYamlDocuments('a: 1\n---\n# two\nb: [x, y]\n---\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.documents.map((d) => d.ok && [d.index, d.line, d.value])).toEqual([
      [0, 1, { a: 1 }],
      [1, 2, { b: ['x', 'y'] }],
      [2, 5, null],
    ]);
  });

  test('a key named __proto__ is an own property, never the prototype', () => {
    const r = parseYamlDocuments('__proto__: {polluted: true}\n');
    const value = r.ok ? (ok(r.documents[0]).value as Record<string, unknown>) : {};
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  // YAML 1.2.2 §3.2.1.1: "the content of a mapping node is an unordered set of key/value node pairs, with
  // the restriction that each of the keys is unique".
  test('a duplicate key is an error of its document, with line and column; the other documents still read', () => {
    const r = parseYamlDocuments('a: 1\n---\nb: 1\nb: 2\n', 'x.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.documents[0]?.ok).toBe(true);
    expect(r.documents[1]).toMatchObject({
      ok: false,
      index: 1,
      issues: [{ code: 'yaml-invalid', line: 4, column: 1, source: 'x.yaml', message: expect.stringMatching(/^document 1: /) }],
    });
  });

  test('aliases are capped (billion laughs): an error of the document, not a hang', () => {
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    const r = parseYamlDocuments(laughs);
    expect(r.ok && r.documents[0]).toMatchObject({ ok: false, issues: [{ code: 'yaml-invalid' }] });
  });

  test.for([
    ['maxInputLength', { ...DEFAULT_LIMITS, maxInputLength: 3 }, 'a: 1\n'],
    ['maxNestingDepth', { ...DEFAULT_LIMITS, maxNestingDepth: 2 }, 'a: [[[1]]]\n'],
    ['maxYamlDocuments', { ...DEFAULT_LIMITS, maxYamlDocuments: 1 }, 'a: 1\n---\nb: 2\n'],
  ] as const)('%s: the whole text fails with input-too-large', ([limit, limits, text]) => {
    expect(parseYamlDocuments(text, undefined, limits)).toMatchObject({ ok: false, issues: [{ code: 'input-too-large', limit }] });
  });

  const TEXT = `spec:
  containers:
    - name: app
      args: [x, 5]
      env: &env
        - name: A
    - name: b
      env: *env
  "1": one
`;
  const doc = () => {
    const r = parseYamlDocuments(TEXT);
    return ok(r.ok ? r.documents[0] : undefined);
  };

  // Positions are counted in TEXT above (1-based line and column).
  test.for([
    [[], { line: 1, column: 1 }],
    [['spec', 'containers', 0, 'name'], { line: 3, column: 13 }],
    [['spec', 'containers', 0, 'args', 1], { line: 4, column: 17 }],
    [['spec', 'containers', 1, 'env', 0, 'name'], { line: 6, column: 17 }],
    [['spec', 1], { line: 9, column: 8 }],
    [['spec', 'containers', 0, 'missing'], { line: 3, column: 7 }],
    [['spec', 'containers', 5, 'name'], { line: 2, column: 3 }],
    [['spec', 'containers', 0, 'args', 9], { line: 4, column: 7 }],
  ] as const)('locate(%j) → %j (the value, or the nearest existing key or item)', ([path, position]) => {
    expect(doc().locate(path)).toEqual(position);
  });
});

describe('formatPath', () => {
  test.for([
    ['', ['spec', 'containers', 1, 'args', 0], 'spec.containers[1].args[0]'],
    ['spec.template.spec', ['containers', 0], 'spec.template.spec.containers[0]'],
    ['', ['services', 'my app', 'command'], 'services["my app"].command'],
    ['', ['services', 'web-1', 'image'], 'services.web-1.image'],
    ['', [0, 'Config'], '[0].Config'],
    ['x', [], 'x'],
  ] as const)('formatPath(%j, %j) = %j', ([prefix, parts, path]) => {
    expect(formatPath(prefix, parts)).toBe(path);
  });
});

describe('yamlDepthExceeded', () => {
  test.for([
    ['a: 1\n', 1, 0],
    ['a:\n  b:\n    c: 1\n', 3, 0],
    ['a:\n  b:\n    c: 1\n', 2, 3],
    ['a: [[1]]\n', 3, 0],
    ['a: [[1]]\n', 2, 1],
    // An upper bound: the line's indentation level plus one per compact `- ` entry.
    ['- - - x\n', 4, 0],
    ['- - - x\n', 3, 1],
    // Brackets inside a quoted scalar or a comment are text.
    ['a: "[[[["\n', 1, 0],
    ["a: '{{{{'\n", 1, 0],
    ['a: 1 # [[[[\n', 1, 0],
  ] as const)('%j with max %i → %i', ([text, max, line]) => {
    expect(yamlDepthExceeded(text, max)).toBe(line);
  });
});

describe('readWorkloadYaml', () => {
  test('a record or a function of images', () => {
    expect(readWorkloadYaml('a: 1\n', { images: {} }).ok).toBe(true);
    expect(readWorkloadYaml('a: 1\n', { images: () => undefined }).ok).toBe(true);
  });

  test.for([
    [1, { images: {} }, 'yamlText must be a string, got number'],
    ['a: 1', null, 'options must be an object, got null'],
    ['a: 1', { images: 'x' }, 'options.images must be an object, got string'],
  ] as const)('%j %j: TypeError %j', ([text, options, message]) => {
    expect(() => readWorkloadYaml(text as string, options as never)).toThrow(new TypeError(message));
  });
});

// YAML 1.1 merge keys as go-yaml applies them (compose files use `<<: *anchor`), and the local tags
// compose-go reads (loader/reset.go: `!reset`, `!override`; a tag inside a merge key counts for the
// mapping that merges it, one reached through an alias for the alias's place too).
describe('parseYamlDocuments with merge keys and tags', () => {
  const TEXT = 'x-a: &a\n  command: !reset null\n  image: base\nservices:\n  web:\n    <<: *a\n    environment: !override\n      A: "1"\n    ports: [!reset x]\n';

  test('merge keys applied; tagged nodes listed by data path', () => {
    const r = parseYamlDocuments(TEXT, undefined, DEFAULT_LIMITS, { merge: true, tags: ['!reset', '!override'] });
    const doc = r.ok ? r.documents[0] : undefined;
    if (doc === undefined || !doc.ok) throw new Error('not parsed');
    expect((doc.value as { services: { web: Record<string, unknown> } }).services.web['image']).toBe('base');
    expect(doc.tagged?.map((t) => `${t.tag} ${t.path.join('.')} ${t.line}`).sort()).toEqual([
      '!override services.web.environment 8',
      '!reset services.web.command 2',
      '!reset services.web.ports.0 9',
      '!reset x-a.command 2',
    ]);
    expect(doc.locate(['services', 'web', 'image'])).toEqual({ line: 3, column: 10 });
  });

  test('without the option, << is a plain key and no tags are listed', () => {
    const r = parseYamlDocuments(TEXT);
    const doc = r.ok ? r.documents[0] : undefined;
    if (doc === undefined || !doc.ok) throw new Error('not parsed');
    expect(Object.keys((doc.value as { services: { web: object } }).services.web)).toContain('<<');
    expect(doc.tagged).toBeUndefined();
  });
});
