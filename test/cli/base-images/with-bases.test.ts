// The seam between commands and the chain (src/cli/base-images/with-bases.ts): which images a
// Dockerfile, Compose file or manifest needs (the library's listing functions), the configs the
// resolvers get, and the evaluation with the chain's answers.
import { describe, expect, test, vi } from 'vitest';
import { listComposeImages } from '../../../src/compose/file.js';
import { listDockerfileBases } from '../../../src/dockerfile/list-bases.js';
import { listManifestImages } from '../../../src/kubernetes/manifest.js';
import { createBaseResolver, type BaseResolver } from '../../../src/cli/base-images/resolve.js';
import type { BaseConfigSource } from '../../../src/cli/base-images/sources.js';
import { composeImageRequests, dockerfileBaseRequests, evaluateWithBases, manifestImageRequests, withResolved } from '../../../src/cli/base-images/with-bases.js';

describe('dockerfileBaseRequests', () => {
  test.for([
    { dockerfile: 'FROM node:20\n', requests: [{ reference: 'node:20' }] },
    { dockerfile: 'FROM scratch\nCMD ["x"]\n', requests: [] },
    { dockerfile: 'FROM alpine AS a\nFROM a\nFROM golang:1.23 AS b\n', requests: [{ reference: 'golang:1.23' }] },
    { dockerfile: 'FROM alpine AS a\nFROM golang:1.23 AS b\nFROM a\n', requests: [{ reference: 'alpine' }] },
    // A stage only copied from gives files, never ENTRYPOINT/CMD: its base's config is not needed.
    { dockerfile: 'FROM golang:1.23 AS build\nFROM alpine\nCOPY --from=build /x /x\n', requests: [{ reference: 'alpine' }] },
    { dockerfile: 'ARG V=20\nFROM node:${V}\n', requests: [{ reference: 'node:20' }] },
    { dockerfile: 'FROM --platform=linux/arm64 node:20\n', requests: [{ reference: 'node:20', platform: { os: 'linux', architecture: 'arm64' } }] },
    // Expanded first (issue 14 §1): the build platform, linux/amd64 unless options.buildPlatform says otherwise.
    { dockerfile: 'FROM --platform=$BUILDPLATFORM node:20\n', requests: [{ reference: 'node:20', platform: { os: 'linux', architecture: 'amd64' } }] },
    { dockerfile: 'FROM\n', requests: [] },
  ])('$dockerfile', ({ dockerfile, requests }) => {
    expect(dockerfileBaseRequests(listDockerfileBases(dockerfile))).toEqual(requests);
  });
});

test("composeImageRequests: the services' images after interpolation whose config the argv needs", () => {
  const yaml = 'services:\n  web:\n    image: nginx:${TAG}\n  job:\n    build: .\n  tool:\n    image: busybox\n    entrypoint: ["/bin/true"]\n';
  expect(composeImageRequests(listComposeImages(yaml, { environment: { TAG: '1.27' } }))).toEqual([{ reference: 'nginx:1.27' }]);
});

test("manifestImageRequests: every container's image whose config the argv needs (a set command needs none)", () => {
  const yaml =
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: i, image: busybox}]\n  containers: [{name: c, image: nginx:1.27}, {name: d, image: redis, command: [redis-server]}]\n';
  expect(manifestImageRequests(listManifestImages(yaml))).toEqual([{ reference: 'busybox' }, { reference: 'nginx:1.27' }]);
});

const catalog: BaseConfigSource = {
  name: 'catalog',
  lookup: (q) =>
    Promise.resolve(
      q.text === 'node:20'
        ? {
            config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] },
            source: { kind: 'catalog', date: '2026-08-21', reference: 'docker.io/library/node:20', platform: 'linux/amd64', exact: true },
            diagnostics: [],
          }
        : undefined,
    ),
};
const resolver = () => createBaseResolver({ sources: [catalog], platform: { os: 'linux', architecture: 'amd64' }, platformGiven: false });

describe('evaluateWithBases', () => {
  test('the evaluation inherits what the chain found, and is complete', async () => {
    const { result, bases } = await evaluateWithBases('FROM node:20\nCMD ["app.js"]\n', {}, [], resolver());
    expect(result.ok && result.config).toMatchObject({ entrypoint: ['docker-entrypoint.sh'], cmd: ['app.js'] });
    expect(result.ok && result.complete).toBe(true);
    expect(bases.map((b) => b.description)).toEqual(['node:20 from catalog 2026-08-21']);
  });

  test('an image the chain does not know stays unknown', async () => {
    const { result, bases } = await evaluateWithBases('FROM python:3\n', {}, [], resolver());
    expect(result.ok && result.unknownBases.map((u) => u.from)).toEqual(['python:3']);
    expect(bases.map((b) => b.description)).toEqual(['python:3 unknown (asked: catalog)']);
  });

  test('no external image: the chain is not asked; the files still reach the library (an unused one is warned about)', async () => {
    const r: BaseResolver = { resolve: vi.fn() };
    const { result, bases } = await evaluateWithBases('FROM scratch\nCMD ["x"]\n', {}, [{ ref: 'node', file: 'n.json', config: {} }], r);
    expect(result.ok && result.diagnostics.map((d) => d.code)).toContain('image-config-unused');
    expect(bases).toEqual([]);
    expect(r.resolve).not.toHaveBeenCalled();
  });
});

describe('withResolved', () => {
  test('answers of other sources are added under the references as written, with their source; files and unknowns are not', async () => {
    const fileFirst: BaseConfigSource = {
      name: 'file',
      lookup: (q) => Promise.resolve(q.text === 'alpine' ? { config: { cmd: ['file'] }, source: { kind: 'file', file: 'a.json' }, diagnostics: [] } : undefined),
    };
    const chain = createBaseResolver({ sources: [fileFirst, catalog], platform: { os: 'linux', architecture: 'amd64' }, platformGiven: false });
    const resolved = await chain.resolve([{ reference: 'node:20' }, { reference: 'python:3' }, { reference: 'alpine' }]);
    const out = withResolved({ web: { cmd: ['w'] }, 'alpine:latest': { cmd: ['file'] } }, resolved);
    expect({ ...out }).toEqual({
      web: { cmd: ['w'] },
      'alpine:latest': { cmd: ['file'] },
      'node:20': {
        config: { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] },
        source: { kind: 'catalog', date: '2026-08-21', reference: 'docker.io/library/node:20', platform: 'linux/amd64', exact: true },
      },
    });
    expect(Object.getPrototypeOf(out)).toBeNull();
  });

  test('two references naming one image get one key (the library refuses two keys for one image)', async () => {
    const any: BaseConfigSource = {
      name: 'catalog',
      lookup: (q) => Promise.resolve({ config: { cmd: [q.text] }, source: { kind: 'catalog', date: 'd', reference: 'r', platform: 'linux/amd64', exact: true }, diagnostics: [] }),
    };
    const resolved = await createBaseResolver({ sources: [any], platform: { os: 'linux', architecture: 'amd64' }, platformGiven: false }).resolve([
      { reference: 'node' },
      { reference: 'docker.io/library/node:latest' },
    ]);
    expect(Object.keys(withResolved({}, resolved))).toEqual(['node']);
  });
});
