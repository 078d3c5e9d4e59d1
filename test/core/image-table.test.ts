import { describe, expect, test } from 'vitest';
import { findImage, findImageKey, imageTable, unusedImageDiagnostics } from '../../src/core/image-table.js';
import { parseImageReference, type ImageReference } from '../../src/index.js';

// Issue 18 §1: image configs given by reference text are found by image (sameImage over
// parseImageReference: distribution/reference v0.6.0 normalisation), never by string equality.
const ref = (text: string): ImageReference => {
  const r = parseImageReference(text);
  if (!r.ok) throw new Error(text);
  return r.reference;
};

describe('imageTable', () => {
  test.for([
    { key: 'node', asked: 'docker.io/library/node:latest', found: true },
    { key: 'index.docker.io/library/node', asked: 'node', found: true },
    { key: 'node:20', asked: 'node', found: false },
    { key: 'localhost:5000/app', asked: 'localhost:5000/app:latest', found: true },
    { key: `app@sha256:${'b'.repeat(64)}`, asked: `app:1@sha256:${'b'.repeat(64)}`, found: true },
  ])('$key answers $asked: $found', ({ key, asked, found }) => {
    const read = imageTable({ [key]: { cmd: ['x'] } });
    if (!read.ok) throw new Error('table');
    expect(findImage(read.table, ref(asked))).toEqual(found ? { cmd: ['x'] } : undefined);
    expect(unusedImageDiagnostics(read.table, 'nothing').length).toBe(found ? 0 : 1);
  });

  test('keys that are not references are issues unless accepted as other keys (service names)', () => {
    const bad = imageTable({ My_Service: {}, node: {} });
    expect(!bad.ok && bad.issues.map((i) => i.code)).toEqual(['image-config-key-invalid']);
    const ok = imageTable({ My_Service: { cmd: ['s'] } }, (key) => key === 'My_Service');
    if (!ok.ok) throw new Error('table');
    expect(findImageKey(ok.table, 'My_Service')).toEqual({ cmd: ['s'] });
    expect(unusedImageDiagnostics(ok.table, 'no service')).toEqual([]);
  });

  test('two keys for one image are an issue naming both', () => {
    const twice = imageTable({ 'docker.io/library/node:latest': {}, node: {} });
    expect(!twice.ok && twice.issues[0]).toEqual({
      code: 'image-config-duplicate',
      message: 'the image config keys "docker.io/library/node:latest" and "node" name the same image (docker.io/library/node:latest); give one',
    });
  });

  test('unused entries are named with the familiar form', () => {
    const read = imageTable({ 'docker.io/library/redis:7': {} });
    if (!read.ok) throw new Error('table');
    expect(unusedImageDiagnostics(read.table, 'no FROM')).toEqual([
      { code: 'image-config-unused', severity: 'warning', message: 'the image config given for "docker.io/library/redis:7" is not used: no FROM names redis:7' },
    ]);
  });
});
