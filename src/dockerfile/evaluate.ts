import { fail, parseCommandWith, type ParseCommandResult } from './command-form.js';
import { engineProfile, type EngineProfile } from '../core/engine-profile.js';
import { builderMessage } from './builder-messages.js';
import { answerConfig, type ImageLookup } from '../core/image-lookup.js';
import type { DiagnosticCode } from '../core/diagnostics.js';
import { KEYWORDS, parseDockerfileWith, type DockerfileInstruction } from './parser.js';
import { checkViolation, commentCheck, isSkipped, jsonArgsLint, multipleInstructionsLint, parseCheck, NO_LINT_CONFIG, type LintConfig } from './lints.js';
import type { StringArrayDecoding } from '../internal/go-json.js';
import { detectSyntax, resolveFrontend, type DockerfileFrontend } from './frontend.js';
import { expandWord, parseArgWords, splitQuotedWords, type ArgValues } from './arg-expansion.js';
import { exposeError, instructionArgsError, parseFlags, stopSignalError } from './instruction-args.js';
import { goToLower, goToUpper } from '../internal/go-case.js';
import { automaticArgs, buildPlatforms, isWindowsImageName, stagePlatform, type BuildPlatforms } from './platform.js';
import { formatPlatformSpecifier } from '../core/platform.js';
import { expectType, goQuote, isReSpace } from '../internal/text.js';
import { limitIssue, resolveLimits, type Limits, type LimitsOption } from '../core/limits.js';
import { cmdResetDiagnostic, commandShell, dispatchCmd, dispatchEntrypoint, dispatchShell, stageConfig, startStage, type StageState } from './stage.js';
import type { Command, Diagnostic, EngineOptions, Failure, ImageConfig, Issue, OperatingSystem } from '../core/types.js';
import { parseImageReference, type ImageReference } from '../core/image-reference.js';
import { findImage, imageTable, unusedImageDiagnostics, type ImageTable } from '../core/image-table.js';
import {
  dependencyDiagnostic,
  fromReferenceIssue,
  isComplete,
  knownConfig,
  strictIssue,
  type BaseDependency,
  type ConfigDependencies,
  type UnknownBase,
} from './base-dependency.js';

/** Options of {@link evaluateDockerfile}. */
export interface EvaluateDockerfileOptions extends EngineOptions, LimitsOption {
  /**
   * Configs of the external base images. What depends on a base not given is reported as
   * unknown (`complete`, `dependsOn`, `unknownBases`), never guessed. `scratch` is always empty.
   * A record key that is not an image reference, or names the same image as another key, is an
   * issue; a key no FROM names gets an `image-config-unused` warning.
   */
  readonly baseImages?: ImageLookup;
  /** Stage to build (name, case-insensitive); default the last stage. */
  readonly target?: string;
  /** Target OS, overriding the OS of the base images' configs; picks the default shell. */
  readonly os?: OperatingSystem;
  /**
   * Target platform, `os/arch[/variant]` (`docker build --platform`; default `linux/amd64`): the value of
   * `TARGETPLATFORM`, `TARGETOS`… and the platform base images are looked up for. Given, it also fixes the OS of
   * a base image whose config is not given (the engine pulls that platform's image).
   */
  readonly platform?: string;
  /** The engine's own platform (`BUILDPLATFORM`, `BUILDOS`…; default `linux/amd64`). */
  readonly buildPlatform?: string;
  /** `--build-arg` values for ARGs declared before the first FROM. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** `'error'`: a base image of a built stage missing from `baseImages` is an issue (like a failed pull, `base-image-not-found`), whether or not the result depends on it. */
  readonly unknownBaseImage?: 'empty' | 'error';
  /** `true`: a result whose ENTRYPOINT or CMD depends on a base image not given is an issue (`base-config-required`) instead of `complete: false`. */
  readonly strict?: boolean;
}

/** Where a stage's entrypoint/cmd/shell value came from. */
export type ValueSource =
  | {
      readonly kind: 'instruction';
      readonly instruction: 'CMD' | 'ENTRYPOINT' | 'SHELL';
      readonly line: number;
      readonly column: number;
      /** Set by an ONBUILD trigger of the base (position = the FROM line). */
      readonly onBuild?: boolean;
      /** CMD only: cleared by this ENTRYPOINT (the reset rule). */
      readonly reset?: boolean;
    }
  | { readonly kind: 'inherited'; readonly from: string }
  /** Inherited from a base image whose config was not given (`from`: that base as written after FROM). */
  | { readonly kind: 'unknown'; readonly from: string }
  | { readonly kind: 'unset' };

/** What a stage is built on. */
export type StageBase =
  | { readonly kind: 'scratch' }
  /** `reference` is absent only when `ref` is not an image reference in a stage the builder never looks at (buildah skips stages it does not build). */
  | { readonly kind: 'image'; readonly ref: string; readonly reference?: ImageReference; readonly known: boolean }
  | { readonly kind: 'stage'; readonly name: string; readonly index: number };

/** One build stage and the config it produces. */
export interface DockerfileStage {
  readonly index: number;
  /** Lower-cased stage name (`FROM … AS name`), or null. */
  readonly name: string | null;
  /** The base as written after FROM (before ARG expansion). */
  readonly baseText: string;
  readonly base: StageBase;
  /** `FROM --platform=…` after ARG expansion, normalised (`linux/arm64`): the platform its base image is pulled for. */
  readonly platform?: string;
  readonly line: number;
  readonly column: number;
  /** The stage's config; a field that depends on an unknown base is left out (see `dependsOn`), so `null` is always unset. */
  readonly config: ImageConfig;
  readonly sources: { readonly entrypoint: ValueSource; readonly cmd: ValueSource; readonly shell: ValueSource };
  /** The config fields that depend on a base image whose config was not given; `{}` when none. */
  readonly dependsOn: ConfigDependencies;
  /** False when the stage is not built for the target (BuildKit skips it). */
  readonly built: boolean;
}

/** Success of {@link evaluateDockerfile}. */
export interface DockerfileEvaluation {
  readonly ok: true;
  /** Config of the target stage; a field that depends on an unknown base is left out (`dependsOn` says which). */
  readonly config: ImageConfig;
  /**
   * False when the target's ENTRYPOINT or CMD depends on a base image whose config was not given
   * (inherited from it, wrapped in its shell, or possibly set by its ONBUILD trigger): what
   * `docker run IMAGE` runs is then not known.
   */
  readonly complete: boolean;
  /** The target's fields that depend on an unknown base (`target.dependsOn`). */
  readonly dependsOn: ConfigDependencies;
  /** Base images of built stages whose config was not given, with their FROM positions. */
  readonly unknownBases: readonly UnknownBase[];
  readonly target: DockerfileStage;
  readonly stages: readonly DockerfileStage[];
  /** The frontend image `# syntax=` (or the `BUILDKIT_SYNTAX` build-arg) forwards a BuildKit build to; null: the built-in one. */
  readonly frontend: DockerfileFrontend | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link evaluateDockerfile}. */
