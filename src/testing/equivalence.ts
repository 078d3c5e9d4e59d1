import { evaluateDockerfile, type EvaluateDockerfileOptions } from '../dockerfile/evaluate.js';
import { resolveDockerRun, type DockerRunOverrides } from '../run/docker-run.js';
import { parseRunCommandLine, type RunCommandLineOptions } from '../run/command-line.js';
import { resolveKubernetes, type KubernetesContainer, type KubernetesOptions } from '../kubernetes/container.js';
import { resolveManifests, type ResolveManifestsOptions } from '../kubernetes/manifest.js';
import { resolveCompose, type ComposeRunOverrides, type ResolveComposeResult } from '../compose/service.js';
import { resolveComposeFile, serviceImages, type ComposeFileService, type ResolveComposeFileOptions, type ServiceImagesResult } from '../compose/file.js';
import { quoteShellWord } from '../core/format-argv.js';
import { KIT_BASE_IMAGES } from './dockerfile.js';
import type { EngineOptions, ImageConfig, Issues } from '../core/types.js';

/**
 * What a container runs under one probe: an argv, or the engine's error (compared by `code`);
 * `accepted` stands for an input that evaluates, when the other one does not.
 */
export type ArgvOutcome = { readonly argv: readonly string[] } | { readonly code: string; readonly message: string } | { readonly accepted: true };

const ACCEPTED: ArgvOutcome = Object.freeze({ accepted: true as const });

/** The first difference an oracle found. */
export interface ArgvDifference {
  /** Which part of the input: `stage 1 "build" (line 4)`, `service web`, `Pod/app containers[0]`; `''` for the whole input. */
  readonly where: string;
  /** The override or use that shows it: `docker run --entrypoint EP IMAGE ARG`, or a child build `FROM image; CMD probe $1`. */
  readonly probe: string;
  /** `undefined` when the part is missing on that side. */
  readonly left: ArgvOutcome | undefined;
  readonly right: ArgvOutcome | undefined;
}

/** An oracle's verdict: equivalent (with how many probes were compared), or the first difference, explained. */
export type Equivalence =
  { readonly equivalent: true; readonly checked: number } | { readonly equivalent: false; readonly difference: ArgvDifference; readonly explanation: string };

/**
 * The `docker run` overrides the oracles try. The merge treats override words as opaque, so one
 * probe per branch (none, args, `--entrypoint X`, `--entrypoint ""`, each with and without args,
 * `--init`) covers every override.
 */
export const DOCKER_RUN_PROBES: readonly DockerRunOverrides[] = Object.freeze([
  {},
  { args: ['ARG'] },
  { entrypoint: 'EP' },
  { entrypoint: 'EP', args: ['ARG'] },
  { entrypoint: '' },
  { entrypoint: '', args: ['ARG'] },
  { init: true },
  { init: true, args: ['ARG'] },
]);

/**
 * Child builds that show what an image hands down: its ONBUILD triggers, its SHELL, the CMD
 * reset (each child is then run with `docker run IMAGE`). Lines are separated by `; ` here.
 */
export const CHILD_BUILD_PROBES: readonly string[] = Object.freeze(['FROM image', 'FROM image; CMD probe $1', 'FROM image; ENTRYPOINT ["probe"]']);

/** `docker compose run` overrides the Compose oracle tries (besides `docker compose up`). */
export const COMPOSE_RUN_PROBES: readonly ComposeRunOverrides[] = Object.freeze([
  { command: ['ARG'] },
  { entrypoint: 'EP' },
  { entrypoint: 'EP', command: ['ARG'] },
  { entrypoint: '' },
  { entrypoint: '', command: ['ARG'] },
]);

/** Options of {@link compareImageConfigs}. */
export interface CompareImageOptions extends EngineOptions {
  /** Also compare child builds ({@link CHILD_BUILD_PROBES}); default true. */
  readonly children?: boolean;
}

type Result =
  | { readonly ok: true; readonly argv: readonly string[] }
  | { readonly ok: true; readonly complete: false; readonly dependsOn: readonly unknown[]; readonly argv?: readonly string[] }
  | { readonly ok: false; readonly issues: Issues };

