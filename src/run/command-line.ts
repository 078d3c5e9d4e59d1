/**
 * `docker run …` / `podman create …` command lines → image, argv overrides and flags, with the
 * docker CLI's own flag grammar (spf13/pflag rules, `SetInterspersed(false)`) and error wording.
 * Rules and sources: docs/semantics.md §4.
 */
import { resolveDockerRun, type DockerResolution, type DockerRunOverrides } from './docker-run.js';
import { cliProfile, engineProfile, fillMessage, parseEngineVersion, versionAtLeastText, type CliProfile, type Version } from '../core/engine-profile.js';
import { goFloatErrorMessage, parseGoFloat64 } from '../internal/go-float.js';
import { goRatScaledInt64, parseGoRat } from '../internal/go-rat.js';
import { expectType, goQuote } from '../internal/text.js';
import { goParseBool, goParseBoolError } from '../internal/go-bool.js';
import { limitIssue, resolveLimits, type LimitsOption } from '../core/limits.js';
import { DOCKER_GLOBAL_FLAGS, DOCKER_RUN_FLAGS, PODMAN_FLAG_ALIASES, PODMAN_GLOBAL_FLAGS, PODMAN_RUN_FLAGS, type RunFlagSpec } from './flag-table.js';
import { splitShellWords } from './posix-words.js';
import { parseImageReference } from '../core/image-reference.js';
import type { Diagnostic, Engine, EngineOptions, Failure, ImageConfig, Issue, Location } from '../core/types.js';
import type { DiagnosticCode } from '../core/diagnostics.js';

/** Options of {@link parseRunCommandLine}. */
export interface RunCommandLineOptions extends EngineOptions, LimitsOption {
  /** Engine to assume when the argv starts at the subcommand (`['run', 'img']`). Default `'docker'`. */
  readonly engine?: Engine;
  /**
   * API version of the daemon the Docker CLI talks to (`'1.41'` for Engine 20.10). When given,
   * flags that need a newer API are rejected the way the CLI does. Default: no check.
   */
  readonly daemonApiVersion?: string;
}

/** docker/cli `SetAnnotation(flag, "version", …)`: the minimum daemon API version of a flag (opts.go, run.go, create.go). */
export const DOCKER_FLAG_MIN_API: Readonly<Record<string, string>> = Object.freeze({
  annotation: '1.43',
  cgroupns: '1.41',
  'cpu-rt-period': '1.25',
  'cpu-rt-runtime': '1.25',
  cpus: '1.25',
  gpus: '1.40',
  'health-start-interval': '1.44',
  'health-start-period': '1.29',
  init: '1.25',
  platform: '1.32',
  'stop-timeout': '1.25',
});

/** One flag as the CLI received it. */
export interface ParsedRunFlag {
  /** Long name, without dashes (`'env'` for `-e`). */
  readonly name: string;
  /** The value handed to the flag (`'true'`/`'false'` for booleans). */
  readonly value: string;
  /** The word(s) as written, e.g. `'-it'`, `'--env=A=1'`, `'-p 80:80'`. */
  readonly spelled: string;
  /** Where the flag word is (1-based column/line for text input, `path` `[i]` for argv input). */
  readonly location: Location;
}

