import * as z from 'zod/mini';
import { en } from 'zod/locales';
import type { SchemaResult } from '../internal/schema-result.js';

/**
 * Untrusted-input validation for compose files: the fields of a service that decide what runs;
 * others pass through unchecked. `zod/mini` with named functions, so a bundle carries only the
 * validators used here; zod's English locale is passed per call, never set globally.
 */

/** compose-spec `$defs/command`: null, a string or a list of strings. */
const ComposeCommandSchema = z.union([z.null(), z.string(), z.array(z.string())]);

const ComposeServiceSchema = z.nullable(
  z.looseObject({
    image: z.nullish(z.string()),
    command: z.optional(ComposeCommandSchema),
    entrypoint: z.optional(ComposeCommandSchema),
    extends: z.optional(z.unknown()),
    profiles: z.nullish(z.array(z.string())),
  }),
);

const ComposeFileSchema = z.looseObject({
  services: z.nullish(z.record(z.string(), ComposeServiceSchema)),
});

/** A service: `null` (`web:` with nothing under it) or its fields. */
export type ComposeServiceInput = z.infer<typeof ComposeServiceSchema>;

/** A compose file whose shape is valid: each service by name, validated on its own. */
export interface ComposeFileInput {
  readonly services: readonly (readonly [name: string, result: SchemaResult<ComposeServiceInput>])[];
}

/** `environment`/`build.args`: a mapping of scalars (or null) or a list of `KEY=VALUE` strings. */
const KeyValuesSchema = z.union([z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])), z.array(z.string())]);

const ComposeBuildSchema = z.looseObject({
  context: z.optional(z.string()),
  dockerfile: z.optional(z.string()),
  dockerfile_inline: z.optional(z.string()),
  target: z.optional(z.string()),
  args: z.nullish(KeyValuesSchema),
  platforms: z.nullish(z.array(z.string())),
  additional_contexts: z.nullish(KeyValuesSchema),
});

/** `depends_on`: a list of service names, or a mapping of service name to `{condition, required, restart}`. */
const DependsOnSchema = z.union([z.array(z.string()), z.record(z.string(), z.nullable(z.looseObject({ required: z.optional(z.boolean()) })))]);

const EnvFileEntrySchema = z.union([z.string(), z.looseObject({ path: z.string(), required: z.optional(z.boolean()), format: z.optional(z.string()) })]);

const ComposeProjectServiceSchema = z.nullable(
  z.looseObject({
    image: z.nullish(z.string()),
    command: z.optional(ComposeCommandSchema),
    entrypoint: z.optional(ComposeCommandSchema),
    init: z.nullish(z.boolean()),
    working_dir: z.nullish(z.string()),
    environment: z.nullish(KeyValuesSchema),
    env_file: z.nullish(z.union([z.string(), z.array(EnvFileEntrySchema)])),
    profiles: z.nullish(z.array(z.string())),
    build: z.nullish(z.union([z.string(), ComposeBuildSchema])),
    extends: z.nullish(z.union([z.string(), z.looseObject({ service: z.string(), file: z.optional(z.string()) })])),
    platform: z.nullish(z.string()),
    depends_on: z.nullish(DependsOnSchema),
  }),
);

/** `build:` in its long form. */
export type ComposeBuildInput = z.infer<typeof ComposeBuildSchema>;

/** A service as the project loader reads it (after interpolation): the fields that reach the argv or its explanation. */
export type ComposeProjectServiceInput = z.infer<typeof ComposeProjectServiceSchema>;

/**
 * Validates one service of a Compose project (after interpolation and compose-go's casts, so
 * `init` is a boolean): the fields the loader reads; others pass through unchecked.
 *
 * @param value - the service's value in the file.
 * @returns the service, or issues with paths from the service.
 */
export function safeParseComposeProjectService(value: unknown): SchemaResult<ComposeProjectServiceInput> {
  const error = (localeError ??= en().localeError);
  const r = ComposeProjectServiceSchema.safeParse(value, { error });
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues };
}

let localeError: ReturnType<typeof en>['localeError'] | undefined;

/**
 * Validates a compose file's top level, then each service under `services` on its own. The services
 * are read from the object itself (own keys, including `__proto__`), so none is dropped silently.
 *
 * @param value - the parsed YAML document.
 * @returns the file's issues (paths from the top), or each service's own result (paths from the service).
 */
export function safeParseComposeFile(value: unknown): SchemaResult<ComposeFileInput> {
  const error = (localeError ??= en().localeError);
  const file = ComposeFileSchema.safeParse(value, { error });
  if (!file.success) return { success: false, issues: file.error.issues };
  const raw = (value as { services?: unknown }).services;
  const services: (readonly [string, SchemaResult<ComposeServiceInput>])[] = [];
  if (raw !== null && raw !== undefined) {
    for (const [name, service] of Object.entries(raw as Record<string, unknown>)) {
      const one = ComposeServiceSchema.safeParse(service, { error });
      services.push([name, one.success ? { success: true, data: one.data } : { success: false, issues: one.error.issues }]);
    }
  }
  return { success: true, data: { services } };
}
