import type { Diagnostic, Failure, Issue } from './types.js';
import { expectType } from '../internal/text.js';
import { goToLower } from '../internal/go-case.js';
import { fail } from './errors.js';

/**
 * Image references as Docker reads them: the grammar of distribution/reference v0.6.0
 * (`reference.go`, `regexp.go`) with Docker's normalisation (`normalize.go`
 * `ParseNormalizedNamed`, `TagNameOnly`, `FamiliarString`) and digest checks of
 * opencontainers/go-digest v1.0.0 — the versions docker/cli vendors (checked against the docker
 * 28.2.2 CLI, test/fixtures/image-reference/). One parser for FROM,
 * `docker pull`/`run` image words, Kubernetes `image:` and Compose `image:`.
 *
 * The grammar, checked with regexp.go's patterns spelled so that none backtracks more than linearly:
 *
 *     reference := name [":" tag] ["@" digest]
 *     name      := [domain "/"] path
 *     domain    := (domain-name | "[" [0-9A-Fa-f:]+ "]") [":" [0-9]+]
 *     path      := component ("/" component)*      component := [a-z0-9]+ (([._]|__|-+) [a-z0-9]+)*
 *     tag       := [A-Za-z0-9_] [A-Za-z0-9_.-]{0,127}
 *     digest    := algorithm ":" [0-9A-Fa-f]{32,}  algorithm := [A-Za-z][A-Za-z0-9]* ([-_+.] [A-Za-z][A-Za-z0-9]*)*
 *
 * `docker run` reads its image word with `ParseAnyReference`, which also takes a bare 64-hex
 * image ID or `sha256:<hex>` (an ID); this parser is `ParseNormalizedNamed`, which refuses the
 * first and reads the second as image `sha256` with a tag.
 */

/** A parsed, normalised image reference. */
export interface ImageReference {
  /** Registry host and port: `'docker.io'`, `'gcr.io'`, `'localhost:5000'`; `''` when the first component was taken for a host but is not a valid one (see `image-reference-no-domain`). */
  readonly domain: string;
  /** Repository path inside the registry: `'library/node'`. */
  readonly path: string;
  /** `domain + '/' + path` (`path` alone when `domain` is `''`): `'docker.io/library/node'`. */
  readonly name: string;
  /** The tag as written; absent when none was written. */
  readonly tag?: string;
  /** The digest as written (`'sha256:…'`); absent when none was written. */
  readonly digest?: string;
  /** Fully qualified, default tag `latest` applied only when neither tag nor digest was written: 'docker.io/library/node:latest', 'docker.io/library/node:20@sha256:…' */
  readonly canonical: string;
  /** Docker's familiar short form: 'node:20', 'user/app', 'gcr.io/x/y:1'. Lossy as upstream: `docker.io/0.a/x` → `0.a/x`, which names registry `0.a`. */
  readonly familiar: string;
}

/** Result of {@link parseImageReference}. */
export type ParseImageReferenceResult = { readonly ok: true; readonly reference: ImageReference; readonly diagnostics: readonly Diagnostic[] } | Failure;

/** distribution/reference `RepositoryNameTotalLengthMax`: the longest repository path (the domain is not counted since v0.6.0). */
export const MAX_REPOSITORY_PATH_LENGTH = 255;

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';

// Error texts of distribution/reference v0.6.0 and go-digest v1.0.0, as the docker CLI prints them.
const INVALID_FORMAT = 'invalid reference format';
const UPPERCASE = 'repository name must be lowercase';
const DIGEST_FORMAT = 'invalid checksum digest format';

/** The parts `reference.Parse` captures, before normalisation. */
interface ReferenceParts {
  readonly domain: string;
  readonly path: string;
  readonly tag?: string;
  readonly digest?: string;
}

/**
 * `reference.Parse` of distribution/reference v0.6.0: the bare grammar, no Docker Hub
 * normalisation. Exported for the upstream grammar vectors; use {@link parseImageReference}.
 *
 * @internal
 * @param text - Candidate reference.
 * @returns The captured parts, or the issue Parse reports.
 */
