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
  readonly version: Version | null;
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
  /** Stage names as imagebuilder keeps them (buildah): as written, any text (no name check), `FROM name` matches
   * `AS Name` only with the same case, and `--target` picks the first stage of that name (an unnamed stage is named
   * by its index; builder.go `ThroughTarget`). BuildKit lower-cases stage names and checks them. */
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
  /** Which comment lines are parser directives: `'buildkit'` (escape, syntax, check) or `'imagebuilder'`
   * (buildah: `escape` only, its own pattern). */
  readonly directives: 'buildkit' | 'imagebuilder';
  /** A `# syntax=` line or the `BUILDKIT_SYNTAX` build-arg forwards the build to another frontend (BuildKit only). */
  readonly syntaxDirective: boolean;
  /** `BUILDKIT_SYNTAX=dockerfile.v0` names the built-in frontend (built-in frontend 1.24 / Docker 29.5, buildkit
   * 3f3c95735) instead of an image to pull. */
  readonly syntaxV0Builtin: boolean;
  /** The frontend's `# syntax=` detection (DetectSyntax) reads only known directives, the first of each
   * wins, and a `#!` first line is skipped (frontend 1.5); before, any `# key=value` line continues the scan. */
  readonly syntaxKnownKeys: boolean;
  /** DetectSyntax skips a leading byte order mark (frontend 1.13). */
  readonly syntaxSkipsBom: boolean;
  /** How CMD and ENTRYPOINT set ArgsEscaped: `'cmd'` = every CMD sets it (BuildKit); `'joined'` = shell form on
   * Windows is stored as one string (`cmd /S /C script`) and both set ArgsEscaped to whether it was (classic
   * builder); `'kept'` = never changed (buildah). */
  readonly argsEscaped: 'cmd' | 'joined' | 'kept';
  /** How the container's Entrypoint/Cmd merge with the image's: `'moby'` (the Docker daemon) or `'libpod'`
   * (Podman's makeCommand: a user entrypoint replaces the image's even when empty, the image CMD applies only
   * without a command and without a non-empty entrypoint). */
  readonly merge: 'moby' | 'libpod';
  /** Grammar of the shell lexer expanding FROM and meta ARGs, as the Dockerfile frontend 1.x minor that has it (see `expandWord`);
   * 0: imagebuilder's own (buildah). */
  readonly lexer: number;
  /** What `ARG NAME` without a value (and no build-arg) does to a meta ARG: `'empty'` sets it to the empty string
   * (frontend ≤ 1.10, metaArgsToMap's ValueString, automatic platform ARGs too), `'keep'` keeps an earlier
   * value or leaves it unset (1.11, buildkit b9a4a6eed; buildah, imagebuilder `arg`: live seed 777001), `'unset'` unsets it (classic builder). Buildah gives a bare
   * meta ARG of a builtin platform name its builtin value (`platformArgsGlobal` false). Recorded with docker 20.10.24
   * and podman 4.3.1 (test/fixtures/engine/*platform-args.json). */
  readonly metaArgNoValue: 'empty' | 'keep' | 'unset';
  /** An expansion error in a meta ARG's value fails the build (frontend 1.8); before, the value is empty. */
  readonly metaArgErrors: boolean;
  /** Whose argument checks apply: `'buildkit'` = BuildKit's instruction parser (`instructions/parse.go`: counts, names,
   * flags of every instruction) and its dispatch checks (EXPOSE ports, STOPSIGNAL, empty VOLUME); `'imagebuilder'` =
   * imagebuilder's dispatchers (buildah: counts, ADD/COPY/HEALTHCHECK flags, STOPSIGNAL, empty VOLUME; no port check). */
  readonly checksArguments: 'buildkit' | 'imagebuilder';
  /** The daemon refuses a step's config when it commits it (classic builder): a WORKDIR that is empty after quote
   * removal (`cannot normalize nothing`), an ENV name that is (`invalid environment variable: =value`). */
  readonly daemonConfigChecks: boolean;
  /** How a FROM word is matched against stage names: `'exact'` as expanded (BuildKit keeps a lower-cased name map, so
   * `FROM Build` is an image reference; buildah keeps names as written), `'lower'` lower-cased (classic builder). */
  readonly stageReference: 'exact' | 'lower';
  /** A repeated stage name: `'last'` the later stage takes the name (BuildKit, buildah), `'error'` the first keeps it and
   * committing the later one fails with `NAME stage name already used` (classic builder). */
  readonly duplicateStage: 'last' | 'error';
  /** Every stage's FROM reference is parsed before any stage is dispatched, built or not (BuildKit, convert.go
   * `resolveReachableStages`); the classic builder and buildah parse it when they dispatch the stage. */
  readonly checksAllBaseReferences: boolean;
  /** How many of the automatic platform ARGs the builder knows, in the order of `PLATFORM_ARG_NAMES`
   * (src/dockerfile/platform.ts): 8 (`TARGETPLATFORM` … `BUILDVARIANT`; frontend ≤ 1.10, buildah), 9 (+ `TARGETSTAGE`,
   * frontend 1.11, buildkit 6a31a78b4), 11 (+ `TARGETOSVERSION`, `BUILDOSVERSION`, 1.13, 94ddeb7db), 0 (the classic
   * builder). Sources: buildkit dockerfile2llb platform.go `defaultArgs`, imagebuilder dispatchers.go `builtinBuildArgs`;
   * recorded with docker 20.10.24 and podman 4.3.1. A stage sees one after `ARG NAME`. */
  readonly platformArgs: number;
  /** The automatic platform ARGs are defined in the global scope, for FROM and meta ARG defaults, and `--build-arg`
   * replaces them even when not declared (BuildKit); buildah defines one there only after a meta `ARG NAME` and applies
   * build args in FROM to declared meta ARGs only (recorded with podman 4.3.1; imagebuilder dispatchers.go `from`).
   * (From frontend 1.13 `TARGETPLATFORM` is containerd's `FormatAll`, which differs only for an `os(osversion)` platform,
   * not read here: the OS-version ARGs are always empty.) */
  readonly platformArgsGlobal: boolean;
  /** `FROM --platform` errors quote the flag as written and an empty value has its own message (frontend 1.8,
   * buildkit 05782a788); `'expanded'`: the expanded value is quoted (before, and the classic builder); `'ignored'`:
   * an empty value is no platform (buildah, recorded with podman 4.3.1). */
  readonly platformErrors: 'expression' | 'expanded' | 'ignored';
}

