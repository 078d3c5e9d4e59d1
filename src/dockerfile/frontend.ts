import { isKnownDirective, matchDirective } from './directive.js';
import { builtinFrontend, withFrontend, type EngineProfile } from '../core/engine-profile.js';
import { expectType, goTrimSpace } from '../internal/text.js';
import type { Diagnostic, Issue } from '../core/types.js';

/**
 * The `# syntax=` parser directive: BuildKit's built-in frontend finds it (or the
 * `BUILDKIT_SYNTAX` build-arg) and forwards the build to that frontend image, so
 * the parser rules are that frontend's, not the engine's. The classic builder and
 * buildah ignore it.
 */

/** The Dockerfile frontend image a BuildKit build is forwarded to. */
export interface DockerfileFrontend {
  /** Image reference: the directive's (or build-arg's) first word. */
  readonly ref: string;
  /** Frontend release whose rules apply (`'1.4'`, `'1.3-labs'`); `:1`, `:latest`, untagged and
   * `dockerfile-upstream:master` are the newest release this library knows. `null`: not modelled,
   * the engine's built-in frontend rules apply. */
  readonly version: string | null;
}

/** Result of {@link resolveFrontend}. */
export interface ResolvedFrontend {
  readonly profile: EngineProfile;
  readonly frontend: DockerfileFrontend | null;
  readonly diagnostics: readonly Diagnostic[];
  /** Set when the build fails before anything is parsed (the named frontend cannot exist). */
  readonly issue?: Issue;
}

const NONE: readonly Diagnostic[] = [];

/**
 * The value and line of the `key` directive (`syntax` by default) as the engine's built-in frontend detects it
 * (`DetectSyntax`, `ParseDirective`; rules from `profile`): leading lines that start with `#` exactly (no indentation).
 * Before 1.5 any `# key=value` line continues the scan and the last `syntax` wins; from 1.5 only
 * known directives do, the first wins, and a `#!` first line is skipped; from 1.13 a BOM too; from 1.21
 * any Unicode space may follow the `#`.
 */
export function detectSyntax(text: string, profile: EngineProfile, key = 'syntax'): { readonly value: string; readonly line: number } | null {
  const knownKeys = profile.syntaxKnownKeys;
  let pos = profile.syntaxSkipsBom && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  let found: { value: string; line: number } | null = null;
  const seen = new Set<string>();
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const s = text.slice(pos, end);
    pos = end + 1;
    line++;
    if (line === 1 && knownKeys && s.startsWith('#!')) continue;
    const m = matchDirective(s, profile.directiveUnicodeSpace);
    if (m === null) break;
    if (knownKeys) {
      if (seen.has(m.key) || !isKnownDirective(m.key, profile)) break;
      seen.add(m.key);
    }
    if (m.key === key) found = { value: m.value, line };
  }
  return found;
}

/**
 * The rules version of a `docker/dockerfile` or `docker/dockerfile-upstream` image reference:
 * `[minor, labs]` of frontend 1.x, or null (another image, a digest, a tag before 1.2 such as
 * `:experimental`, whose parser differs in ways not modelled). `latest`: the minor `:1` stands for.
 */
export function frontendVersion(ref: string, latest: number): readonly [number, boolean] | null {
  const m = /^(?:(?:index\.)?docker\.io\/)?docker\/dockerfile(-upstream)?(?::([\w.-]+))?$/.exec(ref);
  const tag = m?.[2] ?? 'latest';
  // `1`, `1.4`, `1.4.3`, `1.4.0-rc1`, each also with `-labs` (`1.4.0-labs-rc1`); `labs`; upstream `master`.
  const v = /^(?:latest|labs|(master)|1(?:\.(\d+)(?:\.\d+(?:-rc\d+)?)?)?)(?:-labs(?:-rc\d+)?)?$/.exec(tag);
  if (m === null || v === null || (v[1] !== undefined && m[1] === undefined)) return null;
  const minor = v[2] === undefined ? latest : Number(v[2]);
  return minor < 2 ? null : [minor, tag.includes('labs')];
}

/**
 * The profile a build of `text` runs with. Under BuildKit, `buildArg` (the `BUILDKIT_SYNTAX`
 * build-arg) or else a `# syntax=` directive names the frontend; a docker/dockerfile release
 * brings its own rules, any other image keeps the engine's (with an info diagnostic).
 */
export function resolveFrontend(text: string, profile: EngineProfile, buildArg?: string): ResolvedFrontend {
  if (!profile.syntaxDirective) return { profile, frontend: null, diagnostics: NONE };
  if (buildArg !== undefined) expectType(buildArg, 'string', 'options.buildArgs.BUILDKIT_SYNTAX');
  const found = buildArg !== undefined ? { value: goTrimSpace(buildArg), line: 0 } : detectSyntax(text, profile);
  if (found === null) return { profile, frontend: null, diagnostics: NONE };
  const ref = found.value.split(' ')[0] as string;
  // buildkit 3f3c95735 (v0.30.0 / Docker 29.5, built-in 1.24): buildx's gateway request for BUILDKIT_SYNTAX
  // `dockerfile.v0` runs the built-in frontend. Older daemons, and a `# syntax=` line, look for that image.
  if (ref === 'dockerfile.v0' && found.line === 0 && profile.syntaxV0Builtin) return { profile, frontend: null, diagnostics: NONE };
  const where = found.line > 0 ? { line: found.line, column: 1 } : {};
  if (ref === 'dockerfile.v0') {
    // Anywhere else it is pulled as docker.io/library/dockerfile.v0, which cannot exist (probes v0arg, v0dir).
    const how = found.line > 0 ? 'a `# syntax=` line' : 'BUILDKIT_SYNTAX before Docker 29.5';
    const message = `the build fails: with ${how}, BuildKit pulls dockerfile.v0 as an image (docker.io/library/dockerfile.v0), which does not exist`;
    return { profile, frontend: { ref, version: null }, diagnostics: NONE, issue: { code: 'syntax-frontend-unavailable', message, ...where } };
  }
  const v = frontendVersion(ref, builtinFrontend(null));
  if (v !== null) {
    return { profile: withFrontend(profile, v[0], v[1]), frontend: { ref, version: `1.${v[0]}${v[1] ? '-labs' : ''}` }, diagnostics: NONE };
  }
  const diagnostic: Diagnostic = {
    code: 'syntax-frontend-not-modelled',
    severity: 'info',
    message: `Frontend ${ref || '""'} is not modelled; the rules of the built-in frontend 1.${String(profile.frontend)} apply`,
    ...where,
  };
  return { profile, frontend: { ref, version: null }, diagnostics: [diagnostic] };
}
