import { describe, expectTypeOf, test } from 'vitest';
import type { SchemaIssue, SchemaResult } from '../../src/internal/schema-result.js';

// The plain result of every `safeParse…` function (src/*/schema.ts): zod's success/data shape
// without zod's types.
describe('SchemaResult and SchemaIssue', () => {
  test('success narrows to data, failure to issues', () => {
    const r = {} as SchemaResult<{ readonly a: string }>;
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<{ readonly a: string }>();
    else expectTypeOf(r.issues).toEqualTypeOf<readonly SchemaIssue[]>();
  });

  test('an invalid_type issue names the expected type; others do not', () => {
    const i = {} as SchemaIssue;
    if (i.code === 'invalid_type') expectTypeOf(i.expected).toEqualTypeOf<string>();
    // @ts-expect-error -- expected exists on invalid_type issues only
    void i.expected;
    expectTypeOf(i.path).toEqualTypeOf<readonly PropertyKey[]>();
  });
});
