/**
 * Answers that depend on an image config nobody gave: which fields, the headline, the exit
 * status. The one place the commands ask "is this answer known?", so that sources of configs
 * (engine, registry, catalog, cache) can be added in front of it without touching the commands.
 */
import type { BaseDependency, ConfigDependencies } from '../dockerfile/base-dependency.js';
import type { ImageField } from '../run/image-needs.js';

/** Exit status when the answer depends on an image config that was not given (`--strict` makes it an error, 1). */
export const EXIT_INCOMPLETE = 3;

/** What the shown answer depends on that is not known. */
export interface Unknown {
  /** The image (`node:20`) whose config is unknown. */
  readonly from: string;
  /** `'base'`: a Dockerfile base image; `'image'`: the image a container runs. */
  readonly kind: 'base' | 'image';
  /** The image fields the answer takes from it. */
  readonly fields: readonly ImageField[];
  /** How each field depends on it (Dockerfile only). */
  readonly via?: Readonly<Partial<Record<ImageField, BaseDependency['via']>>>;
}

/** The unknown part of a Dockerfile's answer for a run that uses `used` of the image's fields; null when the answer is known. */
export function dockerfileUnknown(dependsOn: ConfigDependencies | undefined, used: readonly ImageField[]): Unknown | null {
  if (dependsOn === undefined) return null;
  const fields = used.filter((f) => dependsOn[f] !== undefined);
  const first = fields[0];
  if (first === undefined) return null;
  const via: Partial<Record<ImageField, BaseDependency['via']>> = {};
  for (const f of fields) via[f] = (dependsOn[f] as BaseDependency).via;
  return { from: (dependsOn[first] as BaseDependency).from, kind: 'base', fields, via };
}

/** `depends on node:20 (base image config unknown)`. */
export function unknownHeadline(u: Unknown): string {
  return `depends on ${u.from} (${u.kind === 'base' ? 'base image' : 'image'} config unknown)`;
}

const VIA: Readonly<Record<BaseDependency['via'], string>> = {
  inherited: 'inherited from it',
  shell: 'shell form, run by its SHELL',
  onbuild: 'reset by ENTRYPOINT unless its ONBUILD trigger sets one',
};

/** `ENTRYPOINT inherited from it; CMD shell form, run by its SHELL`. */
export function unknownDetail(u: Unknown): string {
  return u.fields.map((f) => `${f === 'entrypoint' ? 'ENTRYPOINT' : 'CMD'}${u.via?.[f] === undefined ? '' : ` ${VIA[u.via[f]]}`}`).join('; ');
}
