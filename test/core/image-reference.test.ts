import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDistributionReference } from '../../src/core/image-reference.js';
import { DIAGNOSTICS, parseImageReference, sameImage, type ImageReference } from '../../src/index.js';
import { EDGE_CASES } from '../fixtures/image-reference-edge-cases.js';
import { DOMAIN_ROWS, IDENTIFIER_ROWS, NAME_ROWS, NORMALIZED_ROWS, PARSE_ROWS, REFERENCE_REGEXP_ROWS } from '../fixtures/image-reference.js';

/** `Reference.String()` of the parsed reference: name, then the tag and digest as written. */
const stringOf = (r: ImageReference): string => r.name + (r.tag === undefined ? '' : `:${r.tag}`) + (r.digest === undefined ? '' : `@${r.digest}`);
/** `ParseDockerRef(...).String()`: the digest wins over a tag; `latest` when neither. */
const dockerRefOf = (r: ImageReference): string => r.name + (r.digest === undefined ? `:${r.tag ?? 'latest'}` : `@${r.digest}`);

function parsed(text: string): ImageReference {
  const result = parseImageReference(text);
  if (!result.ok) throw new Error(`${JSON.stringify(text)}: ${result.issues[0].message}`);
  return result.reference;
}

describe('reference.Parse vectors (distribution/reference v0.6.0 reference_test.go)', () => {
  test.for(PARSE_ROWS)('Parse($input)', (row) => {
    const got = parseDistributionReference(row.input);
    if (row.error !== undefined) {
      expect(got.ok ? got.parts : got.issue.message).toBe(row.error);
      return;
    }
    expect(got.ok, got.ok ? '' : got.issue.message).toBe(true);
    if (!got.ok) return;
    const { domain, path, tag, digest } = got.parts;
    expect({ domain, name: domain === '' ? path : `${domain}/${path}`, tag, digest }).toEqual({
      domain: row.domain,
      name: row.name,
      tag: row.tag,
      digest: row.digest,
    });
    // The upstream test also prints the reference back and gets the input.
    expect((domain === '' ? path : `${domain}/${path}`) + (tag === undefined ? '' : `:${tag}`) + (digest === undefined ? '' : `@${digest}`)).toBe(row.input);
  });
});

describe('grammar regexps (distribution/reference v0.6.0 regexp_test.go)', () => {
  test.for(DOMAIN_ROWS)('DomainRegexp $input → $match', ({ input, match }) => {
    // The host is a domain exactly when Parse(host + "/repo") captures it as one.
    const got = parseDistributionReference(`${input}/repo`);
    expect(got.ok && got.parts.domain === input).toBe(match);
  });

  test.for(NAME_ROWS)('anchoredNameRegexp $input → $match', ({ input, match, subs }) => {
    const got = parseDistributionReference(input);
    const isName = got.ok && got.parts.tag === undefined && got.parts.digest === undefined;
    expect(isName).toBe(match);
    if (subs !== undefined && got.ok) expect([got.parts.domain, got.parts.path]).toEqual(subs);
  });

  test.for(REFERENCE_REGEXP_ROWS)('ReferenceRegexp $input → $match', ({ input, match, subs }) => {
    const got = parseDistributionReference(input);
    // Parse checks the length and the digest only after the regexp matched.
    const grammarRefused = !got.ok && (got.issue.code === 'image-reference-invalid' || got.issue.code === 'image-reference-uppercase');
    expect(!grammarRefused).toBe(match);
    if (subs !== undefined && got.ok) {
      const { domain, path, tag, digest } = got.parts;
      expect([domain === '' ? path : `${domain}/${path}`, tag ?? '', digest ?? '']).toEqual(subs);
    }
  });

  test.for(IDENTIFIER_ROWS)('anchoredIdentifierRegexp $input → $match', ({ input, match }) => {
    const got = parseImageReference(input);
    expect(!got.ok && got.issues[0].code === 'image-reference-hex-name').toBe(match);
  });
});

describe('ParseNormalizedNamed vectors (distribution/reference v0.6.0 normalize_test.go, reference_test.go)', () => {
  test.for(NORMALIZED_ROWS)('$input ($source)', (row) => {
    const got = parseImageReference(row.input);
    expect(got.ok, got.ok ? '' : got.issues[0].message).toBe(row.ok);
    if (!got.ok) {
      if (row.error !== undefined) expect(got.issues[0].message).toBe(row.error);
      return;
    }
    const r = got.reference;
    const suffix = stringOf(r).slice(r.name.length);
    if (row.domain !== undefined) expect(r.domain).toBe(row.domain);
    if (row.path !== undefined) expect(r.path).toBe(row.path);
    if (row.string !== undefined) expect(stringOf(r)).toBe(row.string);
    if (row.familiarName !== undefined) expect(r.familiar.slice(0, r.familiar.length - suffix.length)).toBe(row.familiarName);
    if (row.familiar !== undefined) expect(r.familiar).toBe(row.familiar);
    if (row.dockerRef !== undefined) expect(dockerRefOf(r)).toBe(row.dockerRef);
    if (row.canonicalInput !== undefined) expect(stringOf(r) === row.input).toBe(row.canonicalInput);
  });
});

