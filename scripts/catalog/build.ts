// Builds the catalog: every official-images entry gets its config from its Dockerfile (evaluated
// with the library's own evaluateDockerfile, bases first) or from a recorded fact; what cannot be
// determined is kept as an omitted entry with the reason. Pure: inputs in, data out.
import { evaluateDockerfile, type ImageConfig } from '../../src/index.js';
import type { CatalogCounts, CatalogData, CatalogDataConfig, CatalogDataEntry, CatalogDataSource, CatalogOrigin } from '../../src/catalog/format.js';
import { readCatalogReference } from '../../src/catalog/reference.js';
import type { ConfigFact } from './inputs.js';
import type { LibraryEntry, OfficialImagesSnapshot } from './library.js';

/** Why an entry has no config. */
export const OMISSION_REASONS = {
  'no-source': 'no Dockerfile at hand (release-branch or unmirrored repository) and no registry record read',
  'missing-base': 'a base image is neither an official image nor a recorded base',
  'stale-base': 'its Dockerfile, read at a nearest snapshot, names a base tag this snapshot no longer has',
  'digest-base': 'a base image is pinned by a digest the catalog has not recorded',
  'base-omitted': 'a base image is an official image whose own config could not be determined',
  cycle: 'its bases form a cycle',
  'evaluation-failed': 'evaluateDockerfile returned a failure for the Dockerfile',
} as const;

/** Why an entry has no config (a key of {@link OMISSION_REASONS}). */
export type OmissionReason = keyof typeof OMISSION_REASONS;

/** A resolved config with how sure it is. */
interface Resolved {
  readonly config: CatalogDataConfig;
  readonly exact: boolean;
}

/** What a catalog key (canonical reference + OS) resolves to, in entry order. */
type Store = Map<string, Resolved[]>;

const key = (canonical: string, os: string): string => `${os} ${canonical}`;

const ARCH_PLATFORM: Readonly<Record<string, string>> = {
  amd64: 'amd64',
  arm64v8: 'arm64/v8',
  arm32v7: 'arm/v7',
  arm32v6: 'arm/v6',
  arm32v5: 'arm/v5',
  i386: '386',
  ppc64le: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  mips64le: 'mips64le',
  'windows-amd64': 'amd64',
};

function platformOf(entry: LibraryEntry): string {
  const arch = ARCH_PLATFORM[entry.sourceArch];
  if (arch === undefined) throw new Error(`unknown architecture ${entry.sourceArch}`);
  return `${entry.os}/${arch}`;
}

/** Canonical references of an entry's tags (own and shared). */
function refsOf(entry: LibraryEntry): string[] {
  return [...entry.tags, ...entry.sharedTags].map((t) => `docker.io/library/${entry.image}:${t}`);
}

function toConfig(c: ImageConfig, os: 'linux' | 'windows'): CatalogDataConfig {
  const out: {
    entrypoint: readonly string[] | null;
    cmd: readonly string[] | null;
    shell: readonly string[] | null;
    onBuild: readonly string[] | null;
    os: 'linux' | 'windows';
    argsEscaped?: boolean;
  } = {
    entrypoint: c.entrypoint ?? null,
    cmd: c.cmd ?? null,
    shell: c.shell ?? null,
    onBuild: c.onBuild ?? null,
    os: c.os ?? os,
  };
  if (c.argsEscaped !== undefined) out.argsEscaped = c.argsEscaped;
  return out;
}

/** Canonical references a fact names: its `ref` and its alias tags. */
function factRefs(f: ConfigFact): string[] {
  const parsed = readCatalogReference(f.ref);
  if (parsed === null) throw new Error(`fact ${f.ref} is not a reference`);
  return [parsed.canonical, ...(f.tags ?? []).map((t) => `${parsed.repository}:${t}`)];
}

function factConfig(f: ConfigFact): CatalogDataConfig {
  const os = f.platform.startsWith('windows/') ? 'windows' : 'linux';
  return { entrypoint: f.entrypoint, cmd: f.cmd, shell: f.shell, onBuild: null, os };
}

