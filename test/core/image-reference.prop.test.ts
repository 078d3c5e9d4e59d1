import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { DIAGNOSTICS, parseImageReference, sameImage, type ImageReference } from '../../src/index.js';
import { referenceTextArb } from '../support/image-reference-arbitraries.js';
import { scaledRuns } from '../support/property-runs.js';

// Properties of parseImageReference: totality, round trips through the printed forms, and
// agreement with an oracle written from the upstream regular expressions themselves.

describe('parseImageReference properties', () => {
  test.prop([fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), referenceTextArb)])('is total: a reference or one catalogued issue, never a throw', (text) => {
    const got = parseImageReference(text);
    if (got.ok) expect(got.reference.canonical.startsWith(got.reference.name)).toBe(true);
    else {
      expect(got.issues).toHaveLength(1);
      expect(DIAGNOSTICS[got.issues[0].code]?.severity).toBe('error');
    }
    for (const d of got.diagnostics) expect(DIAGNOSTICS[d.code]?.severity).toBe(d.severity);
  });

  test.prop([referenceTextArb])('the written form parses back to the same reference', (text) => {
    const got = parseImageReference(text);
    fc.pre(got.ok);
    if (!got.ok) return;
    expect(parseImageReference(written(got.reference))).toEqual(got);
  });

  test.prop([referenceTextArb])('the familiar form parses back to the same reference, except two lossy Docker Hub cases', (text) => {
    const got = parseImageReference(text);
    fc.pre(got.ok);
    if (!got.ok) return;
    const r = got.reference;
    const again = parseImageReference(r.familiar);
    // FamiliarString drops docker.io/ even when the namespace left in front has a '.' or is
    // 'localhost', and that text then reads as a registry host: docker.io/0.a/node → 0.a/node.
    const first = r.familiar.split('/')[0] as string;
    if (r.domain === 'docker.io' && r.familiar.includes('/') && (first === 'localhost' || first.includes('.'))) {
      expect(again.ok && again.reference.name).not.toBe(r.name);
    } else if (/^[a-f0-9]{64}$/.test(r.familiar)) {
      // docker.io/<64 hex> familiarises to the bare hex, which is refused as a name.
      expect(again.ok ? '' : again.issues[0].code).toBe('image-reference-hex-name');
    } else expect(again).toEqual(got);
  });

  test.prop([referenceTextArb])('the canonical form parses to itself, with latest written when nothing was', (text) => {
    const got = parseImageReference(text);
    fc.pre(got.ok);
    if (!got.ok) return;
    const r = got.reference;
    const again = parseImageReference(r.canonical);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const defaulted = r.tag === undefined && r.digest === undefined ? { ...r, tag: 'latest', familiar: `${r.familiar}:latest` } : r;
    expect(again.reference).toEqual(defaulted);
    expect(again.reference.canonical).toBe(r.canonical);
    expect(sameImage(r, again.reference)).toBe(true);
  });

  test.prop([referenceTextArb, referenceTextArb, fc.constantFrom('other', 'familiar', 'canonical', 'digest only')])(
    'sameImage is ParseDockerRef equality: same name, then the digest if any, else the tag (latest by default)',
    (x, y, pick) => {
      const a = parseImageReference(x);
      fc.pre(a.ok);
      if (!a.ok) return;
      const r = a.reference;
      const other = pick === 'other' ? y : pick === 'familiar' ? r.familiar : pick === 'canonical' ? r.canonical : r.name + (r.digest === undefined ? '' : `@${r.digest}`);
      const b = parseImageReference(other);
      fc.pre(b.ok);
      if (!b.ok) return;
      expect(sameImage(r, b.reference)).toBe(dockerRef(r) === dockerRef(b.reference));
      expect(sameImage(b.reference, r)).toBe(sameImage(r, b.reference));
    },
  );

  // Cheap per run, and the oracle is the point: 5× the usual runs (500 locally, 5,000 in CI).
  test.prop([referenceTextArb], { numRuns: scaledRuns(5) })('agrees with the upstream regular expressions (oracle)', (text) => {
    const got = parseImageReference(text);
    const want = oracle(text);
    expect(got.ok ? { ...got.reference } : got.issues[0].message).toEqual(want.ok ? want.reference : want.message);
  });
});

// Helpers