/** A parsed run/create command. */
export interface ParsedRunCommandLine {
  readonly ok: true;
  readonly engine: Engine;
  /** `'run'` or `'create'`. */
  readonly command: 'run' | 'create';
  readonly image: string;
  /** What decides the argv (feed to `resolveDockerRun` or `toKubernetes`); `args` are the words after the image. */
  readonly run: DockerRunOverrides & { readonly args: readonly string[] };
  /** Every run/create flag in order (repeatable flags appear once per use). */
  readonly flags: readonly ParsedRunFlag[];
  /** Flags given to the `docker`/`podman` program before the subcommand. */
  readonly globalFlags: readonly ParsedRunFlag[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link parseRunCommandLine}. */
export type ParseRunCommandLineResult = ParsedRunCommandLine | Failure;

/** The flag tables of each engine's CLI (src/run/flag-table.ts). */
const RUN_FLAGS: Readonly<Record<Engine, readonly RunFlagSpec[]>> = { docker: DOCKER_RUN_FLAGS, podman: PODMAN_RUN_FLAGS };
const GLOBAL_FLAGS: Readonly<Record<Engine, readonly RunFlagSpec[]>> = { docker: DOCKER_GLOBAL_FLAGS, podman: PODMAN_GLOBAL_FLAGS };
const RUN_FLAG_ALIASES: Readonly<Record<Engine, Readonly<Record<string, string>>>> = { docker: {}, podman: PODMAN_FLAG_ALIASES };

interface Word {
  readonly value: string;
  readonly location: Location;
}

/** Go's `strconv.ParseBool`; `undefined` when invalid. */
export function parseGoBool(text: string): boolean | undefined {
  expectType(text, 'string', 'text');
  return goParseBool(text);
}

function flagSetFor(
  list: readonly RunFlagSpec[],
  version: Version | null,
  command: 'run' | 'create' | 'global',
): { long: Map<string, RunFlagSpec>; short: Map<string, RunFlagSpec> } {
  const long = new Map<string, RunFlagSpec>();
  const short = new Map<string, RunFlagSpec>();
  for (const f of list) {
    if (f.since !== undefined && !versionAtLeastText(version, f.since)) continue;
    if (f.until !== undefined && versionAtLeastText(version, f.until)) continue;
    if (command !== 'global' && f.commands !== 'both' && f.commands !== command) continue;
    long.set(f.name, f);
    if (f.shorthand !== '') short.set(f.shorthand, f);
  }
  return { long, short };
}

/** pflag's "-e, --env" / "--rm" name used in "invalid argument" errors. */
function flagTitle(f: RunFlagSpec): string {
  return f.shorthand !== '' ? `-${f.shorthand}, --${f.name}` : `--${f.name}`;
}

/** Go's %q for a one-character string (pflag quotes the shorthand rune). */
function goQuoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '\\') return `'\\\\'`;
  const code = c.codePointAt(0) as number;
  if (code < 0x20 || code === 0x7f) {
    const named: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r' };
    return named[code] !== undefined ? `'\\${named[code]}'` : `'\\x${code.toString(16).padStart(2, '0')}'`;
  }
  return `'${c}'`;
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * docker's `units.RAMInBytes` (go-units): `<number>[.<frac>][ ][kmgtp][i][b]`, binary multiples,
 * case-insensitive. Returns bytes or the error text (the suffix wording is go-units ≥ 0.5 / Docker ≥ 23;
 * older releases say `invalid size` for both).
 */
export function parseDockerBytes(text: string, modernErrors = true): { bytes: number } | { error: string } {
  expectType(text, 'string', 'text');
  let k = 0;
  while (k < text.length && text[k]! >= '0' && text[k]! <= '9') k++;
  if (k === 0) return { error: `invalid size: '${text}'` };
  let end = k;
  if (text[end] === '.') {
    let j = end + 1;
    while (j < text.length && text[j]! >= '0' && text[j]! <= '9') j++;
    if (j > end + 1) end = j;
  }
  const num = Number(text.slice(0, end));
  let suffix = text.slice(end);
  if (suffix.startsWith(' ')) suffix = suffix.slice(1);
  const m = /^([kmgtpKMGTP]?)([iI]?)[bB]?$/.exec(suffix);
  if (!m || (m[1] === '' && m[2] !== '')) {
    return { error: modernErrors ? `invalid suffix: '${suffix}'` : `invalid size: '${text}'` };
  }
  return { bytes: Math.trunc(num * (SIZE_UNITS[(m[1] as string).toLowerCase()] as number)) };
}

/**
 * docker's `--cpus` value (docker/cli `opts.ParseCPUs`): a Go `big.Rat` (`1.5`, `3/2`, `15e-1`,
 * `0x1.8p0`) times 1e9, which must be a whole number of nano-CPUs. Returns that count as the
 * int64 the CLI sends (`HostConfig.NanoCpus`), or the CLI's error text. `outOfRange`: the count is
 * outside int64 and `nanoCpus` is its low 64 bits (`1e10` → -8446744073709551616), as the CLI sends.
 */
export function parseDockerCpus(text: string): { nanoCpus: bigint; outOfRange?: true } | { error: string } {
  expectType(text, 'string', 'text');
  const rat = parseGoRat(text);
  if (rat === undefined) return { error: `failed to parse ${text} as a rational number` };
  const nano = goRatScaledInt64(rat, 9);
  if (nano === undefined) return { error: 'value is too precise' };
  return nano.overflow ? { nanoCpus: nano.int64, outOfRange: true } : { nanoCpus: nano.int64 };
}

