import { expectType } from '../internal/text.js';
import type { Builder, Engine, EngineOptions } from './types.js';

/**
 * The rules that differ between engines, builders and releases, resolved from
 * {@link EngineOptions}. Every field is a fact about one engine release; see
 * docs/semantics.md ("Version differences") for sources.
 */
export interface EngineProfile {
  readonly engine: Engine;
  /** `'buildah'` for Podman. */
  readonly builder: Builder | 'buildah';
  /** Release as [major, minor, patch]; `null` = current. */
  readonly version: readonly [number, number, number] | null;
  /** Minor version of the Dockerfile frontend 1.x whose parser rules apply (the engine's built-in one unless
   * `# syntax=` names another); `null` for buildah. */
  readonly frontend: number | null;
  /** Text after a valid JSON array: `'shell'` makes the whole text shell form (Dockerfile frontend ≥ 1.9); `'ignore'` drops it. */
  readonly trailingJsonText: 'shell' | 'ignore';
  /** Wording of the unknown builder flag error, or `'drop'` when flags are silently dropped (buildah). */
  readonly unknownFlag: 'dashes' | 'bare' | 'classic' | 'drop';
  /** The `# escape=` token escapes inside builder-flag words (frontend 1.15 / Docker 28.1); before, and in buildah, always a backslash. */
  readonly flagEscapeIsEscapeToken: boolean;
  /** SHELL applies to shell-form CMD/ENTRYPOINT (false for buildah). */
  readonly shellAppliesToCommands: boolean;
  /** Bare `CMD` stores `[shell…, ""]` (BuildKit) rather than `[shell…]`. */
  readonly bareCmdHasEmptyScript: boolean;
  /** Bare `ENTRYPOINT` stores `[shell…, ""]` (BuildKit) rather than clearing the entrypoint. */
  readonly bareEntrypointHasEmptyScript: boolean;
  /** `CMD []` counts as "CMD set in this stage" for the ENTRYPOINT reset rule. */
  readonly emptyCmdCountsAsSet: boolean;
  /** Empty lists are stored as absent (BuildKit's omitempty); the classic builder keeps `[]`. */
  readonly emptyListsStoredAsNull: boolean;
  /** The "nothing to run" error text. */
  readonly noCommandMessage: string;
  /** The daemon's refusal of a `--cpus` beyond the host's CPUs or below 0, N standing for the host's CPU count
   * (Docker); `null` for Podman. */
  readonly cpusRangeMessage: string | null;
  /** `--entrypoint` accepts a JSON array (Podman). */
  readonly entrypointAcceptsJson: boolean;
  /** The argv prefix `--init` adds. */
  readonly initArgv: readonly string[];
  /**
   * What inspect's `.Path`/`.Args` show. `'command'` (Docker): the container's command, without the
   * init process. `'process'` (Podman, libpod container_inspect.go): the OCI `process.args`, init
   * included; `Args` is `process.args[1:]`, except that a one-word argv shows `Args` = `[Path]`.
   */
  readonly inspectPathArgs: 'command' | 'process';
  /** With nothing to run, the container is still created with argv `[""]` and fails at start (Podman ≥ 5) instead of being refused. */
  readonly emptyCommandFailsAtStart: boolean;
  /** Heredoc bodies (`RUN <<EOF`) are collected for RUN/COPY/ADD (Dockerfile frontend 1.4 / Docker 23.0; buildah with podman 4.9). */
  readonly heredocs: boolean;
  /** `# check=` is a parser directive (frontend 1.8 / Docker 27.0); before, it ends directive scanning. */
  readonly checkDirective: boolean;
  /** Any Unicode space may follow the `#` of a directive (frontend 1.21 / Docker 29.2); before, Go regexp `\s`
   * (`[\t\n\f\r ]`). Buildah has its own matcher. */
  readonly directiveUnicodeSpace: boolean;
  /** BuildKit honours `# check=` in the comments right above an instruction (frontend 1.21 / Docker 29.2);
   * never the classic builder (no linter) or buildah. */
  readonly checkComments: boolean;
  /**
   * The builder itself runs BuildKit's build checks (`JSONArgsRecommended`, …) and honours
   * `# check=skip=…`: BuildKit with Dockerfile frontend 1.8 (Docker 27.0) and later; never the
   * classic builder or buildah.
   */
  readonly buildChecks: boolean;
  /** Unknown instruction wording: `'upper'` = `unknown instruction: FOO` (keyword upper-cased, frontend 1.2);
   * `'suggest'` = keyword as written plus ` (did you mean X?)` (frontend 1.3+ / Docker 23.0);
   * `'quoted'` = `Unknown instruction: "FOO"` (buildah/imagebuilder). */
  readonly unknownInstruction: 'upper' | 'suggest' | 'quoted';
  /** The image config keeps SHELL and ONBUILD (false for OCI images, which have no such fields). */
  readonly storesShellAndOnBuild: boolean;
  /** Entrypoint, Cmd and OnBuild are always written, `[]` when unset (buildah's docker-format configs). */
  readonly unsetListsStoredEmpty: boolean;
  /** A line ending in a doubled escape token (`\\\\`) still continues, one token kept (buildah/imagebuilder). */
  readonly doubledEscapeContinues: boolean;
  /** `FROM name` matches `AS Name` only with the same case (buildah); BuildKit lower-cases stage names. */
  readonly stageNamesCaseSensitive: boolean;
  /** Instructions before the first FROM (other than ARG) are silently ignored (buildah) instead of an error. */
  readonly ignoresInstructionsBeforeFrom: boolean;
  /** Instruction errors (unknown instruction, SHELL form) are raised when the instruction is dispatched, in
   * build order, not while the whole file is parsed (buildah); so they do not count in stages not built. */
  readonly instructionErrorsAtDispatch: boolean;
  /** Every stage up to the target is dispatched (classic builder), so errors in unused stages count. */
  readonly dispatchesUnusedStages: boolean;
  /** A target stage with nothing but FROM yields the base image unchanged (buildah: no commit, base config verbatim). */
  readonly emptyStageIsBase: boolean;
  /** How a FROM image reference with capitals is refused: `'named'` = `invalid reference format: repository name
   * (library/Node) must be lowercase` (distribution/reference v0.5.0, vendored from moby 25.0 and Dockerfile
   * frontend 1.7); `'plain'` = the same without the name (docker/distribution ≤ 2.8.2); `'bare'` = `repository name
   * must be lowercase` (buildah, containers/image). */
  readonly referenceLowercaseError: 'named' | 'plain' | 'bare';
}

