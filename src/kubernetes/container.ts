import { analyzeArgv, shellScriptIndex } from '../core/argv-analysis.js';
import { resolveDockerRun, type DockerRunOverrides } from '../run/docker-run.js';
import { unknownImageDiagnostic } from '../run/image-needs.js';
import { expectType } from '../internal/text.js';
import { escapeKubernetes, expandKubernetesReport, expansionDiagnostics, kubernetesProfile, type KubernetesProfile } from './expansion.js';
import type { Diagnostic, Failure, ImageConfig, Issue } from '../core/types.js';

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
  readonly resourceFieldRef?: { readonly resource: string; readonly containerName?: string };
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
}

/** What the kubelet would see besides the pod spec. Maps are name → key → (decoded) value. */
export interface KubernetesOptions {
  /** Kubelet release, e.g. `'1.34.2'`. Default: current. */
  readonly kubernetesVersion?: string;
  /** ConfigMaps by name (`data`). Absent: values unknown (diagnosed); present: a missing name is missing. */
  readonly configMaps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Secrets by name, values already base64-decoded (`stringData` view). Same rules as `configMaps`. */
  readonly secrets?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Service-link variables (`FOO_SERVICE_HOST`…), visible to `$(…)` after env/envFrom. */
  readonly serviceEnv?: Readonly<Record<string, string>>;
  /** Values of `fieldRef`/`resourceFieldRef` sources by field path (`metadata.name`) or resource (`limits.cpu`). */
  readonly fieldValues?: Readonly<Record<string, string>>;
  /** Prefix for diagnostic paths, e.g. `spec.containers[0]`. */
  readonly path?: string;
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
  /** The argv is known: the image config was given, or `command` is set (the image's ENTRYPOINT and CMD are then not used). */
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
 * What a container runs when its image config is not known and the argv depends on it: `command`
 * is unset (or `[]`), so the image ENTRYPOINT runs, followed by `args` when set, else by the image CMD.
 */
export interface KubernetesPartialResolution {
  readonly ok: true;
  readonly complete: false;
  /** The image config fields the argv depends on: `['entrypoint']` when `args` is set, else `['entrypoint', 'cmd']`. */
  readonly dependsOn: readonly ('entrypoint' | 'cmd')[];
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

const STRICT_ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function isValidEnvName(name: string, profile: KubernetesProfile): boolean {
  if (name === '') return false;
  if (!profile.relaxedEnvNames) return STRICT_ENV_NAME.test(name);
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 32 || c > 126 || c === 61) return false;
  }
  return true;
}

function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

interface EnvBuild {
  readonly env: Map<string, string | undefined>;
  readonly issues: Issue[];
}

/**
 * Builds the container env as the kubelet's makeEnvironmentVariables does: envFrom sources in
 * order (prefix added, invalid names skipped), then each env entry in order, a literal value
 * expanded against the variables so far plus service links, valueFrom values taken verbatim.
 */
function buildEnv(container: KubernetesContainer, options: KubernetesOptions, profile: KubernetesProfile, base: string, diagnostics: Diagnostic[]): EnvBuild {
  const builder = new EnvBuilder(container, options, profile, base, diagnostics);
  (container.envFrom ?? []).forEach((source, i) => builder.addEnvFrom(source, i));
  builder.startEntries();
  (container.env ?? []).forEach((entry, i) => builder.addEntry(entry, i));
  return builder.finish();
}

/** The env under construction, one method per step of makeEnvironmentVariables. */
class EnvBuilder {
  /** Every variable so far, `undefined` for values not known here. */
  private readonly env = new Map<string, string | undefined>();
  /** The known values so far (what `$(NAME)` can see before service links). */
  private readonly known = new Map<string, string>();
  private readonly issues: Issue[] = [];
  private readonly serviceEnv: Readonly<Record<string, string>>;

  constructor(
    private readonly container: KubernetesContainer,
    private readonly options: KubernetesOptions,
    private readonly profile: KubernetesProfile,
    private readonly base: string,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.serviceEnv = options.serviceEnv ?? {};
  }

