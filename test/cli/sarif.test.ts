import { describe, expect, test } from 'vitest';
import { toSarif } from '../../src/cli/sarif.js';
import type { Finding } from '../../src/cli/report.js';
import { DIAGNOSTICS, type DiagnosticCode } from '../../src/index.js';

// Shapes from the SARIF 2.1.0 OASIS standard (https://docs.oasis-open.org/sarif/sarif/v2.1.0/): §3.13 sarifLog
// ($schema, version, runs), §3.19.23 driver.rules, §3.27 result (ruleId, ruleIndex §3.27.6, level §3.27.10:
// error|warning|note), §3.14.23 columnKind, §3.30 region (startLine/startColumn are 1-based).
interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        semanticVersion: string;
        rules: { id: string; name: string; defaultConfiguration: { level: string }; properties: { tags: string[] }; help: { text: string; markdown: string } }[];
      };
    };
    columnKind: string;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      properties?: unknown;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: unknown } }[];
    }[];
  }[];
}

const finding = (over: Partial<Finding>): Finding => ({ file: 'Dockerfile', code: 'json-not-strings', severity: 'error', message: 'm', ...over });
const sarif = (findings: Finding[]) => toSarif(findings, '1.2.3', (file) => `uri/${file}`) as Log;

describe('toSarif', () => {
  test('one run; the driver names the tool and version', () => {
    const log = sarif([]);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.tool.driver).toMatchObject({ name: 'container-argv', version: '1.2.3', semanticVersion: '1.2.3' });
    expect(log.runs[0]!.columnKind).toBe('utf16CodeUnits');
    expect(log.runs[0]!.results).toEqual([]);
  });

  test('every catalogued code is a rule, in catalogue order, named in PascalCase', () => {
    const rules = sarif([]).runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(Object.keys(DIAGNOSTICS));
    expect(rules.find((r) => r.id === 'json-not-strings')?.name).toBe('JsonNotStrings');
  });

  test.for([
    ['error', 'error'],
    ['warning', 'warning'],
    ['info', 'note'],
  ] as const)('severity %s is SARIF level %s (results and rule defaults)', ([severity, level]) => {
    const code = (Object.keys(DIAGNOSTICS) as DiagnosticCode[]).find((c) => DIAGNOSTICS[c].severity === severity)!;
    const log = sarif([finding({ code, severity })]);
    expect(log.runs[0]!.results[0]!.level).toBe(level);
    expect(log.runs[0]!.tool.driver.rules.find((r) => r.id === code)!.defaultConfiguration.level).toBe(level);
  });

  test('a rule with a BuildKit check and a hadolint equivalent names both (tags and help)', () => {
    const rule = sarif([]).runs[0]!.tool.driver.rules.find((r) => r.id === 'json-args-recommended')!;
    expect(rule.properties.tags).toEqual(['container', 'dockerfile', 'buildkit:JSONArgsRecommended', 'hadolint:DL3025']);
    expect(rule.help.text).toContain('(BuildKit check (Dockerfile frontend 1.8+): JSONArgsRecommended; hadolint: DL3025)');
    expect(rule.help.markdown).toContain('- hadolint: DL3025');
  });

  test('a code missing from the catalogue still gets a rule, after the catalogued ones, and the result points at it', () => {
    const log = sarif([finding({ code: 'not-catalogued', severity: 'warning' })]);
    const rules = log.runs[0]!.tool.driver.rules;
    const result = log.runs[0]!.results[0]!;
    expect(result.ruleIndex).toBe(Object.keys(DIAGNOSTICS).length);
    expect(rules[result.ruleIndex]).toMatchObject({ id: 'not-catalogued', name: 'NotCatalogued', defaultConfiguration: { level: 'warning' } });
  });

  test.for([
    [
      { line: 4, column: 2 },
      { startLine: 4, startColumn: 2 },
    ],
    [{ line: 4 }, { startLine: 4 }],
    [{}, { startLine: 1 }],
  ] as const)('position %j → region %j', ([at, region]) => {
    const result = sarif([finding(at)]).runs[0]!.results[0]!;
    expect(result.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'uri/Dockerfile', uriBaseId: '%SRCROOT%' }, region } }]);
  });

  test.for([
    [{ path: 'services.web.command' }, 'm (at services.web.command)'],
    [{ path: '' }, 'm'],
    [{}, 'm'],
  ] as const)('path %j → message %j', ([at, text]) => {
    expect(sarif([finding(at)]).runs[0]!.results[0]!.message.text).toBe(text);
  });

  test.for([
    [{}, undefined],
    [{ hadolint: 'DL3025' }, { hadolint: 'DL3025' }],
    [
      { rule: 'JSONArgsRecommended', hadolint: 'DL3025' },
      { buildkitCheck: 'JSONArgsRecommended', hadolint: 'DL3025' },
    ],
  ] as const)('finding %j → result properties %j', ([extra, properties]) => {
    expect(sarif([finding(extra)]).runs[0]!.results[0]!.properties).toEqual(properties);
  });
});
