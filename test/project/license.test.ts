import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// package.json says MIT; the tarball carries the text (issue 12 §9). npm packs LICENSE whatever
// `files` says (npm docs, package.json "files": "Certain files are always included, regardless of
// settings: package.json, README, LICENSE / LICENCE"); `npm pack --dry-run` lists it (2026-12-02).
const ROOT = join(import.meta.dirname, '../..');

test('LICENSE is the MIT text for the container-argv contributors, as package.json says', () => {
  const text = readFileSync(join(ROOT, 'LICENSE'), 'utf8');
  expect(text.split('\n').slice(0, 3)).toEqual(['MIT License', '', 'Copyright (c) 2026 container-argv contributors']);
  expect(text).toContain('Permission is hereby granted, free of charge, to any person obtaining a copy');
  expect((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string }).license).toBe('MIT');
});
