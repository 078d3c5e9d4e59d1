/** `container-argv lint PATH…`: diagnostics for Dockerfiles, Compose files and Kubernetes manifests. */
import { readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { resolveDockerRun } from '../../run/docker-run.js';
import type { EngineOptions, Severity } from '../../core/types.js';
import { findImage, imageTable, unusedImageDiagnostics, type ImageTable } from '../../core/image-table.js';
import type { BaseImageOptions } from '../base-images/chain.js';
import { baseJson, baseText } from '../base-images/report.js';
import type { BaseResolution, BaseResolver } from '../base-images/resolve.js';
import { buildArgsOf, displayName, imageMapOf, loadImageFiles } from '../inputs.js';
import { InputError, UsageError, palette, readInput, useColor, type CliIO, type Palette } from '../io.js';
import { findingsOf, formatFinding, reaches, sortFindings, toJson, type Finding } from '../report.js';

export interface LintOptions extends BaseImageOptions {
  readonly failOn?: Severity;
  readonly format?: 'text' | 'json' | 'sarif';
  readonly json?: boolean;
  readonly imageConfig?: readonly string[];
  readonly buildArg?: readonly string[];
  /** Engine whose Dockerfile rules apply (`--engine`, `--engine-version`, `--builder`). */
  readonly engine?: 'docker' | 'podman';
  readonly engineVersion?: string;
  readonly builder?: 'buildkit' | 'classic';
}

/** What kind of file a path is, by name; YAML files are told apart by content. */
export type LintKind = 'dockerfile' | 'compose' | 'manifest' | 'yaml' | null;

/** Classifies a file by its name (`null`: not linted when found in a directory walk). */
export function kindByName(path: string): LintKind {
  const name = basename(path);
  const lower = name.toLowerCase();
  if (name === 'Dockerfile' || name === 'Containerfile' || lower === 'dockerfile' || lower === 'containerfile') return 'dockerfile';
  if (lower.endsWith('.dockerfile') || lower.endsWith('.containerfile')) return 'dockerfile';
  if (lower.startsWith('dockerfile.') || lower.startsWith('containerfile.')) return 'dockerfile';
  if (/^(?:docker-)?compose(?:\.[\w.-]+)?\.ya?ml$/.test(lower)) return 'compose';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return null;
}

/** Tells a Kubernetes manifest (`apiVersion:` + `kind:` at the top level) or a Compose file (`services:`) apart. */
export function kindByContent(text: string): 'compose' | 'manifest' | null {
  const top = (key: string) => new RegExp(`^${key}:`, 'm').test(text);
  if (top('apiVersion') && top('kind')) return 'manifest';
  if (top('services')) return 'compose';
  return null;
}

const SKIP_DIRS = new Set(['node_modules']);

function walk(root: string, io: CliIO, out: string[]): void {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const entries = readdirSync(isAbsolute(dir) ? dir : resolve(io.cwd, dir), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? 1 : -1));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) stack.push(path);
      } else if (e.isFile() && kindByName(path) !== null) out.push(path);
    }
  }
}

/** The image configs of one `lint` run: the `--image-config` table, the chain for the rest, and what it found by reference. */
interface LintImages {
  readonly table: ImageTable;
  readonly resolver: BaseResolver;
  readonly found: Map<string, BaseResolution>;
}

/**
 * Lints one Dockerfile: the build's diagnostics, plus the default run's when the argv does not
 * depend on an unknown base (else the `depends-on-unknown-base` warning says so, for `--fail-on warning`).
 */
async function lintDockerfile(path: string, text: string, images: LintImages, buildArgs: Record<string, string> | undefined, engine: EngineOptions): Promise<Finding[]> {
  const file = displayName(path);
  const [{ evaluateDockerfile }, { listDockerfileBases }, { dockerfileBaseRequests }] = await Promise.all([
    import('../../dockerfile/evaluate.js'),
    import('../../dockerfile/list-bases.js'),
    import('../base-images/with-bases.js'),
  ]);
  const options = { ...engine, ...(buildArgs !== undefined && { buildArgs }) };
  const resolved = await images.resolver.resolve(dockerfileBaseRequests(listDockerfileBases(text, options)));
  for (const b of resolved.bases) images.found.set(b.reference, b);
  const result = evaluateDockerfile(text, {
    ...options,
    baseImages: (ref, reference) => (reference === undefined ? undefined : findImage(images.table, reference)) ?? resolved.lookup(ref),
  });
  const baseFindings = findingsOf(file, resolved.diagnostics);
  if (!result.ok) return [...baseFindings, ...findingsOf(file, result.diagnostics, result.issues)];
  // Which bases are unknown is said once, by depends-on-unknown-base where it matters.
  const findings = [
    ...baseFindings,
    ...findingsOf(
      file,
      result.diagnostics.filter((d) => d.code !== 'base-image-config-missing'),
    ),
  ];
  const sources = result.target.sources;
  const exact = result.complete;
  // A final stage built FROM scratch with nothing to run is an export stage (`docker build
  // --output`), not a broken service image: nothing to check at run time.
  let root = result.target;
  while (root.base.kind === 'stage') root = result.stages[root.base.index] ?? root;
  const exportOnly = root.base.kind === 'scratch' && (result.config.entrypoint ?? []).length === 0 && (result.config.cmd ?? []).length === 0;
  if (exact && !exportOnly) {
    const run = resolveDockerRun(result.config, {}, engine);
    const anchor = sources.cmd.kind === 'instruction' ? sources.cmd : sources.entrypoint.kind === 'instruction' ? sources.entrypoint : undefined;
    const at = anchor !== undefined ? { line: anchor.line, column: anchor.column } : { line: result.target.line, column: result.target.column };
    const seen = new Set(findings.map((f) => `${f.code}:${String(f.line)}`));
    for (const f of findingsOf(file, run.diagnostics, run.ok ? [] : run.issues)) {
      const placed = f.line === undefined ? { ...f, ...at } : f;
      if (!seen.has(`${placed.code}:${String(placed.line)}`)) findings.push(placed);
    }
  }
  return findings;
}

