import type { EngineProfile } from '../core/engine-profile.js';
import { decodeJsonForm, unknownFlagMessage } from './command-form.js';
import { expandWord, splitQuotedWords } from './arg-expansion.js';
import { goQuote, goTrimSpace } from '../internal/text.js';
import { goToUpper } from '../internal/go-case.js';
import type { DockerfileInstruction } from './parser.js';

/**
 * The argument checks of BuildKit's instruction parser (`instructions/parse.go`, the same code the classic
 * builder vendors) for the instructions that do not set the argv (ENV, LABEL, MAINTAINER, ADD, COPY, WORKDIR,
 * USER, EXPOSE, VOLUME, STOPSIGNAL, ARG, HEALTHCHECK), and the two dispatch-time checks that fail a build
 * (EXPOSE ports, STOPSIGNAL names). Each function returns the engine's error text, or null.
 */

/** `[\t\v\f\r ]+` splitting (parser.go reWhitespace) of non-empty text. */
function fields(text: string): string[] {
  return text === '' ? [] : text.split(/[\t\v\f\r ]+/u);
}

/** The argument list the parser's line function gives the instruction (`nodeArgs`). */
function nodeArgs(kw: string, args: string, esc: string, profile: EngineProfile): string[] {
  switch (kw) {
    case 'MAINTAINER':
    case 'STOPSIGNAL':
    case 'USER':
    case 'WORKDIR':
      return args === '' ? [] : [args];
    case 'ADD':
    case 'COPY':
    case 'VOLUME':
      return jsonOr(args, profile) ?? fields(args);
    case 'HEALTHCHECK': {
      const sep = args.search(/\s/u);
      if (args === '') return [];
      if (sep < 0) return [args];
      const rest = args.slice(sep).replace(/^\s+/u, '');
      return [args.slice(0, sep), ...(rest === '' ? [] : (jsonOr(rest, profile) ?? [rest]))];
    }
    default:
      // ARG (parseNameOrNameVal), ENV/LABEL words (keys and values are checked by kvPairs).
      return splitQuotedWords(args, esc.charCodeAt(0), true);
  }
}

/** The strings of a JSON array, or null when the text is not one (the parser already refused non-strings). */
function jsonOr(text: string, profile: EngineProfile): string[] | null {
  if (text[0] !== '[') return null;
  const d = decodeJsonForm(text, profile);
  return d.kind === 'strings' ? [...d.values] : null;
}

const flagTables = new Map<string, Record<string, string>>();

/** The type of builder flag `name` of an instruction in frontend 1.`minor` (`s` string, `b` bool, `m` repeatable), or undefined. */
function flagType(kw: string, name: string, minor: number): string | undefined {
  const key = `${kw} ${String(minor)}`;
  let table = flagTables.get(key);
  if (table === undefined) flagTables.set(key, (table = flagTable(kw, minor)));
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** The builder flags of `kw` in frontend 1.`minor`, by name. */
function flagTable(kw: string, minor: number): Record<string, string> {
  return kw === 'ADD'
    ? {
        chown: 's',
        chmod: 's',
        ...(minor >= 4 && { link: 'b' }),
        ...(minor >= 5 && { 'keep-git-dir': 'b', checksum: 's' }),
        ...(minor >= 7 && { exclude: 'm' }),
        ...(minor >= 17 && { unpack: 'b' }),
      }
    : kw === 'COPY'
      ? { chown: 's', from: 's', chmod: 's', ...(minor >= 4 && { link: 'b' }), ...(minor >= 7 && { exclude: 'm', parents: 'b' }) }
      : kw === 'HEALTHCHECK'
        ? { interval: 's', timeout: 's', 'start-period': 's', retries: 's', ...(minor >= 6 && { 'start-interval': 's' }) }
        : kw === 'FROM'
          ? { platform: 's' }
          : {};
}

/** BFlags.Parse: the first flag error of `flags` for `kw`, else the values by name. */
export function parseFlags(kw: string, flags: readonly string[], profile: EngineProfile): string | Map<string, string> {
  const values = new Map<string, string>();
  const cap = profile.unknownFlag === 'classic' ? (s: string) => s[0]?.toUpperCase() + s.slice(1) : (s: string) => s;
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const name = flag.slice(2, eq < 0 ? undefined : eq);
    const value = eq < 0 ? undefined : flag.slice(eq + 1);
    const type = flagType(kw, name, profile.frontend ?? 2);
    if (type === undefined) return unknownFlagMessage(flag, profile);
    if (values.has(name) && type !== 'm') return cap(`duplicate flag specified: ${name}`);
    if (type === 'b') {
      if (value === '') return cap(`missing a value on flag: ${name}`);
      if (value !== undefined && !['true', 'false'].includes(value.toLowerCase())) return cap(`expecting boolean value for flag ${name}, not: ${value}`);
    } else if (value === undefined) return cap(`missing a value on flag: ${name}`);
    values.set(name, value ?? 'true');
  }
  return values;
}

