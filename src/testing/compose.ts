import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { plainWordArb } from './words.js';
import type { ComposeService } from '../compose/service.js';

/** Compose command strings: words, quotes and the characters go-shellwords stops at (`;`, `&&`, `|`, `>`). */
const composeStringArb: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: plainWordArb }, { weight: 2, arbitrary: fc.constantFrom('"a b"', "'c d'", 'a\\ b', '$$HOME', '&&', ';', '|', '>', '""') }), {
    maxLength: 4,
  })
  .map((words) => words.join(' '));

/** A `command` or `entrypoint` value: absent, `null`, a string (split by go-shellwords) or a list. */
export const composeCommandArb: fc.Arbitrary<string | readonly string[] | null | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  composeStringArb,
  fc.array(fc.oneof(plainWordArb, fc.constantFrom('a b', '', '$$X')), { maxLength: 3 }),
);

/** Compose services (`command`/`entrypoint` only: the fields that decide what runs). */
export const composeServiceArb: fc.Arbitrary<ComposeService> = fc
  .record({ command: composeCommandArb, entrypoint: composeCommandArb })
  .map(({ command, entrypoint }) => ({ ...(command !== undefined && { command }), ...(entrypoint !== undefined && { entrypoint }) }));

/** Options of {@link composeFileArb}. */
export interface ComposeFileArbOptions {
  /** Images the services use (default `['app:1']`); give the same to `resolveComposeFile`. */
  readonly images?: readonly string[];
}

/** Compose files as YAML text: one to three services from {@link composeServiceArb}. */
export function composeFileArb(options: ComposeFileArbOptions = {}): fc.Arbitrary<string> {
  const images = options.images ?? ['app:1'];
  return fc.array(fc.tuple(composeServiceArb, fc.constantFrom(...images)), { minLength: 1, maxLength: 3 }).map((services) => {
    const out: Record<string, unknown> = {};
    services.forEach(([service, image], i) => (out[`s${i}`] = { image, ...service }));
    return stringify({ services: out });
  });
}
