import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { plainWordArb, wordArb } from './words.js';
import type { KubernetesContainer } from '../kubernetes/container.js';

/** Words with the kubelet's `$(VAR)` syntax in them: references, `$$` escapes, unclosed ones. */
export const kubernetesWordArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: plainWordArb },
  { weight: 1, arbitrary: wordArb },
  { weight: 2, arbitrary: fc.constantFrom('$(A)', '$(MISSING)', '$$(A)', '$$$(A)', '$(A', 'x$(B)y', '$HOME', '$$', '$') },
);

const listArb = fc.option(fc.array(kubernetesWordArb, { maxLength: 3 }), { nil: null });

/**
 * Kubernetes containers: `command`/`args` unset (`null`), empty or set, with `$(VAR)`
 * references to an `env` that defines `A` and `B` (in either order, sometimes from each other).
 */
export const kubernetesContainerArb: fc.Arbitrary<KubernetesContainer> = fc.record({
  name: fc.constant('app'),
  image: fc.constant('app:1'),
  command: listArb,
  args: listArb,
  env: fc.subarray([
    { name: 'A', value: 'a' },
    { name: 'B', value: '$(A)-b' },
  ]),
});

/** Options of {@link kubernetesManifestArb}. */
export interface KubernetesManifestArbOptions {
  /** Images the containers use (default `['app:1']`); give the same to `resolveManifests`. */
  readonly images?: readonly string[];
}

/**
 * Kubernetes manifests as YAML text: a Pod or a Deployment with one or two containers from
 * {@link kubernetesContainerArb}.
 */
export function kubernetesManifestArb(options: KubernetesManifestArbOptions = {}): fc.Arbitrary<string> {
  const images = options.images ?? ['app:1'];
  const containerArb = fc.tuple(kubernetesContainerArb, fc.constantFrom(...images)).map(([c, image]) => {
    const out: Record<string, unknown> = { name: c.name, image };
    if (c.command !== null && c.command !== undefined) out['command'] = c.command;
    if (c.args !== null && c.args !== undefined) out['args'] = c.args;
    if (c.env !== null && c.env !== undefined && c.env.length > 0) out['env'] = c.env;
    return out;
  });
  return fc.record({ kind: fc.constantFrom('Pod', 'Deployment'), containers: fc.array(containerArb, { minLength: 1, maxLength: 2 }) }).map(({ kind, containers }) => {
    const named = containers.map((c, i) => ({ ...c, name: `c${i}` }));
    const pod = { containers: named };
    const doc =
      kind === 'Pod'
        ? { apiVersion: 'v1', kind, metadata: { name: 'app' }, spec: pod }
        : {
            apiVersion: 'apps/v1',
            kind,
            metadata: { name: 'app' },
            spec: { selector: { matchLabels: { app: 'app' } }, template: { metadata: { labels: { app: 'app' } }, spec: pod } },
          };
    return stringify(doc);
  });
}
