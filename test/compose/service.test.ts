import { describe, expect, test } from 'vitest';
import { composeToKubernetes, parseComposeCommand, resolveCompose, resolveKubernetes, type ImageConfig } from '../../src/index.js';
import { vectorsOf } from '../fixtures/vectors.js';

type OciImage = { Entrypoint?: string[] | null; Cmd?: string[] | null };
const oci = (o: OciImage): ImageConfig => ({ entrypoint: o.Entrypoint ?? null, cmd: o.Cmd ?? null });

describe('parseComposeCommand', () => {
  test('null/absent is unset, distinct from empty', () => {
    expect(parseComposeCommand(null)).toEqual({ ok: true, command: null, diagnostics: [] });
    expect(parseComposeCommand(undefined)).toEqual({ ok: true, command: null, diagnostics: [] });
    expect(parseComposeCommand('')).toEqual({ ok: true, command: [], diagnostics: [] });
    expect(parseComposeCommand([])).toEqual({ ok: true, command: [], diagnostics: [] });
  });
  test('truncation is diagnosed', () => {
    const got = parseComposeCommand("echo '1' && tail -f /dev/null", { path: 'services.a.command' });
    expect(got).toMatchObject({ ok: true, command: ['echo', '1'], diagnostics: [{ code: 'compose-command-truncated', path: 'services.a.command' }] });
    expect(parseComposeCommand('ls -la 2>foo').diagnostics?.[0]?.message).toMatch(/"2>foo"/);
  });
  test('errors and wrong types are issues', () => {
    expect(parseComposeCommand('foo()')).toMatchObject({ ok: false, issues: [{ code: 'compose-command-invalid', message: 'invalid command line string' }] });
    expect(parseComposeCommand(42)).toMatchObject({ ok: false, issues: [{ code: 'compose-command-type' }] });
    expect(parseComposeCommand(['a', 1], { path: 'command' })).toMatchObject({ ok: false, issues: [{ path: 'command[1]' }] });
  });
  test('version option', () => {
    expect(parseComposeCommand('echo \\t', { shellwordsVersion: '1.0.12' })).toMatchObject({ command: ['echo', 't'] });
    expect(parseComposeCommand('echo \\t')).toMatchObject({ command: ['echo', '\t'] });
  });
});

describe('resolveCompose', () => {
  describe('spec vectors (compose-up)', () => {
    test.for(vectorsOf('compose-up'))('$id: $description', (v) => {
      const service = { ...(v.input['service'] as Record<string, unknown>) };
      if ('afterInterpolation' in v.expected) service['command'] = v.expected['afterInterpolation'];
      const got = resolveCompose(oci(v.input['image'] as OciImage), service);
      if ('error' in v.expected) expect(got).toMatchObject({ ok: false, issues: [{ code: 'no-command', message: v.expected['error'] }] });
      else expect(got.ok && got.argv).toEqual(v.expected['argv']);
      if ('engineConfig' in v.expected) {
        const cfg = v.expected['engineConfig'] as { Entrypoint: string[] | null; Cmd: string[] | null };
        expect(got.ok && got.request).toEqual({ entrypoint: cfg.Entrypoint, cmd: cfg.Cmd });
      }
    });
  });

  describe('spec vectors (compose-run)', () => {
    test.for(vectorsOf('compose-run'))('$id: $description', (v) => {
      const cli = v.input['cli'] as string[];
      let entrypoint: string | undefined;
      let i = 0;
      if (cli[0] === '--entrypoint') {
        entrypoint = cli[1];
        i = 2;
      }
      const command = cli.slice(i + 1); // skip the service name
      const got = resolveCompose(oci(v.input['image'] as OciImage), v.input['service'] as Record<string, unknown>, {
        ...(entrypoint !== undefined && { entrypoint }),
        command,
      });
      expect(got.ok && got.argv).toEqual(v.expected['argv']);
    });
  });

  test('Engine contradicts the spec text: diagnosed', () => {
    const img = { entrypoint: ['echo', 'garbage'], cmd: ['echo', 'hi'] };
    expect(resolveCompose(img, { entrypoint: '' }).diagnostics.map((d) => d.code)).toContain('compose-empty-entrypoint-keeps-cmd');
    expect(resolveCompose({ cmd: ['c'] }, { command: [] }).diagnostics.map((d) => d.code)).toContain('compose-empty-command-keeps-cmd');
    expect(resolveCompose(img, { command: ['z'] }, { entrypoint: 'a' }).diagnostics.map((d) => d.code)).toContain('compose-run-drops-command');
  });
});

