import type { DiagnosticCode } from './diagnostics.js';

/**
 * Public types of container-argv. Argv lists are `readonly string[]`; "unset"
 * (`undefined`/`null`) is kept apart from "empty" (`[]`) wherever an engine
 * tells them apart.
 */

/** Exec form: a JSON array of strings, run without a shell. */
export interface ExecCommand {
  readonly form: 'exec';
  readonly args: readonly string[];
}

/** Shell form: one string, wrapped in the current SHELL when dispatched. `''` means no text at all. */
export interface ShellCommand {
  readonly form: 'shell';
  readonly script: string;
}

/** A CMD, ENTRYPOINT or SHELL argument as written in a Dockerfile. */
export type Command = ExecCommand | ShellCommand;

/** Target operating system of an image. */
export type OperatingSystem = 'linux' | 'windows';

/** Container engine whose rules to reproduce. */
export type Engine = 'docker' | 'podman';

/** Docker image builder. Podman always builds with buildah. */
export type Builder = 'buildkit' | 'classic';

/** Which engine, release and builder to reproduce. Defaults: current Docker with BuildKit. */
export interface EngineOptions {
  /** `'docker'` (default) or `'podman'`. */
  readonly engine?: Engine;
  /** Engine release, e.g. `'20.10'`, `'27.3.1'` (Docker) or `'4.3'` (Podman). Default: current. */
  readonly engineVersion?: string;
  /** Docker builder: `'buildkit'` (default) or `'classic'` (the legacy builder). Ignored for Podman. */
  readonly builder?: Builder;
  /** Podman image format (`podman build --format`): `'oci'` (default; no Shell/OnBuild fields) or `'docker'`. Ignored for Docker. */
  readonly imageFormat?: 'oci' | 'docker';
}

/**
 * The parts of an image config that decide what runs (camelCase view of the
 * OCI/Docker `Config` object). `null` or absent means unset.
 */
export interface ImageConfig {
  readonly entrypoint?: readonly string[] | null;
  readonly cmd?: readonly string[] | null;
  readonly shell?: readonly string[] | null;
  readonly onBuild?: readonly string[] | null;
  readonly os?: OperatingSystem;
  /** Docker's Windows-only `ArgsEscaped` flag (metadata on Linux). */
  readonly argsEscaped?: boolean;
}

/** Severity of a diagnostic. */
export type Severity = 'error' | 'warning' | 'info';

/** Where something is, 1-based. `path` addresses a node in JSON/YAML input (`spec.containers[0].args[1]`). */
export interface Location {
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  /** File or document name, when the caller gave one. */
  readonly source?: string;
}

/** Something worth telling the user about a result that is still valid. */
export interface Diagnostic extends Location {
  /** Stable identifier, catalogued in `DIAGNOSTICS` and docs/diagnostics.md. */
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** One sentence. */
  readonly message: string;
  /** The BuildKit build check that reports this, present only when the selected engine runs that check itself. */
  readonly rule?: string;
  /** Equivalent hadolint rule, when one exists (hadolint checks the file whatever the engine). */
  readonly hadolint?: string;
}

/** Why no result could be produced. `message` uses the engine's wording where it has one. */
export interface Issue extends Location {
  /** Stable identifier, catalogued in `DIAGNOSTICS` and docs/diagnostics.md. */
  readonly code: DiagnosticCode;
  readonly message: string;
}

/** A non-empty list of issues. */
export type Issues = readonly [Issue, ...Issue[]];

/** The failure half of every result union. */
export interface Failure {
  readonly ok: false;
  readonly issues: Issues;
  readonly diagnostics: readonly Diagnostic[];
}
