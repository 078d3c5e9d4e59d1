// container-argv/registry: an OCI Distribution API client that fetches an image's config.
// Does network I/O (fetch); no node: imports, so it also runs in browsers (where CORS allows).
// Named re-exports only.

export { fetchImageConfig, REGISTRY_DEFAULTS } from './fetch-image-config.js';
export type { FetchImageConfigOptions, FetchImageConfigResult, RegistryImageConfig, RegistrySource } from './fetch-image-config.js';
export type { FetchFunction } from './http.js';
export { basicAuthorization, parseChallenges } from './auth.js';
export type { Challenge, Credentials } from './auth.js';
export { DOCKER_HUB_AUTH_KEY, convertToHostname, dockerConfigCredentials } from './docker-config.js';
export type { DockerConfigCredentialsResult } from './docker-config.js';
export { DEFAULT_PLATFORM, formatPlatform, normalizePlatform, selectPlatform, windowsVersionMatches } from './platform.js';
export type { Platform } from './platform.js';
export { DOCKER_HUB_HOST, registryTarget } from './reference.js';
export type { RegistryReference, RegistryTarget } from './reference.js';
export { DOCKER_CONFIG, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, DOCKER_SCHEMA1, DOCKER_SCHEMA1_SIGNED, OCI_CONFIG, OCI_INDEX, OCI_MANIFEST } from './media-types.js';
