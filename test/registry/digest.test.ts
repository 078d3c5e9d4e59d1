// Digests (OCI image-spec descriptor.md): sha256 and sha512, hex lengths 64 and 128. Vectors:
// the SHA-256 and SHA-512 of "abc" from FIPS 180-2 appendix B / C.
import { describe, expect, test } from 'vitest';
import { digestOf, isSupportedDigest, verifyDigest } from '../../src/registry/digest.js';

const abc = new TextEncoder().encode('abc');
const SHA256_ABC = 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const SHA512_ABC = 'sha512:ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f';

describe('digestOf / verifyDigest', () => {
  test('FIPS 180-2 vectors', async () => {
    expect(await digestOf(abc)).toBe(SHA256_ABC);
    expect(await digestOf(abc, 'sha512')).toBe(SHA512_ABC);
    expect(await verifyDigest(abc, SHA256_ABC, 'x')).toBeUndefined();
    expect(await verifyDigest(abc, SHA512_ABC, 'x', 3)).toBeUndefined();
  });

  test('mismatches, sizes, bad digests', async () => {
    expect(await verifyDigest(new TextEncoder().encode('abd'), SHA256_ABC, 'x')).toMatchObject({
      code: 'registry-digest-mismatch',
      message: expect.stringMatching(/^x: digest mismatch: expected sha256:ba78.*, got sha256:/),
    });
    expect(await verifyDigest(abc, SHA256_ABC, 'x', 4)).toEqual({ code: 'registry-digest-mismatch', message: 'x: size mismatch: descriptor says 4 bytes, got 3' });
    expect(await verifyDigest(abc, 'sha256:abc', 'x')).toEqual({ code: 'registry-digest-mismatch', message: 'x: invalid digest "sha256:abc"' });
    expect(await verifyDigest(abc, 'md5:900150983cd24fb0d6963f7d28e17f72', 'x')).toMatchObject({ code: 'registry-unsupported-digest' });
    expect(await digestOf(abc, 'sha1')).toMatchObject({ code: 'registry-unsupported-digest' });
  });

  test('isSupportedDigest', () => {
    expect([SHA256_ABC, SHA512_ABC, 'md5:x', 'nocolon'].map(isSupportedDigest)).toEqual([true, true, false, false]);
  });
});