/** Runs `lint`; exit 1 when a finding reaches `--fail-on` (default: error). */
export async function lintCommand(paths: readonly string[], o: LintOptions, io: CliIO, version: string): Promise<number> {
  const format = o.json === true ? 'json' : (o.format ?? 'text');
  // One table for every file: a key may name a base, a container image or a Compose service.
  const files = await loadImageFiles(io, o.imageConfig ?? [], '--image-config');
  const read = imageTable(imageMapOf(files), () => true);
  if (!read.ok) throw new UsageError(`--image-config: ${read.issues[0].message}`);
  const { resolverOf } = await import('../base-images/with-bases.js');
  const images: LintImages = { table: read.table, resolver: await resolverOf(io, files, o), found: new Map() };
  const buildArgs = buildArgsOf(o.buildArg, io.env);
  const engine: EngineOptions = {
    ...(o.engine !== undefined && { engine: o.engine }),
    ...(o.engineVersion !== undefined && { engineVersion: o.engineVersion }),
    ...(o.builder !== undefined && { builder: o.builder }),
  };
  const { findings, linted } = await lintFiles(lintTargets(paths, io), paths, io, images, buildArgs, engine);
  sortFindings(findings);
  const failed = reaches(findings, o.failOn ?? 'error');
  if (format === 'sarif') {
    const { toSarif } = await import('../sarif.js');
    const uriOf = (file: string) => (file === '<stdin>' ? 'stdin' : relative(io.cwd, resolve(io.cwd, file)).split(sep).join('/'));
    io.stdout.write(toJson(toSarif(findings, version, uriOf)));
  } else if (format === 'json') {
    io.stdout.write(toJson({ ok: !failed, files: linted, bases: [...images.found.values()].map(baseJson), diagnostics: findings }));
  } else {
    io.stdout.write(lintText(findings, [...images.found.values()], linted, failed, palette(useColor(io.stdout, io.env))));
  }
  return failed ? 1 : 0;
}

/** The files to lint: each path as given (`-` is stdin, read as YAML or a Dockerfile), directories walked. */
function lintTargets(paths: readonly string[], io: CliIO): { path: string; kind: LintKind }[] {
  const files: { path: string; kind: LintKind }[] = [];
  for (const path of paths.length === 0 ? ['.'] : paths) {
    if (path === '-') {
      files.push({ path, kind: 'yaml' });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(isAbsolute(path) ? path : resolve(io.cwd, path)).isDirectory();
    } catch {
      throw new InputError(`cannot read ${JSON.stringify(path)}: no such file or directory`);
    }
    if (isDir) {
      const found: string[] = [];
      walk(path, io, found);
      for (const f of found) files.push({ path: f, kind: kindByName(f) });
    } else files.push({ path, kind: kindByName(path) ?? 'dockerfile' });
  }
  return files;
}

/** Lints each file by its kind; a YAML file that is neither Compose nor a manifest is skipped unless named on the command line. */
async function lintFiles(
  files: readonly { path: string; kind: LintKind }[],
  paths: readonly string[],
  io: CliIO,
  images: LintImages,
  buildArgs: Record<string, string> | undefined,
  engine: EngineOptions,
): Promise<{ findings: Finding[]; linted: number }> {
  const findings: Finding[] = [];
  let linted = 0;
  const { SharedImages, composeEnvFiles, composeReport, manifestReport } = await import('./workloads.js');
  const shared = new SharedImages(images.table);
  for (const { path, kind } of files) {
    const text = await readInput(io, path);
    let k = kind;
    if (k === 'yaml') k = kindByContent(text) ?? (path === '-' ? 'dockerfile' : null);
    if (k === null) {
      if (paths.includes(path)) throw new UsageError(`${path}: not a Dockerfile, Compose file or Kubernetes manifest`);
      continue;
    }
    linted++;
    if (k === 'dockerfile') findings.push(...(await lintDockerfile(path, text, images, buildArgs, engine)));
    else {
      const report =
        k === 'compose'
          ? await composeReport(io, path, shared, {}, text, await composeEnvFiles(io, path), images.resolver)
          : await manifestReport(io, path, shared, text, images.resolver);
      for (const b of report.bases ?? []) images.found.set(b.reference, b);
      findings.push(...report.findings, ...report.units.flatMap((u) => u.findings));
    }
  }
  findings.push(...findingsOf('--image-config', unusedImageDiagnostics(images.table, 'no linted file')));
  return { findings, linted };
}

/** The text report: one line per finding, one per image and where its config came from, then a summary (red when the run fails). */
function lintText(findings: readonly Finding[], bases: readonly BaseResolution[], linted: number, failed: boolean, p: Palette): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const lines = findings.map((f) => formatFinding(f, p));
  for (const b of bases) lines.push(p.dim(`image ${baseText(b, p)}`));
  const summary = `${linted} file${linted === 1 ? '' : 's'} checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info`;
  lines.push(failed ? p.red(summary) : summary);
  return `${lines.join('\n')}\n`;
}
