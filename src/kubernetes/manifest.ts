import { resolveLimits, type LimitsOption } from '../core/limits.js';
import { parseImageReference, type ImageReference } from '../core/image-reference.js';
import { findImage, imageTable, unusedImageDiagnostics, type ImageTable } from '../core/image-table.js';
import { expectType, goQuote } from '../internal/text.js';
import { formatPath, parseYamlDocuments, readWorkloadYaml, type YamlDocument } from '../internal/yaml.js';
import { resolveKubernetes, type KubernetesConfigData, type KubernetesContainer, type KubernetesOptions, type ResolveKubernetesResult } from './container.js';
import { findConfigObject, readConfigObject, type KubernetesConfigKind, type KubernetesConfigObject } from './config-data.js';
import { answerConfig, type ImageLookup } from '../core/image-lookup.js';
import { safeParsePodSpec, type KubernetesPodSpecInput } from './schema.js';
import type { Diagnostic, Failure, ImageConfig, Issue } from '../core/types.js';

/**
 * Reads Kubernetes manifests (YAML, several documents) and resolves every container. See
 * docs/semantics.md §3, "Reading manifests".
 */

/** Options of {@link resolveManifests}. */
export interface ResolveManifestsOptions extends Omit<KubernetesOptions, 'path'>, LimitsOption {
  /**
   * Image configs. A container whose image is not found still resolves when it sets `command`; else
   * its result says what depends on the image (`complete: false`). A record key that is not an image
   * reference, or names the same image as another, is an issue; one no container uses gets an
   * `image-config-unused` warning. Default: none.
   */
  readonly images?: ImageLookup;
  /** File name, copied into issue locations. */
  readonly source?: string;
  /**
   * More manifests whose ConfigMaps and Secrets the containers read (their other documents are not
   * resolved); `kind` restricts one to ConfigMaps or Secrets (another kind is an issue).
   */
  readonly configSources?: readonly ManifestConfigSource[];
  /** The namespace objects without `metadata.namespace` are applied to (`kubectl apply -n`); default: not known. */
  readonly namespace?: string;
}

/** A YAML text of ConfigMaps and Secrets (a CLI `--config-map`/`--secret` file). */
export interface ManifestConfigSource {
  readonly text: string;
  /** File name, copied into issue locations. */
  readonly source?: string;
  readonly kind?: KubernetesConfigKind;
}

