/** Whole files: every service of a Compose file, or every container of Kubernetes manifests, converted. */
import { resolveComposeFile, interpolateCompose, serviceImages, type ResolveComposeFileOptions } from '../compose/file.js';
import { readDotEnvFiles } from '../compose/dotenv.js';
import { resolveManifests, POD_SPEC_PATHS, type ResolveManifestsOptions } from '../kubernetes/manifest.js';
import { parseImageReference } from '../core/image-reference.js';
import { answerConfig, type ImageLookup } from '../core/image-lookup.js';
import { findImage, imageTable } from '../core/image-table.js';
import { readWorkloadYaml } from '../internal/yaml.js';
import { expectType } from '../internal/text.js';
import { specFromCompose } from './from-compose.js';
import { specFromKubernetes } from './from-kubernetes.js';
import { prependDiagnostics, toConvertYaml, writeSpec, type ConvertContainerResult, type ConvertedContainer } from './convert.js';
import type { ContainerForm, ConvertOptions } from './spec.js';
import type { KubernetesOptions, ResolveKubernetesResult } from '../kubernetes/container.js';
import type { Diagnostic, Failure, ImageConfig, Issue } from '../core/types.js';

/** One converted service or container of a file. */
export interface ConvertedItem {
  /** The service name, or `Kind/name container`. */
  readonly name: string;
  /** Where it is in the file (`services.web`, `spec.template.spec.containers[0]`). */
  readonly path: string;
  /** The YAML document it is in (0-based; a Compose file's services are in its first non-empty one). */
  readonly document: number;
  readonly result: ConvertContainerResult;
}

/** Result of {@link convertComposeFile} and {@link convertManifests}: every item, and the target text of those that converted. */
export type ConvertFileResult =
  { readonly ok: true; readonly items: readonly ConvertedItem[]; readonly text: string; readonly complete: boolean; readonly diagnostics: readonly Diagnostic[] } | Failure;

/** Options of {@link convertComposeFile}. */
export interface ConvertComposeFileOptions extends ConvertOptions, Pick<ResolveComposeFileOptions, 'environment' | 'envFiles' | 'shellwordsVersion' | 'source' | 'limits'> {
  readonly to: ContainerForm;
  /** Only this service (default: all). */
  readonly service?: string;
  /** Image configs by reference (or service name), as `resolveComposeFile` takes them. */
  readonly images?: ImageLookup;
}

/** Options of {@link convertManifests}. */
export interface ConvertManifestsOptions extends ConvertOptions, Omit<KubernetesOptions, 'path'>, Pick<ResolveManifestsOptions, 'configSources' | 'namespace'> {
  readonly to: ContainerForm;
  readonly images?: ImageLookup;
  readonly source?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every string in a value interpolated (keys kept), or the first error. */
function interpolateAll(value: unknown, env: Readonly<Record<string, string>>, path: string, issues: Issue[]): unknown {
  if (typeof value === 'string') {
    const r = interpolateCompose(value, env);
    if (r.ok) return r.value;
    issues.push({ code: 'compose-interpolation-invalid', path, message: `${path}: ${r.message}` });
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolateAll(v, env, `${path}[${i}]`, issues));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateAll(v, env, `${path}.${k}`, issues)]));
  return value;
}

/** The joined target text: run lines one per line, Compose services in one file, Kubernetes documents separated by `---`. */
function joinText(items: readonly ConvertedItem[], to: ContainerForm): string {
  const done = items.flatMap((i) => (i.result.ok && i.result.complete ? [i.result.value] : []));
  if (to === 'run') return done.map((v) => `${v.text}\n`).join('');
  if (to === 'kubernetes') return done.map((v) => v.text).join('---\n');
  const services: Record<string, unknown> = {};
  for (const v of done as Extract<ConvertedContainer, { form: 'compose' }>[]) services[v.name in services ? `${v.name}-${Object.keys(services).length}` : v.name] = v.service;
  return done.length === 0 ? '' : toConvertYaml({ services });
}

function fileResult(items: ConvertedItem[], to: ContainerForm, diagnostics: readonly Diagnostic[]): ConvertFileResult {
  return { ok: true, items, text: joinText(items, to), complete: items.every((i) => !i.result.ok || i.result.complete), diagnostics };
}

/**
 * Converts the services of a Compose file (one with `options.service`): the file is checked and
 * interpolated as `resolveComposeFile` does (every value, `$$` → `$`), then each service is read
 * with `specFromCompose` and written in the target form.
 */
export function convertComposeFile(yamlText: string, options: ConvertComposeFileOptions): ConvertFileResult {
  expectType(yamlText, 'string', 'yamlText');
  expectType(options, 'object', 'options');
  const { to, service: only, images, ...rest } = options;
  const checked = resolveComposeFile(yamlText, rest);
  if (!checked.ok) return checked;
  const docs = readWorkloadYaml(yamlText, rest);
  const document = docs.ok
    ? Math.max(
        0,
        docs.documents.findIndex((d) => d.ok && d.value != null),
      )
    : 0;
  const first = docs.ok ? docs.documents[document] : undefined;
  const services = first?.ok === true && isRecord(first.value) && isRecord(first.value['services']) ? first.value['services'] : {};
  if (only !== undefined && !Object.hasOwn(services, only)) {
    return { ok: false, issues: [{ code: 'convert-service-unknown', message: `no such service: ${only}` }], diagnostics: checked.diagnostics };
  }
  const dotenv = readDotEnvFiles(rest.envFiles ?? [], { environment: rest.environment ?? {} });
  const env = { ...(dotenv.ok ? dotenv.values : {}), ...(rest.environment ?? {}) };
  const lookup = serviceImages(images, Object.entries(services));
  if (!lookup.ok) return lookup;
  const items: ConvertedItem[] = [];
  for (const [name, raw] of Object.entries(services)) {
    if (only !== undefined && name !== only) continue;
    const path = `services.${name}`;
    const issues: Issue[] = [];
    const svc = interpolateAll(raw ?? {}, env, path, issues) as Record<string, unknown>;
    const read = specFromCompose(svc, { path, ...(rest.shellwordsVersion !== undefined && { shellwordsVersion: rest.shellwordsVersion }) });
    if (!read.ok) {
      items.push({ name, path, document, result: read });
      continue;
    }
    const ref = typeof svc['image'] === 'string' ? parseImageReference(svc['image']) : undefined;
    const imageConfig = options.imageConfig ?? lookup.lookup(read.spec.image, ref?.ok === true ? ref.reference : undefined, name) ?? null;
    const spec = { ...read.spec, service: name };
    items.push({ name, path, document, result: prependDiagnostics(writeSpec(spec, { ...options, imageConfig }), read.diagnostics) });
  }
  return fileResult(items, to, checked.diagnostics);
}

