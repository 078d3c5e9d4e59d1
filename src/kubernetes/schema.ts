import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { SchemaResult } from '../internal/schema-result.js';

/**
 * Untrusted-input validation for Kubernetes pod specs: the fields that decide the argv; others pass
 * through unchecked. `zod/mini` with named functions, so a bundle carries only the validators used
 * here; zod's English locale is passed per call (messages such as `Too big: expected array to have
 * <=1000 items` reach users), never set globally.
 */

const KubernetesContainerSchema = z.looseObject({
  name: z.optional(z.string()),
  image: z.optional(z.string()),
  command: z.nullish(z.array(z.string())),
  args: z.nullish(z.array(z.string())),
  env: z.nullish(
    z.array(
      z.looseObject({
        name: z.string(),
        value: z.nullish(z.string()),
        valueFrom: z.nullish(
          z.looseObject({
            configMapKeyRef: z.nullish(z.looseObject({ name: z.string(), key: z.string(), optional: z.nullish(z.boolean()) })),
            secretKeyRef: z.nullish(z.looseObject({ name: z.string(), key: z.string(), optional: z.nullish(z.boolean()) })),
            fieldRef: z.nullish(z.looseObject({ fieldPath: z.string() })),
            resourceFieldRef: z.nullish(z.looseObject({ resource: z.string(), containerName: z.nullish(z.string()), divisor: z.nullish(z.union([z.string(), z.number()])) })),
          }),
        ),
      }),
    ),
  ),
  envFrom: z.nullish(
    z.array(
      z.looseObject({
        prefix: z.nullish(z.string()),
        configMapRef: z.nullish(z.looseObject({ name: z.string(), optional: z.nullish(z.boolean()) })),
        secretRef: z.nullish(z.looseObject({ name: z.string(), optional: z.nullish(z.boolean()) })),
      }),
    ),
  ),
});

const containerList = z.array(KubernetesContainerSchema).check(z.maxLength(1000));

const KubernetesPodSpecSchema = z.looseObject({
  enableServiceLinks: z.nullish(z.boolean()),
  serviceAccountName: z.nullish(z.string()),
  containers: containerList,
  initContainers: z.nullish(containerList),
  ephemeralContainers: z.nullish(containerList),
});

const stringMap = z.nullish(z.record(z.string(), z.string()));

/** A ConfigMap or Secret: the fields the kubelet's env reads (`binaryData` is never env). */
const KubernetesConfigObjectSchema = z.looseObject({
  metadata: z.looseObject({ name: z.string(), namespace: z.nullish(z.string()) }),
  data: stringMap,
  stringData: stringMap,
});

/** core/v1 Container: the fields that decide the argv. */
export type KubernetesContainerInput = z.infer<typeof KubernetesContainerSchema>;
/** core/v1 PodSpec: the container lists. */
export type KubernetesPodSpecInput = z.infer<typeof KubernetesPodSpecSchema>;

let localeError: ReturnType<typeof en>['localeError'] | undefined;

/**
 * Validates a core/v1 PodSpec's container lists (`containers`, `initContainers`,
 * `ephemeralContainers`, at most 1,000 each).
 *
 * @param value - the parsed `spec` object.
 * @returns the spec, or zod's issues with paths relative to `value` and English messages.
 */
export function safeParsePodSpec(value: unknown): SchemaResult<KubernetesPodSpecInput> {
  localeError ??= en().localeError;
  const r = KubernetesPodSpecSchema.safeParse(value, { error: localeError });
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues };
}

/** core/v1 ConfigMap or Secret: `metadata.name`/`namespace`, `data`, `stringData`. */
export type KubernetesConfigObjectInput = z.infer<typeof KubernetesConfigObjectSchema>;

/**
 * Validates a ConfigMap or Secret document: `metadata.name` a string, `data`/`stringData` maps of
 * strings (a Secret's `data` values still base64).
 *
 * @param value - the parsed document.
 * @returns the object, or zod's issues with paths relative to `value` and English messages.
 */
export function safeParseConfigObject(value: unknown): SchemaResult<KubernetesConfigObjectInput> {
  localeError ??= en().localeError;
  const r = KubernetesConfigObjectSchema.safeParse(value, { error: localeError });
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues };
}
