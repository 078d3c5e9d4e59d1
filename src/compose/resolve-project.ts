import { parseDotEnv } from './dotenv.js';
import type { ShellwordsVersion } from './go-shellwords.js';
import { isRemoteContext, type ComposeOrigin, type KeyEntry, type KeyedList, type Sourced } from './model.js';
import { isAbsolutePath, joinPath } from './posix-path.js';
import type { ComposeProject, ComposeProjectService } from './project.js';
import type { ComposeReadFile } from './project-files.js';
import { requestNeeds, resolveCompose, type ComposeRunOverrides, type ResolveComposeResult } from './service.js';
import { answerConfig, type ImageLookup } from '../core/image-lookup.js';
import { parseImageReference, type ImageReference } from '../core/image-reference.js';
import { findImage, findImageKey, imageTable, unusedImageDiagnostics, type ImageTable } from '../core/image-table.js';
import type { Diagnostic, Failure, ImageConfig, Issue } from '../core/types.js';
import type { ConfigDependencies, UnknownBase } from '../dockerfile/base-dependency.js';
import { evaluateDockerfile, type DockerfileStage } from '../dockerfile/evaluate.js';
import { expectType } from '../internal/text.js';

/**
 * What each service of a loaded Compose project runs (`docker compose up`, or `docker compose run
 * SERVICE`): its image (built from its Dockerfile when it has `build:`), `init`, and the container
 * environment from `env_file` and `environment`. See docs/semantics.md §3, "Compose projects".
 */

/** Options of {@link resolveComposeProject}. */
export interface ResolveComposeProjectOptions {
  /**
   * Image configs, by image reference or (for a service that only builds, or whose image is not
   * otherwise known) by service name; the base images of built Dockerfiles are looked up here too.
   */
  readonly images?: ImageLookup;
  /** Reads Dockerfiles and `env_file`s by absolute path. Without it, builds are not evaluated and `env_file`s not read. */
  readonly readFile?: ComposeReadFile;
  /**
   * `docker compose run [--entrypoint X] [--no-deps] SERVICE [COMMAND…]`: that service's overrides (and it
   * runs whatever its profiles); its `depends_on` services are started first unless `noDeps`.
   */
  readonly run?: ComposeRunOverrides & { readonly service: string; readonly noDeps?: boolean };
  /** The daemon's default init (`dockerd --init`, daemon.json `"init": true`): used when a service does not set `init`. Default: false. */
  readonly daemonInit?: boolean;
  readonly shellwordsVersion?: ShellwordsVersion;
}

/** A `FROM` that names one of the service's `build.additional_contexts` (BuildKit uses the context, not an image of that name). */
export interface ComposeContextBase {
  /** The base as written after FROM (after ARG expansion). */
  readonly from: string;
  /** The context's key and value (a local directory made absolute). */
  readonly context: string;
  readonly value: string;
  /** For a `docker-image://` context: the image used instead (its config looked up in `images`). */
  readonly image?: string;
  /** For a `service:NAME` context: that service, whose image is used (its config given in `images`, or built from its Dockerfile). */
  readonly service?: string;
  /** Whether the base's config is known; a directory or URL context never is. */
  readonly known: boolean;
  /** Index of the stage built on it, and the position of that FROM. */
  readonly stage: number;
  readonly line: number;
  readonly column: number;
}

/** A built image: which Dockerfile, and what of its config depends on base images not given. */
export interface ComposeBuildEvaluation {
  /** The Dockerfile's absolute path; `null` for `dockerfile_inline`. */
  readonly dockerfile: string | null;
  readonly target?: string;
  /** The platform the Dockerfile was evaluated for (`platform:`, `DOCKER_DEFAULT_PLATFORM` or a single `build.platforms`); absent: the builder's default, taken as `linux/amd64`. */
  readonly platform?: string;
  /** Bases that are named contexts (`build.additional_contexts`). */
  readonly contextBases?: readonly ComposeContextBase[];
  /** False when the built image's ENTRYPOINT or CMD depends on a base image whose config was not given. */
  readonly complete: boolean;
  readonly dependsOn: ConfigDependencies;
  readonly unknownBases: readonly UnknownBase[];
}

