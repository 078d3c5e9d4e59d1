import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { evaluateDockerfile } from '../../src/index.js';

// Real-world Dockerfiles (shared/corpus/dockerfiles, 850 files with MANIFEST.tsv). CI has ../shared beside the clone.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = process.env['CONTAINER_ARGV_CORPUS'] ?? path.resolve(repoRoot, '../shared/corpus/dockerfiles');
const present = existsSync(dir);

describe.skipIf(!present)(`real Dockerfile corpus (${dir})`, () => {
  test('every file evaluates without throwing; counts are stable', () => {
    const files = readdirSync(dir)
      .filter((f) => f !== 'MANIFEST.tsv')
      .sort();
    let complete = 0;
    let failed = 0;
    const failures: Record<string, number> = {};
    const incomplete: Record<string, number> = {};
    for (const f of files) {
      const r = evaluateDockerfile(readFileSync(path.join(dir, f), 'utf8'));
      if (!r.ok) {
        failed++;
        const issue = r.issues[0];
        expect(issue.line, f).toBeGreaterThan(0);
        failures[issue.code] = (failures[issue.code] ?? 0) + 1;
        continue;
      }
      if (r.complete) {
        complete++;
        continue;
      }
      const key = `entrypoint ${r.dependsOn.entrypoint?.via ?? 'known'}, cmd ${r.dependsOn.cmd?.via ?? 'known'}`;
      incomplete[key] = (incomplete[key] ?? 0) + 1;
    }
    if (process.env['CONTAINER_ARGV_CORPUS'] !== undefined) return; // a custom corpus: no fixed counts
    expect(files.length).toBe(850);
    // Issue 18 §2, the "before" number: without any base image config, 272 of the 809 files that built (34%)
    // had a known answer (ENTRYPOINT and CMD do not depend on the base). The rest say what they depend on.
    // Issue 14 §1 (BuildKit's automatic platform ARGs): 277 of 814; of the 49 files using them in FROM,
    // 48 evaluate (43 before) and 16 are complete (11 before). Issue 13: 812 evaluate (two parser test files the
    // engine refuses, below), still 277 complete.
    expect(complete).toBe(277);
    expect(incomplete).toEqual({
      'entrypoint inherited, cmd inherited': 327, // no CMD/ENTRYPOINT in the target
      'entrypoint inherited, cmd known': 135, // CMD only: the base ENTRYPOINT runs it
      'entrypoint known, cmd onbuild': 64, // ENTRYPOINT only, in the first stage: a base ONBUILD CMD would survive
      'entrypoint inherited, cmd shell': 8, // shell-form CMD: the base SHELL (or Windows cmd) wraps it
      'entrypoint shell, cmd known': 1,
    });
    expect(failed).toBe(38);
    expect(failures).toEqual({
      'blank-base-name': 9, // ARG without default used in FROM: needs --build-arg
      // FROM that is not a reference after ARG expansion: 8 use an ARG without default inside the reference
      // (`golang:${GOLANG_VERSION}`: needs --build-arg; BuildKit fails the same way), 3 are REPLACE-ME templates.
      'from-reference-invalid': 11,
      'unknown-instruction': 6,
      'no-instructions': 1,
      'json-not-strings': 1,
      'unknown-flag': 1,
      'no-build-stage': 5,
      // Issue 13: parser test files that the engine refuses (imagebuilder testfiles-negative/env_no_value `ENV x`,
      // testfiles/health's bare `HEALTHCHECK`; recorded rows arguments-all-env-01, arguments-all-healthcheck-00).
      'instruction-arguments': 2,
      'invalid-escape-token': 1,
      'line-too-long': 1,
    });
  });

  // 98 files start with `# syntax=` (docker/dockerfile:1 ×69, :1.4 ×21, dockerfile-upstream:master ×5, :1.2,
  // :experimental, untagged). On Docker 20.10's BuildKit the :1.4 / :1 ones get heredocs, so 37 files that the
  // built-in frontend 1.2 rejects (heredoc bodies read as instructions) evaluate.
  test('`# syntax=` frontends on current Docker and on 20.10', () => {
    if (process.env['CONTAINER_ARGV_CORPUS'] !== undefined) return;
    const files = readdirSync(dir)
      .filter((f) => f !== 'MANIFEST.tsv')
      .sort();
    for (const [engineVersion, failedWant] of [
      [undefined, 38],
      // Issue 13: 13 more fail on 20.10 (frontend 1.2): `COPY --link` (12 docker-library golang, 1 dotnet sample; the
      // flag came with dockerfile/1.4.0, buildkit 6f6454324) and `ADD --checksum` (moby Dockerfile.simple; 1.5.0, a83fbb989).
      ['20.10', 53],
    ] as const) {
      const tally: Record<string, number> = {};
      let failed = 0;
      for (const f of files) {
        const r = evaluateDockerfile(readFileSync(path.join(dir, f), 'utf8'), engineVersion === undefined ? {} : { engineVersion });
        if (!r.ok) failed++;
        else if (r.frontend !== null) tally[String(r.frontend.version)] = (tally[String(r.frontend.version)] ?? 0) + 1;
      }
      expect(failed, engineVersion).toBe(failedWant);
      expect(tally, engineVersion).toEqual({ '1.26': 75, '1.4': 21, '1.2': 1, null: 1 });
    }
  });
});

test.runIf(!present)('real Dockerfile corpus is absent: skipped', () => {
  // Visible marker in the test report when ../shared/corpus is not checked out.
  expect(present).toBe(false);
});
