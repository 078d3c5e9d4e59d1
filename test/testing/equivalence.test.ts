import { fc, it } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { toKubernetes } from '../../src/kubernetes/container.js';
import {
  assertEquivalent,
  compareComposeFiles,
  compareDockerfiles,
  compareImageConfigs,
  compareKubernetesWithDockerRun,
  compareManifests,
  dockerfileArb,
  dockerRunOverridesArb,
  fullImageConfigArb,
  imageConfigArb,
  type Equivalence,
} from '../../src/testing/index.js';

const explain = (v: Equivalence) => (v.equivalent ? 'equivalent' : v.explanation);

// Each row's truth is the library's own rules (docs/semantics.md), which the recorded-engine
// fixtures check; these rows check what the oracles report and how they word it.
describe('compareDockerfiles', () => {
  test.for([
    ['exec form spellings', 'FROM scratch\nCMD ["a","b"]\n', 'FROM scratch\nCMD [ "a" , "b" ]\n', 'equivalent'],
    ['keyword case, CRLF, a BOM and a continuation', 'FROM scratch\nCMD ["a","b"]\n', '\uFEFFfrom scratch\r\ncmd [ "a" ,\\\r\n  "b" ]\r\n', 'equivalent'],
    ['a comment inside a continuation', 'FROM scratch\nCMD echo a\n', 'FROM scratch\nCMD echo \\\n# note\na\n', 'equivalent'],
    [
      'shell form vs exec form',
      'FROM scratch\nCMD a b\n',
      'FROM scratch\nCMD ["a", "b"]\n',
      'stage 0 (line 1): with `docker run IMAGE` the left runs ["/bin/sh","-c","a b"] but the right runs ["a","b"]',
    ],
    [
      'continuation indentation inside a JSON string',
      'FROM scratch\nCMD ["a \\\n  b"]\n',
      'FROM scratch\nCMD ["a \\\nb"]\n',
      'stage 0 (line 1): with `docker run IMAGE` the left runs ["a   b"] but the right runs ["a b"]',
    ],
    [
      'a SHELL only a child image sees',
      'FROM scratch\nSHELL ["/bin/bash", "-c"]\nCMD ["x"]\n',
      'FROM scratch\nCMD ["x"]\n',
      'stage 0 (line 1): in a child image `FROM image; CMD probe $1` the left runs ["/bin/bash","-c","probe $1"] but the right runs ["/bin/sh","-c","probe $1"]',
    ],
    [
      'an ONBUILD trigger',
      'FROM scratch\nONBUILD CMD ["y"]\nCMD ["x"]\n',
      'FROM scratch\nCMD ["x"]\n',
      'stage 0 (line 1): in a child image `FROM image` the left runs ["y"] but the right runs ["x"]',
    ],
    [
      'an earlier stage differs',
      'FROM scratch AS a\nCMD ["x"]\nFROM scratch\nCMD ["z"]\n',
      'FROM scratch AS a\nCMD ["y"]\nFROM scratch\nCMD ["z"]\n',
      'stage 0 "a" (line 1): with `docker run IMAGE` the left runs ["x"] but the right runs ["y"]',
    ],
    [
      'a missing stage',
      'FROM scratch AS a\nCMD ["x"]\nFROM a\n',
      'FROM scratch AS a\nCMD ["x"]\n',
      'stage 1 (line 3): with `docker build` the left is accepted but the right is missing',
    ],
    [
      'one side does not build',
      'FROM scratch\nFOO x\n',
      'FROM scratch\nCMD ["x"]\n',
      'with `docker build` the left fails with unknown-instruction (unknown instruction: FOO (did you mean FROM?)) but the right is accepted',
    ],
    ['the base image decides (KIT_BASE_IMAGES)', 'FROM node:20\n', 'FROM node:20\nCMD ["node"]\n', 'equivalent'],
  ] as const)('%s', ([, left, right, want]) => {
    expect(explain(compareDockerfiles(left, right))).toBe(want);
  });

  it.prop([dockerfileArb()])('every Dockerfile is equivalent to itself', (text) => {
    assertEquivalent(compareDockerfiles(text, text));
  });

  it.prop([dockerfileArb()])('LF vs CRLF line ends and a BOM never change what runs', (text) => {
    const lf = text.replace(/^\uFEFF/, '').replaceAll('\r\n', '\n');
    assertEquivalent(compareDockerfiles(lf, `\uFEFF${lf.replaceAll('\n', '\r\n')}`));
  });
});