/** One container of a workload. */
export interface ManifestContainerResult {
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  readonly list: 'containers' | 'initContainers' | 'ephemeralContainers';
  readonly name: string;
  readonly image: string;
  /** The parsed `image:`; absent when it is empty or not an image reference. */
  readonly reference?: ImageReference;
  /** The image config fields the argv depends on: `[]` when `command` is set, `['entrypoint']` when only `args` is. */
  readonly needs: readonly ('entrypoint' | 'cmd')[];
  /** Path inside the document, e.g. `spec.template.spec.containers[1]`. */
  readonly path: string;
  readonly result: ResolveKubernetesResult;
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
export type ResolveManifestsResult = { readonly ok: true; readonly workloads: readonly ManifestWorkload[]; readonly diagnostics: readonly Diagnostic[] } | Failure;

/** Where the pod spec lives, per kind. Internal (also read by src/convert/). */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
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

/** The image config fields a container's argv depends on (containerd WithProcessArgs: `command` replaces ENTRYPOINT and CMD, `args` CMD). */
function imageNeeds(command: readonly string[] | null | undefined, args: readonly string[] | null | undefined): readonly ('entrypoint' | 'cmd')[] {
  if ((command ?? []).length > 0) return [];
  return (args ?? []).length > 0 ? ['entrypoint'] : ['entrypoint', 'cmd'];
}

/** The kubelet's refusal of an `image:` that is not a reference (image_manager.go EnsureImageExists, reason InvalidImageName). */
function invalidImageIssue(ref: string, message: string, path: string): ResolveKubernetesResult {
  return {
    ok: false,
    issues: [{ code: 'k8s-image-invalid', path, message: `Failed to apply default image tag ${goQuote(ref)}: couldn't parse image name ${goQuote(ref)}: ${message}` }],
    diagnostics: [],
  };
}

/**
 * Resolves every container, init container and ephemeral container of the Pods, Deployments,
 * StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers, Jobs, CronJobs and PodTemplates
 * in a YAML text (several `---` documents and `kind: List` items too). Other kinds are skipped
 * with a `k8s-unknown-kind` diagnostic; empty documents are ignored. Malformed YAML or a field
 * of the wrong type fails the whole call with an issue naming the document and path — no
 * partial output. Per-container failures (`no-command`, `k8s-image-invalid`…) stay in that
 * container's `result`.
 */
export function resolveManifests(yamlText: string, options: ResolveManifestsOptions = {}): ResolveManifestsResult {
  const parsed = readWorkloadYaml(yamlText, options);
  if (!parsed.ok) return { ok: false, issues: parsed.issues, diagnostics: [] };
  const { images, source, limits: _limits, ...k8sOptions } = options;
  let lookup: ContainerImages = () => undefined;
  let table: ImageTable | null = null;
  if (typeof images === 'function') lookup = (ref, _context, reference) => answerConfig(images(ref, reference));
  else if (images !== undefined) {
    const read = imageTable(images);
    if (!read.ok) return read;
    const found = read.table;
    table = found;
    lookup = (_ref, _context, reference) => (reference === undefined ? undefined : findImage(found, reference));
  }
  const src = source === undefined ? {} : { source };
  const { configSources, ...podOptions } = k8sOptions;
  const resolver = new ManifestResolver(lookup, podOptions, src);
  // ConfigMaps and Secrets first, from every document and source: order does not matter.
  const read = parsed.documents.map((doc) => resolver.objects(doc));
  for (const extra of configSources ?? []) resolver.configSource(extra, options);
  read.forEach((objects) => objects.forEach(([doc, obj]) => resolver.config(doc, obj, src, undefined)));
  read.forEach((objects) => objects.forEach(([doc, obj]) => resolver.workload(doc, obj)));
  const { issues, diagnostics, workloads } = resolver;
  const [first, ...rest] = issues;
  if (first !== undefined) return { ok: false, issues: [first, ...rest], diagnostics };
  if (table !== null) diagnostics.push(...unusedImageDiagnostics(table, 'no container').map((d) => ({ ...d, ...src })));
  return { ok: true, workloads, diagnostics };
}

/** How the resolver finds a container's image config: the lookup function, or the table of a record. */
type ContainerImages = (ref: string, context: { readonly container: string; readonly workload: string }, reference: ImageReference | undefined) => ImageConfig | undefined;

type ReadDocument = Extract<YamlDocument, { ok: true }>;

/** A workload object: a document, or one item of a `kind: List`. */
interface WorkloadObject {
  readonly value: Record<string, unknown>;
  /** Path inside the document (`''` or `items[2]`). */
  readonly path: string;
  readonly parts: readonly PropertyKey[];
}

/** Collects workloads, issues and diagnostics document by document; one method per level (document, object, pod spec, containers). */
class ManifestResolver {
  readonly issues: Issue[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly workloads: ManifestWorkload[] = [];

  /** The ConfigMaps and Secrets of the input and the config sources, in input order. */
  private readonly configObjects: KubernetesConfigObject[] = [];

  constructor(
    private readonly images: ContainerImages,
    private readonly k8sOptions: Omit<KubernetesOptions, 'path'> & { readonly namespace?: string },
    private readonly src: { readonly source?: string },
  ) {}

  /** One YAML document: its issues, or its objects (empty documents have none). */
  objects(doc: YamlDocument): [ReadDocument, WorkloadObject][] {
    if (!doc.ok) {
      this.issues.push(...doc.issues);
      return [];
    }
    if (doc.value === null || doc.value === undefined) return [];
    return this.objectsOf(doc).map((obj) => [doc, obj]);
  }

  /** A `--config-map`/`--secret` text: its ConfigMaps and Secrets (of `kind` when given); any other kind is an issue. */
  configSource(extra: ManifestConfigSource, options: LimitsOption): void {
    const parsed = parseYamlDocuments(extra.text, extra.source, resolveLimits(options.limits));
    if (!parsed.ok) {
      this.issues.push(...parsed.issues);
      return;
    }
    const src = extra.source === undefined ? {} : { source: extra.source };
    for (const doc of parsed.documents) for (const [d, obj] of this.objects(doc)) this.config(d, obj, src, extra.kind ?? 'any');
  }

  /**
   * Reads a ConfigMap or Secret object. `only`: in a config source, the kind it may hold (`'any'`:
   * ConfigMap or Secret); another kind there is an issue. In the main input other kinds are left.
   */
  config(doc: ReadDocument, obj: WorkloadObject, src: { readonly source?: string }, only: KubernetesConfigKind | 'any' | undefined): void {
    const kind = obj.value['kind'];
    const isConfig = kind === 'ConfigMap' || kind === 'Secret';
    if (only !== undefined && (!isConfig || (only !== 'any' && kind !== only))) {
      const want = only === 'any' ? 'a ConfigMap or Secret' : `a ${only}`;
      const path = formatPath(obj.path, ['kind']);
      this.issues.push({
        code: 'k8s-manifest-invalid',
        path,
        message: `document ${doc.index} ${path}: kind ${JSON.stringify(kind)} where ${want} was expected`,
        ...doc.locate([...obj.parts, 'kind']),
        ...src,
      });
      return;
    }
    if (!isConfig) return;
    const read = readConfigObject(kind, obj.value, { document: doc.index, path: obj.path, parts: obj.parts, locate: doc.locate, ...src });
    if (!read.ok) this.issues.push(...read.issues);
    else {
      this.configObjects.push(read.object);
      this.diagnostics.push(...read.diagnostics);
    }
  }

  /** A List holds items; anything else is one object. Iterative (no recursion on input depth). */
  private objectsOf(doc: ReadDocument): WorkloadObject[] {
    if (!isRecord(doc.value)) {
      this.invalid(doc, undefined, [], 'expected a mapping');
      return [];
    }
    if (doc.value['kind'] !== 'List') return [{ value: doc.value, path: '', parts: [] }];
    const items = doc.value['items'];
    if (!Array.isArray(items)) {
      this.invalid(doc, 'items', ['items'], 'expected array');
      return [];
    }
    const objects: WorkloadObject[] = [];
    items.forEach((item, i) => {
      if (isRecord(item)) objects.push({ value: item, path: `items[${i}]`, parts: ['items', i] });
      else this.invalid(doc, `items[${i}]`, ['items', i], 'expected a mapping');
    });
    return objects;
  }

  /** One object: its kind says where the pod spec is; ConfigMaps and Secrets were read before; other kinds are skipped with a diagnostic. */
  workload(doc: ReadDocument, obj: WorkloadObject): void {
    const kind = obj.value['kind'];
    const at = (p: string): string => (obj.path === '' ? p : p === '' ? obj.path : `${obj.path}.${p}`);
    if (typeof kind !== 'string') return this.invalid(doc, at('kind'), [...obj.parts, 'kind'], 'expected string');
    if (kind === 'ConfigMap' || kind === 'Secret') return;
    const specPath = Object.hasOwn(POD_SPEC_PATHS, kind) ? POD_SPEC_PATHS[kind] : undefined;
    if (specPath === undefined) {
      this.diagnostics.push({
        code: 'k8s-unknown-kind',
        severity: 'warning',
        path: at(''),
        line: doc.line,
        ...this.src,
        message: `${where(doc, at(''))}: kind ${JSON.stringify(kind)} has no pod template; skipped.`,
      });
      return;
    }
    const metadata = obj.value['metadata'];
    const name = isRecord(metadata) && typeof metadata['name'] === 'string' ? metadata['name'] : '';
    const specAt = at(specPath.join('.'));
    const spec = this.podSpec(doc, obj, specPath, at);
    if (spec === undefined) return;
    const podOptions = this.podOptions(kind, obj.value, specPath, spec);
    this.workloads.push({ document: doc.index, kind, name, path: obj.path, containers: this.containers(spec, specAt, name, podOptions) });
  }

  /** The pod spec at `specPath`, checked against the schema (at most 20 issues), or `undefined`. */
  private podSpec(doc: ReadDocument, obj: WorkloadObject, specPath: readonly string[], at: (p: string) => string): KubernetesPodSpecInput | undefined {
    let node: unknown = obj.value;
    for (let k = 0; k < specPath.length; k++) {
      node = isRecord(node) ? node[specPath[k] as string] : undefined;
      if (!isRecord(node)) {
        const walked = specPath.slice(0, k + 1);
        this.invalid(doc, at(walked.join('.')), [...obj.parts, ...walked], 'expected object');
        return undefined;
      }
    }
    const spec = safeParsePodSpec(node);
    if (spec.success) return spec.data;
    for (const zi of spec.issues.slice(0, 20)) {
      const expected = zi.code === 'invalid_type' ? `expected ${zi.expected}` : zi.message;
      this.invalid(doc, formatPath(at(specPath.join('.')), zi.path), [...obj.parts, ...specPath, ...zi.path], expected);
    }
    return undefined;
  }

  /**
   * Every init, regular and ephemeral container, resolved against its image config; without one,
   * what the argv depends on (exact when `command` is set). An `image:` that is not a reference is
   * that container's issue.
   */
  private containers(spec: KubernetesPodSpecInput, specAt: string, workload: string, podOptions: Omit<KubernetesOptions, 'path'>): ManifestContainerResult[] {
    const containers: ManifestContainerResult[] = [];
    for (const list of LISTS) {
      (spec[list] ?? []).forEach((c, i) => {
        const path = `${specAt}.${list}[${i}]`;
        const cname = c.name ?? '';
        const ref = c.image ?? '';
        const parsed = ref === '' ? null : parseImageReference(ref);
        const reference = parsed?.ok === true ? parsed.reference : undefined;
        const result =
          parsed !== null && !parsed.ok
            ? invalidImageIssue(ref, parsed.issues[0].message, `${path}.image`)
            : resolveKubernetes(this.images(ref, { container: cname, workload }, reference) ?? null, toContainer(c), { ...podOptions, path });
        containers.push({ list, name: cname, image: ref, ...(reference !== undefined && { reference }), needs: imageNeeds(c.command, c.args), path, result });
      });
    }
    return containers;
  }

  /**
   * What the kubelet sees for this Pod: the ConfigMaps/Secrets of its namespace (from the input,
   * then the caller's), `enableServiceLinks`, and the pod fields known before the Pod runs.
   */
  private podOptions(kind: string, value: Record<string, unknown>, specPath: readonly string[], spec: KubernetesPodSpecInput): Omit<KubernetesOptions, 'path'> {
    const { namespace: applyNamespace, ...rest } = this.k8sOptions;
    const metadata = value['metadata'];
    const own = isRecord(metadata) && typeof metadata['namespace'] === 'string' ? metadata['namespace'] : undefined;
    const namespace = own ?? applyNamespace;
    const fields = podFieldValues(kind, value, specPath, spec, namespace);
    return {
      ...rest,
      configMaps: this.configData('ConfigMap', namespace, applyNamespace, rest.configMaps),
      secrets: this.configData('Secret', namespace, applyNamespace, rest.secrets),
      ...(namespace !== undefined && { namespace }),
      ...(spec.enableServiceLinks != null && { enableServiceLinks: spec.enableServiceLinks }),
      fieldValues: { ...fields, ...rest.fieldValues },
    };
  }

  /** ConfigMaps or Secrets for a namespace: the input's, then the caller's (whose record is all that exist), else not known. */
  private configData(kind: KubernetesConfigKind, namespace: string | undefined, applyNamespace: string | undefined, given: KubernetesConfigData | undefined): KubernetesConfigData {
    const objects = this.configObjects;
    return (name) => {
      const found = findConfigObject(objects, kind, name, namespace, applyNamespace);
      if (found !== undefined || given === undefined) return found;
      if (typeof given === 'function') return given(name);
      return Object.hasOwn(given, name) ? given[name] : null;
    };
  }

  /** A `k8s-manifest-invalid` issue at a path of the document (`undefined`: the document itself). */
  private invalid(doc: ReadDocument, path: string | undefined, parts: readonly PropertyKey[], what: string): void {
    this.issues.push({ code: 'k8s-manifest-invalid', ...(path === undefined ? {} : { path }), message: `${where(doc, path ?? '')}: ${what}`, ...doc.locate(parts), ...this.src });
  }
}

/**
 * The pod fields a `fieldRef` reads that the manifest already decides: `metadata.name` (a Pod),
 * `metadata.namespace` (when known), each `metadata.labels['k']`/`annotations['k']` the pod
 * template sets, and `spec.serviceAccountName` (`default` when unset, as the ServiceAccount
 * admission plugin sets it). Everything else (`status.podIP`, `spec.nodeName`, `metadata.uid`…) is
 * known only once the Pod runs.
 */
function podFieldValues(
  kind: string,
  value: Record<string, unknown>,
  specPath: readonly string[],
  spec: KubernetesPodSpecInput,
  namespace: string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  let meta: unknown = value;
  for (const key of [...specPath.slice(0, -1), 'metadata']) meta = isRecord(meta) ? meta[key] : undefined;
  if (isRecord(meta)) {
    if (kind === 'Pod' && typeof meta['name'] === 'string') out['metadata.name'] = meta['name'];
    for (const field of ['labels', 'annotations'] as const) {
      const map = meta[field];
      if (!isRecord(map)) continue;
      for (const [k, v] of Object.entries(map)) if (typeof v === 'string') Object.defineProperty(out, `metadata.${field}['${k}']`, { value: v, enumerable: true });
    }
  }
  if (namespace !== undefined) out['metadata.namespace'] = namespace;
  out['spec.serviceAccountName'] = spec.serviceAccountName ?? 'default';
  return out;
}

/** `document 2` or `document 2 spec.containers[0]`, as messages name a place. */
function where(doc: ReadDocument, path: string): string {
  return `document ${doc.index}${path === '' ? '' : ` ${path}`}`;
}

/** Drops YAML nulls so the result fits {@link KubernetesContainer} (null = absent in the API). */
function toContainer(c: {
  name?: string | undefined;
  resources?: unknown;
  command?: string[] | null | undefined;
  args?: string[] | null | undefined;
  env?: { name: string; value?: string | null | undefined; valueFrom?: Record<string, unknown> | null | undefined }[] | null | undefined;
  envFrom?:
    | {
        prefix?: string | null | undefined;
        configMapRef?: { name: string; optional?: boolean | null | undefined } | null | undefined;
        secretRef?: { name: string; optional?: boolean | null | undefined } | null | undefined;
      }[]
    | null
    | undefined;
}): KubernetesContainer {
  const opt = (o: { name: string; optional?: boolean | null | undefined } | null | undefined) =>
    o == null ? undefined : { name: o.name, ...(o.optional != null && { optional: o.optional }) };
  return {
    ...(c.name !== undefined && { name: c.name }),
    ...(isRecord(c.resources) && { resources: c.resources }),
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
/** A container image a manifest names, and what of its config the container's argv needs. */
export interface ManifestImage {
  /** 0-based document index, kind, `metadata.name` and path of the workload. */
  readonly document: number;
  readonly kind: string;
  readonly workload: string;
  readonly list: ManifestContainerResult['list'];
  readonly container: string;
  /** Path of the container inside its document. */
  readonly path: string;
  /** `image:` as written. */
  readonly text: string;
  /** Absent when `image:` is empty or not an image reference (that container's result is an issue). */
  readonly reference?: ImageReference;
  /** The config fields the argv depends on; `[]`: the image config is not needed (`command` is set). */
  readonly needs: readonly ('entrypoint' | 'cmd')[];
}

/** Result of {@link listManifestImages}. */
export type ListManifestImagesResult = { readonly ok: true; readonly images: readonly ManifestImage[]; readonly diagnostics: readonly Diagnostic[] } | Failure;

/**
 * Lists the image of every container of the manifests, with the config fields its argv needs, so a
 * caller fetches the configs that matter (`needs` not empty) before {@link resolveManifests}.
 *
 * @param yamlText - Kubernetes manifests (several documents).
 * @param options - As for {@link resolveManifests}, without `images`.
 * @returns One entry per container, in document order; or the issues that fail the whole file.
 */
export function listManifestImages(yamlText: string, options: Omit<ResolveManifestsOptions, 'images'> = {}): ListManifestImagesResult {
  expectType(yamlText, 'string', 'yamlText');
  expectType(options, 'object', 'options');
  const { images: _images, ...rest } = options as ResolveManifestsOptions;
  const result = resolveManifests(yamlText, rest);
  if (!result.ok) return result;
  const images: ManifestImage[] = [];
  for (const w of result.workloads) {
    for (const c of w.containers) {
      const entry = { document: w.document, kind: w.kind, workload: w.name, list: c.list, container: c.name, path: c.path, text: c.image, needs: c.needs };
      images.push(c.reference === undefined ? entry : { ...entry, reference: c.reference });
    }
  }
  return { ok: true, images, diagnostics: result.diagnostics };
}