/** `ParseDockerRef(...).String()`: the name, then the digest if any, else the tag or latest. */
function dockerRef(r: ImageReference): string {
  return r.name + (r.digest === undefined ? `:${r.tag ?? 'latest'}` : `@${r.digest}`);
}

/** The reference as `Reference.String()` prints it: name, then tag and digest as written. */
function written(r: ImageReference): string {
  return r.name + (r.tag === undefined ? '' : `:${r.tag}`) + (r.digest === undefined ? '' : `@${r.digest}`);
}

// The oracle: distribution/reference v0.6.0 regexp.go patterns as JavaScript regular expressions
// (same leftmost-first capture rules as Go's), and normalize.go's steps written out plainly.
// Test-only: these patterns backtrack, which is harmless on the short generated inputs.
const ALNUM = '[a-z0-9]+';
const PATH_COMPONENT = `${ALNUM}(?:(?:[._]|__|[-]+)${ALNUM})*`;
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])`;
const DOMAIN_AND_PORT = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const REFERENCE_RE = new RegExp(`^((?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const NAME_RE = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);

type OracleResult = { ok: true; reference: Record<string, string> } | { ok: false; message: string };

/** Go's strings.ToLower, rune by rune (simple case mapping: U+0130 → i). */
function goToLower(s: string): string {
  return [...s].map((ch) => (ch === '\u0130' ? 'i' : ch.toLowerCase())).join('');
}

function oracleParse(s: string): OracleResult | { ok: true; domain: string; path: string; tag: string; digest: string } {
  const m = REFERENCE_RE.exec(s);
  if (m === null) {
    const lower = goToLower(s);
    return { ok: false, message: lower !== s && REFERENCE_RE.test(lower) ? 'repository name must be lowercase' : 'invalid reference format' };
  }
  const n = NAME_RE.exec(m[1] as string) as RegExpExecArray;
  const domain = n[1] ?? '';
  const path = n[2] as string;
  if (path.length > 255) return { ok: false, message: 'repository name must not be more than 255 characters' };
  const digest = m[3] ?? '';
  if (digest !== '') {
    const [algorithm, hex] = digest.split(':') as [string, string];
    const size = { sha256: 64, sha384: 96, sha512: 128 }[algorithm];
    if (size === undefined) return { ok: false, message: /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/.test(algorithm) ? 'unsupported digest algorithm' : 'invalid checksum digest format' };
    if (hex.length !== size) return { ok: false, message: 'invalid checksum digest length' };
    if (!/^[a-f0-9]+$/.test(hex)) return { ok: false, message: 'invalid checksum digest format' };
  }
  return { ok: true, domain, path, tag: m[2] ?? '', digest };
}

function oracle(s: string): OracleResult {
  if (/^[a-f0-9]{64}$/.test(s)) return { ok: false, message: `invalid repository name (${s}), cannot specify 64-byte hexadecimal strings` };
  let domain = 'docker.io';
  let remainder = s;
  const slash = s.indexOf('/');
  if (slash < 0) remainder = `library/${s}`;
  else {
    const first = s.slice(0, slash);
    if (first === 'localhost' || /[.:]/.test(first) || goToLower(first) !== first) [domain, remainder] = [first === 'index.docker.io' ? 'docker.io' : first, s.slice(slash + 1)];
    if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  }
  const remote = remainder.split(':')[0] as string;
  if (goToLower(remote) !== remote) return { ok: false, message: `invalid reference format: repository name (${remote}) must be lowercase` };
  const p = oracleParse(`${domain}/${remainder}`);
  if (!p.ok || !('path' in p)) return p;
  const name = p.domain === '' ? p.path : `${p.domain}/${p.path}`;
  const suffix = (p.tag === '' ? '' : `:${p.tag}`) + (p.digest === '' ? '' : `@${p.digest}`);
  let familiarName = name;
  if (p.domain === 'docker.io') familiarName = /^library\/[^/]+$/.test(p.path) ? p.path.slice('library/'.length) : p.path;
  return {
    ok: true,
    reference: {
      domain: p.domain,
      path: p.path,
      name,
      ...(p.tag === '' ? {} : { tag: p.tag }),
      ...(p.digest === '' ? {} : { digest: p.digest }),
      canonical: name + (suffix === '' ? ':latest' : suffix),
      familiar: familiarName + suffix,
    },
  };
}
