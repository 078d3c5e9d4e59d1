import { evaluateDockerfile, resolveDockerRun, type EngineOptions, type ImageConfig } from '../../src/index.js';

/**
 * Replays recorded engine observations (test/fixtures/engine/*.json, and the live cases of the
 * engine suite) through evaluateDockerfile + resolveDockerRun. Shared by test/project/engine-fixtures.test.ts,
 * the differential engine suite (test/engine/) and the conformance report (scripts/engine/conformance.ts).
 */

export type Cfg = { Entrypoint: string[] | null; Cmd: string[] | null; Shell: string[] | null; OnBuild: string[] | null; ArgsEscaped?: boolean | null };
export interface RunRecord {
  builders: string[];
  entrypoint?: string;
  args: string[];
  init?: boolean;
  cli?: string;
  create: { path: string; args: string[]; entrypoint: unknown; cmd: unknown; ociArgs?: string[]; initError?: string } | { error: string };
  ran?: string[] | null;
}
export type BuildRecord = { config: Cfg; warnings?: string } | { error: string };
export interface CaseRecord {
  id: string;
  family: string;
  features?: string[];
  dockerfile: string;
  /** `--target` of the build (rule cases). */
  target?: string;
  baseImages: Record<string, Cfg>;
  builds: Record<string, BuildRecord>;
  runs: RunRecord[];
  recorderError?: string;
}
export interface Recording {
  engine: 'docker' | 'podman';
  version: string;
  builders?: Record<string, string>;
  /** The base images built for the recording, with their configs as inspected. */
  bases?: Record<string, { config: Cfg }>;
  cases: CaseRecord[];
  [key: string]: unknown;
}

/** Engine options for one recorded builder (docker: buildkit/classic; podman: the image format oci/docker). */
export function optionsFor(rec: Pick<Recording, 'engine' | 'version'>, builder: string): EngineOptions {
  const engineVersion = rec.version.replace(/\+.*$/, '');
  if (rec.engine === 'podman') return { engine: 'podman', engineVersion, imageFormat: builder === 'docker' ? 'docker' : 'oci' };
  return { engine: 'docker', engineVersion, builder: builder === 'classic' ? 'classic' : 'buildkit' };
}

/**
 * Recorded cases whose engine result depends on something the library does not model (listed in
 * docs/conformance.md). Matched by fixture file and case id.
 */
export const SKIPPED: readonly { readonly file: string; readonly id: string; readonly reason: string }[] = [
  {
    file: 'podman-4.3.1.json',
    id: 'heredoc-copy',
    reason:
      'buildah 1.28 has no heredocs, so `COPY <<EOF /script` copies a build-context file named `<<EOF` and fails (`copier: stat: "/<<EOF"`) before the unknown instruction on the next line is reached; build-context contents are outside the model.',
  },
  ...['platform-from-redeclared', 'platform-from-default'].map((id) => ({
    file: 'podman-4.3.1-platform-args.json',
    id,
    reason:
      'buildah 1.28 decides which stages to build from FROM expanded with the build args alone (executor.go, skip-unused-stages), so `FROM base-$TARGETOS` after a meta `ARG TARGETOS[=plan9]` skips the stage `base-linux`/`base-plan9` it then names at dispatch and pulls an image of that name instead; that stage skipping is outside the model.',
  })),
];

/** Daemon-side flakes, not Dockerfile rules (never a library disagreement). */
export function isEngineFlake(build: BuildRecord, dockerfile = ''): boolean {
  // The classic builder lost its own intermediate image (`No such image: sha256:…` right after ONBUILD
  // triggers; gen-20261128-041 on docker 20.10.24).
  // A registry lookup: the recording machine has no network, and BuildKit looks a base up in a registry when the local
  // image lacks the `--platform` asked for (`FROM --platform=linux/foo`; rule case from-flags-20261202-034).
  // buildah the same way (`short-name … did not resolve to an alias`, FROM --platform=linux/foo; rule case
  // from-flags-20261202-034 on podman 4.3.1): which platforms an image has locally is outside the model.
  // A crash of buildah 1.28.2, not a Dockerfile rule: an `ARG` without arguments anywhere in the file (nil pointer
  // dereference in imagebuildah build.go warnOnUnsetBuildArgs; rule case arguments-20261202-055).
  if (!('error' in build)) return false;
  if (/--platform=/.test(dockerfile) && /short-name "[^"]*" did not resolve to an alias/.test(build.error)) return true;
  return /No such image: sha256:|failed to do request: Head "https:\/\/|imagebuildah\.warnOnUnsetBuildArgs/.test(build.error);
}

