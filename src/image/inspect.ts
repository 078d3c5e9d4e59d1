import { limitIssue, resolveLimits, type LimitsOption } from '../core/limits.js';
import type { Failure, ImageConfig, Issue, OperatingSystem } from '../core/types.js';
import type { SchemaIssue } from '../internal/schema-result.js';
import { safeParseImageConfig, type RawImageConfig } from './schema.js';

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
 * bad path, e.g. `[0].Config.Cmd[2]: expected string`.
 *
 * @example
 * imageConfigFromInspect('[{"Config":{"Cmd":["nginx"]},"Os":"linux"}]')
 * // { ok: true, config: { entrypoint: null, cmd: ['nginx'], shell: null, onBuild: null, os: 'linux' } }
 */
export function imageConfigFromInspect(json: unknown, options: LimitsOption = {}): ImageConfigFromInspectResult {
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
    prefix = [0];
    value = value[0];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failure([{ code: 'invalid-image-config', message: `${prefix.length ? '[0]' : '(root)'}: expected object`, path: prefix.length ? '[0]' : '' }]);
  }
  const r = safeParseImageConfig(value as Record<string, unknown>);
  if (!r.success) return fromSchema(r.issues, prefix);
  return { ok: true, config: build(r.data.config, r.data.os), diagnostics: [] };
}
