import { readFileSync } from 'node:fs';
import { CATALOG_JSON } from '../../src/catalog/data.js';
import { describe, expect, test } from 'vitest';
import { CATALOG_INFO, catalogImageLookup, listCatalogImages, lookupCatalog } from '../../src/catalog/index.js';
import type { CatalogData, CatalogDataEntry } from '../../src/catalog/format.js';
import { evaluateDockerfile, resolveDockerRun, type ImageLookup } from '../../src/index.js';

// The semantics are checked against the catalog's own data (src/catalog/data.ts, generated from
// docker-library/official-images 37079fb and the recorded facts under scripts/catalog/inputs/):
// every entry, every tag. Values are checked against registry records in generate.test.ts.
const DATA = JSON.parse(CATALOG_JSON) as CatalogData;

const osOf = (e: CatalogDataEntry) => (e.platform.startsWith('windows/') ? 'windows' : 'linux');
const entries = Object.entries(DATA.repositories).flatMap(([repository, list]) => list.map((entry) => ({ repository, entry })));
const answered = entries.filter(({ entry }) => entry.config !== null);

/** Tags shared by a Linux and a Windows entry of one repository (e.g. python:3.14). */
function multiOsTags(): { repository: string; tag: string }[] {
  const out: { repository: string; tag: string }[] = [];
  for (const [repository, list] of Object.entries(DATA.repositories)) {
    const byTag = new Map<string, Set<string>>();
    for (const e of list) for (const t of e.shared ?? []) (byTag.get(t) ?? byTag.set(t, new Set()).get(t))?.add(osOf(e));
    for (const [tag, oses] of byTag) if (oses.size === 2) out.push({ repository, tag });
  }
  return out;
}

describe('lookupCatalog: every catalogued tag', () => {
  test(`all ${answered.length} answered entries answer for each own tag with their stored config, platform and exactness`, () => {
    for (const { repository, entry } of answered) {
      for (const tag of entry.tags) {
        const r = lookupCatalog(`${repository}:${tag}`, { os: osOf(entry) });
        if (!r.ok) throw new Error(`${repository}:${tag}: ${r.issues[0].message}`);
        // Deep equality with the stored config: null stays null and [] stays [] (no normalization).
        expect(r.config, `${repository}:${tag}`).toEqual(DATA.configs[entry.config as number]);
        expect(r.source.platform).toBe(entry.platform);
        expect(r.source.exact).toBe(entry.exact);
        expect(
          r.diagnostics.some((d) => d.code === 'catalog-inexact'),
          `${repository}:${tag}`,
        ).toBe(!entry.exact);
      }
    }
  });

  test('tag aliases of one entry answer with the same config object', () => {
    for (const { repository, entry } of answered) {
      const first = lookupCatalog(`${repository}:${entry.tags[0]}`, { os: osOf(entry) });
      for (const tag of entry.tags.slice(1)) {
        const other = lookupCatalog(`${repository}:${tag}`, { os: osOf(entry) });
        expect(first.ok && other.ok && first.config === other.config, `${repository}:${tag}`).toBe(true);
      }
    }
  });

  test('every answer names the catalog, its date and a provenance with repository and commit', () => {
    for (const { repository, entry } of answered) {
      const r = lookupCatalog(`${repository}:${entry.tags[0]}`, { os: osOf(entry) });
      if (!r.ok) throw new Error(repository);
      expect(r.source.kind).toBe('catalog');
      expect(r.source.catalog).toBe(CATALOG_INFO.name);
      expect(r.source.date).toBe(CATALOG_INFO.date);
      expect(r.source.reference).toBe(`${repository}:${entry.tags[0]}`);
      expect(r.source.origin.repository.length).toBeGreaterThan(0);
      expect(r.source.origin.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  test('entries whose config could not be determined fail with catalog-config-unknown and the reason', () => {
    const omitted = entries.filter(({ entry }) => entry.config === null);
    expect(omitted.length).toBe(DATA.counts.omitted);
    for (const { repository, entry } of omitted) {
      const r = lookupCatalog(`${repository}:${entry.tags[0]}`, { os: osOf(entry) });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issues[0].code).toBe('catalog-config-unknown');
        expect(r.issues[0].message).toContain(entry.omitted as string);
      }
    }
  });
});

describe('lookupCatalog: references', () => {
  test('a familiar name is the canonical one (node:24 is docker.io/library/node:24)', () => {
    const familiar = lookupCatalog('node:24');
    const canonical = lookupCatalog('docker.io/library/node:24');
    expect(familiar).toEqual(canonical);
    expect(canonical.ok && canonical.source.reference).toBe('docker.io/library/node:24');
  });

  test('no tag means :latest', () => {
    const r = lookupCatalog('docker.io/library/alpine');
    expect(r.ok && r.source.reference).toBe('docker.io/library/alpine:latest');
  });

  test.for([
    ['docker.io/library/no-such-image:1', 'catalog-unknown-image'],
    ['quay.io/prometheus/prometheus:latest', 'catalog-unknown-image'],
    ['docker.io/library/node:0.0.0-not-a-tag', 'catalog-unknown-tag'],
    [`docker.io/library/node@sha256:${'0'.repeat(64)}`, 'catalog-unknown-digest'],
    ['docker.io/library/Node:24', 'image-reference-uppercase'], // parseImageReference's own issue
    ['node:', 'image-reference-invalid'],
  ] as const)('%s fails with %s', ([ref, code]) => {
    const r = lookupCatalog(ref);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].code).toBe(code);
  });

  test('a digest the catalog recorded (a registry record names the index digest) answers for its entry', () => {
    const pinned = entries.filter(({ entry }) => entry.digest !== undefined);
    expect(pinned.length).toBeGreaterThan(0);
    for (const { repository, entry } of pinned) {
      const r = lookupCatalog(`${repository}@${entry.digest}`);
      expect(r.ok && r.config, `${repository}@${entry.digest}`).toEqual(DATA.configs[entry.config as number]);
    }
  });
});

