// `--image-config REF=FILE` (and the deprecated `--base REF=FILE`) as a source (src/cli/base-images/file-source.ts):
// a file answers for its reference as Docker compares references (sameImage: distribution/
// reference normalisation, docs in src/core/image-reference.ts), or for the same text.
import { describe, expect, test } from 'vitest';
import { parseImageReference } from '../../../src/core/image-reference.js';
import { fileSource } from '../../../src/cli/base-images/file-source.js';
import type { ImageFile } from '../../../src/cli/inputs.js';
import type { BaseQuery } from '../../../src/cli/base-images/sources.js';

function query(text: string): BaseQuery {
  const r = parseImageReference(text);
  return { text, reference: r.ok ? r.reference : null, platform: { os: 'linux', architecture: 'amd64' }, platformGiven: false };
}

const file = (ref: string, name: string): ImageFile => ({ ref, file: name, config: { cmd: [name] } });

describe('fileSource', () => {
  // Same image by Docker's rules: default registry docker.io, library/ for one-part names, tag latest.
  test.for([
    { given: 'node', asked: 'node', hit: true },
    { given: 'node', asked: 'node:latest', hit: true },
    { given: 'node:latest', asked: 'docker.io/library/node', hit: true },
    { given: 'index.docker.io/library/node:20', asked: 'node:20', hit: true },
    { given: 'node:20', asked: 'node:22', hit: false },
    { given: 'node:20', asked: 'node', hit: false },
    { given: 'ghcr.io/o/app:1', asked: 'o/app:1', hit: false },
    { given: 'localhost:5000/app', asked: 'localhost:5000/app:latest', hit: true },
    { given: `node@sha256:${'a'.repeat(64)}`, asked: `node:20@sha256:${'a'.repeat(64)}`, hit: true },
    { given: `node@sha256:${'a'.repeat(64)}`, asked: 'node:20', hit: false },
    // Not a valid reference on either side: only the same text matches.
    { given: '$BASE', asked: '$BASE', hit: true },
    { given: 'Node', asked: 'node', hit: false },
  ])('--image-config $given=… answers FROM $asked: $hit', async ({ given, asked, hit }) => {
    const r = await fileSource([file(given, 'f.json')]).lookup(query(asked));
    expect(r).toEqual(hit ? { config: { cmd: ['f.json'] }, source: { kind: 'file', file: 'f.json' }, diagnostics: [] } : undefined);
  });

  test('the last matching file wins, as a repeated option overrides', async () => {
    const source = fileSource([file('node', 'a.json'), file('alpine', 'b.json'), file('docker.io/library/node:latest', 'c.json')]);
    expect(await source.lookup(query('node'))).toMatchObject({ source: { file: 'c.json' } });
    expect(await source.lookup(query('alpine:latest'))).toMatchObject({ source: { file: 'b.json' } });
  });
});
