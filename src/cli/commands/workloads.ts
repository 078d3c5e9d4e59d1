/**
 * `k8s --manifest` and `compose`: what each container of a Kubernetes manifest, or each service of a
 * Compose file, runs. Also used by `lint`. Loads yaml (and the zod schemas) lazily.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { DotEnvFile } from '../../compose/dotenv.js';
import type { ImageConfig, Issue } from '../../core/types.js';
import { formatArgv } from '../../core/format-argv.js';
import { displayName, envOptionsOf, imageMapOf, loadImageFiles, loadManifestData, type ManifestData, type ManifestDataOptions } from '../inputs.js';
import { UsageError, palette, readInput, useColor, type CliIO } from '../io.js';
import { findingsOf, formatFinding, sortFindings, toJson, type Finding } from '../report.js';
import { yamlLocator } from '../yaml-lines.js';
import type { ImageLookup, SourcedImageConfig } from '../../core/image-lookup.js';
import { findImage, findImageKey, type ImageTable } from '../../core/image-table.js';
import type { ImageField } from '../../run/image-needs.js';
import type { KubernetesEnvDependency } from '../../kubernetes/container.js';
import { describeSource } from '../../kubernetes/environment.js';
import { EXIT_INCOMPLETE, unknownDetail, unknownHeadline, type Unknown } from '../completeness.js';
import type { BaseImageOptions } from '../base-images/chain.js';
import { baseJson, baseText } from '../base-images/report.js';
import type { BaseRequest, BaseResolution, BaseResolver, ResolvedBases } from '../base-images/resolve.js';

/** One container or service. */
export interface Unit {
  readonly label: string;
  readonly image: string | undefined;
  readonly path: string;
  readonly ok: boolean;
  readonly argv?: readonly string[];
  readonly fields?: Readonly<Record<string, readonly string[]>>;
  readonly error?: string;
  /** The argv depends on an image config that was not given: `depends on nginx (image config unknown)…`. */
  readonly unknown?: string;
  /** Compose projects: the service's Compose name. */
  readonly service?: string;
  /** Compose projects: false when its profiles are inactive (`docker compose up` does not start it). */
  readonly active?: boolean;
  /** Compose projects: the init process runs first. */
  readonly init?: boolean;
  /** Compose projects: the evaluated `build:`. */
  readonly build?: unknown;
  /** Compose projects: where each merged value was written (`command` → `compose.override.yml:4:14`). */
  readonly origins?: Readonly<Record<string, string>>;
  /** Compose projects: the container environment, each value with where it was written. */
  readonly environment?: Readonly<Record<string, { readonly value: string; readonly from: string }>>;
  readonly findings: readonly Finding[];
}

/** What a YAML file runs. */
export interface YamlReport {
  readonly file: string;
  /** The `.env` files read for `${VAR}` interpolation (Compose only). */
  readonly envFiles?: readonly string[];
  readonly ok: boolean;
  /** Every unit's argv is known (no unit depends on an image config that was not given). */
  readonly complete: boolean;
  readonly units: readonly Unit[];
  readonly findings: readonly Finding[];
  /** Where each image's config came from (when a resolver was given). */
  readonly bases?: readonly BaseResolution[];
  /** Compose projects: the project's name, directory, files in merge order and active profiles. */
  readonly project?: unknown;
}

/**
 * Image configs for a report: `REF=FILE` entries of this command (checked and matched by the
 * library, which warns about unused ones), or a table shared by several files (`lint`, which
 * reports unused entries once for all files).
 */
export type WorkloadImages = Readonly<Record<string, ImageConfig | SourcedImageConfig>> | SharedImages;

/** An image table shared by the files of one `lint` run, and answers found for this file (engine, registry, catalog). */
export class SharedImages {
  constructor(
    readonly table: ImageTable,
    readonly found?: (ref: string) => SourcedImageConfig | undefined,
  ) {}
}

/**
 * A shared table as an `ImageLookup`: an image by its parsed reference, else what the chain found for
 * this file; a text that is no reference (a Compose service name, asked after the service's image) by key.
 */
export function tableLookup(images: SharedImages): ImageLookup {
  return (ref, reference) => (reference !== undefined ? (findImage(images.table, reference) ?? images.found?.(ref)) : findImageKey(images.table, ref));
}

type WithBases = typeof import('../base-images/with-bases.js');

