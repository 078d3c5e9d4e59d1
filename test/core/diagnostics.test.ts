import { describe, expect, test } from 'vitest';
import { DIAGNOSTICS } from '../../src/core/diagnostics.js';

// Source: moby/buildkit 73ed6825 frontend/dockerfile/linter/ruleset.go, the `Name` of every rule.
const BUILDKIT_CHECKS = new Set([
  'StageNameCasing',
  'FromAsCasing',
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'JSONArgsRecommended',
  'MaintainerDeprecated',
  'UndefinedArgInFrom',
  'WorkdirRelativePath',
  'UndefinedVar',
  'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat',
  'InvalidBaseImagePlatform',
  'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv',
  'InvalidDefaultArgInFrom',
  'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile',
  'InvalidDefinitionDescription',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
]);

// Source: hadolint/hadolint 39d22ade src/Hadolint/Rule/DL3025.hs (code and message of each rule named here).
const HADOLINT_RULES: Readonly<Record<string, string>> = {
  DL3025: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments',
};

const entries = Object.entries(DIAGNOSTICS);

describe('DIAGNOSTICS', () => {
  test('catalogue entries are complete and codes are kebab-case', () => {
    for (const [code, info] of entries) {
      expect(code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(info.title.length, code).toBeGreaterThan(3);
      expect(info.help.length, code).toBeGreaterThan(10);
      expect(info.source.length, code).toBeGreaterThan(3);
      expect(['error', 'warning', 'info']).toContain(info.severity);
    }
  });

  test.for(entries.filter(([, info]) => info.rule !== undefined))('%s: its BuildKit check exists in buildkit’s linter', ([, info]) => {
    expect(BUILDKIT_CHECKS).toContain(info.rule);
  });

  test.for(entries.filter(([, info]) => info.hadolint !== undefined))('%s: its hadolint rule exists', ([, info]) => {
    expect(Object.keys(HADOLINT_RULES)).toContain(info.hadolint);
  });

  test('the shell-form lint names both equivalents', () => {
    expect(DIAGNOSTICS['json-args-recommended']).toMatchObject({ severity: 'info', rule: 'JSONArgsRecommended', hadolint: 'DL3025' });
  });
});
