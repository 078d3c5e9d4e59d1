import { limitIssue, resolveLimits, type LimitsOption } from '../core/limits.js';
import type { Failure, ImageConfig, Issue, OperatingSystem } from '../core/types.js';
import type { SchemaIssue } from '../internal/schema-result.js';
import { safeParseImageConfig, type RawImageConfig } from './schema.js';

/** Options of {@link imageConfigFromInspect}. */
export interface ImageConfigFromInspectOptions extends LimitsOption {
  /** `os/arch[/variant]` (`linux/arm64`): picks the element of a multi-element inspect array built for it. */
  readonly platform?: string;
}

/** Result of {@link imageConfigFromInspect}. */
export type ImageConfigFromInspectResult = { readonly ok: true; readonly config: ImageConfig; readonly diagnostics: readonly [] } | Failure;

function pathOf(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

function failure(issues: Issue[]): Failure {
  return { ok: false, issues: issues as unknown as Failure['issues'], diagnostics: [] };
}

function fromSchema(schemaIssues: readonly SchemaIssue[], prefix: readonly PropertyKey[]): Failure {
  const issues: Issue[] = schemaIssues.slice(0, 20).map((i) => {
    const path = pathOf([...prefix, ...i.path]);
    const message = i.code === 'invalid_type' ? `expected ${i.expected}` : i.message;
    return { code: 'invalid-image-config', message: `${path === '' ? '(root)' : path}: ${message}`, path };
  });
  if (issues.length === 0) issues.push({ code: 'invalid-image-config', message: '(root): invalid image config', path: '' });
  return failure(issues);
}

function field(v: unknown, key: string): string {
  const x = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
  return typeof x === 'string' ? x : '';
}

/** An element's platform, `os/arch[/variant]` (`?` for a missing part). */
function platformOf(v: unknown): string {
  const os = field(v, 'Os') || field(v, 'os') || '?';
  const arch = field(v, 'Architecture') || field(v, 'architecture') || '?';
  const variant = field(v, 'Variant') || field(v, 'variant');
  return `${os}/${arch}${variant === '' ? '' : `/${variant}`}`;
}

/** Whether an element's `os/arch[/variant]` is the platform asked for (arm64's default variant is v8). */
function samePlatform(have: string, want: string): boolean {
  const norm = (p: string) => {
    const [os = '', arch = '', variant = ''] = p.toLowerCase().split('/');
    // containerd's platforms.Normalize aliases.
    const a = arch === 'x86_64' ? 'amd64' : arch === 'aarch64' ? 'arm64' : arch;
    return { os, arch: a, variant: a === 'arm64' && variant === 'v8' ? '' : variant };
  };
  const h = norm(have);
  const w = norm(want);
  return h.os === w.os && h.arch === w.arch && (w.variant === '' || h.variant === w.variant);
}

/**
 * The index of the inspect array's element to read: the only one, or the one built for `platform`;
 * otherwise why none can be chosen (several images, none or several for the platform).
 */
function pickElement(elements: readonly unknown[], platform: string | undefined): number | string {
  if (elements.length === 1) return 0;
  const platforms = elements.map(platformOf);
  const listed = platforms.join(', ');
  if (platform === undefined) return `${elements.length} images in the inspect output (${listed}): give one image, or a platform to pick one`;
  const matching = platforms.flatMap((p, i) => (samePlatform(p, platform) ? [i] : []));
  if (matching.length === 1) return matching[0]!;
  return matching.length === 0 ? `no image for ${platform} in the inspect output (${listed})` : `${matching.length} images for ${platform} in the inspect output: give one image`;
}

/** Keys of inspect output, an OCI image config or its Config object (image-spec config.md, moby's ImageInspect). */
const CONFIG_KEYS: ReadonlySet<string> = new Set(
  'Id RepoTags Config ContainerConfig Os Architecture RootFS config os architecture rootfs Entrypoint Cmd Shell OnBuild Env WorkingDir User Labels'.split(' '),
);

/**
 * Input that is JSON but not an image config: an image manifest or index (image-spec manifest.md,
 * image-index.md: `schemaVersion` with `layers` or `manifests`), or an object with none of the keys
 * of inspect output, an OCI config or a Config object (`{"foo": 1}`, which would read as an empty config).
 */
function shapeIssue(value: Readonly<Record<string, unknown>>, path: string): Issue | null {
  const at = path === '' ? '(root)' : path;
  if ('schemaVersion' in value && ('layers' in value || 'manifests' in value)) {
    const what = 'manifests' in value ? 'an image index (manifest list)' : 'an image manifest';
    return { code: 'invalid-image-config', message: `${at}: ${what}, not its config: give the config blob it names (config.digest), or docker image inspect output`, path };
  }
  if (Object.keys(value).some((k) => CONFIG_KEYS.has(k))) return null;
  const keys = Object.keys(value)
    .slice(0, 5)
    .map((k) => JSON.stringify(k))
    .join(', ');
  return {
    code: 'invalid-image-config',
    message: `${at}: ${keys === '' ? 'an empty object' : `found only ${keys}`}; expected docker image inspect output (Config, Os…), an OCI image config (config, os, rootfs…) or its Config object (Entrypoint, Cmd…)`,
    path,
  };
}

function toOs(os: string | undefined): OperatingSystem | undefined {
  if (os === undefined) return undefined;
  return os.toLowerCase() === 'windows' ? 'windows' : 'linux';
}

function build(c: RawImageConfig | null | undefined, os: string | undefined): ImageConfig {
  const config: {
    entrypoint: readonly string[] | null;
    cmd: readonly string[] | null;
    shell: readonly string[] | null;
    onBuild: readonly string[] | null;
    os?: OperatingSystem;
    argsEscaped?: boolean;
  } = {
    entrypoint: c?.Entrypoint ?? null,
    cmd: c?.Cmd ?? null,
    shell: c?.Shell ?? null,
    onBuild: c?.OnBuild ?? null,
  };
  const o = toOs(os);
  if (o !== undefined) config.os = o;
  if (c?.ArgsEscaped != null) config.argsEscaped = c.ArgsEscaped;
  return config;
}

/**
 * Turns `docker image inspect` / `podman image inspect` output (array or one
 * object), an OCI image config JSON, or a bare `Config` object into an
 * {@link ImageConfig}. Accepts parsed JSON or a JSON string. Errors name the
 * bad path, e.g. `[0].Config.Cmd[2]: expected string`. An inspect array of several
 * images (`docker image inspect a b`) is read only with `options.platform` picking one
 * (`Os`/`Architecture`/`Variant`); JSON that is no image config (an OCI manifest) is refused.
 *
 * @example
 * imageConfigFromInspect('[{"Config":{"Cmd":["nginx"]},"Os":"linux"}]')
 * // { ok: true, config: { entrypoint: null, cmd: ['nginx'], shell: null, onBuild: null, os: 'linux' } }
 */
export function imageConfigFromInspect(json: unknown, options: ImageConfigFromInspectOptions = {}): ImageConfigFromInspectResult {
  if (typeof options !== 'object' || options === null) throw new TypeError(`options must be an object, got ${options === null ? 'null' : typeof options}`);
  let value = json;
  if (typeof json === 'string') {
    const limits = resolveLimits(options.limits);
    if (json.length > limits.maxInputLength) return failure([limitIssue('maxInputLength', 'JSON text length', json.length, limits.maxInputLength, { path: '' })]);
    try {
      value = JSON.parse(json) as unknown;
    } catch (e) {
      return failure([{ code: 'invalid-image-config', message: `(root): invalid JSON (${(e as Error).message})`, path: '' }]);
    }
  }
  let prefix: PropertyKey[] = [];
  if (Array.isArray(value)) {
    if (value.length === 0) return failure([{ code: 'invalid-image-config', message: '(root): empty inspect array', path: '' }]);
    const picked = pickElement(value, options.platform);
    if (typeof picked === 'string') return failure([{ code: 'invalid-image-config', message: `(root): ${picked}`, path: '' }]);
    prefix = [picked];
    value = value[picked];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure([{ code: 'invalid-image-config', message: `${prefix.length ? pathOf(prefix) : '(root)'}: expected object`, path: pathOf(prefix) }]);
  }
  const shape = shapeIssue(value as Record<string, unknown>, pathOf(prefix));
  if (shape !== null) return failure([shape]);
  const r = safeParseImageConfig(value as Record<string, unknown>);
  if (!r.success) return fromSchema(r.issues, prefix);
  return { ok: true, config: build(r.data.config, r.data.os), diagnostics: [] };
}