describe('lookupCatalog: operating systems', () => {
  const shared = multiOsTags();

  test(`${shared.length} shared tags name Linux and Windows images; without an OS the Linux one answers, with catalog-default-os`, () => {
    expect(shared.length).toBeGreaterThan(0);
    for (const { repository, tag } of shared) {
      const r = lookupCatalog(`${repository}:${tag}`);
      if (!r.ok) continue; // an omitted Linux entry (catalog-config-unknown) is checked above
      expect(r.config.os).toBe('linux');
      expect(r.diagnostics.map((d) => d.code)).toContain('catalog-default-os');
    }
  });

  test('options.os and options.platform pick the Windows image of a shared tag', () => {
    for (const { repository, tag } of shared) {
      const byOs = lookupCatalog(`${repository}:${tag}`, { os: 'windows' });
      const byPlatform = lookupCatalog(`${repository}:${tag}`, { platform: 'windows/amd64' });
      if (!byOs.ok) continue;
      expect(byOs.config.os).toBe('windows');
      expect(byOs.source.platform).toBe('windows/amd64');
      expect(byOs.diagnostics.map((d) => d.code)).not.toContain('catalog-default-os');
      expect(byPlatform).toEqual(byOs);
    }
  });

  test('a Linux-only tag asked for Windows fails with catalog-os-unavailable', () => {
    const r = lookupCatalog('docker.io/library/alpine:latest', { os: 'windows' });
    expect(!r.ok && r.issues[0].code).toBe('catalog-os-unavailable');
  });

  test.for(['darwin/arm64', 'linux', 'windows/amd64'])('platform %j with os linux is catalog-invalid-platform unless consistent', (platform) => {
    const r = lookupCatalog('docker.io/library/alpine:latest', { os: 'linux', platform });
    expect(!r.ok && r.issues[0].code).toBe('catalog-invalid-platform');
  });

  test('another architecture of an entry built from per-architecture sources gets catalog-per-arch-source', () => {
    const perArch = answered.find(({ entry }) => entry.perArchSources === true && osOf(entry) === 'linux');
    if (perArch === undefined) throw new Error('no entry with per-architecture sources');
    const ref = `${perArch.repository}:${perArch.entry.tags[0]}`;
    const other = lookupCatalog(ref, { platform: 'linux/s390x' });
    const same = lookupCatalog(ref, { platform: perArch.entry.platform });
    expect(other.ok && other.diagnostics.map((d) => d.code)).toContain('catalog-per-arch-source');
    expect(same.ok && same.diagnostics.map((d) => d.code)).not.toContain('catalog-per-arch-source');
  });
});

