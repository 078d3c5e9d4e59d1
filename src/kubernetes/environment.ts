import { resourceFieldValue } from './resource-field.js';
import { expandKubernetesReport, expansionDiagnostics, type KubernetesProfile } from './expansion.js';
import type {
  KubernetesConfigData,
  KubernetesContainer,
  KubernetesEnvDependency,
  KubernetesEnvFromSource,
  KubernetesEnvSource,
  KubernetesEnvVar,
  KubernetesEnvVarSource,
  KubernetesOptions,
} from './container.js';
import type { Diagnostic, Issue } from '../core/types.js';

/**
 * The container environment as the kubelet's `makeEnvironmentVariables` builds it
 * (kubernetes/kubernetes pkg/kubelet/kubelet_pods.go), with every value that depends on data not
 * given here kept as unknown, never as undefined. See docs/semantics.md §3, "Kubernetes container
 * resolution" and "ConfigMaps and Secrets".
 */

/** A variable's value, or the sources it may come from when it is not known here. */
type Value = { readonly value: string } | { readonly from: readonly KubernetesEnvSource[] };

/** An envFrom source whose data is not known: it may define any name that starts with its prefix. */
interface OpenSource {
  readonly prefix: string;
  readonly source: KubernetesEnvSource;
}

/** What a `$(NAME)` reference found: a value, unknown sources, or nothing (undefined). */
type Lookup = { readonly value: string } | { readonly from: readonly KubernetesEnvSource[] } | null;

/** The environment: each variable's value (`undefined`: not known here) and the open sources. */
export interface KubernetesEnvironment {
  readonly env: ReadonlyMap<string, string | undefined>;
  readonly issues: readonly Issue[];
  /** What `$(NAME)` in `command`/`args` finds (the final env, then service links). */
  readonly lookup: (name: string) => Lookup;
  /** The known values (for expansion). */
  readonly known: ReadonlyMap<string, string>;
}

/** The envFrom name rule of a kubelet release: see {@link envFromNameRule}. */
type NameRule = 'c-identifier' | 'env-var-name' | 'none';

/**
 * Which envFrom keys a kubelet skips (with an `InvalidEnvironmentVariableNames` event): 1.6–1.7 keys
 * that are not C identifiers (kubernetes#42642), 1.8–1.29 keys failing `IsEnvVarName`
 * (`[-._a-zA-Z][-._a-zA-Z0-9]*`, not `.`/`..`/`..…`; kubernetes#48986), none from 1.30 (the check
 * was removed with KEP-4369, kubernetes#123385).
 */
export function envFromNameRule(profile: KubernetesProfile): NameRule {
  const v = profile.version;
  if (v === null || v[0] > 1 || (v[0] === 1 && v[1] >= 30)) return 'none';
  return v[0] === 1 && v[1] >= 8 ? 'env-var-name' : 'c-identifier';
}

const C_IDENTIFIER = /^[A-Z_a-z]\w*$/;
const ENV_VAR_NAME = /^[-.A-Z_a-z][-.\w]*$/;

/** Whether a kubelet with this rule keeps an envFrom key (after the prefix). */
function keptByRule(name: string, rule: NameRule): boolean {
  if (rule === 'none') return true;
  if (rule === 'c-identifier') return C_IDENTIFIER.test(name);
  return ENV_VAR_NAME.test(name) && name !== '.' && !name.startsWith('..');
}

/** `FOO_SERVICE_HOST`, `FOO_SERVICE_PORT[_NAME]`, `FOO_PORT`, `FOO_PORT_80_TCP[_PROTO|_PORT|_ADDR]` (pkg/kubelet/envvars/envvars.go `FromServices`). */
export function isServiceLinkName(name: string): boolean {
  if (!/^[\dA-Z_]+$/.test(name)) return false;
  const t = name.split('_');
  for (let i = 1; i < t.length; i++) {
    if (t[i] === 'SERVICE' && (t[i + 1] === 'HOST' || t[i + 1] === 'PORT')) return i + 2 === t.length || (t[i + 1] === 'PORT' && i + 2 < t.length);
    if (t[i] !== 'PORT') continue;
    if (i + 1 === t.length) return true;
    if (/^\d+$/.test(t[i + 1] ?? '') && ['TCP', 'UDP', 'SCTP'].includes(t[i + 2] ?? '')) {
      return i + 3 === t.length || (i + 4 === t.length && ['PROTO', 'PORT', 'ADDR'].includes(t[i + 3] ?? ''));
    }
  }
  return false;
}

