import { parseCommandWith, unknownFlagMessage, type ParseCommandResult } from './command-form.js';
import { engineProfile, type EngineProfile } from '../core/engine-profile.js';
import { KEYWORDS, parseDockerfileWith, type DockerfileInstruction } from './parser.js';
import { matchDirective } from './directive.js';
import type { StringArrayDecoding } from '../internal/go-json.js';
import { resolveFrontend, type DockerfileFrontend } from './frontend.js';
import { expandFromWord, parseArgWords, type ArgValues } from './arg-expansion.js';
import { expectType, goQuote, isReSpace } from '../internal/text.js';
import { limitIssue, resolveLimits, type Limits, type LimitsOption } from '../core/limits.js';
import { cmdResetDiagnostic, commandShell, dispatchCmd, dispatchEntrypoint, dispatchShell, stageConfig, startStage, type StageState } from './stage.js';
import type { Command, Diagnostic, EngineOptions, Failure, ImageConfig, Issue, OperatingSystem } from '../core/types.js';

/** Base image configs by reference as written after FROM (after ARG expansion), or a lookup function. */
export type BaseImages = Readonly<Record<string, ImageConfig>> | ((ref: string) => ImageConfig | undefined);

/** Options of {@link evaluateDockerfile}. */
export interface EvaluateDockerfileOptions extends EngineOptions, LimitsOption {
  /** Configs of the external base images; unknown ones count as empty (with a diagnostic). `scratch` is always empty. */
  readonly baseImages?: BaseImages;
  /** Stage to build (name, case-insensitive); default the last stage. */
  readonly target?: string;
  /** Target OS (default `'linux'`); picks the default shell. */
  readonly os?: OperatingSystem;
  /** `--build-arg` values for ARGs declared before the first FROM. */
  readonly buildArgs?: Readonly<Record<string, string>>;
  /** `'error'`: a base image missing from `baseImages` is an issue (like a failed pull) instead of an empty config. */
  readonly unknownBaseImage?: 'empty' | 'error';
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
  | { readonly kind: 'unset' };

/** What a stage is built on. */
export type StageBase =
  | { readonly kind: 'scratch' }
  | { readonly kind: 'image'; readonly ref: string; readonly known: boolean }
  | { readonly kind: 'stage'; readonly name: string; readonly index: number };

/** One build stage and the config it produces. */
export interface DockerfileStage {
  readonly index: number;
  /** Lower-cased stage name (`FROM … AS name`), or null. */
  readonly name: string | null;
  /** The base as written after FROM (before ARG expansion). */
  readonly baseText: string;
  readonly base: StageBase;
  readonly platform?: string;
  readonly line: number;
  readonly column: number;
  readonly config: ImageConfig;
  readonly sources: { readonly entrypoint: ValueSource; readonly cmd: ValueSource; readonly shell: ValueSource };
  /** False when the stage is not built for the target (BuildKit skips it). */
  readonly built: boolean;
}

/** Success of {@link evaluateDockerfile}. */
export interface DockerfileEvaluation {
  readonly ok: true;
  /** Config of the target stage. */
  readonly config: ImageConfig;
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
  expectType(keyword, 'string', 'keyword');
  expectType(profile, 'object', 'profile');
  if (profile.unknownInstruction === 'upper') return `unknown instruction: ${keyword.toUpperCase()}`;
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
  readonly platform?: string;
  readonly expression?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** An instruction error raised only when the instruction is dispatched (`instructionErrorsAtDispatch`). */
  readonly error?: Issue;
}

function at(instr: { line: number; column: number }, code: string, message: string): Issue {
  return { code, message, line: instr.line, column: instr.column };
}

function isStageName(name: string): boolean {
  // ^[a-z][a-z0-9-_\.]*$
  const c0 = name.charCodeAt(0);
  if (!(c0 >= 97 && c0 <= 122)) return false;
  for (let i = 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c === 46)) return false;
  }
  return true;
}

