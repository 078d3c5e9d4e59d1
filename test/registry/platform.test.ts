// Platform normalisation and matching, from containerd/platforms at 09756f5 (database.go
// normalizeArch, compare.go platformVector/Only, platform_windows_compat.go and the table of
// platform_windows_compat_test.go Test_PlatformCompat, copied as rows).
import { describe, expect, test } from 'vitest';
import { formatPlatform, normalizePlatform, selectPlatform, windowsVersionMatches, type Platform } from '../../src/registry/index.js';

describe('normalizePlatform (containerd normalizeArch)', () => {
  test.for([
    { in: { os: 'Linux', architecture: 'x86_64' }, want: { os: 'linux', architecture: 'amd64', variant: '' } },
    { in: { os: 'linux', architecture: 'amd64', variant: 'v1' }, want: { os: 'linux', architecture: 'amd64', variant: '' } },
    { in: { os: 'linux', architecture: 'aarch64' }, want: { os: 'linux', architecture: 'arm64', variant: '' } },
    { in: { os: 'linux', architecture: 'arm64', variant: 'v8' }, want: { os: 'linux', architecture: 'arm64', variant: '' } },
    { in: { os: 'linux', architecture: 'arm64', variant: '9' }, want: { os: 'linux', architecture: 'arm64', variant: 'v9' } },
    { in: { os: 'linux', architecture: 'armhf' }, want: { os: 'linux', architecture: 'arm', variant: 'v7' } },
    { in: { os: 'linux', architecture: 'armel' }, want: { os: 'linux', architecture: 'arm', variant: 'v6' } },
    { in: { os: 'linux', architecture: 'arm' }, want: { os: 'linux', architecture: 'arm', variant: 'v7' } },
    { in: { os: 'linux', architecture: 'arm', variant: '5' }, want: { os: 'linux', architecture: 'arm', variant: 'v5' } },
    { in: { os: 'linux', architecture: 'i386' }, want: { os: 'linux', architecture: '386', variant: '' } },
    { in: { os: 'macos', architecture: 'arm64' }, want: { os: 'darwin', architecture: 'arm64', variant: '' } },
  ] as { in: Platform; want: object }[])('$in.architecture $in.variant', (row) => {
    expect(normalizePlatform(row.in)).toEqual(row.want);
  });
});

describe('selectPlatform', () => {
  const e = (s: string): Platform => {
    const [os = '', architecture = '', variant] = s.split('/');
    return { os, architecture, ...(variant ? { variant } : {}) };
  };
  // entries, asked → index chosen (-1: none). containerd Only(): best match first, then the
  // compatible fallbacks (amd64 → 386; arm/vN → lower arm; arm64 → arm/v8…v5).
  test.for([
    { entries: ['linux/386', 'linux/amd64'], asked: 'linux/amd64', want: 1 },
    { entries: ['linux/386'], asked: 'linux/amd64', want: 0 },
    { entries: ['linux/amd64'], asked: 'linux/386', want: -1 },
    { entries: ['linux/arm/v5', 'linux/arm/v6'], asked: 'linux/arm/v7', want: 1 },
    { entries: ['linux/arm/v7'], asked: 'linux/arm/v6', want: -1 },
    { entries: ['linux/arm/v7', 'linux/arm64'], asked: 'linux/arm64/v8', want: 1 },
    { entries: ['linux/arm/v7'], asked: 'linux/arm64', want: 0 },
    { entries: ['linux/amd64/v2', 'linux/amd64'], asked: 'linux/amd64/v3', want: 0 },
    { entries: ['linux/amd64', 'linux/amd64'], asked: 'linux/amd64', want: 0 },
    { entries: ['windows/amd64', 'linux/amd64'], asked: 'linux/amd64', want: 1 },
  ])('$asked in $entries', ({ entries, asked, want }) => {
    expect(selectPlatform(entries.map(e), e(asked))).toBe(want);
  });

  test('entries without a platform are skipped', () => {
    expect(selectPlatform([undefined, e('linux/amd64')], e('linux/amd64'))).toBe(1);
  });

  test('Windows: highest os.version among the compatible ones; none asked = all compatible', () => {
    const win = (v: string): Platform => ({ os: 'windows', architecture: 'amd64', osVersion: v });
    const entries = [win('10.0.17763.5329'), win('10.0.20348.2227'), win('10.0.20348.2340')];
    expect(selectPlatform(entries, { os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.100' })).toBe(0);
    expect(selectPlatform(entries, { os: 'windows', architecture: 'amd64', osVersion: '10.0.20348.1' })).toBe(2);
    expect(selectPlatform(entries, { os: 'windows', architecture: 'amd64' })).toBe(2);
    expect(selectPlatform(entries, { os: 'windows', architecture: 'amd64', osVersion: '10.0.14393.1' })).toBe(-1);
  });
});

describe('windowsVersionMatches (containerd Test_PlatformCompat rows)', () => {
  const B = { ltsc2019: 17763, ltsc2022: 20348, v22H2Win11: 22621, v23H2: 25398, ltsc2025: 26100 } as const;
  test.for([
    ['ltsc2019', 'ltsc2019', true],
    ['ltsc2019', 'ltsc2022', false],
    ['ltsc2022', 'ltsc2019', false],
    ['ltsc2022', 'ltsc2022', true],
    ['v22H2Win11', 'ltsc2019', false],
    ['v22H2Win11', 'ltsc2022', true],
    ['v23H2', 'ltsc2019', false],
    ['v23H2', 'ltsc2022', true],
    ['ltsc2025', 'ltsc2022', true],
    ['ltsc2022', 'ltsc2025', false],
    ['ltsc2022', 'v22H2Win11', false],
    ['ltsc2025', 'v22H2Win11', true],
  ] as const)('host %s, image %s → %s', ([host, image, runs]) => {
    expect(windowsVersionMatches(`10.0.${B[host]}`, `10.0.${B[image]}.1`)).toBe(runs);
  });

  test('no version on either side matches; another major.minor does not', () => {
    expect(windowsVersionMatches(undefined, '10.0.17763.1')).toBe(true);
    expect(windowsVersionMatches('10.0.17763', undefined)).toBe(true);
    expect(windowsVersionMatches('6.3.17763', '10.0.17763.1')).toBe(false);
  });
});

test('formatPlatform', () => {
  expect(formatPlatform({ os: 'linux', architecture: 'arm', variant: 'v7' })).toBe('linux/arm/v7');
  expect(formatPlatform({ os: 'windows', architecture: 'amd64', osVersion: '10.0.17763.1' })).toBe('windows/amd64:10.0.17763.1');
});
