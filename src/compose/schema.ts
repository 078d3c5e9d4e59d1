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