/** One service's answer. */
export interface ComposeProjectServiceResult {
  readonly name: string;
  /** False when its profiles are inactive: `docker compose up` does not start it (its argv is still given). */
  readonly active: boolean;
  /** The image the container is created from: `image:`, else `<project>-<service>` for a build (docker/compose `GetImageNameOrDefault`). */
  readonly image: string;
  /** Set when the service builds and the Dockerfile was evaluated. */
  readonly build?: ComposeBuildEvaluation;
  /** The engine's init process runs first (`init: true`, or the daemon default). */
  readonly init: boolean;
  /** The container environment: `env_file` values, then `environment` (unset `KEY` alone dropped), each with where it was written. */
  readonly environment: Readonly<Record<string, Sourced<string>>>;
  readonly result: ResolveComposeResult;
}

/** A service `docker compose run` starts before the one it runs (a `depends_on`, followed transitively). */
export interface ComposeRunDependency {
  readonly name: string;
  /** The service that depends on it, and whether that `depends_on` entry is `required`. */
  readonly of: string;
  readonly required: boolean;
  /** False when its profiles are inactive (also with the run service's profiles): not started; a `required` one is an issue instead. */
  readonly started: boolean;
}

/** What `docker compose run SERVICE` starts: the service, and (unless `--no-deps`) its dependencies first. */
export interface ComposeRunPlan {
  readonly service: string;
  readonly noDeps: boolean;
  readonly dependencies: readonly ComposeRunDependency[];
}

/** Result of {@link resolveComposeProject}. */
export type ResolveComposeProjectResult =
  { readonly ok: true; readonly services: readonly ComposeProjectServiceResult[]; readonly run?: ComposeRunPlan; readonly diagnostics: readonly Diagnostic[] } | Failure;

/** The lookups of `options.images`: service images (by reference, then by service name) and Dockerfile bases. */
interface Lookups {
  service(image: string, reference: ImageReference | undefined, name: string, platform?: string): ImageConfig | undefined;
  readonly bases: ImageLookup | undefined;
  readonly table: ImageTable | null;
}

function lookups(images: ImageLookup | undefined, names: ReadonlySet<string>): Lookups | Failure {
  if (images === undefined) return { service: () => undefined, bases: undefined, table: null };
  if (typeof images === 'function') {
    const ask = (ref: string, reference: ImageReference | undefined, platform?: string) => answerConfig(images(ref, reference, ...(platform === undefined ? [] : [platform])));
    return { service: (image, reference, name, platform) => ask(image, reference, platform) ?? ask(name, undefined, platform), bases: images, table: null };
  }
  expectType(images, 'object', 'options.images');
  const read = imageTable(images, (key) => names.has(key));
  if (!read.ok) return read;
  const table = read.table;
  return {
    service: (_image, reference, name) => (reference !== undefined ? findImage(table, reference) : undefined) ?? findImageKey(table, name),
    bases: (_ref, reference) => (reference === undefined ? undefined : findImage(table, reference)),
    table,
  };
}

/** `KEY` entries without a value take the project's variable, or are dropped (compose-go `Environment.Resolve`). */
function resolvedEntries(entries: readonly KeyEntry[], env: Readonly<Record<string, string>>): Record<string, Sourced<string>> {
  const out: Record<string, Sourced<string>> = Object.create(null) as Record<string, Sourced<string>>;
  for (const e of entries) {
    const value = e.value ?? (Object.hasOwn(env, e.key) ? env[e.key] : undefined);
    if (value !== undefined) out[e.key] = { value, origin: e.origin };
    else Reflect.deleteProperty(out, e.key);
  }
  return out;
}

/** The built image's name (docker/compose `GetImageNameOrDefault`). */
function imageName(project: ComposeProject, svc: ComposeProjectService): string {
  return svc.image?.value ?? `${project.name}-${svc.name}`;
}

