import { describe, expect, test } from 'vitest';
import { answerConfig, type ImageLookup, type SourcedImageConfig } from '../../src/core/image-lookup.js';
import { evaluateDockerfile, resolveComposeFile, resolveManifests, type ImageConfig } from '../../src/index.js';

// Source: the ImageLookup contract (src/core/image-lookup.ts); one type for evaluateDockerfile's
// baseImages, resolveManifests' and resolveComposeFile's images.

const node: ImageConfig = { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] };
const registryAnswer = {
  ok: true as const,
  config: node,
  digest: 'sha256:aa',
  source: { kind: 'registry' as const, registry: 'registry-1.docker.io', repository: 'library/node', digest: 'sha256:aa' },
  diagnostics: [],
};

describe('answerConfig', () => {
  test.for([
    { name: 'a plain config', answer: node, want: node },
    { name: 'a sourced answer', answer: { config: node, source: { kind: 'file' } }, want: node },
    { name: 'a fetchImageConfig result is an answer', answer: registryAnswer, want: node },
    // An image config that happens to be empty is an answer, not "unknown".
    { name: 'an empty config', answer: {}, want: {} },
    { name: 'unknown', answer: undefined, want: undefined },
  ] satisfies { name: string; answer: ImageConfig | SourcedImageConfig | undefined; want: ImageConfig | undefined }[])('$name', ({ answer, want }) => {
    expect(answerConfig(answer)).toEqual(want);
  });
});

describe('records and functions answer alike (evaluateDockerfile baseImages)', () => {
  const cmdOf = (baseImages: ImageLookup, from = 'node:20') => {
    const r = evaluateDockerfile(`FROM ${from}\n`, { baseImages });
    return r.ok ? (r.complete ? r.config.cmd : 'unknown') : r.issues[0].code;
  };
  const rows: { name: string; lookup: ImageLookup; from?: string; want: unknown }[] = [
    { name: 'record hit', lookup: { 'node:20': node }, want: ['node'] },
    { name: 'record hit by image (docker.io/library/ implied)', lookup: { 'docker.io/library/node:20': node }, want: ['node'] },
    { name: 'record miss', lookup: { 'node:22': node }, want: 'unknown' },
    { name: 'record: own keys only', lookup: {}, from: 'constructor', want: 'unknown' },
    { name: 'record of sourced answers', lookup: { 'node:20': { config: node, source: { kind: 'file' } } }, want: ['node'] },
    { name: 'function', lookup: (ref: string) => (ref === 'node:20' ? node : undefined), want: ['node'] },
    { name: 'function: sourced answer', lookup: () => ({ config: node, source: { kind: 'catalog' } }), want: ['node'] },
    { name: 'function: a fetchImageConfig result is an answer', lookup: () => registryAnswer, want: ['node'] },
    { name: 'function: unknown', lookup: () => undefined, want: 'unknown' },
    { name: 'empty config', lookup: { 'node:20': {} }, want: null },
  ];
  test.for(rows)('$name', ({ lookup, from, want }) => {
    expect(cmdOf(lookup, from)).toEqual(want);
  });

  test('a lookup that is neither a record nor a function is a TypeError naming it', () => {
    expect(() => evaluateDockerfile('FROM node\n', { baseImages: 5 as unknown as ImageLookup })).toThrow(new TypeError('options.baseImages must be an object, got number'));
  });
});

describe('the three callers take the same lookup', () => {
  const lookup: ImageLookup = (ref) => (ref === 'node:20' ? { config: node, source: { kind: 'file' } } : undefined);

  test('evaluateDockerfile baseImages', () => {
    const r = evaluateDockerfile('FROM node:20\n', { baseImages: lookup });
    expect(r.ok && r.config.cmd).toEqual(['node']);
  });

  test('resolveManifests images', () => {
    const r = resolveManifests('kind: Pod\nspec:\n  containers:\n  - {name: a, image: "node:20"}\n', { images: lookup });
    const c = r.ok ? r.workloads[0]?.containers[0]?.result : undefined;
    expect(c?.ok && c.complete && c.argv).toEqual(['docker-entrypoint.sh', 'node']);
  });

  test.for([
    { name: 'by image reference', yaml: 'services:\n  web: {image: "node:20"}\n', images: { 'node:20': node }, argv: ['docker-entrypoint.sh', 'node'] },
    { name: 'by service name when there is no image', yaml: 'services:\n  web: {build: .}\n', images: { web: node }, argv: ['docker-entrypoint.sh', 'node'] },
    { name: 'by service name when the image is unknown', yaml: 'services:\n  web: {image: "app:1", build: .}\n', images: { web: node }, argv: ['docker-entrypoint.sh', 'node'] },
    { name: 'reference first', yaml: 'services:\n  web: {image: "node:20"}\n', images: { 'node:20': node, web: { cmd: ['other'] } }, argv: ['docker-entrypoint.sh', 'node'] },
  ])('resolveComposeFile images: $name', ({ yaml, images, argv }) => {
    const r = resolveComposeFile(yaml, { images });
    const s = r.ok ? r.services[0]?.result : undefined;
    expect(s?.ok && s.complete && s.argv).toEqual(argv);
    // The same answers from a function: asked for the reference, then for the name.
    const asked: string[] = [];
    const fn: ImageLookup = (ref) => {
      asked.push(ref);
      return Object.hasOwn(images, ref) ? (images as Record<string, ImageConfig>)[ref] : undefined;
    };
    const f = resolveComposeFile(yaml, { images: fn });
    const t = f.ok ? f.services[0]?.result : undefined;
    expect(t?.ok && t.complete && t.argv).toEqual(argv);
    expect(asked[0]).toBe(yaml.includes('image:') ? /image: "([^"]+)"/.exec(yaml)?.[1] : 'web');
  });
});