function splitWhitespace(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isDelim(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const s = i;
    while (i < text.length && !isDelim(text.charCodeAt(i))) i++;
    out.push(text.slice(s, i));
  }
  return out;
}

function isDelim(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13;
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
export function parseInstructionCommand(
  instr: DockerfileInstruction,
  escapeToken: string,
  profile: EngineProfile,
  decoded?: StringArrayDecoding | null,
): ParseCommandResult {
  const kw = instr.keyword as 'CMD' | 'ENTRYPOINT' | 'SHELL';
  const text = instr.flags.length > 0 || instr.rawArgs.startsWith('--') ? instr.rawArgs : instr.args;
  return parseCommandWith(text, kw, escapeToken, profile, decoded);
}

/** Shared empty list for the (internal, read-only) diagnostics of checked instructions. */
const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/** The instruction-parse phase (BuildKit `instructions.Parse`) for one instruction; `decoded` as in {@link parseInstructionCommand}. */
function checkInstruction(
  instr: DockerfileInstruction,
  escapeToken: string,
  profile: EngineProfile,
  decoded?: StringArrayDecoding | null,
): Checked | Issue {
  const keyword = instr.keyword;
  if (!KNOWN_SET.has(keyword)) return at(instr, 'unknown-instruction', unknownInstructionMessage(instr.rawKeyword, profile));
  switch (keyword) {
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL': {
      const parsed = parseInstructionCommand(instr, escapeToken, profile, decoded);
      const diagnostics =
        parsed.diagnostics.length === 0 ? NO_DIAGNOSTICS : parsed.diagnostics.map((d) => ({ ...d, line: instr.line, column: instr.column }));
      if (!parsed.ok) {
        const first = parsed.issues[0];
        return { ...at(instr, first.code, first.message), diagnostics } as Issue;
      }
      return { instr, keyword, command: parsed.command, diagnostics };
    }
    case 'FROM': {
      let platform: string | undefined;
      for (const flag of instr.flags) {
        const eq = flag.indexOf('=');
        const name = eq < 0 ? flag : flag.slice(0, eq);
        if (name === '--platform') {
          platform = eq < 0 ? '' : flag.slice(eq + 1);
          continue;
        }
        if (profile.unknownFlag !== 'drop') return at(instr, 'unknown-flag', unknownFlagMessage(flag, profile));
      }
      const words = splitWhitespace(instr.args);
      let stageName: string | null = null;
      if (words.length === 3 && (words[1] as string).toLowerCase() === 'as') {
        stageName = profile.stageNamesCaseSensitive ? (words[2] as string) : (words[2] as string).toLowerCase();
        if (!isStageName(stageName.toLowerCase())) {
          return at(
            instr,
            'invalid-stage-name',
            `invalid name for build stage: ${JSON.stringify(words[2])}, name can't start with a number or contain symbols`,
          );
        }
      } else if (words.length !== 1) {
        const message =
          profile.builder === 'buildah'
            ? 'FROM requires either one argument, or three: FROM <source> [as <name>]'
            : 'FROM requires either one or three arguments';
        return at(instr, 'from-arguments', message);
      }
      const baseText = words[0] as string;
      return platform !== undefined
        ? { instr, keyword, stageName, baseText, platform, diagnostics: NO_DIAGNOSTICS }
        : { instr, keyword, stageName, baseText, diagnostics: NO_DIAGNOSTICS };
    }
    case 'ONBUILD': {
      if (instr.args === '') return at(instr, 'onbuild-empty', 'ONBUILD requires at least one argument');
      const trigger = instr.trigger?.keyword ?? '';
      if (trigger === 'ONBUILD') return at(instr, 'onbuild-chained', 'Chaining ONBUILD via `ONBUILD ONBUILD` isn\'t allowed');
      if (trigger === 'MAINTAINER' || trigger === 'FROM') {
        return at(instr, 'onbuild-trigger-not-allowed', `${trigger} isn't allowed as an ONBUILD trigger`);
      }
      return { instr, keyword, expression: onBuildExpression(instr), diagnostics: NO_DIAGNOSTICS };
    }
    default:
      return { instr, keyword, diagnostics: NO_DIAGNOSTICS };
  }
}