/** Resolves every service of a project (see {@link resolveComposeProject}). */
class ProjectResolver {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly project: ComposeProject,
    private readonly options: ResolveComposeProjectOptions,
    private readonly lookup: Lookups,
  ) {}

  service(svc: ComposeProjectService): ComposeProjectServiceResult {
    const path = `services.${svc.name}`;
    const image = imageName(this.project, svc);
    const run = this.options.run?.service === svc.name ? this.options.run : undefined;
    const init = svc.init?.value ?? this.options.daemonInit === true;
    const environment = this.environment(svc, path);
    const parsed = parseImageReference(image);
    const reference = parsed.ok ? parsed.reference : undefined;
    const built = svc.build === undefined ? undefined : this.buildOf(svc);
    const service = { ...(svc.command !== undefined && { command: svc.command.value }), ...(svc.entrypoint !== undefined && { entrypoint: svc.entrypoint.value }) };
    const { shellwordsVersion } = this.options;
    const sw = { path, init, ...(shellwordsVersion !== undefined && { shellwordsVersion }) };
    const runOverrides =
      run === undefined ? undefined : { ...(run.entrypoint !== undefined && { entrypoint: run.entrypoint }), ...(run.command !== undefined && { command: run.command }) };
    const given = this.lookup.service(image, reference, svc.name, svc.platform?.value ?? this.project.environment['DOCKER_DEFAULT_PLATFORM']);
    let result: ResolveComposeResult;
    if (!parsed.ok && svc.image !== undefined) {
      result = { ok: false, issues: [{ code: 'compose-image-invalid', path: `${path}.image`, message: parsed.issues[0].message }], diagnostics: [] };
    } else if (given !== undefined || built === undefined || built.config === null) {
      result = resolveCompose(given ?? null, service, runOverrides, sw);
    } else {
      // An argv that needs a field of the built config that depends on an unknown base is not known.
      const unknown = resolveCompose(null, service, runOverrides, sw);
      const needs = unknown.ok ? requestNeeds(unknown.request) : [];
      const dependsOn = needs.filter((f) => built.evaluation.dependsOn[f] !== undefined);
      result = unknown.ok && !unknown.complete && dependsOn.length > 0 ? { ...unknown, dependsOn } : resolveCompose(built.config, service, runOverrides, sw);
    }
    return { name: svc.name, active: svc.active || run !== undefined, image, ...(built !== undefined && { build: built.evaluation }), init, environment, result };
  }

  /** The container environment: each `env_file` (in order), then `environment` over it. */
  private environment(svc: ComposeProjectService, path: string): Record<string, Sourced<string>> {
    const env = this.project.environment;
    const own = resolvedEntries(svc.environment?.entries ?? [], env);
    const out: Record<string, Sourced<string>> = Object.create(null) as Record<string, Sourced<string>>;
    const read = this.options.readFile;
    for (const file of svc.env_file ?? []) {
      const text = read?.(file.path);
      if (text === undefined) {
        if (read !== undefined && file.required) {
          this.diagnostics.push({
            code: 'compose-env-file-not-found',
            severity: 'error',
            path: `${path}.env_file`,
            ...at(file.origin),
            message: `env file ${file.path} not found`,
          });
        }
        continue;
      }
      const lookup: Record<string, string> = { ...Object.fromEntries(Object.entries(own).map(([k, v]) => [k, v.value])), ...env };
      const parsed = parseDotEnv(text, { environment: lookup, source: file.path });
      if (!parsed.ok) {
        this.diagnostics.push(...parsed.issues.map((i): Diagnostic => ({ ...i, severity: 'error' })));
        continue;
      }
      const origin: ComposeOrigin = { file: file.path, line: 1, column: 1 };
      for (const [k, v] of Object.entries(parsed.values)) out[k] = { value: v, origin };
    }
    return Object.assign(out, own);
  }

  /** Evaluates the service's Dockerfile (`build:`), with its bases from `options.images`. */
  /** Each service's build evaluated once (a `service:` context asks for another's); `'pending'` while evaluating, so a cycle reads as unknown. */
  private readonly builds = new Map<string, Built | undefined | 'pending'>();

  private buildOf(svc: ComposeProjectService): Built | undefined {
    const memo = this.builds.get(svc.name);
    if (memo === 'pending') return undefined;
    if (memo !== undefined || this.builds.has(svc.name)) return memo;
    this.builds.set(svc.name, 'pending');
    const built = this.build(svc, `services.${svc.name}`);
    this.builds.set(svc.name, built);
    return built;
  }

  /**
   * The config of the image another service runs, for a `service:NAME` context (docker/compose
   * pkg/compose/build.go `toBuildContexts`: `docker-image://` + that service's image name): the config
   * given for its image, else the one its Dockerfile builds when nothing of it depends on an unknown base.
   */
  private serviceImageConfig(name: string): ImageConfig | undefined {
    const svc = this.project.services.find((s) => s.name === name);
    if (svc === undefined) return undefined;
    const image = imageName(this.project, svc);
    const parsed = parseImageReference(image);
    const given = this.lookup.service(image, parsed.ok ? parsed.reference : undefined, svc.name, svc.platform?.value);
    if (given !== undefined || svc.build === undefined) return given;
    const built = this.buildOf(svc);
    return built?.config != null && built.evaluation.unknownBases.length === 0 ? built.config : undefined;
  }

  private build(svc: ComposeProjectService, path: string): Built | undefined {
    const b = svc.build;
    if (b === undefined) return undefined;
    const context = b.context?.value ?? this.project.projectDirectory;
    const inline = b.dockerfile_inline?.value;
    const dockerfile = inline !== undefined ? null : dockerfilePath(context, b.dockerfile?.value ?? 'Dockerfile');
    const text = inline ?? (dockerfile === null || isRemoteContext(context) ? undefined : this.options.readFile?.(dockerfile));
    if (text === undefined) {
      const why = isRemoteContext(context)
        ? `the build context ${context} is remote`
        : this.options.readFile === undefined
          ? 'no file reader was given'
          : `${dockerfile ?? ''} was not found`;
      this.diagnostics.push({
        code: 'compose-build-not-evaluated',
        severity: 'warning',
        path: `${path}.build`,
        ...at(b.origin),
        message: `${path}.build: the Dockerfile is not evaluated (${why}); what the image runs comes from the image config given for ${JSON.stringify(svc.name)}, if any.`,
      });
      return undefined;
    }
    const target = b.target?.value;
    const buildArgs = resolvedEntries(b.args?.entries ?? [], this.project.environment);
    const platform = this.platform(svc, path);
    const contexts = namedContexts(b.additional_contexts);
    const bases = contextLookup(contexts, this.lookup.bases, (name) => this.serviceImageConfig(name));
    const r = evaluateDockerfile(text, {
      ...(bases !== undefined && { baseImages: bases }),
      ...(target !== undefined && { target }),
      ...(platform !== undefined && { platform }),
      buildArgs: Object.fromEntries(Object.entries(buildArgs).map(([k, v]) => [k, v.value])),
    });
    const source = dockerfile ?? b.dockerfile_inline?.origin.file;
    if (!r.ok) {
      this.diagnostics.push(...r.issues.map((i): Diagnostic => ({ ...i, severity: 'error', ...(source !== undefined && { source }) })));
      return undefined;
    }
    this.diagnostics.push(...r.diagnostics.map((d) => ({ ...d, ...(source !== undefined && { source }) })));
    const contextBases = this.contextBases(r.stages, contexts, path, source);
    const evaluation: ComposeBuildEvaluation = {
      dockerfile,
      ...(target !== undefined && { target }),
      ...(platform !== undefined && { platform }),
      ...(contextBases.length > 0 && { contextBases }),
      complete: r.complete,
      dependsOn: r.dependsOn,
      unknownBases: r.unknownBases,
    };
    return { config: r.config, evaluation };
  }

  /**
   * The platform a `build:` is evaluated for, as `docker compose up`/`run` picks it (docker/compose
   * cmd/compose/options.go `applyPlatforms(project, true)`): `platform:`, else `DOCKER_DEFAULT_PLATFORM`,
   * else the only `build.platforms`; several are cleared (the builder decides), which is said.
   */
  private platform(svc: ComposeProjectService, path: string): string | undefined {
    const chosen = svc.platform?.value || this.project.environment['DOCKER_DEFAULT_PLATFORM'] || undefined;
    if (chosen !== undefined) return chosen;
    const listed = (svc.build?.platforms ?? []).map((p) => p.value);
    if (listed.length <= 1) return listed[0];
    const b = svc.build as NonNullable<ComposeProjectService['build']>;
    this.diagnostics.push({
      code: 'compose-build-platforms-several',
      severity: 'info',
      path: `${path}.build.platforms`,
      ...at(b.platforms?.[0]?.origin ?? b.origin),
      message: `${path}.build.platforms lists ${listed.join(', ')}: \`docker compose up\`/\`run\` lets the builder build for its own platform, which is not known here; the Dockerfile was evaluated for linux/amd64. Set \`platform:\` (or DOCKER_DEFAULT_PLATFORM) to choose one.`,
    });
    return undefined;
  }

  /** The stages built on a named context, and a warning for a stage whose name is a context (BuildKit replaces that stage by the context). */
  private contextBases(stages: readonly DockerfileStage[], contexts: ReadonlyMap<string, KeyEntry>, path: string, source: string | undefined): ComposeContextBase[] {
    const out: ComposeContextBase[] = [];
    if (contexts.size === 0) return out;
    for (const st of stages) {
      if (!st.built) continue;
      if (st.name !== null && contexts.has(st.name)) {
        this.diagnostics.push({
          code: 'compose-build-context-stage',
          severity: 'warning',
          path: `${path}.build.additional_contexts`,
          ...(source !== undefined && { source }),
          line: st.line,
          column: st.column,
          message: `Stage ${JSON.stringify(st.name)} has the name of an additional context: BuildKit builds it from the context instead of its FROM, which is not modelled; what it contributes is taken from its FROM.`,
        });
      }
      if (st.base.kind !== 'image') continue;
      const key = contextKey(st.base.ref, st.base.reference);
      const ctx = contexts.get(key);
      if (ctx === undefined || ctx.value === null) continue;
      const image = ctx.value.startsWith(DOCKER_IMAGE) ? ctx.value.slice(DOCKER_IMAGE.length) : undefined;
      const service = ctx.value.startsWith(SERVICE) ? ctx.value.slice(SERVICE.length) : undefined;
      const known = st.base.known;
      const where = { stage: st.index, line: st.line, column: st.column };
      out.push({ from: st.base.ref, context: ctx.key, value: ctx.value, ...(image !== undefined && { image }), ...(service !== undefined && { service }), known, ...where });
      if (known || image !== undefined) continue;
      const kind = service !== undefined ? `the image of service ${service}, not known here` : isRemoteContext(ctx.value) ? 'a remote context' : 'a local directory';
      this.diagnostics.push({
        code: 'compose-build-context-base',
        severity: 'info',
        path: `${path}.build.additional_contexts`,
        ...(source !== undefined && { source }),
        line: st.line,
        column: st.column,
        message: `FROM ${st.base.ref} is the additional context ${JSON.stringify(ctx.key)} (${ctx.value}, ${kind}), not an image of that name: its config is unknown here.`,
      });
    }
    return out;
  }
}