/** The argv, the failure, or (an answer that depends on an image config not given) that dependency as a code. */
function outcomeOf(result: Result): ArgvOutcome {
  if (!result.ok) return { code: result.issues[0].code, message: result.issues[0].message };
  if (!('complete' in result) || result.complete) return { argv: result.argv as readonly string[] };
  // A Kubernetes argv that depends only on env values not given (a ConfigMap, a pod field) is not known either.
  if (result.dependsOn.length === 0) return { code: 'k8s-env-value-unknown', message: 'depends on an environment value that was not given' };
  return { code: 'depends-on-unknown-image', message: 'depends on an image config that was not given' };
}

function sameOutcome(a: ArgvOutcome | undefined, b: ArgvOutcome | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if ('argv' in a) return 'argv' in b && a.argv.length === b.argv.length && a.argv.every((w, i) => w === b.argv[i]);
  if ('code' in a) return 'code' in b && a.code === b.code;
  return 'accepted' in b;
}

/** `runs ["a","b"]`, `fails with no-command (no command specified)`, `is accepted` or `is missing`. */
export function describeOutcome(outcome: ArgvOutcome | undefined): string {
  if (outcome === undefined) return 'is missing';
  if ('argv' in outcome) return `runs ${JSON.stringify(outcome.argv)}`;
  return 'code' in outcome ? `fails with ${outcome.code} (${outcome.message})` : 'is accepted';
}

function differ(difference: ArgvDifference): Equivalence {
  const where = difference.where === '' ? '' : `${difference.where}: `;
  const how = difference.probe.startsWith('FROM ') ? `in a child image \`${difference.probe}\`` : `with \`${difference.probe}\``;
  const explanation = `${where}${how} the left ${describeOutcome(difference.left)} but the right ${describeOutcome(difference.right)}`;
  return { equivalent: false, difference, explanation };
}

/** Runs the probes in order; the first pair of outcomes that differ is the answer. */
function compareProbes(
  where: string,
  probes: readonly { readonly probe: string; readonly left: () => ArgvOutcome | undefined; readonly right: () => ArgvOutcome | undefined }[],
): Equivalence {
  for (const p of probes) {
    const left = p.left();
    const right = p.right();
    if (!sameOutcome(left, right)) return differ({ where, probe: p.probe, left, right });
  }
  return { equivalent: true, checked: probes.length };
}

/** `docker run --entrypoint EP IMAGE ARG` for a probe. */
export function describeRun(run: DockerRunOverrides, image = 'IMAGE'): string {
  const words = [
    'docker',
    'run',
    ...(run.init === true ? ['--init'] : []),
    ...(run.entrypoint === undefined ? [] : ['--entrypoint', quoteShellWord(run.entrypoint)]),
    image,
    ...(run.args ?? []).map(quoteShellWord),
  ];
  return words.join(' ');
}

function engineOf(options: EngineOptions): EngineOptions {
  return {
    ...(options.engine !== undefined && { engine: options.engine }),
    ...(options.engineVersion !== undefined && { engineVersion: options.engineVersion }),
    ...(options.builder !== undefined && { builder: options.builder }),
    ...(options.imageFormat !== undefined && { imageFormat: options.imageFormat }),
  };
}

function childOutcome(config: ImageConfig, dockerfile: string, engine: EngineOptions): ArgvOutcome {
  const child = evaluateDockerfile(`${dockerfile.replaceAll('; ', '\n')}\n`, { ...engine, baseImages: { image: config }, ...(config.os !== undefined && { os: config.os }) });
  return child.ok ? outcomeOf(resolveDockerRun(child.config, {}, engine)) : outcomeOf(child);
}

function imageProbes(left: ImageConfig, right: ImageConfig, options: CompareImageOptions) {
  const engine = engineOf(options);
  const runs = DOCKER_RUN_PROBES.map((run) => ({
    probe: describeRun(run),
    left: () => outcomeOf(resolveDockerRun(left, run, engine)),
    right: () => outcomeOf(resolveDockerRun(right, run, engine)),
  }));
  if (options.children === false) return runs;
  const children = CHILD_BUILD_PROBES.map((dockerfile) => ({
    probe: dockerfile,
    left: () => childOutcome(left, dockerfile, engine),
    right: () => childOutcome(right, dockerfile, engine),
  }));
  return [...runs, ...children];
}

