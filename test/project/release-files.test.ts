import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// Release files (issue 12 §9). package.json says MIT and the tarball carries the text: npm packs
// LICENSE whatever `files` says (npm docs, package.json "files": "Certain files are always included,
// regardless of settings: package.json, README, LICENSE / LICENCE"); `npm pack --dry-run` lists it
// (npm 11.19.1, 2026-12-02). CHANGELOG entries are one line each.
const ROOT = join(import.meta.dirname, '../..');

test('LICENSE is the MIT text for the container-argv contributors, as package.json says', () => {
  const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  expect(text.split('\n').slice(0, 3)).toEqual(['MIT License', '', 'Copyright (c) 2026 container-argv contributors']);
  expect(text).toContain('Permission is hereby granted, free of charge, to any person obtaining a copy');
  expect((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string }).license).toBe('MIT');
});

test('CHANGELOG entries are one line each, under a Keep a Changelog heading', () => {
  const lines = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8').split('\n');
  const start = lines.indexOf('## [Unreleased]');
  expect(start).toBeGreaterThan(0);
  const body = lines.slice(start).filter((l) => l !== '' && !/^\[[^\]]+\]: /.test(l));
  const odd = body.filter((l) => !/^(?:## \[(?:Unreleased|\d+\.\d+\.\d+)\](?: - \d{4}-\d{2}-\d{2})?|### (?:Added|Changed|Deprecated|Removed|Fixed|Security)|- \S.*)$/.test(l));
  expect(odd).toEqual([]);
});
