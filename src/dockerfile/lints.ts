import type { Diagnostic } from '../core/types.js';
import { matchDirective } from './directive.js';
import { goQuote, goTrimSpace } from '../internal/text.js';
import { goParseBool, goParseBoolError } from '../internal/go-bool.js';

/**
 * BuildKit's build checks that bear on ENTRYPOINT/CMD (`MultipleInstructionsDisallowed`,
 * `JSONArgsRecommended`) and the `# check=skip=…` configuration that turns rules off. The
 * diagnostics carry the hadolint rule too: the advice holds whatever the engine.
 */

/** The rules a `check=` value skips, and whether a check violation fails the build (`error=true`). */
export interface LintConfig {
  readonly skipAll: boolean;
  readonly skip: ReadonlySet<string>;
  readonly error?: boolean;
}

/** No rule skipped, violations only warn. */
export const NO_LINT_CONFIG: LintConfig = { skipAll: false, skip: new Set() };

/**
 * `skip=A,B;error=true` → the configuration, or BuildKit's error text (ParseLintOptions: linter.go from
 * dockerfile/1.9.0, dockerfile2llb convert.go parseLintOptions at 1.8.0). `parts`: Go's `SplitN(v, ";", n)`,
 * 2 before frontend 1.10 (which added `experimental=`), 3 since. A later `skip=` replaces an earlier one.
 */
export function parseCheck(value: string, parts = 3): LintConfig | string {
  const v = goTrimSpace(value);
  let skipAll = false;
  let error = false;
  let skip = new Set<string>();
  const split = v.split(';');
  // Go's SplitN: the last part keeps the rest of the string.
  if (split.length > parts) split.push(split.splice(parts - 1).join(';'));
  if (v !== '')
    for (const p of split) {
      const eq = p.indexOf('=');
      if (eq < 0) return `invalid check option ${goQuote(p)}`;
      const k = goTrimSpace(p.slice(0, eq));
      const val = goTrimSpace(p.slice(eq + 1));
      if (k === 'skip') {
        skipAll ||= val === 'all';
        if (val !== 'all') skip = new Set(val.split(',').map(goTrimSpace));
      } else if (k === 'error') {
        const b = goParseBool(val);
        if (b === undefined) return `failed to parse check option ${goQuote(p)}: ${goParseBoolError(val)}`;
        error = b;
      } else if (k !== 'experimental' || parts < 3) return `invalid check option ${goQuote(k)}`;
    }
  return { skipAll, skip, error };
}

/**
 * `# check=error=true`: the build fails once the target is dispatched if a check ran and reported
 * (Linter.Error, from dockerfile2llb's result finalization: convert.go at dockerfile/1.8.0,
 * finalizeResultImage at 1.26.0). The rules are sorted here; Go lists them in map order.
 */
export function checkViolation(global: LintConfig, diagnostics: readonly Diagnostic[]): string | null {
  const rules = new Set<string>();
  if (global.error) for (const d of diagnostics) if (d.rule !== undefined && !isSkipped(d.rule, global, null)) rules.add(d.rule);
  return rules.size === 0 ? null : `lint violation found for rules: ${[...rules].sort().join(', ')}`;
}

/** A `check=` directive inside the comments right before an instruction. */
export function commentCheck(comments: readonly string[]): LintConfig | null {
  for (const c of comments) {
    // The linter's DirectiveParser with an empty prefix; `c` is already TrimSpace'd, so the space rule is moot.
    const m = matchDirective(`#${c}`, true);
    if (m === null || m.key !== 'check') continue;
    // An invalid value is ignored (WithMergedConfigFromComments); only the skips merge, never `error`.
    const config = parseCheck(m.value.split(' ')[0] as string);
    return typeof config === 'string' ? null : config;
  }
  return null;
}

/** True when the file's configuration or the instruction's comment skips `rule`. */
export function isSkipped(rule: string, global: LintConfig, local: LintConfig | null): boolean {
  if (global.skipAll || global.skip.has(rule)) return true;
  if (local !== null && (local.skipAll || local.skip.has(rule))) return true;
  return false;
}

/** `MultipleInstructionsDisallowed`: an earlier CMD, ENTRYPOINT or HEALTHCHECK of the stage (at `prev`) is overridden. */
export function multipleInstructionsLint(keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', prev: { readonly line: number; readonly column: number }): Diagnostic {
  return {
    code: 'multiple-instructions',
    severity: 'warning',
    message: `Multiple ${keyword} instructions should not be used in the same stage because only the last one will be used`,
    hadolint: keyword === 'CMD' ? 'DL4003' : keyword === 'ENTRYPOINT' ? 'DL4004' : 'DL3012',
    line: prev.line,
    column: prev.column,
  };
}

/** `JSONArgsRecommended`: a shell-form CMD or ENTRYPOINT (at `pos`) where no SHELL is set. */
export function jsonArgsLint(keyword: 'CMD' | 'ENTRYPOINT', pos: { readonly line: number; readonly column: number }): Diagnostic {
  return {
    code: 'json-args-recommended',
    severity: 'info',
    message: `JSON arguments recommended for ${keyword} to prevent unintended behavior related to OS signals`,
    hadolint: 'DL3025',
    line: pos.line,
    column: pos.column,
  };
}
