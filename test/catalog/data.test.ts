import { describe, expect, test } from 'vitest';
import { CATALOG_JSON, CATALOG_META } from '../../src/catalog/data.js';
import type { CatalogData } from '../../src/catalog/format.js';

// src/catalog/data.ts is generated (scripts/catalog/generate.ts; docs/catalog.md describes the format). These
// are the format's own invariants: the meta header repeats the data's, and the counts count the data.
const DATA = JSON.parse(CATALOG_JSON) as CatalogData;
const entries = Object.values(DATA.repositories).flat();

describe('catalog data', () => {
  test('format 1; the meta header (readable without parsing) is the data’s own', () => {
    expect(DATA.format).toBe(1);
    expect(CATALOG_META).toEqual({ format: DATA.format, date: DATA.date, sources: DATA.sources, counts: DATA.counts });
  });

  test('counts: repositories, entries, configs and omitted entries by reason', () => {
    const omitted: Record<string, number> = {};
    for (const e of entries) if (e.config === null) omitted[e.omitted ?? '(none)'] = (omitted[e.omitted ?? '(none)'] ?? 0) + 1;
    expect({
      repositories: Object.keys(DATA.repositories).length,
      entries: entries.length,
      configs: DATA.configs.length,
      omitted: entries.filter((e) => e.config === null).length,
      omittedBy: omitted,
    }).toEqual({
      repositories: DATA.counts.repositories,
      entries: DATA.counts.entries,
      configs: DATA.counts.configs,
      omitted: DATA.counts.omitted,
      omittedBy: DATA.counts.omittedBy,
    });
  });

  test('every entry points at a stored config, and every stored config is used (identical configs stored once)', () => {
    const used = new Set<number>();
    for (const e of entries) {
      if (e.config === null) continue;
      expect(Number.isInteger(e.config) && e.config >= 0 && e.config < DATA.configs.length).toBe(true);
      used.add(e.config);
    }
    expect(used.size).toBe(DATA.configs.length);
    expect(new Set(DATA.configs.map((c) => JSON.stringify(c))).size).toBe(DATA.configs.length);
  });

  test('an entry without a config says why; one with a config names its origin', () => {
    for (const e of entries) {
      if (e.config === null) expect(e.omitted, e.tags.join(',')).toEqual(expect.any(String));
      else expect(e.origin, e.tags.join(',')).not.toBeNull();
    }
  });
});
