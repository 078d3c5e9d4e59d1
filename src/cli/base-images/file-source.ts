/**
 * Base image configs from files given on the command line (`--image-config REF=FILE`, or its
 * deprecated alias `--base REF=FILE`), as a source of the chain: a file answers for the reference it is given for,
 * compared as Docker compares images (`sameImage`: `node` ≡ `node:latest` ≡
 * `docker.io/library/node:latest`), the way the library matches its image records. The library
 * itself receives the files too (their keys are checked there, unused ones warned about); this
 * source says which references they answer, so that no later source is asked for them.
 */
import { parseImageReference, sameImage, type ImageReference } from '../../core/image-reference.js';
import type { ImageFile } from '../inputs.js';
import type { BaseConfigSource, BaseQuery } from './sources.js';

/** Whether the file given for `ref` (parsed as `parsed`) answers `query`. */
function matches(ref: string, parsed: ImageReference | null, query: BaseQuery): boolean {
  if (ref === query.text) return true;
  return parsed !== null && query.reference !== null && sameImage(parsed, query.reference);
}

/** The source answering from `files`; the last file that matches wins (as a repeated option overrides). */
export function fileSource(files: readonly ImageFile[]): BaseConfigSource {
  const parsed = files.map((f) => {
    const r = parseImageReference(f.ref);
    return { ...f, reference: r.ok ? r.reference : null };
  });
  return {
    name: 'file',
    lookup: (query) => {
      let hit: (typeof parsed)[number] | undefined;
      for (const f of parsed) if (matches(f.ref, f.reference, query)) hit = f;
      return Promise.resolve(hit === undefined ? undefined : { config: hit.config, source: { kind: 'file', file: hit.file }, diagnostics: [] });
    },
  };
}
