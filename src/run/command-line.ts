/**
 * `docker run …` / `podman create …` command lines → image, argv overrides and flags, with the
 * docker CLI's own flag grammar (spf13/pflag rules, `SetInterspersed(false)`) and error wording.
 * Rules and sources: docs/semantics.md §4.
 */
import { resolveDockerRun, type DockerRunOptions, type DockerRunResult } from './docker-run.js';
import { CURRENT_DOCKER_VERSION, engineProfile, parseEngineVersion } from '../core/engine-profile.js';
import { goFloatErrorMessage, parseGoFloat64 } from '../internal/go-float.js';
import { goRatScaledInt64, parseGoRat } from '../internal/go-rat.js';
import { expectType, goQuote } from '../internal/text.js';
import { limitIssue, resolveLimits, type LimitsOption } from '../core/limits.js';
import {
  DOCKER_GLOBAL_FLAGS,
  DOCKER_RUN_FLAGS,
  PODMAN_FLAG_ALIASES,
  PODMAN_GLOBAL_FLAGS,
  PODMAN_RUN_FLAGS,
  type RunFlagSpec,
} from './flag-table.js';
import { splitShellWords } from './posix-words.js';
import type { Diagnostic, Engine, EngineOptions, ImageConfig, Issue, Issues, Location } from '../core/types.js';

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
  /** What decides the argv (feed to `resolveDockerRun` or `toKubernetes`). */
  readonly run: { readonly entrypoint?: string; readonly args: readonly string[]; readonly init?: boolean };
  /** Every run/create flag in order (repeatable flags appear once per use). */
  readonly flags: readonly ParsedRunFlag[];
  /** Flags given to the `docker`/`podman` program before the subcommand. */
  readonly globalFlags: readonly ParsedRunFlag[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link parseRunCommandLine}. */
export type RunCommandLineResult =
  | ParsedRunCommandLine
  | { readonly ok: false; readonly issues: Issues; readonly diagnostics: readonly Diagnostic[] };

interface Word {
  readonly value: string;
  readonly location: Location;
}

const BOOL_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const BOOL_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Go's `strconv.ParseBool`; `undefined` when invalid. */
export function parseGoBool(text: string): boolean | undefined {
  expectType(text, 'string', 'text');
  return BOOL_TRUE.has(text) ? true : BOOL_FALSE.has(text) ? false : undefined;
}

function versionAtLeast(v: readonly [number, number, number] | null, text: string): boolean {
  if (v === null) return true;
  const w = parseEngineVersion(text);
  if (w === null) return true;
  for (let k = 0; k < 3; k++) if (v[k] !== w[k]) return (v[k] as number) > (w[k] as number);
  return true;
}

