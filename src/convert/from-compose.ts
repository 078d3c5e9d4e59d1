/** Compose service → {@link ContainerSpec}. */
import { parseComposeCommand } from '../compose/service.js';
import { COMPOSE_FIELD_BY_KEY, type ComposeField } from './compose-fields.js';
import { noCounterpart, specFlag, type ReadResult, type SpecFlag } from './spec.js';
import { expectType } from '../internal/text.js';
import type { ShellwordsVersion } from '../compose/go-shellwords.js';
import type { Diagnostic } from '../core/types.js';

/** Options of {@link specFromCompose}. */
export interface SpecFromComposeOptions {
  /** Diagnostic path of the service, e.g. `services.web`. */
  readonly path?: string;
  readonly shellwordsVersion?: ShellwordsVersion;
}

/** Keys read by {@link specFromCompose} itself (not through the flag table). */
const ARGV_KEYS = new Set(['image', 'entrypoint', 'command', 'init']);

/** What to say about keys that configure Compose itself or need other resources, when no flag expresses them. */
const COMPOSE_ONLY: Readonly<Record<string, string>> = {
  build: 'docker run needs a built image: build it first (docker build -t IMAGE .).',
  depends_on: 'start the other containers first.',
  networks: 'Compose prefixes network names with the project name; create the network and pass --network.',
  profiles: 'profiles only select services.',
  deploy: 'only deploy.resources.limits.memory and .cpus are translated.',
  healthcheck: 'use --health-cmd, --health-interval… by hand.',
  secrets: 'mount the file with -v instead.',
  configs: 'mount the file with -v instead.',
  scale: 'run the line once per replica.',
  extends: 'extends is not evaluated.',
  links: 'Compose links name services; use a user-defined network.',
  volumes_from: 'Compose volumes_from names services; use --volumes-from with the container name.',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A scalar as Compose reads it into a string (`8080` → `'8080'`); other values are not scalars. */
function scalar(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/**
 * Reads a Compose service (after interpolation: the values as Compose sends them) as the request
 * Compose sends: `entrypoint`/`command` as compose-go reads them (a string split by go-shellwords,
 * diagnosed where it truncates), `init`, and every key that is a `docker run` flag (environment,
 * env_file, working_dir, user, tty, stdin_open, ports, volumes, restart, mem_limit, cpus,
 * container_name, hostname, labels, network_mode…). Every other key gets a diagnostic naming it.
 */
export function specFromCompose(service: Readonly<Record<string, unknown>>, options: SpecFromComposeOptions = {}): ReadResult {
  expectType(service, 'object', 'service');
  const base = options.path ?? 'service';
  const sw = options.shellwordsVersion === undefined ? {} : { shellwordsVersion: options.shellwordsVersion };
  const ep = parseComposeCommand(service['entrypoint'], { ...sw, path: `${base}.entrypoint` });
  if (!ep.ok) return ep;
  const cm = parseComposeCommand(service['command'], { ...sw, path: `${base}.command` });
  if (!cm.ok) return cm;
  const diagnostics: Diagnostic[] = [...ep.diagnostics, ...cm.diagnostics];
  const reader = new ComposeReader(base, diagnostics);
  for (const [key, value] of Object.entries(service)) reader.read(key, value);
  const image = scalar(service['image']);
  return {
    ok: true,
    spec: { image, entrypoint: ep.command, cmd: cm.command, init: service['init'] === true, flags: reader.flags },
    diagnostics,
  };
}

/** Turns service keys into flags, one method per shape of value. */
class ComposeReader {
  readonly flags: SpecFlag[] = [];

  constructor(
    private readonly base: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  read(key: string, value: unknown): void {
    if (ARGV_KEYS.has(key) || value === null || value === undefined) return;
    const field = COMPOSE_FIELD_BY_KEY.get(key);
    if (field !== undefined) return field.kind === 'list' ? this.list(field, value) : this.one(field, value, `${this.base}.${key}`);
    if (key === 'logging' && isRecord(value)) return this.logging(value);
    if (key === 'ulimits' && isRecord(value)) return this.ulimits(value);
    if (key === 'deploy' && isRecord(value)) return this.deploy(value);
    if (key.startsWith('x-')) return;
    this.diagnostics.push(noCounterpart(`${this.base}.${key}`, 'docker run', { path: `${this.base}.${key}` }, COMPOSE_ONLY[key] ?? ''));
  }

  private add(name: string, value: string, path: string): void {
    const key = path.slice(this.base.length + 1);
    this.flags.push(specFlag(name, value, `${key}: ${value}`, { path }));
  }

  private unreadable(path: string): void {
    this.diagnostics.push(noCounterpart(`The value of ${path}`, 'docker run', { path }, 'Its shape is not one this converter reads.'));
  }

  private one(field: ComposeField, value: unknown, path: string): void {
    const text = scalar(value);
    if (text === undefined) return this.unreadable(path);
    this.add(field.flag, text, path);
  }

  private list(field: ComposeField, value: unknown): void {
    const path = `${this.base}.${field.key}`;
    if (typeof value === 'string' || typeof value === 'number') return this.add(field.flag, String(value), path);
    if (isRecord(value)) {
      // environment, labels, sysctls, extra_hosts: a map of NAME: value (null = from the environment).
      const sep = field.key === 'extra_hosts' ? ':' : '=';
      for (const [k, v] of Object.entries(value)) {
        const text = scalar(v);
        this.add(field.flag, v === null ? (field.key === 'environment' ? k : `${k}${sep}`) : text === undefined ? k : `${k}${sep}${text}`, `${path}.${k}`);
      }
      return;
    }
    if (!Array.isArray(value)) return this.unreadable(path);
    value.forEach((item: unknown, i) => this.item(field, item, `${path}[${i}]`));
  }

  private item(field: ComposeField, item: unknown, path: string): void {
    const text = scalar(item);
    if (text !== undefined && (field.key === 'volumes' || field.key === 'env_file') && /^\.\.?(?:\/|$)|^~/.test(text)) {
      this.diagnostics.push({
        code: 'convert-relative-path',
        severity: 'warning',
        path,
        message: `${path} (${JSON.stringify(text)}) is relative to the Compose project directory; docker run reads it from the current directory (and Docker before 23.0 takes a relative -v source for a volume name). Write an absolute path.`,
      });
    }
    if (text !== undefined) return this.add(field.flag, text, path);
    if (!isRecord(item)) return this.unreadable(path);
    if (field.key === 'ports') return this.longPort(item, path);
    if (field.key === 'volumes') return this.longVolume(item, path);
    if (field.key === 'env_file' && typeof item['path'] === 'string') {
      if (item['required'] === false) this.diagnostics.push(noCounterpart(`${path}.required: false`, 'docker run', { path }, '--env-file fails when the file is missing.'));
      return this.add('env-file', item['path'], path);
    }
    this.unreadable(path);
  }

  /** `{ target, published, host_ip, protocol }` → `-p [host_ip:][published:]target[/protocol]`. */
  private longPort(p: Record<string, unknown>, path: string): void {
    const target = scalar(p['target']);
    if (target === undefined) return this.unreadable(path);
    const published = scalar(p['published']) ?? '';
    const ip = scalar(p['host_ip']);
    const hostPart = ip !== undefined ? `${ip}:${published}:` : published !== '' ? `${published}:` : '';
    const protocol = scalar(p['protocol']);
    this.add('publish', `${hostPart}${target}${protocol === undefined ? '' : `/${protocol}`}`, path);
    for (const k of Object.keys(p)) if (!['target', 'published', 'host_ip', 'protocol'].includes(k)) this.diagnostics.push(noCounterpart(`${path}.${k}`, 'docker run', { path }));
  }

  /** The long volume syntax → `--mount type=…,source=…,target=…[,readonly]`. */
  private longVolume(v: Record<string, unknown>, path: string): void {
    const parts: string[] = [];
    for (const [k, value] of Object.entries(v)) {
      const text = scalar(value);
      if ((k === 'type' || k === 'source' || k === 'target') && text !== undefined) parts.push(`${k}=${text}`);
      else if (k === 'read_only' && value === true) parts.push('readonly');
      else if (k !== 'read_only') this.diagnostics.push(noCounterpart(`${path}.${k}`, 'docker run --mount', { path: `${path}.${k}` }));
    }
    this.add('mount', parts.join(','), path);
  }

  private logging(v: Record<string, unknown>): void {
    const path = `${this.base}.logging`;
    const driver = scalar(v['driver']);
    if (driver !== undefined) this.add('log-driver', driver, `${path}.driver`);
    if (isRecord(v['options'])) for (const [k, o] of Object.entries(v['options'])) this.add('log-opt', `${k}=${scalar(o) ?? ''}`, `${path}.options.${k}`);
  }

  /** `nofile: { soft, hard }` or `nproc: 65535` → `--ulimit nofile=soft:hard`. */
  private ulimits(v: Record<string, unknown>): void {
    for (const [k, u] of Object.entries(v)) {
      const path = `${this.base}.ulimits.${k}`;
      const one = scalar(u);
      if (one !== undefined) this.add('ulimit', `${k}=${one}`, path);
      else {
        const soft = isRecord(u) ? scalar(u['soft']) : undefined;
        const hard = isRecord(u) ? scalar(u['hard']) : undefined;
        if (soft !== undefined && hard !== undefined) this.add('ulimit', `${k}=${soft}:${hard}`, path);
        else this.unreadable(path);
      }
    }
  }

  /** `deploy.resources.limits.memory`/`.cpus` (what docker compose v2 applies); the rest of deploy is noted. */
  private deploy(v: Record<string, unknown>): void {
    const path = `${this.base}.deploy`;
    const resources = v['resources'];
    const limits = isRecord(resources) && isRecord(resources['limits']) ? resources['limits'] : {};
    const memory = scalar(limits['memory']);
    const cpus = scalar(limits['cpus']);
    if (memory !== undefined) this.add('memory', memory, `${path}.resources.limits.memory`);
    if (cpus !== undefined) this.add('cpus', cpus, `${path}.resources.limits.cpus`);
    const rest = Object.keys(v).filter((k) => k !== 'resources');
    const restLimits = Object.keys(limits).filter((k) => k !== 'memory' && k !== 'cpus');
    const restResources = isRecord(resources) ? Object.keys(resources).filter((k) => k !== 'limits') : [];
    for (const k of [...rest, ...restResources.map((r) => `resources.${r}`), ...restLimits.map((r) => `resources.limits.${r}`)]) {
      this.diagnostics.push(noCounterpart(`${path}.${k}`, 'docker run', { path: `${path}.${k}` }));
    }
  }
}
