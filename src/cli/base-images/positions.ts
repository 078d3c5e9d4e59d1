/** Places the base-image lookups' findings at the FROM that names the image, as every other Dockerfile finding is placed. */
import type { EvaluateDockerfileResult } from '../../dockerfile/evaluate.js';
import { findingsOf, type Finding } from '../report.js';
import type { BaseResolution } from './resolve.js';

/**
 * The findings of each base's lookup (`catalog-inexact`, a registry or engine error…), at the line
 * and column of the first built stage `FROM` that names it as written; without a position when the
 * build failed or no built stage names it.
 */
export function baseFindingsAt(file: string, bases: readonly BaseResolution[], result: EvaluateDockerfileResult): Finding[] {
  return bases.flatMap((b) => {
    const stage = result.ok ? result.stages.find((s) => s.built && s.base.kind === 'image' && s.base.ref === b.reference) : undefined;
    const findings = findingsOf(file, b.diagnostics);
    return stage === undefined ? findings : findings.map((f) => (f.line === undefined ? { ...f, line: stage.line, column: stage.column } : f));
  });
}
