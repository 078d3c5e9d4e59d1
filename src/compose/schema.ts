import { z } from 'zod';

/** compose-spec `$defs/command`: null, a string or a list of strings. */
export const ComposeCommandSchema = z.union([z.null(), z.string(), z.array(z.string())]);

/** A service: the fields that decide what runs (others pass through unchecked). */
export const ComposeServiceSchema = z.looseObject({
  image: z.string().nullish(),
  command: ComposeCommandSchema.optional(),
  entrypoint: ComposeCommandSchema.optional(),
  extends: z.unknown().optional(),
  profiles: z.array(z.string()).nullish(),
});

/** The top level of a compose file. */
export const ComposeFileSchema = z.looseObject({
  services: z.record(z.string(), ComposeServiceSchema.nullable()).nullish(),
});

export type ComposeServiceInput = z.infer<typeof ComposeServiceSchema>;
export type ComposeFileInput = z.infer<typeof ComposeFileSchema>;