function isIssue(x: Checked | Issue): x is Issue {
  return (x as Checked).instr === undefined;
}

interface LintConfig {
  readonly skipAll: boolean;
  readonly skip: ReadonlySet<string>;
}

const NO_LINT_CONFIG: LintConfig = { skipAll: false, skip: new Set() };

/** `skip=A,B;error=true` → the rules to skip (BuildKit linter.ParseLintOptions); null when invalid. */
function parseCheck(value: string): LintConfig | null {
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

/** A `check=` directive inside the comments right before an instruction. */
function commentCheck(comments: readonly string[]): LintConfig | null {
  for (const c of comments) {
    // The linter's DirectiveParser with an empty prefix; `c` is already TrimSpace'd, so the space rule is moot.
    const m = matchDirective(`#${c}`, true);
    if (m === null || m.key !== 'check') continue;
    return parseCheck(m.value);
  }
  return null;
}

function skipped(rule: string, global: LintConfig, local: LintConfig | null): boolean {
  if (global.skipAll || global.skip.has(rule)) return true;
  if (local !== null && (local.skipAll || local.skip.has(rule))) return true;
  return false;
}

function lookupBase(baseImages: BaseImages | undefined, ref: string): ImageConfig | undefined {
  if (baseImages === undefined) return undefined;
  if (typeof baseImages === 'function') return baseImages(ref);
  return Object.prototype.hasOwnProperty.call(baseImages, ref) ? baseImages[ref] : undefined;
}

interface MutableStage {
  index: number;
  name: string | null;
  baseText: string;
  base: StageBase;
  platform: string | undefined;
  line: number;
  column: number;
  state: StageState | null;
  config: ImageConfig | null;
  /** Own ONBUILD declarations (triggers of a child stage). */
  onBuildDeclared: string[];
  sources: { entrypoint: ValueSource; cmd: ValueSource; shell: ValueSource };
  commands: Checked[];
  from: Checked;
  baseStage: number;
  error: Issue | null;
  built: boolean;
}

const UNSET: ValueSource = { kind: 'unset' };

/** `target.push(...source)` without the argument-count limit. */
function append<T>(target: T[], source: readonly T[]): void {
  for (let i = 0; i < source.length; i++) target.push(source[i] as T);
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
 * CMD/ENTRYPOINT wins) and the builder/engine differences of
 * {@link engineProfile}. CMD/ENTRYPOINT/SHELL are never expanded; FROM is
 * expanded with the ARGs declared before the first FROM.
 *
 * @example
 * evaluateDockerfile('FROM python:3\nENTRYPOINT ["python"]\n', { baseImages: { 'python:3': { cmd: ['python3'] } } })
 * // config: { entrypoint: ['python'], cmd: null, … } + diagnostic entrypoint-resets-cmd
 */
export function evaluateDockerfile(text: string, options: EvaluateDockerfileOptions = {}): EvaluateDockerfileResult {
  expectType(text, 'string', 'text');
  expectType(options, 'object', 'options');
  if (options.baseImages !== undefined && typeof options.baseImages !== 'function') expectType(options.baseImages, 'object', 'options.baseImages');
  const engine = engineProfile(options);
  const limits = resolveLimits(options.limits);
  if (text.length === 0) {
    // Checked by the frontend / daemon before parsing (docker 20.10 recording unknown-empty-file).
    const message =
      engine.builder === 'classic'
        ? 'the Dockerfile (Dockerfile) cannot be empty'
        : engine.builder === 'buildah'
          ? 'no contents in "Dockerfile"'
          : 'the Dockerfile cannot be empty';
    return { ok: false, issues: [{ code: 'empty-dockerfile', message, line: 1, column: 1 }], diagnostics: [] };
  }
  const { profile, frontend, diagnostics: found, issue } = resolveFrontend(text, engine, options.buildArgs?.['BUILDKIT_SYNTAX']);
  if (issue !== undefined) return { ok: false, issues: [issue], diagnostics: [] };
  const decodings: (StringArrayDecoding | null)[] = [];
  const parsed = parseDockerfileWith(text, profile, limits, decodings);
  const diagnostics: Diagnostic[] = [...found, ...parsed.diagnostics];
  if (!parsed.ok) return { ok: false, issues: parsed.issues, diagnostics };
  const escapeToken = parsed.escapeToken;

  let globalLint = NO_LINT_CONFIG;
  for (const d of parsed.directives) {
    if (d.name === 'check') globalLint = parseCheck(d.value) ?? NO_LINT_CONFIG;
  }

  // ---- instruction-parse phase: every instruction, in order, before anything is dispatched
  const metaArgs: Checked[] = [];
  const stages: MutableStage[] = [];
  for (let k = 0; k < parsed.instructions.length; k++) {
    const instr = parsed.instructions[k] as DockerfileInstruction;
    let checked = checkInstruction(instr, escapeToken, profile, decodings[k]);
    if (isIssue(checked) && profile.instructionErrorsAtDispatch && instr.keyword !== 'FROM') {
      const { diagnostics: deferred, ...error } = checked as Issue & { diagnostics?: readonly Diagnostic[] };
      checked = { instr, keyword: instr.keyword, diagnostics: deferred ?? NO_DIAGNOSTICS, error };
    }
    if (isIssue(checked)) {
      const withDiag = checked as Issue & { diagnostics?: Diagnostic[] };
      if (withDiag.diagnostics) append(diagnostics, withDiag.diagnostics);
      const { diagnostics: _ignored, ...issue } = withDiag;
      return { ok: false, issues: [issue], diagnostics };
    }
    append(diagnostics, checked.diagnostics);
    if (checked.keyword === 'FROM') {
      if (stages.length >= limits.maxStages) {
        return { ok: false, issues: [limitIssue('maxStages', 'Number of build stages', stages.length + 1, limits.maxStages, { line: instr.line, column: instr.column })], diagnostics };
      }
      stages.push({
        index: stages.length,
        name: checked.stageName ?? null,
        baseText: checked.baseText as string,
        base: { kind: 'scratch' },
        platform: checked.platform,
        line: instr.line,
        column: instr.column,
        state: null,
        config: null,
        onBuildDeclared: [],
        sources: { entrypoint: UNSET, cmd: UNSET, shell: UNSET },
        commands: [],
        from: checked,
        baseStage: -1,
        error: null,
        built: false,
      });
      continue;
    }
    const current = stages[stages.length - 1];
    if (current === undefined) {
      if (checked.keyword === 'ARG' && checked.error === undefined) {
        metaArgs.push(checked);
        continue;
      }
      if (profile.ignoresInstructionsBeforeFrom) continue;
      return { ok: false, issues: [at(instr, 'no-build-stage', 'no build stage in current context')], diagnostics };
    }
    current.commands.push(checked);
  }
  if (stages.length === 0) {
    const last = parsed.instructions[parsed.instructions.length - 1] as DockerfileInstruction;
    return { ok: false, issues: [at(last, 'no-build-stage', 'no build stage in current context')], diagnostics };
  }

  // ---- meta ARGs and FROM expansion
  const args: ArgValues = new Map();
  for (const m of metaArgs) {
    for (const { key, value } of parseArgWords(m.instr.args, escapeToken, args)) {
      const override = options.buildArgs !== undefined && Object.prototype.hasOwnProperty.call(options.buildArgs, key) ? options.buildArgs[key] : undefined;
      args.set(key, override ?? value);
    }
  }
  const byName = new Map<string, number>();
  for (const st of stages) {
    const expanded = expandFromWord(st.baseText, args, escapeToken);
    if (expanded === '') {
      const message = profile.builder === 'buildah' ? 'no FROM statement found' : `base name (${st.baseText}) should not be blank`;
      return { ok: false, issues: [at(st, 'blank-base-name', message)], diagnostics };
    }
    const stageKey = profile.stageNamesCaseSensitive ? expanded : expanded.toLowerCase();
    const stageIndex = byName.get(stageKey);
    if (stageIndex !== undefined) {
      st.base = { kind: 'stage', name: stageKey, index: stageIndex };
      st.baseStage = stageIndex;
    } else if (expanded === 'scratch') st.base = { kind: 'scratch' };
    else st.base = { kind: 'image', ref: expanded, known: lookupBase(options.baseImages, expanded) !== undefined };
    if (st.name !== null && !byName.has(st.name)) byName.set(st.name, st.index);
  }

  // ---- target
  let targetIndex = stages.length - 1;
  if (options.target !== undefined) {
    expectType(options.target, 'string', 'options.target');
    const t = byName.get(profile.stageNamesCaseSensitive ? options.target : options.target.toLowerCase());
    if (t === undefined) {
      return { ok: false, issues: [{ code: 'unknown-target', message: `target stage "${options.target}" could not be found` }], diagnostics };
    }
    targetIndex = t;
  }
  // BuildKit and buildah build the target and the stages it is based on; the classic builder every stage up to the target.
  if (!profile.dispatchesUnusedStages) {
    for (let i = targetIndex; i >= 0; ) {
      const st = stages[i] as MutableStage;
      st.built = true;
      i = st.baseStage;
    }
  } else for (let i = 0; i <= targetIndex; i++) (stages[i] as MutableStage).built = true;

  // ---- dispatch
  for (let i = 0; i <= targetIndex; i++) {
    const st = stages[i] as MutableStage;
    const stageDiagnostics: Diagnostic[] = [];
    const error = dispatchStage(st, stages, options, profile, limits, globalLint, stageDiagnostics);
    if (st.built) append(diagnostics, stageDiagnostics);
    if (error !== null && st.built) return { ok: false, issues: [error], diagnostics };
  }

  // Two literals rather than an object spread for the optional platform (same keys, same order).
  const out: DockerfileStage[] = stages.map((st) =>
    st.platform !== undefined
      ? { index: st.index, name: st.name, baseText: st.baseText, base: st.base, platform: st.platform, line: st.line, column: st.column, config: st.config ?? {}, sources: st.sources, built: st.built }
      : { index: st.index, name: st.name, baseText: st.baseText, base: st.base, line: st.line, column: st.column, config: st.config ?? {}, sources: st.sources, built: st.built },
  );
  const target = out[targetIndex] as DockerfileStage;
  const finalStage = stages[targetIndex] as MutableStage;
  const cfg = target.config;
  const hasCommand = (cfg.entrypoint ?? []).length > 0 || (cfg.cmd ?? []).length > 0;
  if (!hasCommand) {
    let root: MutableStage = finalStage;
    while (root.baseStage >= 0) root = stages[root.baseStage] as MutableStage;
    if (root.base.kind === 'image' && !root.base.known) {
      diagnostics.push({
        code: 'no-command-unknown-base',
        severity: 'info',
        message: `The final stage sets neither CMD nor ENTRYPOINT, so what runs is inherited from ${root.base.ref}, whose config was not given.`,
        line: finalStage.line,
        column: finalStage.column,
      });
    }
  }
  return { ok: true, config: cfg, target, stages: out, frontend, diagnostics };
}

function inheritedSources(from: string, base: ImageConfig | undefined): MutableStage['sources'] {
  return {
    entrypoint: base?.entrypoint != null ? { kind: 'inherited', from } : UNSET,
    cmd: base?.cmd != null ? { kind: 'inherited', from } : UNSET,
    shell: base?.shell != null ? { kind: 'inherited', from } : UNSET,
  };
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

function dispatchStage(
  st: MutableStage,
  stages: readonly MutableStage[],
  options: EvaluateDockerfileOptions,
  profile: EngineProfile,
  limits: Limits,
  globalLint: LintConfig,
  diagnostics: Diagnostic[],
): Issue | null {
  let baseConfig: ImageConfig | undefined;
  let triggers: readonly string[] = [];
  if (st.base.kind === 'stage') {
    const parent = stages[st.base.index] as MutableStage;
    baseConfig = parent.config ?? undefined;
    // A stage is committed as an image: where the image format keeps no ONBUILD (buildah's OCI format),
    // the child stage has no triggers to run either (recorded: engine suite seed 1862211953, case 013).
    triggers = profile.storesShellAndOnBuild ? parent.onBuildDeclared : [];
  } else if (st.base.kind === 'image') {
    baseConfig = lookupBase(options.baseImages, st.base.ref);
    if (baseConfig === undefined) {
      if (options.unknownBaseImage === 'error') {
        return at(st, 'base-image-not-found', `failed to resolve source metadata for ${st.base.ref}`);
      }
      diagnostics.push({
        code: 'unknown-base-image',
        severity: 'info',
        message: `The config of ${st.base.ref} was not given; it is treated as empty, so the result may depend on its ENTRYPOINT/CMD/SHELL.`,
        line: st.line,
        column: st.column,
      });
    } else triggers = baseConfig.onBuild ?? [];
  }
  const os: OperatingSystem = options.os ?? baseConfig?.os ?? 'linux';
  const state = startStage(baseConfig, os);
  state.onBuild = null;
  st.state = state;
  const label = baseLabel(st);
  st.sources = inheritedSources(label, baseConfig);
  let shellEp: { line: number; column: number; shell: string } | null = null;
  /** The entrypoint-resets-cmd diagnostic of this stage, until a later CMD makes it moot. */
  let pendingReset: Diagnostic | null = null;
  const used = { cmd: null as DockerfileInstruction | null, entrypoint: null as DockerfileInstruction | null, healthcheck: null as DockerfileInstruction | null };

  const run = (checked: Checked, onBuild: boolean, pos: { line: number; column: number }): Issue | null => {
    if (checked.error !== undefined) return checked.error;
    const keyword = checked.keyword;
    // Only these change the config or lint; every other instruction is a no-op here (no closures).
    if (keyword !== 'CMD' && keyword !== 'ENTRYPOINT' && keyword !== 'HEALTHCHECK' && keyword !== 'SHELL' && keyword !== 'ONBUILD') return null;
    const instr = checked.instr;
    // `# check=skip=…` counts only where the engine reads it; the BuildKit rule name is attached only
    // where the builder runs that check itself (the advice stays: hadolint gives it for any engine).
    const local = onBuild || !profile.checkComments ? null : commentCheck(instr.comments);
    const lint = (rule: string, d: Diagnostic) => {
      if (skipped(rule, globalLint, local)) return;
      diagnostics.push(profile.buildChecks ? { ...d, rule } : d);
    };
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'HEALTHCHECK') {
      const key = keyword.toLowerCase() as 'cmd' | 'entrypoint' | 'healthcheck';
      const prev = used[key];
      if (prev !== null && !onBuild) {
        lint('MultipleInstructionsDisallowed', {
          code: 'multiple-instructions',
          severity: 'warning',
          message: `Multiple ${keyword} instructions should not be used in the same stage because only the last one will be used`,
          hadolint: keyword === 'CMD' ? 'DL4003' : keyword === 'ENTRYPOINT' ? 'DL4004' : 'DL3012',
          line: prev.line,
          column: prev.column,
        });
      }
      if (!onBuild) used[key] = instr;
    }
    const source = (which: 'CMD' | 'ENTRYPOINT' | 'SHELL'): ValueSource => ({
      kind: 'instruction',
      instruction: which,
      line: pos.line,
      column: pos.column,
      ...(onBuild ? { onBuild: true } : {}),
    });
    if (keyword === 'CMD' || keyword === 'ENTRYPOINT') {
      const command = checked.command as Command;
      if (command.form === 'shell' && (state.shell === null || state.shell.length === 0)) {
        lint('JSONArgsRecommended', {
          code: 'json-args-recommended',
          severity: 'info',
          message: `JSON arguments recommended for ${keyword} to prevent unintended behavior related to OS signals`,
          hadolint: 'DL3025',
          line: pos.line,
          column: pos.column,
        });
      }
      if (keyword === 'CMD') {
        dispatchCmd(state, command, profile);
        st.sources.cmd = source('CMD');
        // A CMD later in the stage replaces what ENTRYPOINT reset: the reset no longer matters.
        if (pendingReset !== null) {
          diagnostics.splice(diagnostics.indexOf(pendingReset), 1);
          pendingReset = null;
        }
      } else {
        const wasSet = state.cmdSet;
        const lost = dispatchEntrypoint(state, command, profile);
        st.sources.entrypoint = source('ENTRYPOINT');
        if (!wasSet) {
          if (st.sources.cmd.kind !== 'unset') st.sources.cmd = { ...source('ENTRYPOINT'), reset: true } as ValueSource;
          if (lost !== null) {
            const from = st.sources.cmd.kind === 'inherited' ? st.sources.cmd.from : label;
            pendingReset = { ...cmdResetDiagnostic(lost, from), line: pos.line, column: pos.column };
            diagnostics.push(pendingReset);
          }
        }
        shellEp =
          command.form === 'shell' && command.script !== '' ? { line: pos.line, column: pos.column, shell: commandShell(state, profile).join(' ') } : null;
      }
      return null;
    }
    if (keyword === 'SHELL') {
      const command = checked.command as Command;
      if (command.form === 'exec') dispatchShell(state, command.args);
      st.sources.shell = source('SHELL');
      return null;
    }
    if (keyword === 'ONBUILD') {
      const expression = checked.expression as string;
      // The stage owns state.onBuild (startStage's copy is replaced by null): append in place.
      const list = (state.onBuild ?? []) as string[];
      state.onBuild = list;
      list.push(expression);
      if (!onBuild) st.onBuildDeclared.push(expression);
      return null;
    }
    return null;
  };

  // ONBUILD triggers of the base run first, as instructions of this stage (positioned at FROM).
  for (const trigger of triggers) {
    const decodings: (StringArrayDecoding | null)[] = [];
    const parsed = parseDockerfileWith(trigger, profile, limits, decodings);
    if (!parsed.ok) return { ...parsed.issues[0], line: st.line, column: st.column };
    if (parsed.instructions.length !== 1) return at(st, 'onbuild-trigger', 'onbuild trigger should be a single expression');
    const checked = checkInstruction(parsed.instructions[0] as DockerfileInstruction, parsed.escapeToken, profile, decodings[0]);
    if (isIssue(checked)) {
      const { diagnostics: _d, ...issue } = checked as Issue & { diagnostics?: Diagnostic[] };
      return { ...issue, line: st.line, column: st.column };
    }
    const err = run(checked, true, st);
    if (err) return err;
  }
  for (const checked of st.commands) {
    const err = run(checked, false, checked.instr);
    if (err) return err;
  }
  // buildah commits nothing for a stage that is only FROM: the base image (its config verbatim) is the result.
  if (profile.emptyStageIsBase && triggers.length === 0 && st.commands.length === 0 && baseConfig !== undefined) {
    st.config = baseConfig;
    return null;
  }
  st.config = stageConfig(state, profile);
  if (shellEp !== null && (st.config.cmd ?? []).length > 0) diagnostics.push(shellEntrypointDiagnostic(shellEp));
  return null;
}

function shellEntrypointDiagnostic(pos: { line: number; column: number; shell: string }): Diagnostic {
  return {
    code: 'shell-entrypoint-cmd',
    severity: 'warning',
    message: `ENTRYPOINT is shell form, so the CMD (and docker run arguments) are passed to \`${pos.shell}\` as $0, $1… and ignored unless the script uses "$@"; use exec form and \`exec "$@"\`.`,
    line: pos.line,
    column: pos.column,
  };
}
