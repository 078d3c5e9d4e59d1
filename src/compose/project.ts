import { readDotEnvFiles } from './dotenv.js';
import type { ComposeOrigin, ServiceModel } from './model.js';
import { basenamePath, dirnamePath, joinPath, resolvePath } from './posix-path.js';
import { ProjectFiles, type ComposeReadFile } from './project-files.js';
import { interpolateWith } from './interpolation.js';
import { resolveLimits, type LimitsOption } from '../core/limits.js';
import { parseYamlDocuments } from '../internal/yaml.js';
import type { Diagnostic, Failure, Issue } from '../core/types.js';
import { expectType } from '../internal/text.js';

/**
 * Loads a Compose project as `docker compose` does (compose-go v2.13.0 `cli/options.go` and
 * `loader/`; docker/compose `cmd/compose/compose.go` `toProjectOptions`): which files, which `.env`,
 * which profiles, then the files merged with `include`, `extends`, `!reset` and `!override`. Pure:
 * files are read through a callback. See docs/semantics.md §3, "Compose projects".
 */

/** Options of {@link loadComposeProject}: the `docker compose` command line and environment, and a file reader. */
export interface LoadComposeProjectOptions extends LimitsOption {
  /** Reads a file by absolute path (`'-'`: standard input); returns `undefined` when there is no such file. */
  readonly readFile: ComposeReadFile;
  /** The absolute working directory: `-f`, `--env-file` and `COMPOSE_FILE` paths are relative to it, and default files are looked for from it. */
  readonly workingDirectory: string;
  /** `-f` files in order (`'-'`: standard input). Default: `COMPOSE_FILE`, else the default file names. */
  readonly files?: readonly string[];
  /** `--project-directory`. Default: the directory of the first file. */
  readonly projectDirectory?: string;
  /** `-p`. Default: `COMPOSE_PROJECT_NAME`, else the last `name:` of the files, else the project directory's name. */
  readonly projectName?: string;
  /** The OS environment (interpolation variables; `COMPOSE_FILE`, `COMPOSE_PATH_SEPARATOR`, `COMPOSE_PROFILES`, `COMPOSE_DISABLE_ENV_FILE`…). */
  readonly environment?: Readonly<Record<string, string>>;
  /** `--env-file` paths in order. Default: the project directory's `.env`. */
  readonly envFiles?: readonly string[];
  /** `--profile` names. Default: `COMPOSE_PROFILES` (comma-separated). */
  readonly profiles?: readonly string[];
  /**
   * The user's home directory (absolute; the CLI passes `os.homedir()`): a leading `~` in `env_file`,
   * `build.context`, `extends.file` and `include` paths is replaced by it, as compose-go does. Without it
   * such a path is taken as written, with a `compose-path-home-unknown` warning.
   */
  readonly homeDirectory?: string;
  /** Services named on the command line (`docker compose run SERVICE`): enabled whatever their profiles, with their profiles activated. */
  readonly services?: readonly string[];
}

/** One service of a loaded project. Field names are Compose's; each value says where it was written. */
export interface ComposeProjectService extends ServiceModel {
  readonly name: string;
  /** False when none of its `profiles` is active: `docker compose up` does not start it. */
  readonly active: boolean;
}

