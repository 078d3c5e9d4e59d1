import { parseEngineVersion, versionAtLeast, type Version } from '../core/engine-profile.js';
import { expectType } from '../internal/text.js';
import type { Diagnostic } from '../core/types.js';

/**
 * Kubernetes' `$(VAR_NAME)` expansion (kubelet, `third_party/forked/golang/expansion`), which the
 * kubelet applies to a container's `command`, `args` and literal `env` values. See
 * docs/semantics.md §3, "Kubernetes expansion".
 */

/** Variables visible to an expansion: a plain name → value record (own keys only) or a Map. */
export type KubernetesEnv = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/** Release-dependent kubelet behaviour (resolved from `kubernetesVersion`). */
export interface KubernetesProfile {
  /** Release as [major, minor, patch]; `null` = current. */
  readonly version: Version | null;
  /**
   * `$` followed by a multi-byte character: `'corrupt'` = the kubelet copied only the character's
   * first byte (as a Latin-1 character) and left its continuation bytes dangling, i.e. invalid
   * UTF-8 (kubernetes/kubernetes#136323); `'keep'` = copied intact (fixed by #136325).
   */
  readonly dollarMultibyte: 'corrupt' | 'keep';
  /** Invalid UTF-8 in a CRI string makes container creation fail (gRPC ≥ 1.72, Kubernetes ≥ 1.34). */
  readonly rejectsInvalidUtf8: boolean;
}

/** The newest Kubernetes minor release this library tracks as "current". */
export const CURRENT_KUBERNETES_VERSION = '1.36' as const;

/**
 * Resolves a Kubernetes (kubelet) release such as `'1.34.2'` or `'v1.33'` into the rules that
 * differ between releases. Absent or unparsable → current.
 */
export function kubernetesProfile(kubernetesVersion?: string): KubernetesProfile {
  if (kubernetesVersion !== undefined) expectType(kubernetesVersion, 'string', 'kubernetesVersion');
  const version = kubernetesVersion === undefined ? null : parseEngineVersion(kubernetesVersion);
  if (version === null) {
    return { version: null, dollarMultibyte: 'keep', rejectsInvalidUtf8: true };
  }
  // The byte-wise read is as old as the expansion package; the fix (#136325) reached 1.36.0 and was
  // back-ported to 1.34.4 (#136490) and 1.35.1 (#136491). Older lines (≤ 1.33) never got it.
  let corrupt: boolean;
  if (version[0] !== 1) corrupt = version[0] < 1;
  else if (version[1] <= 33) corrupt = true;
  else if (version[1] === 34) corrupt = !versionAtLeast(version, 1, 34, 4);
  else if (version[1] === 35) corrupt = !versionAtLeast(version, 1, 35, 1);
  else corrupt = false;
  return {
    version,
    dollarMultibyte: corrupt ? 'corrupt' : 'keep',
    rejectsInvalidUtf8: versionAtLeast(version, 1, 34),
  };
}

/** Looks a name up without touching prototypes (`$(constructor)` stays literal). */
export function lookupEnv(env: KubernetesEnv, name: string): string | undefined {
  if (env instanceof Map) return (env as ReadonlyMap<string, string>).get(name);
  return Object.hasOwn(env, name) ? (env as Readonly<Record<string, string>>)[name] : undefined;
}

/** UTF-8 length of a code point. */
function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** First UTF-8 byte of a code point ≥ 0x80. */
function utf8LeadByte(cp: number): number {
  if (cp < 0x800) return 0xc0 | (cp >> 6);
  if (cp < 0x10000) return 0xe0 | (cp >> 12);
  return 0xf0 | (cp >> 18);
}

/** What one expansion did, for diagnostics. */
export interface ExpansionReport {
  readonly output: string;
  /** `$(NAME)` references left literal because no variable NAME exists. */
  readonly undefinedNames: readonly string[];
  /** True when a `$` + multi-byte character was corrupted (affected releases only). */
  readonly corrupted: boolean;
  /** Characters that followed a `$` and are multi-byte (for the diagnostic). */
  readonly dollarMultibyte: boolean;
}

