import { analyzeArgvInto } from '../core/argv-analysis.js';
import { fail } from '../core/errors.js';
import { engineProfile, type EngineProfile } from '../core/engine-profile.js';
import { expectStringArray, expectType } from '../internal/text.js';
import type { Diagnostic, EngineOptions, Failure, ImageConfig } from '../core/types.js';

/** What `docker run [--entrypoint=ENTRYPOINT] [--init] IMAGE [ARGS...]` overrides in the image config. */
export interface DockerRunOverrides {
  /** `--entrypoint`: one string, never split; `''` clears the entrypoint. Podman also accepts a JSON array of strings. */
  readonly entrypoint?: string;
  /** The words after the image name (the CMD part); they replace the image CMD. */
  readonly args?: readonly string[];
  /** `--init`: run the engine's init process, which then runs the argv. */
  readonly init?: boolean;
}

/** The container's own Entrypoint/Cmd as sent to the Engine API (what the CLI or Compose builds). */
export interface ContainerConfigRequest {
  /** `null`/absent: inherit the image's; `[]`: no entrypoint, keep the image CMD; `['']`: no entrypoint, drop the image CMD. */
  readonly entrypoint?: readonly string[] | null;
  /** `null`/absent or `[]`: use the image CMD. */
  readonly cmd?: readonly string[] | null;
}

/** Where a part of the argv came from. */
export type ArgvSource = 'image' | 'run' | 'none';

/**
 * What a container runs: `argv` is the process the engine starts (the init process first, with
 * `--init`); `inspectPath`/`inspectArgs` are what the engine's inspect shows as `.Path`/`.Args`
 * (Docker: the command without the init process; Podman: `argv`, with a one-word argv shown as
 * `Args: [Path]`).
 */
export interface DockerResolution {
  readonly ok: true;
  readonly argv: readonly string[];
  /** `docker inspect`'s `.Path`: the executable. */
  readonly inspectPath: string;
  /** `docker inspect`'s `.Args`: the words after `.Path` (Podman: see above); not the CMD part, which is `cmd`. */
  readonly inspectArgs: readonly string[];
  /** The effective entrypoint part of the argv (empty when none). */
  readonly entrypoint: readonly string[];
  /** The effective CMD part of the argv (empty when none). */
  readonly cmd: readonly string[];
  readonly sources: { readonly entrypoint: ArgvSource; readonly cmd: ArgvSource };
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link resolveDockerRun}. */
export type ResolveDockerRunResult = DockerResolution | Failure;

/** Result of {@link resolveContainerConfig}. */
export type ResolveContainerConfigResult = DockerResolution | Failure;

const EMPTY: readonly string[] = Object.freeze([]);
const NO_OPTIONS: EngineOptions = Object.freeze({});
const NO_RUN: DockerRunOverrides = Object.freeze({});

/** The nine `sources` objects by entrypoint and CMD source, shared and frozen (the hot path allocates none). */
const SOURCE_NAMES: readonly ArgvSource[] = ['image', 'run', 'none'];
const SOURCES = Object.fromEntries(
  SOURCE_NAMES.map((entrypoint) => [entrypoint, Object.fromEntries(SOURCE_NAMES.map((cmd) => [cmd, Object.freeze({ entrypoint, cmd })]))]),
) as Readonly<Record<ArgvSource, Readonly<Record<ArgvSource, DockerResolution['sources']>>>>;

/** `image.entrypoint`/`image.cmd` are arrays or unset (a string would be spread into characters). */
function expectImageLists(image: ImageConfig): void {
  if (image.entrypoint != null && !Array.isArray(image.entrypoint)) expectType(image.entrypoint, 'array', 'image.entrypoint');
  if (image.cmd != null && !Array.isArray(image.cmd)) expectType(image.cmd, 'array', 'image.cmd');
}

function hasWhitespace(s: string): boolean {
  return /\s/.test(s);
}

