import { describe, expect, test } from 'vitest';
import * as lib from '../../src/index.js';
import { interpolateCompose } from '../../src/compose/file.js';
import { readDotEnvFiles } from '../../src/compose/dotenv.js';
import { komposeRewriteArg } from '../../src/compose/service.js';
import { splitGoShellwords } from '../../src/compose/go-shellwords.js';
import { shellScriptIndex } from '../../src/core/argv-analysis.js';
import { engineProfile } from '../../src/core/engine-profile.js';
import { quoteShellWord } from '../../src/core/format-argv.js';
import { kubernetesProfile } from '../../src/kubernetes/expansion.js';
import { bytesToQuantity, cpusToQuantity } from '../../src/kubernetes/from-run.js';
import { parseDockerBytes, parseDockerCpus, parseGoBool } from '../../src/run/command-line.js';
import { splitShellWords } from '../../src/run/posix-words.js';

// Totality (issue #7): every public function returns a result or an issue for any input of its
// declared types, and throws a TypeError naming the parameter for a value of the wrong JS type.
// Source: CONTRIBUTING.md ("Domain input never throws"); rows found by `npm run fuzz` cite the seed.

type Kind = 'string' | 'object' | 'object-or-null' | 'array' | 'number' | 'string-or-array';
/** [function, valid arguments, parameters to corrupt: index, expected name in the message, kind, optional]. */
type Row = readonly [name: string, args: readonly unknown[], params: readonly (readonly [index: number, name: string, kind: Kind, optional?: boolean])[]];