/** logrus ParseLevel names (docker `--log-level`; cmd/docker/docker.go exits with "Unable to parse logging level"). */
const LOGRUS_LEVELS = new Set(['panic', 'fatal', 'error', 'warn', 'warning', 'info', 'debug', 'trace']);

const SUDO_VALUE_FLAGS = new Set(['-u', '-g', '-C', '-D', '-p', '-r', '-t', '-T', '-U', '-h', '--user', '--group', '--chdir', '--prompt', '--host']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

const ENV_VALUE_FLAGS = new Set(['-u', '--unset', '-C', '--chdir', '-S']);
const INT_SYNTAX = /^[+-]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]*|[1-9][0-9]*)$/;
const UINT_SYNTAX = /^(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]*|[1-9][0-9]*)$/;

function programEngine(word: string): Engine | undefined {
  const base = word.slice(word.lastIndexOf('/') + 1);
  if (base === 'docker' || base === 'docker.exe') return 'docker';
  if (base === 'podman' || base === 'podman-remote' || base === 'podman.exe') return 'podman';
  return undefined;
}

/**
 * Parses a `docker run`/`docker create`/`podman run`/`podman create` command line (or its argv)
 * the way the engine's CLI does, and returns the image, the argv overrides (`--entrypoint`,
 * `--init`, the words after the image) and every flag. Errors use the CLI's wording.
 *
 * @param line - Shell command line (POSIX quoting) or an argv array (`['docker', 'run', …]`).
 * @param options - `engineVersion` selects the flag set and error wording (`'20.10'`, `'28.2'`).
 * @example
 * parseRunCommandLine(`docker run -it --rm --entrypoint '' ubuntu bash -lc 'echo hi'`).run
 * // { entrypoint: '', args: ['bash', '-lc', 'echo hi'] }
 */
export function parseRunCommandLine(line: string | readonly string[], options: RunCommandLineOptions = {}): ParseRunCommandLineResult {
  expectRunArguments(line, options);
  const { maxInputLength } = resolveLimits(options.limits);
  if (typeof line === 'string' && line.length > maxInputLength) {
    return { ok: false, issues: [limitIssue('maxInputLength', 'Command line length', line.length, maxInputLength)], diagnostics: [] };
  }
  const input = commandWords(line);
  if (!input.ok) return input;
  const { words, diagnostics } = input;
  const fail = (issue: Issue): ParseRunCommandLineResult => ({ ok: false, issues: [issue], diagnostics });

  const head = readProgram(words, skipPrefixes(words, diagnostics, options.engine ?? 'docker'), options, diagnostics);
  if ('issue' in head) return fail(head.issue);
  const cli = cliDialect(head.engine, options);
  const globalFlags: ParsedRunFlag[] = [];
  const global = new FlagScanner(words, cli, diagnostics, { set: globalFlagSet(cli), into: globalFlags, scope: 'global', commandPath: cli.engine });
  const g = global.scan(head.index);
  if ('issue' in g) return fail(g.issue);
  const sub = readSubcommand(words, g.index, cli.engine, head.word);
  if ('issue' in sub) return fail(sub.issue);
  if (globalFlags.length > 0) diagnostics.push(globalFlagsNote(globalFlags, sub.command, cli.engine));

  const runSet = runFlagSet(cli, sub.command);
  const flags: ParsedRunFlag[] = [];
  const r = new FlagScanner(words, cli, diagnostics, { set: runSet, into: flags, scope: 'run', commandPath: sub.commandPath }).scan(sub.index);
  if ('issue' in r) return fail(r.issue);
  const imageWord = words[r.index];
  if (imageWord === undefined) return fail({ code: 'run-missing-image', message: fillMessage(cli.missingImageMessage, sub.commandPath) });
  const after = words.slice(r.index + 1);

  const last = lastFlags(flags, runSet, diagnostics);
  const issue = apiVersionIssue(flags, cli, options.daemonApiVersion) ?? rmRestartIssue(last, cli) ?? imageReferenceIssue(imageWord, cli);
  if (issue !== undefined) return fail(issue);
  noteImageNeighbours(imageWord, after, runSet, cli.engine, diagnostics);
  const run = runOverrides(last, after);
  return { ok: true, engine: cli.engine, command: sub.command, image: imageWord.value, run, flags, globalFlags, diagnostics };
}

// ---- input ------------------------------------------------------------------------------------

