/**
 * How many runs each fast-check property gets: `PROPERTY_RUNS`, else 1000 when `CI` is set (.ci/run
 * exports CI=true) and 100 locally (fast-check's own default). test/setup.ts makes it the global
 * `numRuns`; a property that pins its own count says why.
 */
export const PROPERTY_RUNS = runsFrom(process.env);

/** The run count an environment asks for (a positive integer, else the CI or local default). */
export function runsFrom(env: Readonly<Record<string, string | undefined>>): number {
  const asked = Number(env['PROPERTY_RUNS']);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false' ? 1000 : 100;
}

/** `factor` times the usual runs, for a cheap property whose interesting inputs are rare. */
export const scaledRuns = (factor: number): number => Math.max(1, Math.round(PROPERTY_RUNS * factor));
