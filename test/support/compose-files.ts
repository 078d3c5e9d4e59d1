import { loadComposeProject, type ComposeProject, type LoadComposeProjectOptions } from '../../src/compose/project.js';

/** A virtual file system for the Compose project loader: absolute path → text. */
export type Files = Readonly<Record<string, string>>;

/** Loads a project from virtual files (working directory `/app` unless given). */
export function load(files: Files, options: Partial<LoadComposeProjectOptions> = {}) {
  return loadComposeProject({ readFile: (p) => (Object.hasOwn(files, p) ? files[p] : undefined), workingDirectory: '/app', ...options });
}

/** Loads a project that must load; fails the test with its issues otherwise. */
export function loadOk(files: Files, options: Partial<LoadComposeProjectOptions> = {}): ComposeProject {
  const r = load(files, options);
  if (!r.ok) throw new Error(`project did not load: ${JSON.stringify(r.issues)}`);
  return r;
}

/** One service's field values (no origins), for table rows. */
export function serviceValues(project: ComposeProject, name: string) {
  const s = project.services.find((x) => x.name === name);
  if (s === undefined) return undefined;
  return {
    ...(s.image && { image: s.image.value }),
    ...(s.command && { command: s.command.value }),
    ...(s.entrypoint && { entrypoint: s.entrypoint.value }),
    ...(s.init && { init: s.init.value }),
    ...(s.working_dir && { working_dir: s.working_dir.value }),
    ...(s.environment && { environment: Object.fromEntries(s.environment.entries.map((e) => [e.key, e.value])) }),
    ...(s.env_file && { env_file: s.env_file.map((e) => e.path) }),
    ...(s.profiles && { profiles: s.profiles.map((p) => p.value) }),
    ...(s.build && {
      build: {
        ...(s.build.context && { context: s.build.context.value }),
        ...(s.build.dockerfile && { dockerfile: s.build.dockerfile.value }),
        ...(s.build.target && { target: s.build.target.value }),
        ...(s.build.args && { args: Object.fromEntries(s.build.args.entries.map((e) => [e.key, e.value])) }),
      },
    }),
  };
}