/** Current Docker Engine release this library tracks as "current". */
export const CURRENT_DOCKER_VERSION = '29.7' as const;

/**
 * Why engine options name no real setup, or null: Podman has no `builder` choice (it always builds
 * with buildah; `builder` is a Docker option).
 */
export function engineOptionsProblem(options: EngineOptions): string | null {
  if (options.engine === 'podman' && options.builder !== undefined) return `builder ${JSON.stringify(options.builder)} is a Docker builder; Podman always builds with buildah`;
  return null;
}

/**
 * The Docker release whose rules apply when `engineVersion` is later than {@link CURRENT_DOCKER_VERSION}
 * (the newest release modelled: a later one is taken to behave as it does), or null.
 */
export function newestModelledFor(options: EngineOptions): string | null {
  if ((options.engine ?? 'docker') !== 'docker' || options.engineVersion === undefined) return null;
  const v = parseEngineVersion(options.engineVersion);
  const [major, minor] = CURRENT_DOCKER_VERSION.split('.').map(Number) as [number, number];
  return v !== null && versionAtLeast(v, major, minor + 1) ? CURRENT_DOCKER_VERSION : null;
}

/** A release as [major, minor, patch]. */
export type Version = readonly [number, number, number];

/** Parses `'20.10'`, `'v27.3.1'`, `'28.0.0-rc.1'` into numbers; `null` for anything else. */
export function parseEngineVersion(text: string): Version | null {
  const m = /^v?(\d{1,4})(?:\.(\d{1,4}))?(?:\.(\d{1,4}))?(?:[-+][0-9A-Za-z.+-]*)?$/.exec(text.trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/**
 * The one version comparator (engine, CLI, daemon API and kubelet releases): true when `version`
 * is `major.minor.patch` or later. `null` stands for the current release, which is later than any.
 */
export function versionAtLeast(version: Version | null, major: number, minor: number, patch = 0): boolean {
  if (version === null) return true;
  if (version[0] !== major) return version[0] > major;
  if (version[1] !== minor) return version[1] > minor;
  return version[2] >= patch;
}

/** {@link versionAtLeast} with the minimum as text (a flag table's `since`, `'1.43'`); text that does not parse counts as met. */
export function versionAtLeastText(version: Version | null, min: string): boolean {
  const m = parseEngineVersion(min);
  return m === null || versionAtLeast(version, m[0], m[1], m[2]);
}

/** `template` with its `%s` replaced by `value` (profile messages that quote the input). */
export function fillMessage(template: string, value: string): string {
  return template.replace('%s', () => value);
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
      initArgv: versionAtLeast(version, 4, 2) ? ['/run/podman-init', '--'] : ['/dev/init', '--'],
      // podman 5cc83da1 (v5.0.0): makeCommand no longer errors on an empty command.
      emptyCommandFailsAtStart: versionAtLeast(version, 5, 0),
      inspectPathArgs: 'process',
      // imagebuilder b0d49c4 (v1.2.6) first ships in podman 4.9.
      heredocs: versionAtLeast(version, 4, 9),
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
      directives: 'imagebuilder',
      syntaxDirective: false,
      syntaxV0Builtin: false,
      syntaxKnownKeys: false,
      syntaxSkipsBom: false,
      argsEscaped: 'kept',
      merge: 'libpod',
      checksAllBaseReferences: false,
      checksArguments: 'imagebuilder',
      daemonConfigChecks: false,
      stageReference: 'exact',
      duplicateStage: 'last',
      // imagebuilder's own lexer (shell_parser.go); a heading ARG's expansion error fails the build (NewStages).
      lexer: 0,
      // imagebuilder `arg`: a bare ARG keeps an earlier default (unset and empty expand alike in its lexer).
      metaArgNoValue: 'keep',
      metaArgErrors: true,
      platformArgs: 8,
      platformArgsGlobal: false,
      platformErrors: 'ignored',
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
    noCommandMessage: versionAtLeast(version, 25, 0) ? 'no command specified' : 'No command specified',
    // moby 9b974d599a (v27.5.0; ddd885a961 on master) lower-cased it.
    cpusRangeMessage: `${versionAtLeast(version, 27, 5) ? 'r' : 'R'}ange of CPUs is from 0.01 to N.00, as there are only N CPUs available`,
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
    referenceLowercaseError: versionAtLeast(version, 25, 0) ? 'named' : 'plain',
    directives: 'buildkit',
    syntaxDirective: buildkit,
    syntaxV0Builtin: buildkit && builtinFrontend(version) >= 24,
    argsEscaped: buildkit ? 'cmd' : 'joined',
    merge: 'moby',
    checksAllBaseReferences: buildkit,
    checksArguments: 'buildkit',
    // The classic builder keeps a meta ARG without a value as unset (moby BuildArgs.AddMetaArg with a nil value).
    ...(buildkit ? {} : { metaArgNoValue: 'unset' as const }),
    daemonConfigChecks: !buildkit,
    stageReference: buildkit ? 'exact' : 'lower',
    duplicateStage: buildkit ? 'last' : 'error',
    platformArgs: buildkit ? rules.platformArgs : 0,
    platformArgsGlobal: buildkit,
    platformErrors: buildkit ? rules.platformErrors : 'expanded',
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
export function builtinFrontend(version: Version | null): number {
  let minor = 2;
  for (const [major, m, fe] of BUILTIN_FRONTEND) if (versionAtLeast(version, major, m)) minor = fe;
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
    // DetectSyntax: known directives only, first wins, `#!` skipped (1.5); a BOM skipped (1.13).
    syntaxKnownKeys: minor >= 5,
    syntaxSkipsBom: minor >= 13,
    lexer: minor,
    metaArgNoValue: minor >= 11 ? 'keep' : 'empty',
    metaArgErrors: minor >= 8,
    // defaultArgs: TARGETSTAGE from 1.11 (buildkit 6a31a78b4), *OSVERSION and FormatAll from 1.13 (buildkit 94ddeb7db).
    platformArgs: minor >= 13 ? 11 : minor >= 11 ? 9 : 8,
    platformErrors: minor >= 8 ? 'expression' : 'expanded',
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
      buildChecks: minor >= 8 && versionAtLeast(profile.version, 23, 0),
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

/**
 * The rules of the `docker`/`podman` command-line client of an engine release: flag table, the
 * checks it makes before contacting the engine, and its error wording. Read only by the run
 * command-line parser and the run-flag mapping (see {@link cliProfile}), so the core bundle does
 * not carry them.
 */
export interface CliProfile {
  /** Release whose flag table applies (unversioned Docker: {@link CURRENT_DOCKER_VERSION}); `null`: every flag. */
  readonly version: Version | null;
  /** How `--cpus` becomes a CFS quota: `'nano-cpus'` (docker: a big.Rat sent as int64 NanoCpus) or `'float'`
   * (podman: a float64). */
  readonly cpusQuota: 'nano-cpus' | 'float';
  /** The CLI checks `--cpus`, size (`-m`…) and `-e` values itself before contacting the engine (docker/cli opts). */
  readonly checksValues: boolean;
  /** A size error names the suffix (`invalid suffix: 'x'`; go-units ≥ 0.5, Docker 23.0) rather than the size. */
  readonly sizeSuffixError: boolean;
  /** `--log-level` before the subcommand must be a logrus level (docker). */
  readonly checksLogLevel: boolean;
  /** Global flags are persistent: accepted after the subcommand too (podman). */
  readonly globalFlagsPersistent: boolean;
  /** The error for run/create without an image; `%s` is the command path (`docker run`). */
  readonly missingImageMessage: string;
  /** The CLI refuses flags that need a newer daemon API than `daemonApiVersion` (docker). */
  readonly checksApiVersion: boolean;
  /** The refusal of `--rm` with a restart policy other than `no`; `null`: accepted (podman). */
  readonly rmRestartConflictMessage: string | null;
  /** The image reference check before contacting the engine: `'none'` (podman), `'classic'` (docker < 28),
   * `'named'` (docker ≥ 28: the lowercase error names the repository). */
  readonly referenceCheck: 'none' | 'classic' | 'named';
}

const PODMAN_CLI: Omit<CliProfile, 'version'> = {
  cpusQuota: 'float',
  checksValues: false,
  sizeSuffixError: true,
  checksLogLevel: false,
  globalFlagsPersistent: true,
  missingImageMessage: 'requires at least 1 arg(s), only received 0',
  checksApiVersion: false,
  rmRestartConflictMessage: null,
  referenceCheck: 'none',
};

/** The client rules of an engine release (cached per profile). */
export function cliProfile(profile: EngineProfile): CliProfile {
  let cli = cliProfiles.get(profile);
  if (cli === undefined) {
    cli = Object.freeze(profile.engine === 'podman' ? { ...PODMAN_CLI, version: profile.version } : dockerCli(profile.version));
    cliProfiles.set(profile, cli);
  }
  return cli;
}

const cliProfiles = new WeakMap<EngineProfile, CliProfile>();

function dockerCli(engineVersion: Version | null): CliProfile {
  // Unversioned Docker means the release this library tracks as current (not the newest source read).
  const version = engineVersion ?? parseEngineVersion(CURRENT_DOCKER_VERSION);
  // docker/cli wording: go-units suffix errors (23.0); the CLI's error rewrite (28.0).
  const modern28 = versionAtLeast(version, 28, 0);
  return {
    version,
    cpusQuota: 'nano-cpus',
    checksValues: true,
    sizeSuffixError: versionAtLeast(version, 23, 0),
    checksLogLevel: true,
    globalFlagsPersistent: false,
    missingImageMessage: modern28 ? "docker: '%s' requires at least 1 argument" : '"%s" requires at least 1 argument.',
    checksApiVersion: true,
    rmRestartConflictMessage: modern28 ? 'docker: conflicting options: cannot specify both --restart and --rm' : 'docker: Conflicting options: --restart and --rm.',
    referenceCheck: modern28 ? 'named' : 'classic',
  };
}