export function parseDistributionReference(text: string): { readonly ok: true; readonly parts: ReferenceParts } | { readonly ok: false; readonly issue: Issue } {
  expectType(text, 'string', 'text');
  if (text === '') return { ok: false, issue: { code: 'image-reference-invalid', message: 'repository name must have at least one component' } };
  const parts = matchReference(text);
  if (parts === undefined) {
    // Go's strings.ToLower: only A-Z, U+212A (Kelvin) and U+0130 lower to ASCII, and the grammar is ASCII.
    const lowered = goToLower(text);
    if (lowered !== text && matchReference(lowered) !== undefined) {
      return { ok: false, issue: { code: 'image-reference-uppercase', message: UPPERCASE } };
    }
    return { ok: false, issue: { code: 'image-reference-invalid', message: INVALID_FORMAT } };
  }
  if (parts.path.length > MAX_REPOSITORY_PATH_LENGTH) {
    return { ok: false, issue: { code: 'image-reference-too-long', message: `repository name must not be more than ${MAX_REPOSITORY_PATH_LENGTH} characters` } };
  }
  const digestError = parts.digest === undefined ? undefined : validateDigest(parts.digest);
  if (digestError !== undefined) return { ok: false, issue: { code: 'image-reference-digest-invalid', message: digestError } };
  return { ok: true, parts };
}

/**
 * Parses an image reference as Docker does (`ParseNormalizedNamed`): `node` →
 * `docker.io/library/node`, `index.docker.io/x` → `docker.io/library/x`, a first component with
 * `.` or `:`, or `localhost`, or an upper-case letter is the registry host. A bare 64-hex string
 * is refused (`docker run` would take it as an image ID). Messages are the docker CLI's. Never
 * throws on a string.
 *
 * @param text - The reference as written (after any variable expansion).
 * @returns The reference with its canonical and familiar forms, or the engine's error.
 * @example
 * parseImageReference('node:20').reference.canonical // → 'docker.io/library/node:20'
 * parseImageReference('Node').issues[0].message // → 'invalid reference format: repository name (library/Node) must be lowercase'
 * @see https://github.com/distribution/reference/blob/v0.6.0/normalize.go
 */
export function parseImageReference(text: string): ParseImageReferenceResult {
  expectType(text, 'string', 'text');
  if (isIdentifier(text)) {
    return fail({ code: 'image-reference-hex-name', message: `invalid repository name (${text}), cannot specify 64-byte hexadecimal strings` });
  }
  const [domain, remainder] = splitDockerDomain(text);
  const colon = remainder.indexOf(':');
  const remote = colon < 0 ? remainder : remainder.slice(0, colon);
  if (remote.toLowerCase() !== remote) {
    return fail({ code: 'image-reference-uppercase', message: `${INVALID_FORMAT}: repository name (${remote}) must be lowercase` });
  }
  const parsed = parseDistributionReference(`${domain}/${remainder}`);
  if (!parsed.ok) return fail(parsed.issue);
  const reference = buildReference(parsed.parts);
  return { ok: true, reference, diagnostics: referenceDiagnostics(reference) };
}

/**
 * Tells whether two references pull the same image: same name, and the same digest when either
 * has one (a tag beside a digest is ignored, as `ParseDockerRef` and the engines do), otherwise
 * the same tag with `latest` for none. `node` ≡ `node:latest` ≡ `docker.io/library/node:latest`
 * ≡ `index.docker.io/library/node`.
 *
 * @param a - A parsed reference.
 * @param b - Another parsed reference.
 * @returns `true` when both name the same image; `false` when they differ or cannot be known equal (a tag against a digest).
 * @example
 * sameImage(parseImageReference('node').reference, parseImageReference('index.docker.io/library/node:latest').reference) // → true
 */
export function sameImage(a: ImageReference, b: ImageReference): boolean {
  expectType(a, 'object', 'a');
  expectType(b, 'object', 'b');
  if (a.name !== b.name) return false;
  if (a.digest !== undefined || b.digest !== undefined) return a.digest === b.digest;
  return (a.tag ?? DEFAULT_TAG) === (b.tag ?? DEFAULT_TAG);
}

// ---- normalisation (normalize.go) ----------------------------------------------------------

