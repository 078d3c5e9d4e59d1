// Type tests for src/core/types.ts, checked by `tsc --noEmit` (npm test). The rules are the house style's
// (shared/style.md §6.2-6.3): one discriminant per concept, readonly argv, unset kept apart from empty,
// a non-empty issue tuple in every failure.
import { expectTypeOf, test } from 'vitest';
import type { Command, Diagnostic, EngineOptions, ExecCommand, Failure, ImageConfig, Issue, Issues, Location, ShellCommand } from '../../src/core/types.js';
import type { DiagnosticCode } from '../../src/core/diagnostics.js';
import type { ImageLookup } from '../../src/core/image-lookup.js';
import type { ResolveDockerRunResult } from '../../src/run/docker-run.js';

test('Command is discriminated by form', () => {
  expectTypeOf<Command['form']>().toEqualTypeOf<'exec' | 'shell'>();
  expectTypeOf<Extract<Command, { form: 'exec' }>>().toEqualTypeOf<ExecCommand>();
  expectTypeOf<Extract<Command, { form: 'shell' }>>().toEqualTypeOf<ShellCommand>();
  expectTypeOf<ExecCommand['args']>().toEqualTypeOf<readonly string[]>();
  expectTypeOf<ShellCommand['script']>().toEqualTypeOf<string>();
});

test('argv lists are readonly and may be unset (null or absent) apart from empty', () => {
  expectTypeOf<ImageConfig['entrypoint']>().toEqualTypeOf<readonly string[] | null | undefined>();
  expectTypeOf<ImageConfig['cmd']>().toEqualTypeOf<readonly string[] | null | undefined>();
  // @ts-expect-error: argv is readonly
  const push = (c: ImageConfig) => c.cmd?.push('x');
  void push;
});

test('Issues is a non-empty tuple; Failure carries it with ok: false', () => {
  expectTypeOf<Issues>().toEqualTypeOf<readonly [Issue, ...Issue[]]>();
  expectTypeOf<Failure['ok']>().toEqualTypeOf<false>();
  expectTypeOf<Failure['issues'][0]>().toEqualTypeOf<Issue>();
  // @ts-expect-error: an empty list is not Issues
  const none: Issues = [];
  void none;
});

test('issues and diagnostics are located the same way', () => {
  expectTypeOf<Issue>().toExtend<Location>();
  expectTypeOf<Diagnostic>().toExtend<Location>();
  expectTypeOf<Diagnostic['severity']>().toEqualTypeOf<'error' | 'warning' | 'info'>();
});

test('engine options are all optional strings of known values', () => {
  expectTypeOf<{}>().toExtend<EngineOptions>();
  expectTypeOf<NonNullable<EngineOptions['engine']>>().toEqualTypeOf<'docker' | 'podman'>();
  expectTypeOf<NonNullable<EngineOptions['builder']>>().toEqualTypeOf<'buildkit' | 'classic'>();
  // @ts-expect-error: exactOptionalPropertyTypes — an explicit undefined is not "absent"
  const explicit: EngineOptions = { engine: undefined };
  void explicit;
});

test('every issue and diagnostic code is a catalogued DiagnosticCode', () => {
  expectTypeOf<Issue['code']>().toEqualTypeOf<DiagnosticCode>();
  expectTypeOf<Diagnostic['code']>().toEqualTypeOf<DiagnosticCode>();
  // @ts-expect-error: a code that is not in DIAGNOSTICS
  const unknown: Issue = { code: 'no-such-code', message: 'x' };
  void unknown;
});

test('a switch over codes is checked by the compiler', () => {
  const describe = (result: Extract<ResolveDockerRunResult, Failure>): string => {
    const code = result.issues[0].code;
    switch (code) {
      case 'no-command':
        return 'nothing to run';
      // @ts-expect-error: not a code
      case 'no-commmand':
        return 'typo';
      default:
        return code;
    }
  };
  void describe;
});

test('one ImageLookup: a record of configs or of sourced answers, or a function', () => {
  const lookups: readonly ImageLookup[] = [
    { 'node:20': { cmd: ['node'] } },
    { app: { config: { cmd: ['serve'] }, source: { kind: 'file' } } },
    (ref: string) => (ref === 'x' ? { entrypoint: ['/x'] } : undefined),
  ];
  void lookups;
  // @ts-expect-error: a source kind the type does not know
  const bad: ImageLookup = { app: { config: {}, source: { kind: 'guess' } } };
  void bad;
});