const atLeastOne = (kw: string) => `${kw} requires at least one argument`;
const exactlyOne = (kw: string) => `${kw} requires exactly one argument`;

/** The keywords {@link instructionArgsError} checks. */
const CHECKED_KEYWORDS = new Set(['ENV', 'LABEL', 'MAINTAINER', 'WORKDIR', 'USER', 'STOPSIGNAL', 'ADD', 'COPY', 'EXPOSE', 'VOLUME', 'ARG', 'HEALTHCHECK']);

/**
 * The instruction-parse error of an instruction other than FROM, CMD, ENTRYPOINT, SHELL, RUN and ONBUILD
 * (checked elsewhere), in the order parse.go makes its checks; null when it parses. Buildah drops builder flags.
 */
export function instructionArgsError(instr: Pick<DockerfileInstruction, 'keyword' | 'flags' | 'args'>, esc: string, profile: EngineProfile): string | null {
  const kw = instr.keyword;
  // RUN and unknown keywords have no checks here: return before splitting their (often long) text.
  if (!CHECKED_KEYWORDS.has(kw)) return null;
  const args = nodeArgs(kw, instr.args, esc, profile);
  if (profile.checksArguments === 'imagebuilder') return imagebuilderError(kw, instr.flags, args, instr.args === '', profile);
  const flags = (): string | null => {
    if (profile.unknownFlag === 'drop') return null;
    const parsed = parseFlags(kw, instr.flags, profile);
    return typeof parsed === 'string' ? parsed : null;
  };
  switch (kw) {
    case 'ENV':
    case 'LABEL':
      return flags() ?? (args.length === 0 ? atLeastOne(kw) : kvKeys(args, instr.args).includes('') ? `${kw} names can not be blank` : null);
    case 'MAINTAINER':
    case 'WORKDIR':
    case 'USER':
      return args.length !== 1 ? exactlyOne(kw) : flags();
    case 'STOPSIGNAL':
      return args.length !== 1 ? exactlyOne(kw) : null;
    case 'ADD':
    case 'COPY':
      return args.length < 2 ? `${kw} requires at least two arguments, but only one was provided. Destination could not be determined` : flags();
    case 'EXPOSE':
      return args.length === 0 ? atLeastOne(kw) : flags();
    case 'VOLUME':
      return args.length === 0 ? atLeastOne(kw) : (flags() ?? (args.some((v) => goTrimSpace(v) === '') ? 'VOLUME specified can not be an empty string' : null));
    case 'ARG':
      return args.length === 0 ? atLeastOne(kw) : args.some((a) => a[0] === '=') ? 'ARG names can not be blank' : null;
    case 'HEALTHCHECK':
      return healthcheckError(args, instr.flags, profile);
    default:
      return null;
  }
}

/** The keys of ENV/LABEL arguments, given their quoted `words` and `text` (old `KEY value` form: the first field). */
function kvKeys(words: readonly string[], text: string): string[] {
  if (!(words[0] ?? '').includes('=')) return [fields(text)[0] ?? ''];
  return words.map((w) => w.slice(0, w.indexOf('=')));
}

/**
 * The parser's own ENV/LABEL check (line_parsers.go parseNameVal): the old `KEY value` form needs a value,
 * and in the `KEY=value` form every word needs its `=`. Null when the text is well formed.
 */
export function nameValueError(kw: string, text: string, esc: string): string | null {
  const words = splitQuotedWords(text, esc.charCodeAt(0), true);
  if (words.length === 0) return null;
  if (!(words[0] as string).includes('=')) return fields(text).length < 2 ? `${kw} must have two arguments` : null;
  const bad = words.find((w) => !w.includes('='));
  return bad === undefined ? null : `Syntax error - can't find = in ${goQuote(bad)}. Must be of the form: name=value`;
}

function healthcheckError(args: readonly string[], rawFlags: readonly string[], profile: EngineProfile): string | null {
  if (args.length === 0) return atLeastOne('HEALTHCHECK');
  const type = goToUpper(args[0] as string);
  if (type === 'NONE') return args.length > 1 ? 'HEALTHCHECK NONE takes no arguments' : null;
  const flags = profile.unknownFlag === 'drop' ? new Map<string, string>() : parseFlags('HEALTHCHECK', rawFlags, profile);
  if (typeof flags === 'string') return flags;
  if (type !== 'CMD') return `Unknown type ${goQuote(type)} in HEALTHCHECK (try CMD)`;
  if (args.length < 2) return 'Missing command after HEALTHCHECK CMD';
  return healthValuesError(flags, ['interval', 'timeout', 'start-period', 'start-interval'], 1e6, 'cannot be less than 1ms');
}

