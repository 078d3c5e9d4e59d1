// The property tests' arbitraries live in the testing kit (src/testing/, `container-argv/testing`),
// so the suite and the kit's users generate the same cases. The names the tests here use:
export { argvArb, processWordArb, wordArb } from '../../src/testing/words.js';
export { commandArb, imageConfigArb as imageArb } from '../../src/testing/image.js';
export { dockerRunOverridesArb as runArb } from '../../src/testing/run.js';
