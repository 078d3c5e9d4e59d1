// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.
import { expect, test } from 'vitest';
import { retryAfterMs } from '../../src/registry/http.js';

const NOW = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

test.for([
  { value: '120', want: 120_000 },
  { value: ' 0 ', want: 0 },
  { value: 'Wed, 21 Oct 2015 07:28:30 GMT', want: 30_000 },
  { value: 'Wed, 21 Oct 2015 07:27:00 GMT', want: 0 },
  { value: '-5', want: undefined },
  { value: 'soon', want: undefined },
  { value: null, want: undefined },
])('Retry-After $value → $want ms', ({ value, want }) => {
  expect(retryAfterMs(value, NOW)).toBe(want);
});