/** One `docker pull` observation of scripts/record-image-references.ts. */
type Probe =
  | { readonly input: string; readonly ok: false; readonly error: string }
  | { readonly input: string; readonly ok: true; readonly defaultTag: boolean; readonly fromImage: string; readonly tag: string; readonly printed: string };
const probe = JSON.parse(readFileSync(new URL('../fixtures/image-reference/docker-28.2.2.json', import.meta.url), 'utf8')) as {
  readonly source: string;
  readonly cases: readonly Probe[];
};

describe(`docker CLI 28.2.2 \`docker pull\` probe (${probe.cases.length} references)`, () => {
  test('the CLI pulls docker.io/0.a/node from registry 0.a: the familiar form it passes on is lossy', () => {
    const c = probe.cases.find((p) => p.input === 'docker.io/0.a/node');
    expect(c).toMatchObject({ ok: true, printed: 'docker.io/0.a/node:latest', fromImage: '0.a/node' });
    expect(parsed('docker.io/0.a/node').name).toBe('docker.io/0.a/node');
  });

  test('the probe covers every upstream vector and edge case', () => {
    const probed = new Set(probe.cases.map((c) => c.input));
    const wanted = [...PARSE_ROWS, ...NORMALIZED_ROWS, ...EDGE_CASES].map((r) => r.input).filter((s) => !s.includes('\0'));
    expect(wanted.filter((s) => !probed.has(s))).toEqual([]);
  });

  test.for(probe.cases.map((c) => [JSON.stringify(c.input).slice(0, 90), c] as const))('%s', ([, c]) => {
    const got = parseImageReference(c.input);
    if (!c.ok) {
      expect(got.ok ? got.reference.canonical : got.issues[0].message).toBe(c.error);
      return;
    }
    expect(got.ok, got.ok ? '' : got.issues[0].message).toBe(true);
    if (!got.ok) return;
    const r = got.reference;
    // The CLI adds :latest, then hands FamiliarString to its client library, which parses it
    // again for fromImage.
    const sent = parsed(parsed(r.canonical).familiar);
    expect({ canonical: r.canonical, name: sent.name, tag: r.digest ?? r.tag ?? 'latest', defaultTag: r.tag === undefined && r.digest === undefined }).toEqual({
      canonical: c.printed,
      name: c.fromImage,
      tag: c.tag,
      defaultTag: c.defaultTag,
    });
  });
});

