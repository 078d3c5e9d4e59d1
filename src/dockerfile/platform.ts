import type { EngineProfile } from '../core/engine-profile.js';
import type { ImageReference } from '../core/image-reference.js';
import { formatPlatformSpecifier, parsePlatform, type ParsedPlatform } from '../core/platform.js';
import type { ArgValues } from './arg-expansion.js';
import { goQuote } from '../internal/text.js';

/** The target and build platform when none is given (an amd64 Linux engine). */
export const DEFAULT_PLATFORM_SPECIFIER = 'linux/amd64';

/** The automatic platform ARGs, in the order frontend releases added them (`profile.platformArgs` counts from the start). */
export const PLATFORM_ARG_NAMES: readonly string[] = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETSTAGE',
  'TARGETOSVERSION',
  'BUILDOSVERSION',
];

/** The target and build platforms of a build, parsed. */
export interface BuildPlatforms {
  readonly target: ParsedPlatform;
  readonly build: ParsedPlatform;
  /** The target platform was given (`options.platform`), so an unknown base image's OS is known. */
  readonly explicit: boolean;
}

let parsedDefault: ReturnType<typeof parsePlatform> | undefined;

/** {@link DEFAULT_PLATFORM_SPECIFIER} parsed, once per process (every evaluation without options needs it). */
function defaultPlatform(): ReturnType<typeof parsePlatform> {
  return (parsedDefault ??= parsePlatform(DEFAULT_PLATFORM_SPECIFIER));
}

/**
 * Parses `options.platform` and `options.buildPlatform` (default {@link DEFAULT_PLATFORM_SPECIFIER}
 * each: a build on an amd64 Linux engine; the build platform is the engine's, whatever the target).
 * Returns containerd's error text for an invalid specifier.
 */
export function buildPlatforms(platform: string | undefined, buildPlatform: string | undefined): BuildPlatforms | { readonly error: string } {
  const target = platform === undefined ? defaultPlatform() : parsePlatform(platform);
  const build = buildPlatform === undefined ? defaultPlatform() : parsePlatform(buildPlatform);
  if (!target.ok) return { error: target.message };
  if (!build.ok) return { error: build.message };
  return { target: target.platform, build: build.platform, explicit: platform !== undefined };
}

/**
 * The values of the automatic platform ARGs the builder knows (the first `profile.platformArgs` of
 * {@link PLATFORM_ARG_NAMES}; none for the classic builder): `TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`, `TARGETVARIANT`, `BUILDPLATFORM`,
 * `BUILDOS`, `BUILDARCH`, `BUILDVARIANT`, and from Dockerfile frontend 1.11 `TARGETSTAGE`, from 1.13
 * `TARGETOSVERSION`/`BUILDOSVERSION` (the `osversion` of `os(osversion)/arch`; buildkit dockerfile2llb platform.go
 * `defaultArgs`). `buildArgs`
 * replace them, declared or not, where `profile.platformArgsGlobal` (BuildKit).
 */
export function automaticArgs(
  profile: EngineProfile,
  platforms: BuildPlatforms,
  targetStage: string | undefined,
  buildArgs: Readonly<Record<string, string>> | undefined,
): ArgValues {
  const { target: t, build: b } = platforms;
  // In the order of PLATFORM_ARG_NAMES.
  // From 1.13 (buildkit 94ddeb7db) TARGETPLATFORM is FormatAll: with `(osversion)`.
  const all = profile.platformArgs > 9;
  const values = [
    formatPlatformSpecifier(t, all),
    t.os,
    t.architecture,
    t.variant,
    formatPlatformSpecifier(b),
    b.os,
    b.architecture,
    b.variant,
    targetStage ?? 'default',
    t.osVersion ?? '',
    b.osVersion ?? '',
  ];
  const args: ArgValues = new Map();
  for (let i = 0; i < profile.platformArgs; i++) {
    const name = PLATFORM_ARG_NAMES[i] as string;
    const override = profile.platformArgsGlobal && buildArgs !== undefined && Object.prototype.hasOwnProperty.call(buildArgs, name) ? buildArgs[name] : undefined;
    args.set(name, override ?? (values[i] as string));
  }
  return args;
}

/**
 * The platform of `FROM --platform=…` after expansion (`expanded`), or the builder's error: empty
 * (`raw` is the flag as written) or not a platform specifier; null where the builder ignores it (buildah).
 */
export function stagePlatform(raw: string, expanded: string, profile: EngineProfile): ParsedPlatform | { readonly error: string } | null {
  if (expanded === '' && profile.platformErrors === 'expression') return { error: `empty platform value from expression ${raw}` };
  // The containerd grammar each frontend vendors (go.mod): platforms v0.2.1 from 1.9, v1.0.0-rc.1 from 1.13, rc.4 from 1.25;
  // the classic builder is kept on containerd 1.x's (recorded on Docker 20.10.24).
  const lexer = profile.builder === 'buildkit' ? profile.lexer : 0;
  const parsed = parsePlatform(expanded, lexer >= 25 ? 3 : lexer >= 13 ? 2 : lexer >= 9 ? 1 : 0);
  const parts = expanded.split('/').length;
  // buildah pkg/parse Platform: `os/arch[/variant]` of any words, or `local`; an empty value is no platform.
  if (profile.platformErrors === 'ignored' && expanded !== '' && expanded !== 'local' && (parts < 2 || parts > 3)) {
    return { error: `unable to parse platform ${goQuote(expanded)}: invalid platform syntax for ${goQuote(expanded)} (use OS/ARCH[/VARIANT][,...])` };
  }
  if (parsed.ok) return parsed.platform;
  if (profile.platformErrors === 'ignored') return null;
  return { error: `failed to parse platform ${profile.platformErrors === 'expression' ? raw : expanded}: ${parsed.message}` };
}

/**
 * True for a Windows base image by its name: `mcr.microsoft.com/windows/…` (servercore, nanoserver,
 * server), or `servercore`/`nanoserver` in the repository or tag (`python:3.14-windowsservercore-ltsc2022`,
 * `mcr.microsoft.com/dotnet/sdk:10.0-nanoserver-ltsc2025`), as the Docker Official Images and Microsoft tag them.
 */
export function isWindowsImageName(reference: ImageReference): boolean {
  return /^mcr\.microsoft\.com\/windows[/:@]|servercore|nanoserver/i.test(reference.canonical);
}