function factOrigin(f: ConfigFact): CatalogOrigin {
  return { kind: 'record', repository: f.source.repo, path: f.source.path, commit: f.source.commit, ref: f.ref };
}

function dockerfileOrigin(e: LibraryEntry): CatalogOrigin {
  const path = e.directory === '' || e.directory === '.' ? e.file : `${e.directory}/${e.file}`;
  const base = { kind: 'dockerfile' as const, repository: e.gitRepo, commit: e.gitCommit, path };
  return e.status.kind === 'nearest' ? { ...base, snapshot: { commit: e.status.commit, date: e.status.date } } : base;
}

/** Per entry: the config (or why none), exactness and origin. */
interface Outcome {
  resolved: Resolved | null;
  origin: CatalogOrigin | null;
  omitted?: OmissionReason;
  /** The base references that blocked it (for the report). */
  blockedBy?: readonly string[];
  digest?: string;
}

/** The entries a fact describes: one of its tags is the fact's tag, same OS. */
function factFor(entry: LibraryEntry, facts: readonly ConfigFact[]): ConfigFact | undefined {
  const refs = new Set(refsOf(entry));
  return facts.find((f) => refs.has(f.ref) && f.platform.startsWith(`${entry.os}/`));
}

/** Registers a resolved entry under each of its references. */
function register(store: Store, entry: LibraryEntry, resolved: Resolved): void {
  for (const ref of refsOf(entry)) {
    const k = key(ref, entry.os);
    const list = store.get(k);
    if (list === undefined) store.set(k, [resolved]);
    else list.push(resolved);
  }
}

interface Attempt {
  readonly resolved?: Resolved;
  /** Canonical base references (built stages) with no config yet. */
  readonly missing?: readonly string[];
  readonly failure?: string;
}

/** Evaluates one entry's Dockerfile against the store. */
function attempt(entry: LibraryEntry, store: Store): Attempt {
  const text = entry.dockerfile as string;
  let exact = entry.status.kind === 'exact';
  const lookup = (ref: string): ImageConfig | undefined => {
    const parsed = readCatalogReference(ref);
    if (parsed === null) return undefined;
    const found = store.get(key(parsed.canonical, entry.os))?.[0];
    return found?.config;
  };
  const options = { baseImages: lookup, os: entry.os, builder: entry.builder === 'classic' ? ('classic' as const) : ('buildkit' as const) };
  const result = evaluateDockerfile(text, { ...options, unknownBaseImage: 'error' });
  if (!result.ok) {
    if (result.issues[0].code !== 'base-image-not-found') return { failure: `${result.issues[0].code}: ${result.issues[0].message}` };
    const lenient = evaluateDockerfile(text, options);
    if (!lenient.ok) return { failure: `${lenient.issues[0].code}: ${lenient.issues[0].message}` };
    const missing = lenient.stages.flatMap((s) => (s.built && s.base.kind === 'image' && !s.base.known ? [readCatalogReference(s.base.ref)?.canonical ?? s.base.ref] : []));
    return { missing };
  }
  for (const s of result.stages) {
    if (!s.built || s.base.kind !== 'image') continue;
    const parsed = readCatalogReference(s.base.ref);
    const base = parsed === null ? undefined : store.get(key(parsed.canonical, entry.os))?.[0];
    if (base !== undefined && !base.exact) exact = false;
  }
  return { resolved: { config: toConfig(result.config, entry.os), exact } };
}

