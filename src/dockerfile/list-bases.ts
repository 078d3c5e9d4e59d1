import type { ImageReference } from '../core/image-reference.js';
import type { Diagnostic, Failure } from '../core/types.js';
import type { DiagnosticCode } from '../core/diagnostics.js';
import { evaluateDockerfile, type EvaluateDockerfileOptions } from './evaluate.js';
import { expectType } from '../internal/text.js';

/** An external base image whose config an evaluation reads. */
export interface DockerfileBaseReference {
  /** The base as written after FROM, after ARG expansion (`'node:20'`). */
  readonly text: string;
  readonly reference: ImageReference;
  /** Index of the stage built on it, and its name (`FROM … AS name`, lower-cased) or null. */
  readonly stage: number;
  readonly stageName: string | null;
  /** Position of that FROM. */
  readonly line: number;
  readonly column: number;
  /** `FROM --platform=…` as written (not expanded). */
  readonly platform?: string;
}

/** Result of {@link listDockerfileBases}. */
export type ListDockerfileBasesResult = { readonly ok: true; readonly references: readonly DockerfileBaseReference[]; readonly diagnostics: readonly Diagnostic[] } | Failure;

/** Options of {@link listDockerfileBases}: those of {@link evaluateDockerfile} that decide which bases are read. */
export type ListDockerfileBasesOptions = Omit<EvaluateDockerfileOptions, 'baseImages' | 'strict' | 'unknownBaseImage'>;

/** Diagnostics about configs not given yet: the point of the listing. */
const ABOUT_MISSING: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['base-image-config-missing', 'depends-on-unknown-base']);

/**
 * Lists the external base images whose configs {@link evaluateDockerfile} reads for the target,
 * after ARG expansion (`buildArgs`) and target selection: one entry per built stage on an image
 * (not `scratch`, not an earlier stage), in file order. Fetch those configs, then evaluate with
 * `baseImages`; a base's ONBUILD triggers cannot name other images, so one round is enough.
 * Fails as the evaluation fails (an invalid FROM reference, a parse error…).
 *
 * @param text - Dockerfile text.
 * @param options - Target, build args, engine and OS, as for the evaluation.
 * @returns The references, or the evaluation's issues.
 * @example
 * listDockerfileBases('ARG V=20\nFROM node:${V} AS build\nFROM gcr.io/distroless/nodejs20-debian12\n').references.map((r) => r.text)
 * // → ['gcr.io/distroless/nodejs20-debian12']
 */
export function listDockerfileBases(text: string, options: ListDockerfileBasesOptions = {}): ListDockerfileBasesResult {
  expectType(text, 'string', 'text');
  expectType(options, 'object', 'options');
  const { baseImages: _b, strict: _s, unknownBaseImage: _u, ...rest } = options as EvaluateDockerfileOptions;
  const result = evaluateDockerfile(text, rest);
  if (!result.ok) return result;
  const references: DockerfileBaseReference[] = [];
  for (const st of result.stages) {
    if (!st.built || st.base.kind !== 'image' || st.base.reference === undefined) continue;
    const entry = { text: st.base.ref, reference: st.base.reference, stage: st.index, stageName: st.name, line: st.line, column: st.column };
    references.push(st.platform === undefined ? entry : { ...entry, platform: st.platform });
  }
  return { ok: true, references, diagnostics: result.diagnostics.filter((d) => !ABOUT_MISSING.has(d.code)) };
}
