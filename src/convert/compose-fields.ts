/**
 * The Compose service keys that are `docker run` flags, as data: one row per pair, read by both
 * directions (src/convert/from-compose.ts and to-compose.ts). Sources: the compose-spec service
 * reference (compose-spec/compose-spec `05-services.md`) and docker/cli `opts.go` (flag names).
 */

/** How a key's value is written: a scalar string, a boolean, an integer, or a list (one flag per item). */
export type ComposeFieldKind = 'string' | 'bool' | 'int' | 'number' | 'list';

/** One `docker run` flag ↔ Compose key pair. */
export interface ComposeField {
  readonly flag: string;
  readonly key: string;
  readonly kind: ComposeFieldKind;
}

type Row = readonly [flag: string, key: string, kind: ComposeFieldKind];

const ROWS: readonly Row[] = [
  ['workdir', 'working_dir', 'string'],
  ['user', 'user', 'string'],
  ['name', 'container_name', 'string'],
  ['hostname', 'hostname', 'string'],
  ['domainname', 'domainname', 'string'],
  ['restart', 'restart', 'string'],
  ['memory', 'mem_limit', 'string'],
  ['memory-reservation', 'mem_reservation', 'string'],
  ['memory-swap', 'memswap_limit', 'string'],
  ['memory-swappiness', 'mem_swappiness', 'int'],
  ['cpus', 'cpus', 'number'],
  ['cpu-shares', 'cpu_shares', 'int'],
  ['cpu-period', 'cpu_period', 'int'],
  ['cpu-quota', 'cpu_quota', 'int'],
  ['cpuset-cpus', 'cpuset', 'string'],
  ['shm-size', 'shm_size', 'string'],
  ['stop-signal', 'stop_signal', 'string'],
  ['ipc', 'ipc', 'string'],
  ['pid', 'pid', 'string'],
  ['platform', 'platform', 'string'],
  ['pull', 'pull_policy', 'string'],
  ['network', 'network_mode', 'string'],
  ['cgroup-parent', 'cgroup_parent', 'string'],
  ['cgroupns', 'cgroup', 'string'],
  ['mac-address', 'mac_address', 'string'],
  ['runtime', 'runtime', 'string'],
  ['userns', 'userns_mode', 'string'],
  ['isolation', 'isolation', 'string'],
  ['pids-limit', 'pids_limit', 'int'],
  ['oom-score-adj', 'oom_score_adj', 'int'],
  ['tty', 'tty', 'bool'],
  ['interactive', 'stdin_open', 'bool'],
  ['privileged', 'privileged', 'bool'],
  ['read-only', 'read_only', 'bool'],
  ['oom-kill-disable', 'oom_kill_disable', 'bool'],
  ['env', 'environment', 'list'],
  ['env-file', 'env_file', 'list'],
  ['publish', 'ports', 'list'],
  ['expose', 'expose', 'list'],
  ['volume', 'volumes', 'list'],
  ['tmpfs', 'tmpfs', 'list'],
  ['label', 'labels', 'list'],
  ['cap-add', 'cap_add', 'list'],
  ['cap-drop', 'cap_drop', 'list'],
  ['dns', 'dns', 'list'],
  ['dns-search', 'dns_search', 'list'],
  ['dns-option', 'dns_opt', 'list'],
  ['add-host', 'extra_hosts', 'list'],
  ['device', 'devices', 'list'],
  ['security-opt', 'security_opt', 'list'],
  ['group-add', 'group_add', 'list'],
  ['sysctl', 'sysctls', 'list'],
  ['link', 'external_links', 'list'],
];

/** The rows by flag name (`--net` is the hidden old name of `--network`, `--dns-opt` of `--dns-option`). */
export const COMPOSE_FIELD_BY_FLAG: ReadonlyMap<string, ComposeField> = new Map([
  ...ROWS.map(([flag, key, kind]) => [flag, { flag, key, kind }] as const),
  ['net', { flag: 'network', key: 'network_mode', kind: 'string' }],
  ['dns-opt', { flag: 'dns-option', key: 'dns_opt', kind: 'list' }],
]);

/** The rows by Compose key. */
export const COMPOSE_FIELD_BY_KEY: ReadonlyMap<string, ComposeField> = new Map(ROWS.map(([flag, key, kind]) => [key, { flag, key, kind }] as const));

/** Keys of a `--mount` value that map to the Compose long volume syntax, and back. */
export const MOUNT_KEYS = {
  type: ['type'],
  source: ['source', 'src'],
  target: ['target', 'destination', 'dst'],
  readonly: ['readonly', 'ro'],
} as const;