/**
 * Expands one string and reports what happened. A single left-to-right pass over UTF-16 code
 * units, mirroring the kubelet's byte scan: `$$` → `$`; `$(NAME)` with a closing `)` → the value
 * (or the text unchanged when NAME is undefined); an unterminated `$(` is copied and scanning
 * resumes after it; `$` + anything else is copied; a final `$` is kept.
 */
export function expandKubernetesReport(text: string, env: KubernetesEnv, profile: KubernetesProfile): ExpansionReport {
  let out = '';
  let checkpoint = 0;
  const undefinedNames: string[] = [];
  let corrupted = false;
  let dollarMultibyte = false;
  const n = text.length;
  // First `)` at or after the last search start (-1: none). Reused while it is still ahead, so
  // many `$(` without a `)` (or before one far away) stay linear instead of rescanning the text.
  let nextClose = -2;
  // Text is copied in runs: only `$$`, a defined `$(NAME)` and a corrupted `$` + character change
  // it, so only they flush the run before them (no allocation per unchanged `$`).
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 36 || i + 1 >= n) continue;
    const next = text.charCodeAt(i + 1);
    if (next === 36) {
      out += text.slice(checkpoint, i + 1);
      i += 1;
      checkpoint = i + 1;
    } else if (next === 40) {
      if (nextClose !== -1 && nextClose < i + 2) nextClose = text.indexOf(')', i + 2);
      const close = nextClose;
      if (close < 0) {
        i += 1; // an unterminated `$(` is copied as is
      } else {
        const name = text.slice(i + 2, close);
        const value = lookupEnv(env, name);
        if (value === undefined)
          undefinedNames.push(name); // left as written
        else {
          out += text.slice(checkpoint, i) + value;
          checkpoint = close + 1;
        }
        i = close;
      }
    } else {
      const cp = text.codePointAt(i + 1) as number;
      const units = cp > 0xffff ? 2 : 1;
      if (cp >= 0x80) dollarMultibyte = true;
      if (cp >= 0x80 && profile.dollarMultibyte === 'corrupt') {
        // Go's string(byte) turns the lead byte into the Latin-1 character of that value; the
        // continuation bytes are then copied on their own, which is invalid UTF-8. Each such byte
        // is shown as U+FFFD, as a UTF-8 decoder would show it.
        const scalar = cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
        out += text.slice(checkpoint, i) + '$' + String.fromCharCode(utf8LeadByte(scalar)) + '\uFFFD'.repeat(utf8Length(scalar) - 1);
        corrupted = true;
        checkpoint = i + 1 + units;
      }
      i += units;
    }
  }
  out += text.slice(checkpoint);
  return { output: out, undefinedNames, corrupted, dollarMultibyte };
}

/** Options of {@link expandKubernetes}. */
export interface ExpandKubernetesOptions {
  /** Kubelet release, e.g. `'1.34.2'`. Default: current. */
  readonly kubernetesVersion?: string;
}

/**
 * Expands `$(VAR_NAME)` references exactly as the kubelet does for `command`, `args` and `env`
 * values: `$$` is a literal `$`, undefined references and every other `$` sequence (`$VAR`,
 * `${VAR}`) are left as written, nothing nests and nothing is expanded twice.
 *
 * @param text - A `command`/`args` element or `env` value.
 * @param env - Variable values (own keys only; prototype names are never looked up).
 * @param options - `kubernetesVersion` reproduces the `$` + multi-byte corruption of affected releases.
 * @example
 * expandKubernetes('echo $(GREETING) $$(date) $HOME', { GREETING: 'hi' }) // 'echo hi $(date) $HOME'
 */
export function expandKubernetes(text: string, env: KubernetesEnv, options: ExpandKubernetesOptions = {}): string {
  expectType(text, 'string', 'text');
  expectType(env, 'object', 'env');
  expectType(options, 'object', 'options');
  return expandKubernetesReport(text, env, kubernetesProfile(options.kubernetesVersion)).output;
}

/**
 * Escapes a string so that Kubernetes expansion gives it back unchanged, whatever the variables:
 * every `$` becomes `$$`. (This also protects `$` + multi-byte characters from the corruption in
 * affected releases.)
 */
export function escapeKubernetes(text: string): string {
  expectType(text, 'string', 'text');
  return text.includes('$') ? text.replaceAll('$', '$$$$') : text;
}

