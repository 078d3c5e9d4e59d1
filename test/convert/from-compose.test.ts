import { describe, expect, test } from 'vitest';
import { specFromCompose } from '../../src/convert/from-compose.js';

const flags = (service: Record<string, unknown>) => {
  const r = specFromCompose(service);
  return r.ok ? r.spec.flags.map((f) => `${f.name}=${f.value}`) : r.issues;
};
const codes = (service: Record<string, unknown>) => specFromCompose(service).diagnostics.map((d) => `${d.code} ${d.path ?? ''}`);

// Sources: compose-spec 05-services.md (field shapes: list or map environment/labels, long ports
// and volumes syntax, env_file objects), compose-go ShellCommand (strings split by go-shellwords).
describe('specFromCompose', () => {
  test('entrypoint and command as Compose sends them (strings split with go-shellwords)', () => {
    const r = specFromCompose({ image: 'app', entrypoint: 'sh -c', command: ['echo $HOME'], init: true });
    expect(r.ok && r.spec).toMatchObject({ image: 'app', entrypoint: ['sh', '-c'], cmd: ['echo $HOME'], init: true });
    expect(specFromCompose({ entrypoint: [] }).ok && (specFromCompose({ entrypoint: [] }) as { spec: { entrypoint: unknown } }).spec.entrypoint).toEqual([]);
  });

  test.for([
    [{ environment: { A: '1', B: null, C: 3 } }, ['env=A=1', 'env=B', 'env=C=3']],
    [{ environment: ['A=1', 'B'] }, ['env=A=1', 'env=B']],
    [{ labels: { a: 'b', c: null } }, ['label=a=b', 'label=c=']],
    [{ ports: ['8080:80', 53, { target: 80, published: 8081, host_ip: '127.0.0.1', protocol: 'udp' }] }, ['publish=8080:80', 'publish=53', 'publish=127.0.0.1:8081:80/udp']],
    [{ volumes: ['/a:/b:ro', { type: 'bind', source: '/x', target: '/y', read_only: true }] }, ['volume=/a:/b:ro', 'mount=type=bind,source=/x,target=/y,readonly']],
    [{ env_file: ['a.env', { path: 'b.env' }] }, ['env-file=a.env', 'env-file=b.env']],
    [{ working_dir: '/w', user: '1000:1000', tty: true, stdin_open: true, restart: 'always' }, ['workdir=/w', 'user=1000:1000', 'tty=true', 'interactive=true', 'restart=always']],
    [{ mem_limit: '512m', cpus: 1.5, container_name: 'web', hostname: 'h', network_mode: 'host' }, ['memory=512m', 'cpus=1.5', 'name=web', 'hostname=h', 'network=host']],
    [{ deploy: { resources: { limits: { memory: '1g', cpus: '2' } } } }, ['memory=1g', 'cpus=2']],
    [
      { logging: { driver: 'json-file', options: { 'max-size': '1m' } }, ulimits: { nofile: { soft: 1, hard: 2 }, nproc: 5 } },
      ['log-driver=json-file', 'log-opt=max-size=1m', 'ulimit=nofile=1:2', 'ulimit=nproc=5'],
    ],
  ] as const)('%j', ([service, expected]) => expect(flags(service)).toEqual(expected));

  test('every key without a docker run counterpart is named; x- extensions are not settings', () => {
    expect(codes({ image: 'a', build: '.', depends_on: ['db'], networks: ['n'], healthcheck: {}, 'x-meta': 1 })).toEqual([
      'convert-no-counterpart service.build',
      'convert-no-counterpart service.depends_on',
      'convert-no-counterpart service.networks',
      'convert-no-counterpart service.healthcheck',
    ]);
  });

  test('relative paths are diagnosed', () => {
    expect(codes({ volumes: ['./data:/data'], env_file: '.env' })).toEqual(['convert-relative-path service.volumes[0]']);
  });

  test('a string Compose truncates is diagnosed as resolveCompose does', () => {
    expect(codes({ command: 'echo a && echo b' })).toContain('compose-command-truncated service.command');
  });
});
