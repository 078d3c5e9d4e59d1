import { requestNeeds, resolveCompose, type ResolveComposeResult } from './service.js';
import { answerConfig, type ImageLookup } from '../core/image-lookup.js';
import { parseImageReference, type ImageReference } from '../core/image-reference.js';
import { findImage, findImageKey, imageTable, unusedImageDiagnostics, type ImageTable } from '../core/image-table.js';
import { readDotEnvFiles, type DotEnvFile, type ReadDotEnvFilesResult } from './dotenv.js';
import { interpolateWith } from './interpolation.js';
import { expectType } from '../internal/text.js';
import type { LimitsOption } from '../core/limits.js';
import { formatPath, readWorkloadYaml, type YamlDocument } from '../internal/yaml.js';
import { safeParseComposeFile, type ComposeServiceInput } from './schema.js';
import type { ShellwordsVersion } from './go-shellwords.js';
import type { Diagnostic, Failure, ImageConfig, Issue } from '../core/types.js';

/**
 * Reads a compose.yaml and resolves what `docker compose up` runs for each service. See
 * docs/semantics.md §3, "Reading compose files" for what is supported.
 */

/** Options of {@link resolveComposeFile}. */
export interface ResolveComposeFileOptions extends LimitsOption {
  /**
   * Image configs. A service whose image is not found still resolves when it sets a non-empty
   * `entrypoint`; else its result says what depends on the image (`complete: false`). A record key
   * that is neither an image reference nor a service name, or names the same image as another, is an
   * issue; one no service uses gets an `image-config-unused` warning. A function is asked for the
   * `image:` reference, then for the service name (with `reference` undefined). Default: none.
   */
  readonly images?: ImageLookup;
  /** Variables for `${VAR}` interpolation (compose: the OS environment); they win over `envFiles`. Default: none. */
  readonly environment?: Readonly<Record<string, string>>;
  /** `.env` files (the project's `.env`, or each `--env-file` in order) read as compose-go reads them (later files win). Default: none. */
  readonly envFiles?: readonly DotEnvFile[];
  readonly shellwordsVersion?: ShellwordsVersion;
  readonly source?: string;
}

/** One service's result. */
export interface ComposeFileService {
  readonly name: string;
  readonly path: string;
  /** `image:` after interpolation; absent for a build-only service. */
  readonly image: string | undefined;
  /** The parsed `image:`; absent when there is none or it is not an image reference. */
  readonly reference?: ImageReference;
  /** The image config fields the argv depends on (Docker Engine's merge of `entrypoint`/`command` with the image). */
  readonly needs: readonly ('entrypoint' | 'cmd')[];
  readonly result: ResolveComposeResult;
}

/** Result of {@link resolveComposeFile}. */
export type ResolveComposeFileResult = { readonly ok: true; readonly services: readonly ComposeFileService[]; readonly diagnostics: readonly Diagnostic[] } | Failure;

/**
 * Compose interpolation of one string value: `$$` → `$`; `$NAME`, `${NAME}`; `${NAME:-d}`,
 * `${NAME-d}`, `${NAME:+a}`, `${NAME+a}`, `${NAME:?e}`, `${NAME?e}`. Defaults and messages are
 * interpolated in turn, so `${A:-${B}}` falls back to B's value (compose-go `softDefault`
 * substitutes the default again). Unset variables become `''` (diagnosed).
 */
export function interpolateCompose(
  text: string,
  environment: Readonly<Record<string, string>>,
): { ok: true; value: string; unresolved: string[] } | { ok: false; message: string } {
  expectType(text, 'string', 'text');
  expectType(environment, 'object', 'environment');
  return interpolateWith(text, (name) => (Object.hasOwn(environment, name) ? environment[name] : undefined));
}

/**
 * Resolves each service of a compose file (`services.*.command`, `entrypoint`, `image`) as
 * `docker compose up` runs it on Docker Engine. Supported: one YAML document, interpolation of
 * those fields (compose-go's `${VAR}` rules); `extends` is not evaluated (diagnosed),
 * profiles are ignored (every service is listed), multi-file overrides are not merged.
 * Malformed YAML, wrong types or invalid interpolation fail the whole call with a path.
 */
export function resolveComposeFile(yamlText: string, options: ResolveComposeFileOptions = {}): ResolveComposeFileResult {
  const parsed = readWorkloadYaml(yamlText, options);
  const src = options.source === undefined ? {} : { source: options.source };
  if (!parsed.ok) return { ok: false, issues: parsed.issues, diagnostics: [] };
  const docs = parsed.documents.filter((d) => !d.ok || (d.value !== null && d.value !== undefined));
  const first = docs[0];
  if (first === undefined) return { ok: true, services: [], diagnostics: [] };
  if (!first.ok) return { ok: false, issues: first.issues, diagnostics: [] };
  const validated = validateServices(first, src);
  if (!validated.ok) return validated;
  const env = composeEnvironment(options);
  if (!env.ok) return env;
  const images = serviceImages(options.images, validated.services);
  if (!images.ok) return images;
  const resolver = new ComposeServiceResolver(first, src, env.values, options, images.lookup, [...env.diagnostics]);
  const services = validated.services.map(([name, svc]) => resolver.service(name, svc));
  const { issues, diagnostics } = resolver;
  const [firstIssue, ...rest] = issues;
  if (firstIssue !== undefined) return { ok: false, issues: [firstIssue, ...rest], diagnostics };
  if (images.table !== null) diagnostics.push(...unusedImageDiagnostics(images.table, 'no service').map((d) => ({ ...d, ...src })));
  return { ok: true, services, diagnostics };
}