/** True for a character that can start a shell variable name. */
function isNameStart(c: number): boolean {
  return c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Finds shell-style references (`$NAME`, `${NAME}`) that Kubernetes does not expand, skipping
 * `$$` escapes and whole `$(…)` references: the kubelet takes everything up to the first `)` as
 * the name, so the `$BAR` in `$(FOO$BAR)` is part of the name `FOO$BAR`, not a reference of its
 * own. After an unterminated `$(` the scan goes on, as the kubelet's does. Linear scan.
 */
export function shellStyleReferences(text: string): string[] {
  const found: string[] = [];
  const n = text.length;
  // First `}` at or after the last search start (-1: none), reused while ahead (linear on `${${${…`).
  let nextBrace = -2;
  let nextClose = -2;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) !== 36 || i + 1 >= n) continue;
    const next = text.charCodeAt(i + 1);
    if (next === 36) {
      i++;
      continue;
    }
    if (next === 40) {
      if (nextClose !== -1 && nextClose < i + 2) nextClose = text.indexOf(')', i + 2);
      i = nextClose < 0 ? i + 1 : nextClose;
      continue;
    }
    if (next === 123) {
      if (nextBrace !== -1 && nextBrace < i + 2) nextBrace = text.indexOf('}', i + 2);
      const close = nextBrace;
      if (close > i + 2) {
        found.push(text.slice(i, close + 1));
        i = close;
      }
    } else if (isNameStart(next)) {
      let j = i + 2;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (!(isNameStart(c) || (c >= 48 && c <= 57))) break;
        j++;
      }
      found.push(text.slice(i, j));
      i = j - 1;
    }
  }
  return found;
}

/** Diagnostics for one pod-spec string that is about to be expanded. */
export function expansionDiagnostics(report: ExpansionReport, input: string, path: string, runsInShell: boolean, profile: KubernetesProfile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const shellRefs = shellStyleReferences(input);
  if (shellRefs.length > 0) {
    diagnostics.push({
      code: 'k8s-shell-variable',
      severity: runsInShell ? 'info' : 'warning',
      path,
      message: runsInShell
        ? `Kubernetes does not expand ${shellRefs.join(', ')}; the shell that runs this script will, from the container's environment.`
        : `Kubernetes expands only $(NAME): ${shellRefs.join(', ')} reaches the program literally because no shell runs it; write $(NAME) or run the command with sh -c.`,
    });
  }
  for (const name of report.undefinedNames) {
    // `$(FOO$BAR)` names the variable `FOO$BAR`: the kubelet does not nest or expand inside a reference.
    const inner = name.includes('$') ? ` The kubelet reads the name up to the first ")", so the $ inside it is not a reference of its own.` : '';
    diagnostics.push({
      code: 'k8s-undefined-reference',
      severity: 'warning',
      path,
      message: runsInShell
        ? `No variable ${JSON.stringify(name)} is defined in the container's env/envFrom, so $(${name}) is left as written and the shell will run it as a command substitution; write $$(${name}) if that is intended.${inner}`
        : `No variable ${JSON.stringify(name)} is defined in the container's env/envFrom (image ENV does not count), so $(${name}) is passed literally.${inner}`,
    });
  }
  if (report.dollarMultibyte) {
    diagnostics.push({
      code: 'k8s-dollar-multibyte',
      severity: report.corrupted ? (profile.rejectsInvalidUtf8 ? 'error' : 'warning') : 'info',
      path,
      message: report.corrupted
        ? profile.rejectsInvalidUtf8
          ? 'A $ followed by a multi-byte character is corrupted into invalid UTF-8 by this kubelet, and the container runtime call then fails ("string field contains invalid UTF-8"); fixed in 1.34.4 / 1.35.1 / 1.36, or write $$.'
          : 'A $ followed by a multi-byte character is corrupted by this kubelet (the character is cut to its first byte, leaving invalid UTF-8); write $$ before it or upgrade to 1.34.4 / 1.35.1 / 1.36.'
        : 'A $ followed by a multi-byte character: kubelets before 1.34.4 / 1.35.1 corrupt it (1.34.0–1.34.3 and 1.35.0 fail to create the container); write $$ to be safe on every release.',
    });
  }
  return diagnostics;
}
