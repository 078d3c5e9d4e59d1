// WWW-Authenticate parsing (RFC 9110 §11.6.1 challenge grammar) and the Basic header (RFC 7617).
// Rows marked "distribution" are challenge strings distribution 2.8.2 sends
// (registry/auth/htpasswd/access.go, registry/auth/token/accesscontroller.go); "Docker Hub" is
// the header registry-1.docker.io answers an anonymous manifest GET with (distribution spec
// docs/spec/auth/token.md example).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { basicAuthorization, parseChallenges } from '../../src/registry/index.js';

const CHALLENGES = [
  {
    source: 'Docker Hub',
    header: 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:samalba/my-app:pull,push"',
    want: [{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:samalba/my-app:pull,push' } }],
  },
  { source: 'distribution htpasswd', header: 'Basic realm="basic-realm"', want: [{ scheme: 'basic', params: { realm: 'basic-realm' } }] },
  {
    source: 'distribution token, error param',
    header: 'Bearer realm="http://127.0.0.1:5503/token",service="svc",scope="repository:a/b:pull",error="insufficient_scope"',
    want: [{ scheme: 'bearer', params: { realm: 'http://127.0.0.1:5503/token', service: 'svc', scope: 'repository:a/b:pull', error: 'insufficient_scope' } }],
  },
  {
    source: 'RFC 9110: two challenges, token values, spaces, case',
    header: 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", BASIC Realm=simple',
    want: [
      { scheme: 'newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'basic', params: { realm: 'simple' } },
    ],
  },
  { source: 'scheme only', header: 'Negotiate', want: [{ scheme: 'negotiate', params: {} }] },
  { source: 'empty', header: '', want: [] },
  { source: 'unterminated quote', header: 'Bearer realm="https://x', want: [{ scheme: 'bearer', params: { realm: 'https://x' } }] },
] as const;

describe('parseChallenges', () => {
  test.for(CHALLENGES)('$source: $header', ({ header, want }) => {
    expect(parseChallenges(header)).toEqual(want);
  });

  test('total: any string gives a list of challenges with lower-case schemes, in linear time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        for (const c of parseChallenges(s)) expect(c.scheme).toBe(c.scheme.toLowerCase());
      }),
    );
    const long = `Bearer ${'a=",'.repeat(50_000)}`;
    expect(Array.isArray(parseChallenges(long))).toBe(true);
  });
});

describe('basicAuthorization', () => {
  test.for([
    { username: 'Aladdin', password: 'open sesame', want: 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==' }, // RFC 7617 §2
    { username: 'test', password: '123\u00A3', want: 'Basic dGVzdDoxMjPCow==' }, // RFC 7617 §2.1 (UTF-8)
  ])('$username:$password', ({ username, password, want }) => {
    expect(basicAuthorization({ username, password })).toBe(want);
  });
});
