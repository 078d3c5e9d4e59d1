import { describe, expect, test } from 'vitest';
import { bytesToQuantity, cpusToQuantity } from '../../src/kubernetes/from-run.js';
import { DIAGNOSTICS, parseRunCommandLine, runFlagsToKubernetes } from '../../src/index.js';

describe('runFlagsToKubernetes', () => {
  test('seed: memory limit and reservation', () => {
    const r = parseRunCommandLine('docker run -d -m 512m --memory-reservation=256m --name 512-limit ubuntu sleep 3600');
    if (!r.ok) throw new Error('parse failed');
    const k = runFlagsToKubernetes(r);
    expect(k.container).toEqual({ resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi' } }, name: '512-limit' });
    expect(k.diagnostics.map((d) => d.code)).toContain('run-flag-no-kubernetes');
  });
  test.for([
    { line: 'docker run -m 1g img', container: { resources: { limits: { memory: '1Gi' } } }, pod: {} },
    { line: 'docker run -m 1536k --cpus 1.5 img', container: { resources: { limits: { memory: '1536Ki', cpu: '1500m' } } }, pod: {} },
    { line: 'docker run -m 1000 img', container: { resources: { limits: { memory: '1000' } } }, pod: {} },
    { line: 'docker run --restart=on-failure:3 img', container: {}, pod: { restartPolicy: 'OnFailure' } },
    { line: 'docker run --restart no img', container: {}, pod: { restartPolicy: 'Never' } },
    { line: 'docker run --restart unless-stopped img', container: {}, pod: { restartPolicy: 'Always' } },
    {
      line: 'docker run -u 1000:2000 -w /srv -e A=1 -e A=2 img',
      container: { securityContext: { runAsUser: 1000, runAsGroup: 2000 }, workingDir: '/srv', env: [{ name: 'A', value: '2' }] },
      pod: {},
    },
    {
      line: "docker run -e 'P=$$5 $(B)' -e B=1 img",
      container: {
        env: [
          { name: 'P', value: '$$$$5 $$(B)' },
          { name: 'B', value: '1' },
        ],
      },
      pod: {},
    },
    { line: 'docker run --pull always -h web img', container: { imagePullPolicy: 'Always' }, pod: { hostname: 'web' } },
    {
      line: 'docker run -it -p 127.0.0.1:8080:80/udp img',
      container: { stdin: true, tty: true, ports: [{ containerPort: 80, hostPort: 8080, hostIP: '127.0.0.1', protocol: 'UDP' }] },
      pod: {},
    },
  ])('$line', ({ line, container, pod }) => {
    const r = parseRunCommandLine(line);
    if (!r.ok) throw new Error('parse failed');
    const k = runFlagsToKubernetes(r);
    expect(k.container).toEqual(container);
    expect(k.pod).toEqual(pod);
    for (const d of k.diagnostics) expect(DIAGNOSTICS).toHaveProperty(d.code);
  });
});

// Source: docker 20.10.24 (cgroup v1, cgroupfs, 2 CPUs), 2026-11-28. The daemon sets the CFS quota
// NanoCpus × 100000 / 1e9, truncated, period 100000 (moby v20.10.24 daemon/daemon_unix.go
// getCPUResources); read inside `docker run --rm --cpus V -v /bin/busybox:/bin/busybox:ro argvbase:1
// /bin/busybox cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us`: 1.5 → 150000, 1.0000001 → 100000, 0.01 → 1000,
// 1.23456 → 123456, 18446744074.709551616 → 100000, 0.000001 and 0.0000099 → -1 (unset). `docker start`
// of 0.005 / 0.00999 / 0.00001: `failed to write "500"` / "999" / "1" … cpu.cfs_quota_us: invalid argument.
// `docker create` of -1, 1e10, 1e11, 100000: "Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs
// available"; 0 and 1e400 (NanoCpus 0) run unlimited. Wrapped counts, 2026-11-29 (same host): 18446744075.209551616
// → NanoCpus 1500000000, quota 150000; 18446744073.719551616 → 10000000, quota 1000; 18446744073.714551616 →
// 5000000, `docker start`: failed to write "500" … cpu.cfs_quota_us: invalid argument. The refusal is
// "range of CPUs…" from Docker 27.5 (below). Kubernetes: kubelet MilliCPUToQuota = milliCPU × 100.
const DOCKER_CPUS_K8S: { value: string; cpu?: string; code?: string; says?: string }[] = [
  { value: '1.5', cpu: '1500m' },
  { value: '3/2', cpu: '1500m' },
  { value: '2', cpu: '2' },
  { value: '1.0000001', cpu: '1' },
  { value: '0.01', cpu: '10m' },
  { value: '0.0105', cpu: '11m', code: 'run-cpus-rounded', says: 'CFS quota of 1050 µs per 100 ms' },
  { value: '1.23456', cpu: '1235m', code: 'run-cpus-rounded', says: 'so the limit is 1235m (123500 µs)' },
  { value: '0.005', code: 'run-flag-no-kubernetes', says: 'cannot start it: --cpus "0.005" is a CFS quota of 500 µs' },
  { value: '0.00999', code: 'run-flag-no-kubernetes', says: '"999" to cpu.cfs_quota_us on cgroup v1, "999 100000" to cpu.max on v2' },
  { value: '0.00001', code: 'run-flag-no-kubernetes', says: '"1" to cpu.cfs_quota_us' },
  { value: '0.000001', code: 'run-flag-no-kubernetes', says: 'docker sets no CPU limit for --cpus "0.000001"' },
  { value: '0.0000099', code: 'run-flag-no-kubernetes', says: 'is 0 µs, which runc leaves unset' },
  { value: '0.000000001', code: 'run-flag-no-kubernetes', says: 'no CPU limit' },
  { value: '0' },
  { value: '-1', code: 'run-flag-no-kubernetes', says: 'the daemon refuses --cpus "-1": NanoCpus is negative ("range of CPUs is from 0.01 to N.00' },
  {
    value: '1e10',
    code: 'run-flag-no-kubernetes',
    says: 'the daemon refuses --cpus "1e10" (NanoCpus overflows int64 and the CLI sends the wrapped -8446744073709551616): NanoCpus is negative',
  },
  { value: '1e11', code: 'run-flag-no-kubernetes', says: 'the CLI sends the wrapped 7766279631452241920) on any host with fewer CPUs' },
  {
    value: '18446744074.709551616',
    cpu: '1',
    code: 'run-cpus-wrapped',
    says: 'the CLI sends the wrapped 1000000000): the container gets the CPU limit of 1000000000 nano-CPUs, not the value written; limits.cpu is 1',
  },
  { value: '18446744075.209551616', cpu: '1500m', code: 'run-cpus-wrapped', says: 'the wrapped 1500000000' },
  { value: '18446744073.719551616', cpu: '10m', code: 'run-cpus-wrapped', says: 'the wrapped 10000000' },
  {
    value: '18446744073.714551616',
    code: 'run-flag-no-kubernetes',
    says: 'cannot start it: --cpus "18446744073.714551616" (NanoCpus overflows int64 and the CLI sends the wrapped 5000000) is a CFS quota of 500 µs',
  },
  { value: '1e400', code: 'run-flag-no-kubernetes', says: 'docker sets no CPU limit for --cpus "1e400" (NanoCpus overflows int64 and the CLI sends the wrapped 0)' },
  { value: '100000', code: 'run-flag-no-kubernetes', says: 'above 92233.72 CPUs its quota arithmetic overflows int64' },
  { value: '92233.720368547', cpu: '92233721m', code: 'run-cpus-rounded' },
  { value: '92233.720368548', code: 'run-flag-no-kubernetes', says: 'quota arithmetic overflows int64' },
  { value: '1/3', code: 'run-flag-no-kubernetes', says: 'docker refuses --cpus "1/3" (value is too precise)' },
];

describe('runFlagsToKubernetes --cpus (docker): the CFS quota the daemon sets', () => {
  test.for(DOCKER_CPUS_K8S)('$value', ({ value, cpu, code, says }) => {
    const k = runFlagsToKubernetes([{ name: 'cpus', value, spelled: '--cpus', location: { line: 1, column: 1 } }]);
    expect(k.container.resources?.limits?.cpu).toBe(cpu);
    expect(cpusToQuantity(value)).toBe(cpu);
    const diagnostics = k.diagnostics.filter((d) => d.code !== 'run-restart-default');
    expect(diagnostics.map((d) => d.code)).toEqual(code === undefined ? [] : [code]);
    if (says !== undefined) expect(diagnostics[0]?.message).toContain(says);
  });
});

// Source: moby daemon/daemon_unix.go verifyPlatformContainerResources: "Range of CPUs is from 0.01 to %d.00, …" at
// v20.10.24 (probed: "…to 2.00, as there are only 2 CPUs available") through v27.4.1; "range of CPUs …" from
// v27.5.0 (9b974d599a) and at docker-v29.7.2.
const DOCKER_CPU_RANGE_BY_VERSION: { engineVersion?: string; first: string }[] = [
  { engineVersion: '20.10.24', first: 'Range' },
  { engineVersion: '27.4.1', first: 'Range' },
  { engineVersion: '27.5.0', first: 'range' },
  { engineVersion: '28.0', first: 'range' },
  { first: 'range' },
];

describe('runFlagsToKubernetes --cpus (docker): the range refusal by engine version', () => {
  test.for(DOCKER_CPU_RANGE_BY_VERSION)('$engineVersion', ({ engineVersion, first }) => {
    const options = engineVersion === undefined ? {} : { engineVersion };
    const parsed = parseRunCommandLine('docker run --cpus -1 img', options);
    if (!parsed.ok) throw new Error(parsed.issues[0].message);
    const message = runFlagsToKubernetes(parsed, options).diagnostics.find((d) => d.code === 'run-flag-no-kubernetes')?.message;
    expect(message).toContain(`("${first} of CPUs is from 0.01 to N.00, as there are only N CPUs available", N = the host's CPUs)`);
  });
});

// Source: podman 4.3.1 (amd64), 2026-11-28: `podman create --cpus V argvbase:1 /argv`, inspect
// `.HostConfig.CpuQuota` (period 100000): 1.23456789 → 123456, 1.0000000001 → 100000, 0.0100000009 → 1000,
// 1.23456 → 123456, 0x1p-2 → 25000, 1e1_0 → 1000000000000000, 92233720368547.75 → 9223372036854774784;
// 0.00999999, 1e-10, 0x1p-1074, inf, +Infinity, 1e300, 1.7e308, 9.3e13, 92233720368547.76 → "Error: CPU cfs
// quota cannot be less than 1ms (i.e. 1000)" (int64(cpus × 100000) past int64 is MinInt64 on amd64);
// -1, 0, NaN, -inf, -1e300, 1e-400 → no limit (podman pkg/specgenutil: only CPUS > 0 sets one).
describe('runFlagsToKubernetes --cpus (podman)', () => {
  test.for([
    { value: '1.23456789', cpu: '1235m', code: 'run-cpus-rounded' },
    { value: '1.23456', cpu: '1235m', code: 'run-cpus-rounded' },
    { value: '1.0000000001', cpu: '1' },
    { value: '0.0100000009', cpu: '10m' },
    { value: '0x1p-2', cpu: '250m' },
    { value: '1e1_0', cpu: '10000000000' },
    { value: '-1', cpu: undefined },
    { value: '0', cpu: undefined },
    { value: 'NaN', cpu: undefined },
    { value: '-inf', cpu: undefined },
    { value: '-1e300', cpu: undefined },
    { value: '1e-400', cpu: undefined },
    { value: '0.00999999', cpu: 'refused' },
    { value: '1e-10', cpu: 'refused' },
    { value: '0x1p-1074', cpu: 'refused' },
    { value: 'inf', cpu: 'refused (MinInt64)' },
    { value: '+Infinity', cpu: 'refused (MinInt64)' },
    { value: '1e300', cpu: 'refused (MinInt64)' },
    { value: '1.7e308', cpu: 'refused (MinInt64)' },
    { value: '9.3e13', cpu: 'refused (MinInt64)' },
    { value: '92233720368547.76', cpu: 'refused (MinInt64)' },
  ])('$value', ({ value, cpu, code }) => {
    const r = parseRunCommandLine(['podman', 'create', '--cpus', value, 'img']);
    if (!r.ok) throw new Error(r.issues[0].message);
    const k = runFlagsToKubernetes(r);
    const refusal = k.diagnostics.find((d) => d.message.includes('CPU cfs quota cannot be less than 1ms (i.e. 1000)'));
    const got = refusal === undefined ? k.container.resources?.limits?.cpu : refusal.message.includes('-9223372036854775808 on amd64') ? 'refused (MinInt64)' : 'refused';
    expect(got).toBe(cpu);
    const codes = k.diagnostics.map((d) => d.code).filter((c) => c !== 'run-restart-default');
    expect(codes).toEqual(code !== undefined ? [code] : refusal ? ['run-flag-no-kubernetes'] : []);
  });
});

// Source: podman 4.3.1 CLI (GO_QUOTED_VALUES in test/run/command-line.test.ts): bare flags with options.engine 'podman' follow podman's
// ParseFloat; a parsed line keeps its own engine.
describe('runFlagsToKubernetes options.engine', () => {
  const cpus = (value: string) => [{ name: 'cpus', value, spelled: '--cpus', location: { line: 1, column: 1 } }];
  test.for([
    { value: '1/4', says: 'podman refuses --cpus "1/4" (strconv.ParseFloat: parsing "1/4": invalid syntax)' },
    { value: '\x01', says: 'podman refuses --cpus "\\x01" (strconv.ParseFloat: parsing "\\x01": invalid syntax)' },
    { value: '1e400', says: 'podman refuses --cpus "1e400" (strconv.ParseFloat: parsing "1e400": value out of range)' },
  ])('podman $value', ({ value, says }) => {
    const k = runFlagsToKubernetes(cpus(value), { engine: 'podman' });
    expect(k.diagnostics.find((d) => d.code === 'run-flag-no-kubernetes')?.message).toBe(`${says}; not translated.`);
  });
  test('bare flags default to docker; a parsed docker line stays docker', () => {
    const messages = (k: ReturnType<typeof runFlagsToKubernetes>) => k.diagnostics.filter((d) => d.code === 'run-flag-no-kubernetes').map((d) => d.message);
    expect(runFlagsToKubernetes(cpus('1/4')).container.resources?.limits?.cpu).toBe('250m');
    const parsed = parseRunCommandLine('docker run --cpus -1 img');
    if (!parsed.ok) throw new Error(parsed.issues[0].message);
    expect(messages(runFlagsToKubernetes(parsed, { engine: 'podman' }))).toEqual([expect.stringContaining('the daemon refuses --cpus "-1"')]);
  });
});

// Flag families the rows above do not reach. Sources: Kubernetes API reference v1.34 core/v1 SecurityContext
// (capabilities are named without the CAP_ prefix; privileged; readOnlyRootFilesystem; runAsUser/runAsGroup are
// int64 ids), Container.name (a DNS-1123 label), imagePullPolicy (Always | IfNotPresent | Never); docker run
// reference (--pull always|missing|never, --cap-add/--cap-drop, -e NAME copies the client's variable).
describe('runFlagsToKubernetes: other flag families', () => {
  test.for([
    {
      line: 'docker run --cap-add NET_ADMIN,cap_sys_time --cap-drop ALL img',
      container: { securityContext: { capabilities: { add: ['NET_ADMIN', 'SYS_TIME'], drop: ['ALL'] } } },
      codes: [],
    },
    { line: 'docker run --privileged --read-only img', container: { securityContext: { privileged: true, readOnlyRootFilesystem: true } }, codes: [] },
    { line: 'docker run --privileged=false -i=false img', container: {}, codes: [] },
    { line: 'docker run -u app img', container: {}, codes: ['run-user-name'] },
    { line: 'docker run --name My_App img', container: { name: 'My_App' }, codes: ['run-name-not-dns-label'] },
    { line: 'docker run -e HOME img', container: {}, codes: ['run-env-from-client'] },
    { line: 'docker run --pull missing img', container: { imagePullPolicy: 'IfNotPresent' }, codes: [] },
    { line: 'docker run --pull never img', container: { imagePullPolicy: 'Never' }, codes: [] },
    // Object.prototype names are not pull policies (a plain-object lookup once returned a function here).
    { line: 'docker run --pull toString img', container: {}, codes: ['run-flag-no-kubernetes'] },
    { line: 'podman run --pull constructor img', container: {}, codes: ['run-flag-no-kubernetes'] },
    { line: 'docker run --expose 8080/udp -p 8000-8010:80 img', container: { ports: [{ containerPort: 8080, protocol: 'UDP' }] }, codes: ['run-flag-no-kubernetes'] },
    {
      line: 'docker run -p 80 -p 443 img',
      container: {
        ports: [
          { containerPort: 80, protocol: 'TCP' },
          { containerPort: 443, protocol: 'TCP' },
        ],
      },
      codes: ['run-publish-needs-service'],
    },
    { line: 'docker run -d --rm=false --init=false img', container: {}, codes: ['run-flag-no-kubernetes'] },
    { line: 'docker run -v /data:/data --network host img', container: {}, codes: ['run-flag-no-kubernetes', 'run-flag-no-kubernetes'] },
    { line: 'docker run -m 0 img', container: {}, codes: [] },
  ])('$line', ({ line, container, codes }) => {
    const r = parseRunCommandLine(line);
    if (!r.ok) throw new Error(r.issues[0].message);
    const k = runFlagsToKubernetes(r);
    expect(k.container).toEqual(container);
    expect(k.diagnostics.map((d) => d.code).filter((c) => c !== 'run-restart-default')).toEqual(codes);
  });

  test('without --restart the Pod default (Always) is pointed out once; with it, not', () => {
    const codes = (line: string) => {
      const r = parseRunCommandLine(line);
      return r.ok ? runFlagsToKubernetes(r).diagnostics.map((d) => d.code) : [];
    };
    expect(codes('docker run -m 1g img')).toEqual(['run-restart-default']);
    expect(codes('docker run --restart no img')).toEqual([]);
    expect(runFlagsToKubernetes([]).diagnostics).toEqual([]);
  });

  test('--restart with a policy docker does not have is not translated', () => {
    const k = runFlagsToKubernetes([{ name: 'restart', value: 'sometimes', spelled: '--restart sometimes', location: { line: 1, column: 12 } }]);
    expect(k.pod).toEqual({});
    expect(k.diagnostics).toEqual([
      { code: 'run-flag-no-kubernetes', severity: 'warning', message: '--restart=sometimes is not a Docker restart policy; not translated.', line: 1, column: 12 },
    ]);
  });
});

// Kubernetes quantity suffixes Ki, Mi, Gi are powers of 1024 (k8s.io/apimachinery resource.Quantity).
describe('bytesToQuantity', () => {
  test.for([
    [0, '0'],
    [1000, '1000'],
    [1024, '1Ki'],
    [1536 * 1024, '1536Ki'],
    [512 * 1024 ** 2, '512Mi'],
    [3 * 1024 ** 3, '3Gi'],
    [1024 ** 4, '1024Gi'],
  ] as const)('%i → %s', ([bytes, quantity]) => {
    expect(bytesToQuantity(bytes)).toBe(quantity);
  });
});