export type EvaluateDockerfileResult = DockerfileEvaluation | Failure;

const KNOWN_SET = new Set<string>(KEYWORDS);

/** Levenshtein distance (two rows; inputs are short keywords, capped by the caller). */
function distance(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** BuildKit's `unknown instruction` error with its did-you-mean suggestion (util/suggest). */
export function unknownInstructionMessage(keyword: string, profile: EngineProfile): string {
  if (profile.unknownInstruction === 'upper') return `unknown instruction: ${goToUpper(goToLower(keyword))}`;
  if (profile.unknownInstruction === 'quoted') return `Unknown instruction: ${goQuote(keyword.toUpperCase())}`;
  let message = `unknown instruction: ${keyword}`;
  if (keyword.length > 0 && keyword.length < 64) {
    const lower = keyword.toLowerCase();
    let best = '';
    let min = 3;
    for (const name of KEYWORDS) {
      const d = distance(lower, name.toLowerCase());
      if (d < min) {
        min = d;
        best = name.toLowerCase();
      }
    }
    if (best !== '') {
      const match = keyword === lower ? best : keyword === keyword.toUpperCase() ? best.toUpperCase() : best;
      message += ` (did you mean ${match}?)`;
    }
  }
  return message;
}

/** An instruction after the instruction-parse phase. */
interface Checked {
  readonly instr: DockerfileInstruction;
  readonly keyword: string;
  readonly command?: Command;
  readonly stageName?: string | null;
  readonly baseText?: string;
  readonly platform?: string | undefined;
  readonly expression?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** An instruction error raised only when the instruction is dispatched (`instructionErrorsAtDispatch`). */
  readonly error?: Issue;
}

function at(instr: { line: number; column: number }, code: DiagnosticCode, message: string): Issue {
  return { code, message, line: instr.line, column: instr.column };
}

/** BuildKit's stage name pattern (`^[a-z][a-z0-9-_\.]*$`). */
function isStageName(name: string): boolean {
  return /^[a-z][a-z0-9._-]*$/.test(name);
}

/** The words of `text` between runs of `[\t\v\f\r ]` (the parser's `isSplitSpace`). */
function splitWhitespace(text: string): string[] {
  return text.match(/[^\t\v\f\r ]+/g) ?? [];
}

/** `(?i)^\s*ONBUILD\s*` removed from the original line: the trigger expression BuildKit stores. */
function onBuildExpression(instr: DockerfileInstruction): string {
  const o = instr.original;
  let i = 0;
  while (i < o.length && isReSpace(o.charCodeAt(i))) i++;
  if (o.slice(i, i + 7).toLowerCase() === 'onbuild') i += 7;
  while (i < o.length && isReSpace(o.charCodeAt(i))) i++;
  let expression = o.slice(i);
  for (const h of instr.heredocs) expression += `\n${h.content}${h.name}`;
  return expression;
}

/**
 * Parses a CMD, ENTRYPOINT or SHELL instruction's command. `decoded`: the parser's decoding of
 * `instr.args` (`parseDockerfileWith`'s `decodings` entry), which is the text after builder flags
 * that `parseCommandWith` decodes; null or absent: decoded here.
 */
export function parseInstructionCommand(instr: DockerfileInstruction, escapeToken: string, profile: EngineProfile, decoded?: StringArrayDecoding | null): ParseCommandResult {
  const kw = instr.keyword as 'CMD' | 'ENTRYPOINT' | 'SHELL';
  const text = instr.flags.length > 0 || instr.rawArgs.startsWith('--') ? instr.rawArgs : instr.args;
  return parseCommandWith(text, kw, escapeToken, profile, decoded);
}

/** Shared empty list for the (internal, read-only) diagnostics of checked instructions. */
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/** The instruction-parse phase (BuildKit `instructions.Parse`) for one instruction; `decoded` as in {@link parseInstructionCommand}. */
function checkInstruction(instr: DockerfileInstruction, escapeToken: string, profile: EngineProfile, decoded?: StringArrayDecoding | null): Checked | Issue {
  const keyword = instr.keyword;
  if (!KNOWN_SET.has(keyword)) return at(instr, 'unknown-instruction', unknownInstructionMessage(instr.rawKeyword, profile));
  switch (keyword) {
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL': {
      const parsed = parseInstructionCommand(instr, escapeToken, profile, decoded);
      const diagnostics = parsed.diagnostics.length === 0 ? NO_DIAGNOSTICS : parsed.diagnostics.map((d) => ({ ...d, line: instr.line, column: instr.column }));
      if (!parsed.ok) {
        // The issue carries the diagnostics so far.
        const first = parsed.issues[0];
        return { ...at(instr, first.code, first.message), diagnostics };
      }
      return { instr, keyword, command: parsed.command, diagnostics };
    }
    case 'FROM':
      return checkFrom(instr, profile);
    case 'ONBUILD': {
      // The trigger expression the image stores; some triggers are not allowed.
      if (instr.args === '') return at(instr, 'onbuild-empty', 'ONBUILD requires at least one argument');
      const flagError = profile.unknownFlag === 'drop' ? null : parseFlags(keyword, instr.flags, profile);
      if (typeof flagError === 'string') return at(instr, 'unknown-flag', flagError);
      const trigger = instr.trigger?.keyword ?? '';
      if (trigger === 'ONBUILD') return at(instr, 'onbuild-chained', "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
      if (trigger === 'MAINTAINER' || trigger === 'FROM') {
        return at(instr, 'onbuild-trigger-not-allowed', `${trigger} isn't allowed as an ONBUILD trigger`);
      }
      return { instr, keyword, expression: onBuildExpression(instr), diagnostics: NO_DIAGNOSTICS };
    }
    default: {
      const message = instructionArgsError(instr, escapeToken, profile);
      if (message === null) return { instr, keyword, diagnostics: NO_DIAGNOSTICS };
      return at(instr, /^unknown flag/iu.test(message) ? 'unknown-flag' : 'instruction-arguments', message);
    }
  }
}

/** FROM: `--platform`, the base as written and the stage name (`FROM base [AS name]`). */
function checkFrom(instr: DockerfileInstruction, profile: EngineProfile): Checked | Issue {
  const words = splitWhitespace(instr.args);
  let stageName: string | null = null;
  const buildah = profile.stageNamesCaseSensitive;
  let error: Issue | undefined;
  // strings.EqualFold(word, "as"): simple case folding, so `ſ` (U+017F) matches `s`.
  if (words.length === 3 && /^[aA][sSſ]$/u.test(words[1] as string)) {
    stageName = buildah ? (words[2] as string) : goToLower(words[2] as string);
    if (!buildah && !isStageName(stageName)) {
      return at(instr, 'invalid-stage-name', `invalid name for build stage: ${JSON.stringify(words[2])}, name can't start with a number or contain symbols`);
    }
  } else if (words.length !== 1) {
    const message = builderMessage(profile, 'FROM requires either one or three arguments', { buildah: 'FROM requires either one argument, or three: FROM <source> [as <name>]' });
    error = at(instr, 'from-arguments', message);
  }
  // The stage name is checked before the flags (parse.go parseFrom). imagebuilder (dispatchers.go `from`) takes each
  // `--platform=` (the last wins) and refuses any other flag, when the stage is dispatched.
  const flags = buildah ? new Map<string, string>() : parseFlags('FROM', instr.flags, profile);
  if (typeof flags === 'string') return at(instr, 'unknown-flag', flags);
  for (const f of buildah ? instr.flags : []) {
    if (f.startsWith('--platform=')) flags.set('platform', f.slice(11));
    else error ??= at(instr, 'unknown-flag', 'FROM only supports the --platform flag');
  }
  // buildah raises these when it dispatches the stage (`referenceError`).
  if (error !== undefined && !buildah) return error;
  return { instr, keyword: instr.keyword, stageName, baseText: words[0] ?? '', platform: flags.get('platform'), diagnostics: NO_DIAGNOSTICS, ...(error && { error }) };
}

function isIssue(x: Checked | Issue): x is Issue {
  return (x as Checked).instr === undefined;
}

/** The config given for a base image: by parsed reference in the record's table, or from the lookup function. */
function lookupBase(ev: Evaluation, ref: string, reference: ImageReference, platform: string): ImageConfig | undefined {
  const baseImages = ev.options.baseImages;
  if (baseImages === undefined) return undefined;
  if (typeof baseImages === 'function') return answerConfig(baseImages(ref, reference, platform));
  return ev.table === null ? undefined : findImage(ev.table, reference);
}

/** What a stage's config depends on while it is dispatched (`null`: known). */
interface Dependencies {
  entrypoint: BaseDependency | null;
  cmd: BaseDependency | null;
  shell: BaseDependency | null;
  os: BaseDependency | null;
  /** The stage runs the ONBUILD triggers of a base whose config is unknown (they may set a CMD). */
  triggers: BaseDependency | null;
}

interface MutableStage {
  index: number;
  name: string | null;
  baseText: string;
  base: StageBase;
  platform: string | undefined;
  /** The OS of `FROM --platform`, when given. */
  platformOs: string | undefined;
  /** The OS when the base config does not say: the platform's (`FROM --platform`, else the target's; BuildKit's
   * `emptyImage(targetPlatform)` for scratch), or Windows for an unknown base with a Windows name. */
  os: OperatingSystem;
  line: number;
  column: number;
  config: ImageConfig | null;
  /** Own ONBUILD declarations (triggers of a child stage). */
  onBuildDeclared: string[];
  sources: { entrypoint: ValueSource; cmd: ValueSource; shell: ValueSource };
  commands: Checked[];
  baseStage: number;
  built: boolean;
  /** Image base: its parsed reference; the builder's error for the stage's FROM (its reference or its `--platform`), raised when the stage is dispatched. */
  reference: ImageReference | null;
  referenceDiagnostics: readonly Diagnostic[];
  referenceError: Issue | null;
  /** Image base: the config given for it. */
  baseConfig: ImageConfig | undefined;
  /** What the stage's config depends on (set by its dispatch). */
  deps: Dependencies;
}

const UNSET: ValueSource = { kind: 'unset' };

/** `target.push(...source)` without the argument-count limit. */
function append<T>(target: T[], source: readonly T[]): void {
  for (let i = 0; i < source.length; i++) target.push(source[i] as T);
}

/**
 * What the phases of one evaluation share: its options, rules and limits, and what the phases
 * have found so far (each phase fills its part, or returns the issue that ends the evaluation).
 */
interface Evaluation {
  readonly options: EvaluateDockerfileOptions;
  readonly profile: EngineProfile;
  readonly limits: Limits;
  readonly escapeToken: string;
  /** The file's `# check=` configuration. */
  readonly lint: LintConfig;
  readonly diagnostics: Diagnostic[];
  readonly stages: MutableStage[];
  /** The ARGs before the first FROM. */
  readonly metaArgs: Checked[];
  /** Stage indexes by stage name. */
  readonly byName: Map<string, number>;
  /** Index of the target stage. */
  target: number;
  /** `options.baseImages` when it is a record. */
  readonly table: ImageTable | null;
  /** The target and build platforms. */
  readonly platforms: BuildPlatforms;
}

/**
 * Evaluates a Dockerfile the way the engine builds it and returns the image
 * config of the target stage (Entrypoint, Cmd, Shell, OnBuild, ArgsEscaped),
 * every stage's config with where each value came from, and diagnostics.
 *
 * Rules: BuildKit's parser (directives, continuations, comments, heredocs,
 * flags, JSON detection), its instruction checks (unknown instruction, SHELL,
 * FROM, ONBUILD), stage dispatch (ONBUILD triggers of the base at FROM,
 * SHELL inheritance, the ENTRYPOINT-resets-inherited-CMD rule, last
 * CMD/ENTRYPOINT wins) and the builder/engine differences the engine options
 * select (`engine`, `engineVersion`, `builder`). CMD/ENTRYPOINT/SHELL are never expanded; FROM is
 * expanded with the ARGs declared before the first FROM.
 *
 * @example
 * evaluateDockerfile('FROM python:3\nENTRYPOINT ["python"]\n', { baseImages: { 'python:3': { cmd: ['python3'] } } })
 * // config: { entrypoint: ['python'], cmd: null, … } + diagnostic entrypoint-resets-cmd
 */
export function evaluateDockerfile(text: string, options: EvaluateDockerfileOptions = {}): EvaluateDockerfileResult {
  expectType(text, 'string', 'text');
  expectType(options, 'object', 'options');
  let table: ImageTable | null = null;
  if (options.baseImages !== undefined && typeof options.baseImages !== 'function') {
    expectType(options.baseImages, 'object', 'options.baseImages');
    const read = imageTable(options.baseImages);
    if (!read.ok) return read;
    table = read.table;
  }
  const engine = engineProfile(options);
  const limits = resolveLimits(options.limits);
  const platforms = buildPlatforms(options.platform, options.buildPlatform);
  if ('error' in platforms) return fail({ code: 'platform-invalid', message: platforms.error }, []);
  if (text.length === 0) {
    // Checked by the frontend / daemon before parsing (docker 20.10 recording unknown-empty-file).
    const message = builderMessage(engine, 'the Dockerfile cannot be empty', { classic: 'the Dockerfile (Dockerfile) cannot be empty', buildah: 'no contents in "Dockerfile"' });
    return fail({ code: 'empty-dockerfile', message, line: 1, column: 1 }, []);
  }
  const { profile, frontend, diagnostics: found, issue } = resolveFrontend(text, engine, options.buildArgs?.['BUILDKIT_SYNTAX']);
  if (issue !== undefined) return fail(issue, []);
  // The frontend reads `# check=` (ParseDirective) before it parses; the BUILDKIT_DOCKERFILE_CHECK build-arg replaces it.
  // The classic builder parses the directive but has no linter: nothing fails.
  const buildkit = profile.builder === 'buildkit' && profile.checkDirective;
  const checkArg = buildkit ? options.buildArgs?.['BUILDKIT_DOCKERFILE_CHECK'] : undefined;
  const directive = profile.checkDirective && checkArg === undefined ? detectSyntax(text, profile, 'check') : null;
  let lint = parseCheck(checkArg ?? directive?.value.split(' ')[0] ?? '', profile.lexer < 10 ? 2 : 3);
  if (typeof lint === 'string') {
    if (!buildkit) lint = NO_LINT_CONFIG;
    else {
      const message = `failed to parse ${checkArg === undefined || profile.lexer < 9 ? 'check options' : 'build-arg:BUILDKIT_DOCKERFILE_CHECK'}: ${lint}`;
      return fail({ code: 'check-options-invalid', message, ...(directive && { line: directive.line }) }, found);
    }
  }
  const decodings: (StringArrayDecoding | null)[] = [];
  const parsed = parseDockerfileWith(text, profile, limits, decodings);
  const diagnostics: Diagnostic[] = [...found, ...parsed.diagnostics];
  if (!parsed.ok) return { ok: false, issues: parsed.issues, diagnostics };
  const ev: Evaluation = { options, profile, limits, escapeToken: parsed.escapeToken, lint, diagnostics, stages: [], metaArgs: [], byName: new Map(), target: 0, table, platforms };
  const error =
    collectStages(ev, parsed.instructions, decodings) ??
    resolveBases(ev) ??
    selectTarget(ev) ??
    checkReferences(ev) ??
    dispatchStages(ev) ??
    (profile.buildChecks ? checkViolation(lint, diagnostics) : null);
  if (typeof error === 'string') return fail({ code: 'build-check-violation', message: error }, diagnostics);
  if (error !== null) return fail(error, diagnostics);
  return finish(ev, frontend);
}

/**
 * The instruction-parse phase: every instruction is checked, in order, before anything is
 * dispatched, and grouped into `ev.stages` (before the first FROM: `ev.metaArgs`).
 */
function collectStages(ev: Evaluation, instructions: readonly DockerfileInstruction[], decodings: readonly (StringArrayDecoding | null)[]): Issue | null {
  const { profile, stages, diagnostics } = ev;
  for (let k = 0; k < instructions.length; k++) {
    const instr = instructions[k] as DockerfileInstruction;
    const checked = checkOrDefer(instr, ev.escapeToken, profile, decodings[k]);
    if (isIssue(checked)) {
      const { diagnostics: found, ...issue } = checked as Issue & { diagnostics?: readonly Diagnostic[] };
      if (found) append(diagnostics, found);
      return issue;
    }
    append(diagnostics, checked.diagnostics);
    if (checked.keyword === 'FROM') {
      if (stages.length >= ev.limits.maxStages) {
        return limitIssue('maxStages', 'Number of build stages', stages.length + 1, ev.limits.maxStages, { line: instr.line, column: instr.column });
      }
      stages.push(newStage(checked, stages.length));
      continue;
    }
    const current = stages[stages.length - 1];
    if (current !== undefined) current.commands.push(checked);
    else if (checked.keyword === 'ARG' && checked.error === undefined) ev.metaArgs.push(checked);
    else if (!profile.ignoresInstructionsBeforeFrom) return at(instr, 'no-build-stage', 'no build stage in current context');
  }
  if (stages.length === 0) return at(instructions[instructions.length - 1] as DockerfileInstruction, 'no-build-stage', 'no build stage in current context');
  return null;
}

/** {@link checkInstruction}, where an engine raises instruction errors only at dispatch (`instructionErrorsAtDispatch`): the error kept for then. */
function checkOrDefer(instr: DockerfileInstruction, escapeToken: string, profile: EngineProfile, decoded: StringArrayDecoding | null | undefined): Checked | Issue {
  const checked = checkInstruction(instr, escapeToken, profile, decoded);
  if (!isIssue(checked) || !profile.instructionErrorsAtDispatch || instr.keyword === 'FROM') return checked;
  const { diagnostics: deferred, ...error } = checked as Issue & { diagnostics?: readonly Diagnostic[] };
  return { instr, keyword: instr.keyword, diagnostics: deferred ?? NO_DIAGNOSTICS, error };
}

function newStage(from: Checked, index: number): MutableStage {
  return {
    index,
    name: from.stageName ?? null,
    baseText: from.baseText as string,
    base: { kind: 'scratch' },
    // `--platform=` is no platform (both builders; rule case from-flags-20261202-003).
    platform: from.platform || undefined,
    platformOs: undefined,
    os: 'linux',
    line: from.instr.line,
    column: from.instr.column,
    config: null,
    onBuildDeclared: [],
    sources: { entrypoint: UNSET, cmd: UNSET, shell: UNSET },
    commands: [],
    baseStage: -1,
    built: false,
    reference: null,
    referenceDiagnostics: NO_DIAGNOSTICS,
    referenceError: from.error ?? null,
    baseConfig: undefined,
    deps: { ...KNOWN },
  };
}

/** The meta ARGs' values: the automatic platform ARGs, then declared defaults (expanded with the ARGs before them), overridden by `buildArgs`; or the expansion error that fails the build. */
function metaArgValues(ev: Evaluation): ArgValues | Issue {
  const { profile, escapeToken, options } = ev;
  const buildArgs = options.buildArgs;
  const auto = automaticArgs(profile, ev.platforms, options.target, buildArgs);
  const args: ArgValues = new Map(profile.platformArgsGlobal ? auto : undefined);
  for (const m of ev.metaArgs) {
    for (const { key, value } of parseArgWords(m.instr.args, escapeToken)) {
      const override = buildArgs !== undefined && Object.prototype.hasOwnProperty.call(buildArgs, key) ? buildArgs[key] : undefined;
      const builtin = profile.platformArgsGlobal ? undefined : auto.get(key);
      if (override !== undefined) args.set(key, override);
      else if (value !== undefined) {
        const x = expandWord(value, args, escapeToken, profile.lexer);
        // imagebuilder expands the whole `name=value` word (its errors name that word).
        const error = profile.lexer === 0 ? expandWord(`${key}=${value}`, args, escapeToken, 0).error : x.error;
        if (error !== undefined && profile.metaArgErrors) return at(m.instr, 'arg-expansion-error', error);
        args.set(key, x.value);
      } else if (builtin !== undefined)
        args.set(key, builtin); // buildah: a bare meta ARG of a builtin name gets its value
      else if (profile.metaArgNoValue === 'empty') args.set(key, '');
      else if (profile.metaArgNoValue === 'unset') args.delete(key);
    }
  }
  return args;
}

/** Expands each FROM with the meta ARGs and sets its base (an earlier stage, scratch or an image); fills `ev.byName`. */
function resolveBases(ev: Evaluation): Issue | null {
  const { profile, escapeToken, byName } = ev;
  const args = metaArgValues(ev);
  if (!(args instanceof Map)) return args;
  for (const st of ev.stages) {
    const x = expandWord(st.baseText, args, escapeToken, profile.lexer);
    if (x.error !== undefined) return at(st, 'arg-expansion-error', x.error);
    const expanded = x.value;
    if (expanded === '' && st.referenceError === null) {
      return at(st, 'blank-base-name', builderMessage(profile, `base name (${st.baseText}) should not be blank`, { buildah: 'no FROM statement found' }));
    }
    if (st.platform !== undefined) {
      // buildah expands it with the automatic platform ARGs and build args only (dispatchers.go `from`).
      const px = expandWord(st.platform, profile.platformErrors !== 'ignored' ? args : automaticArgs(profile, ev.platforms, undefined, undefined), escapeToken, profile.lexer);
      if (px.error !== undefined) return at(st, 'arg-expansion-error', px.error);
      const platform = stagePlatform(st.platform, px.value, profile);
      if (platform !== null && 'error' in platform) {
        // BuildKit checks every stage's platform up front (buildDispatchStates); the classic builder when it dispatches the stage.
        st.referenceError ??= at(st, 'platform-invalid', platform.error);
        if (profile.checksAllBaseReferences) return st.referenceError;
      }
      st.platform = platform === null || 'error' in platform ? undefined : formatPlatformSpecifier(platform);
      st.platformOs = st.platform === undefined ? undefined : (platform as { os: string }).os;
    }
    st.os = ((expanded === 'scratch' ? undefined : st.platformOs) ?? ev.platforms.target.os) === 'windows' ? 'windows' : 'linux';
    const stageKey = profile.stageReference === 'lower' ? goToLower(expanded) : expanded;
    const stageIndex = byName.get(stageKey);
    if (stageIndex !== undefined) {
      st.base = { kind: 'stage', name: stageKey, index: stageIndex };
      st.baseStage = stageIndex;
    } else if (expanded === 'scratch') st.base = { kind: 'scratch' };
    else resolveImageBase(ev, st, expanded);
    // A later stage of the same name replaces the earlier one (BuildKit) or is refused when it is committed (classic builder).
    if (st.name !== null && (profile.duplicateStage === 'last' || !byName.has(st.name))) byName.set(st.name, st.index);
  }
  return null;
}

/** Parses an image base (the one reference parser) and looks its config up; a text that is not a reference keeps the builder's error for later. */
function resolveImageBase(ev: Evaluation, st: MutableStage, ref: string): void {
  const parsed = parseImageReference(ref);
  if (!parsed.ok) {
    st.referenceError ??= fromReferenceIssue(ev.profile, ref, parsed.issues[0], st);
    st.base = { kind: 'image', ref, known: false };
    return;
  }
  st.reference = parsed.reference;
  st.referenceDiagnostics = parsed.diagnostics;
  st.baseConfig = lookupBase(ev, ref, parsed.reference, st.platform ?? formatPlatformSpecifier(ev.platforms.target));
  st.base = { kind: 'image', ref, reference: parsed.reference, known: st.baseConfig !== undefined };
}

/** BuildKit parses the image reference of every stage, built or not, before dispatching any (convert.go `resolveReachableStages`). */
function checkReferences(ev: Evaluation): Issue | null {
  if (!ev.profile.checksAllBaseReferences) return null;
  for (const st of ev.stages) if (st.referenceError !== null) return st.referenceError;
  return null;
}

/** Sets `ev.target` (`options.target`, default the last stage) and marks the stages built for it. */
function selectTarget(ev: Evaluation): Issue | null {
  const stages = ev.stages;
  const target = ev.options.target;
  ev.target = stages.length - 1;
  if (target !== undefined) {
    expectType(target, 'string', 'options.target');
    // imagebuilder ThroughTarget: the first stage of that name (an unnamed stage is named by its index).
    const found = ev.profile.stageNamesCaseSensitive ? stages.findIndex((s, i) => (s.name ?? String(i)) === target) : ev.byName.get(goToLower(target));
    const index = found === -1 ? undefined : found;
    if (index === undefined) {
      return {
        code: 'unknown-target',
        message: builderMessage(ev.profile, `target stage "${target}" could not be found`, { buildah: `The target ${goQuote(target)} was not found in the provided Dockerfile` }),
      };
    }
    ev.target = index;
  }
  // BuildKit and buildah build the target and the stages it is based on; the classic builder every stage up to the target.
  if (!ev.profile.dispatchesUnusedStages) {
    for (let i = ev.target; i >= 0;) {
      const st = stages[i] as MutableStage;
      st.built = true;
      i = st.baseStage;
    }
  } else for (let i = 0; i <= ev.target; i++) (stages[i] as MutableStage).built = true;
  return null;
}

/** Dispatches the stages up to the target; the error of a built stage. Diagnostics of stages not built are dropped. */
function dispatchStages(ev: Evaluation): Issue | null {
  for (let i = 0; i <= ev.target; i++) {
    const st = ev.stages[i] as MutableStage;
    const stageDiagnostics: Diagnostic[] = [];
    // The classic builder checks the name is free before it builds the stage (checkStageNameAvailable).
    const taken = st.name !== null && ev.profile.duplicateStage === 'error' && ev.byName.get(st.name) !== i;
    const error = taken ? at(st, 'duplicate-stage-name', `${String(st.name)} stage name already used`) : dispatchStage(st, ev, stageDiagnostics);
    if (st.built) append(ev.diagnostics, stageDiagnostics);
    if (error !== null && st.built) return error;
  }
  return null;
}

function stageResults(stages: readonly MutableStage[]): DockerfileStage[] {
  return stages.map((st) => {
    const dependsOn = publicDependencies(st.deps);
    const config = knownConfig(st.config ?? {}, dependsOn);
    // Two literals rather than an object spread for the optional platform (same keys, same order).
    return st.platform !== undefined
      ? {
          index: st.index,
          name: st.name,
          baseText: st.baseText,
          base: st.base,
          platform: st.platform,
          line: st.line,
          column: st.column,
          config,
          sources: st.sources,
          dependsOn,
          built: st.built,
        }
      : { index: st.index, name: st.name, baseText: st.baseText, base: st.base, line: st.line, column: st.column, config, sources: st.sources, dependsOn, built: st.built };
  });
}

const NO_DEPENDENCIES: ConfigDependencies = Object.freeze({});

function publicDependencies(deps: Dependencies): ConfigDependencies {
  if (deps.entrypoint === null && deps.cmd === null && deps.shell === null && deps.os === null) return NO_DEPENDENCIES;
  return {
    ...(deps.entrypoint !== null && { entrypoint: deps.entrypoint }),
    ...(deps.cmd !== null && { cmd: deps.cmd }),
    ...(deps.shell !== null && { shell: deps.shell }),
    ...(deps.os !== null && { os: deps.os }),
  };
}

/** The success result: completeness (`strict` makes an incomplete answer an issue), unknown bases, unused configs. */
function finish(ev: Evaluation, frontend: DockerfileFrontend | null): EvaluateDockerfileResult {
  const stages = stageResults(ev.stages);
  const target = stages[ev.target] as DockerfileStage;
  const complete = isComplete(target.dependsOn);
  if (!complete) {
    let root = ev.stages[ev.target] as MutableStage;
    while (root.baseStage >= 0) root = ev.stages[root.baseStage] as MutableStage;
    if (ev.options.strict === true) return fail(strictIssue(target.dependsOn, root), ev.diagnostics);
    ev.diagnostics.push(dependencyDiagnostic(target.dependsOn, root));
  }
  if (ev.table !== null) append(ev.diagnostics, unusedImageDiagnostics(ev.table, 'no FROM'));
  const unknownBases: UnknownBase[] = [];
  for (const st of ev.stages) {
    if (st.built && st.reference !== null && st.baseConfig === undefined) {
      unknownBases.push({ from: (st.base as { ref: string }).ref, reference: st.reference, stage: st.index, line: st.line, column: st.column });
    }
  }
  return { ok: true, config: target.config, complete, dependsOn: target.dependsOn, unknownBases, target, stages, frontend, diagnostics: ev.diagnostics };
}

/** Sources of a stage's values before its instructions: the base's values, or `unknown` where the base's config is unknown. */
function inheritedSources(from: string, base: ImageConfig | undefined, deps: Dependencies): MutableStage['sources'] {
  const source = (value: readonly string[] | null | undefined, dep: BaseDependency | null): ValueSource =>
    dep !== null ? { kind: 'unknown', from: dep.from } : value != null ? { kind: 'inherited', from } : UNSET;
  return { entrypoint: source(base?.entrypoint, deps.entrypoint), cmd: source(base?.cmd, deps.cmd), shell: source(base?.shell, deps.shell) };
}

function baseLabel(st: MutableStage): string {
  switch (st.base.kind) {
    case 'scratch':
      return 'scratch';
    case 'image':
      return `base image ${st.base.ref}`;
    default:
      return `stage ${st.base.name}`;
  }
}

const NO_TRIGGERS: readonly string[] = [];
const KNOWN: Readonly<Dependencies> = Object.freeze({ entrypoint: null, cmd: null, shell: null, os: null, triggers: null });

/** Everything a stage built on the unknown image `from` inherits is unknown, and so are the ONBUILD triggers it runs. */
function unknownBaseDependencies(from: string, osKnown: boolean): Dependencies {
  const inherited: BaseDependency = { from, via: 'inherited', assumed: null };
  return { entrypoint: inherited, cmd: inherited, shell: inherited, os: osKnown ? null : inherited, triggers: inherited };
}

/**
 * Dispatches one stage into `st.config`, `st.sources` and `st.deps`, from its base's config and
 * ONBUILD triggers; its diagnostics go to `diagnostics`. Returns the stage's error (the builder's
 * error for a FROM that is not a reference; also when the base image must be known,
 * `unknownBaseImage: 'error'`, and is not). An unknown base image is not guessed: what the stage
 * inherits from it is marked unknown.
 */
function dispatchStage(st: MutableStage, ev: Evaluation, diagnostics: Diagnostic[]): Issue | null {
  const base = st.base;
  let config: ImageConfig | undefined;
  let triggers = NO_TRIGGERS;
  let deps: Readonly<Dependencies> = KNOWN;
  if (st.referenceError !== null) return st.referenceError;
  if (base.kind === 'stage') {
    const parent = ev.stages[base.index] as MutableStage;
    config = parent.config ?? undefined;
    // A stage is committed as an image: where the image format keeps no ONBUILD (buildah's OCI format),
    // the child stage has no triggers to run either (recorded: engine suite seed 1862211953, case 013).
    if (ev.profile.storesShellAndOnBuild) triggers = parent.onBuildDeclared;
    // The parent's own ONBUILD triggers are known, whatever its base was.
    deps = { ...parent.deps, triggers: null };
  } else if (base.kind === 'image') {
    for (const d of st.referenceDiagnostics) diagnostics.push({ ...d, line: st.line, column: st.column });
    config = st.baseConfig;
    if (config !== undefined) triggers = config.onBuild ?? NO_TRIGGERS;
    else if (ev.options.unknownBaseImage === 'error') return at(st, 'base-image-not-found', `failed to resolve source metadata for ${base.ref}`);
    else {
      diagnostics.push({
        code: 'base-image-config-missing',
        severity: 'info',
        message: `The config of ${base.ref} was not given: what this stage inherits from it (ENTRYPOINT, CMD, SHELL, ONBUILD triggers, OS) is unknown.`,
        line: st.line,
        column: st.column,
      });
      // The engine pulls the image of the platform asked for; without one, a Windows name is taken for a Windows image.
      const osKnown = ev.options.os !== undefined || st.platformOs !== undefined || ev.platforms.explicit;
      if (!osKnown && base.reference !== undefined && isWindowsImageName(base.reference)) {
        st.os = 'windows';
        diagnostics.push({
          code: 'windows-base-image',
          severity: 'warning',
          message: `${base.ref} is taken for a Windows image by its name: shell form runs in cmd /S /C.`,
          line: st.line,
          column: st.column,
        });
      }
      deps = unknownBaseDependencies(base.ref, osKnown);
    }
  }
  return new StageDispatch(ev, st, config, deps, diagnostics).run(triggers);
}

/** The checked instruction of an ONBUILD trigger of the base; its issues are positioned at the stage's FROM. */
function checkTrigger(trigger: string, st: MutableStage, ev: Evaluation): Checked | Issue {
  const decodings: (StringArrayDecoding | null)[] = [];
  const parsed = parseDockerfileWith(trigger, ev.profile, ev.limits, decodings);
  if (!parsed.ok) return { ...parsed.issues[0], line: st.line, column: st.column };
  if (parsed.instructions.length !== 1) return at(st, 'onbuild-trigger', 'onbuild trigger should be a single expression');
  const checked = checkInstruction(parsed.instructions[0] as DockerfileInstruction, parsed.escapeToken, ev.profile, decodings[0]);
  return isIssue(checked) ? at(st, checked.code, checked.message) : checked;
}

/** Where a value set by an instruction came from (`pos`: the instruction, or the FROM for a trigger). */
function instructionSource(instruction: 'CMD' | 'ENTRYPOINT' | 'SHELL', onBuild: boolean, pos: Position): ValueSource {
  return { kind: 'instruction', instruction, line: pos.line, column: pos.column, ...(onBuild ? { onBuild: true } : {}) };
}

interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * The dispatch of one stage (BuildKit `dispatch`): the base's ONBUILD triggers (positioned at the
 * FROM), then the stage's instructions, into the stage state; with the stage's lints and the
 * diagnostics that depend on the whole stage (entrypoint-resets-cmd, entrypoint-shell-form-cmd).
 */
