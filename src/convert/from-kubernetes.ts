/** Kubernetes container (and its Pod spec) → {@link ContainerSpec}. */
import { resolveKubernetes, type KubernetesOptions, type ResolveKubernetesResult } from '../kubernetes/container.js';
import { noCounterpart, specFlag, type ReadResult, type SpecFlag } from './spec.js';
import { expectType } from '../internal/text.js';
import type { Diagnostic, Location } from '../core/types.js';

/** Options of {@link specFromKubernetes}: what the kubelet would see (ConfigMaps, Secrets…), and the Pod spec around the container. */
export interface SpecFromKubernetesOptions extends KubernetesOptions {
  /** The Pod spec (`restartPolicy`, `hostname`; its other fields are noted). */
  readonly pod?: Readonly<Record<string, unknown>>;
  /** Diagnostic path of the Pod spec, e.g. `spec.template.spec`. */
  readonly podPath?: string;
  /**
   * The container already resolved without an image config, with what the kubelet sees in its Pod
   * (a manifest's own ConfigMaps and Secrets, its namespace, pod fields): `resolveManifests` does
   * this. Unset: resolved here with `options` alone.
   */
  readonly resolved?: ResolveKubernetesResult;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Container keys read here; the rest are noted. */
const READ = new Set(['name', 'image', 'command', 'args', 'env', 'envFrom', 'workingDir', 'ports', 'stdin', 'tty', 'resources', 'securityContext', 'imagePullPolicy']);

const RESTART: Readonly<Record<string, string>> = { Always: 'always', OnFailure: 'on-failure', Never: 'no' };
const PULL: Readonly<Record<string, string>> = { Always: 'always', IfNotPresent: 'missing', Never: 'never' };

const BINARY: Readonly<Record<string, number>> = { '': 1, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, m: 1e-3 };

/** A Kubernetes quantity (`512Mi`, `1G`, `1500m`, `2`) as a number, or `undefined` for forms not read here (exponents, `Ei`). */
export function parseQuantity(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  const m = /^(\d+(?:\.\d+)?)([KMGTP]i|[kMGTPm])?$/.exec(text);
  return m === null ? undefined : Number(m[1]) * (BINARY[m[2] ?? ''] as number);
}

/** Bytes as a docker size (`512m`, `1g`: binary multiples, as docker reads them). */
function dockerBytes(bytes: number): string {
  for (const [unit, size] of [
    ['g', 2 ** 30],
    ['m', 2 ** 20],
    ['k', 2 ** 10],
  ] as const)
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  return String(bytes);
}

/**
 * Reads a Kubernetes container as the request Docker Engine would need to run the same argv: the
 * kubelet's `$(VAR)` expansion done (`$$` unescaped; a reference to a value not known here is
 * diagnosed and kept as written), `command` → entrypoint, `args` → Cmd; env (with the values the
 * kubelet computes), workingDir, ports, stdin/tty, resources, securityContext, imagePullPolicy and
 * the Pod's restartPolicy/hostname as flags. A `command` of exactly `['']` (the runtime executes
 * "", which Docker reads as no entrypoint) cannot be converted. Every other field is noted.
 */
export function specFromKubernetes(container: Readonly<Record<string, unknown>>, options: SpecFromKubernetesOptions = {}): ReadResult {
  expectType(container, 'object', 'container');
  const { pod, podPath, resolved: given, ...k8s } = options;
  const base = options.path ?? 'container';
  const resolved = given ?? resolveKubernetes(null, container, { ...k8s, path: base });
  if (!resolved.ok) return resolved;
  const diagnostics: Diagnostic[] = [...resolved.diagnostics.filter((d) => d.code !== 'depends-on-unknown-image')];
  // Incomplete: the image config (no command: it is not needed here), or env values not given (the
  // argv keeps those $(VAR) references as written, and resolveKubernetes names them).
  const partialCommand = resolved.complete || resolved.argv === undefined ? null : resolved.argv.slice(0, resolved.argv.length - (resolved.args ?? []).length);
  const command = resolved.complete ? resolved.command : partialCommand;
  if (command !== null && command.length === 1 && command[0] === '') {
    return {
      ok: false,
      issues: [
        { code: 'convert-not-expressible', path: `${base}.command`, message: 'command: [""] makes the runtime execute "", while Docker reads an entrypoint of [""] as none.' },
      ],
      diagnostics,
    };
  }
  const args = resolved.args;
  const reader = new KubernetesReader(base, diagnostics);
  if (typeof container['name'] === 'string') reader.add('name', container['name'], 'name');
  for (const e of resolved.env) {
    if (e.value === undefined)
      diagnostics.push(
        noCounterpart(
          `The value of ${e.name} (from valueFrom or envFrom)`,
          'docker run',
          { path: `${base}.env` },
          'It is not known here: give the ConfigMaps/Secrets, or add -e by hand.',
        ),
      );
    else reader.add('env', `${e.name}=${e.value}`, 'env');
  }
  reader.fields(container);
  if (pod !== undefined) reader.pod(pod, podPath ?? 'spec');
  const image = typeof container['image'] === 'string' ? container['image'] : undefined;
  return {
    ok: true,
    spec: { image, entrypoint: command !== null && command.length > 0 ? command : null, cmd: args !== null && args.length > 0 ? args : null, init: false, flags: reader.flags },
    diagnostics,
  };
}

/** Container and Pod fields → flags, one method per field group. */
class KubernetesReader {
  readonly flags: SpecFlag[] = [];

