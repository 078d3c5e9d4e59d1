import { z } from 'zod';

/** core/v1 Container: the fields that decide the argv (others pass through unchecked). */
export const KubernetesContainerSchema = z.looseObject({
  name: z.string().optional(),
  image: z.string().optional(),
  command: z.array(z.string()).nullish(),
  args: z.array(z.string()).nullish(),
  env: z
    .array(
      z.looseObject({
        name: z.string(),
        value: z.string().nullish(),
        valueFrom: z
          .looseObject({
            configMapKeyRef: z.looseObject({ name: z.string(), key: z.string(), optional: z.boolean().nullish() }).nullish(),
            secretKeyRef: z.looseObject({ name: z.string(), key: z.string(), optional: z.boolean().nullish() }).nullish(),
            fieldRef: z.looseObject({ fieldPath: z.string() }).nullish(),
            resourceFieldRef: z.looseObject({ resource: z.string(), containerName: z.string().nullish() }).nullish(),
          })
          .nullish(),
      }),
    )
    .nullish(),
  envFrom: z
    .array(
      z.looseObject({
        prefix: z.string().nullish(),
        configMapRef: z.looseObject({ name: z.string(), optional: z.boolean().nullish() }).nullish(),
        secretRef: z.looseObject({ name: z.string(), optional: z.boolean().nullish() }).nullish(),
      }),
    )
    .nullish(),
});

/** core/v1 PodSpec: the container lists. */
export const KubernetesPodSpecSchema = z.looseObject({
  containers: z.array(KubernetesContainerSchema).max(1000),
  initContainers: z.array(KubernetesContainerSchema).max(1000).nullish(),
  ephemeralContainers: z.array(KubernetesContainerSchema).max(1000).nullish(),
});

export type KubernetesContainerInput = z.infer<typeof KubernetesContainerSchema>;
export type KubernetesPodSpecInput = z.infer<typeof KubernetesPodSpecSchema>;
