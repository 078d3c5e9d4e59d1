import { engineProfile, type EngineProfile } from '../core/engine-profile.js';
import { builderMessage } from './builder-messages.js';
import { resolveFrontend, type DockerfileFrontend } from './frontend.js';
import type { StringArrayDecoding } from '../internal/go-json.js';
import { isKnownDirective, matchDirective, matchImagebuilderEscape } from './directive.js';
import { splitQuotedWords } from './arg-expansion.js';
import { expectType, goTrimSpace, isGoSpace, isReSpace } from '../internal/text.js';
import { decodeJsonForm, NOT_STRING_ARRAY_MESSAGE, splitBuilderFlags } from './command-form.js';
import { fail } from '../core/errors.js';
import { nameValueError } from './instruction-args.js';
import { goToLower, goToUpper } from '../internal/go-case.js';
import { DEFAULT_LIMITS, limitIssue, resolveLimits, type Limits, type LimitsOption } from '../core/limits.js';
import type { Diagnostic, EngineOptions, Failure } from '../core/types.js';
import type { DiagnosticCode } from '../core/diagnostics.js';

/**
 * Dockerfile parser (the BuildKit `parser` package rules, re-implemented):
 * physical lines → logical instructions with keyword, builder flags, argument
 * text, positions and heredoc bodies. One linear pass and no recursion; the
 * few regular expressions on input text match in linear time.
 */

/** A heredoc attached to RUN/COPY/ADD (`<<EOF` … `EOF`). */
export interface DockerfileHeredoc {
  /** Terminator word with quotes removed. */
  readonly name: string;
  /** `<<-EOF`: leading tabs are stripped from the terminator line (and from the body when used). */
  readonly chomp: boolean;
  /** False when any part of the word was quoted (`<<'EOF'`): the body is not expanded. */
  readonly expand: boolean;
  /** Body lines, each with its newline. */
  readonly content: string;
  /** First body line (1-based) and the terminator line (or the last line, when unterminated). */
  readonly line: number;
  readonly endLine: number;
}

/** The instruction wrapped by ONBUILD. */
export interface DockerfileTrigger {
  readonly keyword: string;
  readonly rawKeyword: string;
  readonly flags: readonly string[];
  readonly args: string;
  readonly rawArgs: string;
}

/** One logical instruction. */
export interface DockerfileInstruction {
  /** Upper-case keyword (`CMD`); unknown keywords are kept upper-cased too. */
  readonly keyword: string;
  /** The keyword as written (`cmd`, `Cmd`). */
  readonly rawKeyword: string;
  /** Builder flags (`--platform=linux/amd64`), as BuildKit splits them. */
  readonly flags: readonly string[];
  /** Argument text after the keyword and flags, trimmed. */
  readonly args: string;
  /** Argument text after the keyword, before flags were split off (trimmed). */
  readonly rawArgs: string;
  /** The joined logical line (continuations applied, comment and blank lines dropped). */
  readonly original: string;
  /** 1-based position of the keyword; `endLine` is the last physical line (heredoc terminators included). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly heredocs: readonly DockerfileHeredoc[];
  /** ONBUILD only: the wrapped instruction (undefined for a bare `ONBUILD`). */
  readonly trigger?: DockerfileTrigger;
  /** A blank or whitespace-only line inside this instruction's continuation was skipped. */
  readonly emptyContinuation: boolean;
  /** Comment lines right before the instruction (text after `#`, trimmed; directives excluded), as BuildKit keeps them. */
  readonly comments: readonly string[];
}

/** A parser directive (`# escape=`, `# syntax=`, `# check=`). */
export interface DockerfileDirective {
  readonly name: 'escape' | 'syntax' | 'check';
  readonly value: string;
  readonly line: number;
}

/** Options of {@link parseDockerfile}. */
export interface ParseDockerfileOptions extends EngineOptions, LimitsOption {}