/** docker/compose cmd/compose/options.go `applyPlatforms`: the platform asked for must be one of `build.platforms` when those are listed. */
function platformIssue(svc: ComposeProjectService, env: Readonly<Record<string, string>>): Issue[] {
  const listed = (svc.build?.platforms ?? []).map((p) => p.value);
  if (listed.length === 0) return [];
  const where = { path: `services.${svc.name}.platform`, ...at(svc.platform?.origin ?? svc.build?.origin ?? svc.origin) };
  const own = svc.platform?.value ?? '';
  const fallback = env['DOCKER_DEFAULT_PLATFORM'] ?? '';
  if (own === '' && fallback !== '' && !listed.includes(fallback))
    return [
      {
        code: 'compose-platform-invalid',
        ...where,
        message: `service ${JSON.stringify(svc.name)} build.platforms does not support value set by DOCKER_DEFAULT_PLATFORM: ${fallback}`,
      },
    ];
  if (own !== '' && !listed.includes(own))
    return [{ code: 'compose-platform-invalid', ...where, message: `service ${JSON.stringify(svc.name)} build configuration does not support platform: ${own}` }];
  return [];
}

const DOCKER_IMAGE = 'docker-image://';
const SERVICE = 'service:';

/** A service's evaluated build: the config (null: not known) and what the answer says of it. */
interface Built {
  readonly config: ImageConfig | null;
  readonly evaluation: ComposeBuildEvaluation;
}