/** Resolves every entry: facts first, then Dockerfiles in dependency order (rounds until no progress). */
function resolveAll(snapshot: OfficialImagesSnapshot, records: readonly ConfigFact[], bases: readonly ConfigFact[]): Map<LibraryEntry, Outcome> {
  const store: Store = new Map();
  for (const f of bases) {
    const os = factConfig(f).os;
    for (const ref of factRefs(f)) store.set(key(ref, os), [{ config: factConfig(f), exact: f.exact }]);
  }
  const outcomes = new Map<LibraryEntry, Outcome>();
  const pending: LibraryEntry[] = [];
  for (const e of snapshot.entries) {
    const usable = e.dockerfile !== null && e.builder !== 'oci-import' && e.status.kind !== 'missing';
    if (usable) {
      pending.push(e);
      continue;
    }
    const fact = factFor(e, records);
    if (fact === undefined) {
      outcomes.set(e, { resolved: null, origin: null, omitted: 'no-source' });
      continue;
    }
    const resolved = { config: factConfig(fact), exact: fact.exact };
    register(store, e, resolved);
    outcomes.set(e, fact.digest !== undefined ? { resolved, origin: factOrigin(fact), digest: fact.digest } : { resolved, origin: factOrigin(fact) });
  }
  let waiting = pending;
  const lastMissing = new Map<LibraryEntry, readonly string[]>();
  for (;;) {
    const next: LibraryEntry[] = [];
    for (const e of waiting) {
      const a = attempt(e, store);
      if (a.resolved !== undefined) {
        register(store, e, a.resolved);
        outcomes.set(e, { resolved: a.resolved, origin: dockerfileOrigin(e) });
      } else if (a.failure !== undefined) {
        outcomes.set(e, { resolved: null, origin: dockerfileOrigin(e), omitted: 'evaluation-failed', blockedBy: [a.failure] });
      } else {
        lastMissing.set(e, a.missing ?? []);
        next.push(e);
      }
    }
    if (next.length === waiting.length) break;
    waiting = next;
  }
  classifyBlocked(waiting, lastMissing, snapshot.entries, outcomes);
  return outcomes;
}

/** Names why each still-waiting entry could not be resolved. */
function classifyBlocked(
  waiting: readonly LibraryEntry[],
  missing: ReadonlyMap<LibraryEntry, readonly string[]>,
  all: readonly LibraryEntry[],
  outcomes: Map<LibraryEntry, Outcome>,
): void {
  const provider = new Map<string, LibraryEntry>();
  for (const e of all) for (const ref of refsOf(e)) provider.set(key(ref, e.os), e);
  const stillWaiting = new Set(waiting);
  for (const e of waiting) {
    const refs = missing.get(e) ?? [];
    const providers = refs.map((r) => provider.get(key(r, e.os)));
    let reason: OmissionReason;
    if (refs.some((r) => r.includes('@'))) reason = 'digest-base';
    else if (providers.some((p) => p === undefined)) reason = e.status.kind === 'nearest' && refs.some((r) => r.startsWith('docker.io/library/')) ? 'stale-base' : 'missing-base';
    else if (providers.every((p) => p !== undefined && stillWaiting.has(p)) && reachesItself(e, missing, provider)) reason = 'cycle';
    else reason = 'base-omitted';
    outcomes.set(e, { resolved: null, origin: dockerfileOrigin(e), omitted: reason, blockedBy: refs });
  }
}

/** True when following missing bases from `start` comes back to it. */
function reachesItself(start: LibraryEntry, missing: ReadonlyMap<LibraryEntry, readonly string[]>, provider: ReadonlyMap<string, LibraryEntry>): boolean {
  const seen = new Set<LibraryEntry>();
  const stack = [start];
  while (stack.length > 0) {
    const e = stack.pop() as LibraryEntry;
    for (const r of missing.get(e) ?? []) {
      const p = provider.get(key(r, e.os));
      if (p === start) return true;
      if (p !== undefined && !seen.has(p)) {
        seen.add(p);
        stack.push(p);
      }
    }
  }
  return false;
}

/** A config's identity for deduplication (key order fixed by toConfig/factConfig). */
const configId = (c: CatalogDataConfig): string => JSON.stringify([c.entrypoint, c.cmd, c.shell, c.onBuild, c.os, c.argsEscaped ?? null]);

/** Report lines for the generator's summary. */
export interface BuildReport {
  readonly omitted: readonly { readonly ref: string; readonly reason: OmissionReason; readonly blockedBy: readonly string[] }[];
}