/** A parsed Dockerfile. */
export interface ParsedDockerfile {
  readonly ok: true;
  readonly instructions: readonly DockerfileInstruction[];
  readonly directives: readonly DockerfileDirective[];
  readonly escapeToken: '\\' | '`';
  /** The frontend `# syntax=` forwards a BuildKit build to (set by {@link parseDockerfile}; null: built-in). */
  readonly frontend?: DockerfileFrontend | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link parseDockerfile}. */
export type ParseDockerfileResult = ParsedDockerfile | Failure;

/** bufio.Scanner's default maximum token size, minus one (BuildKit reads the file with it). */
export const MAX_DOCKERFILE_LINE_BYTES = 65535;

const HEREDOC_KEYWORDS = new Set(['run', 'copy', 'add']);

/** The instruction keywords the engines know, upper-case. */
export const KEYWORDS: readonly string[] = 'ADD ARG CMD COPY ENTRYPOINT ENV EXPOSE FROM HEALTHCHECK LABEL MAINTAINER ONBUILD RUN SHELL STOPSIGNAL USER VOLUME WORKDIR'.split(' ');

/** A keyword as `toUpperCase` and `toLowerCase` give it. */
interface KeywordCase {
  readonly upper: string;
  readonly lower: string;
}

/**
 * The case forms of the known keywords spelled all upper- or all lower-case (ASCII: both forms are
 * exact), made once. Nearly every instruction is one of these and then needs no case conversion
 * (new strings, and `toUpperCase` is a slow call); the forms are shared strings with cached hashes
 * for the keyword lookups that follow.
 */
const KEYWORD_CASES: ReadonlyMap<string, KeywordCase> = new Map(
  KEYWORDS.flatMap((upper) => {
    const forms: KeywordCase = { upper, lower: upper.toLowerCase() };
    return [
      [upper, forms],
      [forms.lower, forms],
    ] as const;
  }),
);

/** The keyword's case forms: Go's `strings.ToLower` (which BuildKit matches exactly against the keywords) and its upper case. */
function keywordCase(keyword: string): KeywordCase {
  const known = KEYWORD_CASES.get(keyword);
  if (known !== undefined) return known;
  const lower = goToLower(keyword);
  const upper = goToUpper(lower);
  // `expoſe` is no keyword (Go lowers ſ to itself) though it upper-cases to one: it keeps its lower case.
  return KEYWORD_CASES.get(lower) ?? { upper: KEYWORD_CASES.has(upper) ? lower : upper, lower };
}

/**
 * Shared, frozen empty lists for the `flags`, `heredocs` and `comments` of instructions that have
 * none (most of them): three allocations fewer per instruction on the hot path. The fields are
 * typed read-only.
 */
const NONE: readonly never[] = Object.freeze([]);

/** Keyword/argument separator of BuildKit's `splitCommand` (`[\t\v\f\r ]+`), also between the words of FROM. */
export function isSplitSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13;
}

/** UTF-8 length of a string (for the line-size limit); a lone surrogate counts as U+FFFD, 3 bytes. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    // A surrogate pair is one 4-byte character.
    if ((c & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n++;
      i++;
    }
  }
  return n;
}

/** The first index in `text[start, end)` that is not a Go space (`end` when there is none). */
function skipSpace(text: string, start: number, end: number): number {
  while (start < end && isGoSpace(text.charCodeAt(start))) start++;
  return start;
}

/** bufio.ScanLines' dropCR for the line `text[start, end)`, which has no `\n`: the end without one trailing `\r` (a second stays). */
function trimCREnd(text: string, start: number, end: number): number {
  return end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/**
 * BuildKit's continuation rule (`([^E])E[ \t]*$` or `^E[ \t]*$`) on the line `text[start, end)`:
 * the last non-blank character is the escape token and the one before it is not
 * (`doubled`: buildah's rule, any trailing escape token continues and is removed).
 * Returns where the line ends without the token and trailing blanks, or -1.
 */
function continuationEnd(text: string, start: number, end: number, esc: number, doubled: boolean): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c !== 32 && c !== 9) break;
    end--;
  }
  if (end === start || text.charCodeAt(end - 1) !== esc) return -1;
  if (!doubled && end - start >= 2 && text.charCodeAt(end - 2) === esc) return -1;
  return end - 1;
}