/** The name BuildKit looks a FROM up by among named contexts (dockerui/config.go `NamedContext`): the familiar reference without `:latest`. */
export function contextKey(ref: string, reference: ImageReference | undefined): string {
  return reference === undefined ? ref : reference.familiar.replace(/:latest$/, '');
}

/** `build.additional_contexts` by key (as written). */
function namedContexts(list: KeyedList | undefined): Map<string, KeyEntry> {
  return new Map((list?.entries ?? []).filter((e) => e.value !== null).map((e) => [e.key, e]));
}

/**
 * The base lookup with named contexts first (buildkit dockerfile2llb `namedContext` before the image
 * resolver): a `docker-image://REF` context is looked up as REF; a directory, URL or `service:`
 * context has no image config (unknown), whatever `images` holds for the name.
 */
function contextLookup(contexts: ReadonlyMap<string, KeyEntry>, bases: ImageLookup | undefined, service: (name: string) => ImageConfig | undefined): ImageLookup | undefined {
  if (contexts.size === 0) return bases;
  return (ref, reference, platform) => {
    const ctx = contexts.get(contextKey(ref, reference));
    if (ctx === undefined) return typeof bases === 'function' ? bases(ref, reference, platform) : undefined;
    const value = ctx.value ?? '';
    if (value.startsWith(SERVICE)) return service(value.slice(SERVICE.length));
    if (!value.startsWith(DOCKER_IMAGE) || typeof bases !== 'function') return undefined;
    const image = value.slice(DOCKER_IMAGE.length);
    const parsed = parseImageReference(image);
    return bases(image, parsed.ok ? parsed.reference : undefined, platform);
  };
}

