import { describe, expect, test } from 'vitest';
import {
  DOCKER_CONFIG,
  DOCKER_MANIFEST,
  DOCKER_MANIFEST_LIST,
  DOCKER_SCHEMA1,
  DOCKER_SCHEMA1_SIGNED,
  isIndexMediaType,
  isManifestMediaType,
  isSchema1MediaType,
  MANIFEST_ACCEPT,
  OCI_CONFIG,
  OCI_INDEX,
  OCI_MANIFEST,
} from '../../src/registry/media-types.js';

// Sources: opencontainers/image-spec specs-go/v1/mediatype.go (MediaTypeImageIndex/Manifest/Config, as
// vendored by distribution/distribution 0d6b721d); distribution 0d6b721d manifest/manifestlist/manifestlist.go
// and manifest/schema2/manifest.go; moby b985e231 daemon/internal/distribution/manifest.go (schema 1).
describe('media types', () => {
  test.for([
    [OCI_INDEX, 'application/vnd.oci.image.index.v1+json'],
    [OCI_MANIFEST, 'application/vnd.oci.image.manifest.v1+json'],
    [OCI_CONFIG, 'application/vnd.oci.image.config.v1+json'],
    [DOCKER_MANIFEST_LIST, 'application/vnd.docker.distribution.manifest.list.v2+json'],
    [DOCKER_MANIFEST, 'application/vnd.docker.distribution.manifest.v2+json'],
    [DOCKER_CONFIG, 'application/vnd.docker.container.image.v1+json'],
    [DOCKER_SCHEMA1, 'application/vnd.docker.distribution.manifest.v1+json'],
    [DOCKER_SCHEMA1_SIGNED, 'application/vnd.docker.distribution.manifest.v1+prettyjws'],
  ])('%s', ([constant, upstream]) => {
    expect(constant).toBe(upstream);
  });

  test('Accept asks for the two index and the two manifest types, indexes first', () => {
    expect(MANIFEST_ACCEPT.split(', ')).toEqual([OCI_INDEX, DOCKER_MANIFEST_LIST, OCI_MANIFEST, DOCKER_MANIFEST]);
  });

  test.for([
    [OCI_INDEX, 'index'],
    [DOCKER_MANIFEST_LIST, 'index'],
    [OCI_MANIFEST, 'manifest'],
    [DOCKER_MANIFEST, 'manifest'],
    [DOCKER_SCHEMA1, 'schema1'],
    [DOCKER_SCHEMA1_SIGNED, 'schema1'],
    [OCI_CONFIG, 'none'],
    [DOCKER_CONFIG, 'none'],
    ['application/json', 'none'],
    ['', 'none'],
  ] as const)('%s is a %s', ([mediaType, kind]) => {
    expect([isIndexMediaType(mediaType), isManifestMediaType(mediaType), isSchema1MediaType(mediaType)]).toEqual([kind === 'index', kind === 'manifest', kind === 'schema1']);
  });
});