const image = { entrypoint: ['/e'], cmd: ['c'] };
const table = lib.entrypointCmdTable();
const imageRef = (lib.parseImageReference('node') as { reference: lib.ImageReference }).reference;
const rows: readonly Row[] = [
  [
    'parseCommand',
    ['["a"]', {}],
    [
      [0, 'text', 'string'],
      [1, 'options', 'object', true],
    ],
  ],
  ['formatCommand', [{ form: 'exec', args: ['a'] }], [[0, 'command', 'object']]],
  ['isExecForm', [{ form: 'exec', args: ['a'] }], [[0, 'command', 'object']]],
  ['isShellForm', [{ form: 'shell', script: 'a' }], [[0, 'command', 'object']]],
  ['engineProfile', [{}], [[0, 'options', 'object', true]]],
  ['imageConfigFrom', [{}], [[0, 'input', 'object']]],
  [
    'resolveDockerRun',
    [image, {}, {}],
    [
      [0, 'image', 'object'],
      [1, 'run', 'object', true],
      [2, 'options', 'object', true],
    ],
  ],
  [
    'resolveContainerConfig',
    [image, {}],
    [
      [0, 'image', 'object'],
      [1, 'request', 'object'],
    ],
  ],
  [
    'analyzeArgv',
    [['sh', '-c', 'x'], { entrypointLength: 0 }],
    [
      [0, 'argv', 'array'],
      [1, 'origin', 'object'],
    ],
  ],
  ['shellScriptIndex', [['sh', '-c', 'x']], [[0, 'argv', 'array']]],
  ['formatArgv', [['a'], 'json'], [[0, 'argv', 'array']]],
  ['quoteShellWord', ['a b'], [[0, 'word', 'string']]],
  ['entrypointCmdTable', [{}], [[0, 'options', 'object', true]]],
  [
    'renderTable',
    [table, {}],
    [
      [0, 'table', 'object'],
      [1, 'options', 'object', true],
    ],
  ],
  ['unwrap', [{ ok: true }], [[0, 'result', 'object']]],
  [
    'expandKubernetes',
    ['$(A)', { A: 'a' }, {}],
    [
      [0, 'text', 'string'],
      [1, 'env', 'object'],
      [2, 'options', 'object', true],
    ],
  ],
  ['escapeKubernetes', ['$x'], [[0, 'text', 'string']]],
  ['kubernetesProfile', ['1.34.2'], [[0, 'kubernetesVersion', 'string', true]]],
  ['splitGoShellwords', ['a b'], [[0, 'line', 'string']]],
  ['splitShellWords', ['a b'], [[0, 'line', 'string']]],
  [
    'parseRunCommandLine',
    ['docker run x', {}],
    [
      [0, 'line', 'string-or-array'],
      [1, 'options', 'object', true],
    ],
  ],
  ['bytesToQuantity', [1024], [[0, 'bytes', 'number']]],
  ['parseGoBool', ['true'], [[0, 'text', 'string']]],
  ['parseDockerBytes', ['512m'], [[0, 'text', 'string']]],
  ['parseDockerCpus', ['1.5'], [[0, 'text', 'string']]],
  ['cpusToQuantity', ['1.5'], [[0, 'value', 'string']]],
  ['runFlagsToKubernetes', [[]], [[0, 'flags', 'object']]],
  [
    'resolveKubernetes',
    [image, {}, {}],
    [
      [0, 'image', 'object-or-null'],
      [1, 'container', 'object'],
      [2, 'options', 'object', true],
    ],
  ],
  [
    'convertContainer',
    [{ from: 'run', line: 'docker run x' }, { to: 'compose' }],
    [
      [0, 'input', 'object'],
      [1, 'options', 'object'],
    ],
  ],
  [
    'convertComposeFile',
    ['services: {}', { to: 'run' }],
    [
      [0, 'yamlText', 'string'],
      [1, 'options', 'object'],
    ],
  ],
  [
    'convertManifests',
    ['kind: Pod', { to: 'run' }],
    [
      [0, 'yamlText', 'string'],
      [1, 'options', 'object'],
    ],
  ],
  [
    'toKubernetes',
    [image, {}],
    [
      [0, 'image', 'object'],
      [1, 'run', 'object', true],
    ],
  ],
  [
    'evaluateDockerfile',
    ['FROM x', {}],
    [
      [0, 'text', 'string'],
      [1, 'options', 'object', true],
    ],
  ],
  [
    'parseDockerfile',
    ['FROM x', {}],
    [
      [0, 'text', 'string'],
      [1, 'options', 'object', true],
    ],
  ],
  ['imageConfigFromInspect', ['{}', {}], [[1, 'options', 'object', true]]],
  ['parseComposeCommand', ['a b', {}], [[1, 'options', 'object', true]]],
  [
    'resolveCompose',
    [image, {}],
    [
      [0, 'image', 'object-or-null'],
      [1, 'service', 'object'],
    ],
  ],
  ['komposeRewriteArg', ['$x'], [[0, 'arg', 'string']]],
  ['composeToKubernetes', [{}, {}], [[0, 'service', 'object']]],
  [
    'interpolateCompose',
    ['${A}', { A: 'a' }],
    [
      [0, 'text', 'string'],
      [1, 'environment', 'object'],
    ],
  ],
  [
    'resolveComposeFile',
    ['services: {}', { images: {} }],
    [
      [0, 'yamlText', 'string'],
      [1, 'options', 'object', true],
    ],
  ],
  ['loadComposeProject', [{ readFile: (p: string) => (p === '/app/compose.yaml' ? 'services: {}\n' : undefined), workingDirectory: '/app' }], [[0, 'options', 'object']]],
  [
    'resolveComposeProject',
    [lib.loadComposeProject({ readFile: (p: string) => (p === '/app/compose.yaml' ? 'services:\n  web:\n    image: x\n' : undefined), workingDirectory: '/app' }), {}],
    [
      [0, 'project', 'object'],
      [1, 'options', 'object', true],
    ],
  ],
  [
    'listComposeImages',
    ['services: {}', {}],
    [
      [0, 'yamlText', 'string'],
      [1, 'options', 'object', true],
    ],
  ],
  [
    'parseDotEnv',
    ['A=1', {}],
    [
      [0, 'text', 'string'],
      [1, 'options', 'object', true],
    ],
  ],
  [
    'readDotEnvFiles',
    [[{ text: 'A=1' }], {}],
    [
      [0, 'files', 'array'],
      [1, 'options', 'object', true],
    ],
  ],
  [
    'resolveManifests',
    ['kind: Pod', { images: {} }],
    [
      [0, 'yamlText', 'string'],
      [1, 'options', 'object', true],
    ],
  ],
  [
    'listManifestImages',
    ['kind: Pod', {}],
    [
      [0, 'yamlText', 'string'],
      [1, 'options', 'object', true],
    ],
  ],
  [
    'listDockerfileBases',
    ['FROM x', {}],
    [
      [0, 'text', 'string'],
      [1, 'options', 'object', true],
    ],
  ],
  [
    'imageFieldsUsed',
    [{}, {}],
    [
      [0, 'run', 'object', true],
      [1, 'options', 'object', true],
    ],
  ],
  ['windowsCommandLine', [['cmd', '/S', '/C', 'echo hi'], true], [[0, 'argv', 'array']]],
  ['parseImageReference', ['node:20'], [[0, 'text', 'string']]],
  [
    'sameImage',
    [imageRef, imageRef],
    [
      [0, 'a', 'object'],
      [1, 'b', 'object'],
    ],
  ],
];