function at(origin: ComposeOrigin): { source: string; line: number; column: number } {
  return { source: origin.file, line: origin.line, column: origin.column };
}

/** docker/compose `dockerFilePath`: a relative Dockerfile is relative to the (local) context. */
function dockerfilePath(context: string, dockerfile: string): string {
  return isAbsolutePath(dockerfile) || isRemoteContext(context) ? dockerfile : joinPath(context, dockerfile);
}

/**
 * Resolves what each service of a loaded project runs on Docker Engine, as `docker compose up` (or
 * `docker compose run SERVICE`) creates it: the service's `entrypoint`/`command` sent with the image
 * config (given in `options.images`, or, for a service with `build:`, the config its Dockerfile
 * builds, bases looked up in `options.images`), the init process first with `init: true`.
 *
 * @param project - from {@link loadComposeProject} (`ok: true`).
 * @param options - image configs, a file reader for Dockerfiles and `env_file`s, `run` overrides.
 * @returns one answer per service (inactive ones too, marked), or the issues of `options.images`.
 * @example
 * const project = loadComposeProject({ readFile, workingDirectory: '/app' });
 * if (project.ok) resolveComposeProject(project, { images: { nginx: { cmd: ['nginx', '-g', 'daemon off;'] } }, readFile });
 */
export function resolveComposeProject(project: ComposeProject, options: ResolveComposeProjectOptions = {}): ResolveComposeProjectResult {
  expectType(project, 'object', 'project');
  expectType(options, 'object', 'options');
  const names = new Set(project.services.map((s) => s.name));
  const run = options.run;
  if (run !== undefined && !names.has(run.service))
    return { ok: false, issues: [{ code: 'compose-service-not-found', message: `no such service: ${run.service}` }], diagnostics: [] };
  const platformIssues = project.services.flatMap((svc) => platformIssue(svc, project.environment));
  const [platformIssue0, ...morePlatformIssues] = platformIssues;
  if (platformIssue0 !== undefined) return { ok: false, issues: [platformIssue0, ...morePlatformIssues], diagnostics: [] };
  const plan = run === undefined ? undefined : runPlan(project, run.service, run.noDeps === true);
  if (plan !== undefined && 'code' in plan) return { ok: false, issues: [plan], diagnostics: [] };
  const lookup = lookups(options.images, names);
  if ('issues' in lookup) return lookup;
  const resolver = new ProjectResolver(project, options, lookup);
  const services = project.services.map((s) => resolver.service(s));
  const diagnostics = [...project.diagnostics, ...resolver.diagnostics];
  if (plan !== undefined && plan.dependencies.length > 0) diagnostics.push(runDiagnostic(project, plan));
  for (const s of services) {
    if (!s.active) {
      const svc = project.services.find((p) => p.name === s.name);
      const profiles = (svc?.profiles ?? []).map((p) => p.value);
      diagnostics.push({
        code: 'compose-service-inactive',
        severity: 'info',
        path: `services.${s.name}`,
        ...(svc !== undefined && at(svc.origin)),
        message: `services.${s.name} is not started by \`docker compose up\`: its profiles (${profiles.join(', ')}) are not active (--profile or COMPOSE_PROFILES, or \`docker compose run ${s.name}\`).`,
      });
    }
  }
  if (lookup.table !== null) diagnostics.push(...unusedImageDiagnostics(lookup.table, 'no service or Dockerfile'));
  return { ok: true, services, ...(plan !== undefined && { run: plan }), diagnostics };
}