interface SplitInstruction {
  readonly keyword: string;
  readonly flags: readonly string[];
  readonly args: string;
  readonly rawArgs: string;
}

/**
 * Splits a logical line into keyword and the rest, as BuildKit's `splitCommand` (on the trimmed
 * line, found by index), then the rest into builder flags and arguments. `flagEscape`: the escape
 * token inside builder-flag words (`profile.flagEscapeIsEscapeToken`).
 */
function splitInstruction(line: string, flagEscape: string): SplitInstruction {
  let end = line.length;
  while (end > 0 && isGoSpace(line.charCodeAt(end - 1))) end--;
  const start = skipSpace(line, 0, end);
  let i = start;
  while (i < end && !isSplitSpace(line.charCodeAt(i))) i++;
  const keyword = line.slice(start, i);
  while (i < end && isSplitSpace(line.charCodeAt(i))) i++;
  if (i === end) return { keyword, flags: NONE, args: '', rawArgs: '' };
  const rest = line.slice(i, end);
  if (rest.charCodeAt(0) !== 45 || rest.charCodeAt(1) !== 45) return { keyword, flags: NONE, args: rest, rawArgs: rest };
  const split = splitBuilderFlags(rest, flagEscape);
  return { keyword, flags: split.flags, args: goTrimSpace(split.rest), rawArgs: rest };
}

/** The argument text decoded as JSON form (decides heredocs and the parse-time JSON check); null when it does not start with `[`. */
function decodeArgs(args: string, profile: EngineProfile): StringArrayDecoding | null {
  if (args.charCodeAt(0) !== 91) return null;
  return decodeJsonForm(args, profile);
}

/** `^(\d*)<<(-?)\s*([^<]*)$` plus the single-word check; returns the heredoc header or null. */
function heredocFromWord(word: string): { name: string; chomp: boolean; expand: boolean } | null {
  const head = /^\d*<<(-?)[\t\n\f\r ]*/.exec(word);
  if (head === null) return null;
  const chomp = head[1] === '-';
  const rest = word.slice(head[0].length);
  if (rest === '' || rest.includes('<')) return null;
  // Unquote (single quotes literal, double quotes with backslash escapes, bare backslash escapes).
  let name = '';
  let quoted = false;
  let quote = 0;
  for (let j = 0; j < rest.length; j++) {
    const c = rest.charCodeAt(j);
    if (quote === 39) {
      if (c === 39) quote = 0;
      else name += rest[j];
    } else if (quote === 34) {
      if (c === 34) quote = 0;
      else if (c === 92 && j + 1 < rest.length) name += rest[++j];
      else name += rest[j];
    } else if (c === 39 || c === 34) {
      quote = c;
      quoted = true;
    } else if (c === 92 && j + 1 < rest.length) name += rest[++j];
    else if (isReSpace(c)) return null;
    else name += rest[j];
  }
  return { name, chomp, expand: !quoted };
}

/**
 * One parse of a Dockerfile. The physical lines are read once, in order, as bufio.Scanner with
 * BuildKit's buffer gives them: the current one is the index range `text[start, end)` without its
 * `\n` (only the parts kept are sliced), and a line longer than {@link MAX_DOCKERFILE_LINE_BYTES}
 * stops the scan. Named steps (directive, comment, continuation, ONBUILD trigger, heredoc bodies)
 * share the scanner and the instruction being read; a step returns a {@link Failure} to stop the
 * parse, else null.
 */
