/**
 * Runs the chain of base image sources for a list of references, before the (synchronous)
 * evaluator runs: each reference is asked of every source in order until one answers, and the
 * answers become a plain lookup plus a record of where each config came from. A source's failure
 * is said (an error diagnostic) and the next source is asked. Answers are kept per reference and
 * platform, so `lint` over many files asks once per image.
 */
import { parseImageReference } from '../../core/image-reference.js';
import type { SourcedImageConfig } from '../../core/image-lookup.js';
import type { Diagnostic, ImageConfig } from '../../core/types.js';
import { formatPlatform, type Platform } from '../../registry/platform.js';
import { describeBaseSource, isFailure, type BaseConfigSource, type BaseQuery, type BaseSource } from './sources.js';

/** One base image to find: the reference as written, and the platform when the file names one (`FROM --platform=…`). */
export interface BaseRequest {
  readonly reference: string;
  readonly platform?: Platform;
}

/** Where one base image's config came from, or that none was found. */
export interface BaseResolution {
  /** The reference as written. */
  readonly reference: string;
  /** `docker.io/library/node:20`; `null` when the text is not a valid reference. */
  readonly canonical: string | null;
  /** The platform asked for, `os/arch[/variant]`. */
  readonly platform: string;
  readonly config: ImageConfig | null;
  readonly source: BaseSource | null;
  /** The sources asked, in order, up to the one that answered. */
  readonly tried: readonly string[];
  /** `node:20 from catalog 2026-08-21`, or `node:20 unknown (asked: file, catalog)`. */
  readonly description: string;
  /** The answering source's diagnostics, and an error for each source that failed. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The chain: sources in the order they are asked, and the platform to ask for. */
export interface BaseChain {
  readonly sources: readonly BaseConfigSource[];
  readonly platform: Platform;
  /** True when the platform was asked for (`--platform`), not the default. */
  readonly platformGiven: boolean;
  /** References looked up at once (default 4). */
  readonly concurrency?: number;
}

/** What the chain found for a list of requests. */
export interface ResolvedBases {
  /** The config found for a reference as written, with its source: an `ImageLookup` answer (the evaluator's `baseImages`). */
  readonly lookup: (reference: string) => SourcedImageConfig | undefined;
  /** One entry per distinct reference, in request order. */
  readonly bases: readonly BaseResolution[];
  /** Every base's diagnostics, in request order. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Resolves lists of references, asking each source at most once per reference and platform. */
export interface BaseResolver {
  readonly resolve: (requests: readonly BaseRequest[]) => Promise<ResolvedBases>;
}

const withReference = (text: string, message: string): string => (message.includes(text) ? message : `${text}: ${message}`);

/** Asks the sources in order for one reference. */
async function resolveOne(chain: BaseChain, text: string, platform: Platform, platformGiven: boolean): Promise<BaseResolution> {
  const parsed = parseImageReference(text);
  const query: BaseQuery = { text, reference: parsed.ok ? parsed.reference : null, platform, platformGiven };
  const tried: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const common = { reference: text, canonical: query.reference?.canonical ?? null, platform: formatPlatform(platform) };
  for (const source of chain.sources) {
    tried.push(source.name);
    const r = await source.lookup(query);
    if (r === undefined) continue;
    if (isFailure(r)) {
      for (const issue of r.issues) diagnostics.push({ code: issue.code, severity: 'error', message: withReference(text, issue.message) });
      continue;
    }
    diagnostics.push(...r.diagnostics.map((d) => ({ ...d, message: withReference(text, d.message) })));
    return { ...common, config: r.config, source: r.source, tried, description: `${text} ${describeBaseSource(r.source)}`, diagnostics };
  }
  const asked = tried.length === 0 ? 'no source asked' : `asked: ${tried.join(', ')}`;
  return { ...common, config: null, source: null, tried, description: `${text} unknown (${asked})`, diagnostics };
}

/** A resolution as an `ImageLookup` answer: the config with its source, `undefined` when unknown. */
function answerOf(b: BaseResolution): SourcedImageConfig | undefined {
  return b.config === null || b.source === null ? undefined : { config: b.config, source: b.source };
}

/** Runs `task` over `items` with at most `limit` running at once; results keep the items' order. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Makes a resolver over `chain`.
 *
 * @param chain - the sources in order, and the platform
 * @returns a resolver whose answers are kept for its lifetime
 * @example
 * const r = await createBaseResolver({ sources: [fileSource(files), catalogSource()], platform: DEFAULT_PLATFORM, platformGiven: false })
 *   .resolve([{ reference: 'node:20' }]);
 * r.bases[0].description // 'node:20 from catalog 2026-08-21'
 */
export function createBaseResolver(chain: BaseChain): BaseResolver {
  const memo = new Map<string, Promise<BaseResolution>>();
  const one = (request: BaseRequest) => {
    const platform = request.platform ?? chain.platform;
    const key = `${request.reference}\u0000${formatPlatform(platform)}`;
    let found = memo.get(key);
    if (found === undefined) {
      found = resolveOne(chain, request.reference, platform, request.platform !== undefined || chain.platformGiven);
      memo.set(key, found);
    }
    return found;
  };
  return {
    resolve: async (requests) => {
      const seen = new Set<string>();
      const distinct = requests.filter((r) => !seen.has(r.reference) && seen.add(r.reference));
      const bases = await pool(distinct, chain.concurrency ?? 4, one);
      const configs = new Map(bases.map((b) => [b.reference, answerOf(b)]));
      return { lookup: (reference) => configs.get(reference), bases, diagnostics: bases.flatMap((b) => b.diagnostics) };
    },
  };
}