/**
 * What `docker compose run SERVICE` starts besides SERVICE (docker/compose cmd/compose/run.go `apply`,
 * pkg/compose/run.go `startDependencies`; compose-go v2.13.0 types/project.go `WithServicesEnabled`,
 * `WithSelectedServices`, `withServices`): the project's profiles plus SERVICE's when it is not enabled
 * by them, then SERVICE's `depends_on` followed through enabled services. A dependency that is not
 * enabled is `no such service: NAME` when required, skipped otherwise. `--no-deps`: none.
 */
function runPlan(project: ComposeProject, name: string, noDeps: boolean): ComposeRunPlan | Issue {
  const byName = new Map(project.services.map((s) => [s.name, s]));
  const target = byName.get(name) as ComposeProjectService;
  const extra = target.active ? [] : (target.profiles ?? []).map((p) => p.value);
  const enabled = (svc: ComposeProjectService | undefined) => svc !== undefined && (svc === target || svc.active || (svc.profiles ?? []).some((p) => extra.includes(p.value)));
  const dependencies: ComposeRunDependency[] = [];
  if (noDeps) return { service: name, noDeps, dependencies };
  const seen = new Set([name]);
  const queue = [target];
  for (let svc = queue.shift(); svc !== undefined; svc = queue.shift()) {
    for (const dep of svc.depends_on ?? []) {
      if (seen.has(dep.service)) continue;
      const other = byName.get(dep.service);
      const started = enabled(other);
      if (!started && dep.required)
        return { code: 'compose-service-not-found', path: `services.${svc.name}.depends_on`, ...at(dep.origin), message: `no such service: ${dep.service}` };
      seen.add(dep.service);
      dependencies.push({ name: dep.service, of: svc.name, required: dep.required, started });
      if (started && other !== undefined) queue.push(other);
    }
  }
  return { service: name, noDeps, dependencies };
}

/** The info that `docker compose run` starts other services first. */
function runDiagnostic(project: ComposeProject, plan: ComposeRunPlan): Diagnostic {
  const target = project.services.find((s) => s.name === plan.service) as ComposeProjectService;
  const started = plan.dependencies.filter((d) => d.started).map((d) => d.name);
  const skipped = plan.dependencies.filter((d) => !d.started).map((d) => d.name);
  const also = started.length > 0 ? ` also starts ${started.join(', ')} first (depends_on; --no-deps to start none)` : '';
  const not = skipped.length > 0 ? `${also === '' ? '' : ';'} does not start ${skipped.join(', ')} (profiles inactive, depends_on not required)` : '';
  return {
    code: 'compose-run-dependencies',
    severity: 'info',
    path: `services.${plan.service}.depends_on`,
    ...at(target.depends_on?.[0]?.origin ?? target.origin),
    message: `\`docker compose run ${plan.service}\`${also}${not}.`,
  };
}
