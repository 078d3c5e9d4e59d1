import { describe, expect, test } from 'vitest';
import { goToLower, goToUpper } from '../../src/internal/go-case.js';

// Go's strings.ToLower/ToUpper map each code point by Unicode's simple case mapping (unicode.ToLower/ToUpper,
// CaseRanges): one code point to one. Rows from the Go tables (U+212A KELVIN SIGN lowers to `k`, U+0130 to `i`,
// U+017F LONG S has no lower mapping and upper-cases to `S`, U+00DF has no simple upper mapping); the keyword rows are
// recorded on Docker 20.10.24 (test/fixtures/engine/docker-20.10.24-rules.json, family rule-keywords).
describe('goToLower / goToUpper', () => {
  test.for([
    { s: 'CMD', lower: 'cmd', upper: 'CMD' },
    { s: 'HEALTHCHEC\u212a', lower: 'healthcheck', upper: 'HEALTHCHEC\u212a' },
    { s: 'ONBU\u0130LD', lower: 'onbuild', upper: 'ONBU\u0130LD' },
    { s: 'expo\u017fe', lower: 'expo\u017fe', upper: 'EXPOSE' },
    { s: 'entrypo\u0131nt', lower: 'entrypo\u0131nt', upper: 'ENTRYPOINT' },
    { s: 'stra\u00dfe', lower: 'stra\u00dfe', upper: 'STRA\u00dfE' },
    { s: '\u03a3\u03a3', lower: '\u03c3\u03c3', upper: '\u03a3\u03a3' },
  ])('$s', ({ s, lower, upper }) => {
    expect(goToLower(s)).toBe(lower);
    expect(goToUpper(s)).toBe(upper);
  });
});