/** Programmer errors: `line` is neither a string nor an array of strings, `options` not an object. */
function expectRunArguments(line: string | readonly string[], options: RunCommandLineOptions): void {
  if (typeof line !== 'string') {
    expectType(line, 'array', 'line');
    for (let k = 0; k < line.length; k++) {
      if (typeof line[k] !== 'string') throw new TypeError(`line[${k}] must be a string, got ${typeof line[k]}`);
    }
  }
  expectType(options, 'object', 'options');
  if (options.engine !== undefined) expectType(options.engine, 'string', 'options.engine');
}

type WordsResult = { readonly ok: true; readonly words: readonly Word[]; readonly diagnostics: Diagnostic[] } | Failure;

/** The words to parse: a command line split by POSIX rules (line/column), or argv elements (`[index]`). */
function commandWords(line: string | readonly string[]): WordsResult {
  if (typeof line !== 'string') return { ok: true, words: line.map((value, k) => ({ value, location: { path: `[${k}]` } })), diagnostics: [] };
  const split = splitShellWords(line);
  if (!split.ok) return { ok: false, issues: split.issues, diagnostics: [...split.diagnostics] };
  const words = split.words.map((w) => ({ value: w.value, location: { line: w.line, column: w.column } }));
  return { ok: true, words, diagnostics: [...split.diagnostics] };
}

// ---- prefixes and program ------------------------------------------------------------------------

/**
 * Skips `VAR=value`, `env …` and `sudo …` before the program, noting each; returns the program's
 * index. A `VAR=value` note names the client: the program after the prefixes, else `fallback`.
 */
function skipPrefixes(words: readonly Word[], diagnostics: Diagnostic[], fallback: Engine): number {
  const notes: ((client: Engine) => Diagnostic)[] = [];
  let i = 0;
  for (let w = words[0]; w !== undefined; w = words[i]) {
    const word = w;
    if (ASSIGNMENT.test(word.value)) {
      notes.push((client) => prefixNote(`${JSON.stringify(word.value)} sets a variable in the environment of the ${client} client only, not in the container (use -e).`, word));
      i++;
    } else if (word.value === 'sudo' || word.value === 'env') {
      const isSudo = word.value === 'sudo';
      const note = prefixNote(
        isSudo
          ? '`sudo` runs the client as root; it does not change what the container runs.'
          : '`env` only changes the client environment; variables reach the container only with -e/--env.',
        word,
      );
      notes.push(() => note);
      i = skipWrapperOptions(words, i + 1, isSudo);
    } else {
      break;
    }
  }
  const client = programEngine(words[i]?.value ?? '') ?? fallback;
  for (const note of notes) diagnostics.push(note(client));
  return i;
}

function prefixNote(message: string, w: Word): Diagnostic {
  return { code: 'run-command-prefix', severity: 'info', message, ...w.location };
}

/** Skips the options of `sudo`/`env` (and its `--`); returns the index of the command it runs. */
function skipWrapperOptions(words: readonly Word[], from: number, isSudo: boolean): number {
  let i = from;
  while (i < words.length) {
    const v = (words[i] as Word).value;
    if (v === '--') return i + 1;
    if (isSudo && SUDO_VALUE_FLAGS.has(v)) i += 2;
    else if (!isSudo && ENV_VALUE_FLAGS.has(v)) i += 2;
    else if (v.startsWith('-') && v.length > 1) i++;
    else if (!isSudo && ASSIGNMENT.test(v)) i++;
    else break;
  }
  return i;
}

/** The program word (`docker`, `/usr/bin/podman`) or a bare `run`/`create`/`container` (engine from options). */
function readProgram(
  words: readonly Word[],
  i: number,
  options: RunCommandLineOptions,
  diagnostics: Diagnostic[],
): { engine: Engine; index: number; word: Word } | { issue: Issue } {
  const word = words[i];
  if (word === undefined) return { issue: { code: 'run-not-run-command', message: 'no docker or podman command found' } };
  const detected = programEngine(word.value);
  if (detected === undefined && word.value !== 'run' && word.value !== 'create' && word.value !== 'container') {
    return {
      issue: {
        code: 'run-not-run-command',
        message: `${JSON.stringify(word.value)} is not docker or podman; expected "docker run …" or "podman create …"`,
        ...word.location,
      },
    };
  }
  const engine = detected ?? options.engine ?? 'docker';
  if (options.engine !== undefined && options.engine !== engine) {
    diagnostics.push({
      code: 'run-engine-mismatch',
      severity: 'warning',
      message: `The command line uses ${engine}, but options.engine is ${options.engine}; the command line wins.`,
      ...word.location,
    });
  }
  return { engine, index: detected !== undefined ? i + 1 : i, word };
}

