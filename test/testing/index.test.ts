import { describe, expect, test } from 'vitest';
import * as testing from '../../src/testing/index.js';

// The public surface of `container-argv/testing` (src/testing/index.ts): runtime exports are listed
// here on purpose, so that adding or dropping one is a visible change.
describe('container-argv/testing exports', () => {
  test('exactly these runtime names', () => {
    expect(Object.keys(testing).sort()).toEqual(
      [
        'CHILD_BUILD_PROBES',
        'COMPOSE_RUN_PROBES',
        'DOCKER_RUN_PROBES',
        'KIT_BASE_IMAGES',
        'argvArb',
        'assertEquivalent',
        'commandArb',
        'compareComposeFiles',
        'compareDockerfiles',
        'compareImageConfigs',
        'compareKubernetesWithDockerRun',
        'compareManifests',
        'composeCommandArb',
        'composeFileArb',
        'composeServiceArb',
        'describeOutcome',
        'describeRun',
        'dockerRunOverridesArb',
        'dockerfileArb',
        'fullImageConfigArb',
        'imageConfigArb',
        'kubernetesContainerArb',
        'kubernetesManifestArb',
        'kubernetesWordArb',
        'plainWordArb',
        'processWordArb',
        'runCommandLineArb',
        'wordArb',
      ].sort(),
    );
  });
});
