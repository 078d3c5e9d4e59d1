/**
 * `compose`: what each service of a Compose project runs, loaded as `docker compose` loads it
 * (`-f`, `--project-directory`, `--profile`, `--env-file`, COMPOSE_FILE…) through the pure project
 * loader, with real files read here.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ComposeOrigin } from '../../compose/model.js';
import type { ComposeProject, ComposeProjectService } from '../../compose/project.js';
import type { ComposeProjectServiceResult } from '../../compose/resolve-project.js';
import type { Diagnostic, Issue } from '../../core/types.js';
import { envOptionsOf, imageMapOf, loadImageFiles } from '../inputs.js';
import type { BaseImageOptions } from '../base-images/chain.js';
import type { BaseRequest, BaseResolver } from '../base-images/resolve.js';
import type { ImageLookup } from '../../core/image-lookup.js';
import { readInput, UsageError, type CliIO } from '../io.js';
import { parseImageReference, type ImageReference } from '../../core/image-reference.js';
import { findingsOf, type Finding } from '../report.js';
import { printYamlReport, SharedImages, tableLookup, type Unit, type WorkloadImages, type YamlReport } from './workloads.js';
import { unknownDetail, unknownHeadline, type Unknown } from '../completeness.js';

/** Options of `container-argv compose`. */
export interface ComposeCommandOptions extends BaseImageOptions {
  readonly file?: readonly string[];
  readonly profile?: readonly string[];
  readonly projectDirectory?: string;
  readonly envFile?: readonly string[];
  readonly env?: readonly string[];
  readonly imageConfig?: readonly string[];
  readonly run?: string;
  /** `docker compose run SERVICE COMMAND…`: the words after `--` (with `run`). */
  readonly command?: readonly string[];
  /** `docker compose run --entrypoint X` (with `run`). */
  readonly entrypoint?: string;
  /** commander's `--no-deps`: `deps: false`. */
  readonly deps?: boolean;
  readonly daemonInit?: boolean;
  readonly json?: boolean;
  readonly strict?: boolean;
}

