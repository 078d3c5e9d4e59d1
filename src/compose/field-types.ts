/**
 * The JSON types compose-go accepts for each top-level key of a Compose file and each key of a
 * service, from the compose-spec JSON schema it validates every file against (compose-go v2.13.0,
 * commit 0670a1c3, 2026-06-29: schema/compose-spec.json, checked by schema/schema.go `Validate` in
 * loader/loader.go `loadYamlFile`). Only these two levels are checked: a wrong type or an unknown key
 * there makes `docker compose` refuse the whole project, so the loader refuses it too. Deeper levels
 * (a port's fields, `build.*`, `deploy.*`…) are not checked here. See docs/semantics.md §3,
 * "Compose projects".
 */

/**
 * Per key: the JSON types accepted, then after `/` the type(s) compose-go names in its error when
 * they differ (schema.go `getMostSpecificError` keeps the first alternative of a `oneOf`). Letters:
 * a array, o object (mapping), s string, n number, i integer, b boolean, z null. Derived from
 * compose-spec.json (`properties` and `$defs.service.properties`, `$ref`s followed).
 */
const TOP = 'version:s name:s include:a services:o models:o networks:o volumes:o secrets:o configs:o';
const SERVICE =
  'develop:oz deploy:oz annotations:oa/o attach:bs build:so/s blkio_config:o cap_add:a cap_drop:a cgroup:s cgroup_parent:s ' +
  'command:zsa/z configs:a container_name:s cpu_count:si/s cpu_percent:si/s cpu_shares:ns cpu_quota:ns cpu_period:ns ' +
  'cpu_rt_period:ns cpu_rt_runtime:ns cpus:ns cpuset:s credential_spec:o depends_on:ao/a device_cgroup_rules:a devices:a ' +
  'dns:sa/s dns_opt:a dns_search:sa/s domainname:s entrypoint:zsa/z env_file:sa/s label_file:sa/s environment:oa/o expose:a ' +
  'extends:so/s provider:o external_links:a extra_hosts:oa/o gpus:sa/s group_add:a healthcheck:o hostname:s image:s init:bs ' +
  'ipc:s isolation:s labels:oa/o links:a logging:o mac_address:s mem_limit:ns mem_reservation:si mem_swappiness:is ' +
  'memswap_limit:ns network_mode:s models:ao/a networks:ao/a oom_kill_disable:bs oom_score_adj:si/s pid:sz pids_limit:ns ' +
  'platform:s ports:a pre_start:a post_start:a pre_stop:a privileged:bs profiles:a pull_policy:s pull_refresh_after:s ' +
  'read_only:bs restart:s runtime:s scale:is security_opt:a shm_size:ns secrets:a sysctls:oa/o stdin_open:bs ' +
  'stop_grace_period:s stop_signal:s storage_opt:o tmpfs:sa/s tty:bs ulimits:o use_api_socket:b user:s uts:s userns_mode:s ' +
  'volumes:a volumes_from:a working_dir:s';

const NAMES: Readonly<Record<string, string>> = { a: 'array', o: 'mapping', s: 'string', n: 'number', i: 'integer', b: 'boolean', z: 'null' };

function table(text: string): ReadonlyMap<string, { accept: string; want: string }> {
  const out = new Map<string, { accept: string; want: string }>();
  for (const entry of text.split(' ')) {
    const [key = '', types = ''] = entry.split(':');
    const [accept = '', want = accept] = types.split('/');
    out.set(key, { accept, want });
  }
  return out;
}

let tables: { top: ReadonlyMap<string, { accept: string; want: string }>; service: ReadonlyMap<string, { accept: string; want: string }> } | undefined;

/** The type letter of a parsed YAML value (JSON's types; an integral number is also an integer). */
function typesOf(value: unknown): string {
  if (value === null) return 'z';
  if (Array.isArray(value)) return 'a';
  switch (typeof value) {
    case 'string':
      return 's';
    case 'boolean':
      return 'b';
    case 'number':
      return Number.isInteger(value) ? 'ni' : 'n';
    case 'object':
      return 'o';
    default:
      return '';
  }
}

/** compose-go schema.go `humanReadableType`: one type, or the sorted list joined with `, ` and ` or `. */
function humanType(want: string): string {
  const names = [...want].map((c) => NAMES[c] ?? c).sort();
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

/** A key or type error: the data path and compose-go's message (without its `validating FILE: ` prefix). */
export interface FieldTypeError {
  readonly path: readonly string[];
  readonly message: string;
}

/** The errors of one mapping's keys against a table: unknown keys (not `x-…`) together, then each wrong type. A null value is not checked. */
function checkKeys(value: Readonly<Record<string, unknown>>, at: readonly string[], known: ReadonlyMap<string, { accept: string; want: string }>): FieldTypeError[] {
  const out: FieldTypeError[] = [];
  const where = at.join('.');
  const extra = Object.keys(value).filter((k) => !known.has(k) && !k.startsWith('x-'));
  if (extra.length > 0) {
    const names = extra.map((k) => `'${k}'`).join(', ');
    out.push({ path: at, message: `${where === '' ? '' : `${where} `}additional properties ${names} not allowed` });
  }
  for (const [key, v] of Object.entries(value)) {
    const rule = known.get(key);
    if (rule === undefined || v === null) continue;
    const got = typesOf(v);
    if (![...got].some((c) => rule.accept.includes(c))) out.push({ path: [...at, key], message: `${[...at, key].join('.')} must be a ${humanType(rule.want)}` });
  }
  return out;
}

/**
 * Checks the top-level keys of a Compose document and the keys of each service against the
 * compose-spec schema's types (after interpolation, as compose-go validates). Unknown keys are named
 * in compose-go's wording (jsonschema v6 `additional properties 'k' not allowed`); `x-` keys are
 * allowed. A null value is not checked.
 *
 * @param value - the interpolated document (a mapping).
 * @returns every error found, in document order (empty: the checked levels are valid).
 */
export function checkComposeFieldTypes(value: Readonly<Record<string, unknown>>): FieldTypeError[] {
  tables ??= { top: table(TOP), service: table(SERVICE) };
  const out = checkKeys(value, [], tables.top);
  const services = value['services'];
  if (services === null || typeof services !== 'object' || Array.isArray(services)) return out;
  for (const [name, svc] of Object.entries(services as Record<string, unknown>)) {
    if (svc === null) continue;
    if (typeof svc !== 'object' || Array.isArray(svc)) out.push({ path: ['services', name], message: `services.${name} must be a mapping` });
    else out.push(...checkKeys(svc as Record<string, unknown>, ['services', name], tables.service));
  }
  return out;
}