/** A loaded Compose project (the result of {@link loadComposeProject}). */
export interface ComposeProject {
  readonly ok: true;
  /** The project name (lower-cased, as compose-go `NormalizeProjectName`). */
  readonly name: string;
  /** The absolute project directory: relative paths in the files are relative to it. */
  readonly projectDirectory: string;
  /** The compose files loaded, in merge order. */
  readonly files: readonly string[];
  /** The `.env` files read for interpolation. */
  readonly envFiles: readonly string[];
  /** The interpolation variables (OS environment, then `.env` files for names it does not set). */
  readonly environment: Readonly<Record<string, string>>;
  /** The active profiles. */
  readonly profiles: readonly string[];
  /** Every service (active or not), in the order first defined. */
  readonly services: readonly ComposeProjectService[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Result of {@link loadComposeProject}. */
export type LoadComposeProjectResult = ComposeProject | Failure;

/** compose-go `cli.DefaultFileNames`, in order of preference. */
export const DEFAULT_COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;

/** compose-go `cli.DefaultOverrideFileNames`, in order of preference. */
export const DEFAULT_OVERRIDE_FILE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'] as const;

/** Go `strconv.ParseBool` true. */
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/** compose-go `NormalizeProjectName`: lower case, only `[a-z0-9_-]` kept, leading `_`/`-` dropped. */
export function normalizeProjectName(name: string): string {
  let out = '';
  for (const c of name.toLowerCase()) if (/[a-z0-9_-]/.test(c)) out += c;
  let start = 0;
  while (start < out.length && (out[start] === '_' || out[start] === '-')) start++;
  return out.slice(start);
}

/** The project's variables while the options are read: the OS environment, `PWD`, then `.env` files. */
class ProjectEnvironment {
  readonly values: Record<string, string>;
  readonly files: string[] = [];
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    os: Readonly<Record<string, string>>,
    cwd: string,
    private readonly readFile: ComposeReadFile,
  ) {
    this.values = { ...os };
    // docker/compose toProjectOptions: PWD is added when the OS environment lacks it.
    if (!Object.hasOwn(this.values, 'PWD')) this.values['PWD'] = cwd;
  }

  /** compose-go `WithEnvFiles` + `WithDotEnv`: the given files, else `dir/.env` when it exists; names already set win. */
  read(given: readonly string[], dir: string, disabled: boolean): Failure | undefined {
    const paths = given.length > 0 ? given : disabled ? [] : [joinPath(dir, '.env')];
    const files: { text: string; source: string }[] = [];
    for (const path of paths) {
      const text = this.readFile(path);
      if (text === undefined) {
        if (given.length > 0) return { ok: false, issues: [{ code: 'compose-file-not-found', message: `open ${path}: no such file or directory`, source: path }], diagnostics: [] };
        continue;
      }
      files.push({ text, source: path });
    }
    const read = readDotEnvFiles(files, { environment: this.values });
    if (!read.ok) return read;
    this.diagnostics.push(...read.diagnostics);
    for (const f of files) if (!this.files.includes(f.source)) this.files.push(f.source);
    for (const [k, v] of Object.entries(read.values)) if (!Object.hasOwn(this.values, k)) this.values[k] = v;
    return undefined;
  }
}

/** compose-go `WithDefaultConfigPath`: the first default file name found in `dir` or a parent, and its override file. */
function defaultFiles(dir: string, readFile: ComposeReadFile, diagnostics: Diagnostic[]): string[] {
  for (let d = dir; ; d = dirnamePath(d)) {
    const found = DEFAULT_COMPOSE_FILE_NAMES.map((n) => joinPath(d, n)).filter((p) => readFile(p) !== undefined);
    if (found.length > 0) {
      const overrides = DEFAULT_OVERRIDE_FILE_NAMES.map((n) => joinPath(d, n)).filter((p) => readFile(p) !== undefined);
      for (const list of [found, overrides]) {
        if (list.length > 1) {
          const used = list[0] as string;
          diagnostics.push({
            code: 'compose-multiple-files',
            severity: 'warning',
            source: used,
            message: `Found multiple config files with supported names: ${list.join(', ')}; using ${used}`,
          });
        }
      }
      return [found[0] as string, ...overrides.slice(0, 1)];
    }
    if (d === '/' || d === '.') return [];
  }
}

function checkOptions(options: LoadComposeProjectOptions): void {
  expectType(options, 'object', 'options');
  expectType(options.readFile, 'function', 'options.readFile');
  expectType(options.workingDirectory, 'string', 'options.workingDirectory');
  if (!options.workingDirectory.startsWith('/')) throw new TypeError(`options.workingDirectory must be an absolute path, got ${JSON.stringify(options.workingDirectory)}`);
  for (const key of ['files', 'envFiles', 'profiles', 'services'] as const) if (options[key] !== undefined) expectType(options[key], 'array', `options.${key}`);
  if (options.environment !== undefined) expectType(options.environment, 'object', 'options.environment');
  if (options.homeDirectory !== undefined) {
    expectType(options.homeDirectory, 'string', 'options.homeDirectory');
    if (!options.homeDirectory.startsWith('/')) throw new TypeError(`options.homeDirectory must be an absolute path, got ${JSON.stringify(options.homeDirectory)}`);
  }
}

/** Which profiles are active, and each service marked (compose-go `WithProfiles`, `WithServicesEnabled`). */
function activate(
  services: ReadonlyMap<string, ServiceModel>,
  profiles: readonly string[],
  named: readonly string[],
): { profiles: string[]; list: ComposeProjectService[] } | Issue {
  const hasProfile = (svc: ServiceModel, active: readonly string[]) => {
    const own = svc.profiles ?? [];
    return own.length === 0 || active.includes('*') || own.some((p) => active.includes(p.value));
  };
  const active = [...profiles];
  for (const name of named) {
    const svc = services.get(name);
    if (svc === undefined) return { code: 'compose-service-not-found', message: `no such service: ${name}` };
    if (!hasProfile(svc, active)) active.push(...(svc.profiles ?? []).map((p) => p.value));
  }
  const list = [...services].map(([name, svc]): ComposeProjectService => ({ name, active: hasProfile(svc, active), ...svc }));
  return { profiles: active, list };
}

/**
 * Loads a Compose project as `docker compose` does, through `options.readFile`:
 *
 * 1. the OS environment, then the `.env` of the project directory (or each `--env-file`) for names
 *    not set (read again after the files are found, when the project directory changed);
 * 2. the files: `-f` in order, else `COMPOSE_FILE` split on `COMPOSE_PATH_SEPARATOR` (default `:`),
 *    else the first of compose.yaml, compose.yml, docker-compose.yml, docker-compose.yaml in the
 *    working (or project) directory or a parent, with the first override file beside it;
 * 3. each file (each YAML document) interpolated, its `include`s loaded, its `!reset`/`!override`
 *    applied to the services of earlier files, its `extends` resolved, then merged onto them;
 * 4. profiles: `--profile`, else `COMPOSE_PROFILES`; `services` named on the command line are
 *    enabled with their profiles.
 *
 * @param options - the command line (`files`, `projectDirectory`, `envFiles`, `profiles`), the environment, and the file reader.
 * @returns every service with the value of each field and where it was written, or the first issue.
 * @example
 * const files: Record<string, string> = { '/app/compose.yaml': 'services:\n  web:\n    image: nginx\n' };
 * loadComposeProject({ readFile: (p) => files[p], workingDirectory: '/app' });
 */
export function loadComposeProject(options: LoadComposeProjectOptions): LoadComposeProjectResult {
  checkOptions(options);
  const { readFile, workingDirectory: cwd } = options;
  const os = options.environment ?? {};
  const env = new ProjectEnvironment(os, cwd, readFile);
  const projectDir = options.projectDirectory === undefined ? undefined : resolvePath(cwd, options.projectDirectory);
  let files = (options.files ?? []).map((f) => (f === '-' ? f : resolvePath(cwd, f)));
  const workDir = () => projectDir ?? dirOfFirst(files) ?? cwd;
  const envFiles = (options.envFiles ?? []).map((f) => resolvePath(cwd, f));
  const disabled = GO_TRUE.has(os['COMPOSE_DISABLE_ENV_FILE'] ?? '');
  const first = env.read(envFiles, workDir(), disabled);
  if (first !== undefined) return first;
  const diagnostics: Diagnostic[] = [];
  if (files.length === 0 && Object.hasOwn(env.values, 'COMPOSE_FILE')) {
    const sep = env.values['COMPOSE_PATH_SEPARATOR'] || ':';
    files = (env.values['COMPOSE_FILE'] ?? '').split(sep).map((f) => (f === '-' ? f : resolvePath(cwd, f)));
  }
  if (files.length === 0) files = defaultFiles(workDir(), readFile, diagnostics);
  if (files.length === 0) return { ok: false, issues: [{ code: 'compose-file-not-found', message: 'no configuration file provided: not found' }], diagnostics };
  const second = env.read(envFiles, workDir(), disabled);
  if (second !== undefined) return second;
  const profiles = options.profiles !== undefined && options.profiles.length > 0 ? [...options.profiles] : (env.values['COMPOSE_PROFILES'] ?? '').split(',').map((s) => s.trim());
  const loader = new ProjectFiles(readFile, resolveLimits(options.limits), options.homeDirectory);
  const name = projectName(options, env.values, workDir(), files, readFile);
  const environment = { ...env.values, COMPOSE_PROJECT_NAME: name };
  const services = loader.loadFiles(files, { env: environment, dir: workDir(), including: [] });
  diagnostics.push(...env.diagnostics, ...loader.diagnostics);
  const [issue, ...more] = loader.issues;
  if (services === null || issue !== undefined)
    return { ok: false, issues: [issue ?? { code: 'compose-file-invalid', message: 'compose project could not be loaded' }, ...more], diagnostics };
  const marked = activate(services, profiles, options.services ?? []);
  if ('code' in marked) return { ok: false, issues: [marked], diagnostics };
  return { ok: true, name, projectDirectory: workDir(), files, envFiles: env.files, environment, profiles: marked.profiles, services: marked.list, diagnostics };
}

/** The directory of the first file that is not standard input (compose-go `GetWorkingDir`). */
function dirOfFirst(files: readonly string[]): string | undefined {
  const f = files.find((p) => p !== '-');
  return f === undefined ? undefined : dirnamePath(f);
}

/**
 * The project name, known before the files are loaded (it is `${COMPOSE_PROJECT_NAME}` while they
 * are interpolated; compose-go `projectName`, `withNamePrecedenceLoad`): `-p`, else a non-empty
 * `COMPOSE_PROJECT_NAME`, else the last top-level `name:` of the files (interpolated, normalized),
 * else the project directory's name, normalized.
 */
function projectName(options: LoadComposeProjectOptions, env: Readonly<Record<string, string>>, dir: string, files: readonly string[], readFile: ComposeReadFile): string {
  if (options.projectName !== undefined) return options.projectName;
  const fromEnv = env['COMPOSE_PROJECT_NAME'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  let named = '';
  for (const file of files) {
    const parsed = parseYamlDocuments(readFile(file) ?? '', file, resolveLimits(options.limits), { merge: true });
    if (!parsed.ok) break;
    for (const doc of parsed.documents) {
      const value = doc.ok ? (doc.value as { name?: unknown } | null) : null;
      if (typeof value?.name === 'string' && value.name !== '') named = value.name;
    }
  }
  const interpolated = interpolateWith(named, (k) => (Object.hasOwn(env, k) ? env[k] : undefined));
  const fromFiles = normalizeProjectName(interpolated.ok ? interpolated.value : '');
  return fromFiles !== '' ? fromFiles : normalizeProjectName(basenamePath(dir));
}

/** Where a service field was written, for reports: `compose.yaml:12:5`. */
export function formatOrigin(origin: ComposeOrigin, relativeTo?: string): string {
  const file = relativeTo !== undefined && origin.file.startsWith(`${relativeTo}/`) ? origin.file.slice(relativeTo.length + 1) : origin.file;
  return `${file}:${origin.line}:${origin.column}`;
}
