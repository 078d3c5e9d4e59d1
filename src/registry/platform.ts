/**
 * Platform selection in an image index, following containerd's `platforms` package (the matcher
 * Docker and nerdctl use; containerd/platforms 09756f5, database.go, compare.go,
 * platform_windows_compat.go). Rules, not code, carried over.
 */

/** A platform as an index entry or an image config states it (OCI image-spec `platform`). */
export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
  /** Windows only: `os.version`, e.g. `10.0.17763.6054`. */
  readonly osVersion?: string;
}

/** The platform asked for when none is given. */
export const DEFAULT_PLATFORM: Platform = Object.freeze({ os: 'linux', architecture: 'amd64' });

/** An index entry's platform as read from JSON (`os.version` keeps its dotted key). */
export interface DescriptorPlatform {
  readonly os?: unknown;
  readonly architecture?: unknown;
  readonly variant?: unknown;
  readonly 'os.version'?: unknown;
}

interface Normal {
  readonly os: string;
  readonly architecture: string;
  readonly variant: string;
}

/** containerd `normalizeOS` + `normalizeArch`: lower case, `x86_64`→`amd64`, `aarch64`→`arm64`, arm's default variant v7, arm64's v8 dropped. */
export function normalizePlatform(p: Platform): Normal {
  const os = p.os.toLowerCase() === 'macos' ? 'darwin' : p.os.toLowerCase();
  let architecture = p.architecture.toLowerCase();
  let variant = (p.variant ?? '').toLowerCase();
  switch (architecture) {
    case 'i386':
      architecture = '386';
      variant = '';
      break;
    case 'x86_64':
    case 'x86-64':
    case 'amd64':
      architecture = 'amd64';
      if (variant === 'v1') variant = '';
      break;
    case 'aarch64':
    case 'arm64':
      architecture = 'arm64';
      if (variant === '8' || variant === 'v8' || variant === 'v8.0') variant = '';
      else if (variant === '9' || variant === '9.0' || variant === 'v9.0') variant = 'v9';
      break;
    case 'armhf':
      architecture = 'arm';
      variant = 'v7';
      break;
    case 'armel':
      architecture = 'arm';
      variant = 'v6';
      break;
    case 'arm':
      if (variant === '' || variant === '7') variant = 'v7';
      else if (variant === '5' || variant === '6' || variant === '8') variant = `v${variant}`;
      break;
  }
  return { os, architecture, variant };
}

/**
 * The platforms that can run on `p`, best first (containerd `platformVector`, simplified for
 * arm64 sub-variants): amd64/vN…v1 then 386; arm/vN down to v5; arm64 then arm/v8…v5.
 */
export function compatiblePlatforms(p: Platform): Normal[] {
  const n = normalizePlatform(p);
  const out: Normal[] = [n];
  const level = Number.parseInt(n.variant.slice(1), 10);
  const arm = (from: number) => {
    for (let v = from; v >= 5; v--) out.push({ os: n.os, architecture: 'arm', variant: `v${v}` });
  };
  if (n.architecture === 'amd64') {
    for (let v = Number.isNaN(level) ? 0 : level - 1; v >= 1; v--) out.push({ ...n, variant: v === 1 ? '' : `v${v}` });
    out.push({ os: n.os, architecture: '386', variant: '' });
  } else if (n.architecture === 'arm' && !Number.isNaN(level)) {
    arm(level - 1);
  } else if (n.architecture === 'arm64') {
    if (n.variant !== '') out.push({ ...n, variant: '' });
    arm(8);
  }
  return out;
}

/** Reads an index entry's platform; `undefined` when it has none (attestations, artifacts). */
export function descriptorPlatform(p: unknown): Platform | undefined {
  if (typeof p !== 'object' || p === null) return undefined;
  const d = p as DescriptorPlatform;
  if (typeof d.os !== 'string' || typeof d.architecture !== 'string') return undefined;
  const out: { os: string; architecture: string; variant?: string; osVersion?: string } = { os: d.os, architecture: d.architecture };
  if (typeof d.variant === 'string' && d.variant !== '') out.variant = d.variant;
  if (typeof d['os.version'] === 'string' && d['os.version'] !== '') out.osVersion = d['os.version'];
  return out;
}

/** `os/architecture[/variant][:os.version]`, as Docker prints a platform. */
export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}${p.osVersion ? `:${p.osVersion}` : ''}`;
}

const LTSC2022 = 20348;
const COMPAT_LTSC = [LTSC2022, 26100];

/** `major.minor.build` of a Windows version string, or undefined. */
function windowsBuild(v: string): readonly [number, number, number] | undefined {
  const parts = v.split('.');
  if (parts.length < 3) return undefined;
  const nums = parts.slice(0, 3).map((x) => (/^[0-9]+$/.test(x) ? Number(x) : Number.NaN));
  return nums.some(Number.isNaN) ? undefined : [nums[0]!, nums[1]!, nums[2]!];
}

/**
 * containerd `checkWindowsHostAndContainerCompat`: same major.minor; before LTSC 2022 the build
 * must be equal; from it on, any build from the newest LTSC release older than the host up to
 * the host's own. An entry without os.version, or a host version not given, matches.
 */
export function windowsVersionMatches(host: string | undefined, image: string | undefined): boolean {
  if (host === undefined || image === undefined) return true;
  const h = windowsBuild(host);
  if (h === undefined) return true;
  const c = windowsBuild(image) ?? [0, 0, 0];
  if (h[0] !== c[0] || h[1] !== c[1]) return false;
  if (h[2] < LTSC2022) return h[2] === c[2];
  let floor = LTSC2022;
  for (let i = COMPAT_LTSC.length - 1; i >= 0; i--) {
    if (h[2] > COMPAT_LTSC[i]!) {
      floor = COMPAT_LTSC[i]!;
      break;
    }
  }
  return floor <= c[2] && c[2] <= h[2];
}

/**
 * Picks the index entry for `wanted`: the first entry matching the best compatible platform;
 * among Windows entries that match, the highest `os.version` (compared as strings, as containerd's
 * `windowsMatchComparer.Less` does). Returns the entry's position, or -1.
 */
export function selectPlatform(entries: readonly (Platform | undefined)[], wanted: Platform): number {
  const windows = normalizePlatform(wanted).os === 'windows';
  for (const candidate of compatiblePlatforms(wanted)) {
    let best = -1;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e === undefined) continue;
      const n = normalizePlatform(e);
      if (n.os !== candidate.os || n.architecture !== candidate.architecture || n.variant !== candidate.variant) continue;
      if (!windows) return i;
      if (!windowsVersionMatches(wanted.osVersion, e.osVersion)) continue;
      if (best === -1 || (e.osVersion ?? '') > (entries[best]!.osVersion ?? '')) best = i;
    }
    if (best !== -1) return best;
  }
  return -1;
}