/** `splitDockerDomain`: the registry host Docker assumes, and the rest of the text. */
function splitDockerDomain(text: string): readonly [domain: string, remainder: string] {
  const slash = text.indexOf('/');
  if (slash < 0) return [DEFAULT_DOMAIN, OFFICIAL_PREFIX + text];
  let domain = text.slice(0, slash);
  let remainder = text.slice(slash + 1);
  if (domain === LEGACY_DEFAULT_DOMAIN) domain = DEFAULT_DOMAIN;
  else if (!looksLikeDomain(domain)) {
    domain = DEFAULT_DOMAIN;
    remainder = text;
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_PREFIX + remainder;
  return [domain, remainder];
}

/** A first component is a registry host when it is `localhost`, has `.` or `:`, or is not lower case. */
function looksLikeDomain(component: string): boolean {
  return component === 'localhost' || component.includes('.') || component.includes(':') || component.toLowerCase() !== component;
}

function buildReference(parts: ReferenceParts): ImageReference {
  const { domain, path, tag, digest } = parts;
  const name = domain === '' ? path : `${domain}/${path}`;
  const suffix = (tag === undefined ? '' : `:${tag}`) + (digest === undefined ? '' : `@${digest}`);
  const canonicalSuffix = tag === undefined && digest === undefined ? `:${DEFAULT_TAG}` : suffix;
  return {
    domain,
    path,
    name,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
    canonical: name + canonicalSuffix,
    familiar: familiarName(domain, path, name) + suffix,
  };
}

/** `familiarizeName`: Docker Hub loses its domain, and official images their `library/`. */
function familiarName(domain: string, path: string, name: string): string {
  if (domain !== DEFAULT_DOMAIN) return name;
  if (path.startsWith(OFFICIAL_PREFIX) && !path.includes('/', OFFICIAL_PREFIX.length)) return path.slice(OFFICIAL_PREFIX.length);
  return path;
}

function referenceDiagnostics(reference: ImageReference): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (reference.domain === '') {
    const slash = reference.path.indexOf('/');
    const first = slash < 0 ? reference.path : reference.path.slice(0, slash);
    diagnostics.push({
      code: 'image-reference-no-domain',
      severity: 'warning',
      message: `"${first}" is taken for a registry host but is not a valid one, so "${reference.name}" has no registry: it is all repository path`,
    });
  }
  if (reference.tag !== undefined && reference.digest !== undefined) {
    diagnostics.push({
      code: 'image-reference-tag-ignored',
      severity: 'info',
      message: `the tag "${reference.tag}" is ignored: the image is pulled by its digest ${reference.digest}`,
    });
  }
  return diagnostics;
}

// ---- grammar (regexp.go) -------------------------------------------------------------------

/**
 * regexp.go's `ReferenceRegexp`, capturing domain, path, tag and digest; built on first use (a
 * bundle that only imports {@link sameImage} leaves it out). Its parts are spelled so that none
 * backtracks more than linearly: no two neighbouring repetitions can match the same character (the
 * composed pattern passes the ReDoS lint rules). regexp.go's domain component
 * `[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]` is written as alphanumerics joined by runs of `-`,
 * the same language. The first component is the domain when it is a valid host and the rest parses
 * (the leftmost-first preference of Go's optional group, which JavaScript's is too), else all is path.
 */
function referenceRegexp(): RegExp {
  const domainComponent = '[a-zA-Z0-9](?:-*[a-zA-Z0-9])*';
  const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
  const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
  const tag = '\\w[\\w.-]{0,127}';
  const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
  return new RegExp(`^(?:(${domain})/)?(${pathComponent}(?:/${pathComponent})*)(?::(${tag}))?(?:@(${digest}))?$`);
}

/** {@link referenceRegexp}, once built. */
let referencePattern: RegExp | undefined;

/** The parts of `s` as `ReferenceRegexp` captures them, or undefined when it does not match. */
function matchReference(s: string): ReferenceParts | undefined {
  const m = (referencePattern ??= referenceRegexp()).exec(s);
  if (m === null) return undefined;
  const [, domain = '', path = '', tag, digest] = m;
  return { domain, path, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }) };
}

/**
 * go-digest v1.0.0 `Digest.Validate` for a digest that already matched `digestPat`: sha256,
 * sha384 and sha512 need exactly 64, 96 or 128 lower-case hex digits; any other algorithm is
 * unsupported, or malformed when it has an upper-case letter (go-digest's own pattern is
 * lower case).
 */
function validateDigest(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const size = algorithm === 'sha256' ? 64 : algorithm === 'sha384' ? 96 : algorithm === 'sha512' ? 128 : 0;
  if (size === 0) return algorithm.toLowerCase() === algorithm ? 'unsupported digest algorithm' : DIGEST_FORMAT;
  if (digest.length - colon - 1 !== size) return 'invalid checksum digest length';
  return /^[a-f0-9]*$/.test(digest.slice(colon + 1)) ? undefined : DIGEST_FORMAT;
}

/** `anchoredIdentifierRegexp`: exactly 64 lower-case hex digits. */
function isIdentifier(s: string): boolean {
  return /^[a-f0-9]{64}$/.test(s);
}