/** What the flag grammar and its messages depend on: the engine (also the program name in messages) and its client's rules. */
interface CliDialect extends CliProfile {
  readonly engine: Engine;
}

function cliDialect(engine: Engine, options: RunCommandLineOptions): CliDialect {
  return { engine, ...cliProfile(engineProfile({ ...options, engine })) };
}

/** `[container] run|create` after the global flags. */
function readSubcommand(
  words: readonly Word[],
  from: number,
  program: Engine,
  programWord: Word,
): { command: 'run' | 'create'; commandPath: string; index: number } | { issue: Issue } {
  let i = from;
  let sub = words[i];
  let path: string = program;
  if (sub !== undefined && sub.value === 'container') {
    path += ' container';
    i++;
    sub = words[i];
  }
  if (sub === undefined || (sub.value !== 'run' && sub.value !== 'create')) {
    return {
      issue: {
        code: 'run-not-run-command',
        message: `expected "${path} run" or "${path} create"${sub ? `, got ${JSON.stringify(sub.value)}` : ''}`,
        ...(sub ?? programWord).location,
      },
    };
  }
  return { command: sub.value, commandPath: `${path} ${sub.value}`, index: i + 1 };
}

function globalFlagsNote(globalFlags: readonly ParsedRunFlag[], command: string, program: Engine): Diagnostic {
  return {
    code: 'run-global-flags',
    severity: 'info',
    message: `Flags before "${command}" (${globalFlags.map((f) => f.spelled).join(' ')}) configure the ${program} client, not the container.`,
    ...(globalFlags[0] as ParsedRunFlag).location,
  };
}

// ---- flag sets ----------------------------------------------------------------------------------

interface FlagSet {
  readonly long: Map<string, RunFlagSpec>;
  readonly short: Map<string, RunFlagSpec>;
}

function globalFlagSet(cli: CliDialect): FlagSet {
  return flagSetFor(GLOBAL_FLAGS[cli.engine], cli.version, 'global');
}

function runFlagSet(cli: CliDialect, command: 'run' | 'create'): FlagSet {
  const set = flagSetFor(RUN_FLAGS[cli.engine], cli.version, command);
  if (cli.globalFlagsPersistent) {
    // Podman's global flags are persistent: they are accepted after the subcommand too.
    for (const f of GLOBAL_FLAGS[cli.engine]) {
      if (!set.long.has(f.name)) set.long.set(f.name, f);
      if (f.shorthand !== '' && !set.short.has(f.shorthand)) set.short.set(f.shorthand, f);
    }
  }
  return set;
}

// ---- the pflag loop -----------------------------------------------------------------------------

/** Where a flag loop stopped: the first positional word (after `--` when `dashdash`), or an issue. */
type Stop = { index: number; dashdash: boolean } | { issue: Issue };

interface FlagScope {
  readonly set: FlagSet;
  /** Receives each flag as it is parsed. */
  readonly into: ParsedRunFlag[];
  /** `'global'`: the program's flags before the subcommand; `'run'`: run/create flags. */
  readonly scope: 'global' | 'run';
  /** `docker`, `docker container run`…, as usage errors name it. */
  readonly commandPath: string;
}

/** spf13/pflag's parse loop with `SetInterspersed(false)`: flags up to the first positional word or `--`. */
class FlagScanner {
  constructor(
    private readonly words: readonly Word[],
    private readonly cli: CliDialect,
    private readonly diagnostics: Diagnostic[],
    private readonly scope: FlagScope,
  ) {}

  /** Parses flags from `from`; returns the index of the first positional word, or an issue. */
  scan(from: number): Stop {
    let k = from;
    for (let w = this.words[k]; w !== undefined; w = this.words[k]) {
      const s = w.value;
      if (s.length < 2 || s[0] !== '-') return { index: k, dashdash: false };
      if (s === '--') return { index: k + 1, dashdash: true };
      const step = s[1] === '-' ? this.longFlag(w, k + 1) : this.shorthands(w, k + 1);
      if ('issue' in step) return step;
      k = step.index;
    }
    return { index: k, dashdash: false };
  }

