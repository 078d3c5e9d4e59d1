// Command-line options → the chain of sources (src/cli/base-images/chain.ts): the order the
// issue sets (files > --from-engine > --pull/--offline > catalog), the platform, usage errors.
import { describe, expect, test } from 'vitest';
import { baseChainOf, parsePlatformOption, platformOf, targetOsOf, type BaseImageOptions } from '../../../src/cli/base-images/chain.js';
import type { ImageFile } from '../../../src/cli/inputs.js';
import { UsageError, type CliIO } from '../../../src/cli/io.js';

const io: CliIO = {
  stdout: { write: () => true },
  stderr: { write: () => true },
  readStdin: async () => '',
  env: { HOME: '/nonexistent-home', XDG_CACHE_HOME: '/nonexistent-cache' },
  cwd: '/',
};
const FILE: ImageFile = { ref: 'node:20', file: 'node.json', config: { cmd: ['node'] } };

describe('baseChainOf: which sources, in which order', () => {
  test.for([
    { options: {}, files: false, names: ['catalog'] },
    { options: { catalog: false }, files: false, names: [] },
    { options: {}, files: true, names: ['file', 'catalog'] },
    { options: { fromEngine: 'podman' }, files: false, names: ['podman', 'catalog'] },
    { options: { pull: true }, files: false, names: ['registry', 'catalog'] },
    { options: { offline: true }, files: false, names: ['registry cache', 'catalog'] },
    { options: { fromEngine: 'docker', pull: true, catalog: false }, files: true, names: ['file', 'docker', 'registry'] },
    { options: { fromEngine: 'docker', offline: true }, files: true, names: ['file', 'docker', 'registry cache', 'catalog'] },
  ] satisfies { options: BaseImageOptions; files: boolean; names: string[] }[])('$options, files: $files → $names', async ({ options, files, names }) => {
    const chain = await baseChainOf(io, files ? [FILE] : [], options);
    expect(chain.sources.map((s) => s.name)).toEqual(names);
  });

  test.for([
    { options: { pull: true, offline: true }, message: '--pull asks registries and --offline forbids it: give one of them' },
    { options: { insecureRegistry: ['127.0.0.1:5000'] }, message: '--insecure-registry applies to registry lookups: add --pull' },
    { options: { platform: 'linux' }, message: '--platform expects os/arch[/variant] such as linux/amd64 or linux/arm64/v8, got "linux"' },
    { options: { os: 'windows', platform: 'linux/amd64' }, message: '--os windows and --platform linux/amd64 name different systems' },
  ] satisfies { options: BaseImageOptions; message: string }[])('usage error: $message', async ({ options, message }) => {
    await expect(baseChainOf(io, [], options)).rejects.toThrow(new UsageError(message));
  });
});

describe('the platform', () => {
  test.for([
    { options: {}, platform: { os: 'linux', architecture: 'amd64' }, given: false, os: undefined },
    { options: { os: 'windows' }, platform: { os: 'windows', architecture: 'amd64' }, given: false, os: 'windows' },
    { options: { platform: 'linux/arm64' }, platform: { os: 'linux', architecture: 'arm64' }, given: true, os: 'linux' },
    { options: { platform: 'linux/arm/v7' }, platform: { os: 'linux', architecture: 'arm', variant: 'v7' }, given: true, os: 'linux' },
    { options: { platform: 'windows/amd64', os: 'windows' }, platform: { os: 'windows', architecture: 'amd64' }, given: true, os: 'windows' },
    { options: { platform: 'freebsd/amd64' }, platform: { os: 'freebsd', architecture: 'amd64' }, given: true, os: undefined },
  ] satisfies { options: BaseImageOptions; platform: object; given: boolean; os: string | undefined }[])('$options', ({ options, platform, given, os }) => {
    expect(platformOf(options)).toEqual({ platform, given });
    expect(targetOsOf(options)).toBe(os);
  });

  test.for(['', 'linux/', '/amd64', 'linux/amd64/v8/x', 'Linux/AMD64', 'linux amd64'])('parsePlatformOption(%j) is a usage error', (text) => {
    expect(() => parsePlatformOption(text)).toThrow(UsageError);
  });
});
