/**
 * `container-argv lint PATH…`: diagnostics for Dockerfiles, Compose files and Kubernetes manifests.
 * Directories are walked by src/cli/walk.ts; findings are turned off by src/cli/suppress.ts
 * (`--ignore`, the config file of src/cli/lint-config.ts, comments in the files).
 */
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { resolveDockerRun } from '../../run/docker-run.js';
import type { EngineOptions, Severity } from '../../core/types.js';
import { findImage, imageTable, unusedImageDiagnostics, type ImageTable } from '../../core/image-table.js';
import type { BaseImageOptions } from '../base-images/chain.js';
import { baseJson, baseText } from '../base-images/report.js';
import type { BaseResolution, BaseResolver } from '../base-images/resolve.js';
import {
  buildArgsOf,
  displayName,
  imageMapOf,
  loadImageFiles,
  loadManifestData,
  platformOptionsOf,
  type ManifestData,
  type ManifestDataOptions,
  type PlatformOptions,
} from '../inputs.js';
import { InputError, UsageError, palette, readInput, useColor, type CliIO, type Palette } from '../io.js';
import { findLintConfig } from '../lint-config.js';
import { Progress } from '../progress.js';
import { findingsOf, formatFinding, reaches, sortFindings, toJson, type Finding } from '../report.js';
import { checkIds, inlineSuppressions, isSuppressed } from '../suppress.js';
import { walkTree, type WalkNote } from '../walk.js';

export interface LintOptions extends BaseImageOptions, ManifestDataOptions {
  /** `--build-platform`: BUILDPLATFORM… in Dockerfiles (`--platform`, of BaseImageOptions, sets TARGETPLATFORM…). */
  readonly buildPlatform?: string;
  readonly failOn?: Severity;
  readonly format?: 'text' | 'json' | 'sarif';
  readonly json?: boolean;
  readonly imageConfig?: readonly string[];
  readonly buildArg?: readonly string[];
  /** Engine whose Dockerfile rules apply (`--engine`, `--engine-version`, `--builder`). */
  readonly engine?: 'docker' | 'podman';
  readonly engineVersion?: string;
  readonly builder?: 'buildkit' | 'classic';
  /** `--ignore ID` (repeatable, or comma-separated): codes, BuildKit checks or hadolint rules turned off. */
  readonly ignore?: readonly string[];
  /** Leave out files the repository's `.gitignore` files ignore. */
  readonly gitignore?: boolean;
  /** Print on stderr what was passed over (skipped kinds, links visited once, ignored paths). */
  readonly verbose?: boolean;
}

/** What kind of file a path is, by name; YAML files are told apart by content. */
export type LintKind = 'dockerfile' | 'compose' | 'manifest' | 'yaml' | null;

/**
 * Last extensions of files named after Dockerfiles that are none: source code (`src/dockerfile.ts` in 15
 * repositories of the index, buildkit's `dockerfile_test.go`), templates (docker-library/python's
 * `Dockerfile-linux.template`, Jinja `.j2`), documents, data and editor leftovers.
 */
const NOT_DOCKERFILE = new Set(
  'md dockerignore template tmpl tpl j2 jinja erb go ts tsx mts cts js jsx mjs cjs py rb java kt rs c h cc cpp cs php sh ps1 json toml txt html xml yaml yml lock orig bak rej patch diff'.split(
    ' ',
  ),
);

/**
 * Classifies a file by its name (`null`: not linted when found in a directory walk): `Dockerfile`,
 * `Containerfile`, `*.Dockerfile`, `*.Containerfile`, and `Dockerfile` or `Containerfile` followed by `.`,
 * `-` or `_` (`Dockerfile.dev`, `Dockerfile-windows`, `Containerfile_arm64`), any case; Compose files, other
 * YAML. Never a name whose last extension is in {@link NOT_DOCKERFILE} (`*.dockerignore`, `*.md`, source code,
 * templates).
 */
