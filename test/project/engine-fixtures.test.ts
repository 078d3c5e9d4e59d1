import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CONTRAST, DIFFERENCES } from '../engine/differences.js';
import { isEngineFlake, replayBuild, SKIPPED, type Recording } from '../engine/replay.js';

/**
 * Replays every recorded engine case (test/fixtures/engine/*.json: Docker 20.10.24 BuildKit/classic,
 * Podman 4.3.1 OCI/docker format) through evaluateDockerfile + resolveDockerRun (test/engine/replay.ts).
 */

const DIR = new URL('../fixtures/engine/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const recordings = new Map(files.map((f) => [f, JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Recording]));

for (const [file, rec] of recordings) {
  describe(`recorded ${file}`, () => {
    const rows = rec.cases
      .filter((c) => c.recorderError === undefined)
      .flatMap((c) => Object.keys(c.builds).map((builder) => ({ name: `${c.id} [${builder}]`, c, builder })))
      .filter(({ c, builder }) => !isEngineFlake(c.builds[builder] as never, c.dockerfile))
      .filter(({ c }) => !SKIPPED.some((s) => s.file === file && s.id === c.id));
    test.for(rows)('$name', ({ c, builder }) => {
      expect(replayBuild(rec, c, builder), c.dockerfile).toBeNull();
    });
  });
}

describe('skipped recorded cases exist and still disagree (else un-skip them)', () => {
  test.for(SKIPPED)('$file $id', ({ file, id }) => {
    const rec = recordings.get(file);
    const c = rec?.cases.find((x) => x.id === id);
    expect(c, `${file} has no case ${id}`).toBeDefined();
    if (rec === undefined || c === undefined) return;
    expect(Object.keys(c.builds).some((b) => replayBuild(rec, c, b) !== null)).toBe(true);
  });
});

describe('modelled Podman/buildah differences: reproduced by the Podman profile, not by the contrast', () => {
  const rows = DIFFERENCES.flatMap((d) => d.cases.map(([id, builder]) => ({ name: `${d.field}: ${id} [${builder}]`, d, id, builder })));
  test.for(rows)('$name', ({ d, id, builder }) => {
    const rec = recordings.get(d.file) as Recording;
    const c = rec.cases.find((x) => x.id === id);
    expect(c, `${d.file} has no case ${id}`).toBeDefined();
    if (c === undefined) return;
    expect(replayBuild(rec, c, builder)).toBeNull();
    expect(replayBuild(rec, c, builder, d.contrast ?? DEFAULT_CONTRAST), `${d.contrastLabel ?? 'Docker 20.10 BuildKit'} should differ`).not.toBeNull();
  });
});