const toConfig = (c: Cfg): ImageConfig => ({ entrypoint: c.Entrypoint, cmd: c.Cmd, shell: c.Shell, onBuild: c.OnBuild });
const show = (v: unknown) => JSON.stringify(v);

/**
 * Replays one build (and the runs recorded for it) with the given options (default: the recorded
 * engine's). Returns null when the library agrees with the engine, else a one-line description of the
 * first disagreement.
 */
export function replayBuild(
  rec: Pick<Recording, 'engine' | 'version' | 'bases'>,
  c: CaseRecord,
  builder: string,
  options: EngineOptions = optionsFor(rec, builder),
): string | null {
  const build = c.builds[builder];
  if (build === undefined) return `no build ${builder}`;
  // Every base the engine had (the recording's header) backs up the case's own list, which names only the bases
  // the Dockerfile spells out (not `argvbase-${T:-cmd}:1`).
  const all = { ...Object.fromEntries(Object.entries(rec.bases ?? {}).map(([k, v]) => [k, v.config])), ...c.baseImages };
  const baseImages = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, toConfig(v)]));
  const result = evaluateDockerfile(c.dockerfile, { ...options, baseImages, unknownBaseImage: 'error', ...(c.target !== undefined ? { target: c.target } : {}) });
  if ('error' in build) {
    if (result.ok) return `engine failed (${build.error.split('\n').pop() ?? ''}), library built ${show(result.config)}`;
    const issue = result.issues[0];
    // The recorder trims trailing blanks of stderr lines (`Unknown flag: ` for `CMD --=x`); Podman prints the
    // build-context path, recorded as `<ctx>/` (`no contents in "<ctx>/Dockerfile"`).
    if (issue.code !== 'base-image-not-found' && !build.error.replaceAll('<ctx>/', '').includes(issue.message.trimEnd())) {
      return `error wording: library "${issue.message}", engine "${build.error.split('\n').pop() ?? ''}"`;
    }
    return null;
  }
  if (!result.ok) return `engine built ${show(build.config)}, library failed: ${result.issues[0].message}`;
  const got = result.config;
  const want = build.config;
  const gotCfg = [got.entrypoint ?? null, got.cmd ?? null, got.shell ?? null, got.onBuild ?? null];
  const wantCfg = [want.Entrypoint, want.Cmd, want.Shell, want.OnBuild];
  if (show(gotCfg) !== show(wantCfg)) return `config [Entrypoint,Cmd,Shell,OnBuild]: library ${show(gotCfg)}, engine ${show(wantCfg)}`;
  for (const run of c.runs.filter((r) => r.builders.includes(builder))) {
    const mismatch = replayRun(got, run, options);
    if (mismatch !== null) return mismatch;
  }
  return null;
}

/** Replays one recorded create (and, when recorded, the argv the process printed). Null when they agree. */
export function replayRun(image: ImageConfig, run: RunRecord, options: EngineOptions): string | null {
  const resolved = resolveDockerRun(
    image,
    { ...(run.entrypoint !== undefined ? { entrypoint: run.entrypoint } : {}), args: run.args, ...(run.init ? { init: true } : {}) },
    options,
  );
  const cli = run.cli ?? '';
  if ('error' in run.create) {
    if (resolved.ok) return `${cli}: engine error (${run.create.error}), library ${show(resolved.argv)}`;
    if (!run.create.error.includes(resolved.issues[0].message)) return `${cli}: error wording: library "${resolved.issues[0].message}", engine "${run.create.error}"`;
    return null;
  }
  if (!resolved.ok) return `${cli}: engine created ${show([run.create.path, ...run.create.args])}, library: ${resolved.issues[0].message}`;
  // Podman: the OCI process.args after `podman init` (`.Args` repeats argv[0] when there are no arguments).
  if (run.create.ociArgs !== undefined && show(resolved.argv) !== show(run.create.ociArgs)) {
    return `${cli}: process.args: library ${show(resolved.argv)}, engine ${show(run.create.ociArgs)}`;
  }
  if (show([resolved.inspectPath, ...resolved.inspectArgs]) !== show([run.create.path, ...run.create.args])) {
    return `${cli}: .Path/.Args: library ${show([resolved.inspectPath, ...resolved.inspectArgs])}, engine ${show([run.create.path, ...run.create.args])}`;
  }
  // The argv printer prints its own argv. When argv[0] is a real shell (busybox) it runs the printer with
  // other words, so only a run whose printed argv[0] is the resolved argv[0] was the printer exec'd directly.
  if (Array.isArray(run.ran) && !run.init && run.ran[0] === resolved.argv[0] && show(run.ran) !== show(resolved.argv)) {
    return `${cli}: process printed ${show(run.ran)}, library argv ${show(resolved.argv)}`;
  }
  return null;
}