  /** `--name`, `--name=value` or `--name value`. */
  private longFlag(w: Word, next: number): Stop {
    const s = w.value;
    const body = s.slice(2);
    if (body[0] === '-' || body[0] === '=') return this.issue('run-bad-flag-syntax', `bad flag syntax: ${s}`, w);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const f = this.scope.set.long.get(this.scope.scope === 'run' ? (RUN_FLAG_ALIASES[this.cli.engine][name] ?? name) : name);
    if (f === undefined) {
      if (name === 'help') return this.issue('run-help', `${this.scope.commandPath} --help prints usage and creates no container`, w);
      return this.issue('run-unknown-flag', `unknown flag: --${name}`, w);
    }
    let k = next;
    let value: string;
    let spelled = s;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (f.bool) value = 'true';
    else if (k < this.words.length) {
      value = (this.words[k] as Word).value;
      spelled = `${s} ${value}`;
      k++;
    } else return this.issue('run-flag-needs-argument', `flag needs an argument: --${name}`, w);
    return this.accept(f, value, spelled, w.location) ?? { index: k, dashdash: false };
  }

  /** A shorthand group: `-it`, `-itp80`, `-e=X`, `-e X`. */
  private shorthands(w: Word, next: number): Stop {
    let k = next;
    let shorts = w.value.slice(1);
    while (shorts.length > 0) {
      const c = String.fromCodePoint(shorts.codePointAt(0) as number);
      const f = this.scope.set.short.get(c);
      if (f === undefined) {
        if (c === 'h') return this.issue('run-help', `${this.scope.commandPath} -h prints usage and creates no container`, w);
        return this.issue('run-unknown-flag', `unknown shorthand flag: ${goQuoteChar(c)} in -${shorts}`, w);
      }
      let value: string;
      const after = shorts.slice(c.length);
      if (after.length > 1 && after[0] === '=') {
        value = after.slice(1);
        shorts = '';
      } else if (f.bool) {
        value = 'true';
        shorts = after;
      } else if (after.length > 0) {
        value = after;
        shorts = '';
      } else if (k < this.words.length) {
        value = (this.words[k] as Word).value;
        k++;
        shorts = '';
      } else {
        return this.issue('run-flag-needs-argument', `flag needs an argument: ${goQuoteChar(c)} in -${c}`, w);
      }
      const stop = this.accept(f, value, w.value, w.location);
      if (stop) return stop;
    }
    return { index: k, dashdash: false };
  }

  /** Checks a flag's value the way its pflag.Value does, records it, and stops on `--help` or a bad log level. */
  private accept(f: RunFlagSpec, value: string, spelled: string, at: Location): { issue: Issue } | undefined {
    const cause = flagValueError(f, value, this.cli);
    if (cause !== undefined) {
      return { issue: { code: 'run-invalid-flag-value', message: `invalid argument ${goQuote(value)} for ${goQuote(flagTitle(f))} flag: ${cause}`, ...at } };
    }
    if (f.deprecatedSince !== undefined && versionAtLeastText(this.cli.version, f.deprecatedSince)) {
      this.diagnostics.push({
        code: 'run-flag-deprecated',
        severity: 'warning',
        message: `--${f.name} is deprecated in ${this.cli.engine} ${f.deprecatedSince} and later; the CLI prints a warning and ignores or rejects it.`,
        ...at,
      });
    }
    this.scope.into.push({ name: f.name, value, spelled, location: at });
    // The root command's --help/--version are ignored when a subcommand follows (cobra; recorded).
    if (this.scope.scope === 'run' && f.name === 'help' && parseGoBool(value) === true) {
      return { issue: { code: 'run-help', message: `${this.scope.commandPath} --help prints usage and creates no container`, ...at } };
    }
    // `docker -v run …`: cobra only acts on the root's --version when no subcommand follows (recorded).
    if (this.scope.scope === 'global' && this.cli.checksLogLevel && f.name === 'log-level' && !LOGRUS_LEVELS.has(value.toLowerCase())) {
      return { issue: { code: 'run-invalid-flag-value', message: `Unable to parse logging level: ${value}`, ...at } };
    }
    return undefined;
  }

  private issue(code: DiagnosticCode, message: string, w: Word): { issue: Issue } {
    return { issue: { code, message, ...w.location } };
  }
}

