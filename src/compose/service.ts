import { resolveContainerConfig, type DockerResolution } from '../run/docker-run.js';
import type { KubernetesCommand } from '../kubernetes/container.js';
import { unknownImageDiagnostic } from '../run/image-needs.js';
import { expectType } from '../internal/text.js';
import { DEFAULT_LIMITS, limitIssue, resolveLimits, type LimitsOption } from '../core/limits.js';
import { splitGoShellwords, type ShellwordsVersion } from './go-shellwords.js';
import type { Diagnostic, Failure, ImageConfig } from '../core/types.js';

/**
 * Docker Compose `command`/`entrypoint`: how Compose reads the value (compose-go `ShellCommand`),
 * what `docker compose up`/`run` send to Docker Engine, and how kompose maps a service to
 * Kubernetes. See docs/semantics.md §3, "Compose".
 */

/** Options of {@link parseComposeCommand}. */
export interface ComposeCommandOptions extends LimitsOption {
  /** go-shellwords release used to split strings. Default `'1.0.14'` (what docker compose links). */
  readonly shellwordsVersion?: ShellwordsVersion;
  /** Diagnostic path, e.g. `services.web.command`. */
  readonly path?: string;
}

/** A parsed `command`/`entrypoint`: `null` = unset (absent or YAML null), `[]` = set but empty. */
export interface ParsedComposeCommand {
  readonly ok: true;
  /** The words (the value's own list, or the string split with go-shellwords). */
  readonly command: readonly string[] | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link parseComposeCommand}. */
export type ParseComposeCommandResult = ParsedComposeCommand | Failure;

/**
 * Reads a Compose `command` or `entrypoint` value as compose-go does: null/absent → unset; a list
 * of strings → verbatim; a string → split with go-shellwords (no shell, no expansion, silently
 * cut at the first unquoted `;` `&` `|` `<` `>` — diagnosed), `''` → empty list.
 *
 * @example
 * parseComposeCommand('echo hi && echo bye') // { ok: true, command: ['echo', 'hi'], diagnostics: [compose-command-truncated] }
 */
export function parseComposeCommand(value: unknown, options: ComposeCommandOptions = {}): ParseComposeCommandResult {
  expectType(options, 'object', 'options');
  const path = options.path;
  const at = path === undefined ? {} : { path };
  if (value === undefined || value === null) return { ok: true, command: null, diagnostics: [] };
  if (Array.isArray(value)) {
    const bad = value.findIndex((v) => typeof v !== 'string');
    if (bad >= 0) {
      return {
        ok: false,
        issues: [{ code: 'compose-command-type', message: 'must be a string or a list of strings', ...(path === undefined ? {} : { path: `${path}[${bad}]` }) }],
        diagnostics: [],
      };
    }
    return { ok: true, command: value as string[], diagnostics: [] };
  }
  if (typeof value !== 'string') {
    return { ok: false, issues: [{ code: 'compose-command-type', message: 'must be a string or a list of strings', ...at }], diagnostics: [] };
  }
  const limits = options.limits === undefined ? DEFAULT_LIMITS : resolveLimits(options.limits);
  if (value.length > limits.maxInputLength) {
    return { ok: false, issues: [limitIssue('maxInputLength', 'Command string length', value.length, limits.maxInputLength, at)], diagnostics: [] };
  }
  const split = splitGoShellwords(value, options.shellwordsVersion ?? '1.0.14');
  if (!split.ok) {
    return { ok: false, issues: [{ code: 'compose-command-invalid', message: split.message, ...at }], diagnostics: [] };
  }
  const diagnostics: Diagnostic[] = [];
  if (split.dropped !== '') {
    const lost = split.droppedWord === undefined ? split.dropped : `${split.droppedWord}${split.dropped}`;
    diagnostics.push({
      code: 'compose-command-truncated',
      severity: 'warning',
      ...at,
      message: `Compose splits this string without a shell and silently drops everything from ${JSON.stringify(lost)}; the container runs ${JSON.stringify(split.args)}. Use ["sh", "-c", ${JSON.stringify(value)}] for shell syntax.`,
    });
  }
  return { ok: true, command: split.args, diagnostics };
}

/** The service fields that decide what runs. */
export interface ComposeService {
  readonly command?: unknown;
  readonly entrypoint?: unknown;
}

