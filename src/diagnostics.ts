import type { Severity } from './types.js';

/** What a diagnostic or issue code means, for docs, SARIF and editors. */
export interface DiagnosticInfo {
  /** Default severity; `'error'` for codes that are issues (no result). */
  readonly severity: Severity;
  /** Short title. */
  readonly title: string;
  /** Why it matters and how to fix it (one or two sentences). */
  readonly help: string;
  /** Equivalent BuildKit build check. */
  readonly rule?: string;
  /** Equivalent hadolint rule. */
  readonly hadolint?: string;
  /** Where the rule comes from (spec section or upstream source). */
  readonly source: string;
}

/**
 * Every issue and diagnostic code the library emits. Codes are stable: they
 * are never renamed or reused. docs/diagnostics.md is generated from this list.
 */
export const DIAGNOSTICS: Readonly<Record<string, DiagnosticInfo>> = {
  // ---- parseCommand / instruction arguments -------------------------------------------------
  'unknown-flag': {
    severity: 'error',
    title: 'Unknown builder flag',
    help: 'Words starting with -- right after CMD/ENTRYPOINT/SHELL are builder flags, and these instructions have none. Write `CMD -- --flag` or use exec form.',
    source: 'semantics.md R1.9 (buildkit instructions/bflag.go)',
  },
  'command-flag-hint': {
    severity: 'info',
    title: 'Builder flag where a command argument was meant',
    help: 'A lone `--` ends builder flags: `CMD -- --version` runs `--version` through the shell.',
    source: 'semantics.md R1.9, §9 row 15',
  },
  'builder-flag-dropped': {
    severity: 'warning',
    title: 'Builder flag silently dropped (Podman)',
    help: 'buildah ignores `--flag` words before CMD/ENTRYPOINT arguments; Docker fails the build. Remove the flag.',
    source: 'semantics.md §12 (podman 4.3 measured)',
  },
  'json-not-strings': {
    severity: 'error',
    title: 'JSON array with a non-string element',
    help: 'Exec form must be a JSON array of strings only: quote numbers, booleans and nested values.',
    source: 'semantics.md R1.10 step 4 (buildkit parser/line_parsers.go)',
  },
  'exec-form-fallback': {
    severity: 'warning',
    title: 'Looks like exec form but is shell form',
    help: 'The text starts with `[` but is not valid JSON (single quotes, unquoted $VAR, trailing comma or text, `\\w` escapes), so /bin/sh runs it verbatim. Use double quotes and valid JSON.',
    rule: 'JSONArgsRecommended',
    hadolint: 'DL3025',
    source: 'semantics.md R1.10 step 3, §9 row 3',
  },
  'json-trailing-text': {
    severity: 'warning',
    title: 'Text after the JSON array',
    help: 'Older engines (Docker < 27.1) ignore text after a valid JSON array; current BuildKit makes the whole text shell form. Remove the trailing text.',
    source: 'buildkit 80518e2 (dockerfile frontend 1.9)',
  },
  'shell-empty': {
    severity: 'error',
    title: 'SHELL without arguments',
    help: 'SHELL needs a non-empty JSON array such as `["/bin/bash", "-c"]`.',
    source: 'semantics.md R1.13',
  },
  'shell-not-json': {
    severity: 'error',
    title: 'SHELL not in JSON form',
    help: 'SHELL accepts exec form only: `SHELL ["/bin/bash", "-c"]`.',
    source: 'semantics.md R1.13',
  },
  // ---- build dispatch ----------------------------------------------------------------------
  'entrypoint-resets-cmd': {
    severity: 'warning',
    title: 'ENTRYPOINT reset the inherited CMD',
    help: 'Setting ENTRYPOINT clears a CMD inherited from the base image or parent stage unless CMD is also set in this stage. Declare CMD again in the same stage.',
    source: 'semantics.md R2.5, §9 row 8',
  },
  // ---- docker run --------------------------------------------------------------------------
  'no-command': {
    severity: 'error',
    title: 'Nothing to run',
    help: 'Neither the image nor the run options give an entrypoint or command; the engine refuses to create the container.',
    source: 'semantics.md R3.4 (moby daemon/create.go)',
  },
  'entrypoint-whitespace': {
    severity: 'warning',
    title: '--entrypoint with spaces',
    help: '--entrypoint is one executable path and is never split; put its arguments after the image name.',
    source: 'semantics.md R3.2, §9 row 5',
  },
  'entrypoint-drops-cmd': {
    severity: 'info',
    title: '--entrypoint drops the image CMD',
    help: 'Overriding the entrypoint also discards the image CMD; pass arguments after the image name.',
    source: 'semantics.md R3.3, §9 row 6',
  },
  'empty-entrypoint-drops-cmd': {
    severity: 'error',
    title: '--entrypoint "" without arguments',
    help: 'An empty --entrypoint clears the entrypoint and drops the image CMD, so nothing is left to run. Give the command after the image name.',
    source: 'semantics.md R3.4, §9 row 7',
  },
  'empty-argv': {
    severity: 'error',
    title: 'Empty command (Podman 5)',
    help: 'Podman 5 creates the container with an empty argv; it fails at start. Give an entrypoint or command.',
    source: 'semantics.md R7.2',
  },
  // ---- argv analysis -----------------------------------------------------------------------
  'shell-entrypoint-args': {
    severity: 'warning',
    title: 'Shell-form ENTRYPOINT receives CMD/args as $0, $1…',
    help: 'With a shell-form ENTRYPOINT the argv is `/bin/sh -c "<script>" <args…>`: the first extra word is $0 and the script ignores them unless it reads "$@". Use exec form and `exec "$@"`.',
    source: 'semantics.md R3.8, §9 row 1',
  },
  'sh-c-extra-args': {
    severity: 'warning',
    title: '`sh -c` followed by several words',
    help: '`sh -c` runs one script string; further words become $0, $1…. Put the whole command into one string.',
    source: 'semantics.md R3.8, §9 row 2 (moby/moby#21014)',
  },
  'shell-pid1': {
    severity: 'info',
    title: 'Shell is PID 1',
    help: 'In shell form /bin/sh is PID 1 and may not forward SIGTERM, so `docker stop` waits for the timeout. Use exec form, `exec` in the script, or --init.',
    rule: 'JSONArgsRecommended',
    source: 'semantics.md §9 row 4',
  },
};
