import { readDotEnvFiles } from './dotenv.js';
import { interpolateTree } from './interpolation.js';
import { finishService, mergeService, readService, resetPath, type ServiceModel } from './model.js';
import { checkComposeFieldTypes } from './field-types.js';
import { dirnamePath, joinPath, resolvePath } from './posix-path.js';
import { safeParseComposeProjectService } from './schema.js';
import type { Limits } from '../core/limits.js';
import type { Diagnostic, Issue } from '../core/types.js';
import { formatPath, parseYamlDocuments, type TaggedPath, type YamlDocument } from '../internal/yaml.js';

/**
 * Loads the compose files of a project into merged services, as compose-go v2.13.0
 * `loader.loadYamlFile` does for each file: interpolation, then `include`, then the file's
 * `!reset`/`!override` tags applied to what earlier files defined, then `extends`, then the merge.
 * Internal to the project loader (src/compose/project.ts); see docs/semantics.md §3, "Compose projects".
 */

/** Reads a file by absolute path (`'-'`: standard input); `undefined` when there is no such file. */
export type ComposeReadFile = (path: string) => string | undefined;

/** What the files of one project (the main one, or an `include`d one) are read with. */
export interface LoadScope {
  /** Interpolation variables. */
  readonly env: Readonly<Record<string, string>>;
  /** The directory relative paths are relative to (the project directory). */
  readonly dir: string;
  /** The files along the `include` chain, for cycle detection. */
  readonly including: readonly string[];
}

/** One document of a compose file, interpolated, with its services read. */
interface LoadedDocument {
  readonly file: string;
  readonly value: Readonly<Record<string, unknown>>;
  readonly services: Map<string, ServiceModel>;
  /** `!reset`/`!override` paths under `services.<name>`, by service name. */
  readonly tags: ReadonlyMap<string, readonly TaggedPath[]>;
}

const COMPOSE_TAGS = ['!reset', '!override'] as const;

/** compose-go `toBoolean` (loader/interpolate.go): YAML 1.1 spellings accepted, case-insensitive. */
function toBoolean(text: string): { value: boolean } | { message: string } {
  const t = text.toLowerCase();
  if (t === 'true' || t === 'y' || t === 'yes' || t === 'on') return { value: true };
  if (t === 'false' || t === 'n' || t === 'no' || t === 'off') return { value: false };
  return { message: `failed to cast to expected type: invalid boolean: ${text}` };
}

/** Deletes the value at `path` (a `!reset` node: compose-go drops it from the file's own value). */
function deleteAt(root: unknown, path: readonly string[]): void {
  let node = root;
  for (const part of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string, unknown>)[part];
  }
  const last = path[path.length - 1];
  if (last === undefined || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else Reflect.deleteProperty(node, last);
}