function flagSetFor(
  list: readonly RunFlagSpec[],
  version: readonly [number, number, number] | null,
  command: 'run' | 'create' | 'global',
): { long: Map<string, RunFlagSpec>; short: Map<string, RunFlagSpec> } {
  const long = new Map<string, RunFlagSpec>();
  const short = new Map<string, RunFlagSpec>();
  for (const f of list) {
    if (f.since !== undefined && !versionAtLeast(version, f.since)) continue;
    if (f.until !== undefined && versionAtLeast(version, f.until)) continue;
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
  const m = /^([kmgtpKMGTP]?)([iI]?)([bB]?)$/.exec(suffix);
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
export function parseRunCommandLine(line: string | readonly string[], options: RunCommandLineOptions = {}): RunCommandLineResult {
  if (typeof line !== 'string') {
    expectType(line, 'array', 'line');
    for (let k = 0; k < line.length; k++) {
      if (typeof line[k] !== 'string') throw new TypeError(`line[${k}] must be a string, got ${typeof line[k]}`);
    }
  }
  expectType(options, 'object', 'options');
  if (options.engine !== undefined) expectType(options.engine, 'string', 'options.engine');
  const { maxInputLength } = resolveLimits(options.limits);
  if (typeof line === 'string' && line.length > maxInputLength) {
    return { ok: false, issues: [limitIssue('maxInputLength', 'Command line length', line.length, maxInputLength)], diagnostics: [] };
  }
  const diagnostics: Diagnostic[] = [];
  let words: Word[];
  if (typeof line === 'string') {
    const split = splitShellWords(line);
    if (!split.ok) return { ok: false, issues: split.issues, diagnostics: [...split.diagnostics] };
    diagnostics.push(...split.diagnostics);
    words = split.words.map((w) => ({ value: w.value, location: { line: w.line, column: w.column } }));
  } else {
    words = line.map((value, k) => ({ value, location: { path: `[${k}]` } }));
  }
  const fail = (issue: Issue): RunCommandLineResult => ({ ok: false, issues: [issue], diagnostics });

  // ---- prefixes: VAR=value, env, sudo ------------------------------------------------------
  let i = 0;
  for (;;) {
    const w = words[i];
    if (w === undefined) break;
    if (ASSIGNMENT.test(w.value)) {
      diagnostics.push({
        code: 'run-command-prefix',
        severity: 'info',
        message: `${JSON.stringify(w.value)} sets a variable in the environment of the ${'docker'} client only, not in the container (use -e).`,
        ...w.location,
      });
      i++;
      continue;
    }
    if (w.value === 'sudo' || w.value === 'env') {
      const isSudo = w.value === 'sudo';
      diagnostics.push({
        code: 'run-command-prefix',
        severity: 'info',
        message: isSudo
          ? '`sudo` runs the client as root; it does not change what the container runs.'
          : '`env` only changes the client environment; variables reach the container only with -e/--env.',
        ...w.location,
      });
      i++;
      while (i < words.length) {
        const v = (words[i] as Word).value;
        if (v === '--') {
          i++;
          break;
        }
        if (isSudo && SUDO_VALUE_FLAGS.has(v)) i += 2;
        else if (!isSudo && (v === '-u' || v === '--unset' || v === '-C' || v === '--chdir' || v === '-S')) i += 2;
        else if (v.startsWith('-') && v.length > 1) i++;
        else if (!isSudo && ASSIGNMENT.test(v)) i++;
        else break;
      }
      continue;
    }
    break;
  }

  // ---- program ------------------------------------------------------------------------------
  let engine: Engine = options.engine ?? 'docker';
  const programWord = words[i];
  if (programWord === undefined) {
    return fail({ code: 'run-not-run-command', message: 'no docker or podman command found' });
  }
  const detected = programEngine(programWord.value);
  if (detected !== undefined) {
    engine = detected;
    i++;
  } else if (programWord.value !== 'run' && programWord.value !== 'create' && programWord.value !== 'container') {
    return fail({
      code: 'run-not-run-command',
      message: `${JSON.stringify(programWord.value)} is not docker or podman; expected "docker run …" or "podman create …"`,
      ...programWord.location,
    });
  }
  if (options.engine !== undefined && options.engine !== engine) {
    diagnostics.push({
      code: 'run-engine-mismatch',
      severity: 'warning',
      message: `The command line uses ${engine}, but options.engine is ${options.engine}; the command line wins.`,
      ...programWord.location,
    });
  }
  const profile = engineProfile({ ...options, engine });
  // Unversioned Docker means the release this library tracks as current (not the newest source read).
  const version = profile.version ?? (engine === 'docker' ? parseEngineVersion(CURRENT_DOCKER_VERSION) : null);
  const program = engine;
  const modern = engine === 'podman' || versionAtLeast(version, '23.0');

  const flags: ParsedRunFlag[] = [];
  const globalFlags: ParsedRunFlag[] = [];
  const global = flagSetFor(engine === 'docker' ? DOCKER_GLOBAL_FLAGS : PODMAN_GLOBAL_FLAGS, version, 'global');

  // Shared pflag loop. Returns the index of the first positional word, or an issue.
  type Stop = { index: number; dashdash: boolean } | { issue: Issue };
  const parseFlags = (
    from: number,
    set: { long: Map<string, RunFlagSpec>; short: Map<string, RunFlagSpec> },
    into: ParsedRunFlag[],
    commandPath: string,
  ): Stop => {
    let k = from;
    const invalid = (f: RunFlagSpec, value: string, cause: string, at: Location): Stop => ({
      issue: { code: 'run-invalid-flag-value', message: `invalid argument ${goQuote(value)} for ${goQuote(flagTitle(f))} flag: ${cause}`, ...at },
    });
    const set1 = (f: RunFlagSpec, value: string, spelled: string, at: Location): Stop | undefined => {
      if (f.bool && parseGoBool(value) === undefined) {
        return invalid(f, value, `strconv.ParseBool: parsing ${goQuote(value)}: invalid syntax`, at);
      }
      if (f.type === 'int' || f.type === 'uint') {
        const unsigned = f.type === 'uint';
        const syntax = unsigned ? /^(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]*|[1-9][0-9]*)$/ : /^[+-]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]*|[1-9][0-9]*)$/;
        if (!syntax.test(value)) {
          const fn = unsigned ? 'ParseUint' : 'ParseInt';
          return invalid(f, value, `strconv.${fn}: parsing ${goQuote(value)}: invalid syntax`, at);
        }
      }
      if (f.type === 'float') {
        const x = parseGoFloat64(value);
        if ('error' in x) return invalid(f, value, goFloatErrorMessage(value, x.error), at);
      }
      if (engine === 'docker' && f.type === 'cpus') {
        const c = parseDockerCpus(value);
        if ('error' in c) return invalid(f, value, c.error, at);
      }
      if (engine === 'docker' && f.type === 'bytes') {
        const b = parseDockerBytes(value, modern);
        if ('error' in b) return invalid(f, value, b.error, at);
      }
      if (engine === 'docker' && f.name === 'env' && value.split('=')[0] === '') {
        return invalid(f, value, `invalid environment variable: ${value}`, at);
      }
      if (f.deprecatedSince !== undefined && versionAtLeast(version, f.deprecatedSince)) {
        diagnostics.push({
          code: 'run-flag-deprecated',
          severity: 'warning',
          message: `--${f.name} is deprecated in ${program} ${f.deprecatedSince} and later; the CLI prints a warning and ignores or rejects it.`,
          ...at,
        });
      }
      into.push({ name: f.name, value, spelled, location: at });
      // The root command's --help/--version are ignored when a subcommand follows (cobra; recorded).
      if (into !== globalFlags && f.name === 'help' && parseGoBool(value) === true) {
        return { issue: { code: 'run-help', message: `${commandPath} --help prints usage and creates no container`, ...at } };
      }
      // `docker -v run …`: cobra only acts on the root's --version when no subcommand follows (recorded).
      if (into === globalFlags && engine === 'docker' && f.name === 'log-level' && !LOGRUS_LEVELS.has(value.toLowerCase())) {
        return { issue: { code: 'run-invalid-flag-value', message: `Unable to parse logging level: ${value}`, ...at } };
      }
      return undefined;
    };
    while (k < words.length) {
      const w = words[k] as Word;
      const s = w.value;
      if (s.length < 2 || s[0] !== '-') return { index: k, dashdash: false };
      k++;
      if (s[1] === '-') {
        if (s.length === 2) return { index: k, dashdash: true };
        const body = s.slice(2);
        if (body[0] === '-' || body[0] === '=') return { issue: { code: 'run-bad-flag-syntax', message: `bad flag syntax: ${s}`, ...w.location } };
        const eq = body.indexOf('=');
        const name = eq < 0 ? body : body.slice(0, eq);
        const f = set.long.get(into === flags && engine === 'podman' ? (PODMAN_FLAG_ALIASES[name] ?? name) : name);
        if (f === undefined) {
          if (name === 'help') return { issue: { code: 'run-help', message: `${commandPath} --help prints usage and creates no container`, ...w.location } };
          return { issue: { code: 'run-unknown-flag', message: `unknown flag: --${name}`, ...w.location } };
        }
        let value: string;
        let spelled = s;
        if (eq >= 0) value = body.slice(eq + 1);
        else if (f.bool) value = 'true';
        else if (k < words.length) {
          value = (words[k] as Word).value;
          spelled = `${s} ${value}`;
          k++;
        } else return { issue: { code: 'run-flag-needs-argument', message: `flag needs an argument: --${name}`, ...w.location } };
        const stop = set1(f, value, spelled, w.location);
        if (stop) return stop;
        continue;
      }
      // Shorthand group: -it, -itp80, -e=X, -dit
      let shorts = s.slice(1);
      while (shorts.length > 0) {
        const c = String.fromCodePoint(shorts.codePointAt(0) as number);
        const f = set.short.get(c);
        if (f === undefined) {
          if (c === 'h') return { issue: { code: 'run-help', message: `${commandPath} -h prints usage and creates no container`, ...w.location } };
          return { issue: { code: 'run-unknown-flag', message: `unknown shorthand flag: ${goQuoteChar(c)} in -${shorts}`, ...w.location } };
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
        } else if (k < words.length) {
          value = (words[k] as Word).value;
          k++;
          shorts = '';
        } else {
          return { issue: { code: 'run-flag-needs-argument', message: `flag needs an argument: ${goQuoteChar(c)} in -${c}`, ...w.location } };
        }
        const stop = set1(f, value, s, w.location);
        if (stop) return stop;
      }
    }
    return { index: k, dashdash: false };
  };

  // ---- global flags, then the subcommand ------------------------------------------------------
  const g = parseFlags(i, global, globalFlags, program);
  if ('issue' in g) return fail(g.issue);
  i = g.index;
  let sub = words[i];
  let commandPath = program;
  if (sub !== undefined && sub.value === 'container') {
    commandPath += ' container';
    i++;
    sub = words[i];
  }
  if (sub === undefined || (sub.value !== 'run' && sub.value !== 'create')) {
    return fail({
      code: 'run-not-run-command',
      message: `expected "${commandPath} run" or "${commandPath} create"${sub ? `, got ${JSON.stringify(sub.value)}` : ''}`,
      ...(sub ?? programWord).location,
    });
  }
  if (globalFlags.length > 0) {
    diagnostics.push({
      code: 'run-global-flags',
      severity: 'info',
      message: `Flags before "${sub.value}" (${globalFlags.map((f) => f.spelled).join(' ')}) configure the ${program} client, not the container.`,
      ...(globalFlags[0] as ParsedRunFlag).location,
    });
  }
  const command = sub.value as 'run' | 'create';
  commandPath += ` ${command}`;
  i++;

  const runSet = flagSetFor(engine === 'docker' ? DOCKER_RUN_FLAGS : PODMAN_RUN_FLAGS, version, command);
  if (engine === 'podman') {
    // Podman's global flags are persistent: they are accepted after the subcommand too.
    for (const f of PODMAN_GLOBAL_FLAGS) {
      if (!runSet.long.has(f.name)) runSet.long.set(f.name, f);
      if (f.shorthand !== '' && !runSet.short.has(f.shorthand)) runSet.short.set(f.shorthand, f);
    }
  }
  const r = parseFlags(i, runSet, flags, commandPath);
  if ('issue' in r) return fail(r.issue);
  i = r.index;
  const imageWord = words[i];
  if (imageWord === undefined) {
    const message =
      engine === 'podman'
        ? 'requires at least 1 arg(s), only received 0'
        : versionAtLeast(version, '28.0')
          ? `docker: '${commandPath}' requires at least 1 argument`
          : `"${commandPath}" requires at least 1 argument.`;
    return fail({ code: 'run-missing-image', message });
  }
  const args = words.slice(i + 1).map((w) => w.value);

  // ---- what decides the argv ----------------------------------------------------------------
  let entrypoint: string | undefined;
  let init: boolean | undefined;
  const seen = new Map<string, ParsedRunFlag>();
  for (const f of flags) {
    if (f.name === 'entrypoint') entrypoint = f.value;
    if (f.name === 'init') init = parseGoBool(f.value);
    const spec = runSet.long.get(f.name);
    const prev = seen.get(f.name);
    if (prev !== undefined && spec !== undefined && !spec.repeatable && !spec.bool) {
      diagnostics.push({
        code: 'run-flag-repeated',
        severity: 'info',
        message: `--${f.name} is given more than once; the last value (${JSON.stringify(f.value)}) wins.`,
        ...f.location,
      });
    }
    seen.set(f.name, f);
  }
  if (engine === 'docker' && options.daemonApiVersion !== undefined) {
    const api = parseEngineVersion(options.daemonApiVersion);
    for (const f of flags) {
      const min = DOCKER_FLAG_MIN_API[f.name];
      if (min !== undefined && api !== null && !versionAtLeast(api, min)) {
        return fail({
          code: 'run-flag-needs-newer-api',
          message: `"--${f.name}" requires API version ${min}, but the Docker daemon API version is ${options.daemonApiVersion}`,
          ...f.location,
        });
      }
    }
  }
  // docker/cli opts.go parse(): --rm with a restart policy other than "no" is rejected by the client.
  const rm = seen.get('rm');
  const restart = seen.get('restart');
  if (engine === 'docker' && rm !== undefined && parseGoBool(rm.value) === true && restart !== undefined) {
    const policy = restart.value.split(':')[0];
    if (policy !== '' && policy !== 'no') {
      return fail({
        code: 'run-conflicting-options',
        message: versionAtLeast(version, '28.0')
          ? 'docker: conflicting options: cannot specify both --restart and --rm'
          : 'docker: Conflicting options: --restart and --rm.',
        ...restart.location,
      });
    }
  }
  const refError = engine === 'docker' ? imageReferenceError(imageWord.value, versionAtLeast(version, '28.0')) : undefined;
  if (refError !== undefined) return fail({ code: 'run-invalid-reference', message: refError, ...imageWord.location });
  if (imageWord.value.startsWith('-')) {
    diagnostics.push({
      code: 'run-image-looks-like-flag',
      severity: 'warning',
      message: `${JSON.stringify(imageWord.value)} is taken as the image name because it follows "--".`,
      ...imageWord.location,
    });
  }
  const helpAfterImage = words.slice(i + 1).find((w) => w.value === '--help' || w.value === '-h');
  if (helpAfterImage !== undefined) {
    diagnostics.push({
      code: 'run-flag-after-image',
      severity: 'info',
      message: `${JSON.stringify(helpAfterImage.value)} comes after the image, so it is an argument of the container's command, not a ${program} flag.`,
      ...helpAfterImage.location,
    });
  } else {
    const flagAfter = words.slice(i + 1, i + 2).find((w) => /^--?[a-z]/.test(w.value) && (runSet.long.has(w.value.replace(/^--?/, '').split('=')[0] as string) || (w.value.length === 2 && runSet.short.has(w.value[1] as string))));
    if (flagAfter !== undefined) {
      diagnostics.push({
        code: 'run-flag-after-image',
        severity: 'info',
        message: `${JSON.stringify(flagAfter.value)} comes after the image, so it is passed to the container's command, not to ${program}.`,
        ...flagAfter.location,
      });
    }
  }
  const run: ParsedRunCommandLine['run'] = {
    ...(entrypoint !== undefined ? { entrypoint } : {}),
    args,
    ...(init !== undefined ? { init } : {}),
  };
  return { ok: true, engine, command, image: imageWord.value, run, flags, globalFlags, diagnostics };
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST_COMPONENT = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/**
 * Checks an image reference with the grammar of distribution/reference (what the docker CLI parses
 * before contacting the daemon); returns the CLI's error text or `undefined`.
 */
