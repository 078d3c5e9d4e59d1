import { describe, expect, test } from 'vitest';
import { formatPlatformSpecifier, parsePlatform } from '../../src/core/platform.js';

// Rows from the rules of containerd platforms.Parse + Normalize (containerd/platforms v1.0.0-rc.4 as vendored by buildkit
// 73ed6825: platforms.go Parse, database.go normalizeOS/normalizeArch; a lone OS takes the engine's architecture, amd64
// here), and the wording Docker 20.10.24 printed for an empty specifier (test/fixtures/engine/docker-20.10.24-platform-args.json,
// platform-flag-empty).
describe('parsePlatform', () => {
  test.for([
    { text: 'linux/amd64', want: 'linux/amd64' },
    { text: 'Linux/x86_64', want: 'linux/amd64' },
    { text: 'linux/aarch64', want: 'linux/arm64' },
    { text: 'linux/arm64/v8', want: 'linux/arm64' },
    { text: 'linux/arm', want: 'linux/arm/v7' },
    { text: 'linux/armhf', want: 'linux/arm/v7' },
    { text: 'linux/armel', want: 'linux/arm/v6' },
    { text: 'linux/i386', want: 'linux/386' },
    { text: 'windows/amd64', want: 'windows/amd64' },
    { text: 'linux', want: 'linux/amd64' },
    { text: 'arm64', want: 'linux/arm64' },
    { text: 'macos/arm64', want: 'darwin/arm64' },
  ])('$text → $want', ({ text, want }) => {
    const r = parsePlatform(text);
    expect(r.ok && formatPlatformSpecifier(r.platform)).toBe(want);
  });

  test('windows(osversion)/amd64 keeps the OS version; FormatAll writes it, Format does not', () => {
    const r = parsePlatform('windows(10.0.20348)/amd64');
    expect(r.ok && r.platform).toEqual({ os: 'windows', architecture: 'amd64', variant: '', osVersion: '10.0.20348' });
    expect(r.ok && [formatPlatformSpecifier(r.platform), formatPlatformSpecifier(r.platform, true)]).toEqual(['windows/amd64', 'windows(10.0.20348)/amd64']);
  });

  test.for([
    { text: '', want: '"" is an invalid component of "": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument' },
    { text: 'linux/am d64', want: '"am d64" is an invalid component of "linux/am d64": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument' },
    { text: 'nope', want: '"nope": unknown operating system or architecture: invalid argument' },
    { text: 'a/b/c/d', want: '"a/b/c/d": cannot parse platform specifier: invalid argument' },
  ])('refuses $text', ({ text, want }) => {
    const r = parsePlatform(text);
    expect(r.ok ? null : r.message).toBe(want);
  });
});