describe('catalogImageLookup', () => {
  test('is an ImageLookup (baseImages, resolveManifests images, resolveComposeFile images) whose answers carry their source', () => {
    const lookup = catalogImageLookup();
    const asLookup: ImageLookup = lookup;
    expect(asLookup).toBe(lookup);
    const expected = lookupCatalog('node:24');
    expect(expected.ok && lookup('node:24')).toEqual(expected.ok && { config: expected.config, source: expected.source });
  });

  test('FROM node:24 with no CMD inherits the catalogued ENTRYPOINT and CMD (nodejs/docker-node, as the catalog records it)', () => {
    const expected = lookupCatalog('node:24');
    if (!expected.ok) throw new Error('node:24 not catalogued');
    const evaluated = evaluateDockerfile('FROM node:24\nWORKDIR /app\nCOPY . .\n', { baseImages: catalogImageLookup() });
    if (!evaluated.ok) throw new Error(evaluated.issues[0].message);
    expect(evaluated.config.entrypoint).toEqual(expected.config.entrypoint);
    expect(evaluated.config.cmd).toEqual(expected.config.cmd);
    expect(evaluated.diagnostics.map((d) => d.code)).not.toContain('no-command-unknown-base');
    const run = resolveDockerRun(evaluated.config);
    expect(run.ok && run.argv).toEqual([...(expected.config.entrypoint ?? []), ...(expected.config.cmd ?? [])]);
  });

  test('an image the catalog cannot answer for is unknown (undefined), as if not given', () => {
    const lookup = catalogImageLookup();
    expect(lookup('registry.example/team/app:1')).toBeUndefined();
  });
});

describe('layout', () => {
  test('src/index.ts does not import the catalog (the core bundle does not carry its data)', () => {
    const index = readFileSync(new URL('../../src/index.ts', import.meta.url), 'utf8');
    expect(index).not.toMatch(/catalog/);
  });

  test('CATALOG_INFO states the date, the official-images source and the counts of the data', () => {
    expect(CATALOG_INFO.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(CATALOG_INFO.sources[0]?.repository).toBe('docker-library/official-images');
    expect(CATALOG_INFO.counts.entries).toBe(entries.length);
    expect(CATALOG_INFO.counts.configs).toBe(DATA.configs.length);
  });
});

describe('listCatalogImages', () => {
  const images = listCatalogImages();
  const pairs = images.flatMap((i) => (['linux', 'windows'] as const).flatMap((os) => i.tags[os].map((tag) => ({ image: i, os, tag }))));

  test('lists exactly the (repository, OS, tag) triples of entries with a known config', () => {
    const listed = new Set(pairs.map(({ image, os, tag }) => `${image.repository} ${os} ${tag}`));
    const known = new Set(answered.flatMap(({ repository, entry }) => [...entry.tags, ...(entry.shared ?? [])].map((t) => `${repository} ${osOf(entry)} ${t}`)));
    expect(listed).toEqual(known);
    expect(listed.size).toBe(pairs.length);
  });

  test('every listed tag answers for its OS through the familiar name', () => {
    const failures = pairs.filter(({ image, os, tag }) => {
      const hit = lookupCatalog(`${image.name}:${tag}`, { os });
      return !(hit.ok && hit.source.reference === `${image.repository}:${tag}` && hit.config.os === os);
    });
    expect(failures.map(({ image, os, tag }) => `${image.name}:${tag} (${os})`)).toEqual([]);
  });

  test('names are familiar (no docker.io/library/), unique and sorted', () => {
    const names = images.map((i) => i.name);
    expect(names.filter((n) => n.startsWith('docker.io/'))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
    expect(images.find((i) => i.name === 'node')?.repository).toBe('docker.io/library/node');
  });

  test('a tag known for one OS only is listed for that OS only (openjdk early-access tags: Windows known, Linux base omitted)', () => {
    const openjdk = images.find((i) => i.name === 'openjdk')!;
    const oneOs = openjdk.tags.windows.filter((t) => !openjdk.tags.linux.includes(t));
    expect(oneOs.length).toBeGreaterThan(0);
    for (const t of oneOs) expect(lookupCatalog(`openjdk:${t}`, { os: 'linux' }).ok).toBe(false);
  });
});
