import { describe, expect, test } from 'vitest';
import { readCatalogReference } from '../../src/catalog/reference.js';
import { NORMALIZED_ROWS } from '../fixtures/image-reference.js';

// Truth: the distribution/reference vectors of test/fixtures/image-reference.ts (v0.6.0, one table
// for every reader of references). The catalog keys on ParseNormalizedNamed's reading: a valid name
// gets a key, an invalid one none, and TestParseRepositoryInfo's rows key on their full name (plus
// `:latest` when neither tag nor digest is given: distribution's TagNameOnly, as `docker pull` does).
const named = NORMALIZED_ROWS.filter((r) => r.domain !== undefined && r.path !== undefined && r.string === `${r.domain}/${r.path}`);

describe('readCatalogReference', () => {
  test.for(named.map((r) => [r.input, `${r.domain!}/${r.path!}`, r.source] as const))('%s names %s (%s)', ([input, full]) => {
    expect(readCatalogReference(input)).toEqual({ repository: full, tag: 'latest', digest: null, canonical: `${full}:latest` });
  });

  test.for(NORMALIZED_ROWS.map((r) => [r.input, r.ok, r.source] as const))('%j valid: %s (%s)', ([input, ok]) => {
    expect(readCatalogReference(input) !== null).toBe(ok);
  });

  test('a tag stays, a digest stays and adds no tag (distribution reference.go: name[:tag][@digest])', () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(readCatalogReference('node:24-alpine')?.canonical).toBe('docker.io/library/node:24-alpine');
    expect(readCatalogReference(`node@${digest}`)).toEqual({ repository: 'docker.io/library/node', tag: null, digest, canonical: `docker.io/library/node@${digest}` });
    expect(readCatalogReference(`node:24@${digest}`)?.canonical).toBe(`docker.io/library/node:24@${digest}`);
    expect(readCatalogReference('localhost:5000/app:v1')?.canonical).toBe('localhost:5000/app:v1');
  });

  test.for(['node:', 'node:-x', `node:${'x'.repeat(129)}`, 'node@sha256:', 'node@sha256:XYZ', ''])('%j is refused (tag [\\w][\\w.-]{0,127}, digest algorithm:hex)', (text) => {
    expect(readCatalogReference(text)).toBeNull();
  });
});