/** Loads the files of one project in order and merges them (compose-go `loadYamlModel`). */
export class ProjectFiles {
  readonly issues: Issue[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Files read for `extends: {file}`, by path. */
  private readonly extendsCache = new Map<string, LoadedDocument | null>();

  constructor(
    private readonly readFile: ComposeReadFile,
    private readonly limits: Limits,
    /** The user's home directory, for a leading `~`; `undefined`: not known (such a path is diagnosed). */
    private readonly home: string | undefined,
  ) {}

  /**
   * A path written in `file` made absolute against `dir`, as compose-go v2.13.0 `absPath` does
   * (paths/resolve.go:112): a leading `~` is first replaced by the home directory (paths/home.go
   * `ExpandUser`: `filepath.Join(home, p[1:])`, so `~x` is `$HOME/x`). Without a home directory the
   * path stays as written (as compose-go does when `HOME` is unset) and is diagnosed.
   */
  resolveIn(dir: string, path: string, where: { source: string; path: string; line?: number; column?: number }): string {
    if (!path.startsWith('~')) return resolvePath(dir, path);
    if (this.home !== undefined) return resolvePath(dir, joinPath(this.home, path.slice(1)));
    this.diagnostics.push({
      code: 'compose-path-home-unknown',
      severity: 'warning',
      ...where,
      message: `${where.path}: ${JSON.stringify(path)} starts with ~, which compose expands to the home directory; it was not given (option homeDirectory), so the path is taken as relative to ${dir}.`,
    });
    return resolvePath(dir, path);
  }

  /** Loads `files` in order into one map of merged services (`null` after an issue). */
  loadFiles(files: readonly string[], scope: LoadScope): Map<string, ServiceModel> | null {
    const dict = new Map<string, ServiceModel>();
    for (const file of files) {
      const text = this.readFile(file);
      if (text === undefined) return this.fail({ code: 'compose-file-not-found', message: `open ${file}: no such file or directory`, source: file });
      const docs = this.readDocuments(file, text, scope, scope.dir, true);
      if (docs === null) return null;
      for (const doc of docs) if (this.mergeDocument(dict, doc, scope) === null) return null;
    }
    for (const [name, svc] of dict) dict.set(name, withDefaultContext(finishService(svc), scope.dir));
    return dict;
  }

  private fail(issue: Issue): null {
    this.issues.push(issue);
    return null;
  }

  /** Parses, interpolates and reads the services of every document of a file. */
  private readDocuments(file: string, text: string, scope: LoadScope, dir: string, validate: boolean): LoadedDocument[] | null {
    const parsed = parseYamlDocuments(text, file, this.limits, { merge: true, tags: COMPOSE_TAGS });
    if (!parsed.ok) return this.fail(parsed.issues[0]);
    const out: LoadedDocument[] = [];
    for (const doc of parsed.documents) {
      if (!doc.ok) return this.fail(doc.issues[0]);
      if (doc.value === null || doc.value === undefined) continue;
      const loaded = this.readDocument(file, doc, scope, dir, validate);
      if (loaded === null) return null;
      out.push(loaded);
    }
    return out;
  }

  private readDocument(file: string, doc: Extract<YamlDocument, { ok: true }>, scope: LoadScope, dir: string, validate: boolean): LoadedDocument | null {
    const at = (path: readonly PropertyKey[]) => ({ source: file, path: formatPath('', path), ...doc.locate(path) });
    if (typeof doc.value !== 'object' || Array.isArray(doc.value)) return this.fail({ code: 'compose-file-invalid', message: 'top-level object must be a mapping', ...at([]) });
    const raw = doc.value as Record<string, unknown>;
    const tagged = doc.tagged ?? [];
    for (const t of tagged) if (t.tag === '!reset') deleteAt(raw, t.path);
    const cast = (path: readonly PropertyKey[], text: string) => (path.length === 3 && path[0] === 'services' && path[2] === 'init' ? toBoolean(text) : { value: text });
    const interpolated = interpolateTree(raw, (name) => (Object.hasOwn(scope.env, name) ? scope.env[name] : undefined), cast);
    if (!interpolated.ok) {
      const p = formatPath('', interpolated.path);
      return this.fail({ code: 'compose-interpolation-invalid', message: `${p}: ${interpolated.message}`, ...at(interpolated.path) });
    }
    for (const u of interpolated.unresolved) {
      this.diagnostics.push({
        code: 'compose-unresolved-variable',
        severity: 'warning',
        ...at(u.path),
        message: `The ${JSON.stringify(u.name)} variable is not set. Defaulting to a blank string.`,
      });
    }
    const value = interpolated.value as Record<string, unknown>;
    if (validate && !this.validate(file, doc, value)) return null;
    const services = this.readServices(file, doc, value, dir);
    if (services === null) return null;
    const tags = new Map<string, TaggedPath[]>();
    for (const t of tagged) {
      const [top, name] = t.path;
      if (top !== 'services' || name === undefined) continue;
      tags.set(name, [...(tags.get(name) ?? []), t]);
    }
    return { file, value, services, tags };
  }

  /**
   * compose-go `schema.Validate` for the two levels container-argv checks (src/compose/field-types.ts):
   * every wrong type or unknown key is an issue at its position, worded as `docker compose` words it.
   */
  private validate(file: string, doc: Extract<YamlDocument, { ok: true }>, value: Record<string, unknown>): boolean {
    const errors = checkComposeFieldTypes(value);
    for (const e of errors) {
      this.issues.push({ code: 'compose-file-invalid', message: `validating ${file}: ${e.message}`, source: file, path: formatPath('', e.path), ...doc.locate(e.path) });
    }
    return errors.length === 0;
  }

  /** Validates and reads each service of a document. */
  private readServices(file: string, doc: Extract<YamlDocument, { ok: true }>, value: Record<string, unknown>, dir: string): Map<string, ServiceModel> | null {
    const services = new Map<string, ServiceModel>();
    const raw = value['services'];
    if (raw === undefined || raw === null) return services;
    if (typeof raw !== 'object' || Array.isArray(raw))
      return this.fail({ code: 'compose-file-invalid', message: 'services must be a mapping', source: file, path: 'services', ...doc.locate(['services']) });
    for (const [name, svc] of Object.entries(raw)) {
      const r = safeParseComposeProjectService(svc);
      if (!r.success) {
        const first = r.issues[0];
        const path = ['services', name, ...(first?.path ?? [])];
        const p = formatPath('', path);
        const what = first?.code === 'invalid_type' ? `expected ${first.expected}` : (first?.message ?? 'invalid');
        return this.fail({ code: 'compose-file-invalid', message: `${p}: ${what}`, source: file, path: p, ...doc.locate(path) });
      }
      const resolve = (path: string, at: readonly PropertyKey[]) => this.resolveIn(dir, path, { source: file, path: formatPath('', at), ...doc.locate(at) });
      services.set(name, readService(r.data, { file, locate: doc.locate, at: ['services', name], dir, resolve }));
    }
    return services;
  }

  /** Applies one document to the services read so far: include, tags, extends, then the merge. */
  private mergeDocument(dict: Map<string, ServiceModel>, doc: LoadedDocument, scope: LoadScope): true | null {
    if (doc.value['include'] !== undefined && doc.value['include'] !== null) {
      if (this.applyInclude(doc, { ...scope, including: [...scope.including, doc.file] }) === null) return null;
    }
    for (const [name, tags] of doc.tags) {
      const base = dict.get(name);
      if (base === undefined) continue;
      const reset = this.applyTags(base, tags, doc.file);
      if (reset === null) dict.delete(name);
      else dict.set(name, reset);
    }
    for (const name of [...doc.services.keys()]) {
      const extended = this.applyExtends(name, doc, scope);
      if (extended === null) return null;
      doc.services.set(name, extended);
    }
    for (const [name, svc] of doc.services) {
      const base = dict.get(name);
      dict.set(name, base === undefined ? svc : mergeService(base, svc));
    }
    return true;
  }

  /** The tags of a later file applied to a service it merges onto; `null`: the whole service is reset/overridden. */
  private applyTags(base: ServiceModel, tags: readonly TaggedPath[], file: string): ServiceModel | null {
    let out = base;
    for (const t of tags) {
      const rel = t.path.slice(2);
      if (rel.length === 0) return null;
      const next = resetPath(out, rel);
      if (next === 'unsupported') {
        this.diagnostics.push({
          code: 'compose-tag-unsupported',
          severity: 'warning',
          source: file,
          line: t.line,
          column: t.column,
          path: formatPath('', t.path),
          message: `${formatPath('', t.path)}: ${t.tag} inside a list or a nested value is not modelled; the merged value may keep what it removes.`,
        });
      } else out = next;
    }
    return out;
  }

  /** compose-go `ApplyInclude`: each included project loaded on its own, its services imported (the including file's definition wins). */
  private applyInclude(doc: LoadedDocument, scope: LoadScope): true | null {
    const list = doc.value['include'];
    const where = { source: doc.file, path: 'include' };
    if (!Array.isArray(list)) return this.fail({ code: 'compose-include-invalid', message: `\`include\` must be a list, got ${String(list)}`, ...where });
    for (const [i, entry] of (list as unknown[]).entries()) {
      const spec = typeof entry === 'string' ? { path: entry } : (entry as Record<string, unknown> | null);
      const paths = typeof spec?.['path'] === 'string' ? [spec['path']] : Array.isArray(spec?.['path']) ? (spec['path'] as unknown[]) : null;
      if (spec === null || paths === null || paths.length === 0 || !paths.every((p) => typeof p === 'string')) {
        return this.fail({ code: 'compose-include-invalid', message: `include[${i}]: path must be a string or a list of strings`, ...where });
      }
      const files = paths.map((p) => this.resolveIn(scope.dir, p, { ...where, path: `include[${i}].path` }));
      const main = files[0] as string;
      if (scope.including.includes(main)) {
        const chain = [...scope.including, main];
        return this.fail({ code: 'compose-include-cycle', message: `include cycle detected:\n${chain[0] ?? ''}\n include ${chain.slice(1).join('\n include ')}`, ...where });
      }
      const pd = spec['project_directory'];
      const projectDir = typeof pd === 'string' && pd !== '' ? this.resolveIn(scope.dir, pd, { ...where, path: `include[${i}].project_directory` }) : dirnamePath(main);
      const env = this.includeEnvironment(spec['env_file'], projectDir, scope, { ...where, path: `include[${i}].env_file` });
      if (env === null) return null;
      const imported = this.loadFiles(files, { env, dir: projectDir, including: scope.including });
      if (imported === null) return null;
      for (const [name, svc] of imported) {
        const local = doc.services.get(name);
        if (local === undefined) {
          doc.services.set(name, svc);
          continue;
        }
        const base = this.applyTags(svc, doc.tags.get(name) ?? [], doc.file);
        doc.services.set(name, base === null ? local : mergeService(base, local));
      }
    }
    return true;
  }

  /**
   * The variables of an included project: the including project's, then its env files (the
   * `.env` of its project directory by default) for names not set (compose-go `Mapping.Merge`).
   */
  private includeEnvironment(envFile: unknown, projectDir: string, scope: LoadScope, where: { source: string; path: string }): Record<string, string> | null {
    const given = typeof envFile === 'string' ? [envFile] : Array.isArray(envFile) ? (envFile as unknown[]).filter((f): f is string => typeof f === 'string') : [];
    const files: { text: string; source: string }[] = [];
    if (given.length === 0) {
      const path = joinPath(projectDir, '.env');
      const text = this.readFile(path);
      if (text !== undefined) files.push({ text, source: path });
    } else {
      for (const f of given) {
        if (f === '/dev/null') continue;
        const path = this.resolveIn(scope.dir, f, where);
        const text = this.readFile(path);
        if (text === undefined) return this.fail({ code: 'compose-file-not-found', message: `stat ${path}: no such file or directory`, source: path });
        files.push({ text, source: path });
      }
    }
    const read = readDotEnvFiles(files, { environment: scope.env });
    this.diagnostics.push(...read.diagnostics);
    if (!read.ok) return this.fail(read.issues[0]);
    return { ...read.values, ...scope.env };
  }

  /** A file named by `extends: {file}`, read with paths relative to its own directory (cached). */
  private extendsFile(path: string, scope: LoadScope): LoadedDocument | null {
    if (this.extendsCache.has(path)) return this.extendsCache.get(path) ?? null;
    const text = this.readFile(path);
    if (text === undefined) return this.fail({ code: 'compose-file-not-found', message: `open ${path}: no such file or directory`, source: path });
    // compose-go loads an extends file with SkipValidation (extends.go:163): only what is merged in is checked.
    const docs = this.readDocuments(path, text, scope, dirnamePath(path), false);
    const doc = docs === null ? null : mergeDocuments(docs, (base, tags) => this.applyTags(base, tags, path));
    this.extendsCache.set(path, doc);
    if (doc === null && docs !== null) return this.fail({ code: 'compose-extends-invalid', message: `cannot extend service: no services section in ${path}`, source: path });
    return doc;
  }

  /**
   * compose-go `applyServiceExtends`, without recursion: the chain of services `name` extends is
   * walked first (a service seen twice is a cycle), then merged from the last base up, each base
   * taking the tags of the service that extends it.
   */
  private applyExtends(name: string, doc: LoadedDocument, scope: LoadScope): ServiceModel | null {
    const chain: { name: string; doc: LoadedDocument; model: ServiceModel }[] = [{ name, doc, model: doc.services.get(name) as ServiceModel }];
    for (let cur = chain[0]; cur?.model.extends !== undefined; cur = chain[chain.length - 1]) {
      const ref = cur.model.extends.value;
      const target = ref.file === undefined ? cur.doc : this.extendsFile(ref.file, scope);
      if (target === null) return null;
      const model = target.services.get(ref.service);
      const where = { source: cur.doc.file, path: `services.${cur.name}.extends`, line: cur.model.extends.origin.line, column: cur.model.extends.origin.column };
      if (model === undefined) {
        const inFile = ref.file === undefined ? '' : ` in ${ref.file}`;
        return this.fail({
          code: 'compose-extends-invalid',
          message: `cannot extend service ${JSON.stringify(cur.name)} in ${cur.doc.file}: service ${JSON.stringify(ref.service)} not found${inFile}`,
          ...where,
        });
      }
      if (chain.some((c) => c.name === ref.service && c.doc.file === target.file)) {
        const lines = [`  ${name} in ${doc.file}`, ...chain.slice(1).map((c) => `  extends ${c.name} in ${c.doc.file}`), `  extends ${ref.service} in ${target.file}`];
        const start = (chain[0] as (typeof chain)[number]).model.extends?.origin ?? cur.model.extends.origin;
        return this.fail({
          code: 'compose-extends-cycle',
          message: `Circular reference:\n${lines.join('\n')}`,
          ...where,
          path: `services.${name}.extends`,
          line: start.line,
          column: start.column,
        });
      }
      if (chain.length > this.limits.maxYamlAliases)
        return this.fail({ code: 'compose-extends-invalid', message: `extends chain of ${JSON.stringify(name)} is longer than ${this.limits.maxYamlAliases} services`, ...where });
      chain.push({ name: ref.service, doc: target, model });
    }
    let merged = withoutExtends((chain[chain.length - 1] as (typeof chain)[number]).model);
    for (let i = chain.length - 2; i >= 0; i--) {
      const level = chain[i] as (typeof chain)[number];
      const base = this.applyTags(merged, level.doc.tags.get(level.name) ?? [], level.doc.file);
      // The merged service is the extending one: it keeps its own place of definition.
      merged = base === null ? withoutExtends(level.model) : withoutExtends({ ...mergeService(base, level.model), origin: level.model.origin });
    }
    return merged;
  }
}

/**
 * The documents of a file named by `extends: {file}` merged in turn, as compose-go v2.13.0
 * `getExtendsBaseFromFile` loads it (`loadYamlFile` with `SkipExtends`/`SkipInclude`: each
 * document's `!reset`/`!override` applied to the earlier ones, then merged onto them); the tags
 * kept are the last document's (its `PostProcessor`). `null` when the file has no document.
 */
function mergeDocuments(docs: readonly LoadedDocument[], applyTags: (base: ServiceModel, tags: readonly TaggedPath[]) => ServiceModel | null): LoadedDocument | null {
  const last = docs[docs.length - 1];
  if (last === undefined) return null;
  const services = new Map<string, ServiceModel>();
  for (const doc of docs) {
    for (const [name, tags] of doc.tags) {
      const base = services.get(name);
      if (base === undefined) continue;
      const reset = applyTags(base, tags);
      if (reset === null) services.delete(name);
      else services.set(name, reset);
    }
    for (const [name, svc] of doc.services) {
      const base = services.get(name);
      services.set(name, base === undefined ? svc : mergeService(base, svc));
    }
  }
  return { ...last, services };
}

/** compose-go `SetDefaultValues` (`build.context` `.`), run per project after its files are merged: the project directory. */
function withDefaultContext(model: ServiceModel, dir: string): ServiceModel {
  if (model.build === undefined || model.build.context !== undefined) return model;
  return { ...model, build: { ...model.build, context: { value: dir, origin: model.build.origin } } };
}

function withoutExtends(model: ServiceModel): ServiceModel {
  if (model.extends === undefined) return model;
  const { extends: _extends, ...rest } = model;
  return rest;
}