/**
 * Merges a container's Entrypoint/Cmd request with the image config the way
 * the Docker daemon does (moby `merge` + `mergeAndVerifyConfig`), then builds
 * the argv. Options select the engine (Podman's merge differs).
 */
export function resolveContainerConfig(
  image: ImageConfig,
  request: ContainerConfigRequest,
  options: EngineOptions & { readonly init?: boolean } = {},
): ResolveContainerConfigResult {
  expectType(image, 'object', 'image');
  expectImageLists(image);
  expectType(request, 'object', 'request');
  return mergeWith(image, request.entrypoint ?? null, request.cmd ?? null, engineProfile(options), options.init === true, []);
}

function mergeWith(
  image: ImageConfig,
  userEntrypoint: readonly string[] | null,
  userCmd: readonly string[] | null,
  profile: EngineProfile,
  init: boolean,
  diagnostics: Diagnostic[],
): ResolveDockerRunResult {
  const [entrypoint, cmd, entrypointSource, cmdSource] = (profile.merge === 'libpod' ? podmanMerge : dockerMerge)(image, userEntrypoint, userCmd);
  // An entrypoint of exactly [""] counts as none.
  const ep = entrypoint === null || (entrypoint.length === 1 && entrypoint[0] === '') ? EMPTY : entrypoint;
  const cm = cmd ?? EMPTY;
  if (ep.length === 0 && cm.length === 0) {
    if (profile.emptyCommandFailsAtStart) {
      diagnostics.push({
        code: 'empty-argv',
        severity: 'error',
        message: 'Podman 5 creates the container with an empty command; starting it fails because there is nothing to execute.',
      });
      return finish([''], [], [], SOURCES.none.none, init, profile, diagnostics);
    }
    return fail({ code: 'no-command', message: profile.noCommandMessage }, diagnostics);
  }
  // Spread, not concat: V8's concat takes a slow generic path (isConcatSpreadable checks).
  const argv = [...ep, ...cm];
  return finish(argv, ep, cm, SOURCES[ep.length === 0 ? 'none' : entrypointSource][cm.length === 0 ? 'none' : cmdSource], init, profile, diagnostics);
}

/** The Entrypoint and Cmd a merge picked, and where each came from. */
type Merged = readonly [entrypoint: readonly string[] | null, cmd: readonly string[] | null, entrypointSource: ArgvSource, cmdSource: ArgvSource];

/**
 * moby `merge`: with no user entrypoint (or an empty one) an unset/empty user Cmd takes the
 * image's; only an unset user entrypoint takes the image's.
 */
function dockerMerge(image: ImageConfig, userEntrypoint: readonly string[] | null, userCmd: readonly string[] | null): Merged {
  const imageCmd = (userEntrypoint === null || userEntrypoint.length === 0) && (userCmd === null || userCmd.length === 0);
  return [userEntrypoint ?? image.entrypoint ?? null, imageCmd ? (image.cmd ?? null) : userCmd, userEntrypoint === null ? 'image' : 'run', imageCmd ? 'image' : 'run'];
}

/**
 * podman makeCommand: a user entrypoint (even empty) replaces the image's; the image CMD only
 * applies when the user gave no command and no (non-empty) entrypoint.
 */
function podmanMerge(image: ImageConfig, userEntrypoint: readonly string[] | null, userCmd: readonly string[] | null): Merged {
  const own = userCmd !== null && userCmd.length > 0;
  const imageCmd = !own && (userEntrypoint === null || userEntrypoint.length === 0);
  const cmdSource = own ? 'run' : imageCmd ? 'image' : 'none';
  return [userEntrypoint ?? image.entrypoint ?? null, own ? userCmd : imageCmd ? (image.cmd ?? null) : null, userEntrypoint === null ? 'image' : 'run', cmdSource];
}