  constructor(
    private readonly base: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  add(name: string, value: string, key: string, base = this.base): void {
    this.flags.push(specFlag(name, value, `${key}: ${value}`, { path: `${base}.${key}` }));
  }

  private note(what: string, at: Location, help = ''): void {
    this.diagnostics.push(noCounterpart(what, 'docker run', at, help));
  }

  fields(c: Readonly<Record<string, unknown>>): void {
    if (typeof c['workingDir'] === 'string' && c['workingDir'] !== '') this.add('workdir', c['workingDir'], 'workingDir');
    if (c['stdin'] === true) this.add('interactive', 'true', 'stdin');
    if (c['tty'] === true) this.add('tty', 'true', 'tty');
    const pull = c['imagePullPolicy'];
    if (typeof pull === 'string' && Object.hasOwn(PULL, pull)) this.add('pull', PULL[pull] as string, 'imagePullPolicy');
    if (Array.isArray(c['ports'])) c['ports'].forEach((p: unknown, i) => this.port(p, i));
    if (isRecord(c['resources'])) this.resources(c['resources']);
    if (isRecord(c['securityContext'])) this.security(c['securityContext'], `${this.base}.securityContext`);
    if (Array.isArray(c['envFrom']) && c['envFrom'].length > 0)
      this.note(`${this.base}.envFrom`, { path: `${this.base}.envFrom` }, 'Its variables are translated only when the ConfigMaps/Secrets are given.');
    for (const key of Object.keys(c)) if (!READ.has(key)) this.note(`${this.base}.${key}`, { path: `${this.base}.${key}` });
  }

  /** `containerPort` (+ `hostPort`, `hostIP`) → `-p` when published on the host, else `--expose`. */
  private port(p: unknown, i: number): void {
    const path = `${this.base}.ports[${i}]`;
    if (!isRecord(p) || typeof p['containerPort'] !== 'number') return this.note(path, { path });
    const protocol = typeof p['protocol'] === 'string' && p['protocol'] !== 'TCP' ? `/${p['protocol'].toLowerCase()}` : '';
    const host = typeof p['hostPort'] === 'number' ? `${typeof p['hostIP'] === 'string' ? `${p['hostIP']}:` : ''}${p['hostPort']}:` : '';
    this.add(host === '' ? 'expose' : 'publish', `${host}${p['containerPort']}${protocol}`, `ports[${i}]`);
    if (typeof p['name'] === 'string') this.note(`${path}.name`, { path: `${path}.name` }, 'Docker ports have no names.');
  }

  /** limits.memory → -m, limits.cpu → --cpus, requests.memory → --memory-reservation, requests.cpu → --cpu-shares (the kubelet's milliCPU × 1024 / 1000). */
  private resources(r: Record<string, unknown>): void {
    const path = `${this.base}.resources`;
    for (const [kind, list] of Object.entries(r)) {
      if (!isRecord(list) || (kind !== 'limits' && kind !== 'requests')) {
        this.note(`${path}.${kind}`, { path: `${path}.${kind}` });
        continue;
      }
      for (const [res, q] of Object.entries(list)) this.resource(kind, res, q, `${path}.${kind}.${res}`);
    }
  }

  private resource(kind: 'limits' | 'requests', res: string, q: unknown, path: string): void {
    const n = parseQuantity(q);
    const key = `resources.${kind}.${res}`;
    if (n !== undefined && res === 'memory' && Number.isInteger(n)) return this.add(kind === 'limits' ? 'memory' : 'memory-reservation', dockerBytes(n), key);
    if (n !== undefined && res === 'cpu') {
      const milli = Math.round(n * 1000);
      if (kind === 'limits') return this.add('cpus', String(milli / 1000), key);
      return this.add('cpu-shares', String(Math.max(2, Math.floor((milli * 1024) / 1000))), key);
    }
    this.note(`${path} (${String(q)})`, { path });
  }

  /** runAsUser[/runAsGroup] → -u uid[:gid]; privileged, readOnlyRootFilesystem, capabilities, allowPrivilegeEscalation: false. */
  private security(s: Record<string, unknown>, path: string): void {
    const uid = s['runAsUser'];
    const gid = s['runAsGroup'];
    if (typeof uid === 'number') this.add('user', typeof gid === 'number' ? `${uid}:${gid}` : String(uid), 'securityContext.runAsUser');
    else if (typeof gid === 'number') this.note(`${path}.runAsGroup without runAsUser`, { path }, 'docker run --user needs the user too.');
    if (s['privileged'] === true) this.add('privileged', 'true', 'securityContext.privileged');
    if (s['readOnlyRootFilesystem'] === true) this.add('read-only', 'true', 'securityContext.readOnlyRootFilesystem');
    if (s['allowPrivilegeEscalation'] === false) this.add('security-opt', 'no-new-privileges', 'securityContext.allowPrivilegeEscalation');
    const caps = s['capabilities'];
    if (isRecord(caps)) {
      for (const [k, flag] of [
        ['add', 'cap-add'],
        ['drop', 'cap-drop'],
      ] as const) {
        const list = caps[k];
        if (Array.isArray(list)) for (const c of list) if (typeof c === 'string') this.add(flag, c, `securityContext.capabilities.${k}`);
      }
    }
    const done = ['runAsUser', 'runAsGroup', 'privileged', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'capabilities'];
    for (const key of Object.keys(s)) if (!done.includes(key)) this.note(`${path}.${key}`, { path: `${path}.${key}` });
  }

  /** The Pod spec: restartPolicy → --restart, hostname → --hostname; other fields (volumes, nodeSelector…) are noted. */
  pod(p: Readonly<Record<string, unknown>>, path: string): void {
    const restart = p['restartPolicy'];
    if (typeof restart === 'string' && Object.hasOwn(RESTART, restart)) this.add('restart', RESTART[restart] as string, 'restartPolicy', path);
    else {
      this.diagnostics.push({
        code: 'convert-restart-default',
        severity: 'info',
        path,
        message: 'The Pod sets no restartPolicy, so Kubernetes restarts it Always; docker run restarts nothing by default (add --restart always if that is meant).',
      });
    }
    if (typeof p['hostname'] === 'string') this.add('hostname', p['hostname'], 'hostname', path);
    for (const key of Object.keys(p)) {
      if (!['containers', 'restartPolicy', 'hostname', 'initContainers', 'ephemeralContainers'].includes(key)) this.note(`${path}.${key}`, { path: `${path}.${key}` });
    }
  }
}
