// Type tests for src/catalog/format.ts (the shape of the generated catalog), checked by `tsc --noEmit`.
import { expectTypeOf, test } from 'vitest';
import type { CatalogData, CatalogDataConfig, CatalogDataEntry, CatalogMeta, CatalogOrigin } from '../../src/catalog/format.js';
import type { ImageConfig } from '../../src/core/types.js';

test('a stored config is an ImageConfig with every list present (null = unset, [] = empty)', () => {
  expectTypeOf<CatalogDataConfig>().toExtend<ImageConfig>();
  expectTypeOf<CatalogDataConfig['cmd']>().toEqualTypeOf<readonly string[] | null>();
  expectTypeOf<CatalogDataConfig['entrypoint']>().toEqualTypeOf<readonly string[] | null>();
});

test('an entry points at a config by index, or null when it is omitted', () => {
  expectTypeOf<CatalogDataEntry['config']>().toEqualTypeOf<number | null>();
  expectTypeOf<CatalogOrigin['kind']>().toEqualTypeOf<'dockerfile' | 'record'>();
});

test('the meta header is the data without configs and repositories', () => {
  expectTypeOf<Omit<CatalogData, 'configs' | 'repositories'>>().toEqualTypeOf<CatalogMeta>();
});
