import { describe, expect, test } from 'vitest';
import { readCatalogReference } from '../../src/catalog/reference.js';

// Truth: distribution/reference normalize_test.go at 0965666a6ade2e06035fe352e38344be1e68951a
// (2026-04-18): TestParseRepositoryInfo (FamiliarName / FullName / AmbiguousName all read as
// FullName) and TestValidateReferenceName (valid and invalid names). The catalog adds `:latest` when
// neither tag nor digest is given (distribution's TagNameOnly, as `docker pull` does).
const SOURCE = 'distribution/reference@0965666a normalize_test.go';

const repositoryInfo: readonly (readonly [input: string, full: string])[] = [
  ['localhost/fooo', 'localhost/fooo'],
  ['localhost/fooo/bar', 'localhost/fooo/bar'],
  ['LOCALDOMAIN/fooo', 'LOCALDOMAIN/fooo'],
  ['fooo/bar', 'docker.io/fooo/bar'],
  ['index.docker.io/fooo/bar', 'docker.io/fooo/bar'],
  ['ubuntu', 'docker.io/library/ubuntu'],
  ['library/ubuntu', 'docker.io/library/ubuntu'],
  ['docker.io/library/ubuntu', 'docker.io/library/ubuntu'],
  ['nonlibrary/ubuntu', 'docker.io/nonlibrary/ubuntu'],
  ['other/library', 'docker.io/other/library'],
  ['127.0.0.1:8000/private/moonbase', '127.0.0.1:8000/private/moonbase'],
  ['127.0.0.1:8000/privatebase', '127.0.0.1:8000/privatebase'],
  ['example.com:8000/private/moonbase', 'example.com:8000/private/moonbase'],
  ['ubuntu-12.04-base', 'docker.io/library/ubuntu-12.04-base'],
  ['index.docker.io/library/ubuntu-12.04-base', 'docker.io/library/ubuntu-12.04-base'],
  ['docker.io/foo', 'docker.io/library/foo'],
];

const validNames = [
  'docker/docker',
  'debian',
  'localhost/library/debian',
  'LOCALDOMAIN/library/debian',
  'index.docker.io/debian',
  '127.0.0.1:5000/library/debian',
  '192.168.0.2:25000/debian',
  '[fc00::1]:5000/docker/docker',
  '[fc00:1:2:3:4:5:6:7]:5000/library/debian',
  'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
  'Docker/docker',
  'DOCKER/docker',
];

const invalidNames = [
  'https://github.com/docker/docker',
  'docker/Docker',
  '-docker',
  '-docker/docker',
  '-docker.io/docker/docker',
  'docker///docker',
  'docker.io/docker/Docker',
  'docker.io/docker///docker',
  '[fc00::1]',
  '[fc00::1]:5000',
  'fc00::1:5000/debian',
  '[fe80::1%eth0]:5000/debian',
  '[2001:db8:3:4::192.0.2.33]:5000/debian',
  '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
];

describe('readCatalogReference', () => {
  test.for(repositoryInfo)(`%s names %s (${SOURCE} TestParseRepositoryInfo)`, ([input, full]) => {
    const ref = readCatalogReference(input);
    expect(ref).toEqual({ repository: full, tag: 'latest', digest: null, canonical: `${full}:latest` });
  });

  test.for(validNames)(`%s is a valid name (${SOURCE} TestValidateReferenceName)`, (name) => {
    expect(readCatalogReference(name)).not.toBeNull();
  });

  test.for(invalidNames)(`%s is not (${SOURCE} TestValidateReferenceName)`, (name) => {
    expect(readCatalogReference(name)).toBeNull();
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