  /** One `envFrom` source: every key of the ConfigMap/Secret, prefixed; invalid names skipped and listed. */
  addEnvFrom(source: KubernetesEnvFromSource, i: number): void {
    const path = `${this.base}envFrom[${i}]`;
    const ref = source.configMapRef ?? source.secretRef;
    if (ref === undefined) return;
    const kind = source.configMapRef !== undefined ? 'configmap' : 'secret';
    const store = kind === 'configmap' ? this.options.configMaps : this.options.secrets;
    if (store === undefined) {
      this.diagnostics.push({
        code: 'k8s-env-value-unknown',
        severity: 'info',
        path,
        message: `The variables of ${kind} ${JSON.stringify(ref.name)} are not known here (pass options.${kind === 'configmap' ? 'configMaps' : 'secrets'}); $(…) references to them are shown unexpanded.`,
      });
      return;
    }
    const data = own(store, ref.name);
    if (data === undefined) {
      if (ref.optional !== true) this.issues.push({ code: 'k8s-env-source-missing', path, message: `${kind} ${JSON.stringify(ref.name)} not found` });
      return;
    }
    const invalid: string[] = [];
    for (const key of Object.keys(data)) {
      const name = (source.prefix ?? '') + key;
      if (isValidEnvName(name, this.profile)) this.env.set(name, data[key]);
      else invalid.push(name);
    }
    if (invalid.length > 0) {
      this.diagnostics.push({
        code: 'k8s-env-invalid-name',
        severity: 'warning',
        path,
        message: `Keys [${invalid.sort().join(', ')}] from ${kind} ${JSON.stringify(ref.name)} are skipped: they are not valid environment variable names.`,
      });
    }
  }

  /** After envFrom: the known values so far are what the first env entry sees. */
  startEntries(): void {
    for (const [k, v] of this.env) if (v !== undefined) this.known.set(k, v);
  }

  /** One `env` entry: a literal value (expanded), or a valueFrom source; an unresolvable required source is an issue. */
  addEntry(entry: KubernetesEnvVar, i: number): void {
    const path = `${this.base}env[${i}]`;
    let value: string | undefined = entry.value ?? '';
    if (value !== '') value = this.expandLiteral(entry, i, path);
    else if (entry.valueFrom !== undefined) {
      const from = this.valueFrom(entry.valueFrom, `${path}.valueFrom`);
      if (from === 'skip') return;
      value = from.value;
      if (value === undefined) {
        this.diagnostics.push({
          code: 'k8s-env-value-unknown',
          severity: 'info',
          path: `${path}.valueFrom`,
          message: `The value of ${JSON.stringify(entry.name)} comes from valueFrom and is not known here; $(${entry.name}) is shown unexpanded.`,
        });
      }
    }
    this.env.set(entry.name, value);
    if (value === undefined) this.known.delete(entry.name);
    else this.known.set(entry.name, value);
  }

  /** Service links come last, without replacing a variable the container defines. */
  finish(): EnvBuild {
    for (const [k, v] of Object.entries(this.serviceEnv)) if (!this.env.has(k)) this.env.set(k, v);
    return { env: this.env, issues: this.issues };
  }

  /** A literal value with `$(NAME)` expanded against the variables so far plus service links. */
  private expandLiteral(entry: KubernetesEnvVar, i: number, path: string): string {
    const text = entry.value as string;
    const report = expandKubernetesReport(text, this.lookupEnv(), this.profile);
    // $VAR in an env value is ordinary text; a $(NAME) left as written is worth a note. A name
    // declared by a later env entry is defined, just not visible yet: say so instead.
    const later = new Set((this.container.env ?? []).slice(i + 1).map((e) => e.name));
    const unknown = report.undefinedNames.filter((n) => !this.env.has(n));
    const notes = expansionDiagnostics({ ...report, undefinedNames: unknown.filter((n) => !later.has(n)) }, text, `${path}.value`, false, this.profile);
    this.diagnostics.push(...notes.filter((d) => d.code !== 'k8s-shell-variable'));
    for (const name of unknown.filter((n) => later.has(n))) {
      this.diagnostics.push({
        code: 'k8s-undefined-reference',
        severity: 'warning',
        path: `${path}.value`,
        message: `${JSON.stringify(name)} is declared after ${JSON.stringify(entry.name)} in env; an env value sees only envFrom and the entries before it, so $(${name}) is left as written. Move ${JSON.stringify(name)} above it.`,
      });
    }
    if (report.corrupted && this.profile.rejectsInvalidUtf8) {
      this.issues.push({ code: 'k8s-invalid-utf8', path: `${path}.value`, message: 'grpc: error while marshaling: string field contains invalid UTF-8' });
    }
    return report.output;
  }