/**
 * Whether two image configs run the same argv for every `docker run` override
 * ({@link DOCKER_RUN_PROBES}) and hand the same behaviour down to child images
 * ({@link CHILD_BUILD_PROBES}: ONBUILD triggers, SHELL, the CMD reset).
 *
 * @example
 * compareImageConfigs({ cmd: ['a'] }, { entrypoint: ['a'] }).explanation
 * // 'with `docker run IMAGE ARG` the left runs ["ARG"] but the right runs ["a","ARG"]'
 */
export function compareImageConfigs(left: ImageConfig, right: ImageConfig, options: CompareImageOptions = {}): Equivalence {
  return compareProbes('', imageProbes(left, right, options));
}

/** Options of {@link compareDockerfiles}: those of `evaluateDockerfile` (base images default to {@link KIT_BASE_IMAGES}). */
export interface CompareDockerfilesOptions extends EvaluateDockerfileOptions {
  /** Also compare child builds of every stage; default true. */
  readonly children?: boolean;
}

/**
 * Whether two Dockerfiles build stages that run the same argv for every override: both
 * evaluate (or both fail with the same issue code), have as many stages, and each stage's
 * config passes {@link compareImageConfigs}.
 *
 * @example
 * compareDockerfiles('FROM scratch\nCMD a b\n', 'FROM scratch\nCMD ["a", "b"]\n').explanation
 * // 'stage 0 (line 1): with `docker run IMAGE` the left runs ["/bin/sh","-c","a b"] but the right runs ["a","b"]'
 */
export function compareDockerfiles(left: string, right: string, options: CompareDockerfilesOptions = {}): Equivalence {
  const evalOptions: EvaluateDockerfileOptions = { baseImages: KIT_BASE_IMAGES, ...options };
  const a = evaluateDockerfile(left, evalOptions);
  const b = evaluateDockerfile(right, evalOptions);
  if (!a.ok || !b.ok) return acceptance('', 'docker build', a, b);
  let checked = 0;
  const count = Math.max(a.stages.length, b.stages.length);
  for (let i = 0; i < count; i++) {
    const sa = a.stages[i];
    const sb = b.stages[i];
    const at = sa ?? sb!;
    const where = `stage ${i}${at.name === null ? '' : ` "${at.name}"`} (line ${at.line})`;
    if (sa === undefined || sb === undefined) return differ({ where, probe: 'docker build', left: sa && ACCEPTED, right: sb && ACCEPTED });
    const verdict = compareProbes(where, imageProbes(sa.config, sb.config, { ...options, ...(options.os !== undefined && { os: options.os }) }));
    if (!verdict.equivalent) return verdict;
    checked += verdict.checked;
  }
  return { equivalent: true, checked };
}

/**
 * Whether two Kubernetes manifest texts run the same argv in every container (workloads and
 * containers paired in order; a missing one is a difference).
 */
export function compareManifests(left: string, right: string, options: ResolveManifestsOptions): Equivalence {
  const a = resolveManifests(left, options);
  const b = resolveManifests(right, options);
  if (!a.ok || !b.ok) return acceptance('', 'kubectl apply', a, b);
  const containers = (r: typeof a & { ok: true }) =>
    r.workloads.flatMap((w) => w.containers.map((c) => ({ where: `${w.kind}/${w.name} ${c.path} (${c.name})`, outcome: outcomeOf(c.result) })));
  const ca = containers(a);
  const cb = containers(b);
  for (let i = 0; i < Math.max(ca.length, cb.length); i++) {
    const x = ca[i];
    const y = cb[i];
    if (!sameOutcome(x?.outcome, y?.outcome)) return differ({ where: (x ?? y)!.where, probe: 'kubectl apply', left: x?.outcome, right: y?.outcome });
  }
  return { equivalent: true, checked: ca.length };
}

/** When one input (or both) cannot be read: the same issue code on both sides is equivalent. */
function acceptance(where: string, probe: string, a: { readonly ok: boolean }, b: { readonly ok: boolean }): Equivalence {
  const side = (r: { readonly ok: boolean }): ArgvOutcome => (r.ok ? ACCEPTED : outcomeOf(r as Result));
  const left = side(a);
  const right = side(b);
  return sameOutcome(left, right) ? { equivalent: true, checked: 1 } : differ({ where, probe, left, right });
}

