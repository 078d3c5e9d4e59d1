/**
 * The engine-neutral container every conversion goes through: what runs, as the Engine API
 * request Docker Engine merges with the image (moby `merge`), and every other setting as the
 * `docker run` flag it is. Readers (`from-*.ts`) build one; writers (`to-*.ts`) print one.
 */
import type { ParsedRunFlag } from '../run/command-line.js';
import type { KubernetesEnvDependency } from '../kubernetes/container.js';
import type { Diagnostic, Engine, Failure, ImageConfig, Location } from '../core/types.js';
import type { DiagnosticCode } from '../core/diagnostics.js';

/** A `docker run` flag of a spec: its long name, its value, how the source wrote it and where. */
export type SpecFlag = ParsedRunFlag;

/** One container, whichever form it came from. */
export interface ContainerSpec {
  /** The image reference; `undefined` for a Compose service with `build:` only. */
  readonly image: string | undefined;
  /** Engine API `Entrypoint`: `null` unset (the image's), `[]` none but the image CMD kept, `['']` none and the image CMD dropped. */
  readonly entrypoint: readonly string[] | null;
  /** Engine API `Cmd`: `null` (or `[]`) takes the image CMD when the entrypoint is unset or `[]`. */
  readonly cmd: readonly string[] | null;
  /** The engine's init process runs the argv (`--init`, Compose `init: true`). */
  readonly init: boolean;
  /** Every other setting, as `docker run` flags (`{ name: 'env', value: 'A=1' }`), in order. */
  readonly flags: readonly SpecFlag[];
  /**
   * The Compose service it was read from (`convertComposeFile`): the name of a written Kubernetes
   * container or Compose service when no `--name` (`container_name`) gives one, as kompose names
   * objects after the service; unset: the image's name.
   */
  readonly service?: string;
}

/** The forms a container converts between. */
export type ContainerForm = 'run' | 'compose' | 'kubernetes';

/** The shells a generated run line is quoted for. */
export type RunLineShell = 'posix' | 'powershell' | 'cmd';

/** Options shared by the writers. */
export interface ConvertOptions {
  /**
   * The image config, for the few argvs a target can only express with the image CMD in hand
   * (Compose `entrypoint: []` without a command, written as a `docker run` line or a Kubernetes
   * container). Default: unknown, said in the result (`complete: false`, `dependsOn`).
   */
  readonly imageConfig?: ImageConfig | null;
  /** Engine of a generated run line (`podman` writes a multi-word entrypoint as JSON). Default `'docker'`. */
  readonly engine?: Engine;
  /** Shell a generated run line is quoted for. Default `'posix'`. */
  readonly shell?: RunLineShell;
  /** What surrounds a Kubernetes container. Default `'Pod'`. */
  readonly kubernetesKind?: 'Container' | 'Pod' | 'Deployment';
}

/**
 * A writer's answer: the target's text or object (`complete`), or — when the target can only
 * express the argv with an image config that was not given — which image fields it depends on.
 */
export type WriteResult<T> =
  | { readonly ok: true; readonly complete: true; readonly value: T; readonly diagnostics: readonly Diagnostic[] }
  | {
      readonly ok: true;
      readonly complete: false;
      /** The image config fields the written command needs and nobody gave. */
      readonly dependsOn: readonly ('entrypoint' | 'cmd')[];
      /** Kubernetes input: `$(VAR)` references in command/args whose value comes from data not given (a Secret, a ConfigMap…). */
      readonly dependsOnEnv?: readonly KubernetesEnvDependency[];
      readonly diagnostics: readonly Diagnostic[];
    }
  | Failure;

/** A reader's answer. */
export type ReadResult = { readonly ok: true; readonly spec: ContainerSpec; readonly diagnostics: readonly Diagnostic[] } | Failure;

/** A flag of a spec read from another form: `spelled` says what it was there (`environment: A=1`). */
export function specFlag(name: string, value: string, spelled: string, location: Location = {}): SpecFlag {
  return { name, value, spelled, location };
}

/** A diagnostic for a setting the target has no counterpart for (nothing is dropped silently). */
export function noCounterpart(what: string, target: string, location: Location = {}, help = '', code: DiagnosticCode = 'convert-no-counterpart'): Diagnostic {
  return { code, severity: 'warning', message: `${what} has no ${target} counterpart; not translated.${help === '' ? '' : ` ${help}`}`, ...location };
}

/** An entrypoint of exactly `['']`: no entrypoint, and the image CMD dropped. */
export function isClearedEntrypoint(list: readonly string[] | null): boolean {
  return list !== null && list.length === 1 && list[0] === '';
}

/** Compose and Kubernetes write every `$` of a value doubled so interpolation leaves it as written. */
export function escapeComposeDollars(text: string): string {
  return text.replaceAll('$', '$$$$');
}