  /** What `$(NAME)` in a literal value sees: the known values so far, then service links. */
  private lookupEnv(): Map<string, string> {
    const m = new Map(this.known);
    for (const [k, v] of Object.entries(this.serviceEnv)) if (!this.env.has(k)) m.set(k, v);
    return m;
  }

  /**
   * A valueFrom source's value (`undefined`: not known here), or `'skip'` when the referenced
   * ConfigMap/Secret key is missing: an optional one leaves the variable out, a required one is an issue.
   */
  private valueFrom(from: KubernetesEnvVarSource, path: string): { value: string | undefined } | 'skip' {
    const keyRef = from.configMapKeyRef ?? from.secretKeyRef;
    if (keyRef === undefined) {
      if (from.fieldRef !== undefined) return { value: own(this.options.fieldValues, from.fieldRef.fieldPath) };
      if (from.resourceFieldRef !== undefined) return { value: own(this.options.fieldValues, from.resourceFieldRef.resource) };
      return { value: undefined };
    }
    const kind = from.configMapKeyRef !== undefined ? 'configmap' : 'secret';
    const store = kind === 'configmap' ? this.options.configMaps : this.options.secrets;
    if (store === undefined) return { value: undefined };
    const data = own(store, keyRef.name);
    const value = data === undefined ? undefined : own(data, keyRef.key);
    if (value !== undefined) return { value };
    if (keyRef.optional !== true) {
      this.issues.push({
        code: 'k8s-env-source-missing',
        path,
        message:
          data === undefined
            ? `${kind} ${JSON.stringify(keyRef.name)} not found`
            : `couldn't find key ${keyRef.key} in ${kind === 'configmap' ? 'ConfigMap' : 'Secret'} ${keyRef.name}`,
      });
    }
    return 'skip';
  }
}

function expandList(
  list: readonly string[],
  field: 'command' | 'args',
  env: Map<string, string>,
  declared: ReadonlyMap<string, unknown>,
  profile: KubernetesProfile,
  base: string,
  runsInShell: (index: number) => boolean,
  diagnostics: Diagnostic[],
  issues: Issue[],
): string[] {
  return list.map((s, i) => {
    const report = expandKubernetesReport(s, env, profile);
    diagnostics.push(
      ...expansionDiagnostics({ ...report, undefinedNames: report.undefinedNames.filter((n) => !declared.has(n)) }, s, `${base}${field}[${i}]`, runsInShell(i), profile),
    );
    if (report.corrupted && profile.rejectsInvalidUtf8) {
      issues.push({ code: 'k8s-invalid-utf8', path: `${base}${field}[${i}]`, message: 'grpc: error while marshaling: string field contains invalid UTF-8' });
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
export function resolveKubernetes(image: ImageConfig, container: KubernetesContainer, options?: KubernetesOptions): KubernetesResolution | Failure;
export function resolveKubernetes(image: ImageConfig | null, container: KubernetesContainer, options?: KubernetesOptions): ResolveKubernetesResult;
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
  const { env, issues } = buildEnv(container, options, profile, base, diagnostics);
  const known = new Map<string, string>();
  for (const [k, v] of env) if (v !== undefined) known.set(k, v);

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
  const command = podCommand.length > 0 ? expandList(podCommand, 'command', known, env, profile, base, (i) => i === scriptAt, diagnostics, issues) : null;
  const args = podArgs.length > 0 ? expandList(podArgs, 'args', known, env, profile, base, (i) => i + cmdOffset === scriptAt, diagnostics, issues) : null;

  const [firstIssue, ...moreIssues] = issues;
  if (firstIssue !== undefined) return { ok: false, issues: [firstIssue, ...moreIssues], diagnostics };
  const envList: KubernetesEnvEntry[] = [];
  for (const [name, value] of env) envList.push({ name, value });
  if (imageConfig === null && (command ?? []).length === 0) {
    const dependsOn: ('entrypoint' | 'cmd')[] = args === null ? ['entrypoint', 'cmd'] : ['entrypoint'];
    diagnostics.push(unknownImageDiagnostic(dependsOn, `${base}image`, 'command'));
    return { ok: true, complete: false, dependsOn, args, env: envList, diagnostics };
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
