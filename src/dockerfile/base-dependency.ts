import type { EngineProfile } from '../core/engine-profile.js';
import { goQuote } from '../internal/text.js';
import { parseDistributionReference, type ImageReference } from '../core/image-reference.js';
import type { Diagnostic, ImageConfig, Issue } from '../core/types.js';
import { builderMessage } from './builder-messages.js';

/**
 * What part of an evaluation depends on a base image whose config was not given, and the
 * builders' errors for a FROM that is not an image reference. See docs/semantics.md §2,
 * "Unknown base images".
 */

/**
 * A value that depends on the config of a base image that was not given.
 * `via` says how: `'inherited'` — the value is the base's own; `'shell'` — a shell-form
 * instruction wrapped it in the base's SHELL (or its OS default: `cmd /S /C` on Windows);
 * `'onbuild'` — CMD was reset by ENTRYPOINT, unless an ONBUILD trigger of the base set a CMD
 * in the same stage (a CMD dispatched in the stage is not reset).
 */
export interface BaseDependency {
  /** The base as written after FROM (after ARG expansion), e.g. `'node:20'`. */
  readonly from: string;
  readonly via: 'inherited' | 'shell' | 'onbuild';
  /** The value if that base set no ENTRYPOINT, CMD, SHELL or ONBUILD and had the OS taken for it (`null`: unset): Linux,
   * or Windows for a Windows image name (`windows-base-image`) or a Windows platform. */
  readonly assumed: readonly string[] | null;
}

/** The config fields of a stage that depend on an unknown base; a field not listed is known. */
export interface ConfigDependencies {
  readonly entrypoint?: BaseDependency;
  readonly cmd?: BaseDependency;
  /** The SHELL field itself (inherited); shell-form commands list their own dependency. */
  readonly shell?: BaseDependency;
  /** The image OS (`config.os`), when neither the base nor `options.os` gives it. */
  readonly os?: BaseDependency;
}

/** A base image of a built stage whose config was not given. */
export interface UnknownBase {
  /** The base as written after FROM (after ARG expansion). */
  readonly from: string;
  readonly reference: ImageReference;
  /** Index of the stage built on it. */
  readonly stage: number;
  /** Position of that FROM. */
  readonly line: number;
  readonly column: number;
}

/** Fields of `config` that are unknown are left out of it (`null` there always means unset). */
export function knownConfig(config: ImageConfig, deps: ConfigDependencies): ImageConfig {
  if (deps.entrypoint === undefined && deps.cmd === undefined && deps.shell === undefined && deps.os === undefined) return config;
  const out: { -readonly [K in keyof ImageConfig]: ImageConfig[K] } = { ...config };
  if (deps.entrypoint !== undefined) delete out.entrypoint;
  if (deps.cmd !== undefined) delete out.cmd;
  if (deps.shell !== undefined) delete out.shell;
  if (deps.os !== undefined) delete out.os;
  return out;
}

/** True when `docker run IMAGE` of the result does not depend on an unknown base: ENTRYPOINT and CMD are known. */
export function isComplete(deps: ConfigDependencies): boolean {
  return deps.entrypoint === undefined && deps.cmd === undefined;
}

const VIA_TEXT: Readonly<Record<BaseDependency['via'], string>> = {
  inherited: 'is inherited from it',
  shell: 'is shell form, run by its shell (its SHELL, or cmd /S /C for a Windows image)',
  onbuild: 'was reset by ENTRYPOINT unless an ONBUILD trigger of it sets a CMD',
};

/** `depends-on-unknown-base`: which of ENTRYPOINT and CMD depend on which unknown base, and how. */
export function dependencyDiagnostic(deps: ConfigDependencies, at: { line: number; column: number }): Diagnostic {
  const parts: string[] = [];
  let from = '';
  for (const [name, dep] of [
    ['ENTRYPOINT', deps.entrypoint],
    ['CMD', deps.cmd],
  ] as const) {
    if (dep === undefined) continue;
    from = dep.from;
    parts.push(`${name} ${VIA_TEXT[dep.via]}`);
  }
  return {
    code: 'depends-on-unknown-base',
    severity: 'warning',
    message: `What runs depends on ${from}, whose config was not given: ${parts.join('; ')}.`,
    line: at.line,
    column: at.column,
  };
}

/** `strict: true` and the answer depends on an unknown base. */
export function strictIssue(deps: ConfigDependencies, at: { line: number; column: number }): Issue {
  const from = (deps.entrypoint ?? deps.cmd)?.from ?? '';
  return { code: 'base-config-required', message: `the config of ${from} was not given, and ENTRYPOINT/CMD depend on it (strict)`, line: at.line, column: at.column };
}

/**
 * The builder's error for a FROM (after ARG expansion) that is not an image reference:
 * BuildKit `failed to parse stage name "<text>": <error>` (dockerfile2llb convert.go
 * `resolveBaseImage`, every stage with an image base), the classic builder the bare error (the
 * daemon's `GetImage`), buildah `creating build container: <error>` in containers/image wording.
 * Recorded with docker 20.10.24 (both builders) and podman 4.3.1.
 */
export function fromReferenceIssue(profile: EngineProfile, text: string, issue: Issue, at: { line: number; column: number }): Issue {
  let message = issue.message;
  // buildah: containers/image reference.Parse (upper case only where the lower-cased text would parse).
  const parsed = profile.referenceLowercaseError === 'bare' ? parseDistributionReference(text) : null;
  if (parsed !== null) message = parsed.ok ? 'repository name must be lowercase' : parsed.issue.message;
  else if (issue.code === 'image-reference-uppercase' && profile.referenceLowercaseError === 'plain') message = 'invalid reference format: repository name must be lowercase';
  message = builderMessage(profile, `failed to parse stage name ${goQuote(text)}: ${message}`, { classic: message, buildah: `creating build container: ${message}` });
  return { code: 'from-reference-invalid', message, line: at.line, column: at.column };
}