const WRONG: Record<Kind, readonly unknown[]> = {
  string: [null, 42, true, {}, [], Symbol('s'), 1n],
  'string-or-array': [null, 42, true, {}, Symbol('s')],
  object: [null, 42, 'x', true, Symbol('s'), 1n],
  'object-or-null': [42, 'x', true, Symbol('s'), 1n],
  array: [null, 42, 'x', {}, true],
  number: [null, '1', {}, Symbol('s'), 1n],
};

// Internal helpers keep their argument checks too (public functions reach them with user values).
const internals = {
  interpolateCompose,
  readDotEnvFiles,
  komposeRewriteArg,
  splitGoShellwords,
  shellScriptIndex,
  engineProfile,
  quoteShellWord,
  kubernetesProfile,
  bytesToQuantity,
  cpusToQuantity,
  parseDockerBytes,
  parseDockerCpus,
  parseGoBool,
  splitShellWords,
};
const fns = { ...lib, ...internals } as unknown as Record<string, (...args: unknown[]) => unknown>;

describe('every public function is listed here', () => {
  test('no exported function is missing from the table', () => {
    const listed = new Set([...rows.map((r) => r[0]), 'defaultShell', 'isCmdResolutionError', 'resolveRunCommandLine', 'CmdResolutionError']);
    const exported = Object.entries(lib)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k);
    expect(exported.filter((k) => !listed.has(k))).toEqual([]);
  });
});

describe('valid arguments give a value', () => {
  test.for(rows.map((r) => [r[0], r[1]] as const))('%s', ([name, args]) => {
    expect(() => fns[name]?.(...args)).not.toThrow();
  });
});

const cases = rows.flatMap(([name, args, params]) =>
  params.flatMap(([index, param, kind, optional]) =>
    [...(optional ? [] : [undefined]), ...WRONG[kind]].map((bad) => {
      const call = [...args];
      call[index] = bad;
      const label = typeof bad === 'symbol' ? 'symbol' : typeof bad === 'bigint' ? 'bigint' : (JSON.stringify(bad) ?? 'undefined');
      return { name, param, call, label };
    }),
  ),
);

describe('wrong JS types throw a TypeError naming the parameter', () => {
  test.for(cases)('$name($param = $label)', ({ name, param, call }) => {
    expect(() => fns[name]?.(...call)).toThrow(TypeError);
    expect(() => fns[name]?.(...call)).toThrow(new RegExp(`\\b${param.replace('.', '\\.')}\\b`));
  });
});

