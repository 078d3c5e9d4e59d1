import { fc, it } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { evaluateDockerfile } from '../../src/dockerfile/evaluate.js';
import { parseRunCommandLine } from '../../src/run/command-line.js';
import { resolveManifests } from '../../src/kubernetes/manifest.js';
import { resolveComposeFile } from '../../src/compose/file.js';
import { resolveKubernetes } from '../../src/kubernetes/container.js';
import { resolveCompose } from '../../src/compose/service.js';
import {
  KIT_BASE_IMAGES,
  composeFileArb,
  composeServiceArb,
  dockerfileArb,
  kubernetesContainerArb,
  kubernetesManifestArb,
  runCommandLineArb,
} from '../../src/testing/index.js';

const SEED = 20261202;
const images = { 'app:1': { entrypoint: ['/ep'], cmd: ['serve'] } };

describe('dockerfileArb', () => {
  const sample = fc.sample(dockerfileArb(), { numRuns: 500, seed: SEED });

  test('nine in ten generated files evaluate with KIT_BASE_IMAGES', () => {
    const ok = sample.filter((text) => evaluateDockerfile(text, { baseImages: KIT_BASE_IMAGES }).ok).length;
    expect(ok / sample.length).toBeGreaterThan(0.9);
  });

  test.for([
    ['a BOM', /^\uFEFF/],
    ['CRLF line ends', /\r\n/],
    ['an escape directive', /^\uFEFF?#\s*escape\s*=\s*`/],
    ['a backslash continuation', /\\ ?\r?\n/],
    ['a backtick continuation', /` ?\r?\n/],
    ['a comment inside a continuation', /[\\`] ?\r?\n[ \t]*# note/],
    ['a heredoc', /<<-?EOT\r?\n[^]*?\r?\nEOT\r?\n/],
    ['ONBUILD', /\nonbuild |\nONBUILD |\nOnbuild /i],
    ['SHELL', /^[ \t]*shell \[/im],
    ['a FROM of an earlier stage', /\nFROM s\d/],
    ['a named stage', / AS s\d\r?\n/],
    ['an exec-form ENTRYPOINT', /^[ \t]*entrypoint \[/im],
    ['a shell-form CMD', /^[ \t]*cmd [a-z/]/im],
  ] as const)('the sample has %s', ([, pattern]) => {
    expect(sample.some((text) => pattern.test(text))).toBe(true);
  });

  test('shrinks to a small readable file', () => {
    const run = fc.check(fc.property(dockerfileArb(), (text) => !/entrypoint \[/i.test(text)), { seed: SEED });
    expect(run.failed).toBe(true);
    expect(run.counterexample?.[0]).toBe('FROM scratch\nENTRYPOINT []\n');
  });
});

describe('runCommandLineArb', () => {
  it.prop([runCommandLineArb('docker')])('parseRunCommandLine reads the overrides the line was made with (text and argv)', (line) => {
    for (const input of [line.line, line.argv]) {
      const parsed = parseRunCommandLine(input);
      expect(parsed.ok && parsed.run).toEqual(line.run);
    }
  });

  it.prop([runCommandLineArb('podman')])('and for podman run', (line) => {
    const parsed = parseRunCommandLine(line.argv);
    expect(parsed.ok && { engine: parsed.engine, run: parsed.run }).toEqual({ engine: 'podman', run: line.run });
  });
});

describe('Kubernetes and Compose arbitraries', () => {
  it.prop([kubernetesManifestArb()])('every manifest reads and has containers', (yaml) => {
    const got = resolveManifests(yaml, { images });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.workloads.flatMap((w) => w.containers).length).toBeGreaterThan(0);
  });

  it.prop([kubernetesContainerArb])('containers resolve without throwing', (container) => {
    expect(typeof resolveKubernetes(images['app:1'], container).ok).toBe('boolean');
  });

  it.prop([composeFileArb()])('every compose file reads', (yaml) => {
    expect(resolveComposeFile(yaml, { images }).ok).toBe(true);
  });

  it.prop([composeServiceArb])('services resolve without throwing', (service) => {
    expect(typeof resolveCompose(images['app:1'], service).ok).toBe('boolean');
  });
});
