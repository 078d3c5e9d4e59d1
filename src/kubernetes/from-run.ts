/**
 * Maps the non-argv flags of a parsed `docker run` line to their Kubernetes counterparts
 * (container fields and the Pod's restartPolicy), and says where there is none.
 * The argv itself (`--entrypoint`, args) is `toKubernetes`' job (src/kubernetes/container.ts).
 */
import { cliProfile, engineProfile, type EngineProfile } from '../core/engine-profile.js';
import { goFloatErrorMessage, parseGoFloat64 } from '../internal/go-float.js';
import { expectType, goQuote } from '../internal/text.js';
import { escapeKubernetes } from './expansion.js';
import { parseDockerBytes, parseDockerCpus, parseGoBool, type ParsedRunCommandLine, type ParsedRunFlag } from '../run/command-line.js';
import type { Diagnostic, EngineOptions } from '../core/types.js';
import type { DiagnosticCode } from '../core/diagnostics.js';

/** A Kubernetes `EnvVar` with a literal value (every `$` written `$$`, so the kubelet's expansion keeps it). */
export interface RunEnvVar {
  readonly name: string;
  readonly value: string;
}

/** A Kubernetes `ContainerPort`. */
export interface RunContainerPort {
  readonly containerPort: number;
  readonly hostPort?: number;
  readonly hostIP?: string;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
}

/** The container fields `docker run` flags translate to. */
export interface RunContainerFields {
  name?: string;
  workingDir?: string;
  env?: RunEnvVar[];
  ports?: RunContainerPort[];
  stdin?: boolean;
  tty?: boolean;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  securityContext?: {
    runAsUser?: number;
    runAsGroup?: number;
    privileged?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { add?: string[]; drop?: string[] };
  };
}

/** Result of {@link runFlagsToKubernetes} (it cannot fail: a flag without a counterpart is a diagnostic). */
export interface RunFlagsToKubernetesResult {
  readonly ok: true;
  readonly container: RunContainerFields;
  /** Pod-level fields (`restartPolicy`, `hostname`). */
  readonly pod: { restartPolicy?: 'Always' | 'OnFailure' | 'Never'; hostname?: string };
  readonly diagnostics: readonly Diagnostic[];
}

const GI = 1024 ** 3;
const MI = 1024 ** 2;
const KI = 1024;

/** Bytes as a Kubernetes binary quantity: `512Mi`, `1Gi`, or plain bytes. */
export function bytesToQuantity(bytes: number): string {
  expectType(bytes, 'number', 'bytes');
  if (bytes !== 0 && bytes % GI === 0) return `${bytes / GI}Gi`;
  if (bytes !== 0 && bytes % MI === 0) return `${bytes / MI}Mi`;
  if (bytes !== 0 && bytes % KI === 0) return `${bytes / KI}Ki`;
  return String(bytes);
}

/** The CFS period (µs) both engines pair with `--cpus`; the kubelet's default period too. */
const CFS_PERIOD = 100_000n;
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);
/**
 * What an engine does with `--cpus`: the CFS quota it sets (µs per 100 000 µs; `wrapped` when the
 * CLI sent another count than the one written), no limit (`why` when the user asked for one), or
 * why the container is refused or cannot start.
 */
type CpusEffect = { readonly quota: bigint; readonly wrapped?: string } | { readonly unlimited: true; readonly why?: string } | { readonly fails: string };

/**
 * docker: NanoCpus from the CLI (`parseDockerCpus`; beyond int64 its low 64 bits), checked by the
 * daemon (negative → refused), then quota = NanoCpus × 100000 / 1e9 in int64, truncated (moby
 * daemon_unix.go `getCPUResources`). runc leaves a 0 quota unset; the kernel refuses one under
 * 1000 µs when the container starts. `range`: the daemon's refusal text (`cpusRangeMessage`).
 */
