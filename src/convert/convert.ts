/**
 * One container from any of the three forms to any other: read into a {@link ContainerSpec}, then
 * written. `convertContainer` takes one run line, service or container; `convertComposeFile` and
 * `convertManifests` take whole files.
 */
import { stringify } from 'yaml';
import { specFromRun } from './from-run.js';
import { specFromCompose } from './from-compose.js';
import { specFromKubernetes } from './from-kubernetes.js';
import { specToRun, type RunLineOutput } from './to-run.js';
import { specToCompose, type ComposeServiceOutput } from './to-compose.js';
import { specToKubernetes, type KubernetesOutput } from './to-kubernetes.js';
import { expectType } from '../internal/text.js';
import type { ContainerForm, ContainerSpec, ConvertOptions, WriteResult } from './spec.js';
import type { RunCommandLineOptions } from '../run/command-line.js';
import type { KubernetesOptions } from '../kubernetes/container.js';
import type { ShellwordsVersion } from '../compose/go-shellwords.js';
import type { Diagnostic } from '../core/types.js';

/** What to convert: a run line, a Compose service (values after interpolation), or a Kubernetes container (and its Pod spec). */
export type ContainerInput =
  | { readonly from: 'run'; readonly line: string | readonly string[] }
  | { readonly from: 'compose'; readonly service: Readonly<Record<string, unknown>>; readonly path?: string }
  | {
      readonly from: 'kubernetes';
      readonly container: Readonly<Record<string, unknown>>;
      readonly pod?: Readonly<Record<string, unknown>>;
      readonly path?: string;
      readonly podPath?: string;
    };

/** Options of {@link convertContainer}. */
export interface ConvertContainerOptions extends ConvertOptions, Pick<RunCommandLineOptions, 'engineVersion' | 'limits'>, Omit<KubernetesOptions, 'path'> {
  /** The target form. */
  readonly to: ContainerForm;
  readonly shellwordsVersion?: ShellwordsVersion;
}

/** The converted container: the target as text (a shell line, or YAML) and as data, and the spec in between. */
export type ConvertedContainer = { readonly spec: ContainerSpec; readonly text: string } & (
  ({ readonly form: 'run' } & RunLineOutput) | ({ readonly form: 'compose' } & ComposeServiceOutput) | ({ readonly form: 'kubernetes' } & KubernetesOutput)
);

/** Result of {@link convertContainer}. */
export type ConvertContainerResult = WriteResult<ConvertedContainer>;

/** YAML that every reader takes back verbatim: strings double-quoted (no YAML 1.1 `no`/`on` booleans, no octal), no line folding. */
export function toConvertYaml(value: unknown): string {
  return stringify(value, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}

function readSpec(input: ContainerInput, options: ConvertContainerOptions): ReturnType<typeof specFromRun> {
  switch (input.from) {
    case 'run':
      return specFromRun(input.line, {
        ...(options.engine !== undefined && { engine: options.engine }),
        ...(options.engineVersion !== undefined && { engineVersion: options.engineVersion }),
        ...(options.limits !== undefined && { limits: options.limits }),
      });
    case 'compose':
      return specFromCompose(input.service, {
        ...(input.path !== undefined && { path: input.path }),
        ...(options.shellwordsVersion !== undefined && { shellwordsVersion: options.shellwordsVersion }),
      });
    case 'kubernetes': {
      const { to: _to, imageConfig: _i, engine: _e, shell: _s, kubernetesKind: _k, engineVersion: _v, limits: _l, shellwordsVersion: _w, ...k8s } = options;
      return specFromKubernetes(input.container, {
        ...k8s,
        ...(input.pod !== undefined && { pod: input.pod }),
        ...(input.path !== undefined && { path: input.path }),
        ...(input.podPath !== undefined && { podPath: input.podPath }),
      });
    }
    default:
      throw new TypeError(`input.from must be 'run', 'compose' or 'kubernetes', got ${String((input as { from: unknown }).from)}`);
  }
}

/** Writes a spec in the target form, with its text. */
export function writeSpec(spec: ContainerSpec, options: ConvertOptions & { readonly to: ContainerForm }): ConvertContainerResult {
  if (options.to === 'run') return withText(specToRun(spec, options), spec, (v) => ({ form: 'run', ...v, text: v.line }));
  if (options.to === 'compose') return withText(specToCompose(spec), spec, (v) => ({ form: 'compose', ...v, text: toConvertYaml({ services: { [v.name]: v.service } }) }));
  if (options.to === 'kubernetes') return withText(specToKubernetes(spec, options), spec, (v) => ({ form: 'kubernetes', ...v, text: toConvertYaml(v.document) }));
  throw new TypeError(`options.to must be 'run', 'compose' or 'kubernetes', got ${String(options.to)}`);
}

function withText<T>(r: WriteResult<T>, spec: ContainerSpec, text: (v: T) => Omit<ConvertedContainer, 'spec'>): ConvertContainerResult {
  if (!r.ok || !r.complete) return r;
  return { ok: true, complete: true, value: { spec, ...text(r.value) } as ConvertedContainer, diagnostics: r.diagnostics };
}

/**
 * Converts one container between a `docker run`/`podman run` line, a Compose service and a
 * Kubernetes container so that it runs the same argv (as `resolveRunCommandLine`,
 * `resolveCompose` and `resolveKubernetes` compute it) and carries the same settings; each setting
 * the target cannot express gets a diagnostic naming it. When the target needs the image CMD and
 * `options.imageConfig` is not given, the result says so (`complete: false`, `dependsOn`).
 *
 * @example
 * const r = convertContainer({ from: 'run', line: `docker run --entrypoint '' nginx echo '$HOME'` }, { to: 'compose' });
 * // r.ok && r.complete && r.value.service → { image: 'nginx', entrypoint: [''], command: ['echo', '$$HOME'] }
 */
export function convertContainer<T extends ContainerForm>(
  input: ContainerInput,
  options: ConvertContainerOptions & { readonly to: T },
): WriteResult<Extract<ConvertedContainer, { readonly form: T }>>;
export function convertContainer(input: ContainerInput, options: ConvertContainerOptions): ConvertContainerResult;
export function convertContainer(input: ContainerInput, options: ConvertContainerOptions): ConvertContainerResult {
  expectType(input, 'object', 'input');
  expectType(options, 'object', 'options');
  const read = readSpec(input, options);
  if (!read.ok) return read;
  const written = writeSpec(read.spec, options);
  return prependDiagnostics(written, read.diagnostics);
}

/** The reader's diagnostics first, then the writer's. */
export function prependDiagnostics<T>(r: WriteResult<T>, first: readonly Diagnostic[]): WriteResult<T> {
  return first.length === 0 ? r : { ...r, diagnostics: [...first, ...r.diagnostics] };
}