/** The durations (each at least `min` ns, else `Interval "name" <tooSmall>`) and `--retries` (strconv.ParseInt, 32 bits, at least 1) of a HEALTHCHECK. */
function healthValuesError(flags: Map<string, string>, names: readonly string[], min: number, tooSmall: string): string | null {
  for (const name of names) {
    const v = flags.get(name);
    if (v === undefined || v === '') continue;
    const d = parseGoDuration(v);
    if (typeof d === 'string') return d;
    if (d < min) return `Interval ${goQuote(name)} ${tooSmall}`;
  }
  const retries = flags.get('retries');
  if (retries === undefined || retries === '') return null;
  if (!/^[+-]?\d+$/u.test(retries)) return `strconv.ParseInt: parsing ${goQuote(retries)}: invalid syntax`;
  const n = Number(retries);
  if (n > 2147483647 || n < -2147483648) return `strconv.ParseInt: parsing ${goQuote(retries)}: value out of range`;
  return n < 1 ? `--retries must be at least 1 (not ${n})` : null;
}

const UNITS: Record<string, number> = { ns: 1, us: 1e3, '\u00b5s': 1e3, '\u03bcs': 1e3, ms: 1e6, s: 1e9, m: 6e10, h: 3.6e12 };

/** Go's `time.ParseDuration` in nanoseconds, or its error text. */
export function parseGoDuration(text: string): number | string {
  const invalid = `time: invalid duration ${goQuote(text)}`;
  let s = text;
  const neg = s[0] === '-';
  if (s[0] === '-' || s[0] === '+') s = s.slice(1);
  if (s === '0') return 0;
  if (s === '') return invalid;
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/u.exec(s) as RegExpExecArray;
    if ((m[1] as string) === '' && (m[2] ?? '') === '') return invalid;
    s = s.slice(m[0].length);
    const unit = /^[^\d.]*/u.exec(s)?.[0] ?? '';
    if (unit === '') return `time: missing unit in duration ${goQuote(text)}`;
    const scale = UNITS[unit];
    if (scale === undefined) return `time: unknown unit ${goQuote(unit)} in duration ${goQuote(text)}`;
    s = s.slice(unit.length);
    total += Number(`${m[1] || '0'}.${m[2] ?? '0'}`) * scale;
    if (total > 2 ** 63) return invalid;
  }
  return neg ? -total : total;
}

const SIGNALS = /* @__PURE__ */ new Set(
  'ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ RTMIN RTMAX'.split(
    ' ',
  ),
);

/** moby pkg/signal ParseSignal (Linux table): a non-zero integer or a known name with or without `SIG`; else `Invalid signal: …`. */
export function stopSignalError(signal: string): string | null {
  if (/^[+-]?\d+$/u.test(signal)) return Number(signal) === 0 || Math.abs(Number(signal)) > 2 ** 63 ? `Invalid signal: ${signal}` : null;
  const name = goToUpper(signal).replace(/^SIG/u, '');
  const rt = /^RTM(IN\+|AX-)(\d+)$/u.exec(name);
  const ok = SIGNALS.has(name) || (rt !== null && Number(rt[2]) >= 1 && Number(rt[2]) <= (rt[1] === 'IN+' ? 15 : 14) && !(rt[2] as string).startsWith('0'));
  return ok ? null : `Invalid signal: ${signal}`;
}

/** A port or range `0`–`65535` (nat.ParsePortRange). */
function portRange(text: string): [number, number] | null {
  const parts = text.split('-');
  const nums = (text.includes('-') ? parts.slice(0, 2) : parts).map((p) => (/^\d+$/u.test(p) && Number(p) <= 65535 ? Number(p) : -1));
  const [start = -1, end = start] = nums;
  return start < 0 || end < 0 || end < start ? null : [start, end];
}

/** go-connections nat.ParsePortSpec: the first error of an EXPOSE port (`[ip:[hostPort]:]port[-end][/proto]`). */
export function exposeError(spec: string): string | null {
  const parts = spec.split(':');
  const raw = parts[parts.length - 1] as string;
  const host = parts.length >= 2 ? (parts[parts.length - 2] as string) : '';
  const slash = raw.split('/');
  const port = raw === '' || slash[0] === '' ? '' : (slash[0] as string);
  const proto = port === '' ? '' : slash.length === 1 || slash[1] === '' ? 'tcp' : (slash[1] as string);
  if (port === '') return `No port specified: ${spec}<empty>`;
  const range = portRange(port);
  if (range === null) return `Invalid containerPort: ${port}`;
  const hostRange = host === '' ? [0, 0] : portRange(host);
  if (hostRange === null) return `Invalid hostPort: ${host}`;
  if (host !== '' && range[1] - range[0] !== (hostRange[1] as number) - (hostRange[0] as number) && range[1] !== range[0]) {
    return `Invalid ranges specified for container and host Ports: ${port} and ${host}`;
  }
  return ['tcp', 'udp', 'sctp'].includes(proto.toLowerCase()) ? null : `Invalid proto: ${proto}`;
}