/** How a service's image config is found: by parsed `image:` reference, else by service name. */
export type ServiceImages = (image: string | undefined, reference: ImageReference | undefined, name: string) => ImageConfig | undefined;

/** The lookup of {@link serviceImages}, or why a record of image configs is invalid. */
export type ServiceImagesResult = { ok: true; lookup: ServiceImages; table: ImageTable | null } | Failure;

/**
 * The lookup for `options.images`: the function, or the table of a record (keys: references or
 * service names). Internal (also used by the testing kit's Compose comparison).
 */
export function serviceImages(images: ImageLookup | undefined, services: readonly (readonly [string, unknown])[]): ServiceImagesResult {
  if (images === undefined) return { ok: true, lookup: () => undefined, table: null };
  if (typeof images === 'function') {
    const ask = (ref: string, reference: ImageReference | undefined) => answerConfig(images(ref, reference));
    return { ok: true, lookup: (image, reference, name) => (image === undefined ? undefined : ask(image, reference)) ?? ask(name, undefined), table: null };
  }
  const names = new Set(services.map(([name]) => name));
  const read = imageTable(images, (key) => names.has(key));
  if (!read.ok) return read;
  const table = read.table;
  return { ok: true, lookup: (_image, reference, name) => (reference !== undefined ? findImage(table, reference) : undefined) ?? findImageKey(table, name), table };
}

type ReadDocument = Extract<YamlDocument, { ok: true }>;
type Source = { readonly source?: string };

/**
 * Checks the file against the schema, then each service read from the parsed YAML object itself
 * (own keys, including `__proto__`; see safeParseComposeFile), so no service is dropped silently.
 */
function validateServices(first: ReadDocument, src: Source): { ok: true; services: [string, ComposeServiceInput][] } | Failure {
  const file = safeParseComposeFile(first.value);
  if (!file.success) {
    const [i0, ...more] = zodIssues(first, src, [], file.issues);
    if (i0 !== undefined) return { ok: false, issues: [i0, ...more], diagnostics: [] };
  }
  const services: [string, ComposeServiceInput][] = [];
  const issues: Issue[] = [];
  for (const [name, one] of file.success ? file.data.services : []) {
    if (one.success) services.push([name, one.data]);
    else issues.push(...zodIssues(first, src, ['services', name], one.issues));
  }
  const [s0, ...sMore] = issues;
  if (s0 !== undefined) return { ok: false, issues: [s0, ...sMore], diagnostics: [] };
  return { ok: true, services };
}

/** Schema issues (at most 20) as `compose-file-invalid` issues with paths and positions. */
function zodIssues(
  first: ReadDocument,
  src: Source,
  prefix: readonly PropertyKey[],
  list: readonly { code: string; path: readonly PropertyKey[]; message: string; expected?: unknown }[],
): Issue[] {
  return list.slice(0, 20).map((zi): Issue => {
    const p = formatPath('', [...prefix, ...zi.path]);
    const last = p.endsWith('.command') || p.endsWith('.entrypoint');
    const what = zi.code === 'invalid_type' ? `expected ${String(zi.expected)}` : zi.code === 'invalid_union' && last ? 'expected null, a string or a list of strings' : zi.message;
    return { code: 'compose-file-invalid', path: p, message: `${p === '' ? 'compose file' : p}: ${what}`, ...first.locate([...prefix, ...zi.path]), ...src };
  });
}

/** The interpolation variables: `environment`, then the `.env` files for names it does not set. */
function composeEnvironment(options: ResolveComposeFileOptions): ReadDotEnvFilesResult {
  const environment = options.environment ?? {};
  if (options.envFiles === undefined) return { ok: true, values: environment, diagnostics: [] };
  expectType(options.envFiles, 'array', 'options.envFiles');
  // compose-go cli.WithDotEnv: Environment.Merge keeps a variable already set (OS over .env).
  const dotenv = readDotEnvFiles(options.envFiles, { environment });
  if (!dotenv.ok) return dotenv;
  return { ok: true, values: { ...dotenv.values, ...environment }, diagnostics: dotenv.diagnostics };
}

/** Resolves one service at a time: interpolation of image/command/entrypoint, image lookup, then `resolveCompose`. */
class ComposeServiceResolver {
  readonly issues: Issue[] = [];