function imageReferenceError(ref: string, modern: boolean): string | undefined {
  const bad = 'invalid reference format';
  let rest = ref;
  const at = rest.indexOf('@');
  if (at >= 0) {
    if (!DIGEST.test(rest.slice(at + 1))) return bad;
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    if (!TAG.test(rest.slice(colon + 1))) return bad;
    rest = rest.slice(0, colon);
  }
  if (rest === '' || rest.length > 255) return bad;
  const parts = rest.split('/');
  const first = parts[0] as string;
  let domain = false;
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    domain = true;
    const [host, port, extra] = first.split(':');
    if (extra !== undefined || (port !== undefined && !/^\d+$/.test(port))) return bad;
    if (!(host as string).split('.').every((h) => HOST_COMPONENT.test(h))) return bad;
  }
  const path = domain ? parts.slice(1) : parts;
  let upper = false;
  for (const p of path) {
    if (PATH_COMPONENT.test(p)) continue;
    if (PATH_COMPONENT.test(p.toLowerCase())) upper = true;
    else return bad;
  }
  if (upper) {
    if (!modern) return `${bad}: repository name must be lowercase`;
    const familiar = domain ? path.join('/') : path.length === 1 ? `library/${rest}` : rest;
    return `${bad}: repository name (${familiar}) must be lowercase`;
  }
  return undefined;
}

