import type { ComposeProjectServiceInput, ComposeBuildInput } from './schema.js';
import { resolvePath } from './posix-path.js';

/**
 * One Compose service as the project loader merges it: the fields that reach the argv or its
 * explanation, each with the file and position its value came from. The merge rules are
 * compose-go v2.13.0's (override/merge.go `mergeSpecials`, override/uncity.go `unique`); see
 * docs/semantics.md §3, "Compose projects".
 */

/** Where a value was written: the compose file (absolute path) and the 1-based position of the value. */
export interface ComposeOrigin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A value and where it was written. */
export interface Sourced<T> {
  readonly value: T;
  readonly origin: ComposeOrigin;
}

/** One `KEY=VALUE` of `environment` or `build.args` (`value` null: `KEY` alone, taken from the environment). */
export interface KeyEntry {
  readonly key: string;
  readonly value: string | null;
  readonly origin: ComposeOrigin;
}

/** `environment` or `build.args`: the form decides what `!reset` on one key does (a list keeps its items). */
export interface KeyedList {
  readonly form: 'map' | 'list';
  readonly entries: readonly KeyEntry[];
}

/** One `env_file` entry, its path made absolute. */
export interface EnvFileEntry {
  readonly path: string;
  readonly required: boolean;
  readonly origin: ComposeOrigin;
}

/** `build:` (a string is its `context`); a local `context` is absolute, `dockerfile` as written (relative to the context). */
export interface BuildModel {
  readonly origin: ComposeOrigin;
  readonly context?: Sourced<string>;
  readonly dockerfile?: Sourced<string>;
  readonly dockerfile_inline?: Sourced<string>;
  readonly target?: Sourced<string>;
  readonly args?: KeyedList;
  readonly platforms?: readonly Sourced<string>[];
  /** Named contexts (`FROM name` may use one); a local directory is absolute, other values as written (`docker-image://…`, URLs, `service:…`). */
  readonly additional_contexts?: KeyedList;
}

/** One `depends_on` entry: the service and whether it is `required` (default true). */
export interface DependsOnEntry {
  readonly service: string;
  readonly required: boolean;
  readonly origin: ComposeOrigin;
}

/** What `extends:` names: a service, in this file or in `file` (absolute). */
export interface ExtendsRef {
  readonly service: string;
  readonly file?: string;
}

/** A compose command value: `null` is an explicit unset (it overrides, compose-go `override`). */
export type CommandValue = string | readonly string[] | null;

/** A service in the merge: only the fields container-argv reads. */
export interface ServiceModel {
  /** Where the service was first defined. */
  readonly origin: ComposeOrigin;
  readonly image?: Sourced<string>;
  readonly command?: Sourced<CommandValue>;
  readonly entrypoint?: Sourced<CommandValue>;
  readonly init?: Sourced<boolean>;
  readonly working_dir?: Sourced<string>;
  readonly environment?: KeyedList;
  readonly env_file?: readonly EnvFileEntry[];
  readonly profiles?: readonly Sourced<string>[];
  readonly build?: BuildModel;
  readonly extends?: Sourced<ExtendsRef>;
  /** `platform:` (`os/arch[/variant]`): what is pulled, and what a `build:` builds for. */
  readonly platform?: Sourced<string>;
  readonly depends_on?: readonly DependsOnEntry[];
}

/** How to read one service of one file: its name, the file, positions, and the directory relative paths start from. */
export interface ServiceReadContext {
  readonly file: string;
  readonly locate: (path: readonly PropertyKey[]) => { line: number; column: number };
  /** The data path of the service in its document (`['services', 'web']`). */
  readonly at: readonly PropertyKey[];
  /** Directory that relative `env_file` and `build.context` paths are relative to. */
  readonly dir: string;
  /**
   * Makes a path of the file absolute (`at`: its data path from the service); default: against `dir`.
   * The project loader passes one that also expands a leading `~` (compose-go `paths.ExpandUser`).
   */
  readonly resolve?: (path: string, at: readonly PropertyKey[]) => string;
}

