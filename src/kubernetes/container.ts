import { analyzeArgv, shellScriptIndex } from '../core/argv-analysis.js';
import { resolveDockerRun, type DockerRunOverrides } from '../run/docker-run.js';
import { unknownImageDiagnostic } from '../run/image-needs.js';
import { expectType } from '../internal/text.js';
import { escapeKubernetes, expandKubernetesReport, expansionDiagnostics, kubernetesProfile, type KubernetesProfile } from './expansion.js';
import { buildEnvironment, classifyReferences, unknownValueDiagnostic, type KubernetesEnvironment } from './environment.js';
import type { Diagnostic, Failure, ImageConfig, Issue } from '../core/types.js';
import type { KubernetesResources } from './resource-field.js';

/**
 * What Kubernetes runs for a container: the kubelet builds the env and expands `$(VAR)` in the
 * pod-spec `command`/`args`, then the CRI runtime (containerd) merges them with the image
 * ENTRYPOINT/CMD. See docs/semantics.md §3, "Kubernetes".
 */

/** `env[].valueFrom` (only the parts that decide a value). */
export interface KubernetesEnvVarSource {
  readonly configMapKeyRef?: { readonly name: string; readonly key: string; readonly optional?: boolean };
  readonly secretKeyRef?: { readonly name: string; readonly key: string; readonly optional?: boolean };
  readonly fieldRef?: { readonly fieldPath: string };
  readonly resourceFieldRef?: { readonly resource: string; readonly containerName?: string; readonly divisor?: string | number };
}

/** One `env` entry. */
export interface KubernetesEnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: KubernetesEnvVarSource;
}

/** One `envFrom` entry. */
export interface KubernetesEnvFromSource {
  readonly prefix?: string;
  readonly configMapRef?: { readonly name: string; readonly optional?: boolean };
  readonly secretRef?: { readonly name: string; readonly optional?: boolean };
}

/** The parts of a Kubernetes `Container` that decide its argv. */
export interface KubernetesContainer {
  readonly name?: string;
  readonly image?: string;
  readonly command?: readonly string[] | null;
  readonly args?: readonly string[] | null;
  readonly env?: readonly KubernetesEnvVar[] | null;
  readonly envFrom?: readonly KubernetesEnvFromSource[] | null;
  /** `resources.limits`/`requests`: what `resourceFieldRef` sources of this container read. */
  readonly resources?: KubernetesResources | null;
}

/**
 * ConfigMaps or Secrets by name, as the kubelet would find them in the Pod's namespace: a record
 * lists all that exist (a name not in it does not exist), a function answers each name with its
 * data, `null` (does not exist) or `undefined` (not known here). Values are text (a Secret's
 * decoded).
 */
export type KubernetesConfigData = Readonly<Record<string, Readonly<Record<string, string>>>> | ((name: string) => Readonly<Record<string, string>> | null | undefined);

/** What the kubelet would see besides the pod spec. */
export interface KubernetesOptions {
  /** Kubelet release, e.g. `'1.34.2'`. Default: current. */
  readonly kubernetesVersion?: string;
  /** ConfigMaps (`data`). Absent: every ConfigMap is unknown here, so values from one are unknown, not undefined. */
  readonly configMaps?: KubernetesConfigData;
  /** Secrets, values base64-decoded with `stringData` applied. Same rules as `configMaps`. */
  readonly secrets?: KubernetesConfigData;
  /** Service-link variables (`FOO_SERVICE_HOST`…), seen by `$(…)` after env/envFrom. Absent: names of that form are unknown, not undefined. */
  readonly serviceEnv?: Readonly<Record<string, string>>;
  /** The pod spec's `enableServiceLinks` (default true): false leaves only the `KUBERNETES_*` service variables. */
  readonly enableServiceLinks?: boolean;
  /** Values of `fieldRef`/`resourceFieldRef` sources by field path (`metadata.name`) or resource (`limits.cpu`); others are unknown. */
  readonly fieldValues?: Readonly<Record<string, string>>;
  /** The Pod's namespace (in messages). */
  readonly namespace?: string;
  /** Prefix for diagnostic paths, e.g. `spec.containers[0]`. */
  readonly path?: string;
}

