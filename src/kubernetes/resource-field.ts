/**
 * The value of a `resourceFieldRef` env source (the downward API) as the kubelet computes it from the
 * container's own `resources`, before the Pod runs. Sources (kubernetes/kubernetes): the kubelet's
 * makeEnvironmentVariables → defaultPodLimitsForDownwardAPI (pkg/kubelet/kubelet_resources.go: a limit of
 * cpu, memory or ephemeral-storage that is unset or zero becomes the node's allocatable) →
 * ExtractContainerResourceValue (pkg/api/v1/resource/helpers.go at f9cfc9d9: divisor 1 when unset or zero;
 * cpu `ceil(MilliValue / divisor.MilliValue)`, the others `ceil(Value / divisor.Value)`); the API server's
 * SetDefaults_Pod (pkg/apis/core/v1/defaults.go) gives a request that is unset the container's limit.
 */

/** A container's `resources` (quantities as YAML gives them). */
export interface KubernetesResources {
  readonly limits?: Readonly<Record<string, string | number>> | null;
  readonly requests?: Readonly<Record<string, string | number>> | null;
}

/** A quantity as an exact fraction `n / d` (d > 0). */
type Fraction = readonly [bigint, bigint];

/**
 * apimachinery's quantity grammar (resource.ParseQuantity): `<sign><digits>[.<digits>]` then a binary SI
 * suffix (Ki…Ei), a decimal SI suffix (n, u, m, k, M, G, T, P, E) or a decimal exponent (`e3`, `E-2`);
 * null when it is none. A YAML number is its decimal text.
 */
export function parseQuantity(value: string | number): Fraction | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:([KMGTPE]i)|([numkMGTPE]?)|[eE]([+-]?\d+))$/.exec(String(value));
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`;
  let n = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  let d = 10n ** BigInt((m[3] ?? '').length);
  // Binary SI: Ki = 2^10 … Ei = 2^60; decimal SI: n = 10^-9 … E = 10^18, three digits a step.
  if (m[4] !== undefined) n <<= BigInt(10 * ('KMGTPE'.indexOf(m[4].charAt(0)) + 1));
  else {
    const exp = m[6] !== undefined ? Number(m[6]) : 3 * 'num kMGTPE'.indexOf(m[5] || ' ') - 9;
    if (Math.abs(exp) > 1000) return null;
    if (exp >= 0) n *= 10n ** BigInt(exp);
    else d *= 10n ** BigInt(-exp);
  }
  return [n, d];
}

/** ⌈n / d⌉ for d > 0 (Quantity.Value and MilliValue round up, away from zero for the positive values resources hold). */
function ceilDiv(n: bigint, d: bigint): bigint {
  return n <= 0n ? n / d : (n + d - 1n) / d;
}

const DEFAULTS_TO_ALLOCATABLE = new Set(['cpu', 'memory', 'ephemeral-storage']);

/**
 * `resource` (`limits.cpu`, `requests.memory`, `limits.hugepages-2Mi`…) of a container with `resources`,
 * divided by `divisor`: the decimal text the kubelet sets, or undefined when only the node can tell (a cpu,
 * memory or ephemeral-storage limit not set: the node's allocatable) or the input is not one the API accepts.
 */
export function resourceFieldValue(resource: string, divisor: string | number | undefined, resources: KubernetesResources | null | undefined): string | undefined {
  const dot = resource.indexOf('.');
  const kind = resource.slice(0, dot);
  const name = resource.slice(dot + 1);
  if ((kind !== 'limits' && kind !== 'requests') || !(DEFAULTS_TO_ALLOCATABLE.has(name) || name.startsWith('hugepages-'))) return undefined;
  const limit = own(resources?.limits, name);
  // SetDefaults_Pod: an unset request is the limit.
  const given = kind === 'limits' ? limit : (own(resources?.requests, name) ?? limit);
  const q = given === undefined ? ([0n, 1n] as const) : parseQuantity(given);
  const div = divisor === undefined ? ([0n, 1n] as const) : parseQuantity(divisor);
  if (q === null || div === null) return undefined;
  // defaultPodLimitsForDownwardAPI: a zero or missing limit is the node's allocatable (never for hugepages).
  if (kind === 'limits' && DEFAULTS_TO_ALLOCATABLE.has(name) && q[0] === 0n) return undefined;
  const scale = name === 'cpu' ? 1000n : 1n;
  const value = ceilDiv(q[0] * scale, q[1]);
  const by = div[0] === 0n ? scale : ceilDiv(div[0] * scale, div[1]);
  return by <= 0n ? undefined : String(ceilDiv(value, by));
}

function own(map: Readonly<Record<string, string | number>> | null | undefined, key: string): string | number | undefined {
  const v = map != null && Object.hasOwn(map, key) ? map[key] : undefined;
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}