/** What `docker compose run [--entrypoint STR] SERVICE [COMMAND…]` overrides in the service. */
export interface ComposeRunOverrides {
  /** `--entrypoint`: split with go-shellwords; `''` → empty entrypoint. */
  readonly entrypoint?: string;
  /** Words after the service name; they replace the service command when non-empty. */
  readonly command?: readonly string[];
}

/** Options of {@link resolveCompose}. */
export interface ResolveComposeOptions {
  readonly shellwordsVersion?: ShellwordsVersion;
  /** Diagnostic path prefix, e.g. `services.web`. */
  readonly path?: string;
  /** `init: true` (or the daemon's default init): the engine's init process runs the argv, as `docker run --init`. */
  readonly init?: boolean;
}

/** The container's Entrypoint/Cmd as Compose sends them (`null`: unset). */
export interface ComposeRequest {
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
}

/**
 * What a service runs when the image config is not known and the argv depends on it (Docker
 * Engine's merge: an unset entrypoint takes the image ENTRYPOINT; with no (or an empty)
 * entrypoint and no command, the image CMD runs).
 */
export interface ComposePartialResult {
  readonly ok: true;
  readonly complete: false;
  /** The image config fields the argv depends on. */
  readonly dependsOn: readonly ('entrypoint' | 'cmd')[];
  readonly request: ComposeRequest;
  readonly diagnostics: readonly Diagnostic[];
}

/** What Compose sends (`request`: the container's `Config.Entrypoint`/`Cmd`) and what then runs. */
export interface ComposeResolution extends DockerResolution {
  readonly complete: true;
  readonly request: ComposeRequest;
}

/** Result of {@link resolveCompose}; `complete: false` when what runs depends on an image config not given. */
export type ResolveComposeResult = ComposeResolution | ComposePartialResult | Failure;

/**
 * The image config fields a container request depends on under Docker Engine's merge (moby
 * `merge`): the image ENTRYPOINT when the request's is unset; the image CMD when the request has
 * no command and no (or an empty) entrypoint.
 */
export function requestNeeds(request: ComposeRequest): ('entrypoint' | 'cmd')[] {
  const needs: ('entrypoint' | 'cmd')[] = [];
  if (request.entrypoint === null) needs.push('entrypoint');
  if ((request.entrypoint ?? []).length === 0 && (request.cmd ?? []).length === 0) needs.push('cmd');
  return needs;
}

const NO_IMAGE: ImageConfig = Object.freeze({});

/**
 * Resolves what `docker compose up` (or `docker compose run`, with `run`) executes for a service
 * on Docker Engine: compose passes `entrypoint`/`command` unchanged as the container's
 * Entrypoint/Cmd and the daemon merge decides. Where Engine contradicts the compose spec text
 * (an empty entrypoint or command keeps the image CMD) a diagnostic says so. With `image` null
 * (config not known), a service that sets a non-empty `entrypoint` still resolves exactly;
 * otherwise the result says which image fields the argv depends on (`complete: false`).
 */