/** The chain's answers for the images a file needs (`requestsOf` lists them), added to `images`. */
async function withChain(
  images: WorkloadImages,
  resolver: BaseResolver,
  requestsOf: (w: WithBases) => readonly BaseRequest[],
): Promise<{ images: WorkloadImages; resolved: ResolvedBases }> {
  const w = await import('../base-images/with-bases.js');
  const resolved = await resolver.resolve(requestsOf(w));
  return { images: images instanceof SharedImages ? new SharedImages(images.table, resolved.lookup) : w.withResolved(images, resolved), resolved };
}

type Locate = (document: number, path: string) => { line: number; column: number } | undefined;

/** Adds line/column from the YAML path; findings without a path are placed at `fallback` (the unit). */
function located(findings: readonly Finding[], locate: Locate, document: number, fallback?: string): Finding[] {
  return findings.map((f) => {
    if (f.line !== undefined) return f;
    const path = f.path ?? fallback;
    if (path === undefined) return f;
    const at = locate(document, path);
    return at === undefined ? f : { ...f, line: at.line, column: at.column };
  });
}

/** A bad `--image-config` key is the command line's fault, not the file's: a usage error. */
function badImageKey(issues: readonly Issue[]): void {
  const key = issues.find((i) => i.code === 'image-config-key-invalid' || i.code === 'image-config-duplicate');
  if (key !== undefined) throw new UsageError(`--image-config: ${key.message}`);
}

/** `depends on nginx (image config unknown): ENTRYPOINT and CMD`. */
function unknownText(image: string, fields: readonly ImageField[]): string {
  const u: Unknown = { from: image === '' ? 'the image' : image, kind: 'image', fields };
  return `${unknownHeadline(u)}: ${unknownDetail(u)}`;
}

/** The report's verdict: ok (no unit fails, no error finding), complete (no unit depends on an unknown image). */
function verdict(units: readonly Unit[], fileFindings: readonly Finding[]): { ok: boolean; complete: boolean } {
  const all = [...fileFindings, ...units.flatMap((u) => u.findings)];
  return { ok: units.every((u) => u.ok) && !all.some((f) => f.severity === 'error'), complete: units.every((u) => u.unknown === undefined) };
}

/** `depends on ConfigMap "x" (not given): $(MODE)`: the env data a container's argv depends on. */
export function unknownEnvText(deps: readonly KubernetesEnvDependency[]): string {
  const bySource = new Map<string, string[]>();
  for (const d of deps) {
    const key = [...new Set(d.from.map(describeSource))].join(' or ');
    bySource.set(key, [...(bySource.get(key) ?? []), `$(${d.variable})`]);
  }
  return [...bySource].map(([source, refs]) => `depends on ${source} (not given): ${[...new Set(refs)].join(', ')}`).join('; ');
}

/** Resolves every container of a manifest. */
export async function manifestReport(io: CliIO, path: string, given: WorkloadImages, text?: string, resolver?: BaseResolver, data: ManifestData = {}): Promise<YamlReport> {
  const file = displayName(path);
  const yamlText = text ?? (await readInput(io, path));
  const { listManifestImages, resolveManifests } = await import('../../kubernetes/manifest.js');
  const chain = resolver === undefined ? undefined : await withChain(given, resolver, (w) => w.manifestImageRequests(listManifestImages(yamlText, { source: file })));
  const images = chain?.images ?? given;
  const bases = chain === undefined ? {} : { bases: chain.resolved.bases };
  const lookup = images instanceof SharedImages ? tableLookup(images) : images;
  const result = resolveManifests(yamlText, { images: lookup, source: file, ...data });
  const locate = yamlLocator(yamlText);
  if (!result.ok) {
    badImageKey(result.issues);
    return { file, ok: false, complete: true, units: [], findings: located(findingsOf(file, result.diagnostics, result.issues), locate, 0) };
  }
  const units: Unit[] = [];
  for (const w of result.workloads) {
    for (const c of w.containers) {
      const r = c.result;
      units.push({
        label: `${w.kind}/${w.name} ${c.list === 'containers' ? '' : `${c.list} `}${c.name}`,
        image: c.image,
        path: c.path,
        ok: r.ok,
        ...(r.ok && r.complete && { argv: r.argv, fields: { command: r.command, args: r.args } }),
        ...(r.ok && !r.complete && r.dependsOn.length > 0 && { unknown: unknownText(c.image, r.dependsOn), ...(r.args !== null && { fields: { args: r.args } }) }),
        ...(r.ok && !r.complete && r.dependsOn.length === 0 && { unknown: unknownEnvText(r.dependsOnEnv), ...(r.argv !== undefined && { argv: r.argv }) }),
        ...(!r.ok && { error: r.issues[0].message }),
        findings: located(findingsOf(file, r.diagnostics, r.ok ? [] : r.issues), locate, w.document, c.path),
      });
    }
  }
  const fileFindings = [...findingsOf(file, chain?.resolved.diagnostics ?? []), ...located(findingsOf(file, result.diagnostics), locate, 0)];
  return { file, ...verdict(units, fileFindings), units, findings: fileFindings, ...bases };
}

