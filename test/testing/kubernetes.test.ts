import { fc, it } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { resolveKubernetes } from '../../src/kubernetes/container.js';
import { resolveManifests } from '../../src/kubernetes/manifest.js';
import { kubernetesContainerArb, kubernetesManifestArb, kubernetesWordArb } from '../../src/testing/kubernetes.js';

const images = { 'app:1': { entrypoint: ['/ep'], cmd: ['serve'] } };

describe('Kubernetes arbitraries', () => {
  // Pinned: a YAML parse per run (~13 ms); 100 runs cover the generator's shapes.
  it.prop([kubernetesManifestArb()], { numRuns: 100 })('every manifest reads and has containers', (yaml) => {
    const got = resolveManifests(yaml, { images });
    expect(got.ok).toBe(true);
    if (got.ok) expect(got.workloads.flatMap((w) => w.containers).length).toBeGreaterThan(0);
  });

  it.prop([kubernetesContainerArb])('containers resolve to a result (a failure is data, never a throw)', (container) => {
    expect(typeof resolveKubernetes(images['app:1'], container).ok).toBe('boolean');
  });

  test('words reach $(VAR) references, $$ escapes and an unclosed $(', () => {
    // Pinned: a seeded sample, for a coverage check (not a property).
    const sample = fc.sample(kubernetesWordArb, { numRuns: 300, seed: 1 });
    for (const want of ['$(A)', '$$(A)', '$(A']) expect(sample).toContain(want);
  });
});