/** An image config by reference from a lookup (a record matched as the engine matches images, or a function). */
function manifestLookup(images: ImageLookup | undefined): ((ref: string) => ImageConfig | undefined) | Failure {
  if (images === undefined) return () => undefined;
  if (typeof images === 'function') {
    return (ref) => {
      const parsed = parseImageReference(ref);
      return answerConfig(images(ref, parsed.ok ? parsed.reference : undefined));
    };
  }
  const table = imageTable(images);
  if (!table.ok) return table;
  return (ref) => {
    const parsed = parseImageReference(ref);
    return parsed.ok ? findImage(table.table, parsed.reference) : undefined;
  };
}

/** The object at a dotted path with `[i]` indexes (`items[2]`, `spec.template.spec`). */
function at(value: unknown, path: string): unknown {
  let v = value;
  for (const part of path.split(/\.|(?=\[)/).filter((p) => p !== '')) {
    const index = /^\[(\d+)\]$/.exec(part);
    v = index !== null ? (Array.isArray(v) ? v[Number(index[1])] : undefined) : isRecord(v) ? v[part] : undefined;
  }
  return v;
}

/**
 * Converts every container (`containers`; init and ephemeral containers are noted) of the Pods,
 * Deployments, StatefulSets… in a manifest file: checked as `resolveManifests` does, each container
 * read with `specFromKubernetes` (with its Pod spec) and written in the target form.
 */
export function convertManifests(yamlText: string, options: ConvertManifestsOptions): ConvertFileResult {
  expectType(yamlText, 'string', 'yamlText');
  expectType(options, 'object', 'options');
  const { to, images, imageConfig, engine, shell, kubernetesKind, source, ...k8s } = options;
  const checked = resolveManifests(yamlText, { ...k8s, ...(source !== undefined && { source }) });
  if (!checked.ok) return checked;
  const lookup = manifestLookup(images);
  if (typeof lookup !== 'function') return lookup;
  const docs = readWorkloadYaml(yamlText, {});
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  const items: ConvertedItem[] = [];
  for (const w of checked.workloads) {
    const doc = docs.ok ? docs.documents[w.document] : undefined;
    const obj = doc?.ok === true ? (w.path === '' ? doc.value : at(doc.value, w.path)) : undefined;
    const podParts = POD_SPEC_PATHS[w.kind] ?? [];
    const pod = podParts.reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), obj);
    const podPath = [w.path, ...podParts].filter((p) => p !== '').join('.');
    for (const c of w.containers) {
      if (c.list !== 'containers') {
        diagnostics.push({
          code: 'convert-no-counterpart',
          severity: 'warning',
          path: c.path,
          message: `${c.list} ${c.name} is not converted: it has no counterpart in a single container.`,
        });
        continue;
      }
      const raw = isRecord(pod) && Array.isArray(pod['containers']) ? (pod['containers'] as unknown[]).find((x) => isRecord(x) && x['name'] === c.name) : undefined;
      if (!isRecord(raw) || !isRecord(pod)) continue;
      // c.result saw what the kubelet sees in this Pod (the file's ConfigMaps and Secrets, its namespace); no image config was given to it.
      const read = specFromKubernetes(raw, { ...k8s, pod, podPath, path: c.path, resolved: c.result });
      const name = `${w.kind}/${w.name} ${c.name}`;
      if (!read.ok) {
        items.push({ name, path: c.path, document: w.document, result: read });
        continue;
      }
      const config = imageConfig ?? lookup(c.image) ?? null;
      const written = writeSpec(read.spec, {
        to,
        imageConfig: config,
        ...(engine !== undefined && { engine }),
        ...(shell !== undefined && { shell }),
        ...(kubernetesKind !== undefined && { kubernetesKind }),
      });
      items.push({ name, path: c.path, document: w.document, result: withEnvDependencies(prependDiagnostics(written, read.diagnostics), c.result) });
    }
  }
  return fileResult(items, to, diagnostics);
}

/**
 * A written container whose Kubernetes argv holds `$(VAR)` references the kubelet would fill from data not
 * given (`resolved.dependsOnEnv`): incomplete, since the target form would pass `$(VAR)` literally.
 */
function withEnvDependencies(written: ConvertContainerResult, resolved: ResolveKubernetesResult): ConvertContainerResult {
  if (!written.ok || !resolved.ok || resolved.complete || resolved.dependsOnEnv.length === 0) return written;
  return { ok: true, complete: false, dependsOn: written.complete ? [] : written.dependsOn, dependsOnEnv: resolved.dependsOnEnv, diagnostics: written.diagnostics };
}
