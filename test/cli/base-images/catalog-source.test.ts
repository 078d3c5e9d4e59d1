// The catalog as a source (src/cli/base-images/catalog-source.ts) over a fake catalog module:
// what it is asked (canonical reference, OS, platform only when given), hits and misses, and
// that the module is loaded once, on the first lookup.
import { describe, expect, test, vi } from 'vitest';
import { parseImageReference } from '../../../src/core/image-reference.js';
import { catalogSource, type CatalogModule } from '../../../src/cli/base-images/catalog-source.js';
import type { BaseQuery } from '../../../src/cli/base-images/sources.js';

function query(text: string, platform = { os: 'linux', architecture: 'amd64' }, platformGiven = false): BaseQuery {
  const r = parseImageReference(text);
  return { text, reference: r.ok ? r.reference : null, platform, platformGiven };
}

function fakeCatalog() {
  const lookupCatalog = vi.fn<CatalogModule['lookupCatalog']>((reference) =>
    reference === 'docker.io/library/node:20'
      ? {
          ok: true,
          config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] },
          source: { date: '2026-08-21', reference, platform: 'linux/amd64', exact: true },
          diagnostics: [],
        }
      : { ok: false },
  );
  const load = vi.fn(async (): Promise<CatalogModule> => ({ lookupCatalog }));
  return { lookupCatalog, load };
}

describe('catalogSource', () => {
  test('a catalogued tag: the config, and the catalog date as provenance', async () => {
    const { load } = fakeCatalog();
    expect(await catalogSource(load).lookup(query('node:20'))).toEqual({
      config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] },
      source: { kind: 'catalog', date: '2026-08-21', reference: 'docker.io/library/node:20', platform: 'linux/amd64', exact: true },
      diagnostics: [],
    });
  });

  test('anything the catalog cannot answer is a miss', async () => {
    const { load } = fakeCatalog();
    expect(await catalogSource(load).lookup(query('node:19'))).toBeUndefined();
    expect(await catalogSource(load).lookup(query('Not/Valid'))).toBeUndefined();
  });

  test.for([
    { platform: { os: 'linux', architecture: 'amd64' }, given: false, options: { os: 'linux' } },
    { platform: { os: 'windows', architecture: 'amd64' }, given: false, options: { os: 'windows' } },
    { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }, given: true, options: { os: 'linux', platform: 'linux/arm64/v8' } },
    { platform: { os: 'freebsd', architecture: 'amd64' }, given: true, options: { platform: 'freebsd/amd64' } },
  ])('asked with $options', async ({ platform, given, options }) => {
    const { load, lookupCatalog } = fakeCatalog();
    await catalogSource(load).lookup(query('node:20', platform, given));
    expect(lookupCatalog).toHaveBeenCalledWith('docker.io/library/node:20', options);
  });

  test('the catalog module is loaded once, on the first lookup', async () => {
    const { load } = fakeCatalog();
    const source = catalogSource(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([source.lookup(query('node:20')), source.lookup(query('alpine'))]);
    await source.lookup(query('node:20'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a build without a catalog: every lookup is a miss', async () => {
    expect(await catalogSource(async () => undefined).lookup(query('node:20'))).toBeUndefined();
  });
});
