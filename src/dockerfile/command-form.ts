import { engineProfile, type EngineProfile } from '../core/engine-profile.js';
import { decodeStringArray, type StringArrayDecoding } from '../internal/go-json.js';
import { expectStringArray, expectType, goTrimSpace, isGoSpace } from '../internal/text.js';
import { DEFAULT_LIMITS, limitIssue, resolveLimits } from '../core/limits.js';
import type { LimitsOption } from '../core/limits.js';
import { fail } from '../core/errors.js';
import type { Command, Diagnostic, EngineOptions, Failure, Issue } from '../core/types.js';

/** Instructions whose argument text is read by {@link parseCommand}. */
export type CommandInstruction = 'CMD' | 'ENTRYPOINT' | 'SHELL' | 'RUN';

/** Options of {@link parseCommand}. */
export interface ParseCommandOptions extends EngineOptions, LimitsOption {
  /** The instruction the text belongs to (for wording and SHELL's rules). Default `'CMD'`. */
  readonly instruction?: CommandInstruction;
  /** The Dockerfile's escape token (`# escape=`); it only matters inside builder-flag words, and only from Docker 28.1 (before, and in buildah, a backslash escapes there). Default `\`. */
  readonly escapeToken?: '\\' | '`';
}

/** A parsed instruction argument. `flags` lists builder flags that were dropped (Podman only). */
export interface ParsedCommand {
  readonly ok: true;
  readonly command: Command;
  readonly flags: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link parseCommand}. */
export type ParseCommandResult = ParsedCommand | Failure;

// The failure builder, where the Dockerfile modules have long imported it from.
export { fail };

/** BuildKit's error for a JSON array holding something other than strings. */
export const NOT_STRING_ARRAY_MESSAGE = 'when using JSON array syntax, arrays must be comprised of strings only';

/**
 * Splits leading builder-flag words (`--name[=value]`) off an instruction's
 * argument text, as BuildKit's parser does for every instruction: words are
 * taken while they start with `--`; quotes group, the escape token escapes,
 * and a lone `--` ends the flags and is dropped. Like BuildKit (extractBuilderFlags),
 * the scan reads UTF-8 bytes, each one a character of its own: bytes 0x85 and 0xA0
 * (inside `à`, NBSP…) count as spaces and the other bytes of a non-ASCII character
 * land in the flag as Latin-1 characters (`--x=à` gives the flag `--x=Ã`).
 */
export function splitBuilderFlags(text: string, escapeToken = '\\'): { readonly flags: string[]; readonly rest: string } {
  const flags: string[] = [];
  const { at, n, unit } = byteView(text);
  const esc = escapeToken.charCodeAt(0);
  const rest = (i: number) => (i >= n ? '' : text.slice(unit(i)));
  let i = 0;
  for (;;) {
    // Go's `unicode.IsSpace(rune(b))` of one byte.
    while (i < n && isGoSpace(at(i))) i++;
    if (i >= n) return { flags, rest: '' };
    if (at(i) !== 45 || at(i + 1) !== 45) return { flags, rest: rest(i) };
    let word = '';
    let quote = 0;
    let quoted = false;
    while (i < n) {
      const c = at(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        else if (c === esc) {
          if (i + 1 === n) quote = 0;
          else word += String.fromCharCode(at(++i));
        } else word += String.fromCharCode(c);
        i++;
        continue;
      }
      if (isGoSpace(c)) break;
      if (c === 39 || c === 34) {
        quote = c;
        quoted = true;
      } else if (c === esc) {
        if (i + 1 < n) word += String.fromCharCode(at(++i));
      } else word += String.fromCharCode(c);
      i++;
    }
    if (word === '--') return { flags, rest: rest(i) };
    if (quoted || word.length > 0) flags.push(word);
  }
}

/**
 * `text` as UTF-8 bytes: `at(i)` is byte `i` of `n`, `unit(i)` the index in `text` of its character. ASCII
 * text (most instructions, and long RUN scripts) is read in place; other text is converted once.
 */
function byteView(text: string): { at: (i: number) => number; n: number; unit: (i: number) => number } {
  if (!NON_ASCII.test(text)) return { at: (i) => text.charCodeAt(i), n: text.length, unit: (i) => i };
  const { bytes, units } = utf8Bytes(text);
  return { at: (i) => bytes[i] ?? Number.NaN, n: bytes.length, unit: (i) => units[i] as number };
}

