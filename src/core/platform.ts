/**
 * Platform specifiers as the engines read them (`docker build --platform`, `FROM --platform`):
 * containerd's `platforms.Parse` (containerd/platforms v1.0.0-rc.4, as vendored by buildkit 73ed6825),
 * with the normalisations Docker users meet. Rules, not code, carried over.
 */

/** A parsed platform specifier, lower-cased; an absent variant is `''`. */
export interface ParsedPlatform {
  readonly os: string;
  readonly architecture: string;
  readonly variant: string;
}

/** Result of {@link parsePlatform}: the platform, or containerd's error text. */
export type ParsePlatformResult = { readonly ok: true; readonly platform: ParsedPlatform } | { readonly ok: false; readonly message: string };

const COMPONENT = /^[A-Za-z0-9_-]+$/;
/** Go's GOOS values (containerd isKnownOS) and GOARCH values with the aliases normalizeArch reads (isKnownArch). */
const OSES = /^(?:aix|android|darwin|dragonfly|freebsd|hurd|illumos|ios|js|linux|nacl|netbsd|openbsd|plan9|solaris|windows|zos)$/i;
const ARCHES =
  /^(?:386|amd64|amd64p32|arm|armbe|arm64|arm64be|ppc64|ppc64le|loong64|mips|mipsle|mips64|mips64le|mips64p32|mips64p32le|ppc|riscv|riscv64|s390|s390x|sparc|sparc64|wasm|i386|x86_64|x86-64|aarch64|armhf|armel)$/i;

/**
 * containerd `platforms.Parse` for `os[/arch[/variant]]`: components match `^[A-Za-z0-9_-]+$` (else
 * containerd's error; more than three are not a specifier); a lone word is a known OS, on the engine's architecture
 * (`amd64` here), or a known architecture on Linux, else `unknown operating system or architecture`. Normalised
 * as containerd `normalizeArch` does for the spellings in use: `x86_64`/`x86-64` → `amd64`, `aarch64` →
 * `arm64`, `arm64/v8` → `arm64`, `arm` → `arm/v7` (the rarer aliases, `i386`, `armhf`…, are accepted but not
 * normalised, `os(osversion)` is not read; the registry client's `normalizePlatform` has them).
 */
export function parsePlatform(text: string): ParsePlatformResult {
  const parts = text.split('/');
  for (const part of parts) {
    if (!COMPONENT.test(part))
      return { ok: false, message: `"${part}" is an invalid component of "${text}": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument` };
  }
  if (parts.length > 3) return { ok: false, message: `"${text}": cannot parse platform specifier: invalid argument` };
  if (parts.length === 1 && !OSES.test(text)) {
    // A lone architecture runs on Linux (the engine's OS here).
    if (!ARCHES.test(text)) return { ok: false, message: `"${text}": unknown operating system or architecture: invalid argument` };
    parts.unshift('linux');
  }
  const [os, architecture = 'amd64', variant = ''] = parts as [string, string?, string?];
  const arch = architecture
    .toLowerCase()
    .replace(/^x86[_-]64$/, 'amd64')
    .replace(/^aarch64$/, 'arm64');
  const v = variant.toLowerCase();
  return { ok: true, platform: { os: os.toLowerCase(), architecture: arch, variant: arch === 'arm64' && /^v?8(?:\.0)?$/.test(v) ? '' : arch === 'arm' && v === '' ? 'v7' : v } };
}

/** containerd `Format`: `os/arch[/variant]`. */
export function formatPlatformSpecifier(p: ParsedPlatform): string {
  return `${p.os}/${p.architecture}${p.variant === '' ? '' : `/${p.variant}`}`;
}