/** A path of the service made absolute, through `ctx.resolve` when given. */
function absolute(ctx: ServiceReadContext, path: string, at: readonly PropertyKey[]): string {
  return ctx.resolve === undefined ? resolvePath(ctx.dir, path) : ctx.resolve(path, [...ctx.at, ...at]);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Go `fmt.Sprint` of a YAML scalar in an environment map (`1` → `"1"`, `true` → `"true"`). */
function scalarText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** A `KEY=VALUE` list or a mapping as entries, in the order written (a `KEY` alone has value null). */
function readKeyed(value: Readonly<Record<string, unknown>> | readonly string[], where: (key: PropertyKey) => ComposeOrigin): KeyedList {
  if (Array.isArray(value)) {
    const entries = (value as readonly string[]).map((item, i): KeyEntry => {
      const eq = item.indexOf('=');
      return { key: eq < 0 ? item : item.slice(0, eq), value: eq < 0 ? null : item.slice(eq + 1), origin: where(i) };
    });
    return { form: 'list', entries };
  }
  const entries = Object.entries(value as Record<string, unknown>).map(([key, v]): KeyEntry => ({ key, value: scalarText(v), origin: where(key) }));
  return { form: 'map', entries };
}

/** compose-go `isRemoteContext` and `absContextPath` (paths/context.go): a context left as written. */
export function isRemoteContext(context: string): boolean {
  if (context.includes('://') || context.startsWith('service:')) return true;
  return ['https://', 'http://', 'git://', 'ssh://', 'github.com/', 'git@'].some((p) => context.startsWith(p));
}

/** Reads `build:` (string → `{ context }`); a local `context` is made absolute against `ctx.dir`. */
function readBuild(build: string | ComposeBuildInput, ctx: ServiceReadContext, origin: (path: readonly PropertyKey[]) => ComposeOrigin): BuildModel {
  const at = ['build'];
  const context = (text: string, path: readonly PropertyKey[]) => (isRemoteContext(text) ? text : absolute(ctx, text, path));
  if (typeof build === 'string') return { origin: origin(at), context: { value: context(build, at), origin: origin(at) } };
  const out: Mutable<BuildModel> = { origin: origin(at) };
  for (const key of ['context', 'dockerfile', 'dockerfile_inline', 'target'] as const) {
    const v = build[key];
    if (typeof v === 'string') out[key] = { value: key === 'context' ? context(v, [...at, key]) : v, origin: origin([...at, key]) };
  }
  if (build.args !== undefined && build.args !== null) out.args = readKeyed(build.args, (k) => origin([...at, 'args', k]));
  if (build.platforms !== undefined && build.platforms !== null) out.platforms = build.platforms.map((p, i) => ({ value: p, origin: origin([...at, 'platforms', i]) }));
  if (build.additional_contexts !== undefined && build.additional_contexts !== null) {
    const list = readKeyed(build.additional_contexts, (k) => origin([...at, 'additional_contexts', k]));
    const keys = Array.isArray(build.additional_contexts) ? list.entries.map((_, i) => i) : list.entries.map((e) => e.key);
    const entries = list.entries.map((e, i): KeyEntry => (e.value === null ? e : { ...e, value: context(e.value, [...at, 'additional_contexts', keys[i] as PropertyKey]) }));
    out.additional_contexts = { form: list.form, entries };
  }
  return out;
}

/**
 * Reads one validated service into a {@link ServiceModel}. `null` for `image`, `init`, `working_dir`,
 * `environment`… reads as absent (compose-go `MergeYaml` keeps the base value over a null); for
 * `command`/`entrypoint` it is an explicit unset. `env_file` paths are made absolute against `ctx.dir`.
 */
export function readService(svc: ComposeProjectServiceInput | null, ctx: ServiceReadContext): ServiceModel {
  const origin = (path: readonly PropertyKey[]): ComposeOrigin => ({ file: ctx.file, ...ctx.locate([...ctx.at, ...path]) });
  const out: Mutable<ServiceModel> = { origin: origin([]) };
  if (svc === null) return out;
  if (typeof svc.image === 'string') out.image = { value: svc.image, origin: origin(['image']) };
  if (svc.command !== undefined) out.command = { value: svc.command, origin: origin(['command']) };
  if (svc.entrypoint !== undefined) out.entrypoint = { value: svc.entrypoint, origin: origin(['entrypoint']) };
  if (typeof svc.init === 'boolean') out.init = { value: svc.init, origin: origin(['init']) };
  if (typeof svc.working_dir === 'string') out.working_dir = { value: svc.working_dir, origin: origin(['working_dir']) };
  if (svc.environment !== undefined && svc.environment !== null) out.environment = readKeyed(svc.environment, (k) => origin(['environment', k]));
  if (svc.env_file !== undefined && svc.env_file !== null) {
    const list = typeof svc.env_file === 'string' ? [svc.env_file] : svc.env_file;
    out.env_file = list.map((e, i): EnvFileEntry => {
      const at = typeof svc.env_file === 'string' ? ['env_file'] : ['env_file', i];
      const path = typeof e === 'string' ? e : e.path;
      const required = typeof e === 'string' ? true : (e.required ?? true);
      return { path: absolute(ctx, path, typeof e === 'string' ? at : [...at, 'path']), required, origin: origin(at) };
    });
  }
  if (svc.profiles !== undefined && svc.profiles !== null) out.profiles = svc.profiles.map((p, i) => ({ value: p, origin: origin(['profiles', i]) }));
  if (svc.build !== undefined && svc.build !== null) out.build = readBuild(svc.build, ctx, origin);
  if (typeof svc.platform === 'string') out.platform = { value: svc.platform, origin: origin(['platform']) };
  if (svc.depends_on !== undefined && svc.depends_on !== null) {
    const d = svc.depends_on;
    out.depends_on = Array.isArray(d)
      ? d.map((service, i) => ({ service, required: true, origin: origin(['depends_on', i]) }))
      : Object.entries(d).map(([service, v]) => ({ service, required: v?.required ?? true, origin: origin(['depends_on', service]) }));
  }
  if (svc.extends !== undefined && svc.extends !== null) {
    const ref =
      typeof svc.extends === 'string'
        ? { service: svc.extends }
        : { service: svc.extends.service, ...(typeof svc.extends.file === 'string' && { file: absolute(ctx, svc.extends.file, ['extends', 'file']) }) };
    out.extends = { value: ref, origin: origin(['extends']) };
  }
  return out;
}

/** compose-go `mergeToSequence`: both sides as sequences, one after the other (a merged pair is a list). */
function mergeKeyed(base: KeyedList | undefined, over: KeyedList | undefined): KeyedList | undefined {
  if (base === undefined) return over;
  if (over === undefined) return base;
  return { form: 'list', entries: [...base.entries, ...over.entries] };
}

function mergeBuild(base: BuildModel | undefined, over: BuildModel | undefined): BuildModel | undefined {
  if (base === undefined) return over;
  if (over === undefined) return base;
  const out: Mutable<BuildModel> = { origin: over.origin };
  for (const key of ['context', 'dockerfile', 'dockerfile_inline', 'target'] as const) {
    const v = over[key] ?? base[key];
    if (v !== undefined) out[key] = v;
  }
  const args = mergeKeyed(base.args, over.args);
  if (args !== undefined) out.args = args;
  const contexts = mergeKeyed(base.additional_contexts, over.additional_contexts);
  if (contexts !== undefined) out.additional_contexts = contexts;
  // `platforms` has no special rule: two lists are appended (uncity.go lists `build.platform`, not `platforms`).
  const platforms = base.platforms === undefined ? over.platforms : over.platforms === undefined ? base.platforms : [...base.platforms, ...over.platforms];
  if (platforms !== undefined) out.platforms = platforms;
  return out;
}

/**
 * Merges `over` onto `base` (a later file onto an earlier one, or a service onto the one it
 * extends), compose-go `MergeYaml` with its `mergeSpecials`: `command`/`entrypoint` are replaced (a
 * null too); `environment`, `env_file`, `build.args` and `profiles` are appended (duplicates removed
 * by {@link finishService}); `build` is merged key by key (a string is `{ context }`); other
 * scalars are replaced.
 */
export function mergeService(base: ServiceModel, over: ServiceModel): ServiceModel {
  const out: Mutable<ServiceModel> = { origin: base.origin };
  for (const key of ['image', 'init', 'working_dir', 'extends', 'platform'] as const) {
    const v = over[key] ?? base[key];
    if (v !== undefined) (out as Record<string, unknown>)[key] = v;
  }
  for (const key of ['command', 'entrypoint'] as const) {
    const v = over[key] !== undefined ? over[key] : base[key];
    if (v !== undefined) out[key] = v;
  }
  const environment = mergeKeyed(base.environment, over.environment);
  if (environment !== undefined) out.environment = environment;
  const envFile = base.env_file === undefined ? over.env_file : over.env_file === undefined ? base.env_file : [...base.env_file, ...over.env_file];
  if (envFile !== undefined) out.env_file = envFile;
  const profiles = base.profiles === undefined ? over.profiles : over.profiles === undefined ? base.profiles : [...base.profiles, ...over.profiles];
  if (profiles !== undefined) out.profiles = profiles;
  const build = mergeBuild(base.build, over.build);
  if (build !== undefined) out.build = build;
  // mergeDependsOn: the mappings merged by service name (duplicates removed by finishService).
  const dependsOn = base.depends_on === undefined ? over.depends_on : over.depends_on === undefined ? base.depends_on : [...base.depends_on, ...over.depends_on];
  if (dependsOn !== undefined) out.depends_on = dependsOn;
  return out;
}

/** Fields whose `!reset`/`!override` the model applies (whole field; a key of a mapping-form `environment`/`build.args`). */
const MODELLED = new Set(['image', 'command', 'entrypoint', 'init', 'working_dir', 'environment', 'env_file', 'profiles', 'build', 'extends', 'platform', 'depends_on']);
const BUILD_KEYS = new Set(['context', 'dockerfile', 'dockerfile_inline', 'target', 'args', 'platforms', 'additional_contexts']);

/** Drops the entries of `key` from a mapping-form list; a list-form one keeps them (compose-go reset.go: "TODO support removal from sequence"). */
function dropKey(list: KeyedList | undefined, key: string): KeyedList | undefined {
  if (list === undefined || list.form === 'list') return list;
  return { form: 'map', entries: list.entries.filter((e) => e.key !== key) };
}

/**
 * Applies a `!reset`/`!override` tag of a later file to the service it merges onto (compose-go
 * `ResetProcessor.Apply`: the tagged path is deleted from the base, so the later value, if any,
 * replaces it). `path` is relative to the service. Returns the new base, or `'unsupported'` for a
 * path inside a modelled field that the model cannot express (e.g. one item of a list).
 */
export function resetPath(base: ServiceModel, path: readonly string[]): ServiceModel | 'unsupported' {
  const [field, sub, key] = path;
  if (field === undefined || !MODELLED.has(field)) return base;
  const out: Mutable<ServiceModel> = { ...base };
  if (sub === undefined) {
    Reflect.deleteProperty(out, field);
    return out;
  }
  if (field === 'environment' && path.length === 2) {
    const env = dropKey(base.environment, sub);
    if (env === undefined) delete out.environment;
    else out.environment = env;
    return out;
  }
  if (field === 'build' && base.build !== undefined && BUILD_KEYS.has(sub)) {
    const build: Mutable<BuildModel> = { ...base.build };
    if (key === undefined) Reflect.deleteProperty(build, sub);
    else if (sub === 'args' && path.length === 3) {
      const args = dropKey(base.build.args, key);
      if (args === undefined) delete build.args;
      else build.args = args;
    } else return 'unsupported';
    out.build = build;
    return out;
  }
  return base.build === undefined && field === 'build' ? base : 'unsupported';
}

/** compose-go `EnforceUnicity`: a later item with the same key replaces the earlier one in its place. */
function unique<T>(list: readonly T[], keyOf: (item: T) => string): T[] {
  const out: T[] = [];
  const at = new Map<string, number>();
  for (const item of list) {
    const key = keyOf(item);
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push(item);
    } else out[i] = item;
  }
  return out;
}

/**
 * The merged service with duplicates removed as compose-go `EnforceUnicity` does (keyed by the
 * text before `=` for `environment`, `build.args` and `profiles`; by path for `env_file`).
 */
export function finishService(model: ServiceModel): ServiceModel {
  const out: Mutable<ServiceModel> = { ...model };
  if (model.environment !== undefined) out.environment = { form: model.environment.form, entries: unique(model.environment.entries, (e) => e.key) };
  if (model.env_file !== undefined) out.env_file = unique(model.env_file, (e) => e.path);
  if (model.profiles !== undefined) out.profiles = unique(model.profiles, (p) => p.value);
  if (model.depends_on !== undefined) out.depends_on = unique(model.depends_on, (d) => d.service);
  const build = model.build;
  if (build?.args !== undefined) out.build = { ...build, args: { form: build.args.form, entries: unique(build.args.entries, (e) => e.key) } };
  const contexts = build?.additional_contexts;
  if (build !== undefined && contexts !== undefined)
    out.build = { ...build, ...out.build, additional_contexts: { form: contexts.form, entries: unique(contexts.entries, (e) => e.key) } };
  return out;
}