/** Why a flag's pflag.Value rejects `value` (strconv, go-units, opts wording), or `undefined`. */
function flagValueError(f: RunFlagSpec, value: string, cli: CliDialect): string | undefined {
  if (f.bool && parseGoBool(value) === undefined) return goParseBoolError(value);
  if ((f.type === 'int' || f.type === 'uint') && !(f.type === 'uint' ? UINT_SYNTAX : INT_SYNTAX).test(value)) {
    return `strconv.${f.type === 'uint' ? 'ParseUint' : 'ParseInt'}: parsing ${goQuote(value)}: invalid syntax`;
  }
  if (f.type === 'float') {
    const x = parseGoFloat64(value);
    if ('error' in x) return goFloatErrorMessage(value, x.error);
  }
  if (!cli.checksValues) return undefined;
  if (f.type === 'cpus') {
    const c = parseDockerCpus(value);
    if ('error' in c) return c.error;
  }
  if (f.type === 'bytes') {
    const b = parseDockerBytes(value, cli.sizeSuffixError);
    if ('error' in b) return b.error;
  }
  if (f.name === 'env' && value.split('=')[0] === '') return `invalid environment variable: ${value}`;
  return undefined;
}

// ---- after the flags: image and argv ------------------------------------------------------------

/** The last use of each flag (the value that wins), noting single-value flags given more than once. */
function lastFlags(flags: readonly ParsedRunFlag[], runSet: FlagSet, diagnostics: Diagnostic[]): Map<string, ParsedRunFlag> {
  const seen = new Map<string, ParsedRunFlag>();
  for (const f of flags) {
    const spec = runSet.long.get(f.name);
    if (seen.has(f.name) && spec !== undefined && !spec.repeatable && !spec.bool) {
      diagnostics.push({
        code: 'run-flag-repeated',
        severity: 'info',
        message: `--${f.name} is given more than once; the last value (${JSON.stringify(f.value)}) wins.`,
        ...f.location,
      });
    }
    seen.set(f.name, f);
  }
  return seen;
}

/** docker/cli: a flag annotated with a minimum API version fails against an older daemon. */
function apiVersionIssue(flags: readonly ParsedRunFlag[], cli: CliDialect, daemonApiVersion: string | undefined): Issue | undefined {
  if (!cli.checksApiVersion || daemonApiVersion === undefined) return undefined;
  const api = parseEngineVersion(daemonApiVersion);
  for (const f of flags) {
    const min = DOCKER_FLAG_MIN_API[f.name];
    if (min !== undefined && api !== null && !versionAtLeastText(api, min)) {
      return {
        code: 'run-flag-needs-newer-api',
        message: `"--${f.name}" requires API version ${min}, but the Docker daemon API version is ${daemonApiVersion}`,
        ...f.location,
      };
    }
  }
  return undefined;
}

/** docker/cli opts.go parse(): --rm with a restart policy other than "no" is rejected by the client. */
function rmRestartIssue(last: ReadonlyMap<string, ParsedRunFlag>, cli: CliDialect): Issue | undefined {
  const rm = last.get('rm');
  const restart = last.get('restart');
  const message = cli.rmRestartConflictMessage;
  if (message === null || rm === undefined || parseGoBool(rm.value) !== true || restart === undefined) return undefined;
  const policy = restart.value.split(':')[0];
  if (policy === '' || policy === 'no') return undefined;
  return { code: 'run-conflicting-options', message, ...restart.location };
}

function imageReferenceIssue(imageWord: Word, cli: CliDialect): Issue | undefined {
  const refError = cli.referenceCheck === 'none' ? undefined : imageReferenceError(imageWord.value, cli.referenceCheck === 'named');
  return refError === undefined ? undefined : { code: 'run-invalid-reference', message: refError, ...imageWord.location };
}

/** Notes an image that looks like a flag, and a flag-like word right after the image (it goes to the container). */
function noteImageNeighbours(imageWord: Word, after: readonly Word[], runSet: FlagSet, program: Engine, diagnostics: Diagnostic[]): void {
  if (imageWord.value.startsWith('-')) {
    diagnostics.push({
      code: 'run-image-looks-like-flag',
      severity: 'warning',
      message: `${JSON.stringify(imageWord.value)} is taken as the image name because it follows "--".`,
      ...imageWord.location,
    });
  }
  const help = after.find((w) => w.value === '--help' || w.value === '-h');
  if (help !== undefined) {
    diagnostics.push({
      code: 'run-flag-after-image',
      severity: 'info',
      message: `${JSON.stringify(help.value)} comes after the image, so it is an argument of the container's command, not a ${program} flag.`,
      ...help.location,
    });
    return;
  }
  const flagAfter = after.slice(0, 1).find((w) => /^--?[a-z]/.test(w.value) && isRunFlag(w.value, runSet));
  if (flagAfter !== undefined) {
    diagnostics.push({
      code: 'run-flag-after-image',
      severity: 'info',
      message: `${JSON.stringify(flagAfter.value)} comes after the image, so it is passed to the container's command, not to ${program}.`,
      ...flagAfter.location,
    });
  }
}

