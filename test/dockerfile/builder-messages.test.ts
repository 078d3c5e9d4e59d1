import { describe, expect, test } from 'vitest';
import { builderMessage } from '../../src/dockerfile/builder-messages.js';
import { engineProfile } from '../../src/core/engine-profile.js';
import { evaluateDockerfile, parseDockerfile, type EngineOptions } from '../../src/index.js';

// Each builder's own wording, as the engine suite recorded it (test/fixtures/engine: docker-20.10.24
// BuildKit and classic, podman-4.3.1) and as the sources write it (buildkit instructions/parse.go,
// parser/parser.go, dockerfile2llb/convert.go; moby builder/dockerfile; imagebuilder).
describe('builderMessage', () => {
  test.for([
    [{}, 'bk'],
    [{ builder: 'classic' }, 'classic'],
    [{ engine: 'podman' }, 'buildah'],
  ] as const)('%j: its own words where given', ([options, want]) => {
    expect(builderMessage(engineProfile(options), 'bk', { classic: 'classic', buildah: 'buildah' })).toBe(want);
  });

  test("BuildKit's words where the builder has none of its own", () => {
    expect(builderMessage(engineProfile({ builder: 'classic' }), 'bk', { buildah: 'buildah' })).toBe('bk');
  });
});

describe('the builder errors', () => {
  const issue = (r: { ok: boolean; issues?: readonly { message: string }[] }) => r.issues?.[0]?.message;
  test.for([
    [
      {},
      [
        'the Dockerfile cannot be empty',
        'file with no instructions',
        'FROM requires either one or three arguments',
        'base name ($B) should not be blank',
        "invalid escape token 'x' does not match ` or \\",
      ],
    ],
    [
      { builder: 'classic' },
      [
        'the Dockerfile (Dockerfile) cannot be empty',
        'file with no instructions',
        'FROM requires either one or three arguments',
        'base name ($B) should not be blank',
        "invalid escape token 'x' does not match ` or \\",
      ],
    ],
    [
      { engine: 'podman' },
      [
        'no contents in "Dockerfile"',
        'no stages to build',
        'FROM requires either one argument, or three: FROM <source> [as <name>]',
        'no FROM statement found',
        "invalid ESCAPE 'x'. Must be ` or \\",
      ],
    ],
  ] as const)('%j', ([options, want]) => {
    const opts: EngineOptions = options;
    expect([
      issue(evaluateDockerfile('', opts)),
      issue(parseDockerfile('# just a comment\n', opts)),
      issue(evaluateDockerfile('FROM a b\n', opts)),
      issue(evaluateDockerfile('ARG B\nFROM $B\n', opts)),
      issue(parseDockerfile('# escape=x\nFROM a\n', opts)),
    ]).toEqual(want);
  });
});
