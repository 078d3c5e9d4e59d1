/**
 * Platforms as the engines read them: containerd's `platforms` package (Parse, Normalize,
 * Format/FormatAll; containerd/platforms v1.0.0-rc.4, as vendored by buildkit 73ed6825). Rules,
 * not code, carried over. Shared by the Dockerfile evaluation (`--platform`, the automatic platform
 * ARGs) and the registry client (index selection).
 */

/** A platform as an index entry or an image config states it (OCI image-spec `platform`). */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
  /** Windows only: `os.version`, e.g. `10.0.17763.6054`. */
  readonly osVersion?: string;
}

/** A platform after containerd's normalisation (an absent variant is `''`). */
export interface NormalPlatform {
  readonly os: string;
  readonly architecture: string;
  readonly variant: string;
}

/** Architecture aliases and the variant each implies (`''`: none; absent: the written one). */
const ARCH_ALIASES: Readonly<Record<string, readonly [string, string?]>> = {
  i386: ['386', ''],
  x86_64: ['amd64'],
  'x86-64': ['amd64'],
  aarch64: ['arm64'],
  armhf: ['arm', 'v7'],
  armel: ['arm', 'v6'],
};
/** Variant spellings containerd folds, by architecture (`arm64/v8` is plain `arm64`, `arm` alone is `arm/v7`). */
const VARIANTS: Readonly<Record<string, string>> = {
  'amd64/v1': '',
  'arm64/8': '',
  'arm64/v8': '',
  'arm64/v8.0': '',
  'arm64/9': 'v9',
  'arm64/9.0': 'v9',
  'arm64/v9.0': 'v9',
  'arm/': 'v7',
  'arm/7': 'v7',
  'arm/5': 'v5',
  'arm/6': 'v6',
  'arm/8': 'v8',
};

/** containerd `normalizeOS` + `normalizeArch`: lower case, `x86_64`→`amd64`, `aarch64`→`arm64`, arm's default variant v7, arm64's v8 dropped. */
export function normalizePlatform(p: Platform): NormalPlatform {
  const os = p.os.toLowerCase();
  const lower = p.architecture.toLowerCase();
  const [architecture, implied] = ARCH_ALIASES[lower] ?? [lower];
  const variant = implied ?? (p.variant ?? '').toLowerCase();
  return { os: os === 'macos' ? 'darwin' : os, architecture, variant: VARIANTS[`${architecture}/${variant}`] ?? variant };
}

/** A parsed, normalised platform specifier; `osVersion` is `''` when none was written. */
export interface ParsedPlatform extends NormalPlatform {
  readonly osVersion: string;
}

/** Result of {@link parsePlatform}: the platform, or containerd's error text. */
export type ParsePlatformResult = { readonly ok: true; readonly platform: ParsedPlatform } | { readonly ok: false; readonly message: string };

const COMPONENT = /^[A-Za-z0-9_-]+$/;
/** Single-word specifiers containerd knows as an OS (those a Linux or Windows engine meets), else as an architecture. */
const KNOWN_OS = /^(?:linux|windows|darwin|macos|freebsd)$/i;
const KNOWN_ARCH = /^(?:386|amd64|arm|arm64|ppc64le|s390x|riscv64|loong64|x86_64|x86-64|aarch64|i386|armhf|armel)$/i;

/**
 * containerd `platforms.Parse`: `os[(osversion)][/arch[/variant]]`, or a lone architecture (then
 * `linux`); a lone OS takes the engine's architecture (`amd64` here). Components match
 * `^[A-Za-z0-9_-]+$`. The result is normalised ({@link normalizePlatform}).
 */
export function parsePlatform(text: string): ParsePlatformResult {
  let spec = text;
  let osVersion = '';
  const open = spec.indexOf('(');
  const close = spec.indexOf(')');
  if (open > 0 && close > open && (close === spec.length - 1 || spec[close + 1] === '/')) {
    osVersion = spec.slice(open + 1, close);
    spec = spec.slice(0, open) + spec.slice(close + 1);
  }
  const parts = spec.split('/');
  for (const part of parts) {
    if (!COMPONENT.test(part))
      return { ok: false, message: `"${part}" is an invalid component of "${text}": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument` };
  }
  const [first, second, variant] = parts as [string, string | undefined, string | undefined];
  let [os, arch] = [first, second];
  if (parts.length > 3) return { ok: false, message: `"${text}": cannot parse platform specifier: invalid argument` };
  if (arch === undefined) {
    if (KNOWN_OS.test(os)) arch = 'amd64';
    else if (KNOWN_ARCH.test(os)) [os, arch] = ['linux', os];
    else return { ok: false, message: `"${text}": unknown operating system or architecture: invalid argument` };
  }
  return { ok: true, platform: { ...normalizePlatform({ os, architecture: arch, variant: variant ?? '' }), osVersion } };
}

/** containerd `Format` (`os/arch[/variant]`), or `FormatAll` with `withOsVersion` (`os(osversion)/arch[/variant]`). */
export function formatPlatformSpecifier(p: ParsedPlatform, withOsVersion = false): string {
  const os = withOsVersion && p.osVersion !== '' ? `${p.os}(${p.osVersion})` : p.os;
  return `${os}/${p.architecture}${p.variant === '' ? '' : `/${p.variant}`}`;
}