/** A record or lookup function's answer for one name: data, `null` (does not exist), `undefined` (not known). */
function answer(store: KubernetesConfigData | undefined, name: string): Readonly<Record<string, string>> | null | undefined {
  if (store === undefined) return undefined;
  if (typeof store === 'function') return store(name);
  return Object.hasOwn(store, name) ? (store[name] ?? null) : null;
}

function own(record: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Builds the environment of one container. */
export function buildEnvironment(
  container: KubernetesContainer,
  options: KubernetesOptions,
  profile: KubernetesProfile,
  base: string,
  diagnostics: Diagnostic[],
): KubernetesEnvironment {
  const b = new EnvBuilder(container, options, profile, base, diagnostics);
  (container.envFrom ?? []).forEach((source, i) => b.addEnvFrom(source, i));
  (container.env ?? []).forEach((entry, i) => b.addEntry(entry, i));
  return b.finish();
}

/** The env under construction, one method per step of makeEnvironmentVariables. */
class EnvBuilder {
  private readonly vars = new Map<string, Value>();
  private readonly open: OpenSource[] = [];
  private readonly issues: Issue[] = [];

  constructor(
    private readonly container: KubernetesContainer,
    private readonly options: KubernetesOptions,
    private readonly profile: KubernetesProfile,
    private readonly base: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  /** One `envFrom` source: every key, prefixed (skipped by kubelets before 1.30 when not a valid name); unknown data opens the prefix. */
  addEnvFrom(from: KubernetesEnvFromSource, i: number): void {
    const path = `${this.base}envFrom[${i}]`;
    const ref = from.configMapRef ?? from.secretRef;
    if (ref === undefined) return;
    const kind = from.configMapRef !== undefined ? 'configMap' : 'secret';
    const data = answer(kind === 'configMap' ? this.options.configMaps : this.options.secrets, ref.name);
    const prefix = from.prefix ?? '';
    if (data === undefined) {
      const source: KubernetesEnvSource = { kind, name: ref.name };
      this.open.push({ prefix, source });
      // A later source overrides earlier values of every name it may define.
      for (const [name, v] of this.vars) if (name.startsWith(prefix)) this.vars.set(name, { from: [...('from' in v ? v.from : []), source] });
      return;
    }
    if (data === null) {
      if (ref.optional !== true)
        this.issues.push({ code: 'k8s-env-source-missing', path, message: `${kind === 'configMap' ? 'configmap' : 'secret'} ${JSON.stringify(ref.name)} not found` });
      return;
    }
    this.addKeys(data, prefix, kind, ref.name, path);
  }

  /** The keys of a known envFrom source; names an older kubelet skips are diagnosed. */
  private addKeys(data: Readonly<Record<string, string>>, prefix: string, kind: 'configMap' | 'secret', name: string, path: string): void {
    const rule = envFromNameRule(this.profile);
    const skipped: string[] = [];
    const oldSkip: string[] = [];
    for (const key of Object.keys(data)) {
      const envName = prefix + key;
      if (!keptByRule(envName, rule)) {
        skipped.push(envName);
        continue;
      }
      if (this.profile.version === null && !keptByRule(envName, 'env-var-name')) oldSkip.push(envName);
      this.vars.set(envName, { value: data[key] as string });
    }
    const where = this.options.namespace === undefined ? name : `${this.options.namespace}/${name}`;
    const what = kind === 'configMap' ? 'configMap' : 'secret';
    if (skipped.length > 0) {
      this.diagnostics.push({
        code: 'k8s-env-invalid-name',
        severity: 'warning',
        path,
        message: `Keys [${skipped.sort().join(', ')}] from the EnvFrom ${what} ${where} were skipped since they are considered invalid environment variable names.`,
      });
    }
    if (oldSkip.length > 0) {
      this.diagnostics.push({
        code: 'k8s-env-invalid-name',
        severity: 'info',
        path,
        message: `Keys [${oldSkip.sort().join(', ')}] from the EnvFrom ${what} ${where} become variables on Kubernetes 1.30+; kubelets before 1.30 skip them (event InvalidEnvironmentVariableNames).`,
      });
    }
  }

  /** One `env` entry: a literal value (expanded against envFrom, the earlier entries and service links), or a valueFrom source. */
  addEntry(entry: KubernetesEnvVar, i: number): void {
    const path = `${this.base}env[${i}]`;
    const literal = entry.value ?? '';
    let value: Value;
    if (literal !== '') value = this.expandLiteral(entry, i, path);
    else if (entry.valueFrom !== undefined) {
      const from = this.valueFrom(entry.valueFrom, `${path}.valueFrom`);
      if (from === 'skip') return;
      value = from;
    } else value = { value: '' };
    this.vars.set(entry.name, value);
  }

  /** The final environment and its lookups. */
  finish(): KubernetesEnvironment {
    const env = new Map<string, string | undefined>();
    for (const [k, v] of this.vars) env.set(k, 'value' in v ? v.value : undefined);
    const service = this.options.serviceEnv ?? {};
    for (const [k, v] of Object.entries(service)) if (!env.has(k)) env.set(k, v);
    const known = new Map<string, string>();
    for (const [k, v] of env) if (v !== undefined) known.set(k, v);
    return { env, issues: this.issues, lookup: (name) => this.find(name), known };
  }

  /**
   * What `$(NAME)` finds: a defined variable, else service links (a given `serviceEnv`, or unknown
   * for names of their form), else an envFrom source whose data is not known; else nothing.
   */
  private find(name: string): Lookup {
    const v = this.vars.get(name);
    if (v !== undefined) return v;
    const service = this.options.serviceEnv;
    if (service !== undefined && Object.hasOwn(service, name)) return { value: service[name] as string };
    const from: KubernetesEnvSource[] = this.open.filter((o) => name.startsWith(o.prefix) && name.length > o.prefix.length).map((o) => o.source);
    if (service === undefined && isServiceLinkName(name) && (this.options.enableServiceLinks !== false || name.startsWith('KUBERNETES_'))) from.push({ kind: 'serviceLinks' });
    return from.length > 0 ? { from } : null;
  }

  /** A literal value with `$(NAME)` expanded; a reference to a value not known here makes the value unknown. */
  private expandLiteral(entry: KubernetesEnvVar, i: number, path: string): Value {
    const text = entry.value as string;
    const known = new Map<string, string>();
    for (const [k, v] of this.vars) if ('value' in v) known.set(k, v.value);
    for (const [k, v] of Object.entries(this.options.serviceEnv ?? {})) if (!this.vars.has(k)) known.set(k, v);
    const report = expandKubernetesReport(text, known, this.profile);
    const from: KubernetesEnvSource[] = [];
    const undefinedNames: string[] = [];
    for (const name of report.undefinedNames) {
      const found = this.find(name);
      if (found !== null && 'from' in found) from.push(...found.from);
      else undefinedNames.push(name);
    }
    this.noteUndefined(entry, i, undefinedNames, report, text, path);
    if (report.corrupted && this.profile.rejectsInvalidUtf8) {
      this.issues.push({ code: 'k8s-invalid-utf8', path: `${path}.value`, message: 'grpc: error while marshaling: string field contains invalid UTF-8' });
    }
    return from.length > 0 ? { from } : { value: report.output };
  }

  /** `k8s-undefined-reference` for names no source defines; a name declared by a later env entry is named as such. */
  private noteUndefined(entry: KubernetesEnvVar, i: number, names: readonly string[], report: ReturnType<typeof expandKubernetesReport>, text: string, path: string): void {
    const later = new Set((this.container.env ?? []).slice(i + 1).map((e) => e.name));
    const notes = expansionDiagnostics({ ...report, undefinedNames: names.filter((n) => !later.has(n)) }, text, `${path}.value`, false, this.profile);
    this.diagnostics.push(...notes.filter((d) => d.code !== 'k8s-shell-variable'));
    for (const name of names.filter((n) => later.has(n))) {
      this.diagnostics.push({
        code: 'k8s-undefined-reference',
        severity: 'warning',
        path: `${path}.value`,
        message: `${JSON.stringify(name)} is declared after ${JSON.stringify(entry.name)} in env; an env value sees only envFrom and the entries before it, so $(${name}) is left as written. Move ${JSON.stringify(name)} above it.`,
      });
    }
  }

  /**
   * A valueFrom source's value (unknown when its data was not given), or `'skip'` when the
   * referenced ConfigMap/Secret or key does not exist: an optional one leaves the variable as it
   * was, a required one is an issue (CreateContainerConfigError).
   */
  private valueFrom(from: KubernetesEnvVarSource, path: string): Value | 'skip' {
    const keyRef = from.configMapKeyRef ?? from.secretKeyRef;
    if (keyRef === undefined) {
      if (from.fieldRef !== undefined) return this.field('fieldRef', from.fieldRef.fieldPath);
      const ref = from.resourceFieldRef;
      if (ref !== undefined) {
        // The container's own resources; another container's (containerName) are not read here.
        const own = ref.containerName === undefined || ref.containerName === this.container.name;
        return this.field('resourceFieldRef', ref.resource, own ? resourceFieldValue(ref.resource, ref.divisor, this.container.resources) : undefined);
      }
      return { value: '' };
    }
    const kind = from.configMapKeyRef !== undefined ? 'configMap' : 'secret';
    const data = answer(kind === 'configMap' ? this.options.configMaps : this.options.secrets, keyRef.name);
    if (data === undefined) return { from: [{ kind, name: keyRef.name }] };
    const value = data === null ? undefined : own(data, keyRef.key);
    if (value !== undefined) return { value };
    if (keyRef.optional !== true) {
      this.issues.push({
        code: 'k8s-env-source-missing',
        path,
        message:
          data === null
            ? `${kind === 'configMap' ? 'configmap' : 'secret'} ${JSON.stringify(keyRef.name)} not found`
            : `couldn't find key ${keyRef.key} in ${kind === 'configMap' ? 'ConfigMap' : 'Secret'} ${keyRef.name}`,
      });
    }
    return 'skip';
  }

  /** A fieldRef/resourceFieldRef value: given in `fieldValues`, else `computed` from the pod spec, else unknown (it is known once the Pod runs). */
  private field(kind: 'fieldRef' | 'resourceFieldRef', name: string, computed?: string): Value {
    const values = this.options.fieldValues;
    const value = values !== undefined && Object.hasOwn(values, name) ? values[name] : computed;
    return value !== undefined ? { value } : { from: [{ kind, name }] };
  }
}

/** Which references of a command/args string are unknown (dependencies) and which undefined. */
export function classifyReferences(
  names: readonly string[],
  lookup: KubernetesEnvironment['lookup'],
  path: string,
): { dependencies: KubernetesEnvDependency[]; undefinedNames: string[] } {
  const dependencies: KubernetesEnvDependency[] = [];
  const undefinedNames: string[] = [];
  for (const variable of names) {
    const found = lookup(variable);
    if (found !== null && 'from' in found) dependencies.push({ variable, path, from: found.from });
    else if (found === null) undefinedNames.push(variable);
  }
  return { dependencies, undefinedNames };
}

/** A source in words, for messages. */
export function describeSource(s: KubernetesEnvSource): string {
  switch (s.kind) {
    case 'configMap':
      return `ConfigMap ${JSON.stringify(s.name)}`;
    case 'secret':
      return `Secret ${JSON.stringify(s.name)}`;
    case 'fieldRef':
      return `fieldRef ${s.name ?? ''}`;
    case 'resourceFieldRef':
      return `resourceFieldRef ${s.name ?? ''}`;
    default:
      return 'service links';
  }
}

/** `k8s-env-value-unknown` for one reference in command/args. */
export function unknownValueDiagnostic(dep: KubernetesEnvDependency): Diagnostic {
  const kinds = new Set(dep.from.map((s) => s.kind));
  const hints: string[] = [];
  if (kinds.has('configMap') || kinds.has('secret'))
    hints.push('add the ConfigMap/Secret to the input or give it (options.configMaps/secrets; k8s --manifest with --config-map/--secret)');
  if (kinds.has('fieldRef') || kinds.has('resourceFieldRef')) hints.push('pod fields and resources are known once the Pod runs (options.fieldValues)');
  if (kinds.has('serviceLinks')) hints.push('service links come from the Services of the namespace when the Pod starts (options.serviceEnv; enableServiceLinks: false drops them)');
  return {
    code: 'k8s-env-value-unknown',
    severity: 'warning',
    path: dep.path,
    message: `The value of $(${dep.variable}) is not known here: it may come from ${[...new Set(dep.from.map(describeSource))].join(', ')}; ${hints.join('; ')}.`,
  };
}