function finish(
  argv: readonly string[],
  entrypoint: readonly string[],
  cmd: readonly string[],
  sources: DockerResolution['sources'],
  init: boolean,
  profile: EngineProfile,
  diagnostics: Diagnostic[],
): DockerResolution {
  analyzeArgvInto(argv, entrypoint.length, init, diagnostics);
  const full = init ? [...profile.initArgv, ...argv] : argv;
  // Podman shows the OCI process.args (init included; one word → Args [Path]); Docker the command.
  const shown = profile.inspectPathArgs === 'process' ? full : argv;
  return {
    ok: true,
    argv: full,
    inspectPath: shown[0] as string,
    inspectArgs: profile.inspectPathArgs === 'process' && shown.length === 1 ? shown.slice() : shown.slice(1),
    entrypoint,
    cmd,
    sources,
    diagnostics,
  };
}

/** Parses Podman's `--entrypoint` value: a JSON array of strings, else one string. Internal (also used by src/convert/). */
export function podmanEntrypoint(value: string): readonly string[] {
  if (value.trimStart().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return parsed;
    } catch {
      // not JSON: one string
    }
  }
  return [value];
}

/**
 * Resolves what `docker run [--entrypoint=X] [--init] IMAGE [ARGS...]` executes
 * for an image: `--entrypoint` is one word and drops the image CMD;
 * `--entrypoint ''` clears the entrypoint and also drops the image CMD;
 * positional args replace CMD; nothing left → `no-command`.
 *
 * @param image - The image config (e.g. from `imageConfigFrom` or `evaluateDockerfile`).
 * @param run - The `docker run` overrides.
 * @param options - Engine (`'podman'` parses `--entrypoint` JSON) and release.
 * @example
 * resolveDockerRun({ entrypoint: ['/init'], cmd: ['serve'] }, { args: ['debug'] }).argv
 * // ['/init', 'debug']
 */
export function resolveDockerRun(image: ImageConfig, run: DockerRunOverrides = NO_RUN, options: EngineOptions = NO_OPTIONS): ResolveDockerRunResult {
  expectType(image, 'object', 'image');
  expectImageLists(image);
  expectType(run, 'object', 'run');
  if (run.entrypoint !== undefined) expectType(run.entrypoint, 'string', 'run.entrypoint');
  if (run.args !== undefined) expectStringArray(run.args, 'run.args');
  const profile = engineProfile(options);
  const diagnostics: Diagnostic[] = [];
  const args = run.args ?? EMPTY;
  let entrypoint: readonly string[] | null = null;
  if (run.entrypoint !== undefined) {
    entrypoint = profile.entrypointAcceptsJson ? podmanEntrypoint(run.entrypoint) : [run.entrypoint];
    // The path looked for is the one word (Podman: after JSON decoding, so `[ "/bin/x" ]` is `/bin/x`).
    const path = entrypoint.length === 1 ? (entrypoint[0] as string) : '';
    if (hasWhitespace(path) && path.trim() !== '') {
      diagnostics.push({
        code: 'entrypoint-whitespace',
        severity: 'warning',
        message: `--entrypoint is one executable path and is never split: the engine looks for a file named ${JSON.stringify(path)}; put its arguments after the image name.`,
      });
    }
    const imageCmd = image.cmd ?? [];
    // Docker drops the image CMD for any --entrypoint; Podman keeps it for an empty one (`[]`).
    if (args.length === 0 && imageCmd.length > 0 && (entrypoint.length > 0 || profile.merge === 'moby')) {
      const cleared = entrypoint.length === 1 && entrypoint[0] === '';
      diagnostics.push(
        cleared
          ? {
              code: 'empty-entrypoint-drops-cmd',
              severity: 'error',
              message: `--entrypoint "" clears the entrypoint and also drops the image CMD (${JSON.stringify(imageCmd)}); give the command after the image name.`,
            }
          : {
              code: 'entrypoint-drops-cmd',
              severity: 'info',
              message: `Overriding the entrypoint drops the image CMD (${JSON.stringify(imageCmd)}); pass arguments after the image name if the new entrypoint needs them.`,
            },
      );
    }
  }
  const cmd = args.length > 0 ? args : null;
  return mergeWith(image, entrypoint, cmd, profile, run.init === true, diagnostics);
}
