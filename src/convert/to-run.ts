/** {@link ContainerSpec} → `docker run`/`podman run` line. */
import { parseGoBool } from '../run/command-line.js';
import { DOCKER_RUN_FLAGS } from '../run/flag-table.js';
import { unknownImageDiagnostic } from '../run/image-needs.js';
import { quoteCommandLine } from './shell-quote.js';
import type { ContainerSpec, ConvertOptions, WriteResult } from './spec.js';
import type { Diagnostic, Issue } from '../core/types.js';

/** A run line as argv and as text for the chosen shell. */
export interface RunLineOutput {
  readonly argv: readonly string[];
  readonly line: string;
}

const BOOL_FLAGS = new Set(DOCKER_RUN_FLAGS.filter((f) => f.bool).map((f) => f.name));

/** The `--entrypoint` word(s) and the words after the image that send the spec's request, or why none do. */
type ArgvPlan = { readonly entrypoint: string | undefined; readonly args: readonly string[] } | { readonly issue: Issue } | { readonly needs: 'cmd' };

/**
 * Docker's CLI sends `--entrypoint X` as `[X]` (`''` as `['']`) and the words after the image as
 * `Cmd`. A longer entrypoint keeps its first word there and moves the rest before the arguments
 * (the image CMD is dropped either way). `entrypoint: []` with a command is `--entrypoint ''`; without
 * one it runs the image CMD, which only the image config can spell out. Podman reads a JSON array.
 */
function planArgv(spec: ContainerSpec, options: ConvertOptions, diagnostics: Diagnostic[]): ArgvPlan {
  const ep = spec.entrypoint;
  const cmd = spec.cmd ?? [];
  if (ep === null) return { entrypoint: undefined, args: cmd };
  if ((options.engine ?? 'docker') === 'podman') {
    const plain = ep.length === 1 && !(ep[0] as string).trimStart().startsWith('[');
    return { entrypoint: plain ? ep[0] : JSON.stringify(ep), args: cmd };
  }
  if (ep.length === 0) {
    if (cmd.length > 0) return { entrypoint: '', args: cmd };
    const image = options.imageConfig;
    if (image === undefined || image === null) return { needs: 'cmd' };
    diagnostics.push({
      code: 'convert-image-cmd-copied',
      severity: 'info',
      message: `An empty entrypoint keeps the image CMD, and docker run --entrypoint '' drops it: the image CMD ${JSON.stringify(image.cmd ?? [])} is written out after the image.`,
    });
    return { entrypoint: '', args: image.cmd ?? [] };
  }
  if (ep[0] === '' && ep.length > 1) {
    return {
      issue: {
        code: 'convert-not-expressible',
        message: `The entrypoint ${JSON.stringify(ep)} starts with an empty word: the engine would try to execute "", and docker run --entrypoint '' cannot say that (it means no entrypoint).`,
      },
    };
  }
  if (ep.length > 1) {
    diagnostics.push({
      code: 'convert-entrypoint-split',
      severity: 'info',
      message: `docker run takes one --entrypoint word: ${JSON.stringify(ep[0])} is the entrypoint and ${JSON.stringify(ep.slice(1))} come first after the image (the image CMD is dropped, as with the whole entrypoint).`,
    });
  }
  return { entrypoint: ep[0], args: [...ep.slice(1), ...cmd] };
}

/** `--name value` for valued flags, `--name` / `--name=false` for booleans. */
function flagWords(name: string, value: string): string[] {
  if (!BOOL_FLAGS.has(name)) return [`--${name}`, value];
  return parseGoBool(value) === false ? [`--${name}=false`] : [`--${name}`];
}

/**
 * Writes a spec as a `docker run` (or `podman run`) line that sends the same request: every flag by
 * its long name, `--init`, the entrypoint as above, the image, then the arguments, quoted for
 * `options.shell` (POSIX by default). Compose's `entrypoint: []` without a command needs the image
 * config (`complete: false` without it); an entrypoint starting with `''` cannot be written.
 */
export function specToRun(spec: ContainerSpec, options: ConvertOptions = {}): WriteResult<RunLineOutput> {
  const diagnostics: Diagnostic[] = [];
  if (spec.image === undefined) return { ok: false, issues: [{ code: 'convert-no-image', message: 'docker run needs an image: this service only has build:.' }], diagnostics };
  const plan = planArgv(spec, options, diagnostics);
  if ('issue' in plan) return { ok: false, issues: [plan.issue], diagnostics };
  const engine = options.engine ?? 'docker';
  if ('needs' in plan) return { ok: true, complete: false, dependsOn: ['cmd'], diagnostics: [...diagnostics, unknownImageDiagnostic(['cmd'], 'image', 'command')] };
  const argv = [engine, 'run', ...spec.flags.flatMap((f) => flagWords(f.name, f.value))];
  if (spec.init) argv.push('--init');
  if (plan.entrypoint !== undefined) argv.push('--entrypoint', plan.entrypoint);
  argv.push(spec.image, ...plan.args);
  const quoted = quoteCommandLine(argv, options.shell ?? 'posix');
  return { ok: true, complete: true, value: { argv, line: quoted.line }, diagnostics: [...diagnostics, ...quoted.diagnostics] };
}
