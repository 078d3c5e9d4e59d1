/** How the commands print where base image configs came from (text lines and JSON). */
import type { Palette } from '../io.js';
import type { BaseResolution } from './resolve.js';
import type { BaseSource } from './sources.js';

/** A base image's provenance as JSON output carries it. */
export interface BaseJson {
  readonly reference: string;
  readonly canonical: string | null;
  readonly platform: string;
  /** Where the config came from; `null` when no source had it. */
  readonly source: BaseSource | null;
  /** The sources asked, in order. */
  readonly tried: readonly string[];
  readonly description: string;
}

/** The JSON form of one resolution (the config itself is left out: the commands print what it gives). */
export function baseJson(b: BaseResolution): BaseJson {
  return { reference: b.reference, canonical: b.canonical, platform: b.platform, source: b.source, tried: b.tried, description: b.description };
}

/** One text line per base: `node:20 from catalog 2026-08-21` (unknown ones in yellow). */
export function baseText(b: BaseResolution, p: Palette): string {
  return b.source === null ? p.yellow(b.description) : b.description;
}