class DockerfileParser {
  readonly #text: string;
  /** 1-based number of the current line (0 before the first). */
  #lineNo = 0;
  /** The current line is `text[start, end)`. */
  #start = 0;
  #end = 0;
  /** Where the next line starts (past the end of the text after a last line without `\n`). */
  #pos = 0;
  /** The scan stopped at a line over the size limit (line `lineNo + 1`). */
  #tooLong = false;
  readonly #instructions: DockerfileInstruction[] = [];
  readonly #directives: DockerfileDirective[] = [];
  readonly #diagnostics: Diagnostic[] = [];
  readonly #seen = new Set<string>();
  #directivesDone = false;
  #escapeToken: '\\' | '`' = '\\';
  #esc = 92;
  /** Comment lines since the last instruction (reset by a blank comment). */
  #comments: readonly string[] = NONE;
  // The instruction being read: its joined logical line, position and heredocs.
  #joined = '';
  #startLine = 0;
  #column = 0;
  #emptyContinuation = false;
  #heredocs: readonly DockerfileHeredoc[] = NONE;

  readonly #profile: EngineProfile;
  readonly #limits: Limits;
  readonly #decodings: (StringArrayDecoding | null)[] | undefined;

  constructor(text: string, profile: EngineProfile, limits: Limits, decodings: (StringArrayDecoding | null)[] | undefined) {
    this.#text = text;
    this.#profile = profile;
    this.#limits = limits;
    this.#decodings = decodings;
  }

