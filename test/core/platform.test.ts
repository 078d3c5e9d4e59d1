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

  // containerd 1.x's grammar (Docker 20.10.24 recorded these).
  test.for([
    { text: '', want: '"" is an invalid component of "": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument' },
    { text: 'linux/am d64', want: '"am d64" is an invalid component of "linux/am d64": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument' },
    { text: 'linux//amd64', want: '"" is an invalid component of "linux//amd64": platform specifier component must match "^[A-Za-z0-9_-]+$": invalid argument' },
    // Docker 20.10.24, both builders: live engine suite seed 230993860, case from-flags-230993860-001.
    { text: 'foo', want: '"foo": unknown operating system or architecture: invalid argument' },
    // containerd platforms.go Parse: more than three components.
    { text: 'linux/arm/v7/x', want: '"linux/arm/v7/x": cannot parse platform specifier: invalid argument' },
  ])('refuses $text', ({ text, want }) => {
    const r = parsePlatform(text, 0);
    expect(r.ok ? null : r.message).toBe(want);
  });
});

// containerd/platforms platforms_test.go TestParseSelector at v1.0.0-rc.4 (09756f59, 2026-03-31), run through Normalize
// as the engines use it (the test's own `expected` is Parse's: arm64/v8 keeps v8, arm's v7 is dropped) and printed with
// FormatAll; defaultOS linux, defaultArch amd64 (the engine here).
describe('parsePlatform: containerd TestParseSelector (rc.4)', () => {
  test.for([
    ['linux/arm64', 'linux/arm64'],
    ['linux/arm64/v8', 'linux/arm64'],
    ['linux/arm/v6', 'linux/arm/v6'],
    ['linux/arm/v7', 'linux/arm/v7'],
    ['arm', 'linux/arm/v7'],
    ['armel', 'linux/arm/v6'],
    ['armhf', 'linux/arm/v7'],
    ['Aarch64', 'linux/arm64'],
    ['x86_64', 'linux/amd64'],
    ['Linux/x86_64', 'linux/amd64'],
    ['i386', 'linux/386'],
    ['linux', 'linux/amd64'],
    ['s390x', 'linux/s390x'],
    ['linux/s390x', 'linux/s390x'],
    ['macOS', 'darwin/amd64'],
    ['windows', 'windows/amd64'],
    ['windows()', 'windows/amd64'],
    ['windows(10.0.17763)', 'windows(10.0.17763)/amd64'],
    ['windows(10.0.17763+win32k)', 'windows(10.0.17763+win32k)/amd64'],
    ['linux(+gpu)', 'linux(+gpu)/amd64'],
    ['linux(+gpu+simd)', 'linux(+gpu+simd)/amd64'],
    ['linux(+unsorted+erofs)', 'linux(+erofs+unsorted)/amd64'],
    ['windows(10.0.17763%2Bbuild.42)', 'windows(10.0.17763%2Bbuild.42)/amd64'],
    ['windows(10.0.17763%2Bbuild.42+win32k)', 'windows(10.0.17763%2Bbuild.42+win32k)/amd64'],
    ['windows(50%25done)', 'windows(50%25done)/amd64'],
    // database.go normalizeArch: amd64/v1, arm64 8/v8.0 and 9/9.0/v9.0, arm 5/6/7/8.
    ['linux/amd64/v1', 'linux/amd64'],
    ['linux/arm64/v8.0', 'linux/arm64'],
    ['linux/arm64/9.0', 'linux/arm64/v9'],
    ['linux/arm64/v9.2', 'linux/arm64/v9.2'],
    ['linux/arm/5', 'linux/arm/v5'],
    ['linux/arm/7', 'linux/arm/v7'],
    ['linux/i386/v1', 'linux/386'],
  ] as const)('%s → %s', ([text, want]) => {
    const r = parsePlatform(text);
    expect(r.ok && formatPlatformSpecifier(r.platform, true)).toBe(want);
  });

  test('the OS version and features are kept apart; Format leaves them out', () => {
    const r = parsePlatform('windows(10.0.17763%2Bbuild.42+win32k+win32k)/amd64');
    expect(r.ok && r.platform).toEqual({ os: 'windows', architecture: 'amd64', variant: '', osVersion: '10.0.17763+build.42', osFeatures: ['win32k'] });
    expect(r.ok && formatPlatformSpecifier(r.platform)).toBe('windows/amd64');
  });

  // TestParseSelectorInvalid (rc.4) and the error texts of platforms.go Parse.
  test.for([
    [
      '',
      '"" is an invalid OS component of "": OSAndVersion specifier component must match "^([A-Za-z0-9_-]+)(?:\\\\(([A-Za-z0-9_.%-]*)((?:\\\\+[A-Za-z0-9_.%-]+)*)\\\\))?$": invalid argument',
    ],
    ['/linux/arm', null],
    ['linux/arm/', '"" is an invalid component of "linux/arm/": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument'],
    ['linux /arm', null],
    ['linux/&arm', '"&arm" is an invalid component of "linux/&arm": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument'],
    ['linux/arm/foo/bar', '"linux/arm/foo/bar": cannot parse platform specifier: invalid argument'],
    ['linux/arm/foo/bar/baz', '"bar/baz" is an invalid component of "linux/arm/foo/bar/baz": platform specifier component must match "^[A-Za-z0-9_.-]+$": invalid argument'],
    ['linux/*', '"linux/*": wildcards not yet supported: invalid argument'],
    ['windows(1%zz)/amd64', '"windows(1%zz)/amd64" has an invalid OS version "1%zz": invalid URL escape "%zz"'],
    ['foo', '"foo": unknown operating system or architecture: invalid argument'],
  ] as const)('refuses %j', ([text, want]) => {
    const r = parsePlatform(text);
    expect(r.ok).toBe(false);
    if (want !== null && !r.ok) expect(r.message).toBe(want);
  });

  // Before containerd/platforms v0.2.1 (frontend < 1.9) there is no `os(osversion)`; v0.2.1 has no `.` in components.
  test.for([
    ['windows(10.0.17763)/amd64', 0, false],
    ['windows(10.0.17763)/amd64', 1, true],
    ['linux/arm64/v8.0', 1, false],
    ['linux/arm64/v8.0', 2, true],
    ['linux(+gpu)/amd64', 2, false],
    ['linux(+gpu)/amd64', 3, true],
  ] as const)('%s with grammar %d: %s', ([text, grammar, ok]) => {
    expect(parsePlatform(text, grammar).ok).toBe(ok);
  });
});