/** Current Docker Engine release this library tracks as "current". */
export const CURRENT_DOCKER_VERSION = '29.7' as const;

/** Parses `'20.10'`, `'v27.3.1'`, `'28.0.0-rc.1'` into numbers; `null` for anything else. */
export function parseEngineVersion(text: string): readonly [number, number, number] | null {
  expectType(text, 'string', 'text');
  const m = /^v?(\d{1,4})(?:\.(\d{1,4}))?(?:\.(\d{1,4}))?(?:[-+][0-9A-Za-z.+-]*)?$/.exec(text.trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function atLeast(v: readonly [number, number, number] | null, major: number, minor: number, patch = 0): boolean {
  if (v === null) return true;
  if (v[0] !== major) return v[0] > major;
  if (v[1] !== minor) return v[1] > minor;
  return v[2] >= patch;
}

/**
 * Resolves engine options into the rules to apply. An unparsable
 * `engineVersion` is treated as current (callers validate it with
 * {@link parseEngineVersion} when they need to report it).
 */
export function engineProfile(options: EngineOptions = {}): EngineProfile {
  expectType(options, 'object', 'options');
  if (options.engine === undefined && options.engineVersion === undefined && options.builder === undefined && options.imageFormat === undefined) {
    return (defaultProfile ??= Object.freeze(computeProfile({})));
  }
  for (const field of ['engine', 'engineVersion', 'builder', 'imageFormat'] as const) {
    if (options[field] !== undefined) expectType(options[field], 'string', `options.${field}`);
  }
  const key = `${options.engine ?? ''}|${options.engineVersion ?? ''}|${options.builder ?? ''}|${options.imageFormat ?? ''}`;
  let profile = profileCache.get(key);
  if (profile === undefined) {
    profile = Object.freeze(computeProfile(options));
    if (profileCache.size < 256) profileCache.set(key, profile);
  }
  return profile;
}

let defaultProfile: EngineProfile | undefined;

/** Resolved profiles by options (profiles are frozen; the hot paths resolve them per call). */
const profileCache = new Map<string, EngineProfile>();

function computeProfile(options: EngineOptions): EngineProfile {
  const engine = options.engine ?? 'docker';
  const version = options.engineVersion === undefined ? null : parseEngineVersion(options.engineVersion);
  if (engine === 'podman') {
    const docker = options.imageFormat === 'docker';
    return {
      engine,
      builder: 'buildah',
      version,
      frontend: null,
      trailingJsonText: 'ignore',
      unknownFlag: 'drop',
      // imagebuilder's extractBuilderFlags hard-codes the backslash.
      flagEscapeIsEscapeToken: false,
      shellAppliesToCommands: false,
      bareCmdHasEmptyScript: false,
      bareEntrypointHasEmptyScript: false,
      emptyCmdCountsAsSet: false,
      // OCI configs omit empty lists; buildah's docker-format configs keep them as [].
      emptyListsStoredAsNull: !docker,
      noCommandMessage: 'no command or entrypoint provided, and no CMD or ENTRYPOINT from image',
      cpusRangeMessage: null,
      entrypointAcceptsJson: true,
      // catatonit at /run/podman-init since Podman 4.2 (/dev/init before).
      initArgv: atLeast(version, 4, 2) ? ['/run/podman-init', '--'] : ['/dev/init', '--'],
      // podman 5cc83da1 (v5.0.0): makeCommand no longer errors on an empty command.
      emptyCommandFailsAtStart: atLeast(version, 5, 0),
      inspectPathArgs: 'process',
      // imagebuilder b0d49c4 (v1.2.6) first ships in podman 4.9.
      heredocs: atLeast(version, 4, 9),
      checkDirective: false,
      directiveUnicodeSpace: false,
      checkComments: false,
      buildChecks: false,
      unknownInstruction: 'quoted',
      storesShellAndOnBuild: docker,
      unsetListsStoredEmpty: docker,
      doubledEscapeContinues: true,
      stageNamesCaseSensitive: true,
      ignoresInstructionsBeforeFrom: true,
      instructionErrorsAtDispatch: true,
      dispatchesUnusedStages: false,
      emptyStageIsBase: true,
      referenceLowercaseError: 'bare',
    };
  }
  const builder = options.builder ?? 'buildkit';
  const buildkit = builder === 'buildkit';
  const rules = frontendRules(builtinFrontend(version));
  return {
    engine,
    builder,
    version,
    // The classic builder uses the same vendored parser as the built-in frontend.
    ...rules,
    checkComments: buildkit && rules.checkComments,
    shellAppliesToCommands: true,
    bareCmdHasEmptyScript: buildkit,
    bareEntrypointHasEmptyScript: buildkit,
    emptyCmdCountsAsSet: buildkit,
    emptyListsStoredAsNull: buildkit,
    noCommandMessage: atLeast(version, 25, 0) ? 'no command specified' : 'No command specified',
    // moby 9b974d599a (v27.5.0; ddd885a961 on master) lower-cased it.
    cpusRangeMessage: `${atLeast(version, 27, 5) ? 'r' : 'R'}ange of CPUs is from 0.01 to N.00, as there are only N CPUs available`,
    entrypointAcceptsJson: false,
    initArgv: ['/sbin/docker-init', '--'],
    emptyCommandFailsAtStart: false,
    inspectPathArgs: 'command',
    // Build checks run in BuildKit's frontend from 1.8 (Docker 27.0); never in the classic builder.
    buildChecks: buildkit && builtinFrontend(version) >= 8,
    storesShellAndOnBuild: true,
    unsetListsStoredEmpty: false,
    doubledEscapeContinues: false,
    stageNamesCaseSensitive: false,
    ignoresInstructionsBeforeFrom: false,
    instructionErrorsAtDispatch: false,
    dispatchesUnusedStages: !buildkit,
    emptyStageIsBase: false,
    // moby v25.0.0 vendor.mod: distribution/reference v0.5.0 (docker/distribution v2.8.3 forwards to it).
    referenceLowercaseError: atLeast(version, 25, 0) ? 'named' : 'plain',
  };
}

/**
 * Docker release → the Dockerfile frontend 1.x minor it embeds, from the first release with it
 * (docs/research/engine-versions.md §1). Releases before 23.0 embed 1.2.
 */
const BUILTIN_FRONTEND: readonly (readonly [number, number, number])[] = [
  [23, 0, 4],
  [24, 0, 5],
  [25, 0, 6],
  [26, 0, 7],
  [27, 0, 8],
  [27, 1, 9],
  [27, 3, 10],
  [27, 4, 11],
  [27, 5, 12],
  [28, 0, 14],
  [28, 1, 15],
  [28, 2, 16],
  [28, 3, 17],
  [28, 4, 18],
  [28, 5, 19],
  [29, 1, 20],
  [29, 2, 21],
  [29, 3, 22],
  [29, 4, 23],
  [29, 5, 24],
  [29, 6, 25],
  [29, 7, 26],
];

/** Minor of the Dockerfile frontend 1.x built into a Docker release (`null` = current). */
export function builtinFrontend(version: readonly [number, number, number] | null): number {
  let minor = 2;
  for (const [major, m, fe] of BUILTIN_FRONTEND) if (atLeast(version, major, m)) minor = fe;
  return minor;
}

/**
 * The rules a Dockerfile frontend decides, by its 1.x minor version (`labs`: the `-labs` channel).
 * The one place that maps frontend versions to rules; commits in docs/research/engine-versions.md §2.
 */
function frontendRules(minor: number, labs = false) {
  return {
    frontend: minor,
    // 1.9: json.Unmarshal instead of a streaming decoder.
    trailingJsonText: minor >= 9 ? 'shell' : 'ignore',
    // `Unknown flag: x` (≤ 1.2), `unknown flag: x` (1.3), `unknown flag: --x` (1.11).
    unknownFlag: minor >= 11 ? 'dashes' : minor >= 3 ? 'bare' : 'classic',
    // 1.15 (buildkit 877d8a771): extractBuilderFlags uses the directive's escape token.
    flagEscapeIsEscapeToken: minor >= 15,
    // 1.4; 1.3-labs builds with the dfheredoc tag.
    heredocs: minor >= 4 || (labs && minor === 3),
    checkDirective: minor >= 8,
    // 1.21 (buildkit a248d48d0): CutPrefix("#") + TrimLeftFunc(unicode.IsSpace); linter WithMergedConfigFromComments.
    directiveUnicodeSpace: minor >= 21,
    checkComments: minor >= 21,
    // Did-you-mean suggestions from 1.3.
    unknownInstruction: minor >= 3 ? 'suggest' : 'upper',
  } as const;
}

/**
 * `profile` with the rules of Dockerfile frontend 1.`minor` (a `# syntax=` image under BuildKit). Its build
 * checks reach the client only through the gateway `Warn` API (buildkit 6cad384e9, v0.10.0 / Docker 23.0).
 */
export function withFrontend(profile: EngineProfile, minor: number, labs: boolean): EngineProfile {
  let byFrontend = frontendProfiles.get(profile);
  if (byFrontend === undefined) frontendProfiles.set(profile, (byFrontend = new Map<number, EngineProfile>()));
  const key = labs ? -minor - 1 : minor;
  let derived = byFrontend.get(key);
  if (derived === undefined) {
    derived = Object.freeze({
      ...profile,
      ...frontendRules(minor, labs),
      buildChecks: minor >= 8 && atLeast(profile.version, 23, 0),
      // The frontend image's own go.mod: distribution/reference v0.5.0 from dockerfile/1.7.0 (1.6.0: docker/distribution v2.8.2).
      referenceLowercaseError: minor >= 7 ? 'named' : 'plain',
    } as const);
    // A bounded cache: `minor` comes from the file's own `# syntax=` line.
    if (byFrontend.size < 64) byFrontend.set(key, derived);
  }
  return derived;
}

/** Profiles derived by {@link withFrontend}, per base profile (which engineProfile caches and freezes). */
const frontendProfiles = new WeakMap<EngineProfile, Map<number, EngineProfile>>();
