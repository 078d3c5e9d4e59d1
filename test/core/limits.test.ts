import { describe, expect, test } from 'vitest';
import {
  DEFAULT_LIMITS,
  DIAGNOSTICS,
  evaluateDockerfile,
  imageConfigFromInspect,
  parseCommand,
  parseComposeCommand,
  parseDockerfile,
  parseRunCommandLine,
  resolveComposeFile,
  resolveManifests,
  type Limits,
} from '../../src/index.js';

// Caps on untrusted input (src/core/limits.ts): a hit cap is an `input-too-large` issue naming the cap,
// never a throw; the defaults let every real-world file through. Source: issue #7 (our decision).

const stages = (n: number) => Array.from({ length: n }, (_, i) => `FROM scratch AS s${i}\nCMD ["${i}"]`).join('\n');
const nested = (n: number) => `kind: Pod\nspec: ${'['.repeat(n)}${']'.repeat(n)}\n`;
const blockNested = (n: number) => {
  let s = 'kind: Pod\n';
  for (let i = 0; i < n; i++) s += `${' '.repeat(i)}k${i}:\n`;
  return s;
};

type Row = {
  name: string;
  call: (limits: Partial<Limits>) => { ok: boolean; issues?: readonly { code: string; limit?: string; line?: number }[] };
  limit: keyof Limits;
  tight: Partial<Limits>;
};

const rows: Row[] = [
  { name: 'Dockerfile length', call: (limits) => evaluateDockerfile('FROM scratch\nCMD ["x"]\n', { limits }), limit: 'maxInputLength', tight: { maxInputLength: 10 } },
  { name: 'parseDockerfile length', call: (limits) => parseDockerfile('FROM scratch\n', { limits }), limit: 'maxInputLength', tight: { maxInputLength: 5 } },
  { name: 'stages', call: (limits) => evaluateDockerfile(stages(20), { limits }), limit: 'maxStages', tight: { maxStages: 19 } },
  { name: 'instructions', call: (limits) => evaluateDockerfile(stages(20), { limits }), limit: 'maxInstructions', tight: { maxInstructions: 39 } },
  {
    name: 'instruction length',
    call: (limits) => evaluateDockerfile(`FROM scratch\nCMD ${'a \\\n'.repeat(100)}b\n`, { limits }),
    limit: 'maxInstructionLength',
    tight: { maxInstructionLength: 100 },
  },
  { name: 'parseCommand length', call: (limits) => parseCommand('["a", "b"]', { limits }), limit: 'maxInputLength', tight: { maxInputLength: 9 } },
  { name: 'compose command length', call: (limits) => parseComposeCommand('echo hi', { limits }), limit: 'maxInputLength', tight: { maxInputLength: 3 } },
  { name: 'inspect JSON length', call: (limits) => imageConfigFromInspect('{"Config":{"Cmd":["a"]}}', { limits }), limit: 'maxInputLength', tight: { maxInputLength: 10 } },
  { name: 'docker run line length', call: (limits) => parseRunCommandLine('docker run img', { limits }), limit: 'maxInputLength', tight: { maxInputLength: 10 } },
  { name: 'YAML length', call: (limits) => resolveManifests('kind: Pod\n', { images: {}, limits }), limit: 'maxInputLength', tight: { maxInputLength: 5 } },
  { name: 'YAML documents', call: (limits) => resolveManifests('---\nkind: Pod\n'.repeat(30), { images: {}, limits }), limit: 'maxYamlDocuments', tight: { maxYamlDocuments: 29 } },
  { name: 'YAML flow nesting', call: (limits) => resolveManifests(nested(40), { images: {}, limits }), limit: 'maxNestingDepth', tight: { maxNestingDepth: 20 } },
  { name: 'YAML block nesting', call: (limits) => resolveManifests(blockNested(40), { images: {}, limits }), limit: 'maxNestingDepth', tight: { maxNestingDepth: 20 } },
  {
    name: 'compose file nesting',
    call: (limits) => resolveComposeFile(`services: ${'{a: '.repeat(40)}`, { images: {}, limits }),
    limit: 'maxNestingDepth',
    tight: { maxNestingDepth: 20 },
  },
];

describe('limits', () => {
  test('the issue code is registered', () => {
    expect(DIAGNOSTICS['input-too-large']).toBeDefined();
  });

  test.for(rows)('$name: passes with the defaults, fails with a tight cap naming it', ({ call, limit, tight }) => {
    const free = call({});
    if (!free.ok) expect(free.issues?.[0]?.code).not.toBe('input-too-large');
    const capped = call(tight);
    expect(capped.ok).toBe(false);
    expect(capped.issues?.[0]).toMatchObject({ code: 'input-too-large', limit });
  });

  test('defaults accept the pathological-but-real sizes: thousands of stages, deep-enough YAML', () => {
    expect(evaluateDockerfile(stages(3_000)).ok).toBe(true);
    expect(resolveManifests(nested(100), { images: {} }).ok).toBe(false); // a list is not a pod spec
    expect(resolveManifests(nested(100), { images: {} })).not.toMatchObject({ issues: [{ code: 'input-too-large' }] });
  });

  test('deep YAML is refused before the yaml package recurses (fuzz seed 1, call 3366: `{a: ` x 20k overflowed the stack inside yaml)', () => {
    for (const text of [nested(100_000), blockNested(3_000), `kind: Pod\nspec: ${'{a: '.repeat(20_000)}`, blockNested(3_000).replaceAll('\n', '\r')]) {
      const got = resolveManifests(text, { images: {} });
      expect(got).toMatchObject({ ok: false, issues: [{ code: 'input-too-large', limit: 'maxNestingDepth' }] });
    }
  });

  test('quoted scalars and comments do not count as nesting', () => {
    const yaml = `kind: Pod\nspec:\n  containers:\n  - name: a # ${'['.repeat(600)}\n    image: x\n    args: ["${'['.repeat(600)}", '${'{'.repeat(600)}']\n`;
    const got = resolveManifests(yaml, { images: { x: { cmd: ['c'] } } });
    expect(got.ok).toBe(true);
  });

  test('BuildKit line limit stays engine behaviour (line-too-long), independent of the caps', () => {
    const got = evaluateDockerfile(`FROM scratch\nCMD ${'x'.repeat(70_000)}\n`, { limits: { maxInstructionLength: 10_000_000 } });
    expect(got).toMatchObject({ ok: false, issues: [{ code: 'line-too-long' }] });
  });

  test('bad limits are TypeErrors naming the field', () => {
    expect(() => evaluateDockerfile('FROM x', { limits: { maxStages: 'many' as unknown as number } })).toThrow(/options\.limits\.maxStages/);
    expect(() => parseCommand('x', { limits: null as unknown as Partial<Limits> })).toThrow(/options\.limits/);
  });

  test('DEFAULT_LIMITS is frozen', () => {
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
  });
});
