import { it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseRunCommandLine } from '../../src/run/command-line.js';
import { resolveDockerRun } from '../../src/run/docker-run.js';
import { dockerRunOverridesArb, runCommandLineArb } from '../../src/testing/run.js';

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

describe('dockerRunOverridesArb', () => {
  it.prop([dockerRunOverridesArb])('every override resolves on an image with a CMD (a failure is data, never a throw)', (run) => {
    expect(typeof resolveDockerRun({ cmd: ['app'] }, run).ok).toBe('boolean');
  });
});
