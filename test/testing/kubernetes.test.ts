import { fc, it } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { resolveKubernetes } from '../../src/kubernetes/container.js';
import { resolveManifests } from '../../src/kubernetes/manifest.js';
import { kubernetesContainerArb, kubernetesManifestArb, kubernetesWordArb } from '../../src/testing/kubernetes.js';

const images = { 'app:1': { entrypoint: ['/ep'], cmd: ['serve'] } };

describe('Kubernetes arbitraries', () => {
  // A YAML parse per run (~13 ms): 100 runs cover the generator's shapes without PROPERTY_RUNS' 1000.
  // Pinned: each run reads or evaluates whole generated files (YAML, Dockerfiles); PROPERTY_RUNS=1000 in CI would take minutes.
  it.prop([kubernetesManifestArb()], { numRuns: 100 })('every manifest reads and has containers', (yaml) => {
    const got = resolveManifests(yaml, { images });
    expect(got.ok).toBe(true);
    if (got.ok) expect(got.workloads.flatMap((w) => w.containers).length).toBeGreaterThan(0);
  });

  it.prop([kubernetesContainerArb])('containers resolve to a result (a failure is data, never a throw)', (container) => {
    expect(typeof resolveKubernetes(images['app:1'], container).ok).toBe('boolean');
  });

  test('words reach $(VAR) references, $$ escapes and an unclosed $(', () => {
    // Pinned: each run reads or evaluates whole generated files (YAML, Dockerfiles); PROPERTY_RUNS=1000 in CI would take minutes.
    const sample = fc.sample(kubernetesWordArb, { numRuns: 300, seed: 1 });
    for (const want of ['$(A)', '$$(A)', '$(A']) expect(sample).toContain(want);
  });
});