const NON_ASCII = /[^\0-\x7f]/u;

/** The UTF-8 bytes of `text`, and for each byte the index of its character in `text`. */
function utf8Bytes(text: string): { bytes: number[]; units: number[] } {
  const bytes: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const start = i;
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    const seq =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    for (const b of seq) {
      bytes.push(b);
      units.push(start);
    }
  }
  return { bytes, units };
}

/** `text` (starting with `[`) decoded as JSON form, with the engine's rule for text after the array. */
export function decodeJsonForm(text: string, profile: EngineProfile): StringArrayDecoding {
  return decodeStringArray(text, profile.trailingJsonText === 'shell' ? 'reject' : 'ignore');
}

/** The engine's wording of an unknown builder flag error for `flag` (`--name[=value]`). */
export function unknownFlagMessage(flag: string, profile: EngineProfile): string {
  const eq = flag.indexOf('=');
  const dashed = eq < 0 ? flag : flag.slice(0, eq);
  const bare = dashed.slice(2);
  switch (profile.unknownFlag) {
    case 'dashes':
      return `unknown flag: ${dashed}`;
    case 'classic':
      return `Unknown flag: ${bare}`;
    default:
      return `unknown flag: ${bare}`;
  }
}

/**
 * Parses the argument text of a CMD, ENTRYPOINT, SHELL or RUN instruction
 * (what follows the keyword) into exec or shell form, exactly as BuildKit
 * does: leading `--flag` words are builder flags (none exist for these
 * instructions, so any is an error; a lone `--` ends them); the text is exec
 * form only when it is one JSON array of strings; a JSON array holding a
 * non-string is an error; any other JSON failure is shell form, verbatim.
 *
 * @param text - The text after the keyword, e.g. `["nginx", "-g", "daemon off;"]`.
 * @param options - Instruction, escape token and engine release.
 * @returns `{ ok: true, command }` or `{ ok: false, issues }`.
 * @example
 * parseCommand('["a", "b"]')   // { ok: true, command: { form: 'exec', args: ['a', 'b'] }, … }
 * parseCommand("['a', 'b']")   // shell form: single quotes are not JSON
 */
export function parseCommand(text: string, options: ParseCommandOptions = {}): ParseCommandResult {
  expectType(text, 'string', 'text');
  expectType(options, 'object', 'options');
  const profile = engineProfile(options);
  const limits = options.limits === undefined ? DEFAULT_LIMITS : resolveLimits(options.limits);
  if (text.length > limits.maxInputLength) {
    return fail(limitIssue('maxInputLength', 'Text length', text.length, limits.maxInputLength));
  }
  return parseCommandWith(text, options.instruction ?? 'CMD', options.escapeToken ?? '\\', profile);
}

/**
 * {@link parseCommand} with a resolved profile (used by the Dockerfile evaluator on its hot path).
 * `decoded`: the caller's decoding of the text after builder flags, with this profile's trailing-text
 * mode (the Dockerfile parser's), so it is not decoded again.
 */
