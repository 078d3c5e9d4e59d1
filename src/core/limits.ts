import type { Issue } from './types.js';
import { typeName } from '../internal/text.js';

/**
 * Safety caps for untrusted text (issue #7). Every parser is a linear pass, so the caps are not
 * there to avoid hangs but to bound memory and output size when a tool runs over every file of a
 * repository or a docs site parses user input in the browser. Hitting a cap is never a throw: the
 * call fails with an `input-too-large` issue that names the cap (`limit: 'maxStages'`).
 *
 * Defaults are generous: every file of the real-world corpus (850 Dockerfiles, the largest
 * 145 KB) is far below them. BuildKit's own limit of 65,535 bytes per physical Dockerfile line
 * is engine behaviour, not a cap here (`line-too-long`, `MAX_DOCKERFILE_LINE_BYTES`).
 */
export interface Limits {
  /** UTF-16 code units of one input text (Dockerfile, YAML, JSON, compose or run command line). Default 16 Mi. */
  readonly maxInputLength: number;
  /** Dockerfile instructions (logical lines). Default 100,000. */
  readonly maxInstructions: number;
  /** Dockerfile build stages (FROM instructions). Default 10,000. */
  readonly maxStages: number;
  /** UTF-16 code units of one logical Dockerfile instruction (continuations joined, heredoc bodies excluded). Default 4 Mi. */
  readonly maxInstructionLength: number;
  /** Documents in one YAML text. Default 2,000. */
  readonly maxYamlDocuments: number;
  /** Alias expansions per YAML document (billion laughs). Default 100. */
  readonly maxYamlAliases: number;
  /** Nesting of YAML/JSON collections (indentation levels plus open `[`/`{`). Default 500. */
  readonly maxNestingDepth: number;
}

/** The default caps. */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxInputLength: 16 * 1024 * 1024,
  maxInstructions: 100_000,
  maxStages: 10_000,
  maxInstructionLength: 4 * 1024 * 1024,
  maxYamlDocuments: 2_000,
  maxYamlAliases: 100,
  maxNestingDepth: 500,
});

/** Options field accepted by every function that reads untrusted text. */
export interface LimitsOption {
  /** Overrides some or all of {@link DEFAULT_LIMITS}. */
  readonly limits?: Partial<Limits>;
}

/** The caps in force for `options.limits` (a TypeError names a bad field). */
export function resolveLimits(limits: Partial<Limits> | undefined): Limits {
  if (limits === undefined) return DEFAULT_LIMITS;
  if (typeof limits !== 'object' || limits === null || Array.isArray(limits)) {
    throw new TypeError(`options.limits must be an object, got ${typeName(limits)}`);
  }
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS)) {
    if (!Object.hasOwn(limits, key)) continue;
    const v = (limits as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || Number.isNaN(v) || v < 0) {
      throw new TypeError(`options.limits.${key} must be a non-negative number, got ${v === null ? 'null' : typeof v}`);
    }
    out[key] = v;
  }
  return out as unknown as Limits;
}

/** The issue for a hit cap. */
export function limitIssue(limit: keyof Limits, what: string, value: number, max: number, where: Partial<Issue> = {}): Issue & { readonly limit: keyof Limits } {
  return {
    code: 'input-too-large',
    message: `${what} is ${value.toLocaleString('en-US')}; the limit is ${max.toLocaleString('en-US')} (options.limits.${limit})`,
    limit,
    ...where,
  };
}