// Option fields and nested values of the wrong JS type are TypeErrors naming the field.
const fieldCases: readonly (readonly [label: string, field: string, call: () => unknown])[] = [
  ['parseCommand', 'options.engine', () => lib.parseCommand('x', { engine: Symbol('e') as unknown as 'docker' })],
  ['evaluateDockerfile', 'options.engineVersion', () => lib.evaluateDockerfile('FROM x', { engineVersion: 5 as unknown as string })],
  ['evaluateDockerfile', 'options.baseImages', () => lib.evaluateDockerfile('FROM x', { baseImages: 5 as unknown as Record<string, lib.ImageConfig> })],
  ['evaluateDockerfile', 'options.limits.maxStages', () => lib.evaluateDockerfile('FROM x', { limits: { maxStages: '1' as unknown as number } })],
  ['resolveDockerRun (a string entrypoint would be spread into characters)', 'image.entrypoint', () => lib.resolveDockerRun({ entrypoint: 'sh' as unknown as string[] })],
  ['resolveDockerRun', 'image.cmd', () => lib.resolveDockerRun({ cmd: {} as unknown as string[] })],
  ['resolveDockerRun', 'run.args', () => lib.resolveDockerRun({ cmd: ['a'] }, { args: 'x' as unknown as string[] })],
  ['resolveContainerConfig', 'image.cmd', () => lib.resolveContainerConfig({ cmd: 5 as unknown as string[] }, {})],
  ['resolveComposeFile', 'options.images', () => lib.resolveComposeFile('services: {}', { images: null as unknown as Record<string, lib.ImageConfig> })],
  ['resolveComposeFile', 'options.envFiles', () => lib.resolveComposeFile('services: {}', { images: {}, envFiles: 'A=1' as unknown as lib.DotEnvFile[] })],
  ['readDotEnvFiles', 'files[0].text', () => readDotEnvFiles([{ text: 5 as unknown as string }])],
  ['readDotEnvFiles', 'options.environment', () => readDotEnvFiles([], { environment: 'A=1' as unknown as Record<string, string> })],
  ['resolveManifests', 'options.images', () => lib.resolveManifests('kind: Pod', { images: 5 as unknown as Record<string, lib.ImageConfig> })],
  ['resolveKubernetes', 'options.path', () => lib.resolveKubernetes({}, {}, { path: Symbol('p') as unknown as string })],
  ['parseRunCommandLine', 'options.engine', () => lib.parseRunCommandLine('docker run x', { engine: Symbol('e') as unknown as 'docker' })],
  ['parseRunCommandLine', 'line[1]', () => lib.parseRunCommandLine(['docker', 5 as unknown as string])],
];

describe('option fields of the wrong JS type throw a TypeError naming the field', () => {
  test.for(fieldCases)('%s: %s', ([, field, call]) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(field);
  });
});

