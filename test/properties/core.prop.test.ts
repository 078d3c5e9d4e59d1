import { execFileSync } from 'node:child_process';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { formatArgv, formatCommand, imageConfigFrom, parseCommand, resolveDockerRun, type DockerRunOverrides, type ImageConfig } from '../../src/index.js';
import { argvArb, commandArb, imageArb, processWordArb, runArb, wordArb } from './arbitraries.js';

/**
 * Reference resolver written from semantics.md R3.1-R3.5 alone, as plainly as
 * possible, for the differential property.
 */
function referenceArgv(image: ImageConfig, run: DockerRunOverrides): string[] | 'error' {
  const args = run.args ?? [];
  let ep: readonly string[] = [];
  let cmd: readonly string[] = [];
  if (run.entrypoint !== undefined) {
    ep = run.entrypoint === '' ? [] : [run.entrypoint];
    cmd = args;
  } else {
    ep = image.entrypoint ?? [];
    cmd = args.length > 0 ? args : (image.cmd ?? []);
    if (ep.length === 1 && ep[0] === '') ep = [];
  }
  const argv = [...ep, ...cmd];
  if (argv.length === 0) return 'error';
  return run.init ? ['/sbin/docker-init', '--', ...argv] : argv;
}

describe('core properties', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 200 })])('parseCommand is total on any string', (text) => {
    const got = parseCommand(text);
    if (!got.ok) expect(got.issues.length).toBeGreaterThan(0);
    else expect(['exec', 'shell']).toContain(got.command.form);
  });

  test.prop([fc.json({ depthSize: 'small' })])('parseCommand is total on JSON text', (text) => {
    expect(() => parseCommand(text)).not.toThrow();
  });

  test.prop([argvArb])('exec form round-trips through formatCommand and parseCommand', (args) => {
    expect(parseCommand(formatCommand({ form: 'exec', args }))).toMatchObject({ ok: true, command: { form: 'exec', args } });
  });

  test.prop([fc.string({ maxLength: 80 })])('whatever parses prints back to text that parses to the same command', (text) => {
    const first = parseCommand(text);
    fc.pre(first.ok);
    if (!first.ok) return;
    expect(parseCommand(formatCommand(first.command))).toMatchObject({ ok: true, command: first.command });
  });

  test.prop([argvArb])("formatArgv(x, 'json') parses back to x", (argv) => {
    expect(JSON.parse(formatArgv(argv, 'json'))).toEqual(argv);
  });

  // Pinned at 60: each run starts a /bin/sh process.
  test.prop([fc.array(processWordArb, { maxLength: 5 })], { numRuns: 60 })("formatArgv(x, 'shell') round-trips through a real /bin/sh", (argv) => {
    const script = `printf '%s\\0' ${formatArgv(argv, 'shell')}`;
    const out = execFileSync('/bin/sh', ['-c', argv.length === 0 ? 'true' : script], { encoding: 'utf8' });
    expect(argv.length === 0 ? [] : out.split('\0').slice(0, -1)).toEqual(argv);
  });

  test.prop([imageArb, runArb])('resolveDockerRun agrees with the reference resolver', (image, run) => {
    const got = resolveDockerRun(image, run);
    const want = referenceArgv(image, run);
    if (want === 'error') expect(got).toMatchObject({ ok: false, issues: [{ code: 'no-command' }] });
    else expect(got.ok && got.argv).toEqual(want);
  });

  test.prop([argvArb.filter((a) => a.length > 0 && a[0] !== ''), commandArb, argvArb])('an exec-form ENTRYPOINT is a prefix of every argv', (entrypoint, cmd, args) => {
    const built = imageConfigFrom({ entrypoint: { form: 'exec', args: entrypoint }, cmd });
    if (!built.ok) return;
    const run = resolveDockerRun(built.config, { args });
    expect(run.ok && run.argv.slice(0, entrypoint.length)).toEqual(entrypoint);
  });

  test.prop([imageArb, fc.option(argvArb, { nil: null }), argvArb.filter((a) => a.length > 0)])('run args replace CMD whatever the image CMD is', (image, otherCmd, args) => {
    const a = resolveDockerRun(image, { args });
    const b = resolveDockerRun({ ...image, cmd: otherCmd }, { args });
    expect(a).toEqual(b);
    expect(a.ok && a.argv.slice(-args.length)).toEqual(args);
  });

  test.prop([imageArb, wordArb])('--entrypoint is never split and always drops the image CMD', (image, entrypoint) => {
    fc.pre(entrypoint !== '');
    const got = resolveDockerRun(image, { entrypoint });
    expect(got.ok && got.argv).toEqual([entrypoint]);
  });
});