function dockerCpusEffect(value: string, range: string): CpusEffect {
  const c = parseDockerCpus(value);
  const v = goQuote(value);
  if ('error' in c) return { fails: `docker refuses --cpus ${v} (${c.error})` };
  const n = c.nanoCpus;
  const refusal = `"${range}", N = the host's CPUs`;
  // What the daemon gets: the value written, or the wrapped count the CLI sends instead.
  const sent = c.outOfRange ? `--cpus ${v} (NanoCpus overflows int64 and the CLI sends the wrapped ${n})` : `--cpus ${v}`;
  if (n < 0n) return { fails: `the daemon refuses ${sent}: NanoCpus is negative (${refusal})` };
  if (n === 0n) return c.outOfRange ? { unlimited: true, why: `docker sets no CPU limit for ${sent}` } : { unlimited: true };
  const product = n * CFS_PERIOD;
  if (product > MAX_INT64) {
    return { fails: `the daemon refuses ${sent} on any host with fewer CPUs (${refusal}), and above 92233.72 CPUs its quota arithmetic overflows int64` };
  }
  const quota = product / 1_000_000_000n;
  if (quota === 0n) return { unlimited: true, why: `docker sets no CPU limit for ${sent}: its CFS quota (NanoCpus × 100000 / 1e9, truncated) is 0 µs, which runc leaves unset` };
  if (quota < 1000n) {
    return {
      fails: `docker creates the container but cannot start it: ${sent} is a CFS quota of ${quota} µs, under the kernel's 1 ms minimum (runc cannot write it to the cgroup: "${quota}" to cpu.cfs_quota_us on cgroup v1, "${quota} 100000" to cpu.max on v2; invalid argument)`,
    };
  }
  return c.outOfRange ? { quota, wrapped: `${sent}: the container gets the CPU limit of ${n} nano-CPUs, not the value written` } : { quota };
}

/**
 * podman: a float64 (`strconv.ParseFloat`); only `cpus > 0` sets a limit (so not 0, negatives or
 * NaN), with quota `int64(cpus × 100000)` (pkg/util `CoresToPeriodAndQuota`). Beyond int64 that
 * conversion gives MinInt64 on amd64 (probed; Go leaves it to the platform). Under 1000 µs podman
 * refuses the container (pkg/specgen/generate/validate.go).
 */
function podmanCpusEffect(value: string): CpusEffect {
  const x = parseGoFloat64(value);
  const v = goQuote(value);
  if ('error' in x) return { fails: `podman refuses --cpus ${v} (${goFloatErrorMessage(value, x.error)})` };
  if (!(x.value > 0)) return { unlimited: true };
  const product = x.value * Number(CFS_PERIOD);
  const overflow = product >= 2 ** 63;
  const quota = overflow ? MIN_INT64 : BigInt(Math.trunc(product));
  if (quota < 1000n) {
    const how = overflow ? `; trunc(cpus × 100000) is beyond int64 and becomes ${MIN_INT64} on amd64` : '';
    return { fails: `podman refuses --cpus ${v} when it creates the container (CPU cfs quota cannot be less than 1ms (i.e. 1000)${how})` };
  }
  return { quota };
}

/**
 * A CFS quota of at least 1000 µs per 100 000 µs as the CPU limit whose kubelet quota
 * (milliCPU × 100, kubelet `MilliCPUToQuota`) is the smallest one not below it: that limit, its
 * kubelet quota in µs, and `exact` when the two quotas are equal.
 */
function quotaToQuantity(quota: bigint): { quantity: string; kubeletQuota: bigint; exact: boolean } {
  const milli = (quota + 99n) / 100n;
  const kubeletQuota = milli * 100n;
  return { quantity: milli % 1000n === 0n ? String(milli / 1000n) : `${milli}m`, kubeletQuota, exact: kubeletQuota === quota };
}

/**
 * docker's `--cpus` value as a Kubernetes CPU quantity for the CFS quota docker enforces
 * (`NanoCpus × 100000 / 1e9` µs per 100 ms, truncated): `2`, `1500m`, rounded up to a millicore
 * when the quota is not a multiple of 100 µs; beyond int64 nano-CPUs, the limit of the wrapped count
 * the CLI sends. `undefined` when docker sets no limit (`0`, or a quota that truncates to 0), refuses
 * the value, or cannot start the container (quota under 1 ms).
 */
export function cpusToQuantity(value: string): string | undefined {
  expectType(value, 'string', 'value');
  const e = dockerCpusEffect(value, engineProfile().cpusRangeMessage as string); // the default profile is Docker's
  return 'quota' in e ? quotaToQuantity(e.quota).quantity : undefined;
}

