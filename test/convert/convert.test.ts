import { describe, expect, test } from 'vitest';
import { convertContainer, toConvertYaml } from '../../src/convert/convert.js';
import { resolveComposeFile } from '../../src/compose/file.js';
import { resolveRunCommandLine } from '../../src/run/command-line.js';

// The examples of issue 17, each a case the npm converters got wrong (composerize 1.7.6,
// decomposerize 1.4.4, tried 2026-12-02; see docs/convert.md): the argv is checked with our resolvers.
const nginx = { entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'] };
const composeArgv = (yaml: string) => {
  const r = resolveComposeFile(yaml, { images: { nginx, img: {} } });
  const s = r.ok ? r.services[0] : undefined;
  return s !== undefined && s.result.ok && s.result.complete ? s.result.argv : undefined;
};

describe('convertContainer: the cases of issue 17', () => {
  test.for([
    [`docker run --entrypoint "" nginx x`, ['x']],
    [`docker run img printf "%s\\n" "a  b"`, ['printf', '%s\\n', 'a  b']],
    ['docker run img echo \\$HOME', ['echo', '$HOME']],
  ] as const)('%s → Compose runs %j', ([line, argv]) => {
    const r = convertContainer({ from: 'run', line }, { to: 'compose' });
    expect(r.ok && r.complete).toBe(true);
    if (!r.ok || !r.complete) return;
    expect(composeArgv(r.value.text)).toEqual(argv);
    expect(resolveRunCommandLine(line, line.includes('nginx') ? nginx : {})).toMatchObject({ ok: true, argv });
  });

  test('entrypoint [/bin/sh, -c] + command ["echo a  b"] → one --entrypoint word, the command kept whole', () => {
    const r = convertContainer({ from: 'compose', service: { image: 'nginx', entrypoint: ['/bin/sh', '-c'], command: ['echo a  b'] } }, { to: 'run' });
    expect(r.ok && r.complete && r.value.line).toBe("docker run --entrypoint /bin/sh nginx -c 'echo a  b'");
    expect(r.ok && r.complete && resolveRunCommandLine(r.value.line, nginx)).toMatchObject({ argv: ['/bin/sh', '-c', 'echo a  b'] });
  });

  test('Compose → Kubernetes keeps command and args apart (kompose #1067) and escapes $ once', () => {
    const r = convertContainer(
      { from: 'compose', service: { image: 'nginx', entrypoint: ['sh', '-c'], command: ['echo $HOME'] } },
      { to: 'kubernetes', kubernetesKind: 'Container' },
    );
    expect(r.ok && r.complete && r.value.container).toEqual({ name: 'nginx', image: 'nginx', command: ['sh', '-c'], args: ['echo $$HOME'] });
  });

  test('reader diagnostics come before writer diagnostics', () => {
    const r = convertContainer({ from: 'run', line: 'sudo docker run -v /a:/b app' }, { to: 'kubernetes' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['run-command-prefix', 'run-flag-no-kubernetes', 'run-restart-default']);
  });

  test('a wrong form is a TypeError', () => {
    expect(() => convertContainer({ from: 'x' } as never, { to: 'run' })).toThrow(TypeError);
    expect(() => convertContainer({ from: 'run', line: 'docker run a' }, { to: 'x' } as never)).toThrow(TypeError);
  });
});

describe('toConvertYaml', () => {
  test('strings double-quoted so YAML 1.1 readers (PyYAML in docker-compose 1.x) keep no/on/yes and 0755 as strings', () => {
    expect(toConvertYaml({ restart: 'no', a: ['on', '0755', 'x: y'] })).toBe('restart: "no"\na:\n  - "on"\n  - "0755"\n  - "x: y"\n');
  });
});
