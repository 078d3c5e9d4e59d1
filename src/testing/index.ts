// container-argv/testing: fast-check arbitraries and equivalence oracles, for checking a tool
// (formatter, linter, converter, generator) against the reference. fast-check is a peer dependency,
// imported only by this subpath. Named re-exports only.

export { argvArb, plainWordArb, processWordArb, wordArb } from './words.js';
export { commandArb, fullImageConfigArb, imageConfigArb } from './image.js';
export { dockerRunOverridesArb, runCommandLineArb } from './run.js';
export type { GeneratedRunLine } from './run.js';
export { KIT_BASE_IMAGES, dockerfileArb } from './dockerfile.js';
export type { DockerfileArbOptions } from './dockerfile.js';
export { kubernetesContainerArb, kubernetesManifestArb, kubernetesWordArb } from './kubernetes.js';
export type { KubernetesManifestArbOptions } from './kubernetes.js';
export { composeCommandArb, composeFileArb, composeServiceArb } from './compose.js';
export type { ComposeFileArbOptions } from './compose.js';
export {
  CHILD_BUILD_PROBES,
  COMPOSE_RUN_PROBES,
  DOCKER_RUN_PROBES,
  assertEquivalent,
  compareComposeFiles,
  compareDockerfiles,
  compareImageConfigs,
  compareKubernetesWithDockerRun,
  compareManifests,
  describeOutcome,
  describeRun,
} from './equivalence.js';
export type { ArgvDifference, ArgvOutcome, CompareDockerfilesOptions, CompareImageOptions, Equivalence } from './equivalence.js';
