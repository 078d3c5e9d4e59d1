import * as z from 'zod/mini';
import type { SchemaResult } from '../internal/schema-result.js';

/**
 * Untrusted-input validation for image configs: `docker image inspect` output (one object with
 * `Config` and `Os`), an OCI image config (`config` and `os`) or a bare `Config` object. Only the
 * fields that decide what runs are read; others pass through unchecked.
 *
 * `zod/mini` with named functions, so a bundle carries only the validators used here (the classic
 * `z` namespace kept every locale: ~92 KB min+gzip for `imageConfigFromInspect`). No locale is
 * loaded: these schemas can only report `invalid_type`, whose message the caller writes itself.
 */

// Schemas are built on first use, so bundles that never call safeParseImageConfig drop zod.
function makeSchemas() {
  const stringList = z.nullish(z.array(z.string()));
  const dockerConfig = z.looseObject({
    Entrypoint: stringList,
    Cmd: stringList,
    Shell: stringList,
    OnBuild: stringList,
    ArgsEscaped: z.nullish(z.boolean()),
  });
  const inspectObject = z.looseObject({ Config: z.nullish(dockerConfig), Os: z.optional(z.string()) });
  const ociObject = z.looseObject({ config: z.nullish(dockerConfig), os: z.optional(z.string()) });
  return { dockerConfig, inspectObject, ociObject };
}

let schemas: ReturnType<typeof makeSchemas> | undefined;

/** The fields of an image's `Config` that decide what runs. */
export interface RawImageConfig {
  readonly Entrypoint?: readonly string[] | null | undefined;
  readonly Cmd?: readonly string[] | null | undefined;
  readonly Shell?: readonly string[] | null | undefined;
  readonly OnBuild?: readonly string[] | null | undefined;
  readonly ArgsEscaped?: boolean | null | undefined;
}

/** A validated image config: its `Config` and its operating system, when given. */
export interface RawImage {
  readonly config: RawImageConfig | null | undefined;
  readonly os: string | undefined;
}

/**
 * Validates one image object: `docker image inspect` shape when it has `Config`, `Os`, `RepoTags`
 * or `Id`; OCI shape when it has `config`, `os` or `rootfs`; a bare `Config` object otherwise.
 *
 * @param value - one parsed JSON object (not an inspect array).
 * @returns its config and OS, or zod's issues with paths relative to `value`.
 */
export function safeParseImageConfig(value: Readonly<Record<string, unknown>>): SchemaResult<RawImage> {
  schemas ??= makeSchemas();
  if ('Config' in value || 'Os' in value || 'RepoTags' in value || 'Id' in value) {
    const r = schemas.inspectObject.safeParse(value);
    return r.success ? { success: true, data: { config: r.data.Config, os: r.data.Os } } : { success: false, issues: r.error.issues };
  }
  if ('config' in value || 'os' in value || 'rootfs' in value) {
    const r = schemas.ociObject.safeParse(value);
    return r.success ? { success: true, data: { config: r.data.config, os: r.data.os } } : { success: false, issues: r.error.issues };
  }
  const r = schemas.dockerConfig.safeParse(value);
  return r.success ? { success: true, data: { config: r.data, os: undefined } } : { success: false, issues: r.error.issues };
}