describe('compareImageConfigs', () => {
  test('CMD vs ENTRYPOINT differ once run args are given', () => {
    expect(explain(compareImageConfigs({ cmd: ['a'] }, { entrypoint: ['a'] }))).toBe('with `docker run IMAGE ARG` the left runs ["ARG"] but the right runs ["a","ARG"]');
  });

  test('an entrypoint of [""] and no entrypoint run the same (Docker skips [""])', () => {
    expect(compareImageConfigs({ entrypoint: [''], cmd: ['a'] }, { cmd: ['a'] })).toEqual({ equivalent: true, checked: 11 });
  });

  it.prop([fullImageConfigArb])('every config is equivalent to itself', (config) => {
    assertEquivalent(compareImageConfigs(config, config));
  });

  it.prop([imageConfigArb, imageConfigArb])('the verdict is symmetric', (a, b) => {
    expect(compareImageConfigs(a, b).equivalent).toBe(compareImageConfigs(b, a).equivalent);
  });
});

describe('compareManifests and compareComposeFiles', () => {
  const images = { 'app:1': { entrypoint: ['/ep'], cmd: ['serve'] } };
  const pod = (container: string) => `kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: app:1\n${container}`;
  const compose = (service: string) => `services:\n  web:\n    image: app:1\n${service}`;

  test.for([
    ['an undefined $(A) and $$(A) both pass "$(A)"', pod('    args: ["$(A)"]\n'), pod('    args: ["$$(A)"]\n'), 'equivalent'],
    [
      'command replaces the image ENTRYPOINT',
      pod('    args: ["x"]\n'),
      pod('    command: ["x"]\n'),
      'Pod/p spec.containers[0] (c): with `kubectl apply` the left runs ["/ep","x"] but the right runs ["x"]',
    ],
  ] as const)('manifests: %s', ([, left, right, want]) => {
    expect(explain(compareManifests(left, right, { images }))).toBe(want);
  });

  test.for([
    ['a string command and its list', compose('    command: echo hi\n'), compose('    command: ["echo", "hi"]\n'), 'equivalent'],
    [
      'go-shellwords stops at &&',
      compose('    command: echo hi && echo bye\n'),
      compose('    command: ["sh", "-c", "echo hi && echo bye"]\n'),
      'service web: with `docker compose up web` the left runs ["/ep","echo","hi"] but the right runs ["/ep","sh","-c","echo hi && echo bye"]',
    ],
    ['an entrypoint only docker compose run shows', compose('    entrypoint: ["/ep"]\n    command: ["serve"]\n'), compose(''), 'equivalent'],
    [
      'entrypoint [] vs unset',
      compose('    entrypoint: []\n'),
      compose(''),
      'service web: with `docker compose up web` the left runs ["serve"] but the right runs ["/ep","serve"]',
    ],
  ] as const)('compose: %s', ([, left, right, want]) => {
    expect(explain(compareComposeFiles(left, right, { images }))).toBe(want);
  });
});

describe('compareKubernetesWithDockerRun', () => {
  const image = { entrypoint: ['/ep'], cmd: ['serve'] };

  test.for([
    [{ args: ['x'] }, 'docker run app:1 x', 'equivalent'],
    [
      { command: [] },
      'docker run --entrypoint "" app:1 x',
      'Kubernetes (left) vs docker run (right): with `docker run --entrypoint "" app:1 x` the left runs ["/ep","serve"] but the right runs ["x"]',
    ],
    [{ command: ['x'] }, 'docker run --entrypoint "" app:1 x', 'equivalent'],
  ] as const)('%o vs %s', ([container, line, want]) => {
    expect(explain(compareKubernetesWithDockerRun(image, container, line))).toBe(want);
  });

  it.prop([imageConfigArb, dockerRunOverridesArb])('toKubernetes(image, run) runs what docker run runs (unless Docker fails or --init)', (img, run) => {
    const k8s = toKubernetes(img, run);
    fc.pre(k8s.ok);
    if (!k8s.ok) return;
    assertEquivalent(compareKubernetesWithDockerRun(img, { command: k8s.command ?? null, args: k8s.args ?? null }, run));
  });
});

describe('assertEquivalent', () => {
  test('throws the explanation', () => {
    expect(() => assertEquivalent(compareImageConfigs({ cmd: ['a'] }, { cmd: ['b'] }))).toThrow(new Error('with `docker run IMAGE` the left runs ["a"] but the right runs ["b"]'));
  });
});
