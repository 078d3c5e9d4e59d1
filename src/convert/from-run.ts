/** `docker run`/`podman run` line → {@link ContainerSpec}. */
import { parseRunCommandLine, type RunCommandLineOptions } from '../run/command-line.js';
import { podmanEntrypoint } from '../run/docker-run.js';
import type { ReadResult } from './spec.js';

/**
 * Reads a `docker run`/`podman run` (or `create`) line as the engine's CLI parses it: the image,
 * the request it sends (`--entrypoint X` → `Entrypoint: [X]`, `''` → `['']`, Podman's JSON array
 * form decoded; the words after the image → `Cmd`), `--init`, and every other flag in order.
 */
export function specFromRun(line: string | readonly string[], options: RunCommandLineOptions = {}): ReadResult {
  const parsed = parseRunCommandLine(line, options);
  if (!parsed.ok) return parsed;
  const { run } = parsed;
  const entrypoint = run.entrypoint === undefined ? null : parsed.engine === 'podman' ? podmanEntrypoint(run.entrypoint) : [run.entrypoint];
  const flags = parsed.flags.filter((f) => f.name !== 'entrypoint' && f.name !== 'init');
  return {
    ok: true,
    spec: { image: parsed.image, entrypoint, cmd: run.args.length > 0 ? run.args : null, init: run.init === true, flags },
    diagnostics: parsed.diagnostics,
  };
}
