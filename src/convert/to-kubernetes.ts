/** {@link ContainerSpec} → Kubernetes container (alone, or in a Pod or Deployment). */
import { escapeKubernetes } from '../kubernetes/expansion.js';
import { runFlagsToKubernetes, type RunContainerFields } from '../kubernetes/from-run.js';
import { unknownImageDiagnostic } from '../run/image-needs.js';
import { isClearedEntrypoint, noCounterpart, type ContainerSpec, type ConvertOptions, type WriteResult } from './spec.js';
import type { Diagnostic, Issue } from '../core/types.js';

/** A Kubernetes container, the Pod fields it needs, and the document around them (`options.kubernetesKind`). */
export interface KubernetesOutput {
  readonly container: Readonly<Record<string, unknown>>;
  readonly pod: { readonly restartPolicy?: 'Always' | 'OnFailure' | 'Never'; readonly hostname?: string };
  /** The Pod or Deployment, or the container itself for `'Container'`. */
  readonly document: Readonly<Record<string, unknown>>;
}

/** `command`/`args` (`null`: leave unset), or why none run what the spec runs. */
type Plan = { readonly command: readonly string[] | null; readonly args: readonly string[] | null } | { readonly issue: Issue } | { readonly needs: 'cmd' };

const NONE: readonly string[] = [];

/**
 * containerd runs `command` (else the image ENTRYPOINT, `['']` skipped) then `args` (else, with no
 * command, the image CMD): Docker's request maps onto that except where Kubernetes cannot clear
 * the image ENTRYPOINT (an empty `command` is unset), so `[]` and `['']` entrypoints put the whole
 * argv into `command` — with `[]` and no command that argv is the image CMD.
 */
function plan(spec: ContainerSpec, options: ConvertOptions): Plan {
  const ep = spec.entrypoint;
  const cmd = spec.cmd ?? NONE;
  if (ep === null) return { command: null, args: cmd.length > 0 ? cmd : null };
  if (ep.length > 0 && !isClearedEntrypoint(ep)) return { command: ep, args: cmd.length > 0 ? cmd : null };
  if (cmd.length > 0) return { command: cmd, args: null };
  if (isClearedEntrypoint(ep)) return { issue: { code: 'no-command', message: 'no command specified' } };
  const image = options.imageConfig;
  if (image === undefined || image === null) return { needs: 'cmd' };
  const imageCmd = image.cmd ?? NONE;
  return imageCmd.length > 0 ? { command: imageCmd, args: null } : { issue: { code: 'no-command', message: 'no command specified' } };
}

/** The container name: `--name` (runFlagsToKubernetes checks it), else the Compose service's or the image's last path component as a DNS label, else `app`. */
function containerName(spec: ContainerSpec, fields: RunContainerFields): string {
  if (fields.name !== undefined) return fields.name;
  const words = (spec.service ?? spec.image?.split('@')[0]?.split('/').pop()?.split(':')[0] ?? '').toLowerCase().split(/[^a-z0-9]/);
  const base = words.filter((w) => w !== '').join('-');
  return base === '' ? 'app' : base.slice(0, 63).replace(/-$/, '');
}

/** The Pod or Deployment around the container. */
function wrap(
  container: Record<string, unknown>,
  pod: KubernetesOutput['pod'],
  name: string,
  kind: ConvertOptions['kubernetesKind'],
  diagnostics: Diagnostic[],
): Record<string, unknown> {
  if (kind === 'Container') return container;
  const podSpec = { ...pod, containers: [container] };
  if (kind !== 'Deployment') return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: podSpec };
  if (pod.restartPolicy !== undefined && pod.restartPolicy !== 'Always') {
    diagnostics.push(noCounterpart(`restartPolicy ${pod.restartPolicy}`, 'Deployment', {}, 'A Deployment only allows Always; use a Pod or a Job.'));
    delete (podSpec as { restartPolicy?: string }).restartPolicy;
  }
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec } },
  };
}

/**
 * Writes a spec as a Kubernetes container that runs the same argv: the entrypoint as `command`,
 * the rest as `args`, every `$` written `$$` so the kubelet's `$(VAR)` expansion keeps it; the
 * other flags through `runFlagsToKubernetes` (env, workingDir, ports, resources, securityContext,
 * restartPolicy, hostname…, a diagnostic for each flag without a field). `--init` has no
 * counterpart (diagnosed). Compose's `entrypoint: []` without a command needs the image CMD.
 */
export function specToKubernetes(spec: ContainerSpec, options: ConvertOptions = {}): WriteResult<KubernetesOutput> {
  const flags = runFlagsToKubernetes(spec.flags, { ...(options.engine !== undefined && { engine: options.engine }) });
  const diagnostics: Diagnostic[] = [...flags.diagnostics];
  if (spec.image === undefined)
    return { ok: false, issues: [{ code: 'convert-no-image', message: 'a Kubernetes container needs an image: this service only has build:.' }], diagnostics };
  if (spec.init) diagnostics.push(noCounterpart('init (docker run --init)', 'Kubernetes', {}, 'Put tini or dumb-init in the image and at the start of command.'));
  const p = plan(spec, options);
  if ('issue' in p) return { ok: false, issues: [p.issue], diagnostics };
  if ('needs' in p) return { ok: true, complete: false, dependsOn: ['cmd'], diagnostics: [...diagnostics, unknownImageDiagnostic(['cmd'], 'image', 'command')] };
  if (spec.entrypoint !== null && (spec.entrypoint.length === 0 || isClearedEntrypoint(spec.entrypoint))) {
    diagnostics.push({
      code: 'k8s-empty-command',
      severity: 'info',
      message: 'Kubernetes cannot clear the image ENTRYPOINT (an empty command is unset), so the whole argv goes into command.',
    });
  }
  const { name: _name, ...fields } = flags.container;
  const name = containerName(spec, flags.container);
  const container: Record<string, unknown> = { name, image: spec.image };
  if (p.command !== null) container['command'] = p.command.map(escapeKubernetes);
  if (p.args !== null) container['args'] = p.args.map(escapeKubernetes);
  Object.assign(container, fields);
  const document = wrap(container, flags.pod, name, options.kubernetesKind, diagnostics);
  return { ok: true, complete: true, value: { container, pod: flags.pod, document }, diagnostics };
}