export function resolveCompose(
  image: ImageConfig,
  service: ComposeService,
  run?: ComposeRunOverrides,
  options?: ResolveComposeOptions,
): Exclude<ResolveComposeResult, ComposePartialResult>;
export function resolveCompose(image: ImageConfig | null, service: ComposeService, run?: ComposeRunOverrides, options?: ResolveComposeOptions): ResolveComposeResult;
export function resolveCompose(known: ImageConfig | null, service: ComposeService, run?: ComposeRunOverrides, options: ResolveComposeOptions = {}): ResolveComposeResult {
  if (known !== null) expectType(known, 'object', 'image');
  const image = known ?? NO_IMAGE;
  expectType(service, 'object', 'service');
  const base = options.path === undefined ? '' : `${options.path}.`;
  const sw = options.shellwordsVersion === undefined ? {} : { shellwordsVersion: options.shellwordsVersion };
  const diagnostics: Diagnostic[] = [];
  const ep = parseComposeCommand(service.entrypoint, { ...sw, path: `${base}entrypoint` });
  if (!ep.ok) return ep;
  const cm = parseComposeCommand(service.command, { ...sw, path: `${base}command` });
  if (!cm.ok) return cm;
  diagnostics.push(...ep.diagnostics, ...cm.diagnostics);
  let entrypoint = ep.command;
  let cmd = cm.command;
  if (run !== undefined) {
    expectType(run, 'object', 'run');
    if (run.command !== undefined && run.command.length > 0) cmd = run.command;
    if (run.entrypoint !== undefined) {
      const split = parseComposeCommand(run.entrypoint, { ...sw, path: '--entrypoint' });
      if (!split.ok) return split;
      diagnostics.push(...split.diagnostics);
      entrypoint = split.command;
      if (run.command === undefined || run.command.length === 0) {
        if (cm.command !== null && cm.command.length > 0) {
          diagnostics.push({
            code: 'compose-run-drops-command',
            severity: 'info',
            message: `--entrypoint without a command also drops the service command ${JSON.stringify(cm.command)} (docker compose ≥ 2.11.2); pass it after the service name if the new entrypoint needs it.`,
          });
        }
        cmd = [];
      }
    }
  }
  const imageCmd = image.cmd ?? [];
  if (entrypoint !== null && entrypoint.length === 0 && imageCmd.length > 0 && (cmd === null || cmd.length === 0)) {
    diagnostics.push({
      code: 'compose-empty-entrypoint-keeps-cmd',
      severity: 'warning',
      ...(run?.entrypoint === undefined ? { path: `${base}entrypoint` } : {}),
      message: `An empty entrypoint clears the image ENTRYPOINT but Docker Engine still runs the image CMD ${JSON.stringify(imageCmd)} (the compose spec says it is ignored); set command to what should run.`,
    });
  }
  if (cmd !== null && cmd.length === 0 && imageCmd.length > 0 && (entrypoint === null || entrypoint.length === 0) && !(run?.entrypoint !== undefined)) {
    diagnostics.push({
      code: 'compose-empty-command-keeps-cmd',
      severity: 'warning',
      path: `${base}command`,
      message: `An empty command is sent as an empty Cmd, which Docker Engine treats as unset: the image CMD ${JSON.stringify(imageCmd)} still runs (the compose spec says it is ignored).`,
    });
  }
  const request = { entrypoint, cmd };
  const needs = known === null ? requestNeeds(request) : [];
  if (needs.length > 0) {
    diagnostics.push(unknownImageDiagnostic(needs, `${base}image`, 'entrypoint'));
    return { ok: true, complete: false, dependsOn: needs, request, diagnostics };
  }
  const result = resolveContainerConfig(image, request, options.init === true ? { init: true } : {});
  if (!result.ok) return { ...result, diagnostics: [...diagnostics, ...result.diagnostics] };
  return { ...result, complete: true, diagnostics: [...diagnostics, ...result.diagnostics], request };
}

/** Options of {@link composeToKubernetes}. */
export interface ComposeToKubernetesOptions {
  /** `'kompose'` (default): what kompose generates; `'correct'`: command/args that keep Docker's behaviour. */
  readonly variant?: 'kompose' | 'correct';
  readonly shellwordsVersion?: ShellwordsVersion;
  /** Needed by the `'correct'` variant to express an empty entrypoint. */
  readonly image?: ImageConfig;
}

/** Result of {@link composeToKubernetes}: the pod-spec `command`/`args` (`null` = leave unset). */
export type ComposeToKubernetesResult = KubernetesCommand | Failure;

/** kompose's rewrite of one args element: `$` + `[A-Za-z0-9]*` → `$(…)` (Go regexp ReplaceAllString). */
export function komposeRewriteArg(arg: string): string {
  expectType(arg, 'string', 'arg');
  let out = '';
  const n = arg.length;
  for (let i = 0; i < n; i++) {
    const c = arg.charCodeAt(i);
    if (c !== 36) {
      out += arg[i];
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = arg.charCodeAt(j);
      if (!((d >= 48 && d <= 57) || (d >= 65 && d <= 90) || (d >= 97 && d <= 122))) break;
      j++;
    }
    out += `$(${arg.slice(i + 1, j)})`;
    i = j - 1;
  }
  return out;
}

/**
 * Maps a Compose service's `entrypoint`/`command` to Kubernetes `command`/`args` like kompose
 * (entrypoint → command, command → args, `$NAME` in args rewritten to `$(NAME)`), or — with
 * `variant: 'correct'` — so that Kubernetes runs what Docker Engine runs (every `$` escaped, an
 * empty entrypoint expressed by moving the image CMD into `command`).
 */