const NO_COUNTERPART: Record<string, string> = {
  detach: '-d/--detach only makes the client return; Pods always run in the background.',
  rm: '--rm has no Pod counterpart; a Pod stays until deleted (a Job can use ttlSecondsAfterFinished).',
  init: '--init has no Kubernetes counterpart: there is no init process injection; put tini/dumb-init in the image or set shareProcessNamespace.',
  'sig-proxy': '--sig-proxy concerns the attached client only.',
  'detach-keys': '--detach-keys concerns the attached client only.',
  platform: '--platform has no container field; select nodes with a nodeSelector on kubernetes.io/arch.',
  'env-file': '--env-file is read by the client; its contents were not read here. Use a ConfigMap with envFrom.',
  volume: '-v/--volume needs a Pod volume and a volumeMount; not translated.',
  mount: '--mount needs a Pod volume and a volumeMount; not translated.',
  tmpfs: '--tmpfs maps to an emptyDir volume with medium: Memory; not translated.',
  'volumes-from': '--volumes-from has no Kubernetes counterpart; share a volume between containers instead.',
  network: '--network has no container field; Pods share one network namespace.',
  net: '--net has no container field; Pods share one network namespace.',
};

/**
 * Maps run flags (`parseRunCommandLine(…).flags`) to Kubernetes: `-m`/`--memory-reservation`
 * → memory limits/requests, `--cpus` → cpu limit, `--restart` → restartPolicy, `-e` → env,
 * `-w` → workingDir, numeric `-u` → runAsUser/runAsGroup, `--name` → name, `-p` → ports,
 * `-i`/`-t` → stdin/tty; everything else gets a diagnostic saying what to do instead.
 * `options` name the engine release whose rules apply (`engineVersion`); a parsed line's own
 * engine wins over `options.engine`, which applies to bare flags (default `'docker'`).
 *
 * @example
 * runFlagsToKubernetes(parseRunCommandLine('docker run -m 512m --restart=always img')).container.resources
 * // { limits: { memory: '512Mi' } }
 */
export function runFlagsToKubernetes(input: readonly ParsedRunFlag[] | ParsedRunCommandLine, options: EngineOptions = {}): RunFlagsToKubernetesResult {
  expectType(input, 'object', 'flags');
  expectType(options, 'object', 'options');
  const flags: readonly ParsedRunFlag[] = Array.isArray(input) ? input : (input as ParsedRunCommandLine).flags;
  const profile = engineProfile({ ...options, engine: Array.isArray(input) ? (options.engine ?? 'docker') : (input as ParsedRunCommandLine).engine });
  expectType(flags, 'array', 'flags');
  const t = new RunFlagTranslator(profile);
  for (const f of flags) t.translate(f);
  if (!t.restartSeen && flags.length > 0) {
    t.diagnostics.push({
      code: 'run-restart-default',
      severity: 'info',
      message: 'Without --restart Docker never restarts the container, but a Pod defaults to restartPolicy Always; set it explicitly.',
    });
  }
  return { ok: true, container: t.container, pod: t.pod, diagnostics: t.diagnostics };
}

const PULL_POLICIES: Readonly<Record<string, 'Always' | 'IfNotPresent' | 'Never'>> = { always: 'Always', missing: 'IfNotPresent', never: 'Never' };

/** Builds the container and Pod fields one flag at a time; one method per flag (or family of flags). */
class RunFlagTranslator {
  readonly container: RunContainerFields = {};
  readonly pod: RunFlagsToKubernetesResult['pod'] = {};
  readonly diagnostics: Diagnostic[] = [];
  restartSeen = false;
  private portsNoted = false;
  /** Index in `container.env` of each name (a later `-e NAME=…` replaces the earlier one). */
  private readonly envIndex = new Map<string, number>();

  constructor(private readonly profile: EngineProfile) {}

  translate(f: ParsedRunFlag): void {
    switch (f.name) {
      case 'memory':
      case 'memory-reservation':
        return this.memory(f);
      case 'cpus':
        return this.cpus(f);
      case 'restart':
        return this.restart(f);
      case 'env':
        return this.env(f);
      case 'workdir':
        this.container.workingDir = f.value;
        return;
      case 'user':
        return this.user(f);
      case 'name':
        return this.name(f);
      case 'publish':
      case 'expose':
        return this.port(f);
      case 'interactive':
        if (parseGoBool(f.value)) this.container.stdin = true;
        return;
      case 'tty':
        if (parseGoBool(f.value)) this.container.tty = true;
        return;
      case 'privileged':
        if (parseGoBool(f.value)) this.securityContext().privileged = true;
        return;
      case 'read-only':
        if (parseGoBool(f.value)) this.securityContext().readOnlyRootFilesystem = true;
        return;
      case 'cap-add':
      case 'cap-drop':
        return this.capabilities(f);
      case 'hostname':
        this.pod.hostname = f.value;
        return;
      case 'pull':
        return this.pull(f);
      case 'entrypoint':
        return; // the argv: toKubernetes
      default:
        return this.noCounterpart(f);
    }
  }