/** Builds the catalog data from the snapshot and the recorded facts. */
export function buildCatalog(
  snapshot: OfficialImagesSnapshot,
  inputs: { readonly records: readonly ConfigFact[]; readonly bases: readonly ConfigFact[]; readonly sources: readonly CatalogDataSource[] },
): { data: CatalogData; report: BuildReport } {
  const outcomes = resolveAll(snapshot, inputs.records, inputs.bases);
  const configs: CatalogDataConfig[] = [];
  const configIndex = new Map<string, number>();
  const indexOf = (c: CatalogDataConfig): number => {
    const id = configId(c);
    let i = configIndex.get(id);
    if (i === undefined) {
      i = configs.length;
      configs.push(c);
      configIndex.set(id, i);
    }
    return i;
  };
  const repositories: Record<string, CatalogDataEntry[]> = {};
  const omitted: { ref: string; reason: OmissionReason; blockedBy: readonly string[] }[] = [];
  const omittedBy: Record<string, number> = {};
  const tags = new Set<string>();
  let inexact = 0;
  const entry = (e: LibraryEntry, o: Outcome): CatalogDataEntry => {
    const variant = e.os === 'windows' ? windowsVariant(e) : undefined;
    return {
      tags: e.tags,
      ...(e.sharedTags.length > 0 ? { shared: e.sharedTags } : {}),
      platform: platformOf(e),
      ...(variant !== undefined ? { variant } : {}),
      config: o.resolved === null ? null : indexOf(o.resolved.config),
      exact: o.resolved?.exact ?? false,
      ...(e.archOverrides.length > 0 ? { perArchSources: true as const } : {}),
      origin: o.origin,
      ...(o.omitted !== undefined ? { omitted: o.omitted } : {}),
      ...(o.digest !== undefined ? { digest: o.digest } : {}),
    };
  };
  for (const e of snapshot.entries) {
    const o = outcomes.get(e) as Outcome;
    const repo = `docker.io/library/${e.image}`;
    (repositories[repo] ??= []).push(entry(e, o));
    for (const ref of refsOf(e)) tags.add(ref);
    if (o.omitted !== undefined) {
      omitted.push({ ref: `${e.image}:${e.tags[0]}`, reason: o.omitted, blockedBy: o.blockedBy ?? [] });
      omittedBy[o.omitted] = (omittedBy[o.omitted] ?? 0) + 1;
    } else if (o.resolved !== null && !o.resolved.exact) inexact++;
  }
  for (const f of inputs.bases) {
    const parsed = readCatalogReference(f.ref);
    if (parsed === null || parsed.tag === null) throw new Error(`base fact ${f.ref} needs a tag`);
    const fact: CatalogDataEntry = { tags: [parsed.tag, ...(f.tags ?? [])], platform: f.platform, config: indexOf(factConfig(f)), exact: f.exact, origin: factOrigin(f) };
    (repositories[parsed.repository] ??= []).push(fact);
    for (const ref of factRefs(f)) tags.add(ref);
  }
  const counts: CatalogCounts = {
    repositories: Object.keys(repositories).length,
    entries: Object.values(repositories).reduce((n, l) => n + l.length, 0),
    tags: tags.size,
    configs: configs.length,
    omitted: omitted.length,
    omittedBy: Object.fromEntries(Object.entries(omittedBy).sort(([a], [b]) => (a < b ? -1 : 1))),
    inexact,
  };
  const data: CatalogData = { format: 1, date: snapshot.date.slice(0, 10), sources: inputs.sources, counts, configs, repositories };
  return { data, report: { omitted } };
}

/** `windowsservercore-ltsc2022`, `nanoserver-ltsc2025`…: the entry's Windows base (its first Constraint). */
function windowsVariant(e: LibraryEntry): string | undefined {
  return e.constraints.find((c) => c.startsWith('windowsservercore-') || c.startsWith('nanoserver-'));
}
