import { describe, expect, test } from 'vitest';
import { specToCompose } from '../../src/convert/to-compose.js';
import { specFlag, type ContainerSpec } from '../../src/convert/spec.js';

const spec = (more: Partial<ContainerSpec>): ContainerSpec => ({ image: 'app', entrypoint: null, cmd: null, init: false, flags: [], ...more });
const service = (more: Partial<ContainerSpec>) => {
  const r = specToCompose(spec(more));
  return r.ok && r.complete ? r.value.service : undefined;
};

// Sources: compose-spec 05-services.md and 12-interpolation.md (`$$` is a literal `$`); Compose
// sends entrypoint/command lists as the container's Entrypoint/Cmd (probed with docker-compose
// 1.29.2 on Docker 20.10.24, test/engine/convert-compose.test.ts, 2026-12-02).
describe('specToCompose', () => {
  test.for([
    [
      { entrypoint: [''], cmd: ['echo', '$HOME'] },
      { entrypoint: [''], command: ['echo', '$$HOME'] },
    ],
    [{ entrypoint: [] }, { entrypoint: [] }],
    [{ cmd: ['printf', '%s\\n', 'a  b'] }, { command: ['printf', '%s\\n', 'a  b'] }],
    [{ init: true }, { init: true }],
  ] as const)('%j', ([more, expected]) => expect(service(more)).toEqual({ image: 'app', ...expected }));

  test('flags under their keys, values escaped, booleans and numbers typed', () => {
    const flags = [
      specFlag('env', 'A=$x', '-e'),
      specFlag('publish', '80:80', '-p'),
      specFlag('tty', 'true', '-t'),
      specFlag('cpus', '1.5', '--cpus'),
      specFlag('pids-limit', '100', '--pids-limit'),
      specFlag('mount', 'type=bind,src=/a,dst=/b,ro', '--mount'),
      specFlag('log-driver', 'json-file', '--log-driver'),
      specFlag('log-opt', 'max-size=1m', '--log-opt'),
      specFlag('ulimit', 'nofile=1:2', '--ulimit'),
      specFlag('network', 'none', '--network'),
    ];
    expect(service({ flags })).toEqual({
      image: 'app',
      environment: ['A=$$x'],
      ports: ['80:80'],
      tty: true,
      cpus: 1.5,
      pids_limit: 100,
      volumes: [{ type: 'bind', source: '/a', target: '/b', read_only: true }],
      logging: { driver: 'json-file', options: { 'max-size': '1m' } },
      ulimits: { nofile: { soft: 1, hard: 2 } },
      network_mode: 'none',
    });
  });

  test('list items once: docker-compose 1.29 refuses duplicates (live probe 2026-12-02), a variable set again keeps its last value', () => {
    const flags = ['A=1', 'B=2', 'A=3', 'B=2'].map((v) => specFlag('env', v, '-e'));
    expect(service({ flags: [...flags, specFlag('label', 'l=x', '-l'), specFlag('label', 'l=x', '-l')] })).toEqual({ image: 'app', environment: ['A=3', 'B=2'], labels: ['l=x'] });
  });

  test('flags without a key are named; --rm=false and -d=false say nothing', () => {
    const r = specToCompose(
      spec({
        flags: [
          specFlag('rm', 'true', '--rm'),
          specFlag('detach', 'false', '-d=false'),
          specFlag('gpus', 'all', '--gpus'),
          specFlag('mount', 'type=bind,src=/a,dst=/b,bind-propagation=rshared', '--mount'),
        ],
      }),
    );
    expect(r.diagnostics.map((d) => d.message.split(' has no')[0])).toEqual(['--rm', '--gpus all', '--mount option bind-propagation=rshared']);
  });

  test('the service name: --name, else the image, else app', () => {
    const name = (more: Partial<ContainerSpec>) => {
      const r = specToCompose(spec(more));
      return r.ok && r.complete ? r.value.name : undefined;
    };
    expect(name({ flags: [specFlag('name', 'Web_1', '--name')] })).toBe('web_1');
    expect(name({ image: 'ghcr.io/org/my-app:1.2@sha256:abc' })).toBe('my-app');
    expect(name({ image: undefined })).toBe('app');
  });
});
