/** {@link ContainerSpec} → Compose service. */
import { parseGoBool } from '../run/command-line.js';
import { COMPOSE_FIELD_BY_FLAG } from './compose-fields.js';
import { escapeComposeDollars, noCounterpart, type ContainerSpec, type SpecFlag, type WriteResult } from './spec.js';
import type { Diagnostic } from '../core/types.js';

/** A Compose service as written in a file (every `$` doubled), and the service name to file it under. */
export interface ComposeServiceOutput {
  readonly name: string;
  readonly service: Readonly<Record<string, unknown>>;
}

/** What to say about flags that only concern the client or a one-off container. */
const RUN_ONLY: Readonly<Record<string, string>> = {
  rm: 'Compose keeps its containers (docker compose run --rm removes a one-off container).',
  detach: 'docker compose up -d runs services in the background.',
  'sig-proxy': 'it concerns the attached client only.',
  'detach-keys': 'it concerns the attached client only.',
  attach: 'it concerns the attached client only.',
  cidfile: 'it concerns the client only.',
  'disable-content-trust': 'it concerns the client only.',
};

/** The service name: `--name` when it is a valid one, else the Compose service it was read from, else the image's last path component, else `app`. */
function serviceName(spec: ContainerSpec): string {
  const named = [...spec.flags].reverse().find((f) => f.name === 'name')?.value;
  const fromImage = spec.image?.split('@')[0]?.split('/').pop()?.split(':')[0];
  for (const candidate of [named, spec.service, fromImage]) {
    const clean = candidate?.toLowerCase().replace(/[^a-z0-9_.-]/g, '-');
    if (clean !== undefined && /^[a-z0-9][a-z0-9_.-]*$/.test(clean)) return clean;
  }
  return 'app';
}

/**
 * Writes a spec as a Compose service that sends Docker Engine the same request: `entrypoint` and
 * `command` as YAML lists (never strings go-shellwords would split again), every `$` in every value
 * written `$$` (Compose interpolates the whole file), `init: true`, and each flag under its key
 * (`-e` → environment, `-p` → ports, `--mount` → the long volume syntax…). A flag with no key
 * gets a diagnostic naming it. Compose sends `entrypoint: []` and `['']` as written, so every
 * argv is exact and no image config is needed.
 */
export function specToCompose(spec: ContainerSpec): WriteResult<ComposeServiceOutput> {
  const diagnostics: Diagnostic[] = [];
  const service: Record<string, unknown> = {};
  if (spec.image !== undefined) service['image'] = escapeComposeDollars(spec.image);
  if (spec.entrypoint !== null) service['entrypoint'] = spec.entrypoint.map(escapeComposeDollars);
  if (spec.cmd !== null) service['command'] = spec.cmd.map(escapeComposeDollars);
  if (spec.init) service['init'] = true;
  for (const f of spec.flags) writeFlag(service, f, diagnostics);
  return { ok: true, complete: true, value: { name: serviceName(spec), service }, diagnostics };
}

function writeFlag(service: Record<string, unknown>, f: SpecFlag, diagnostics: Diagnostic[]): void {
  const field = COMPOSE_FIELD_BY_FLAG.get(f.name);
  const value = escapeComposeDollars(f.value);
  if (field !== undefined) {
    switch (field.kind) {
      case 'list':
        return addListItem((service[field.key] ??= []) as string[], field.key, value);
      case 'bool':
        service[field.key] = parseGoBool(f.value) === true;
        return;
      case 'int':
        service[field.key] = /^-?\d+$/.test(f.value) ? Number(f.value) : value;
        return;
      case 'number':
        service[field.key] = /^\d+(?:\.\d+)?$/.test(f.value) ? Number(f.value) : value;
        return;
      default:
        service[field.key] = value;
        return;
    }
  }
  if (f.name === 'mount') return writeMount(service, f, diagnostics);
  if (f.name === 'log-driver') return logging(service, 'driver', value);
  if (f.name === 'log-opt') return logOption(service, value);
  if (f.name === 'ulimit') return ulimit(service, f, diagnostics);
  if ((f.name === 'rm' || f.name === 'detach' || f.name === 'sig-proxy') && parseGoBool(f.value) === false) return;
  diagnostics.push(noCounterpart(`--${f.name}${f.value === 'true' ? '' : ` ${f.value}`}`, 'Compose', f.location, RUN_ONLY[f.name] ?? ''));
}

/**
 * Compose lists hold each item once (docker-compose 1.29 refuses duplicates: "contains non-unique
 * items"; probed 2026-12-02): a repeated item is dropped, and a variable set again replaces its value
 * in place, as `docker run -e` keeps the last value of a name.
 */
function addListItem(list: string[], key: string, item: string): void {
  if (key === 'environment') {
    const name = item.split('=')[0] as string;
    const at = list.findIndex((e) => e.split('=')[0] === name);
    if (at >= 0) {
      list[at] = item;
      return;
    }
  }
  if (!list.includes(item)) list.push(item);
}

function logging(service: Record<string, unknown>, key: string, value: unknown): void {
  ((service['logging'] ??= {}) as Record<string, unknown>)[key] = value;
}

function logOption(service: Record<string, unknown>, value: string): void {
  const eq = value.indexOf('=');
  const options = (((service['logging'] ??= {}) as Record<string, unknown>)['options'] ??= {}) as Record<string, string>;
  options[eq < 0 ? value : value.slice(0, eq)] = eq < 0 ? '' : value.slice(eq + 1);
}

/** `--ulimit nofile=1024:2048` → `ulimits: { nofile: { soft: 1024, hard: 2048 } }`. */
function ulimit(service: Record<string, unknown>, f: SpecFlag, diagnostics: Diagnostic[]): void {
  const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(f.value);
  if (m === null) return void diagnostics.push(noCounterpart(`--ulimit ${f.value}`, 'Compose', f.location, 'It is not name=soft[:hard].'));
  const ulimits = (service['ulimits'] ??= {}) as Record<string, unknown>;
  ulimits[m[1] as string] = m[3] === undefined ? Number(m[2]) : { soft: Number(m[2]), hard: Number(m[3]) };
}

/** `--mount type=bind,source=/a,target=/b,readonly` → the long volume syntax; other mount options are noted. */
function writeMount(service: Record<string, unknown>, f: SpecFlag, diagnostics: Diagnostic[]): void {
  const volume: Record<string, unknown> = {};
  for (const part of f.value.split(',')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const val = eq < 0 ? '' : part.slice(eq + 1);
    if (key === 'type') volume['type'] = val;
    else if (key === 'source' || key === 'src') volume['source'] = escapeComposeDollars(val);
    else if (key === 'target' || key === 'destination' || key === 'dst') volume['target'] = escapeComposeDollars(val);
    else if (key === 'readonly' || key === 'ro') volume['read_only'] = eq < 0 || parseGoBool(val) === true;
    else diagnostics.push(noCounterpart(`--mount option ${part}`, 'Compose long volume syntax', f.location));
  }
  volume['type'] ??= 'volume';
  ((service['volumes'] ??= []) as unknown[]).push(volume);
}