  constructor(
    private readonly first: ReadDocument,
    private readonly src: Source,
    private readonly env: Readonly<Record<string, string>>,
    private readonly options: ResolveComposeFileOptions,
    private readonly images: ServiceImages,
    readonly diagnostics: Diagnostic[],
  ) {}

  service(name: string, svc: ComposeServiceInput | null): ComposeFileService {
    const path = formatPath('services', [name]);
    const service = svc ?? {};
    if (service.extends !== undefined) {
      this.diagnostics.push({
        code: 'compose-unsupported',
        severity: 'warning',
        path: `${path}.extends`,
        ...this.src,
        message: `${path}: extends is not evaluated by this single-file reader; the inherited command/entrypoint are not taken into account (loadComposeProject, and the CLI's compose and lint, evaluate it).`,
      });
    }
    const image = this.interpolate(service.image ?? undefined, name, 'image') as string | undefined;
    const command = this.interpolate(service.command, name, 'command');
    const entrypoint = this.interpolate(service.entrypoint, name, 'entrypoint');
    const parsed = image === undefined ? null : parseImageReference(image);
    const reference = parsed?.ok === true ? parsed.reference : undefined;
    const { shellwordsVersion } = this.options;
    const result: ResolveComposeResult =
      parsed !== null && !parsed.ok
        ? { ok: false, issues: [{ code: 'compose-image-invalid', path: `${path}.image`, message: parsed.issues[0].message, ...this.src }], diagnostics: [] }
        : resolveCompose(this.images(image, reference, name) ?? null, { ...(command !== undefined && { command }), ...(entrypoint !== undefined && { entrypoint }) }, undefined, {
            path,
            ...(shellwordsVersion !== undefined && { shellwordsVersion }),
          });
    const needs = result.ok ? requestNeeds(result.request) : [];
    return { name, path, image, ...(reference !== undefined && { reference }), needs, result };
  }

  /** Interpolates a string field, or each string of a list field; other values pass through. */
  private interpolate(value: unknown, name: string, field: string): unknown {
    const p = `${formatPath('services', [name])}.${field}`;
    if (typeof value === 'string') return this.interpolateOne(value, p, ['services', name, field]);
    if (Array.isArray(value)) return (value as unknown[]).map((v, i) => (typeof v === 'string' ? this.interpolateOne(v, `${p}[${i}]`, ['services', name, field, i]) : v));
    return value;
  }

  /** One string: its value, or `undefined` after recording an invalid-interpolation issue. */
  private interpolateOne(s: string, path: string, parts: readonly PropertyKey[]): string | undefined {
    const r = interpolateCompose(s, this.env);
    if (!r.ok) {
      this.issues.push({ code: 'compose-interpolation-invalid', path, message: `${path}: ${r.message}`, ...this.first.locate(parts), ...this.src });
      return undefined;
    }
    for (const v of r.unresolved) {
      this.diagnostics.push({
        code: 'compose-unresolved-variable',
        severity: 'warning',
        path,
        ...this.src,
        message: `The ${JSON.stringify(v)} variable is not set. Defaulting to a blank string.`,
      });
    }
    return r.value;
  }
}
/** A service's image (or, for a build-only service, its name), and what of its config the argv needs. */
export interface ComposeImage {
  readonly service: string;
  /** `services.<name>`. */
  readonly path: string;
  /** `image:` after interpolation; absent for a build-only service (give its config by service name). */
  readonly text?: string;
  /** Absent when there is no `image:` or it is not an image reference. */
  readonly reference?: ImageReference;
  /** The config fields the argv depends on; `[]`: the image config is not needed (a non-empty `entrypoint`). */
  readonly needs: readonly ('entrypoint' | 'cmd')[];
}

/** Result of {@link listComposeImages}. */
export type ListComposeImagesResult = { readonly ok: true; readonly images: readonly ComposeImage[]; readonly diagnostics: readonly Diagnostic[] } | Failure;

/**
 * Lists each service's image (after interpolation) with the config fields its argv needs, so a
 * caller fetches the configs that matter before {@link resolveComposeFile}.
 *
 * @param yamlText - A compose file.
 * @param options - As for {@link resolveComposeFile}, without `images`.
 * @returns One entry per service, in file order; or the issues that fail the whole file.
 */
export function listComposeImages(yamlText: string, options: Omit<ResolveComposeFileOptions, 'images'> = {}): ListComposeImagesResult {
  expectType(yamlText, 'string', 'yamlText');
  expectType(options, 'object', 'options');
  const { images: _images, ...rest } = options as ResolveComposeFileOptions;
  const result = resolveComposeFile(yamlText, rest);
  if (!result.ok) return result;
  const images = result.services.map((s): ComposeImage => ({
    service: s.name,
    path: s.path,
    ...(s.image !== undefined && { text: s.image }),
    ...(s.reference !== undefined && { reference: s.reference }),
    needs: s.needs,
  }));
  return { ok: true, images, diagnostics: result.diagnostics };
}
