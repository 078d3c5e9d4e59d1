import type { LimitsOption } from '../core/limits.js';
import { formatPath, readWorkloadYaml } from '../internal/yaml.js';
import { resolveKubernetes, type KubernetesContainer, type KubernetesOptions, type KubernetesResult } from './container.js';
import { KubernetesPodSpecSchema } from './schema.js';
import type { Diagnostic, Failure, ImageConfig, Issue } from '../core/types.js';

/**
 * Reads Kubernetes manifests (YAML, several documents) and resolves every container. See
 * docs/semantics.md §3, "Reading manifests".
 */

/** Image configs by reference (`nginx:1.27`), or a function that returns one (or `undefined`). */
export type ImageLookup =
  | Readonly<Record<string, ImageConfig>>
  | ((ref: string, context: { readonly container: string; readonly workload: string }) => ImageConfig | undefined);

/** Options of {@link resolveManifests}. */
export interface ResolveManifestsOptions extends Omit<KubernetesOptions, 'path'>, LimitsOption {
  readonly images: ImageLookup;
  /** File name, copied into issue locations. */
  readonly source?: string;
}

/** One container of a workload. */
export interface ManifestContainerResult {
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  readonly list: 'containers' | 'initContainers' | 'ephemeralContainers';
  readonly name: string;
  readonly image: string;
  /** Path inside the document, e.g. `spec.template.spec.containers[1]`. */
  readonly path: string;
  readonly result: KubernetesResult;
}

/** One workload (document or List item). */
export interface ManifestWorkload {
  /** 0-based document index in the file. */
  readonly document: number;
  readonly kind: string;
  readonly name: string;
  /** Path of the workload inside its document (`''`, or `items[2]` inside a List). */
  readonly path: string;
  readonly containers: readonly ManifestContainerResult[];
}

/** Result of {@link resolveManifests}: per-workload results; malformed documents fail the whole call. */
export type ResolveManifestsResult =
  | { readonly ok: true; readonly workloads: readonly ManifestWorkload[]; readonly diagnostics: readonly Diagnostic[] }
  | Failure;

/** Where the pod spec lives, per kind. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lookupImage(images: ImageLookup, ref: string, container: string, workload: string): ImageConfig | undefined {
  if (typeof images === 'function') return images(ref, { container, workload });
  return Object.hasOwn(images, ref) ? images[ref] : undefined;
}

/**
 * Resolves every container, init container and ephemeral container of the Pods, Deployments,
 * StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs and PodTemplates
 * in a YAML text (several `---` documents and `kind: List` items too). Other kinds are skipped
 * with a `k8s-unknown-kind` diagnostic; empty documents are ignored. Malformed YAML or a field
 * of the wrong type fails the whole call with an issue naming the document and path — no
 * partial output. Per-container failures (`no-command`, `image-unknown`…) stay in that
 * container's `result`.
 */
