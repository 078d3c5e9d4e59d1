import type { EngineProfile } from '../core/engine-profile.js';

/** A builder error in the other builders' own words, where they differ from BuildKit's. */
export type OtherWording = Partial<Readonly<Record<Exclude<EngineProfile['builder'], 'buildkit'>, string>>>;

/**
 * A Dockerfile error in the words of the profile's builder: BuildKit's text, or the classic
 * builder's or buildah's where `others` has it (the wording differs, the error is the same).
 * Sources: buildkit frontend/dockerfile, moby builder/dockerfile, buildah/imagebuilder; each text is
 * recorded by the engine suite (test/fixtures/engine).
 *
 * @example
 * builderMessage(profile, 'file with no instructions', { buildah: 'no stages to build' })
 */
export function builderMessage(profile: EngineProfile, buildkit: string, others: OtherWording): string {
  return (others as Partial<Record<EngineProfile['builder'], string>>)[profile.builder] ?? buildkit;
}