/** Result of {@link resolveRunCommandLine}. */
export type ResolvedRunCommandLine =
  | { readonly ok: true; readonly parsed: ParsedRunCommandLine; readonly resolution: DockerRunResult; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly issues: Issues; readonly diagnostics: readonly Diagnostic[] };

/**
 * Parses a run command line and resolves what it executes for an image config.
 * `resolution` is `resolveDockerRun`'s result (which may itself be a failure, e.g. `no-command`).
 *
 * @example
 * const r = resolveRunCommandLine('docker run --init app serve', { entrypoint: ['/app'] });
 * // r.ok && r.resolution.ok && r.resolution.argv → ['/sbin/docker-init', '--', '/app', 'serve']
 */
export function resolveRunCommandLine(
  line: string | readonly string[],
  image: ImageConfig,
  options: RunCommandLineOptions = {},
): ResolvedRunCommandLine {
  expectType(image, 'object', 'image');
  const parsed = parseRunCommandLine(line, options);
  if (!parsed.ok) return parsed;
  const runOptions: DockerRunOptions = parsed.run;
  const resolution = resolveDockerRun(image, runOptions, { ...options, engine: parsed.engine });
  return { ok: true, parsed, resolution, diagnostics: [...parsed.diagnostics, ...resolution.diagnostics] };
}