class StageDispatch {
  readonly #ev: Evaluation;
  readonly #profile: EngineProfile;
  readonly #st: MutableStage;
  /** The config of the base (undefined: scratch, or not given). */
  readonly #base: ImageConfig | undefined;
  readonly #diagnostics: Diagnostic[];

  readonly #state: StageState;
  /** Where inherited values come from (`base image x`, `stage y`, `scratch`). */
  readonly #label: string;
  /** The last shell-form ENTRYPOINT with a script, and the shell it runs with. */
  #shellEntrypoint: { line: number; column: number; shell: string } | null = null;
  /** The entrypoint-resets-cmd diagnostic of this stage, until a later CMD makes it moot. */
  #pendingReset: Diagnostic | null = null;
  /** The last CMD, ENTRYPOINT and HEALTHCHECK of the stage (MultipleInstructionsDisallowed). */
  readonly #last: Record<'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', DockerfileInstruction | null> = { CMD: null, ENTRYPOINT: null, HEALTHCHECK: null };

  constructor(ev: Evaluation, st: MutableStage, base: ImageConfig | undefined, deps: Readonly<Dependencies>, diagnostics: Diagnostic[]) {
    this.#ev = ev;
    this.#profile = ev.profile;
    this.#st = st;
    this.#base = base;
    this.#diagnostics = diagnostics;
    const os: OperatingSystem = ev.options.os ?? base?.os ?? st.os;
    const state = startStage(base, os);
    state.onBuild = null;
    this.#state = state;
    this.#label = baseLabel(st);
    st.deps = { ...deps };
    st.sources = inheritedSources(this.#label, base, st.deps);
  }

  /** Runs the base's ONBUILD `triggers`, then the stage's instructions; the first error, or null with `st.config` set. */
  run(triggers: readonly string[]): Issue | null {
    const st = this.#st;
    for (const trigger of triggers) {
      const checked = checkTrigger(trigger, st, this.#ev);
      const err = isIssue(checked) ? checked : this.#dispatch(checked, true, st);
      if (err) return err;
    }
    for (const checked of st.commands) {
      const err = this.#dispatch(checked, false, checked.instr);
      if (err) return err;
    }
    const profile = this.#profile;
    // buildah commits nothing for a stage that is only FROM: the base image (its config verbatim) is the result.
    // (an unknown image: assumed empty, every field marked unknown).
    const base = this.#base ?? (st.deps.triggers !== null ? {} : undefined);
    const verbatim = profile.emptyStageIsBase && triggers.length === 0 && st.commands.length === 0 && base !== undefined;
    if (verbatim) st.config = base;
    else {
      st.config = stageConfig(this.#state, profile);
      if (this.#shellEntrypoint !== null && (st.config.cmd ?? []).length > 0) this.#diagnostics.push(shellEntrypointDiagnostic(this.#shellEntrypoint));
    }
    this.#finishDependencies(st.config, verbatim);
    return null;
  }

  /**
   * Each dependency records the value the evaluation assumed for it. A committed config in a format
   * without SHELL stores none (known); the base kept verbatim keeps its own.
   */
  #finishDependencies(config: ImageConfig, verbatim: boolean): void {
    const deps = this.#st.deps;
    const assumed = (dep: BaseDependency | null, value: readonly string[] | null | undefined): BaseDependency | null =>
      dep === null ? null : { from: dep.from, via: dep.via, assumed: value ?? null };
    deps.entrypoint = assumed(deps.entrypoint, config.entrypoint);
    deps.cmd = assumed(deps.cmd, config.cmd);
    deps.shell = this.#profile.storesShellAndOnBuild || verbatim ? assumed(deps.shell, config.shell) : null;
  }

  /**
   * What a shell-form command dispatched now depends on: an inherited unknown SHELL (where SHELL
   * applies to commands), else the OS, when the default shell is used and the OS is unknown.
   */
  #shellDependency(): BaseDependency | null {
    const deps = this.#st.deps;
    const profile = this.#profile;
    if (profile.shellAppliesToCommands) {
      if (deps.shell !== null) return { from: deps.shell.from, via: 'shell', assumed: null };
      // The classic builder joins shell form into one string on Windows, whatever the shell.
      if (this.#state.shell !== null && this.#state.shell.length > 0 && profile.argsEscaped !== 'joined') return null;
    }
    return deps.os === null ? null : { from: deps.os.from, via: 'shell', assumed: null };
  }

  /** One instruction (`onBuild`: a trigger of the base; `pos`: where its values are said to come from). */
  #dispatch(checked: Checked, onBuild: boolean, pos: Position): Issue | null {
    if (checked.error !== undefined) return checked.error;
    const { keyword, instr } = checked;
    if (keyword === 'ONBUILD') {
      const expression = checked.expression as string;
      // The stage owns state.onBuild (startStage's copy is replaced by null): append in place.
      const list = (this.#state.onBuild ??= []) as string[];
      list.push(expression);
      if (!onBuild) this.#st.onBuildDeclared.push(expression);
    } else if (keyword === 'SHELL') {
      const command = checked.command as Command;
      if (command.form === 'exec') dispatchShell(this.#state, command.args);
      this.#st.sources.shell = instructionSource('SHELL', onBuild, pos);
      this.#st.deps.shell = null;
    } else if (
      this.#profile.checksArguments === 'buildkit' &&
      (keyword === 'EXPOSE' || keyword === 'STOPSIGNAL' || keyword === 'VOLUME' || (this.#profile.daemonConfigChecks && (keyword === 'WORKDIR' || keyword === 'ENV')))
    ) {
      const error = dispatchError(keyword, instr.args, this.#ev.escapeToken, this.#profile);
      if (error !== null) return at(pos, 'instruction-arguments', error);
    } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'HEALTHCHECK') {
      // `# check=skip=…` counts only where the engine reads it.
      const local = onBuild || !this.#profile.checkComments ? null : commentCheck(instr.comments);
      // MultipleInstructionsDisallowed: the stage's earlier CMD, ENTRYPOINT or HEALTHCHECK is overridden (triggers do not count).
      const prev = this.#last[keyword];
      if (prev !== null && !onBuild) this.#lint('MultipleInstructionsDisallowed', multipleInstructionsLint(keyword, prev), local);
      if (!onBuild) this.#last[keyword] = instr;
      if (keyword === 'HEALTHCHECK') return null;
      const command = checked.command as Command;
      if (command.form === 'shell' && (this.#state.shell === null || this.#state.shell.length === 0)) {
        this.#lint('JSONArgsRecommended', jsonArgsLint(keyword, pos), local);
      }
      if (keyword === 'CMD') this.#dispatchCmd(command, onBuild, pos);
      else this.#dispatchEntrypoint(command, onBuild, pos);
    }
    // Every other instruction leaves the config as it is.
    return null;
  }

  /** Adds a lint unless the file or the instruction's comment skips it; the rule name only where the builder runs the check itself. */
  #lint(rule: string, d: Diagnostic, local: LintConfig | null): void {
    if (isSkipped(rule, this.#ev.lint, local)) return;
    this.#diagnostics.push(this.#profile.buildChecks ? { ...d, rule } : d);
  }

  #dispatchCmd(command: Command, onBuild: boolean, pos: Position): void {
    this.#st.deps.cmd = command.form === 'exec' ? null : this.#shellDependency();
    dispatchCmd(this.#state, command, this.#profile);
    this.#st.sources.cmd = instructionSource('CMD', onBuild, pos);
    // A CMD later in the stage replaces what ENTRYPOINT reset: the reset no longer matters.
    if (this.#pendingReset !== null) {
      this.#diagnostics.splice(this.#diagnostics.indexOf(this.#pendingReset), 1);
      this.#pendingReset = null;
    }
  }

  #dispatchEntrypoint(command: Command, onBuild: boolean, pos: Position): void {
    const state = this.#state;
    const st = this.#st;
    const profile = this.#profile;
    const wasSet = state.cmdSet;
    // Exec form, and a bare shell-form ENTRYPOINT the builder stores as unset, involve no shell.
    const shellFree = command.form === 'exec' || (command.script === '' && !profile.bareEntrypointHasEmptyScript);
    st.deps.entrypoint = shellFree ? null : this.#shellDependency();
    const lost = dispatchEntrypoint(state, command, profile);
    const source = instructionSource('ENTRYPOINT', onBuild, pos);
    st.sources.entrypoint = source;
    if (!wasSet) {
      // Reset, unless an ONBUILD trigger of an unknown base dispatched a CMD in this stage.
      st.deps.cmd = st.deps.triggers === null ? null : { from: st.deps.triggers.from, via: 'onbuild', assumed: null };
      if (st.sources.cmd.kind !== 'unset') st.sources.cmd = { ...source, reset: true } as ValueSource;
      if (lost !== null) {
        const from = st.sources.cmd.kind === 'inherited' ? st.sources.cmd.from : this.#label;
        this.#pendingReset = { ...cmdResetDiagnostic(lost, from), line: pos.line, column: pos.column };
        this.#diagnostics.push(this.#pendingReset);
      }
    }
    this.#shellEntrypoint = command.form === 'shell' && command.script !== '' ? { line: pos.line, column: pos.column, shell: commandShell(state, profile).join(' ') } : null;
  }
}

/**
 * The checks made when an instruction is dispatched (only in stages the builder dispatches): EXPOSE ports
 * (nat.ParsePortSpecs), the STOPSIGNAL name (moby pkg/signal), a VOLUME that is empty after quote removal, and where `daemonConfigChecks` a WORKDIR
 * or ENV name that is empty after quote removal. Words holding a variable are not checked (ENV values
 * are not modelled).
 */
function dispatchError(keyword: string, args: string, esc: string, profile: EngineProfile): string | null {
  const literal = (w: string) => !w.includes('$');
  if (keyword === 'STOPSIGNAL') return literal(args) ? stopSignalError(expandWord(args, new Map(), esc, profile.lexer).value) : null;
  if (keyword === 'WORKDIR') return literal(args) && expandWord(args, new Map(), esc, profile.lexer).value === '' ? 'cannot normalize nothing' : null;
  const words = splitQuotedWords(args, esc.charCodeAt(0), true);
  // ENV's old `NAME value` form: the name is the first word.
  if (keyword === 'ENV' && !(words[0] ?? '=').includes('=')) words.splice(1, words.length, '');
  for (const word of words) {
    if (!literal(word)) continue;
    if (keyword === 'VOLUME') {
      if (word[0] !== '[' && expandWord(word, new Map(), esc, profile.lexer).value === '') return 'VOLUME specified can not be an empty string';
      continue;
    }
    if (keyword === 'ENV') {
      const eq = word.indexOf('=');
      if (word !== '' && expandWord(word.slice(0, eq < 0 ? undefined : eq), new Map(), esc, profile.lexer).value === '')
        return `invalid environment variable: =${expandWord(word.slice(eq + 1), new Map(), esc, profile.lexer).value}`;
      continue;
    }
    const error = exposeError(expandWord(word, new Map(), esc, profile.lexer).value);
    if (error !== null) return error;
  }
  return null;
}

function shellEntrypointDiagnostic(pos: { line: number; column: number; shell: string }): Diagnostic {
  return {
    code: 'entrypoint-shell-form-cmd',
    severity: 'warning',
    message: `ENTRYPOINT is shell form, so the CMD (and docker run arguments) are passed to \`${pos.shell}\` as $0, $1… and ignored unless the script uses "$@"; use exec form and \`exec "$@"\`.`,
    line: pos.line,
    column: pos.column,
  };
}