/** A service's image config as resolveComposeFile finds it (by `image:` reference, else by name); empty when unknown. */
function lookupCompose(images: ServiceImagesResult, service: ComposeFileService): ImageConfig {
  return (images.ok ? images.lookup(service.image, service.reference, service.name) : undefined) ?? {};
}

function composeRunOutcome(up: ResolveComposeResult, image: ImageConfig, run: ComposeRunOverrides): ArgvOutcome {
  if (!up.ok) return outcomeOf(up);
  return outcomeOf(resolveCompose(image, { entrypoint: up.request.entrypoint, command: up.request.cmd }, run));
}

/**
 * Whether two Compose files run the same argv in every service, with `docker compose up` and
 * with each `docker compose run` override ({@link COMPOSE_RUN_PROBES}). Services are paired by
 * name.
 */
export function compareComposeFiles(left: string, right: string, options: ResolveComposeFileOptions): Equivalence {
  const a = resolveComposeFile(left, options);
  const b = resolveComposeFile(right, options);
  if (!a.ok || !b.ok) return acceptance('', 'docker compose config', a, b);
  const names = [...new Set([...a.services, ...b.services].map((s) => s.name))].sort();
  const images = serviceImages(
    options.images,
    names.map((n) => [n, null]),
  );
  let checked = 0;
  for (const name of names) {
    const x = a.services.find((s) => s.name === name);
    const y = b.services.find((s) => s.name === name);
    const where = `service ${name}`;
    if (x === undefined || y === undefined) return differ({ where, probe: 'docker compose up', left: x && outcomeOf(x.result), right: y && outcomeOf(y.result) });
    const ix = lookupCompose(images, x);
    const iy = lookupCompose(images, y);
    const verdict = compareProbes(where, [
      { probe: `docker compose up ${name}`, left: () => outcomeOf(x.result), right: () => outcomeOf(y.result) },
      ...COMPOSE_RUN_PROBES.map((run) => ({
        probe: ['docker compose run', ...(run.entrypoint === undefined ? [] : ['--entrypoint', quoteShellWord(run.entrypoint)]), name, ...(run.command ?? [])].join(' '),
        left: () => composeRunOutcome(x.result, ix, run),
        right: () => composeRunOutcome(y.result, iy, run),
      })),
    ]);
    if (!verdict.equivalent) return verdict;
    checked += verdict.checked;
  }
  return { equivalent: true, checked };
}

/**
 * Whether a Kubernetes container runs what a `docker run` runs on the same image (the run given
 * as overrides or as a command line). Left is Kubernetes, right is Docker.
 *
 * @example
 * compareKubernetesWithDockerRun({ cmd: ['a'] }, { args: ['b'] }, 'docker run img b').equivalent // true
 */
export function compareKubernetesWithDockerRun(
  image: ImageConfig,
  container: KubernetesContainer,
  run: DockerRunOverrides | string,
  options: KubernetesOptions & RunCommandLineOptions = {},
): Equivalence {
  let overrides: DockerRunOverrides;
  let probe: string;
  if (typeof run === 'string') {
    const parsed = parseRunCommandLine(run, options);
    if (!parsed.ok) return differ({ where: '', probe: run, left: outcomeOf(resolveKubernetes(image, container, options)), right: outcomeOf(parsed) });
    overrides = parsed.run;
    probe = run;
  } else {
    overrides = run;
    probe = describeRun(run);
  }
  const k8s = outcomeOf(resolveKubernetes(image, container, options));
  const docker = outcomeOf(resolveDockerRun(image, overrides, engineOf(options)));
  if (sameOutcome(k8s, docker)) return { equivalent: true, checked: 1 };
  return differ({ where: 'Kubernetes (left) vs docker run (right)', probe, left: k8s, right: docker });
}

/** Throws an `Error` with the explanation unless the verdict is `equivalent` (for use inside `fc.assert`/`test.prop`). */
export function assertEquivalent(verdict: Equivalence): void {
  if (!verdict.equivalent) throw new Error(verdict.explanation);
}