describe('composeToKubernetes', () => {
  describe('spec vectors (kompose)', () => {
    test.for(vectorsOf('kompose'))('$id: $description', (v) => {
      const got = composeToKubernetes(v.input['service'] as Record<string, unknown>);
      const want = v.expected['k8s'] as { command?: string[] | null; args?: string[] | null };
      expect(got.ok).toBe(true);
      if (!got.ok) return;
      if ('command' in want) expect(got.command).toEqual(want.command);
      if ('args' in want) expect(got.args).toEqual(want.args);
      if ('k8sArgv' in v.expected) {
        const img = oci(v.input['image'] as OciImage);
        const k8s = resolveKubernetes(img, { command: got.command, args: got.args });
        expect(k8s.ok && k8s.argv).toEqual(v.expected['k8sArgv']);
        expect(got.diagnostics.map((d) => d.code)).toContain('kompose-empty-entrypoint');
        const docker = resolveCompose(img, v.input['service'] as Record<string, unknown>);
        expect(docker.ok && docker.argv).toEqual(v.expected['dockerArgv']);
        const correct = composeToKubernetes(v.input['service'] as Record<string, unknown>, { variant: 'correct', image: img });
        const fixed = correct.ok ? resolveKubernetes(img, { command: correct.command, args: correct.args }) : correct;
        expect(fixed.ok && fixed.argv).toEqual(v.expected['dockerArgv']);
      }
    });
  });

  test('kompose rewrite quirks and the correct variant', () => {
    const svc = { command: ['sh', '-c', 'echo $HOME $MY_VAR $'] };
    const k = composeToKubernetes(svc);
    expect(k.ok && k.args).toEqual(['sh', '-c', 'echo $(HOME) $(MY)_VAR $()']);
    expect(k.diagnostics.map((d) => d.code)).toContain('kompose-dollar-rewrite');
    const c = composeToKubernetes(svc, { variant: 'correct' });
    const back = c.ok ? resolveKubernetes({}, { command: c.command, args: c.args, env: [{ name: 'HOME', value: 'x' }] }) : c;
    expect(back.ok && back.argv).toEqual(['sh', '-c', 'echo $HOME $MY_VAR $']);
  });

  test.for([
    { service: { entrypoint: [''], command: ['x', '$A'] }, argv: ['x', '$A'] },
    { service: { entrypoint: '""', command: 'x' }, argv: ['x'] },
  ])('correct variant: entrypoint [""] runs only the service command ($service.entrypoint)', ({ service, argv }) => {
    const img = { entrypoint: ['e'], cmd: ['c'] };
    const docker = resolveCompose(img, service);
    expect(docker.ok && docker.argv).toEqual(argv);
    const c = composeToKubernetes(service, { variant: 'correct', image: img });
    const k8s = c.ok ? resolveKubernetes(img, { command: c.command, args: c.args }) : c;
    expect(k8s.ok && k8s.argv).toEqual(argv);
  });

  test('correct variant: entrypoint [""] without a command fails like Docker', () => {
    const img = { entrypoint: ['e'], cmd: ['c'] };
    expect(resolveCompose(img, { entrypoint: [''] }).ok).toBe(false);
    const c = composeToKubernetes({ entrypoint: [''] }, { variant: 'correct', image: img });
    expect(c.ok).toBe(false);
  });
});