export function resolveManifests(yamlText: string, options: ResolveManifestsOptions): ResolveManifestsResult {
  const parsed = readWorkloadYaml(yamlText, options);
  const src = options.source === undefined ? {} : { source: options.source };
  if (!parsed.ok) return { ok: false, issues: parsed.issues, diagnostics: [] };
  const issues: Issue[] = [];
  const diagnostics: Diagnostic[] = [];
  const workloads: ManifestWorkload[] = [];
  const { images, source: _source, limits: _limits, ...k8sOptions } = options;
  void _source;
  void _limits;

  for (const doc of parsed.documents) {
    if (!doc.ok) {
      issues.push(...doc.issues);
      continue;
    }
    if (doc.value === null || doc.value === undefined) continue;
    const where = (path: string): string => `document ${doc.index}${path === '' ? '' : ` ${path}`}`;
    const pos = (parts: readonly PropertyKey[]): { line: number; column: number } => doc.locate(parts);
    if (!isRecord(doc.value)) {
      issues.push({ code: 'manifest-invalid', message: `${where('')}: expected a mapping`, ...pos([]), ...src });
      continue;
    }
    // A List holds items; anything else is one object. Iterative (no recursion on input depth).
    const objects: { value: Record<string, unknown>; path: string; parts: readonly PropertyKey[] }[] = [];
    if (doc.value['kind'] === 'List') {
      const items = doc.value['items'];
      if (!Array.isArray(items)) {
        issues.push({ code: 'manifest-invalid', path: 'items', message: `${where('items')}: expected array`, ...pos(['items']), ...src });
        continue;
      }
      items.forEach((item, i) => {
        if (isRecord(item)) objects.push({ value: item, path: `items[${i}]`, parts: ['items', i] });
        else issues.push({ code: 'manifest-invalid', path: `items[${i}]`, message: `${where(`items[${i}]`)}: expected a mapping`, ...pos(['items', i]), ...src });
      });
    } else objects.push({ value: doc.value, path: '', parts: [] });

    for (const obj of objects) {
      const kind = obj.value['kind'];
      const at = (p: string): string => (obj.path === '' ? p : p === '' ? obj.path : `${obj.path}.${p}`);
      if (typeof kind !== 'string') {
        issues.push({ code: 'manifest-invalid', path: at('kind'), message: `${where(at('kind'))}: expected string`, ...pos([...obj.parts, 'kind']), ...src });
        continue;
      }
      const specPath = Object.hasOwn(POD_SPEC_PATHS, kind) ? POD_SPEC_PATHS[kind] : undefined;
      if (specPath === undefined) {
        diagnostics.push({ code: 'k8s-unknown-kind', severity: 'warning', path: at(''), line: doc.line, ...src, message: `${where(at(''))}: kind ${JSON.stringify(kind)} has no pod template; skipped.` });
        continue;
      }
      const metadata = obj.value['metadata'];
      const name = isRecord(metadata) && typeof metadata['name'] === 'string' ? metadata['name'] : '';
      let node: unknown = obj.value;
      let walked = '';
      let broken = false;
      const walkedParts: PropertyKey[] = [...obj.parts];
      for (const key of specPath) {
        walked = walked === '' ? key : `${walked}.${key}`;
        walkedParts.push(key);
        node = isRecord(node) ? node[key] : undefined;
        if (!isRecord(node)) {
          issues.push({ code: 'manifest-invalid', path: at(walked), message: `${where(at(walked))}: expected object`, ...pos(walkedParts), ...src });
          broken = true;
          break;
        }
      }
      if (broken) continue;
      const spec = KubernetesPodSpecSchema.safeParse(node);
      if (!spec.success) {
        for (const zi of spec.error.issues.slice(0, 20)) {
          const p = formatPath(at(walked), zi.path);
          const expected = zi.code === 'invalid_type' ? `expected ${zi.expected}` : zi.message;
          issues.push({ code: 'manifest-invalid', path: p, message: `${where(p)}: ${expected}`, ...pos([...walkedParts, ...zi.path]), ...src });
        }
        continue;
      }
      const containers: ManifestContainerResult[] = [];
      for (const list of LISTS) {
        (spec.data[list] ?? []).forEach((c, i) => {
          const path = `${at(walked)}.${list}[${i}]`;
          const cname = c.name ?? '';
          const ref = c.image ?? '';
          const image = lookupImage(images, ref, cname, name);
          const container = toContainer(c);
          const result: KubernetesResult =
            image === undefined
              ? { ok: false, issues: [{ code: 'image-unknown', path: `${path}.image`, message: `no image config given for ${JSON.stringify(ref)}` }], diagnostics: [] }
              : resolveKubernetes(image, container, { ...k8sOptions, path });
          containers.push({ list, name: cname, image: ref, path, result });
        });
      }
      workloads.push({ document: doc.index, kind, name, path: obj.path, containers });
    }
  }
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest], diagnostics };
  return { ok: true, workloads, diagnostics };
}

/** Drops YAML nulls so the result fits {@link KubernetesContainer} (null = absent in the API). */
function toContainer(c: {
  command?: string[] | null | undefined;
  args?: string[] | null | undefined;
  env?: { name: string; value?: string | null | undefined; valueFrom?: Record<string, unknown> | null | undefined }[] | null | undefined;
  envFrom?: { prefix?: string | null | undefined; configMapRef?: { name: string; optional?: boolean | null | undefined } | null | undefined; secretRef?: { name: string; optional?: boolean | null | undefined } | null | undefined }[] | null | undefined;
}): KubernetesContainer {
  const opt = (o: { name: string; optional?: boolean | null | undefined } | null | undefined) =>
    o == null ? undefined : { name: o.name, ...(o.optional != null && { optional: o.optional }) };
  return {
    command: c.command ?? null,
    args: c.args ?? null,
    env: (c.env ?? []).map((e) => ({
      name: e.name,
      ...(e.value != null && { value: e.value }),
      ...(e.valueFrom != null && { valueFrom: stripNulls(e.valueFrom) }),
    })),
    envFrom: (c.envFrom ?? []).map((f) => {
      const cm = opt(f.configMapRef);
      const sr = opt(f.secretRef);
      return { ...(f.prefix != null && { prefix: f.prefix }), ...(cm && { configMapRef: cm }), ...(sr && { secretRef: sr }) };
    }),
  };
}

function stripNulls(v: Record<string, unknown>): Record<string, never> {
  // Object.fromEntries defines own properties, so a `__proto__` key never reaches a prototype.
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, val]) => val != null)
      .map(([k, val]) => [k, isRecord(val) ? Object.fromEntries(Object.entries(val).filter(([, x]) => x != null)) : val]),
  ) as Record<string, never>;
}