  /** `-m` → limits.memory, `--memory-reservation` → requests.memory (0 = unlimited; invalid sizes were refused by the CLI). */
  private memory(f: ParsedRunFlag): void {
    const b = parseDockerBytes(f.value);
    if ('error' in b || b.bytes === 0) return;
    this.resource(f.name === 'memory' ? 'limits' : 'requests', 'memory', bytesToQuantity(b.bytes));
  }

  /** `--cpus` → limits.cpu for the CFS quota the engine enforces, or why there is none. */
  private cpus(f: ParsedRunFlag): void {
    const e = cliProfile(this.profile).cpusQuota === 'float' ? podmanCpusEffect(f.value) : dockerCpusEffect(f.value, this.profile.cpusRangeMessage ?? '');
    if ('fails' in e) return this.note('run-flag-no-kubernetes', 'warning', `${e.fails}; not translated.`, f);
    if ('unlimited' in e) {
      if (e.why !== undefined) this.note('run-flag-no-kubernetes', 'warning', `${e.why}; not translated.`, f);
      return;
    }
    const q = quotaToQuantity(e.quota);
    this.resource('limits', 'cpu', q.quantity);
    if (e.wrapped !== undefined) this.note('run-cpus-wrapped', 'warning', `${e.wrapped}; limits.cpu is ${q.quantity}, the limit enforced.`, f);
    if (!q.exact) {
      this.note(
        'run-cpus-rounded',
        'info',
        `--cpus ${goQuote(f.value)} is a CFS quota of ${e.quota} µs per 100 ms; the kubelet sets quotas in 100 µs steps (milliCPU × 100), so the limit is ${q.quantity} (${q.kubeletQuota} µs).`,
        f,
      );
    }
  }

  /** `--restart` → the Pod's restartPolicy. */
  private restart(f: ParsedRunFlag): void {
    this.restartSeen = true;
    const [policy, count] = f.value.split(':') as [string, string?];
    if (policy === 'always') this.pod.restartPolicy = 'Always';
    else if (policy === 'no' || policy === '') this.pod.restartPolicy = 'Never';
    else if (policy === 'on-failure') {
      this.pod.restartPolicy = 'OnFailure';
      if (count !== undefined) {
        this.note('run-restart-count', 'warning', `--restart=on-failure:${count}: a Pod cannot limit restarts to ${count}; use a Job with backoffLimit.`, f);
      }
    } else if (policy === 'unless-stopped') {
      this.pod.restartPolicy = 'Always';
      this.note('run-restart-unless-stopped', 'info', '--restart=unless-stopped became Always: Kubernetes has no "stopped by the user" state.', f);
    } else {
      this.note('run-flag-no-kubernetes', 'warning', `--restart=${f.value} is not a Docker restart policy; not translated.`, f);
    }
  }

  /** `-e NAME=value` → env (the last value of a name wins, in its first position); `-e NAME` is the client's. */
  private env(f: ParsedRunFlag): void {
    const eq = f.value.indexOf('=');
    if (eq < 0) {
      return this.note('run-env-from-client', 'warning', `-e ${f.value} copies ${f.value} from the client's environment, which is not known here; not translated.`, f);
    }
    const name = f.value.slice(0, eq);
    // The kubelet expands $(NAME) and $$ in env values; Docker passes the value as written.
    const entry = { name, value: escapeKubernetes(f.value.slice(eq + 1)) };
    const env = (this.container.env ??= []);
    const at = this.envIndex.get(name);
    if (at === undefined) {
      this.envIndex.set(name, env.length);
      env.push(entry);
    } else env[at] = entry;
  }

  /** Numeric `-u uid[:gid]` → runAsUser/runAsGroup. */
  private user(f: ParsedRunFlag): void {
    const m = /^(\d+)(?::(\d+))?$/.exec(f.value);
    if (!m) {
      return this.note('run-user-name', 'warning', `-u ${f.value}: Kubernetes runAsUser/runAsGroup take numeric ids only; look the name up in the image's /etc/passwd.`, f);
    }
    const sc = this.securityContext();
    sc.runAsUser = Number(m[1]);
    if (m[2] !== undefined) sc.runAsGroup = Number(m[2]);
  }