/** Data not given here that a variable may take its value from. */
export interface KubernetesEnvSource {
  /** An envFrom/valueFrom ConfigMap or Secret, a pod field (`fieldRef`), a container resource (`resourceFieldRef`), or the service links of the namespace. */
  readonly kind: 'configMap' | 'secret' | 'fieldRef' | 'resourceFieldRef' | 'serviceLinks';
  /** The ConfigMap/Secret name, field path or resource; absent for service links. */
  readonly name?: string;
}

/** A `$(NAME)` reference in `command`/`args` whose value depends on data not given here (left as written in the argv). */
export interface KubernetesEnvDependency {
  readonly variable: string;
  /** Where the reference is, e.g. `spec.containers[0].args[1]`. */
  readonly path: string;
  /** What may define it. */
  readonly from: readonly KubernetesEnvSource[];
}

/** One variable of the container's final environment. */
export interface KubernetesEnvEntry {
  readonly name: string;
  /** `undefined` when the value comes from a source that was not provided. */
  readonly value: string | undefined;
}

/** What a Kubernetes container runs. */
export interface KubernetesResolution {
  readonly ok: true;
  /** The argv is known: the image config was given (or `command` is set), and every `$(NAME)` in command/args is known to be defined or not. */
  readonly complete: true;
  readonly argv: readonly string[];
  /** The effective command part (image ENTRYPOINT when `command` is unset). */
  readonly command: readonly string[];
  /** The effective args part (image CMD when both are unset). */
  readonly args: readonly string[];
  /** The container's environment as the kubelet builds it (envFrom, then env, in order; service links last). */
  readonly env: readonly KubernetesEnvEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * What a container runs when the argv depends on data not given: the image config (`command` unset
 * or `[]`, so the image ENTRYPOINT runs, followed by `args` when set, else by the image CMD), or the
 * value of a `$(NAME)` in command/args that a ConfigMap, Secret, pod field or service link not
 * given here may define.
 */
export interface KubernetesPartialResolution {
  readonly ok: true;
  readonly complete: false;
  /** The image config fields the argv depends on: `[]` when the image is not the reason, `['entrypoint']` when `args` is set, else `['entrypoint', 'cmd']`. */
  readonly dependsOn: readonly ('entrypoint' | 'cmd')[];
  /** The references whose value is not known here (`[]` when only the image is the reason). */
  readonly dependsOnEnv: readonly KubernetesEnvDependency[];
  /** The argv with those references left as written; absent when it depends on the image config. */
  readonly argv?: readonly string[];
  /** The pod-spec `args` after `$(VAR)` expansion, which follow the image ENTRYPOINT; `null` when unset. */
  readonly args: readonly string[] | null;
  readonly env: readonly KubernetesEnvEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link resolveKubernetes}. */
export type ResolveKubernetesResult = KubernetesResolution | KubernetesPartialResolution | Failure;

const NO_IMAGE: ImageConfig = Object.freeze({});

/** containerd's error when nothing is left to run. */
export const CRI_NO_COMMAND_MESSAGE = 'no command specified';

/** How command/args strings are expanded: the final environment, and where notes and dependencies go. */
interface ListContext {
  readonly environment: KubernetesEnvironment;
  readonly profile: KubernetesProfile;
  readonly base: string;
  readonly diagnostics: Diagnostic[];
  readonly issues: Issue[];
  readonly dependencies: KubernetesEnvDependency[];
}

/** Expands `command` or `args`: unknown references are dependencies, undefined ones diagnosed. */
function expandList(list: readonly string[], field: 'command' | 'args', ctx: ListContext, runsInShell: (index: number) => boolean): string[] {
  return list.map((s, i) => {
    const path = `${ctx.base}${field}[${i}]`;
    const report = expandKubernetesReport(s, ctx.environment.known, ctx.profile);
    const { dependencies, undefinedNames } = classifyReferences(report.undefinedNames, ctx.environment.lookup, path);
    ctx.dependencies.push(...dependencies);
    ctx.diagnostics.push(...dependencies.map(unknownValueDiagnostic));
    ctx.diagnostics.push(...expansionDiagnostics({ ...report, undefinedNames }, s, path, runsInShell(i), ctx.profile));
    if (report.corrupted && ctx.profile.rejectsInvalidUtf8) {
      ctx.issues.push({ code: 'k8s-invalid-utf8', path, message: 'grpc: error while marshaling: string field contains invalid UTF-8' });
    }
    return report.output;
  });
}

function checkStringList(value: unknown, name: string): void {
  if (value === undefined || value === null) return;
  expectType(value, 'array', name);
  (value as unknown[]).forEach((v, i) => {
    if (typeof v !== 'string') throw new TypeError(`${name}[${i}] must be a string, got ${v === null ? 'null' : typeof v}`);
  });
}

/**
 * Resolves what a Kubernetes container executes: the kubelet's env and `$(VAR)` expansion of
 * `command`/`args` (never of the image's ENTRYPOINT/CMD, never with image ENV), then containerd's
 * merge: an empty `command` is unset, an image ENTRYPOINT of exactly `[""]` is skipped, a
 * `command` drops the image CMD, nothing left → `no command specified`. With `image` null (config
 * not known), a container that sets `command` still resolves exactly; otherwise the result says
 * which image fields the argv depends on (`complete: false`).
 *
 * @param image - The image config, or null when it is not known.
 * @param container - The pod-spec container (`command`, `args`, `env`, `envFrom`).
 * @param options - ConfigMaps/Secrets/service links the kubelet would see, and the release.
 * @example
 * resolveKubernetes({ entrypoint: ['/ep'], cmd: ['a'] }, { args: ['$(X)'], env: [{ name: 'X', value: '1' }] }).argv
 * // ['/ep', '1']
 */
export function resolveKubernetes(imageConfig: ImageConfig | null, container: KubernetesContainer, options: KubernetesOptions = {}): ResolveKubernetesResult {
  if (imageConfig !== null) expectType(imageConfig, 'object', 'image');
  const image = imageConfig ?? NO_IMAGE;
  expectType(container, 'object', 'container');
  expectType(options, 'object', 'options');
  if (options.path !== undefined) expectType(options.path, 'string', 'options.path');
  checkStringList(container.command, 'container.command');
  checkStringList(container.args, 'container.args');
  if (container.env != null) expectType(container.env, 'array', 'container.env');
  if (container.envFrom != null) expectType(container.envFrom, 'array', 'container.envFrom');
  const profile = kubernetesProfile(options.kubernetesVersion);
  const base = options.path === undefined || options.path === '' ? '' : `${options.path}.`;
  const diagnostics: Diagnostic[] = [];
  const environment = buildEnvironment(container, options, profile, base, diagnostics);
  const issues = [...environment.issues];
  const dependencies: KubernetesEnvDependency[] = [];
  const ctx: ListContext = { environment, profile, base, diagnostics, issues, dependencies };

  const podCommand = container.command ?? [];
  const podArgs = container.args ?? [];
  if (container.command != null && podCommand.length === 0) {
    diagnostics.push({
      code: 'k8s-empty-command',
      severity: 'info',
      path: `${base}command`,
      message: `command: [] is the same as no command: the image ENTRYPOINT${image.entrypoint && image.entrypoint.length > 0 ? ` (${JSON.stringify(image.entrypoint)})` : ''} runs; Kubernetes cannot clear it — put the whole argv in command instead.`,
    });
  }
  // Which pod-spec strings a shell will read as a script (for the $VAR wording).
  const preview = [...(podCommand.length > 0 ? podCommand : (image.entrypoint ?? [])), ...podArgs];
  const scriptAt = shellScriptIndex(preview);
  const cmdOffset = podCommand.length > 0 ? 0 : (image.entrypoint ?? []).length;
  const command = podCommand.length > 0 ? expandList(podCommand, 'command', ctx, (i) => i === scriptAt) : null;
  const args = podArgs.length > 0 ? expandList(podArgs, 'args', ctx, (i) => i + cmdOffset === scriptAt) : null;

  const [firstIssue, ...moreIssues] = issues;
  if (firstIssue !== undefined) return { ok: false, issues: [firstIssue, ...moreIssues], diagnostics };
  const envList: KubernetesEnvEntry[] = [];
  for (const [name, value] of environment.env) envList.push({ name, value });
  if (imageConfig === null && (command ?? []).length === 0) {
    const dependsOn: ('entrypoint' | 'cmd')[] = args === null ? ['entrypoint', 'cmd'] : ['entrypoint'];
    diagnostics.push(unknownImageDiagnostic(dependsOn, `${base}image`, 'command'));
    return { ok: true, complete: false, dependsOn, dependsOnEnv: dependencies, args, env: envList, diagnostics };
  }

  // containerd WithProcessArgs.
  let effCommand: readonly string[] = command ?? [];
  let effArgs: readonly string[] = args ?? [];
  if (effCommand.length === 0) {
    if (effArgs.length === 0) effArgs = image.cmd ?? [];
    const ep = image.entrypoint ?? [];
    if (!(ep.length === 1 && ep[0] === '')) effCommand = ep;
  }
  if (effCommand.length === 0 && effArgs.length === 0) {
    return { ok: false, issues: [{ code: 'no-command', message: CRI_NO_COMMAND_MESSAGE }], diagnostics };
  }
  const argv = [...effCommand, ...effArgs];
  diagnostics.push(...analyzeArgv(argv, { entrypointLength: effCommand.length }));
  if (dependencies.length > 0) return { ok: true, complete: false, dependsOn: [], dependsOnEnv: dependencies, argv, args, env: envList, diagnostics };
  return { ok: true, complete: true, argv, command: effCommand, args: effArgs, env: envList, diagnostics };
}

/** The `command`/`args` to put in a pod spec; `null` = leave the field unset (the image default applies). */
export interface KubernetesCommand {
  readonly ok: true;
  readonly command: readonly string[] | null;
  readonly args: readonly string[] | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link toKubernetes}. */
export type ToKubernetesResult = KubernetesCommand | Failure;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * The Kubernetes `command`/`args` that run exactly what `docker run [--entrypoint X] IMAGE [ARGS…]`
 * runs on Docker Engine: `--entrypoint` → `command`, positional args → `args`, every `$` escaped
 * as `$$` so the kubelet's expansion changes nothing, and fields left unset where the image
 * default already gives the same argv. `--entrypoint ""` (which Kubernetes cannot express — an
 * empty command is unset) puts the whole argv into `command` (or `args` when the image has no
 * entrypoint). Fails when Docker fails (`no-command`) or when `--init` is asked for (`k8s-no-init`).
 *
 * @example
 * toKubernetes({ cmd: ['c'] }, { args: ['sh', '-c', 'echo $HOME'] })
 * // { ok: true, command: null, args: ['sh', '-c', 'echo $$HOME'], diagnostics: [] }
 */
export function toKubernetes(image: ImageConfig, run: DockerRunOverrides = {}): ToKubernetesResult {
  const docker = resolveDockerRun(image, run);
  if (!docker.ok) return docker;
  const diagnostics: Diagnostic[] = [];
  if (run.init === true) {
    return {
      ok: false,
      issues: [
        {
          code: 'k8s-no-init',
          message: 'Kubernetes cannot run the engine init process (docker run --init): there is no such container field; add tini or dumb-init to the image and put it in command.',
        },
      ],
      diagnostics,
    };
  }
  const args = run.args ?? [];
  const imageEp = image.entrypoint ?? [];
  const imageEpEmpty = imageEp.length === 0 || (imageEp.length === 1 && imageEp[0] === '');
  const imageCmd = image.cmd ?? [];
  let command: readonly string[] | undefined;
  let kargs: readonly string[] | undefined;
  if (run.entrypoint === undefined) {
    if (args.length > 0 && !sameList(args, imageCmd)) kargs = args;
  } else if (run.entrypoint !== '') {
    const ep = [run.entrypoint];
    if (!(sameList(imageEp, ep) && (args.length > 0 || imageCmd.length === 0))) command = ep;
    if (args.length > 0 && !(command === undefined && sameList(args, imageCmd))) kargs = args;
  } else {
    // docker: entrypoint cleared and image CMD dropped → argv = args (non-empty, else Docker failed).
    // With no image ENTRYPOINT there is nothing to clear: the args alone already run.
    if (imageEpEmpty) {
      if (!sameList(args, imageCmd)) kargs = args;
    } else {
      command = args;
      diagnostics.push({
        code: 'k8s-empty-command',
        severity: 'info',
        message: 'Kubernetes cannot clear the image ENTRYPOINT (an empty command is unset), so the whole argv goes into command.',
      });
    }
  }
  return {
    ok: true,
    command: command === undefined ? null : command.map(escapeKubernetes),
    args: kargs === undefined ? null : kargs.map(escapeKubernetes),
    diagnostics,
  };
}
