import { describe, expect, test } from 'vitest';
import { evaluateDockerfile, listDockerfileBases, type ListDockerfileBasesOptions } from '../../src/index.js';

// Issue 18 §6: the bases a caller must fetch before evaluating, after ARG expansion and target selection.
// Which stages are built: buildkit convert.go allReachableStages (the target and the stages it is based
// on); the classic builder every stage up to the target (engine fixtures, dispatchesUnusedStages).
const MULTI = [
  'ARG NODE=20',
  'FROM node:${NODE} AS deps',
  'RUN npm ci',
  'FROM golang:1.22 AS tools',
  'FROM --platform=$BUILDPLATFORM deps AS build',
  'FROM gcr.io/distroless/nodejs${NODE}-debian12 AS runtime',
  'COPY --from=build /app /app',
  'CMD ["server.js"]',
  'FROM scratch AS export',
  '',
].join('\n');

describe('listDockerfileBases', () => {
  test.for<{ name: string; options: ListDockerfileBasesOptions; want: string[] }>([
    { name: 'default target (last stage, FROM scratch): nothing to fetch', options: {}, want: [] },
    {
      name: 'target runtime: its own base only (COPY --from does not make a config depend on a stage)',
      options: { target: 'runtime' },
      want: ['gcr.io/distroless/nodejs20-debian12@6'],
    },
    { name: 'target build: through the stage it is based on', options: { target: 'build' }, want: ['node:20@2'] },
    { name: 'build args expand FROM', options: { target: 'build', buildArgs: { NODE: '22' } }, want: ['node:22@2'] },
    {
      name: 'classic builder: every stage up to the target',
      options: { target: 'tools', builder: 'classic' },
      want: ['node:20@2', 'golang:1.22@4'],
    },
  ])('$name', ({ options, want }) => {
    // The classic builder has no automatic platform ARGs: `--platform=$BUILDPLATFORM` expands to nothing and fails
    // (recorded: docker-20.10.24-rules.json from-flags-20261202-032), so its row names the platform.
    const r = listDockerfileBases(options.builder === 'classic' ? MULTI.replace('$BUILDPLATFORM', 'linux/amd64') : MULTI, options);
    expect(r.ok && r.references.map((b) => `${b.text}@${b.line}`)).toEqual(want);
  });

  // Recorded: docker-20.10.24-platform-args.json platform-flag-buildplatform (the classic builder defines no
  // automatic platform ARGs, so `--platform=$BUILDPLATFORM` expands to nothing).
  test('classic builder: FROM --platform=$BUILDPLATFORM fails without a BUILDPLATFORM build arg', () => {
    const r = listDockerfileBases(MULTI, { target: 'runtime', builder: 'classic', engineVersion: '20.10' });
    expect(r.ok ? null : r.issues[0]).toMatchObject({
      code: 'platform-invalid',
      line: 5,
      message: expect.stringMatching(/^failed to parse platform : "" is an invalid component/),
    });
  });

  test('an entry carries the parsed reference, stage and --platform as written', () => {
    const r = listDockerfileBases('FROM --platform=linux/arm64 python:3.12 AS app\n');
    expect(r.ok && r.references).toEqual([
      {
        text: 'python:3.12',
        reference: expect.objectContaining({ canonical: 'docker.io/library/python:3.12', familiar: 'python:3.12' }),
        stage: 0,
        stageName: 'app',
        line: 1,
        column: 1,
        platform: 'linux/arm64',
      },
    ]);
    expect(r.ok && r.diagnostics.map((d) => d.code)).toEqual([]);
  });

  test('fetching what it lists makes the evaluation complete', () => {
    const listed = listDockerfileBases(MULTI, { target: 'runtime' });
    if (!listed.ok) throw new Error('listing failed');
    const baseImages = Object.fromEntries(listed.references.map((b) => [b.text, { entrypoint: ['/nodejs/bin/node'], cmd: null }]));
    const r = evaluateDockerfile(MULTI, { target: 'runtime', baseImages });
    expect(r.ok && [r.complete, r.unknownBases.length, r.diagnostics.map((d) => d.code)]).toEqual([true, 0, []]);
  });

  test('fails as the evaluation fails', () => {
    const r = listDockerfileBases('FROM Node\n');
    expect(!r.ok && r.issues[0].code).toBe('from-reference-invalid');
  });
});