export function parseCommandWith(
  text: string,
  instruction: CommandInstruction,
  escapeToken: string,
  profile: EngineProfile,
  decoded?: StringArrayDecoding | null,
): ParseCommandResult {
  const diagnostics: Diagnostic[] = [];
  let rest = goTrimSpace(text);
  let flags: string[] = [];
  if (rest.charCodeAt(0) === 45 && rest.charCodeAt(1) === 45) {
    const split = splitBuilderFlags(rest, profile.flagEscapeIsEscapeToken ? escapeToken : '\\');
    flags = split.flags;
    rest = goTrimSpace(split.rest);
    const flagIssue = flags.length > 0 ? builderFlagIssue(flags, instruction, profile, diagnostics) : null;
    if (flagIssue !== null) return fail(flagIssue, diagnostics);
  }

  if (rest === '') {
    if (instruction === 'SHELL') {
      return fail({ code: 'shell-instruction-empty', message: 'SHELL requires at least one argument' }, diagnostics);
    }
    return { ok: true, command: { form: 'shell', script: '' }, flags, diagnostics };
  }

  if (rest.charCodeAt(0) === 91) {
    decoded ??= decodeJsonForm(rest, profile);
    if (decoded.kind === 'not-strings') {
      return fail({ code: 'json-not-strings', message: NOT_STRING_ARRAY_MESSAGE }, diagnostics);
    }
    if (decoded.kind === 'strings') {
      if (instruction === 'SHELL' && decoded.values.length === 0) {
        return fail({ code: 'shell-instruction-empty', message: 'SHELL requires at least one argument' }, diagnostics);
      }
      if (profile.trailingJsonText === 'ignore') {
        const end = decoded.end;
        if (end < rest.length && goTrimSpace(rest.slice(end)) !== '') {
          diagnostics.push({
            code: 'json-trailing-text',
            severity: 'warning',
            message: `Text after the JSON array (${JSON.stringify(goTrimSpace(rest.slice(end)))}) is ignored by this engine; current BuildKit treats the whole text as shell form instead.`,
          });
        }
      }
      return { ok: true, command: { form: 'exec', args: decoded.values }, flags, diagnostics };
    }
    if (instruction !== 'SHELL') {
      diagnostics.push({
        code: 'exec-form-fallback',
        severity: 'warning',
        message: `${instruction} text starts with "[" but is not a JSON array of strings, so it is shell form and /bin/sh will run it verbatim.`,
      });
    }
  }
  if (instruction === 'SHELL') {
    return fail({ code: 'shell-instruction-not-json', message: 'SHELL requires the arguments to be in JSON form' }, diagnostics);
  }
  return { ok: true, command: { form: 'shell', script: rest }, flags, diagnostics };
}

/** Builder flags before the command: Podman drops them (with a warning), Docker rejects the first (with a hint). */
function builderFlagIssue(flags: readonly string[], instruction: CommandInstruction, profile: EngineProfile, diagnostics: Diagnostic[]): Issue | null {
  if (profile.unknownFlag === 'drop') {
    diagnostics.push({
      code: 'builder-flag-dropped',
      severity: 'warning',
      message: `Podman (buildah) silently drops ${flags.join(' ')} before the ${instruction} arguments; Docker rejects it as an unknown flag.`,
    });
    return null;
  }
  const first = flags[0] as string;
  diagnostics.push({
    code: 'command-flag-hint',
    severity: 'info',
    message: `Words starting with -- right after ${instruction} are builder flags; write \`${instruction} -- ${first}\` or use exec form to pass ${first} to the command.`,
  });
  return { code: 'unknown-flag', message: unknownFlagMessage(first, profile) };
}

/**
 * Prints a command as Dockerfile argument text: exec form as a JSON array
 * (`["a", "b"]`), shell form as its script, behind `-- ` when it starts with
 * `--` (so it is not read as a builder flag). What {@link parseCommand} returns
 * prints back to text that parses to the same command. A shell script with
 * surrounding whitespace, or that is itself a JSON array of strings, has no
 * Dockerfile spelling; it is printed as is.
 */
export function formatCommand(command: Command): string {
  expectCommand(command, 'command');
  if (command.form === 'exec') return `[${command.args.map((a) => JSON.stringify(a)).join(', ')}]`;
  return command.script.startsWith('--') ? `-- ${command.script}` : command.script;
}

/** True when the command is exec form. */
export function isExecForm(command: Command): command is Extract<Command, { form: 'exec' }> {
  expectType(command, 'object', 'command');
  return command.form === 'exec';
}

/** True when the command is shell form. */
export function isShellForm(command: Command): command is Extract<Command, { form: 'shell' }> {
  expectType(command, 'object', 'command');
  return command.form === 'shell';
}

/** A {@link Command} object of either form; a TypeError names the parameter otherwise. */
function expectCommand(command: unknown, name: string): void {
  expectType(command, 'object', name);
  const c = command as { form?: unknown; args?: unknown; script?: unknown };
  if (c.form === 'exec') expectStringArray(c.args, `${name}.args`);
  else if (c.form === 'shell') expectType(c.script, 'string', `${name}.script`);
  else throw new TypeError(`${name}.form must be 'exec' or 'shell', got ${typeof c.form === 'string' ? JSON.stringify(c.form) : typeof c.form}`);
}