/** A file reader for the loader: `'-'` is standard input (read once before), other paths the file system; `undefined` when unreadable. */
function fileReader(stdin: string | undefined, preread?: { readonly path: string; readonly text: string }): (path: string) => string | undefined {
  return (path) => {
    if (path === '-') return stdin;
    if (path === preread?.path) return preread.text;
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** `--env KEY=VALUE` (a bare `KEY` takes the process's value), over the COMPOSE_* variables of the process. */
function environmentOf(io: CliIO, pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(io.env)) if (k.startsWith('COMPOSE_') && v !== undefined) env[k] = v;
  return { ...env, ...envOptionsOf(pairs, io.env) };
}

/**
 * The home directory compose expands `~` to: Go's `os.UserHomeDir` on Unix is `$HOME` (compose-go
 * paths/home.go), so an empty or relative `HOME` gives none.
 */
function homeOf(io: CliIO): { homeDirectory?: string } {
  const home = io.env['HOME'];
  return home !== undefined && home.startsWith('/') ? { homeDirectory: home } : {};
}

/** A path as the user would write it: relative to the working directory when inside it. */
function displayPath(io: CliIO, path: string): string {
  if (path === '-') return '<stdin>';
  const rel = relative(io.cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** A finding's file for display: `<stdin>` for `-`, absolute paths made relative. */
function shownFile(io: CliIO, file: string): string {
  return file === '-' || file.startsWith('/') ? displayPath(io, file) : file;
}

function originText(io: CliIO, o: ComposeOrigin): string {
  return `${displayPath(io, o.file)}:${o.line}:${o.column}`;
}

/** Where each field of the merged service was written (`environment.KEY`, `build.args.KEY`, `env_file[i]`…). */
function originsOf(io: CliIO, svc: ComposeProjectService): Record<string, string> {
  const out: Record<string, string> = { service: originText(io, svc.origin) };
  for (const key of ['image', 'command', 'entrypoint', 'init', 'working_dir'] as const) {
    const v = svc[key];
    if (v !== undefined) out[key] = originText(io, v.origin);
  }
  for (const e of svc.environment?.entries ?? []) out[`environment.${e.key}`] = originText(io, e.origin);
  (svc.env_file ?? []).forEach((e, i) => (out[`env_file[${i}]`] = originText(io, e.origin)));
  (svc.profiles ?? []).forEach((p, i) => (out[`profiles[${i}]`] = originText(io, p.origin)));
  const b = svc.build;
  if (b !== undefined) {
    for (const key of ['context', 'dockerfile', 'dockerfile_inline', 'target'] as const) {
      const v = b[key];
      if (v !== undefined) out[`build.${key}`] = originText(io, v.origin);
    }
    for (const e of b.args?.entries ?? []) out[`build.args.${e.key}`] = originText(io, e.origin);
  }
  return out;
}

/** Places a service's diagnostics (paths `services.web.command`…) at the position of the merged value they are about. */
function placeFindings(io: CliIO, findings: readonly Finding[], svc: ComposeProjectService): Finding[] {
  return findings.map((f) => {
    if (f.line !== undefined) return { ...f, file: shownFile(io, f.file) };
    const field = f.path?.split('.')[2]?.split('[')[0];
    const value = field === 'command' || field === 'entrypoint' || field === 'image' || field === 'init' ? svc[field] : undefined;
    const o = value?.origin ?? svc.origin;
    return { ...f, file: displayPath(io, o.file), line: o.line, column: o.column };
  });
}

function unknownText(image: string, fields: readonly ('entrypoint' | 'cmd')[]): string {
  const u: Unknown = { from: image, kind: 'image', fields };
  return `${unknownHeadline(u)}: ${unknownDetail(u)}`;
}

/** One service as a report unit: the argv, its Compose name, where each value came from. */
function unitOf(io: CliIO, project: ComposeProject, s: ComposeProjectServiceResult, diagnostics: readonly Diagnostic[]): Unit {
  const svc = project.services.find((p) => p.name === s.name) as ComposeProjectService;
  const r = s.result;
  const findings = placeFindings(io, findingsOf('', [...diagnostics, ...r.diagnostics], r.ok ? [] : r.issues), svc);
  const environment = Object.fromEntries(Object.entries(s.environment).map(([k, v]) => [k, { value: v.value, from: originText(io, v.origin) }]));
  return {
    label: `service ${s.name}${s.active ? '' : ' (not started: profiles inactive)'}`,
    service: s.name,
    active: s.active,
    init: s.init,
    image: s.image,
    path: `services.${s.name}`,
    ok: r.ok,
    ...(r.ok && r.complete && { argv: r.argv, fields: { entrypoint: r.entrypoint, cmd: r.cmd } }),
    ...(r.ok && !r.complete && { unknown: unknownText(s.image, r.dependsOn) }),
    ...(!r.ok && { error: r.issues[0].message }),
    ...(s.build !== undefined && { build: { ...s.build, dockerfile: s.build.dockerfile === null ? null : displayPath(io, s.build.dockerfile) } }),
    origins: originsOf(io, svc),
    environment,
    findings,
  };
}

/** Splits the project's diagnostics: those about one service (path `services.NAME…`) go to its unit. */
function byService(diagnostics: readonly Diagnostic[], names: readonly string[]): { project: Diagnostic[]; services: Map<string, Diagnostic[]> } {
  const services = new Map<string, Diagnostic[]>(names.map((n) => [n, []]));
  const project: Diagnostic[] = [];
  for (const d of diagnostics) {
    const name = d.path?.startsWith('services.') ? d.path.slice('services.'.length).split('.')[0] : undefined;
    const list = name === undefined ? undefined : services.get(name);
    if (list === undefined) project.push(d);
    else list.push(d);
  }
  return { project, services };
}

/** The report of a project that failed to load or resolve. */
function failedReport(io: CliIO, file: string, issues: readonly Issue[], diagnostics: readonly Diagnostic[]): YamlReport {
  const findings = findingsOf(file, diagnostics, issues).map((f) => ({ ...f, file: shownFile(io, f.file) }));
  return { file, ok: false, complete: true, units: [], findings };
}

/**
 * The images the services need from the base-image chain (`--from-engine`, `--pull`, the catalog): each
 * service's `image:` when it does not build, and the bases of the Dockerfiles of those that do.
 */
async function chainRequests(project: ComposeProject, readFile: (path: string) => string | undefined): Promise<BaseRequest[]> {
  const { listDockerfileBases } = await import('../../dockerfile/list-bases.js');
  const { dockerfileBaseRequests } = await import('../base-images/with-bases.js');
  const { isRemoteContext } = await import('../../compose/model.js');
  const { contextKey } = await import('../../compose/resolve-project.js');
  const out: BaseRequest[] = [];
  for (const svc of project.services) {
    const b = svc.build;
    if (b === undefined) {
      if (svc.image !== undefined) out.push({ reference: svc.image.value });
      continue;
    }
    const context = b.context?.value ?? project.projectDirectory;
    const dockerfile = b.dockerfile?.value ?? 'Dockerfile';
    const text = b.dockerfile_inline?.value ?? (isRemoteContext(context) ? undefined : readFile(dockerfile.startsWith('/') ? dockerfile : resolve(context, dockerfile)));
    if (text === undefined) continue;
    const target = b.target?.value;
    const contexts = new Map((b.additional_contexts?.entries ?? []).map((e) => [e.key, e.value ?? '']));
    for (const request of dockerfileBaseRequests(listDockerfileBases(text, target === undefined ? {} : { target }))) out.push(...throughContexts(request, contexts, contextKey));
  }
  return out;
}

/** A base request seen through the named contexts (as resolveComposeProject looks bases up): `docker-image://REF` asks for REF, another context for nothing. */
function throughContexts(request: BaseRequest, contexts: ReadonlyMap<string, string>, keyOf: (ref: string, reference: ImageReference | undefined) => string): BaseRequest[] {
  if (contexts.size === 0) return [request];
  const parsed = parseImageReference(request.reference);
  const value = contexts.get(keyOf(request.reference, parsed.ok ? parsed.reference : undefined));
  if (value === undefined) return [request];
  return value.startsWith('docker-image://') ? [{ ...request, reference: value.slice('docker-image://'.length) }] : [];
}

/**
 * Loads and resolves the project of the command line; returns the report. `given` is the
 * `--image-config` record, or the image table `lint` shares between files; `preread` is a file the
 * caller has read already (`lint` reads each file first; for `-`, standard input).
 */
export async function composeProjectReport(
  io: CliIO,
  o: ComposeCommandOptions,
  given: WorkloadImages,
  resolver?: BaseResolver,
  preread?: { readonly path: string; readonly text: string },
): Promise<YamlReport> {
  const files = o.file ?? [];
  // Given files and env files are read first, so that a missing one is the usual input error.
  if (preread === undefined) for (const f of [...files.filter((f) => f !== '-'), ...(o.envFile ?? [])]) await readInput(io, f);
  const stdin = preread?.path === '-' ? preread.text : files.includes('-') ? await io.readStdin() : undefined;
  const readFile = fileReader(stdin, preread?.path === '-' || preread === undefined ? undefined : { path: resolve(io.cwd, preread.path), text: preread.text });
  const { loadComposeProject } = await import('../../compose/project.js');
  const { resolveComposeProject } = await import('../../compose/resolve-project.js');
  const project = loadComposeProject({
    readFile,
    workingDirectory: resolve(io.cwd),
    files: files.map((f) => (f === '-' ? f : resolve(io.cwd, f))),
    ...(o.projectDirectory !== undefined && { projectDirectory: resolve(io.cwd, o.projectDirectory) }),
    environment: environmentOf(io, o.env ?? []),
    ...(o.envFile !== undefined && { envFiles: o.envFile.map((f) => resolve(io.cwd, f)) }),
    ...(o.profile !== undefined && { profiles: o.profile }),
    ...(o.run !== undefined && { services: [o.run] }),
    ...homeOf(io),
  });
  const first = files[0] ?? 'compose.yaml';
  if (!project.ok) return failedReport(io, displayPath(io, first === '-' ? '-' : resolve(io.cwd, first)), project.issues, project.diagnostics);
  const file = displayPath(io, project.files[0] ?? first);
  const chain = resolver === undefined ? undefined : await resolver.resolve(await chainRequests(project, readFile));
  let images: ImageLookup = given instanceof SharedImages ? tableLookup(chain === undefined ? given : new SharedImages(given.table, chain.lookup)) : given;
  if (chain !== undefined && !(given instanceof SharedImages)) images = (await import('../base-images/with-bases.js')).withResolved(given, chain);
  const resolved = resolveComposeProject(project, {
    images,
    readFile,
    ...(o.run !== undefined && {
      run: {
        service: o.run,
        ...(o.deps === false && { noDeps: true }),
        ...(o.command !== undefined && { command: o.command }),
        ...(o.entrypoint !== undefined && { entrypoint: o.entrypoint }),
      },
    }),
    ...(o.daemonInit === true && { daemonInit: true }),
  });
  if (!resolved.ok) {
    const key = resolved.issues.find((i) => i.code === 'image-config-key-invalid' || i.code === 'image-config-duplicate');
    if (key !== undefined) throw new UsageError(`--image-config: ${key.message}`);
    return failedReport(io, file, resolved.issues, resolved.diagnostics);
  }
  const split = byService(
    resolved.diagnostics,
    project.services.map((s) => s.name),
  );
  const units = resolved.services.map((s) => unitOf(io, project, s, split.services.get(s.name) ?? []));
  const findings = findingsOf(file, [...(chain?.diagnostics ?? []), ...split.project]).map((f) => ({ ...f, file: shownFile(io, f.file) }));
  const all = [...findings, ...units.flatMap((u) => u.findings)];
  const ok = units.every((u) => u.ok) && !all.some((f) => f.severity === 'error');
  const complete = units.every((u) => u.unknown === undefined);
  return {
    file,
    ...(project.envFiles.length > 0 && { envFiles: project.envFiles.map((f) => displayPath(io, f)) }),
    ok,
    complete,
    units,
    findings,
    project: {
      name: project.name,
      directory: displayPath(io, project.projectDirectory),
      files: project.files.map((f) => displayPath(io, f)),
      profiles: project.profiles,
      ...(resolved.run !== undefined && { run: resolved.run }),
    },
    ...(chain !== undefined && { bases: chain.bases }),
  };
}

/** `container-argv compose [FILE] [-f FILE…] [--profile P…] [--project-directory DIR] [--env-file F…] --image-config REF=FILE…` */
export async function composeProjectCommand(file: string | undefined, o: ComposeCommandOptions, io: CliIO): Promise<number> {
  if (file !== undefined && (o.file ?? []).length > 0) throw new UsageError('give the compose file either as an argument or with -f, not both');
  if (o.run === undefined && (o.command !== undefined || o.entrypoint !== undefined)) {
    throw new UsageError('a command after "--" and --entrypoint need --run SERVICE (docker compose run [--entrypoint X] SERVICE COMMAND…)');
  }
  if (o.deps === false && o.run === undefined) throw new UsageError('--no-deps needs --run SERVICE');
  const options = file === undefined ? o : { ...o, file: [file] };
  const files = await loadImageFiles(io, o.imageConfig ?? [], '--image-config');
  const { resolverOf } = await import('../base-images/with-bases.js');
  const resolver = await resolverOf(io, files, o);
  const report = await composeProjectReport(io, options, imageMapOf(files), resolver);
  return printYamlReport(report, io, o.json === true, o.strict === true);
}
