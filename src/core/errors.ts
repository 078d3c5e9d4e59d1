import { expectType } from '../internal/text.js';
import type { Diagnostic, Failure, Issue, Issues } from './types.js';

/** The one error class the library throws, from its `…OrThrow` helpers only. */
export class CmdResolutionError extends Error {
  override readonly name = 'CmdResolutionError' as const;
  readonly issues: Issues;

  constructor(issues: Issues) {
    super(issues[0].message);
    this.issues = issues;
  }
}

/** True for a {@link CmdResolutionError}, also across copies of the package (checks `name`). */
export function isCmdResolutionError(error: unknown): error is CmdResolutionError {
  return error instanceof Error && error.name === 'CmdResolutionError' && Array.isArray((error as { issues?: unknown }).issues);
}

/** Returns the success value of a result, or throws a {@link CmdResolutionError} with its issues. */
export function unwrap<R extends { readonly ok: true } | { readonly ok: false; readonly issues: Issues }>(result: R): Extract<R, { readonly ok: true }> {
  expectType(result, 'object', 'result');
  if (result.ok) return result as Extract<R, { readonly ok: true }>;
  throw new CmdResolutionError((result as { readonly issues: Issues }).issues);
}

/** A failure result with one issue: the library's one failure shape ({@link Failure}). */
export function fail(issue: Issue, diagnostics: readonly Diagnostic[] = []): Failure {
  return { ok: false, issues: [issue], diagnostics };
}
