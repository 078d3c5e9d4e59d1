import { describe, expect, test } from 'vitest';
import { palette } from '../../src/cli/io.js';
import { findingsOf, formatFinding, reaches, sortFindings, toJson, type Finding } from '../../src/cli/report.js';
import type { Diagnostic, Issue } from '../../src/index.js';

const plain = palette(false);
const f = (over: Partial<Finding>): Finding => ({ file: 'Dockerfile', code: 'c', severity: 'warning', message: 'm', ...over });

describe('findingsOf', () => {
  test('issues come first as errors, then diagnostics with their own severity; optional fields only when set', () => {
    const issues: Issue[] = [{ code: 'json-not-strings', message: 'bad', line: 2, column: 1 }];
    const diagnostics: Diagnostic[] = [
      { code: 'json-args-recommended', severity: 'info', message: 'shell form', line: 3, column: 1, rule: 'JSONArgsRecommended', hadolint: 'DL3025' },
      { code: 'k8s-undefined-reference', severity: 'warning', message: 'x', path: 'spec.containers[0].args[0]', source: 'deploy.yaml' },
    ];
    expect(findingsOf('Dockerfile', diagnostics, issues)).toEqual([
      { file: 'Dockerfile', code: 'json-not-strings', severity: 'error', message: 'bad', line: 2, column: 1 },
      { file: 'Dockerfile', code: 'json-args-recommended', severity: 'info', message: 'shell form', line: 3, column: 1, rule: 'JSONArgsRecommended', hadolint: 'DL3025' },
      // A diagnostic's own `source` names its file (a .env file read for a compose file).
      { file: 'deploy.yaml', code: 'k8s-undefined-reference', severity: 'warning', message: 'x', path: 'spec.containers[0].args[0]' },
    ]);
  });

  test('no issues by default', () => {
    expect(findingsOf('x', [])).toEqual([]);
  });
});

// The house format is the GNU one (GNU Coding Standards, "Formatting Error Messages"):
// `file:line:column: message`, line and column left out when unknown.
describe('formatFinding', () => {
  test.for([
    [f({ line: 3, column: 7 }), 'Dockerfile:3:7: warning c: m'],
    [f({ line: 3 }), 'Dockerfile:3: warning c: m'],
    [f({ column: 7 }), 'Dockerfile: warning c: m'],
    [f({ severity: 'error', path: 'services.web.command' }), 'Dockerfile: error c: m (at services.web.command)'],
    [f({ severity: 'info', path: '' }), 'Dockerfile: info c: m'],
  ] as const)('%j → %j', ([finding, text]) => {
    expect(formatFinding(finding, plain)).toBe(text);
  });

  test.for([
    ['error', '\u001b[31merror\u001b[39m'],
    ['warning', '\u001b[33mwarning\u001b[39m'],
    ['info', '\u001b[36minfo\u001b[39m'],
  ] as const)('with colours, %s is %j; the place is bold and the code dim', ([severity, coloured]) => {
    expect(formatFinding(f({ severity, line: 1 }), palette(true))).toBe(`\u001b[1mDockerfile:1:\u001b[22m ${coloured} \u001b[2mc\u001b[22m: m`);
  });
});

describe('reaches', () => {
  test.for([
    [[], 'info', false],
    [['info'], 'info', true],
    [['info'], 'warning', false],
    [['warning'], 'warning', true],
    [['warning'], 'error', false],
    [['info', 'error'], 'error', true],
    [['error'], 'info', true],
  ] as const)('%j reaches %s: %s', ([severities, threshold, expected]) => {
    expect(
      reaches(
        severities.map((severity) => f({ severity })),
        threshold,
      ),
    ).toBe(expected);
  });
});

describe('sortFindings', () => {
  test('by file, then line, then column; a missing line or column sorts as 0; ties keep their order', () => {
    const list = [
      f({ file: 'b', line: 1, message: '1' }),
      f({ file: 'a', line: 2, column: 5, message: '2' }),
      f({ file: 'a', line: 2, column: 1, message: '3' }),
      f({ file: 'a', message: '4' }),
      f({ file: 'a', line: 2, column: 1, message: '5' }),
    ];
    expect(sortFindings(list).map((x) => x.message)).toEqual(['4', '3', '5', '2', '1']);
  });
});

describe('toJson', () => {
  test('two-space indented JSON with a final newline', () => {
    expect(toJson({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n');
  });
});