export function kindByName(path: string): LintKind {
  const lower = basename(path).toLowerCase();
  const dot = lower.lastIndexOf('.');
  const ext = dot < 0 ? '' : lower.slice(dot + 1);
  const named = /^(?:docker|container)file(?:[._-].*)?$/.test(lower) || ext === 'dockerfile' || ext === 'containerfile';
  if (named && !NOT_DOCKERFILE.has(ext)) return 'dockerfile';
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

/** A Helm chart template (under `templates/` of a directory with `Chart.yaml`, with `{{`): not YAML until rendered. */
function isHelmTemplate(path: string, text: string, cwd: string): boolean {
  if (!text.includes('{{')) return false;
  let dir = dirname(resolve(cwd, path));
  for (;;) {
    const up = dirname(dir);
    if (up === dir) return false;
    if (basename(dir) === 'templates' && existsSync(join(up, 'Chart.yaml'))) return true;
    dir = up;
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
async function lintDockerfile(
  path: string,
  text: string,
  images: LintImages,
  buildArgs: Record<string, string> | undefined,
  engine: EngineOptions,
  platforms: PlatformOptions,
): Promise<Finding[]> {
  const file = displayName(path);
  const [{ evaluateDockerfile }, { listDockerfileBases }, { dockerfileBaseRequests }, { baseFindingsAt }] = await Promise.all([
    import('../../dockerfile/evaluate.js'),
    import('../../dockerfile/list-bases.js'),
    import('../base-images/with-bases.js'),
    import('../base-images/positions.js'),
  ]);
  const options = { ...engine, ...platforms, ...(buildArgs !== undefined && { buildArgs }) };
  const resolved = await images.resolver.resolve(dockerfileBaseRequests(listDockerfileBases(text, options)));
  for (const b of resolved.bases) images.found.set(b.reference, b);
  const result = evaluateDockerfile(text, {
    ...options,
    baseImages: (ref, reference) => (reference === undefined ? undefined : findImage(images.table, reference)) ?? resolved.lookup(ref),
  });
  const baseFindings = baseFindingsAt(file, resolved.bases, result);
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

/** One run's settings, after the config file and the command line are merged. */
interface LintRun {
  readonly io: CliIO;
  readonly images: LintImages;
  readonly buildArgs: Record<string, string> | undefined;
  readonly engine: EngineOptions;
  /** `--platform`, `--build-platform` for Dockerfiles. */
  readonly platforms: PlatformOptions;
  /** `--config-map`, `--secret`, `--namespace` for manifests. */
  readonly manifestData: ManifestData;
  readonly ignore: readonly string[];
  readonly notes: WalkNote[];
  readonly progress: Progress;
}

/** Runs `lint`; exit 1 when a finding reaches `--fail-on` (default: error, or the config file's `failOn`). */
export async function lintCommand(paths: readonly string[], o: LintOptions, io: CliIO, version: string): Promise<number> {
  const format = o.json === true ? 'json' : (o.format ?? 'text');
  const config = findLintConfig(io.cwd);
  const ignore = [
    ...(config?.ignore ?? []),
    ...checkIds(
      (o.ignore ?? []).flatMap((v) => v.split(',').map((s) => s.trim())).filter((s) => s !== ''),
      '--ignore',
    ),
  ];
  // One table for every file: a key may name a base, a container image or a Compose service.
  const files = await loadImageFiles(io, o.imageConfig ?? [], '--image-config', o.platform);
  const read = imageTable(imageMapOf(files), () => true);
  if (!read.ok) throw new UsageError(`--image-config: ${read.issues[0].message}`);
  const { resolverOf } = await import('../base-images/with-bases.js');
  const run: LintRun = {
    io,
    images: { table: read.table, resolver: await resolverOf(io, files, o), found: new Map() },
    buildArgs: buildArgsOf(o.buildArg, io.env),
    engine: {
      ...(o.engine !== undefined && { engine: o.engine }),
      ...(o.engineVersion !== undefined && { engineVersion: o.engineVersion }),
      ...(o.builder !== undefined && { builder: o.builder }),
    },
    platforms: platformOptionsOf(o),
    manifestData: await loadManifestData(io, o),
    ignore,
    notes: [],
    progress: new Progress(io),
  };
  const targets = lintTargets(paths, run, o.gitignore ?? config?.gitignore ?? false);
  const { findings, linted, suppressed } = await lintFiles(targets, paths, run);
  run.progress.done();
  writeNotes(run.notes, o.verbose === true, io);
  sortFindings(findings);
  const failed = reaches(findings, o.failOn ?? config?.failOn ?? 'error');
  if (format === 'sarif') {
    const { toSarif } = await import('../sarif.js');
    const uriOf = (file: string) => (file === '<stdin>' ? 'stdin' : relative(io.cwd, resolve(io.cwd, file)).split(sep).join('/'));
    io.stdout.write(toJson(toSarif(findings, version, uriOf)));
  } else if (format === 'json') {
    io.stdout.write(toJson({ ok: !failed, files: linted, suppressed, bases: [...run.images.found.values()].map(baseJson), diagnostics: findings }));
  } else {
    io.stdout.write(lintText(findings, [...run.images.found.values()], linted, suppressed, failed, palette(useColor(io.stdout, io.env))));
  }
  return failed ? 1 : 0;
}

/** Notes on stderr: warnings always, the rest with `--verbose`. */
function writeNotes(notes: readonly WalkNote[], verbose: boolean, io: CliIO): void {
  for (const n of notes) {
    if (n.level === 'warning' || verbose) io.stderr.write(`container-argv: ${n.level === 'warning' ? 'warning' : 'note'}: ${n.path}: ${n.message}\n`);
  }
}

/** The files to lint: each path as given (`-` is stdin, read as YAML or a Dockerfile), directories walked. */
function lintTargets(paths: readonly string[], run: LintRun, gitignore: boolean): { path: string; kind: LintKind }[] {
  const files: { path: string; kind: LintKind }[] = [];
  for (const path of paths.length === 0 ? ['.'] : paths) {
    if (path === '-') {
      files.push({ path, kind: 'yaml' });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(resolve(run.io.cwd, path)).isDirectory();
    } catch {
      throw new InputError(`cannot read ${JSON.stringify(path)}: no such file or directory`);
    }
    if (isDir) {
      const walked = walkTree(path, run.io.cwd, (f) => kindByName(f) !== null, {
        gitignore,
        onProgress: (d, f) => run.progress.update(() => `container-argv lint: ${d} directories read, ${f} files found`),
      });
      run.notes.push(...walked.notes);
      for (const f of walked.files) files.push({ path: f, kind: kindByName(f) });
    } else files.push({ path, kind: kindByName(path) ?? 'dockerfile' });
  }
  return files;
}

/**
 * Lints each file by its kind; a YAML file that is neither Compose nor a manifest (or is a Helm
 * template) is skipped unless named on the command line. Kubernetes objects without a pod template
 * (Service, ConfigMap, …) are notes, not findings. Suppressed findings are counted, not returned.
 */
async function lintFiles(
  files: readonly { path: string; kind: LintKind }[],
  paths: readonly string[],
  run: LintRun,
): Promise<{ findings: Finding[]; linted: number; suppressed: number }> {
  const findings: Finding[] = [];
  let linted = 0;
  let suppressed = 0;
  const { SharedImages, manifestReport } = await import('./workloads.js');
  const { composeProjectReport } = await import('./compose-project.js');
  const shared = new SharedImages(run.images.table);
  const { io } = run;
  for (const [i, { path, kind }] of files.entries()) {
    run.progress.update(() => `container-argv lint: ${i}/${files.length} files checked`);
    const text = await readInput(io, path);
    const named = paths.includes(path);
    let k = kind;
    if (k === 'yaml') k = kindByContent(text) ?? (path === '-' ? 'dockerfile' : null);
    if (k === null) {
      if (named) throw new UsageError(`${path}: not a Dockerfile, Compose file or Kubernetes manifest`);
      run.notes.push({ path, level: 'verbose', message: 'YAML file that is neither a Compose file nor a Kubernetes manifest; skipped' });
      continue;
    }
    if (k !== 'dockerfile' && !named && isHelmTemplate(path, text, io.cwd)) {
      run.notes.push({ path, level: 'verbose', message: 'Helm chart template; skipped (lint the output of helm template instead)' });
      continue;
    }
    linted++;
    let found: Finding[];
    let file = displayName(path);
    if (k === 'dockerfile') found = await lintDockerfile(path, text, run.images, run.buildArgs, run.engine, run.platforms);
    else {
      // A Compose file is loaded as `container-argv compose FILE` (docker compose -f FILE) loads it: its .env,
      // extends, include, env_file and Dockerfiles beside it.
      const report =
        k === 'compose'
          ? await composeProjectReport(io, { file: [path] }, shared, run.images.resolver, { path, text })
          : await manifestReport(io, path, shared, text, run.images.resolver, run.manifestData);
      if (k === 'compose') file = report.file;
      for (const b of report.bases ?? []) run.images.found.set(b.reference, b);
      found = [...report.findings, ...report.units.flatMap((u) => u.findings)];
    }
    const inline = inlineSuppressions(text);
    for (const u of inline.unknown)
      run.notes.push({ path: `${file}:${u.line}`, level: 'warning', message: `unknown code ${JSON.stringify(u.id)} in a container-argv ignore comment` });
    for (const f of found) {
      if (f.code === 'k8s-unknown-kind') {
        run.notes.push({ path: f.line === undefined ? f.file : `${f.file}:${f.line}`, level: 'verbose', message: f.message });
      } else if (isSuppressed(f, run.ignore, f.file === file ? inline : undefined)) suppressed++;
      else findings.push(f);
    }
  }
  for (const f of findingsOf('--image-config', unusedImageDiagnostics(run.images.table, 'no linted file'))) {
    if (isSuppressed(f, run.ignore, undefined)) suppressed++;
    else findings.push(f);
  }
  return { findings, linted, suppressed };
}

/** The text report: one line per finding, one per image and where its config came from, then a summary (red when the run fails). */
function lintText(findings: readonly Finding[], bases: readonly BaseResolution[], linted: number, suppressed: number, failed: boolean, p: Palette): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const lines = findings.map((f) => formatFinding(f, p));
  for (const b of bases) lines.push(p.dim(`image ${baseText(b, p)}`));
  const summary = `${linted} file${linted === 1 ? '' : 's'} checked: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info${suppressed > 0 ? `, ${suppressed} suppressed` : ''}`;
  lines.push(failed ? p.red(summary) : summary);
  return `${lines.join('\n')}\n`;
}
