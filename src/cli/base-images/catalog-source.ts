/**
 * Base image configs from the bundled catalog (`container-argv/catalog`), the default last
 * source. The catalog module is big, so it is loaded with `import()` on the first lookup only:
 * commands and Dockerfiles that never reach the catalog do not pay for it.
 */
import type { Diagnostic, ImageConfig } from '../../core/types.js';
import { formatPlatform } from '../../registry/platform.js';
import type { BaseConfigSource } from './sources.js';

/** What this source needs of the catalog module (`lookupCatalog` of src/catalog/). */
export interface CatalogModule {
  readonly lookupCatalog: (
    reference: string,
    options: { readonly os?: 'linux' | 'windows'; readonly platform?: string },
  ) =>
    | {
        readonly ok: true;
        readonly config: ImageConfig;
        readonly source: { readonly date: string; readonly reference: string; readonly platform: string; readonly exact: boolean };
        readonly diagnostics: readonly Diagnostic[];
      }
    | { readonly ok: false };
}

/** Loads the catalog module; `undefined` when this build has none. */
export type LoadCatalog = () => Promise<CatalogModule | undefined>;

/** The bundled catalog (src/catalog/, `container-argv/catalog`), loaded on first use. */
export const loadCatalog: LoadCatalog = () => import('../../catalog/index.js');

/** The source answering from the catalog; any catalog failure (unknown image, tag, digest or OS) is a miss. */
export function catalogSource(load: LoadCatalog = loadCatalog): BaseConfigSource {
  let module: Promise<CatalogModule | undefined> | undefined;
  return {
    name: 'catalog',
    lookup: async (query) => {
      if (query.reference === null) return undefined;
      const catalog = await (module ??= load());
      if (catalog === undefined) return undefined;
      const os = query.platform.os === 'windows' ? 'windows' : query.platform.os === 'linux' ? 'linux' : undefined;
      const r = catalog.lookupCatalog(query.reference.canonical, {
        ...(os !== undefined && { os }),
        ...(query.platformGiven && { platform: formatPlatform({ ...query.platform, osVersion: '' }) }),
      });
      if (!r.ok) return undefined;
      const { date, reference, platform, exact } = r.source;
      return { config: r.config, source: { kind: 'catalog', date, reference, platform, exact }, diagnostics: r.diagnostics };
    },
  };
}