export function composeToKubernetes(service: ComposeService, options: ComposeToKubernetesOptions = {}): ComposeToKubernetesResult {
  expectType(service, 'object', 'service');
  const sw = options.shellwordsVersion === undefined ? {} : { shellwordsVersion: options.shellwordsVersion };
  const ep = parseComposeCommand(service.entrypoint, { ...sw, path: 'entrypoint' });
  if (!ep.ok) return ep;
  const cm = parseComposeCommand(service.command, { ...sw, path: 'command' });
  if (!cm.ok) return cm;
  const diagnostics: Diagnostic[] = [...ep.diagnostics, ...cm.diagnostics];
  if ((options.variant ?? 'kompose') === 'kompose') return komposeMapping(ep.command, cm.command, diagnostics);
  return correctMapping(ep.command, cm.command, options.image, diagnostics);
}

/** What kompose generates: entrypoint → command, command → args with `$NAME` rewritten; both pitfalls diagnosed. */
function komposeMapping(entrypoint: readonly string[] | null, command: readonly string[] | null, diagnostics: Diagnostic[]): KubernetesCommand {
  const args = command === null ? null : command.map(komposeRewriteArg);
  if (args !== null && command !== null && args.some((a, i) => a !== command[i])) {
    diagnostics.push({
      code: 'kompose-dollar-rewrite',
      severity: 'warning',
      path: 'command',
      message: `kompose rewrites $NAME to $(NAME) in args (${JSON.stringify(command)} → ${JSON.stringify(args)}): Kubernetes then expands it from the pod env, names stop at the first character that is not a letter or digit, and a $ that a shell was meant to see is gone.`,
    });
  }
  if (entrypoint !== null && entrypoint.length === 0) {
    diagnostics.push({
      code: 'kompose-empty-entrypoint',
      severity: 'warning',
      path: 'entrypoint',
      message: 'entrypoint: [] becomes command: [], which Kubernetes treats as unset: the image ENTRYPOINT runs, while Docker clears it.',
    });
  }
  return { ok: true, command: entrypoint, args, diagnostics };
}

function escapeDollars(list: readonly string[]): string[] {
  return list.map((s) => s.replaceAll('$', '$$$$'));
}

/** Docker Engine's merge reproduced with Kubernetes fields: every `$` escaped, `[""]` and `[]` entrypoints expressed. */
function correctMapping(
  entrypoint: readonly string[] | null,
  command: readonly string[] | null,
  image: ImageConfig | undefined,
  diagnostics: Diagnostic[],
): ComposeToKubernetesResult {
  if (entrypoint !== null && entrypoint.length === 1 && entrypoint[0] === '') {
    // Docker: a non-empty entrypoint drops the image CMD, then [""] counts as none, so only the
    // service command runs. `command: [""]` would make containerd exec "", so put it in command.
    if (command === null || command.length === 0) {
      return { ok: false, issues: [{ code: 'no-command', path: 'entrypoint', message: 'no command specified' }], diagnostics };
    }
    return { ok: true, command: escapeDollars(command), args: null, diagnostics };
  }
  const args = command !== null && command.length > 0 ? escapeDollars(command) : null;
  if (entrypoint === null || entrypoint.length > 0) {
    return { ok: true, command: entrypoint !== null ? escapeDollars(entrypoint) : null, args, diagnostics };
  }
  const imageEp = image?.entrypoint ?? [];
  const hasEp = imageEp.length > 0 && !(imageEp.length === 1 && imageEp[0] === '');
  if (image !== undefined && !hasEp) return { ok: true, command: null, args, diagnostics };
  // Docker: no entrypoint; Cmd = service command, else image CMD. Kubernetes cannot clear the
  // image ENTRYPOINT, so the whole argv goes into command.
  const whole = command !== null && command.length > 0 ? command : (image?.cmd ?? null);
  if (whole === null || whole.length === 0 || image === undefined) {
    return {
      ok: false,
      issues: [
        image === undefined
          ? { code: 'image-config-missing', path: 'entrypoint', message: 'entrypoint: [] needs the image config (options.image) to be expressed on Kubernetes' }
          : { code: 'no-command', path: 'entrypoint', message: 'no command specified' },
      ],
      diagnostics,
    };
  }
  return { ok: true, command: escapeDollars(whole), args: null, diagnostics };
}
