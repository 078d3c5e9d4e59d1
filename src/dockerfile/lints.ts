import type { Diagnostic } from '../core/types.js';
import { matchDirective } from './directive.js';

/**
 * BuildKit's build checks that bear on ENTRYPOINT/CMD (`MultipleInstructionsDisallowed`,
 * `JSONArgsRecommended`) and the `# check=skip=…` configuration that turns rules off. The
 * diagnostics carry the hadolint rule too: the advice holds whatever the engine.
 */

/** The rules a `check=` value skips. */
export interface LintConfig {
  readonly skipAll: boolean;
  readonly skip: ReadonlySet<string>;
}

/** No rule skipped. */
export const NO_LINT_CONFIG: LintConfig = { skipAll: false, skip: new Set() };

/** `skip=A,B;error=true` → the rules to skip (BuildKit linter.ParseLintOptions); null when invalid. */
export function parseCheck(value: string): LintConfig | null {
  const v = value.split(' ')[0]?.trim() ?? '';
  if (v === '') return NO_LINT_CONFIG;
  let skipAll = false;
  const skip = new Set<string>();
  for (const part of v.split(';').slice(0, 3)) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const k = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (k === 'skip') {
      if (val === 'all') skipAll = true;
      else for (const r of val.split(',')) skip.add(r.trim());
    } else if (k !== 'experimental' && k !== 'error') return null;
  }
  return { skipAll, skip };
}

/** The file's lint configuration: its last `# check=` parser directive (an invalid one skips nothing). */
export function directiveCheck(directives: readonly { readonly name: string; readonly value: string }[]): LintConfig {
  let config = NO_LINT_CONFIG;
  for (const d of directives) {
    if (d.name === 'check') config = parseCheck(d.value) ?? NO_LINT_CONFIG;
  }
  return config;
}

/** A `check=` directive inside the comments right before an instruction. */
export function commentCheck(comments: readonly string[]): LintConfig | null {
  for (const c of comments) {
    // The linter's DirectiveParser with an empty prefix; `c` is already TrimSpace'd, so the space rule is moot.
    const m = matchDirective(`#${c}`, true);
    if (m === null || m.key !== 'check') continue;
    return parseCheck(m.value);
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
