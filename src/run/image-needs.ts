import { engineProfile } from '../core/engine-profile.js';
import { expectType } from '../internal/text.js';
import type { Diagnostic, EngineOptions } from '../core/types.js';
import type { DockerRunOverrides } from './docker-run.js';

/** An image config field a container's argv can take from the image. */
export type ImageField = 'entrypoint' | 'cmd';

/**
 * The image config fields `docker run [--entrypoint X] IMAGE [ARGS…]` takes from the image, so
 * which unknown fields the argv depends on. Docker (moby `merge`): the image ENTRYPOINT unless
 * `--entrypoint` is given (even `''`), the image CMD only with neither `--entrypoint` nor ARGS.
 * Podman (`makeCommand`): the image ENTRYPOINT unless `--entrypoint` is given; the image CMD with
 * no ARGS and an `--entrypoint` that is absent or an empty JSON array.
 *
 * @param run - The `docker run` overrides.
 * @param options - Engine (Docker or Podman).
 * @returns The fields, in the order `entrypoint`, `cmd`; `[]` when the image config is not needed.
 * @example
 * imageFieldsUsed({ args: ['serve'] }) // → ['entrypoint']
 */
export function imageFieldsUsed(run: DockerRunOverrides = {}, options: EngineOptions = {}): ImageField[] {
  expectType(run, 'object', 'run');
  // Podman reads `--entrypoint` as JSON when it can; an empty array keeps the image CMD (libpod merge).
  const jsonEntrypoint = engineProfile(options).entrypointAcceptsJson;
  const fields: ImageField[] = [];
  if (run.entrypoint === undefined) fields.push('entrypoint');
  if ((run.args ?? []).length > 0) return fields;
  if (run.entrypoint === undefined || (jsonEntrypoint && isEmptyJsonArray(run.entrypoint))) fields.push('cmd');
  return fields;
}

/** Podman reads `--entrypoint '[]'` as a JSON array: an empty entrypoint that keeps the image CMD. */
function isEmptyJsonArray(value: string): boolean {
  if (!value.trimStart().startsWith('[')) return false;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.length === 0;
  } catch {
    return false;
  }
}

/**
 * `depends-on-unknown-image`: the argv takes `fields` from an image whose config was not given.
 *
 * @param fields - The image fields the argv depends on.
 * @param path - Where the image is named (`spec.containers[0].image`, `services.web.image`).
 * @param field - The field that would make the argv independent of the image (`command`, `entrypoint`).
 */
export function unknownImageDiagnostic(fields: readonly ImageField[], path: string, field: string): Diagnostic {
  const what = fields.map((f) => (f === 'entrypoint' ? 'ENTRYPOINT' : 'CMD')).join(' and ');
  return {
    code: 'depends-on-unknown-image',
    severity: 'warning',
    path,
    message: `What runs depends on the image ${what}, and the image config was not given; give it, or set ${field} so the argv does not depend on the image.`,
  };
}