// Hostile but well-typed input: a result (or an issue), never a throw. Rows marked "fuzz seed N"
// are counterexamples `npm run fuzz` found.
const deepText = '['.repeat(100_000);
const lone = 'a\ud800b\udc00\0c\r\n\r';
const protoJson = '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "Config": {"Cmd": ["a"], "__proto__": {"Entrypoint": ["x"]}}}';
const hostile: readonly (readonly [label: string, call: () => unknown])[] = [
  ['parseCommand: 100k [', () => lib.parseCommand(deepText)],
  ['parseCommand: lone surrogates, NUL, CR', () => lib.parseCommand(`["${lone}"]`)],
  ['parseImageReference: 100k path components, lone surrogates', () => lib.parseImageReference(`${'a/'.repeat(100_000)}${lone}`)],
  ['evaluateDockerfile: 100k [', () => lib.evaluateDockerfile(`FROM x\nCMD ${deepText.slice(0, 60_000)}`)],
  ['evaluateDockerfile: 3000 stages', () => lib.evaluateDockerfile(Array.from({ length: 3000 }, (_, i) => `FROM scratch AS s${i}\nCMD ["${i}"]`).join('\n'))],
  ['evaluateDockerfile: CR-only line ends', () => lib.evaluateDockerfile('FROM x\rCMD ["a"]\r\nENTRYPOINT b\r')],
  [
    'evaluateDockerfile: __proto__ base',
    () =>
      lib.evaluateDockerfile('FROM __proto__\nONBUILD CMD x\nFROM constructor', {
        baseImages: JSON.parse('{"__proto__": {"onBuild": ["CMD [\\"p\\"]"]}}') as Record<string, lib.ImageConfig>,
      }),
  ],
  ['evaluateDockerfile: 10k ONBUILD in one stage', () => lib.evaluateDockerfile(`FROM x\n${'ONBUILD RUN x\n'.repeat(10_000)}`)],
  ['parseDockerfile: ONBUILD ONBUILD … (one long line)', () => lib.parseDockerfile(`FROM x\n${'ONBUILD '.repeat(8_000)}CMD x`)],
  ['imageConfigFromInspect: 100k [', () => lib.imageConfigFromInspect(deepText)],
  ['imageConfigFromInspect: __proto__ keys', () => lib.imageConfigFromInspect(protoJson)],
  ['imageConfigFromInspect: parsed __proto__ keys', () => lib.imageConfigFromInspect(JSON.parse(protoJson))],
  ['parseComposeCommand: nested arrays', () => lib.parseComposeCommand([['a']])],
  ['parseComposeCommand: lone surrogates', () => lib.parseComposeCommand(lone)],
  ['expandKubernetes: $( x 200k', () => lib.expandKubernetes('$('.repeat(200_000), {})],
  ['resolveManifests: 100k [', () => lib.resolveManifests(`kind: Pod\nspec: ${deepText}`, { images: {} })],
  [
    'resolveManifests: __proto__ images and env',
    () => lib.resolveManifests('kind: Pod\nspec:\n  containers:\n  - {name: a, image: __proto__, args: ["$(__proto__)"]}\n', { images: {} }),
  ],
  ['resolveComposeFile: __proto__ service', () => lib.resolveComposeFile('services:\n  __proto__: {image: constructor, command: "a b"}\n', { images: {} })],
  ['resolveComposeFile: collection key (fuzz seed 1: the yaml package printed a warning)', () => lib.resolveComposeFile('services:\n  ? [a, b]\n  : {image: x}\n', { images: {} })],
  [
    'resolveManifests: collection key (fuzz seed 3, call 7508: process warning from yaml)',
    () => lib.resolveManifests('kind: StatefulSet\n[]: \n  prototype: \n    - \n      - \n        - x\nconstructor: {}', { images: {} }),
  ],
  ['resolveManifests: {a: x 20k (fuzz seed 1, call 3366: stack overflow inside yaml)', () => lib.resolveManifests(`kind: Pod\nspec: ${'{a: '.repeat(20_000)}`, { images: {} })],
  ['parseRunCommandLine: lone surrogates', () => lib.parseRunCommandLine(`docker run ${lone}`)],
  ['resolveDockerRun: empty strings', () => lib.resolveDockerRun({ entrypoint: [''], cmd: [''] }, { entrypoint: '', args: [''] })],
  ['splitGoShellwords: 100k quotes', () => splitGoShellwords('"'.repeat(100_001))],
];

describe('hostile but typed input gives a result', () => {
  test.for(hostile)('%s', ([, call]) => {
    // Core modules never log: no process warning (the yaml package emits one unless told not to).
    const warnings: unknown[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back as it was, never called
    const emitWarning = process.emitWarning;
    process.emitWarning = (w: unknown) => void warnings.push(w);
    let result: { ok?: boolean; issues?: unknown[] } | string;
    try {
      result = call() as typeof result;
    } finally {
      process.emitWarning = emitWarning;
    }
    expect(warnings).toEqual([]);
    if (typeof result === 'object' && result !== null && result.ok === false && 'issues' in result) {
      expect(result.issues?.length).toBeGreaterThan(0);
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
