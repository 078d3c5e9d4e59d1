// The chain of base image sources (src/cli/base-images/resolve.ts) with fake sources: the order
// the issue sets (file > engine > registry > catalog > unknown), provenance, failures that are
// said while the next source is asked, one lookup per reference and platform.
import { describe, expect, test } from 'vitest';
import type { ImageConfig } from '../../../src/core/types.js';
import { createBaseResolver, type BaseChain } from '../../../src/cli/base-images/resolve.js';
import type { BaseConfigSource, BaseLookupResult, BaseQuery, BaseSource } from '../../../src/cli/base-images/sources.js';

const LINUX_AMD64 = { os: 'linux', architecture: 'amd64' } as const;
const cfg = (cmd: string): ImageConfig => ({ entrypoint: null, cmd: [cmd] });

const SOURCES: Record<string, BaseSource> = {
  file: { kind: 'file', file: 'node.json' },
  docker: { kind: 'engine', engine: 'docker', id: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' },
  registry: { kind: 'registry', registry: 'registry-1.docker.io', repository: 'library/node', digest: 'sha256:aaaa', platform: 'linux/amd64' },
  catalog: { kind: 'catalog', date: '2026-08-21', reference: 'docker.io/library/node:20', platform: 'linux/amd64', exact: true },
};

/** A fake source that knows `refs` (by text), fails for `failing`, and records every query. */
function fake(name: keyof typeof SOURCES, refs: readonly string[], failing: readonly string[] = []) {
  const queries: BaseQuery[] = [];
  const source: BaseConfigSource = {
    name,
    lookup: async (q): Promise<BaseLookupResult> => {
      queries.push(q);
      if (failing.includes(q.text)) return { ok: false, issues: [{ code: 'engine-inspect-failed', message: `${name} broke` }], diagnostics: [] };
      return refs.includes(q.text) ? { config: cfg(`${name}:${q.text}`), source: SOURCES[name]!, diagnostics: [] } : undefined;
    },
  };
  return { source, queries };
}

const chainOf = (...sources: BaseConfigSource[]): BaseChain => ({ sources, platform: LINUX_AMD64, platformGiven: false });

describe('the chain asks sources in order until one answers', () => {
  // Which source answers when several know the image: the first in the order file > engine > registry > catalog.
  test.for([
    { knows: ['file', 'docker', 'registry', 'catalog'], answers: 'file', tried: ['file'] },
    { knows: ['docker', 'registry', 'catalog'], answers: 'docker', tried: ['file', 'docker'] },
    { knows: ['registry', 'catalog'], answers: 'registry', tried: ['file', 'docker', 'registry'] },
    { knows: ['catalog'], answers: 'catalog', tried: ['file', 'docker', 'registry', 'catalog'] },
    { knows: [], answers: null, tried: ['file', 'docker', 'registry', 'catalog'] },
  ])('known to $knows: answered by $answers', async ({ knows, answers, tried }) => {
    const fakes = (['file', 'docker', 'registry', 'catalog'] as const).map((n) => fake(n, (knows as readonly string[]).includes(n) ? ['node:20'] : []));
    const r = await createBaseResolver(chainOf(...fakes.map((f) => f.source))).resolve([{ reference: 'node:20' }]);
    const base = r.bases[0]!;
    expect(base.tried).toEqual(tried);
    expect(base.source).toEqual(answers === null ? null : SOURCES[answers]);
    // The lookup answers as an ImageLookup answers: the config with its source.
    expect(r.lookup('node:20')).toEqual(answers === null ? undefined : { config: cfg(`${answers}:node:20`), source: SOURCES[answers] });
    // Sources after the one that answered are never asked.
    fakes.forEach((f, i) => expect(f.queries.length, f.source.name).toBe(i < tried.length ? 1 : 0));
  });

  test('each base names where its config came from', async () => {
    const chain = chainOf(fake('file', ['a']).source, fake('docker', ['b']).source, fake('registry', ['c']).source, fake('catalog', ['d']).source);
    const r = await createBaseResolver(chain).resolve(['a', 'b', 'c', 'd', 'e'].map((reference) => ({ reference })));
    expect(r.bases.map((b) => b.description)).toEqual([
      'a from file node.json',
      'b from docker image inspect (sha256:0123456789ab)',
      'c from registry sha256:aaaa (registry-1.docker.io/library/node, linux/amd64)',
      'd from catalog 2026-08-21',
      'e unknown (asked: file, docker, registry, catalog)',
    ]);
  });

  test('a failing source is said as an error and the next source answers', async () => {
    const chain = chainOf(fake('docker', [], ['node:20']).source, fake('catalog', ['node:20']).source);
    const r = await createBaseResolver(chain).resolve([{ reference: 'node:20' }]);
    expect(r.bases[0]!.source).toEqual(SOURCES['catalog']);
    expect(r.diagnostics).toEqual([{ code: 'engine-inspect-failed', severity: 'error', message: 'node:20: docker broke' }]);
  });

  test('no sources: unknown, nothing asked', async () => {
    const r = await createBaseResolver(chainOf()).resolve([{ reference: 'node:20' }]);
    expect(r.bases[0]!.description).toBe('node:20 unknown (no source asked)');
    expect(r.lookup('node:20')).toBeUndefined();
  });
});

describe('queries', () => {
  test('the reference is parsed for sources; an invalid one is passed as text with reference null', async () => {
    const f = fake('file', []);
    await createBaseResolver(chainOf(f.source)).resolve([{ reference: 'node:20' }, { reference: 'Not/Valid' }]);
    expect(f.queries.map((q) => [q.text, q.reference?.canonical ?? null])).toEqual([
      ['node:20', 'docker.io/library/node:20'],
      ['Not/Valid', null],
    ]);
  });

  test('a request platform (FROM --platform) wins over the chain default and counts as given', async () => {
    const f = fake('file', []);
    await createBaseResolver(chainOf(f.source)).resolve([{ reference: 'a' }, { reference: 'b', platform: { os: 'linux', architecture: 'arm64' } }]);
    expect(f.queries.map((q) => [q.platform, q.platformGiven])).toEqual([
      [LINUX_AMD64, false],
      [{ os: 'linux', architecture: 'arm64' }, true],
    ]);
  });

  test('each reference is asked once per resolver, across resolve() calls and duplicates', async () => {
    const f = fake('catalog', ['node:20']);
    const resolver = createBaseResolver(chainOf(f.source));
    const first = await resolver.resolve([{ reference: 'node:20' }, { reference: 'node:20' }]);
    const second = await resolver.resolve([{ reference: 'node:20' }, { reference: 'alpine' }]);
    expect(first.bases.map((b) => b.reference)).toEqual(['node:20']);
    expect(second.bases.map((b) => b.reference)).toEqual(['node:20', 'alpine']);
    expect(f.queries.map((q) => q.text)).toEqual(['node:20', 'alpine']);
  });

  test('answers keep request order when lookups finish out of order; at most `concurrency` run at once', async () => {
    const pending = new Map<string, () => void>();
    let running = 0;
    let most = 0;
    const slow: BaseConfigSource = {
      name: 'catalog',
      lookup: (q) => {
        most = Math.max(most, ++running);
        return new Promise((resolve) => {
          pending.set(q.text, () => {
            running--;
            resolve({ config: cfg(q.text), source: SOURCES['catalog']!, diagnostics: [] });
          });
        });
      },
    };
    const done = createBaseResolver({ ...chainOf(slow), concurrency: 2 }).resolve(['a', 'b', 'c'].map((reference) => ({ reference })));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    await settle();
    expect([...pending.keys()]).toEqual(['a', 'b']);
    pending.get('b')!();
    await settle();
    pending.get('c')!();
    pending.get('a')!();
    const r = await done;
    expect(most).toBe(2);
    expect(r.bases.map((b) => b.reference)).toEqual(['a', 'b', 'c']);
    expect(['a', 'b', 'c'].map((x) => r.lookup(x)?.config)).toEqual([cfg('a'), cfg('b'), cfg('c')]);
  });
});
