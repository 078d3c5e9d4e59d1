import { goQuote } from '../internal/text.js';

/**
 * Platform specifiers as the engines read them (`docker build --platform`, `FROM --platform`):
 * containerd's `platforms.Parse` then `Normalize` (containerd/platforms platforms.go and database.go at
 * v1.0.0-rc.4 09756f59, 2026-03-31, as vendored by buildkit 73ed6825; the older grammars by `grammar`).
 * Rules, not code, carried over.
 */

/** A parsed, normalised platform specifier (lower case); an absent variant is `''`. */
export interface ParsedPlatform {
  readonly os: string;
  readonly architecture: string;
  readonly variant: string;
  /** `windows(10.0.17763)`: the OS version, when given. */
  readonly osVersion?: string;
  /** `windows(10.0.17763+win32k)`: the OS features, sorted, once each, when given. */
  readonly osFeatures?: readonly string[];
}

/** Result of {@link parsePlatform}: the platform, or containerd's error text. */
export type ParsePlatformResult = { readonly ok: true; readonly platform: ParsedPlatform } | { readonly ok: false; readonly message: string };

/** The OS component's pattern by grammar: containerd 1.x (none: a component like the others); `os(osversion)` (platforms v0.2.1); the same, with `.` allowed in the other components (v1.0.0-rc.1); OS features and `%` escapes (rc.4). */
const OS_RES = [
  null,
  /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$/,
  /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$/,
  /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/,
];
const KNOWN_OS = /^(?:aix|android|darwin|dragonfly|freebsd|hurd|illumos|ios|js|linux|nacl|netbsd|openbsd|plan9|solaris|windows|zos)$/;
const KNOWN_ARCH =
  /^(?:386|amd64|amd64p32|arm|armbe|arm64|arm64be|ppc64|ppc64le|loong64|mips|mipsle|mips64|mips64le|mips64p32|mips64p32le|ppc|riscv|riscv64|s390|s390x|sparc|sparc64|wasm)$/;

/** containerd `normalizeArch`: lower case; the aliases (`i386`, `x86_64`, `aarch64`, `armhf`, `armel`) and the default variants. */
export function normalizeArch(arch: string, variant: string): readonly [string, string] {
  const a = arch.toLowerCase();
  const v = variant.toLowerCase();
  if (a === 'i386') return ['386', ''];
  if (a === 'x86_64' || a === 'x86-64' || a === 'amd64') return ['amd64', v === 'v1' ? '' : v];
  if (a === 'aarch64' || a === 'arm64') return ['arm64', /^v?8(?:\.0)?$/.test(v) && v !== '8.0' ? '' : /^(?:9|9\.0|v9\.0)$/.test(v) ? 'v9' : v];
  if (a === 'armhf') return ['arm', 'v7'];
  if (a === 'armel') return ['arm', 'v6'];
  if (a === 'arm') return ['arm', v === '' || v === '7' ? 'v7' : /^[568]$/.test(v) ? `v${v}` : v];
  return [a, v];
}

/** containerd `decodeOSOption` (rc.4): `%XX` escapes as url.PathUnescape reads them; an Error for a bad escape. */
function decodeOption(v: string): string | Error {
  const bad = /%(?![0-9A-Fa-f]{2})/.exec(v);
  if (bad !== null) return new Error(`invalid URL escape ${goQuote(v.slice(bad.index, bad.index + 3))}`);
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/**
 * containerd `platforms.Parse` + `Normalize` for `os[(osversion[+feature…])][/arch[/variant]]`, split as Go's
 * `SplitN(text, "/", 4)`; each component must match the grammar's pattern (else containerd's error); a lone word is
 * a known OS (`macos` = `darwin`) on the engine's architecture (`amd64` here), or a known architecture on Linux.
 * `grammar` (0–3, default the newest): which containerd grammar reads it ({@link OS_RES}).
 */
export function parsePlatform(text: string, grammar = 3): ParsePlatformResult {
  const fail = (message: string): ParsePlatformResult => ({ ok: false, message });
  if (text.includes('*')) return fail(`${goQuote(text)}: wildcards not yet supported: invalid argument`);
  const parts = text.split('/');
  if (parts.length > 4) parts.push(parts.splice(3).join('/'));
  const component = grammar >= 2 ? /^[A-Za-z0-9_.-]+$/ : /^[A-Za-z0-9_-]+$/;
  // The first component is the OS, with its options from platforms v0.2.1 (containerd 1.x: a component like the others).
  const osRe = grammar > 0 ? (OS_RES[grammar] as RegExp) : /^([A-Za-z0-9_-]+)$/;
  const m = osRe.exec(parts[0] as string);
  if (m === null) {
    const [what, rule, re] = grammar > 0 ? ['OS component of', 'OSAndVersion specifier', osRe] : ['component of', 'platform specifier', component];
    return fail(`${goQuote(parts[0] as string)} is an invalid ${what} ${goQuote(text)}: ${rule} component must match ${goQuote(re.source)}: invalid argument`);
  }
  const osVersion = decodeOption(m[2] ?? '');
  if (osVersion instanceof Error) return fail(`${goQuote(text)} has an invalid OS version ${goQuote(m[2] as string)}: ${osVersion.message}`);
  const features = new Set<string>();
  for (const raw of (m[3] ?? '').split('+').slice(1)) {
    const f = decodeOption(raw);
    if (f instanceof Error) return fail(`${goQuote(text)} has invalid OS features: invalid os feature ${goQuote(raw)}: ${f.message}`);
    if (f !== '') features.add(f);
  }
  for (const part of parts.slice(1)) {
    if (!component.test(part))
      return fail(`${goQuote(part)} is an invalid component of ${goQuote(text)}: platform specifier component must match ${goQuote(component.source)}: invalid argument`);
  }
  if (parts.length > 3) return fail(`${goQuote(text)}: cannot parse platform specifier: invalid argument`);
  let os = (m[1] as string).toLowerCase();
  if (os === 'macos') os = 'darwin';
  let [arch, variant] = normalizeArch(parts[1] ?? 'amd64', parts[2] ?? '');
  if (parts.length === 1 && !KNOWN_OS.test(os)) {
    // A lone architecture runs on the engine's OS, Linux here.
    [arch, variant] = normalizeArch(text, '');
    if (!KNOWN_ARCH.test(arch)) return fail(`${goQuote(text)}: unknown operating system or architecture: invalid argument`);
    os = 'linux';
  }
  return {
    ok: true,
    platform: {
      os,
      architecture: arch,
      variant,
      ...(osVersion !== '' && { osVersion }),
      ...(features.size > 0 && { osFeatures: [...features].sort() }),
    },
  };
}

/** containerd `Format` (`os/arch[/variant]`), or with `all` `FormatAll` (`os(osversion+features)/arch[/variant]`, `%`-escaped). */
export function formatPlatformSpecifier(p: ParsedPlatform, all = false): string {
  const esc = (s: string) => s.replace(/[%+()/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const features = p.osFeatures?.map(esc).join('+') ?? '';
  const options = all && (p.osVersion !== undefined || features !== '') ? `(${esc(p.osVersion ?? '')}${features === '' ? '' : `+${features}`})` : '';
  return `${p.os}${options}/${p.architecture}${p.variant === '' ? '' : `/${p.variant}`}`;
}
