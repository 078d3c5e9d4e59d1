/**
 * What the `safeParse…` function of each `schema.ts` module returns. zod stays behind those
 * functions: callers see plain data, never a zod type or a zod error object.
 */

interface SchemaIssueBase {
  /** Where, from the validated value (`['containers', 1, 'args', 0]`). */
  readonly path: readonly PropertyKey[];
  /** zod's English message. */
  readonly message: string;
}

/**
 * One problem a schema found: the fields of zod's issue that callers read. `invalid_type` issues
 * name the expected type (`string`, `array`…).
 */
export type SchemaIssue =
  | (SchemaIssueBase & { readonly code: 'invalid_type'; readonly expected: string })
  | (SchemaIssueBase & {
      readonly code:
        'too_big' | 'too_small' | 'invalid_format' | 'not_multiple_of' | 'unrecognized_keys' | 'invalid_union' | 'invalid_key' | 'invalid_element' | 'invalid_value' | 'custom';
    });

/** The result of a `safeParse…` function: zod's `success`/`data` shape, with plain issues. */
export type SchemaResult<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: readonly SchemaIssue[] };