function isRunFlag(word: string, runSet: FlagSet): boolean {
  return runSet.long.has(word.replace(/^--?/, '').split('=')[0] as string) || (word.length === 2 && runSet.short.has(word[1] as string));
}

/** What decides the argv: the last `--entrypoint` and `--init`, and the words after the image. */
function runOverrides(last: ReadonlyMap<string, ParsedRunFlag>, after: readonly Word[]): ParsedRunCommandLine['run'] {
  const entrypoint = last.get('entrypoint')?.value;
  const initFlag = last.get('init');
  const init = initFlag === undefined ? undefined : parseGoBool(initFlag.value);
  return {
    ...(entrypoint !== undefined ? { entrypoint } : {}),
    args: after.map((w) => w.value),
    ...(init !== undefined ? { init } : {}),
  };
}

/**
 * Checks a `docker run` image word as the docker CLI does (distribution/reference
 * `ParseAnyReference`): a 64-hex image ID or a `sha256:<hex>` digest is an image ID; anything else
 * goes through {@link parseImageReference}. Returns the CLI's error text or `undefined`; before
 * docker 28.0 (CLI on docker/distribution ≤ 2.8) the lowercase error does not name the repository.
 */
function imageReferenceError(ref: string, modern: boolean): string | undefined {
  if (isImageId(ref)) return undefined;
  const parsed = parseImageReference(ref);
  if (parsed.ok) return undefined;
  const issue = parsed.issues[0];
  if (issue.code === 'image-reference-uppercase' && !modern) return 'invalid reference format: repository name must be lowercase';
  return issue.message;
}

/** `ParseAnyReference`'s image IDs: 64 lower-case hex digits, or a digest go-digest `Parse` accepts (sha256/384/512 with their lengths). */
function isImageId(ref: string): boolean {
  const colon = ref.indexOf(':');
  const algorithm = colon < 0 ? '' : ref.slice(0, colon);
  const hex = colon < 0 ? ref : ref.slice(colon + 1);
  const size = colon < 0 ? 64 : algorithm === 'sha256' ? 64 : algorithm === 'sha384' ? 96 : algorithm === 'sha512' ? 128 : 0;
  if (size === 0 || hex.length !== size) return false;
  for (let i = 0; i < hex.length; i++) {
    const c = hex.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** What a run command line executes: the resolution (as {@link resolveDockerRun} gives it) and the parsed line. */
export interface RunCommandLineResolution extends DockerResolution {
  readonly parsed: ParsedRunCommandLine;
}

/** Result of {@link resolveRunCommandLine}: fails when the line does not parse or the container does not start. */
export type ResolveRunCommandLineResult = RunCommandLineResolution | Failure;

/**
 * Parses a run command line and resolves what it executes for an image config: the line's engine
 * (`docker`/`podman`) and `options` select the rules. Diagnostics are the line's, then the
 * resolution's; a failure carries the issues of whichever step failed.
 *
 * @example
 * const r = resolveRunCommandLine('docker run --init app serve', { entrypoint: ['/app'] });
 * // r.ok && r.argv → ['/sbin/docker-init', '--', '/app', 'serve']; r.parsed.image → 'app'
 */
export function resolveRunCommandLine(line: string | readonly string[], image: ImageConfig, options: RunCommandLineOptions = {}): ResolveRunCommandLineResult {
  expectType(image, 'object', 'image');
  const parsed = parseRunCommandLine(line, options);
  if (!parsed.ok) return parsed;
  const resolution = resolveDockerRun(image, parsed.run, { ...options, engine: parsed.engine });
  const diagnostics = [...parsed.diagnostics, ...resolution.diagnostics];
  if (!resolution.ok) return { ok: false, issues: resolution.issues, diagnostics };
  return { ...resolution, parsed, diagnostics };
}