describe('parseImageReference: result shape', () => {
  const DIGEST = 'sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';

  test.for([
    ['node', { domain: 'docker.io', path: 'library/node', name: 'docker.io/library/node', canonical: 'docker.io/library/node:latest', familiar: 'node' }],
    ['node:20', { domain: 'docker.io', path: 'library/node', name: 'docker.io/library/node', tag: '20', canonical: 'docker.io/library/node:20', familiar: 'node:20' }],
    ['user/app', { domain: 'docker.io', path: 'user/app', name: 'docker.io/user/app', canonical: 'docker.io/user/app:latest', familiar: 'user/app' }],
    ['gcr.io/x/y:1', { domain: 'gcr.io', path: 'x/y', name: 'gcr.io/x/y', tag: '1', canonical: 'gcr.io/x/y:1', familiar: 'gcr.io/x/y:1' }],
    ['localhost:5000/app', { domain: 'localhost:5000', path: 'app', name: 'localhost:5000/app', canonical: 'localhost:5000/app:latest', familiar: 'localhost:5000/app' }],
    [
      `node@${DIGEST}`,
      { domain: 'docker.io', path: 'library/node', name: 'docker.io/library/node', digest: DIGEST, canonical: `docker.io/library/node@${DIGEST}`, familiar: `node@${DIGEST}` },
    ],
    [
      `node:20@${DIGEST}`,
      {
        domain: 'docker.io',
        path: 'library/node',
        name: 'docker.io/library/node',
        tag: '20',
        digest: DIGEST,
        canonical: `docker.io/library/node:20@${DIGEST}`,
        familiar: `node:20@${DIGEST}`,
      },
    ],
  ] as const)('%s', ([input, reference]) => {
    const got = parseImageReference(input);
    expect(got.ok && got.reference).toStrictEqual(reference);
  });

  test('an absent tag or digest is an absent key, not undefined', () => {
    expect(Object.keys(parsed('node'))).toEqual(['domain', 'path', 'name', 'canonical', 'familiar']);
  });

  test.for([
    ['Node', 'image-reference-uppercase', 'invalid reference format: repository name (library/Node) must be lowercase'],
    ['localhost:5000/Foo', 'image-reference-uppercase', 'invalid reference format: repository name (Foo) must be lowercase'],
    ['Foo_bar/x', 'image-reference-uppercase', 'repository name must be lowercase'],
    ['a:b:c', 'image-reference-invalid', 'invalid reference format'],
    ['', 'image-reference-invalid', 'invalid reference format'],
    ['a'.repeat(248), 'image-reference-too-long', 'repository name must not be more than 255 characters'],
    [
      'da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821',
      'image-reference-hex-name',
      'invalid repository name (da304e823d8ca2b9d863a3c897baeb852ba21ea9a9f1414736394ae7fcaf9821), cannot specify 64-byte hexadecimal strings',
    ],
    [`node@sha256:${'a'.repeat(40)}`, 'image-reference-digest-invalid', 'invalid checksum digest length'],
    [`node@md5:${'a'.repeat(32)}`, 'image-reference-digest-invalid', 'unsupported digest algorithm'],
    [`node:1@SHA256:${'a'.repeat(64)}`, 'image-reference-digest-invalid', 'invalid checksum digest format'],
  ] as const)('%j → %s', ([input, code, message]) => {
    expect(parseImageReference(input)).toEqual({ ok: false, issues: [{ code, message }], diagnostics: [] });
  });

  test('a host-looking first component that is not a host leaves the reference without a domain (warning)', () => {
    const got = parseImageReference('my_reg.local/app:1');
    expect(got.ok && got.reference).toMatchObject({
      domain: '',
      path: 'my_reg.local/app',
      name: 'my_reg.local/app',
      canonical: 'my_reg.local/app:1',
      familiar: 'my_reg.local/app:1',
    });
    expect(got.diagnostics.map((d) => [d.code, d.severity])).toEqual([['image-reference-no-domain', 'warning']]);
  });

  test('the familiar form of a Docker Hub namespace with a dot names another registry (FamiliarString is lossy)', () => {
    expect(parsed('docker.io/0.a/node').familiar).toBe('0.a/node');
    expect(parsed('0.a/node')).toMatchObject({ domain: '0.a', path: 'node' });
  });

  test('a tag beside a digest is reported as ignored (info)', () => {
    expect(parseImageReference(`node:20@${DIGEST}`).diagnostics.map((d) => [d.code, d.severity])).toEqual([['image-reference-tag-ignored', 'info']]);
    expect(parseImageReference('node:20').diagnostics).toEqual([]);
  });

  test('every code it can emit is catalogued', () => {
    const codes = ['invalid', 'uppercase', 'too-long', 'hex-name', 'digest-invalid', 'no-domain', 'tag-ignored'].map((c) => `image-reference-${c}`);
    for (const code of codes) expect(Object.hasOwn(DIAGNOSTICS, code), code).toBe(true);
  });

  test('a non-string throws a TypeError naming the parameter', () => {
    expect(() => parseImageReference(5 as unknown as string)).toThrow(new TypeError('text must be a string, got number'));
  });
});

describe('sameImage', () => {
  const D1 = `sha256:${'1'.repeat(64)}`;
  const D2 = `sha256:${'2'.repeat(64)}`;
  test.for([
    ['node', 'node:latest', true],
    ['node', 'docker.io/library/node:latest', true],
    ['node', 'index.docker.io/library/node', true],
    ['docker.io/node', 'library/node', true],
    ['node:20', 'node:21', false],
    ['node', 'nodejs', false],
    ['user/app', 'docker.io/user/app:latest', true],
    ['gcr.io/x/y', 'gcr.io/x/y:latest', true],
    ['gcr.io/x/y', 'eu.gcr.io/x/y', false],
    [`node@${D1}`, `node:20@${D1}`, true],
    [`node:20@${D1}`, `node:21@${D1}`, true],
    [`node@${D1}`, `node@${D2}`, false],
    [`node:20@${D1}`, 'node:20', false],
    ['localhost/app', 'localhost:5000/app', false],
  ] as const)('%s ≡ %s → %s', ([a, b, same]) => {
    expect(sameImage(parsed(a), parsed(b))).toBe(same);
    expect(sameImage(parsed(b), parsed(a))).toBe(same);
  });

  test('non-objects throw a TypeError naming the parameter', () => {
    expect(() => sameImage(null as unknown as ImageReference, parsed('x'))).toThrow(/\ba\b/);
    expect(() => sameImage(parsed('x'), 'x' as unknown as ImageReference)).toThrow(/\bb\b/);
  });
});