/** Resolves every service of a Compose file. */
/** Go `strconv.ParseBool` true. */
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * The `.env` files docker compose reads for `${VAR}` interpolation (compose-go cli/options.go
 * `WithEnvFiles`): each `--env-file` in order (relative to the working directory), else the `.env`
 * of the project directory (the compose file's; the working directory for stdin) when it is a
 * file, unless `COMPOSE_DISABLE_ENV_FILE` is true.
 */
export async function composeEnvFiles(io: CliIO, composePath: string, envFile: readonly string[] = []): Promise<DotEnvFile[]> {
  if (envFile.length > 0) return Promise.all(envFile.map(async (f) => ({ text: await readInput(io, f), source: f })));
  if (GO_TRUE.has(io.env['COMPOSE_DISABLE_ENV_FILE'] ?? '')) return [];
  const projectDir = composePath === '-' ? '.' : dirname(composePath);
  const name = projectDir === '.' ? '.env' : join(projectDir, '.env');
  const full = isAbsolute(name) ? name : resolve(io.cwd, name);
  try {
    if (!statSync(full).isFile()) return [];
  } catch {
    return [];
  }
  return [{ text: await readInput(io, name), source: name }];
}

export async function composeReport(
  io: CliIO,
  path: string,
  given: WorkloadImages,
  env: Readonly<Record<string, string>> = {},
  text?: string,
  envFiles: readonly DotEnvFile[] = [],
  resolver?: BaseResolver,
): Promise<YamlReport> {
  const file = displayName(path);
  const yamlText = text ?? (await readInput(io, path));
  const { listComposeImages, resolveComposeFile } = await import('../../compose/file.js');
  const options = { environment: env, source: file, ...(envFiles.length > 0 && { envFiles }) };
  const chain = resolver === undefined ? undefined : await withChain(given, resolver, (w) => w.composeImageRequests(listComposeImages(yamlText, options)));
  const images = chain?.images ?? given;
  const bases = chain === undefined ? {} : { bases: chain.resolved.bases };
  const lookup = images instanceof SharedImages ? tableLookup(images) : images;
  const result = resolveComposeFile(yamlText, { images: lookup, ...options });
  const locate = yamlLocator(yamlText);
  const envNames = envFiles.length > 0 ? { envFiles: envFiles.map((f) => f.source ?? '.env') } : {};
  if (!result.ok) {
    badImageKey(result.issues);
    return { file, ...envNames, ok: false, complete: true, units: [], findings: located(findingsOf(file, result.diagnostics, result.issues), locate, 0) };
  }
  const units: Unit[] = [];
  for (const s of result.services) {
    const r = s.result;
    units.push({
      label: `service ${s.name}`,
      image: s.image,
      path: s.path,
      ok: r.ok,
      ...(r.ok && r.complete && { argv: r.argv, fields: { entrypoint: r.entrypoint, cmd: r.cmd } }),
      ...(r.ok && !r.complete && { unknown: unknownText(s.image ?? s.name, r.dependsOn) }),
      ...(!r.ok && { error: r.issues[0].message }),
      findings: located(findingsOf(file, r.diagnostics, r.ok ? [] : r.issues), locate, 0, s.path),
    });
  }
  const fileFindings = [...findingsOf(file, chain?.resolved.diagnostics ?? []), ...located(findingsOf(file, result.diagnostics), locate, 0)];
  return { file, ...envNames, ...verdict(units, fileFindings), units, findings: fileFindings, ...bases };
}

/**
 * Prints a report (text or JSON); returns the exit code: 1 when a unit fails or on an error finding
 * (with `strict`, also when a unit depends on an image config not given), else
 * {@link EXIT_INCOMPLETE} when one does, else 0.
 */
export function printYamlReport(report: YamlReport, io: CliIO, json: boolean, strict = false): number {
  const code = !report.ok || (strict && !report.complete) ? 1 : report.complete ? 0 : EXIT_INCOMPLETE;
  if (json) {
    io.stdout.write(
      toJson({
        ok: report.ok,
        complete: report.complete,
        file: report.file,
        ...(report.envFiles !== undefined && { envFiles: report.envFiles }),
        ...(report.bases !== undefined && { bases: report.bases.map(baseJson) }),
        ...(report.project !== undefined && { project: report.project }),
        units: report.units.map((u) => ({ ...u, findings: undefined, diagnostics: u.findings })),
        diagnostics: report.findings,
      }),
    );
    return code;
  }
  const p = palette(useColor(io.stdout, io.env));
  const lines: string[] = [];
  if (report.envFiles !== undefined) lines.push(p.dim(`${report.file}: \${VAR} from ${report.envFiles.join(', ')}`));
  for (const u of report.units) {
    lines.push(`${p.bold(u.label)}${u.image !== undefined ? ` ${p.dim(`(${u.image})`)}` : ''}  ${p.dim(`${report.file} ${u.path}`)}`);
    const base = u.image === undefined ? undefined : report.bases?.find((b) => b.reference === u.image);
    if (base !== undefined) lines.push(`  ${'image'.padEnd(11)}${baseText(base, p)}`);
    if (u.unknown !== undefined && u.argv !== undefined) lines.push(`  ${p.yellow(u.unknown)}`);
    if (u.argv !== undefined) {
      const argv = formatArgv(u.argv, 'shell');
      lines.push(`  ${'argv'.padEnd(11)}${u.unknown === undefined ? p.green(argv) : argv}`);
      lines.push(`  ${'json'.padEnd(11)}${formatArgv(u.argv, 'json')}`);
      for (const [k, v] of Object.entries(u.fields ?? {})) lines.push(`  ${k.padEnd(11)}${formatArgv(v, 'json')}`);
    } else if (u.unknown !== undefined) {
      lines.push(`  ${p.yellow(u.unknown)}`);
      for (const [k, v] of Object.entries(u.fields ?? {})) lines.push(`  ${k.padEnd(11)}${formatArgv(v, 'json')}`);
    } else if (u.error !== undefined) lines.push(`  ${p.red('does not start:')} ${u.error}`);
    if (u.init === true && u.argv !== undefined) lines.push(`  ${'init'.padEnd(11)}${p.dim('the engine init process runs first (init: true)')}`);
    for (const [k, v] of Object.entries(u.origins ?? {})) if (k === 'image' || k === 'command' || k === 'entrypoint' || k === 'init') lines.push(`  ${p.dim(`${k} from ${v}`)}`);
    for (const f of sortFindings([...u.findings])) lines.push(`  ${formatFinding(f, p)}`);
  }
  if (report.units.length === 0 && report.findings.length === 0) lines.push(`${report.file}: no containers found`);
  for (const f of sortFindings([...report.findings])) lines.push(formatFinding(f, p));
  io.stdout.write(`${lines.join('\n')}\n`);
  return code;
}

/** `container-argv k8s --manifest FILE --image-config REF=FILE… --config-map FILE… --secret FILE… --namespace NS` */
export async function manifestCommand(
  path: string,
  o: BaseImageOptions &
    ManifestDataOptions & {
      readonly imageConfig?: readonly string[];
      readonly json?: boolean;
      readonly strict?: boolean;
    },
  io: CliIO,
): Promise<number> {
  const files = await loadImageFiles(io, o.imageConfig ?? [], '--image-config', o.platform);
  const { resolverOf } = await import('../base-images/with-bases.js');
  const resolver = await resolverOf(io, files, o);
  const data = await loadManifestData(io, o);
  return printYamlReport(await manifestReport(io, path, imageMapOf(files), undefined, resolver, data), io, o.json === true, o.strict === true);
}

/** `container-argv compose FILE --image-config REF=FILE…` */
export async function composeCommand(
  path: string,
  o: BaseImageOptions & {
    readonly imageConfig?: readonly string[];
    readonly env?: readonly string[];
    readonly envFile?: readonly string[];
    readonly json?: boolean;
    readonly strict?: boolean;
  },
  io: CliIO,
): Promise<number> {
  const files = await loadImageFiles(io, o.imageConfig ?? [], '--image-config', o.platform);
  const { resolverOf } = await import('../base-images/with-bases.js');
  const resolver = await resolverOf(io, files, o);
  const env = envOptionsOf(o.env ?? [], io.env);
  const envFiles = await composeEnvFiles(io, path, o.envFile);
  return printYamlReport(await composeReport(io, path, imageMapOf(files), env, undefined, envFiles, resolver), io, o.json === true, o.strict === true);
}