  /** Advances to the next line; false at the end of the text or at an over-long line. */
  #nextLine(): boolean {
    const text = this.#text;
    const pos = this.#pos;
    if (pos >= text.length || this.#tooLong) return false;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    if (end - pos > MAX_DOCKERFILE_LINE_BYTES / 3 && utf8Length(text.slice(pos, end)) > MAX_DOCKERFILE_LINE_BYTES) {
      this.#tooLong = true;
      return false;
    }
    this.#start = pos;
    this.#end = end;
    this.#pos = end + 1;
    this.#lineNo++;
    return true;
  }

  /** Reads every line; the parse result. */
  parse(): ParseDockerfileResult {
    while (this.#nextLine()) {
      const failure = this.#readLine();
      if (failure !== null) return failure;
    }
    if (this.#tooLong) return this.#tooLongFailure();
    if (this.#instructions.length === 0) {
      const message = builderMessage(this.#profile, 'file with no instructions', { buildah: 'no stages to build' });
      return fail({ code: 'no-instructions', message, line: Math.max(this.#lineNo, 1), column: 1 }, this.#diagnostics);
    }
    return { ok: true, instructions: this.#instructions, directives: this.#directives, escapeToken: this.#escapeToken, diagnostics: this.#diagnostics };
  }

  /** A line outside any instruction: a comment, a directive, a blank line or the first line of an instruction. */
  #readLine(): Failure | null {
    const text = this.#text;
    const bom = this.#lineNo === 1 && text.charCodeAt(this.#start) === 0xfeff;
    const start = bom ? this.#start + 1 : this.#start;
    const end = trimCREnd(text, start, this.#end);
    const lead = skipSpace(text, start, end);
    const isComment = lead < end && text.charCodeAt(lead) === 35;
    if (isComment) {
      // Kept for the next instruction; an empty comment drops those kept.
      const comment = goTrimSpace(text.slice(start + 1, end));
      if (comment === '') this.#comments = NONE;
      else if (this.#comments === NONE) this.#comments = [comment];
      else (this.#comments as string[]).push(comment);
    }
    if (!this.#directivesDone) {
      const failure = this.#readDirective(text.slice(lead, end));
      if (failure !== null) return failure;
    }
    if (isComment || lead === end) return null;
    this.#startLine = this.#lineNo;
    this.#column = lead - start + 1 + (bom ? 1 : 0);
    this.#joinContinuations(lead, end);
    return this.#readInstruction();
  }

  /** A parser directive, or the first line that is none (which ends directive scanning). */
  #readDirective(line: string): Failure | null {
    const profile = this.#profile;
    // imagebuilder knows only `escape`: for buildah a `# syntax=` line ends directive scanning.
    const m = profile.directives === 'imagebuilder' ? matchImagebuilderEscape(line) : matchDirective(line, profile.directiveUnicodeSpace);
    if (m === null || !isKnownDirective(m.key, profile)) {
      this.#directivesDone = true;
      return null;
    }
    const { key, value } = m;
    const lineNo = this.#lineNo;
    if (this.#seen.has(key)) {
      return fail({ code: 'duplicate-directive', message: `only one ${key} parser directive can be used`, line: lineNo, column: 1 }, this.#diagnostics);
    }
    this.#seen.add(key);
    if (key === 'escape') {
      if (value !== '\\' && value !== '`') {
        const message = builderMessage(profile, `invalid escape token '${value}' does not match \` or \\`, { buildah: `invalid ESCAPE '${value}'. Must be \` or \\` });
        return fail({ code: 'invalid-escape-token', message, line: lineNo, column: 1 }, this.#diagnostics);
      }
      this.#escapeToken = value;
      this.#esc = value.charCodeAt(0);
    }
    this.#directives.push({ name: key, value, line: lineNo });
    // A directive is not a comment of the first instruction.
    (this.#comments as string[]).pop();
    return null;
  }

  /**
   * Joins the instruction starting at `text[lead, end)` with its continuation lines into `joined`
   * (comment lines inside are skipped, blank ones too but noted), stopping once it is over the limit.
   */
  #joinContinuations(lead: number, end: number): void {
    const text = this.#text;
    const esc = this.#esc;
    const doubled = this.#profile.doubledEscapeContinues;
    const max = this.#limits.maxInstructionLength;
    let contEnd = continuationEnd(text, lead, end, esc, doubled);
    let joined = text.slice(lead, contEnd < 0 ? end : contEnd);
    let emptyContinuation = false;
    while (contEnd >= 0 && this.#nextLine()) {
      const rawEnd = trimCREnd(text, this.#start, this.#end);
      const rawLead = skipSpace(text, this.#start, rawEnd);
      if (rawLead < rawEnd && text.charCodeAt(rawLead) === 35) continue;
      if (rawLead === rawEnd) {
        emptyContinuation = true;
        continue;
      }
      contEnd = continuationEnd(text, this.#start, rawEnd, esc, doubled);
      joined += text.slice(this.#start, contEnd < 0 ? rawEnd : contEnd);
      if (joined.length > max) break;
    }
    this.#joined = joined;
    this.#emptyContinuation = emptyContinuation;
  }

  /** Splits the joined line into an instruction, reads its heredoc bodies and adds it. */
  #readInstruction(): Failure | null {
    if (this.#tooLong) return this.#tooLongFailure();
    const limits = this.#limits;
    if (this.#joined.length > limits.maxInstructionLength) return this.#limitFailure('maxInstructionLength', 'Instruction length', this.#joined.length);
    if (this.#instructions.length >= limits.maxInstructions) return this.#limitFailure('maxInstructions', 'Number of instructions', this.#instructions.length + 1);
    const flagEscape = this.#profile.flagEscapeIsEscapeToken ? this.#escapeToken : '\\';
    const split = splitInstruction(this.#joined, flagEscape);
    const { upper, lower } = keywordCase(split.keyword);
    // ONBUILD wraps one instruction: JSON and heredocs are read from the wrapped one.
    let body: SplitInstruction = split;
    let bodyLower = lower;
    let trigger: DockerfileTrigger | undefined;
    if (lower === 'onbuild' && split.args !== '') {
      body = splitInstruction(split.args, flagEscape);
      const bodyCase = keywordCase(body.keyword);
      bodyLower = bodyCase.lower;
      trigger = { keyword: bodyCase.upper, rawKeyword: body.keyword, flags: body.flags, args: body.args, rawArgs: body.rawArgs };
      if (this.#nestedTriggerNotStrings(body, flagEscape)) return this.#fail(NOT_STRING_ARRAY_MESSAGE, 'json-not-strings');
    }
    const decoded = isJsonInstruction(bodyLower) ? decodeArgs(body.args, this.#profile) : null;
    const kind = decoded === null ? 'none' : decoded.kind;
    if (kind === 'not-strings') return this.#fail(NOT_STRING_ARRAY_MESSAGE, 'json-not-strings');
    const lineError = this.#lineFunctionError(bodyLower, body.args);
    if (lineError !== null) return lineError;
    if (this.#emptyContinuation) this.#diagnostics.push(this.#emptyContinuationDiagnostic());
    this.#heredocs = NONE;
    if (this.#profile.heredocs && HEREDOC_KEYWORDS.has(bodyLower) && kind !== 'strings' && this.#joined.includes('<<')) {
      const failure = this.#readHeredocs();
      if (failure !== null) return failure;
    }
    this.#addInstruction(upper, split, trigger);
    // An ONBUILD's decoding is of its trigger's arguments, not of its own.
    if (this.#decodings) this.#decodings.push(trigger ? null : decoded);
    return null;
  }

  /**
   * The errors of the parser's line functions for the other instructions (line_parsers.go): a JSON array
   * holding a non-string in ADD, COPY, VOLUME (parseMaybeJSONToList) and after HEALTHCHECK's type
   * (parseHealthConfig), and ENV/LABEL syntax (parseNameVal). Also raised for an ONBUILD trigger.
   */
  #lineFunctionError(lower: string, args: string): Failure | null {
    let json = lower === 'add' || lower === 'copy' || lower === 'volume' ? args : '';
    if (lower === 'healthcheck') json = goTrimSpace(args.slice(args.search(/\s|$/u)));
    if (json !== '' && decodeArgs(json, this.#profile)?.kind === 'not-strings') return this.#fail(NOT_STRING_ARRAY_MESSAGE, 'json-not-strings');
    const message = lower === 'env' || lower === 'label' ? nameValueError(lower.toUpperCase(), args, this.#escapeToken) : null;
    return message === null ? null : this.#fail(message, 'instruction-arguments');
  }

  /** A failure over one of the limits, at the instruction being read. */
  #limitFailure(limit: 'maxInstructionLength' | 'maxInstructions', what: string, value: number): Failure {
    return fail(limitIssue(limit, what, value, this.#limits[limit], { line: this.#startLine, column: this.#column }), this.#diagnostics);
  }

  /** `ONBUILD ONBUILD …`: peels the nested ONBUILD words (iteratively); true when a JSON form holds a non-string. */
  #nestedTriggerNotStrings(trigger: SplitInstruction, flagEscape: string): boolean {
    let peel = trigger;
    while (goToLower(peel.keyword) === 'onbuild' && peel.args !== '') {
      peel = splitInstruction(peel.args, flagEscape);
      if (isJsonInstruction(goToLower(peel.keyword)) && decodeArgs(peel.args, this.#profile)?.kind === 'not-strings') return true;
    }
    return false;
  }

  #emptyContinuationDiagnostic(): Diagnostic {
    return {
      code: 'empty-continuation',
      severity: 'warning',
      message: `Empty continuation line found in: ${this.#joined}`,
      ...(this.#profile.buildChecks && { rule: 'NoEmptyContinuation' }),
      line: this.#startLine,
      column: this.#column,
    };
  }

  /** Reads the body of each heredoc the joined line opens, in order, into `heredocs`. */
  #readHeredocs(): Failure | null {
    // Minimal shell words (quotes group; the backslash escapes; raw).
    for (const word of splitQuotedWords(this.#joined, 92, false)) {
      const h = heredocFromWord(word);
      if (h === null) continue;
      const line = this.#lineNo + 1;
      const content = this.#readHeredocBody(h.name, h.chomp);
      if (this.#tooLong) return this.#tooLongFailure();
      if (content === null) return this.#fail('unterminated heredoc', 'unterminated-heredoc');
      if (this.#heredocs === NONE) this.#heredocs = [];
      (this.#heredocs as DockerfileHeredoc[]).push({ ...h, content, line, endLine: this.#lineNo });
    }
    return null;
  }

  /** The lines up to the terminator `name` (after leading tabs, with `chomp`), each with its newline; null when unterminated. */
  #readHeredocBody(name: string, chomp: boolean): string | null {
    const text = this.#text;
    let content = '';
    while (this.#nextLine()) {
      let from = this.#start;
      const end = trimCREnd(text, from, this.#end);
      if (chomp) while (from < end && text.charCodeAt(from) === 9) from++;
      if (end - from === name.length && text.startsWith(name, from)) return content;
      const body = text.slice(this.#start, this.#end);
      content += this.#pos <= text.length ? `${body}\n` : body;
    }
    return null;
  }

  #addInstruction(keyword: string, split: SplitInstruction, trigger: DockerfileTrigger | undefined): void {
    const instruction: { -readonly [K in keyof DockerfileInstruction]: DockerfileInstruction[K] } = {
      keyword,
      rawKeyword: split.keyword,
      flags: split.flags,
      args: split.args,
      rawArgs: split.rawArgs,
      original: this.#joined,
      line: this.#startLine,
      column: this.#column,
      endLine: this.#lineNo,
      heredocs: this.#heredocs,
      emptyContinuation: this.#emptyContinuation,
      comments: this.#comments,
    };
    // Set after the literal (an object spread here was a measurable share of the parse time).
    if (trigger) instruction.trigger = trigger;
    this.#instructions.push(instruction);
    this.#comments = NONE;
  }

  /** A failure at the instruction being read. */
  #fail(message: string, code: DiagnosticCode): Failure {
    return fail({ code, message, line: this.#startLine, column: this.#column }, this.#diagnostics);
  }

  #tooLongFailure(): Failure {
    const message = `dockerfile line greater than max allowed size of ${MAX_DOCKERFILE_LINE_BYTES}`;
    return fail({ code: 'line-too-long', message, line: this.#lineNo + 1, column: 1 }, this.#diagnostics);
  }
}

/**
 * Parses Dockerfile text into instructions the way BuildKit's parser does:
 * parser directives before the first other line, CRLF and a leading BOM,
 * comments, line continuations (escape token at the end of a line; the next
 * line is appended with no separator and keeps its indentation; comment and
 * blank lines inside a continuation are skipped), keyword/flag/argument
 * splitting and heredoc bodies of RUN/COPY/ADD. Under BuildKit a `# syntax=`
 * line naming a docker/dockerfile release selects that frontend's rules.
 *
 * Fails (with the engine's wording) on a bad escape token, a repeated
 * directive, a line longer than 65535 bytes, an unterminated heredoc, a JSON
 * array with a non-string element, and a file with no instructions.
 *
 * @example
 * parseDockerfile('FROM alpine\nCMD ["sh"]\n').instructions[1].args // '["sh"]'
 */
export function parseDockerfile(text: string, options: ParseDockerfileOptions = {}): ParseDockerfileResult {
  expectType(text, 'string', 'text');
  expectType(options, 'object', 'options');
  const { profile, frontend, diagnostics, issue } = resolveFrontend(text, engineProfile(options));
  if (issue !== undefined) return fail(issue);
  const parsed = parseDockerfileWith(text, profile, resolveLimits(options.limits));
  const all = diagnostics.length === 0 ? parsed.diagnostics : [...diagnostics, ...parsed.diagnostics];
  return parsed.ok ? { ...parsed, frontend, diagnostics: all } : { ...parsed, diagnostics: all };
}

/**
 * {@link parseDockerfile} with a resolved profile. `decodings`, when given, receives one entry per
 * instruction: the decoding of `args` for a CMD, ENTRYPOINT, SHELL or RUN whose `args` starts with
 * `[`, else null. The evaluator hands it to `parseCommandWith`, which would decode the same text.
 */
export function parseDockerfileWith(text: string, profile: EngineProfile, limits: Limits = DEFAULT_LIMITS, decodings?: (StringArrayDecoding | null)[]): ParseDockerfileResult {
  if (text.length > limits.maxInputLength) {
    return fail(limitIssue('maxInputLength', 'Dockerfile length', text.length, limits.maxInputLength, { line: 1, column: 1 }));
  }
  return new DockerfileParser(text, profile, limits, decodings).parse();
}

function isJsonInstruction(lower: string): boolean {
  return lower === 'cmd' || lower === 'entrypoint' || lower === 'shell' || lower === 'run';
}