/** A word after imagebuilder's expansion (`Step.Resolve`), or null when it holds a variable (values are not modelled). */
function literalWord(word: string, profile: EngineProfile): string | null {
  return word.includes('$') ? null : expandWord(word, new Map(), '\\', profile.lexer).value;
}

/**
 * imagebuilder's checks when buildah dispatches an instruction (dispatchers.go at the commit buildah 1.28.2 vendors,
 * openshift/imagebuilder 4151e43; ADD/COPY flags without `=`: buildah stage_executor.go). `args` as its line parsers give them.
 */
function imagebuilderError(kw: string, flags: readonly string[], args: readonly string[], empty: boolean, profile: EngineProfile): string | null {
  switch (kw) {
    case 'ENV':
    case 'LABEL':
    case 'EXPOSE':
      return empty ? atLeastOne(kw) : null;
    case 'MAINTAINER':
    case 'WORKDIR':
    case 'USER':
      return empty ? exactlyOne(kw) : null;
    case 'STOPSIGNAL': {
      if (empty) return exactlyOne(kw);
      const sig = literalWord(args[0] as string, profile);
      // signal.CheckSignal: moby's table and numbers, and a few names of other systems.
      return sig === null || /^(?:SIG)?(?:UNUSED|BUG|EMT|INFO|BUF|LWP|THR)$/u.test(goToUpper(sig)) ? null : stopSignalError(sig);
    }
    case 'ADD':
    case 'COPY': {
      const bare = flags.find((f) => ['--chmod', '--chown', ...(kw === 'COPY' ? ['--from'] : [])].includes(f));
      const only =
        kw === 'ADD'
          ? 'ADD only supports the --chmod=<permissions> and the --chown=<uid:gid> flag'
          : 'COPY only supports the --chmod=<permissions> --chown=<uid:gid> and the --from=<image|stage> flags';
      if (bare !== undefined) return kw === 'ADD' ? `${only}s` : only;
      if (args.length < 2) return atLeastOne(kw);
      for (const f of flags) {
        if (f.startsWith('--chmod=')) {
          if (!/^[0-7]+$/u.test(f.slice(8)) || parseInt(f.slice(8), 8) > 0xffffffff) return `Error parsing chmod ${f.slice(8)}`;
        } else if (!f.startsWith('--chown=') && !(kw === 'COPY' && f.startsWith('--from='))) return only;
      }
      return null;
    }
    case 'VOLUME':
      if (args.length === 0) return atLeastOne(kw);
      return args.some((a) => goTrimSpace(literalWord(a, profile) ?? 'x') === '') ? 'Volume specified can not be an empty string' : null;
    case 'HEALTHCHECK':
      return imagebuilderHealthcheck(args, flags);
    default:
      return null;
  }
}

/** imagebuilder `healthcheck`: NONE, then Go's flag package over the builder flags, the type, the durations, `--retries`. */
function imagebuilderHealthcheck(args: readonly string[], flags: readonly string[]): string | null {
  if (args.length === 0) return atLeastOne('HEALTHCHECK');
  const type = goToUpper(args[0] as string);
  if (type === 'NONE') return args.length > 1 ? 'HEALTHCHECK NONE takes no arguments' : null;
  const values = new Map<string, string>();
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i] as string;
    const eq = f.indexOf('=');
    const name = f.slice(2, eq < 0 ? undefined : eq);
    if (!['start-period', 'interval', 'timeout', 'retries'].includes(name)) return `flag provided but not defined: -${name}`;
    // A string flag without `=value` takes the next argument.
    if (eq < 0 && i + 1 >= flags.length) return `flag needs an argument: -${name}`;
    values.set(name, eq < 0 ? (flags[++i] as string) : f.slice(eq + 1));
  }
  if (type !== 'CMD') return `Unknown type ${goQuote(type)} in HEALTHCHECK (try CMD)`;
  if (args.length < 2) return 'Missing command after HEALTHCHECK CMD';
  // parseOptInterval: a duration must be positive.
  return healthValuesError(values, ['start-period', 'interval', 'timeout'], 1, 'must be positive');
}
