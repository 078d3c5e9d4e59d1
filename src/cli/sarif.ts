/** SARIF 2.1.0 output of `lint`, in the shape GitHub code scanning accepts. */
import { DIAGNOSTICS, isDiagnosticCode } from '../core/diagnostics.js';
import type { Severity } from '../core/types.js';
import type { Finding } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function ruleName(code: string): string {
  return code.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

/** Builds the SARIF log: one run, every catalogued code as a rule, one result per finding. */
export function toSarif(findings: readonly Finding[], version: string, uriOf: (file: string) => string): unknown {
  const codes: string[] = Object.keys(DIAGNOSTICS);
  const extra = [...new Set(findings.map((f) => f.code))].filter((c) => !isDiagnosticCode(c));
  const allCodes = [...codes, ...extra];
  const index = new Map(allCodes.map((c, i) => [c, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'container-argv',
            version,
            semanticVersion: version,
            informationUri: 'https://www.npmjs.com/package/container-argv',
            rules: allCodes.map(sarifRule),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((f) => sarifResult(f, index.get(f.code) ?? 0, uriOf)),
      },
    ],
  };
}

/** A `reportingDescriptor` for one code, from its catalogue entry (the code itself when not catalogued). */
function sarifRule(code: string): unknown {
  const d = isDiagnosticCode(code) ? DIAGNOSTICS[code] : undefined;
  // The BuildKit check exists from Dockerfile frontend 1.8 (Docker 27.0); each result says whether the selected engine ran it.
  const related =
    d === undefined ? [] : [d.rule && `BuildKit check (Dockerfile frontend 1.8+): ${d.rule}`, d.hadolint && `hadolint: ${d.hadolint}`].filter((s): s is string => Boolean(s));
  return {
    id: code,
    name: ruleName(code),
    shortDescription: { text: d?.title ?? code },
    fullDescription: { text: d?.help ?? code },
    help: {
      text: `${d?.help ?? code}${related.length > 0 ? ` (${related.join('; ')})` : ''} Source: ${d?.source ?? 'n/a'}.`,
      markdown: [`**${d?.title ?? code}**`, d?.help ?? '', related.map((r) => `- ${r}`).join('\n'), `Source: ${d?.source ?? 'n/a'}`].filter((part) => part !== '').join('\n\n'),
    },
    defaultConfiguration: { level: LEVEL[d?.severity ?? 'warning'] },
    properties: {
      tags: ['container', 'dockerfile', ...(d?.rule !== undefined ? [`buildkit:${d.rule}`] : []), ...(d?.hadolint !== undefined ? [`hadolint:${d.hadolint}`] : [])],
    },
  };
}

/** A `result` for one finding, pointing at its rule by index. */
function sarifResult(f: Finding, ruleIndex: number, uriOf: (file: string) => string): unknown {
  return {
    ruleId: f.code,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.path !== undefined && f.path !== '' ? `${f.message} (at ${f.path})` : f.message },
    // Per finding: the BuildKit check only when the selected engine reports it itself; hadolint's equivalent.
    ...((f.rule !== undefined || f.hadolint !== undefined) && {
      properties: { ...(f.rule !== undefined && { buildkitCheck: f.rule }), ...(f.hadolint !== undefined && { hadolint: f.hadolint }) },
    }),
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.line ?? 1, ...(f.column !== undefined && { startColumn: f.column }) },
        },
      },
    ],
  };
}
