import { describe, expect, test } from 'vitest';
import { formatPlatformSpecifier, parsePlatform } from '../../src/core/platform.js';

// Rows from the rules of containerd platforms.Parse (containerd/platforms v1.0.0-rc.4 as vendored by buildkit 73ed6825:
// platforms.go Parse, database.go normalizeArch; a lone OS takes the engine's architecture, amd64 here), and the
// wording Docker 20.10.24 printed for an empty specifier (test/fixtures/engine/docker-20.10.24-platform-args.json,
// platform-flag-empty).
describe('parsePlatform', () => {
  test.for([
    { text: 'linux/amd64', want: 'linux/amd64' },
    { text: 'Linux/x86_64', want: 'linux/amd64' },
    { text: 'linux/x86-64', want: 'linux/amd64' },
    { text: 'linux/aarch64', want: 'linux/arm64' },
    { text: 'linux/arm64/v8', want: 'linux/arm64' },
    { text: 'linux/arm64/8', want: 'linux/arm64' },
    { text: 'linux/arm64/v9', want: 'linux/arm64/v9' },
    { text: 'linux/arm', want: 'linux/arm/v7' },
    { text: 'linux/arm/v6', want: 'linux/arm/v6' },
    { text: 'windows/amd64', want: 'windows/amd64' },
    { text: 'linux', want: 'linux/amd64' },
    // containerd: a lone architecture runs on the engine's OS; any variant and case pass (Docker 20.10.24, both
    // builders, live engine suite seed 230993860).
    { text: 'arm64', want: 'linux/arm64' },
    { text: 'LINUX/AMD64', want: 'linux/amd64' },
    { text: 'linux/foo', want: 'linux/foo' },
    { text: 'linux/amd64/v2', want: 'linux/amd64/v2' },
  ])('$text → $want', ({ text, want }) => {
    const r = parsePlatform(text);
    expect(r.ok && formatPlatformSpecifier(r.platform)).toBe(want);
  });

  test.for([
    { text: '', want: '"" is an invalid component of "": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument' },
    { text: 'linux/am d64', want: '"am d64" is an invalid component of "linux/am d64": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument' },
    { text: 'linux//amd64', want: '"" is an invalid component of "linux//amd64": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument' },
    // Docker 20.10.24, both builders: live engine suite seed 230993860, case from-flags-230993860-001.
    { text: 'foo', want: '"foo": unknown operating system or architecture: invalid argument' },
    // containerd platforms.go Parse: more than three components.
    { text: 'linux/arm/v7/x', want: '"linux/arm/v7/x": cannot parse platform specifier: invalid argument' },
  ])('refuses $text', ({ text, want }) => {
    const r = parsePlatform(text);
    expect(r.ok ? null : r.message).toBe(want);
  });
});
