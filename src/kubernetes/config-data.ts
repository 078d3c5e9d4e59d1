import { decodeGoBase64, goBase64Error, goString } from '../internal/go-base64.js';
import { formatPath, type YamlPosition } from '../internal/yaml.js';
import { safeParseConfigObject } from './schema.js';
import type { Diagnostic, Issue } from '../core/types.js';

/**
 * ConfigMaps and Secrets as the kubelet reads them for `envFrom`/`valueFrom`: a ConfigMap's `data`
 * (never `binaryData`), a Secret's `data` base64-decoded with `stringData` written over it, each
 * found by kind, name and namespace. See docs/semantics.md §3, "ConfigMaps and Secrets".
 */

/** The two kinds of object an env can read. */
export type KubernetesConfigKind = 'ConfigMap' | 'Secret';

/** A ConfigMap or Secret as the kubelet sees it. */
export interface KubernetesConfigObject {
  readonly kind: KubernetesConfigKind;
  readonly name: string;
  /** `metadata.namespace`; absent: the namespace the manifests are applied to. */
  readonly namespace?: string;
  /** Keys to values (a Secret's already decoded; bytes that are not UTF-8 shown as U+FFFD). */
  readonly data: Readonly<Record<string, string>>;
}

/** Where a document comes from, for issue locations. */
export interface ConfigObjectPlace {
  readonly document: number;
  /** Path of the object inside its document (`''` or `items[2]`). */
  readonly path: string;
  readonly parts: readonly PropertyKey[];
  readonly locate: (parts: readonly PropertyKey[]) => YamlPosition;
  readonly source?: string;
}

/** Result of {@link readConfigObject}: the object and notes about it, or why the API server refuses it. */
export type ReadConfigObjectResult =
  { readonly ok: true; readonly object: KubernetesConfigObject; readonly diagnostics: readonly Diagnostic[] } | { readonly ok: false; readonly issues: readonly Issue[] };

const CONFIG_KEY = /^[-.\w]+$/;

/**
 * The API server's `IsConfigMapKey` (apimachinery pkg/util/validation/validation.go): at most 253
 * bytes of letters, digits, `-`, `_`, `.`; not `.`, `..` or starting with `..`. Its first message, or null.
 */
export function configKeyError(key: string): string | null {
  if (key.length > 253) return 'must be no more than 253 characters';
  if (!CONFIG_KEY.test(key)) {
    return "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
  }
  if (key === '.') return "must not be '.'";
  if (key === '..') return "must not be '..'";
  if (key.startsWith('..')) return "must not start with '..'";
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own string entries of a map field (the schema checked their types). */
function entries(v: unknown): [string, string][] {
  return isRecord(v) ? (Object.entries(v).filter(([, x]) => typeof x === 'string') as [string, string][]) : [];
}

/**
 * Reads one ConfigMap or Secret document as the API server stores it: keys checked with
 * `IsConfigMapKey`, Secret `data` decoded with Go's base64 (an error names Go's byte offset and the
 * key's line), `stringData` written over `data` (pkg/apis/core/v1/conversion.go
 * `Convert_v1_Secret_To_core_Secret`).
 */
export function readConfigObject(kind: KubernetesConfigKind, value: Record<string, unknown>, place: ConfigObjectPlace): ReadConfigObjectResult {
  const src = place.source === undefined ? {} : { source: place.source };
  const at = (p: readonly PropertyKey[]): string => formatPath(place.path, p);
  const issue = (parts: readonly PropertyKey[], message: string): Issue => ({
    code: 'k8s-manifest-invalid',
    path: at(parts),
    message,
    ...place.locate([...place.parts, ...parts]),
    ...src,
  });
  const parsed = safeParseConfigObject(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.issues
        .slice(0, 20)
        .map((zi) => issue(zi.path, `document ${place.document} ${at(zi.path)}: ${zi.code === 'invalid_type' ? `expected ${zi.expected}` : zi.message}`)),
    };
  }
  const metadata = value['metadata'] as Record<string, unknown>;
  const name = metadata['name'] as string;
  const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : undefined;
  const issues: Issue[] = [];
  const diagnostics: Diagnostic[] = [];
  const data: Record<string, string> = {};
  const fields = kind === 'Secret' ? (['data', 'stringData'] as const) : (['data'] as const);
  for (const field of fields) {
    for (const [key, raw] of entries(value[field])) {
      const bad = configKeyError(key);
      if (bad !== null) {
        issues.push(issue([field, key], `${kind} ${JSON.stringify(name)} is invalid: ${field}[${key}]: Invalid value: ${JSON.stringify(key)}: ${bad}`));
        continue;
      }
      if (kind === 'Secret' && field === 'data') {
        const decoded = decodeGoBase64(raw);
        if (!decoded.ok) {
          issues.push({ ...issue([field, key], `Secret in version "v1" cannot be handled as a Secret: ${goBase64Error(decoded.offset)}`), code: 'k8s-secret-data-invalid' });
          continue;
        }
        const text = goString(decoded.bytes);
        if (!text.valid) diagnostics.push(notUtf8(name, key, at([field, key]), place.locate([...place.parts, field, key]), src));
        define(data, key, text.text);
      } else define(data, key, raw);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, object: { kind, name, ...(namespace !== undefined && { namespace }), data }, diagnostics };
}

/** Sets an own property, even for `__proto__`. */
function define(record: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A Secret value that is not UTF-8: CRI sends env values as protobuf strings. */
function notUtf8(name: string, key: string, path: string, at: YamlPosition, src: { readonly source?: string }): Diagnostic {
  return {
    code: 'k8s-secret-not-utf8',
    severity: 'warning',
    path,
    ...at,
    ...src,
    message: `Secret ${JSON.stringify(name)} key ${JSON.stringify(key)} is not UTF-8 text; as an environment variable it fails container creation on Kubernetes 1.34+ ("string field contains invalid UTF-8") and reaches older nodes as raw bytes.`,
  };
}

/** What is known about one referenced ConfigMap/Secret: its data, `null` (it does not exist), or `undefined` (not known here). */
export type ConfigDataAnswer = Readonly<Record<string, string>> | null | undefined;

/**
 * Finds a ConfigMap/Secret for a workload in `namespace` (`undefined`: the namespace the manifests
 * are applied to, when not known): the data of the last such object in input order (as `kubectl
 * apply` leaves it) in the same namespace, an object without `metadata.namespace` being in
 * `applyNamespace`. Otherwise `undefined`, unknown: an object whose namespace may or may not be the
 * workload's (one side unset, no apply namespace) may be it, and the cluster may hold one the input
 * does not.
 */
export function findConfigObject(
  objects: readonly KubernetesConfigObject[],
  kind: KubernetesConfigKind,
  name: string,
  namespace: string | undefined,
  applyNamespace?: string,
): ConfigDataAnswer {
  let found: KubernetesConfigObject | undefined;
  for (const o of objects) if (o.kind === kind && o.name === name && (o.namespace ?? applyNamespace) === namespace) found = o;
  return found?.data;
}