  private name(f: ParsedRunFlag): void {
    this.container.name = f.value;
    if (!/^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/.test(f.value)) {
      this.note('run-name-not-dns-label', 'warning', `--name ${f.value} is not a valid Kubernetes container name (lowercase RFC 1123 label, at most 63 characters).`, f);
    }
  }

  /** `-p`/`--expose` → ports. */
  private port(f: ParsedRunFlag): void {
    const port = parsePort(f.value, f.name === 'expose');
    if (port === undefined) {
      return this.note('run-flag-no-kubernetes', 'warning', `${f.name === 'publish' ? '-p' : '--expose'} ${f.value}: port ranges and this syntax are not translated.`, f);
    }
    (this.container.ports ??= []).push(port);
    if (f.name === 'publish' && !this.portsNoted) {
      this.portsNoted = true;
      this.note(
        'run-publish-needs-service',
        'info',
        '-p publishes a port on the host; in Kubernetes declare containerPort and expose it with a Service (hostPort is rarely what you want).',
        f,
      );
    }
  }

  /** `--cap-add`/`--cap-drop` (comma lists, `CAP_` prefix dropped) → capabilities.add/drop. */
  private capabilities(f: ParsedRunFlag): void {
    const caps = (this.securityContext().capabilities ??= {});
    const list = (caps[f.name === 'cap-add' ? 'add' : 'drop'] ??= []);
    for (const c of f.value.split(',')) if (c !== '') list.push(c.toUpperCase().replace(/^CAP_/, ''));
  }

  private pull(f: ParsedRunFlag): void {
    const policy = Object.hasOwn(PULL_POLICIES, f.value) ? PULL_POLICIES[f.value] : undefined;
    if (policy !== undefined) this.container.imagePullPolicy = policy;
    else this.note('run-flag-no-kubernetes', 'warning', `--pull=${f.value} is not always, missing or never; not translated.`, f);
  }

  /** Any other flag: what to do instead (`--rm`, `-d`, `--init` only when set to true). */
  private noCounterpart(f: ParsedRunFlag): void {
    if ((f.name === 'rm' || f.name === 'detach' || f.name === 'init') && parseGoBool(f.value) !== true) return;
    this.note('run-flag-no-kubernetes', 'info', NO_COUNTERPART[f.name] ?? `--${f.name} has no Kubernetes container counterpart; not translated.`, f);
  }

  private resource(kind: 'limits' | 'requests', key: string, value: string): void {
    this.container.resources ??= {};
    (this.container.resources[kind] ??= {})[key] = value;
  }

  private securityContext(): NonNullable<RunContainerFields['securityContext']> {
    return (this.container.securityContext ??= {});
  }

  private note(code: DiagnosticCode, severity: Diagnostic['severity'], message: string, f: ParsedRunFlag): void {
    this.diagnostics.push({ code, severity, message, ...f.location });
  }
}

function parsePort(text: string, expose: boolean): RunContainerPort | undefined {
  let spec = text;
  let protocol: RunContainerPort['protocol'] = 'TCP';
  const slash = spec.lastIndexOf('/');
  if (slash >= 0) {
    const p = spec.slice(slash + 1).toLowerCase();
    if (p !== 'tcp' && p !== 'udp' && p !== 'sctp') return undefined;
    protocol = p.toUpperCase() as RunContainerPort['protocol'];
    spec = spec.slice(0, slash);
  }
  let hostIP: string | undefined;
  if (spec.startsWith('[')) {
    const close = spec.indexOf(']:');
    if (close < 0) return undefined;
    hostIP = spec.slice(1, close);
    spec = spec.slice(close + 2);
  }
  const parts = spec.split(':');
  if (parts.length > 3 || (expose && parts.length > 1)) return undefined;
  if (parts.length === 3) hostIP = parts.shift();
  const containerText = parts.pop() as string;
  const hostText = parts.pop();
  if (!/^\d{1,5}$/.test(containerText)) return undefined;
  const containerPort = Number(containerText);
  if (containerPort < 1 || containerPort > 65535) return undefined;
  let hostPort: number | undefined;
  if (hostText !== undefined && hostText !== '') {
    if (!/^\d{1,5}$/.test(hostText)) return undefined;
    hostPort = Number(hostText);
  }
  return {
    containerPort,
    ...(hostPort !== undefined ? { hostPort } : {}),
    ...(hostIP !== undefined && hostIP !== '' ? { hostIP } : {}),
    protocol,
  };
}
