import { describe, expect, test } from 'vitest';
import { checkIds, idMatches, inlineSuppressions, isSuppressed } from '../../src/cli/suppress.js';
import type { Finding } from '../../src/cli/report.js';

const finding = (code: string, extra: Partial<Finding> = {}): Finding => ({ file: 'Dockerfile', code, severity: 'info', message: 'm', line: 3, ...extra });

describe('IDs: codes, and the BuildKit checks and hadolint rules the catalogue maps', () => {
  test.for([
    { id: 'json-args-recommended', f: finding('json-args-recommended'), want: true },
    { id: 'JSONArgsRecommended', f: finding('json-args-recommended'), want: true, why: 'catalogue rule' },
    { id: 'DL3025', f: finding('json-args-recommended'), want: true, why: 'catalogue hadolint' },
    { id: 'JSONArgsRecommended', f: finding('argv-shell-pid1'), want: true, why: 'argv-shell-pid1 maps to the same check' },
    { id: 'DL4003', f: finding('multiple-instructions', { hadolint: 'DL4003' }), want: true, why: 'the finding carries it' },
    { id: 'DL4004', f: finding('multiple-instructions', { hadolint: 'DL4003' }), want: false, why: 'ENTRYPOINT rule, CMD finding' },
    { id: 'MultipleInstructionsDisallowed', f: finding('multiple-instructions', { hadolint: 'DL3012' }), want: true },
    { id: 'json-args-recommended', f: finding('multiple-instructions'), want: false },
  ])('$id names $f.code: $want', ({ id, f, want }) => {
    expect(idMatches(id, f)).toBe(want);
  });

  test('an unknown ID is a usage error naming where it came from', () => {
    expect(checkIds(['DL3025', 'json-args-recommended', 'JSONArgsRecommended', 'DL3012'], '--ignore')).toHaveLength(4);
    expect(() => checkIds(['json-args-recomended'], '--ignore')).toThrow(
      '--ignore: unknown code "json-args-recomended" (a container-argv code, BuildKit check or hadolint rule; see docs/diagnostics.md)',
    );
    expect(() => checkIds(['DL3008'], 'x.json')).toThrow('x.json: unknown code "DL3008"');
  });
});

// hadolint's pragma rules: test/Hadolint/PragmaSpec.hs (hadolint/hadolint): `# hadolint ignore=A,B` directly
// above the instruction, blanks allowed around "=" and ",", a word that is not a rule code voids the pragma,
// `# hadolint global ignore=` for the whole file. `# container-argv ignore=` reads the same way.
describe('inlineSuppressions', () => {
  test.for([
    { text: 'FROM a\n# hadolint ignore=DL3025\nCMD x\n', byLine: { 3: ['DL3025'] }, global: [] },
    { text: 'FROM a\n# hadolint ignore=DL3023, DL3021\nCMD x\n', byLine: { 3: ['DL3023', 'DL3021'] }, global: [] },
    { text: 'FROM a\n# hadolint ignore=crazy,DL3025\nCMD x\n', byLine: {}, global: [], why: 'not a rule code: void' },
    { text: '# hadolint global ignore = DL3023 , DL3021\nFROM a\n', byLine: {}, global: ['DL3023', 'DL3021'] },
    { text: '# hadolint ignore=DL3025\nFROM a\nCMD x\n', byLine: { 2: ['DL3025'] }, global: [], why: 'only the line right below' },
    { text: 'FROM a\n# container-argv ignore=json-args-recommended\n# a note\n# hadolint ignore=DL4003\nCMD x\n', byLine: { 5: ['json-args-recommended', 'DL4003'] }, global: [] },
    { text: 'FROM a\n# container-argv ignore=DL3025\n\nCMD x\n', byLine: {}, global: [], why: 'a blank line ends it' },
    { text: 'services:\n  web:\n    # container-argv ignore=argv-sh-c-extra-args\n    command: sh -c a b\n', byLine: { 4: ['argv-sh-c-extra-args'] }, global: [] },
    { text: 'FROM a\n  # container-argv global ignore=JSONArgsRecommended\nCMD x\n', byLine: {}, global: ['JSONArgsRecommended'] },
    { text: 'FROM a\n# container-argvignore=x\n#hadolint ignore DL3025\nCMD x\n', byLine: {}, global: [], why: 'not pragmas' },
  ])('$text', ({ text, byLine, global }) => {
    const r = inlineSuppressions(text);
    expect(Object.fromEntries(r.byLine)).toEqual(byLine);
    expect(r.global).toEqual(global);
  });

  test('unknown IDs in container-argv comments are reported with their line (a typo must not pass silently)', () => {
    expect(inlineSuppressions('FROM a\n# container-argv ignore=json-args,DL3025\nCMD x\n# hadolint ignore=DL3008\nRUN x\n').unknown).toEqual([{ line: 2, id: 'json-args' }]);
  });

  test('isSuppressed: the run list, the file-wide list, the line above', () => {
    const inline = inlineSuppressions('FROM a\n# hadolint ignore=DL3025\nCMD x\n');
    expect(isSuppressed(finding('json-args-recommended'), [], inline)).toBe(true);
    expect(isSuppressed(finding('json-args-recommended', { line: 4 }), [], inline)).toBe(false);
    expect(isSuppressed(finding('json-args-recommended', { line: 4 }), ['JSONArgsRecommended'], undefined)).toBe(true);
    expect(isSuppressed(finding('json-args-recommended', { line: 4 }), [], inlineSuppressions('# container-argv global ignore=DL3025\n'))).toBe(true);
    const { line: _line, ...noLine } = finding('json-args-recommended');
    expect(isSuppressed(noLine, [], inline)).toBe(false);
  });
});
