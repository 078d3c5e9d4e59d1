/**
 * The `lint` configuration file, found upward from the working directory: in each directory from
 * there to the root, `.container-argv.json`, else a `"container-argv"` key in `package.json`; the
 * first found is used. Keys: `ignore` (IDs, as `--ignore`), `failOn` and `gitignore` (defaults for
 * `--fail-on` and `--gitignore`; the command line wins).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Severity } from '../core/types.js';
import { InputError } from './io.js';
import { checkIds } from './suppress.js';

/** The file's name. */
export const CONFIG_FILE = '.container-argv.json';
const PACKAGE_KEY = 'container-argv';
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A configuration read from a file. */
export interface LintConfigFile {
  /** The file, for messages (`/repo/package.json#container-argv` for the package.json key). */
  readonly source: string;
  readonly ignore: readonly string[];
  readonly failOn?: Severity;
  readonly gitignore?: boolean;
}

/** The configuration that applies in `cwd`, or null when no directory up from it has one. */
export function findLintConfig(cwd: string): LintConfigFile | null {
  let dir = resolve(cwd);
  for (;;) {
    const own = join(dir, CONFIG_FILE);
    if (existsSync(own)) return configOf(readJson(own), own);
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const json = readJson(pkg);
      if (isRecord(json) && Object.hasOwn(json, PACKAGE_KEY)) return configOf(json[PACKAGE_KEY], `${pkg}#${PACKAGE_KEY}`);
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new InputError(`${path}: ${error instanceof SyntaxError ? `invalid JSON: ${error.message}` : 'cannot read'}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks the configuration object; anything unexpected is an input error naming the key. */
function configOf(value: unknown, source: string): LintConfigFile {
  const bad = (what: string) => new InputError(`${source}: ${what}`);
  if (!isRecord(value)) throw bad('expected an object with "ignore", "failOn" or "gitignore"');
  for (const key of Object.keys(value)) {
    if (key !== 'ignore' && key !== 'failOn' && key !== 'gitignore') throw bad(`unknown key ${JSON.stringify(key)} (expected "ignore", "failOn" or "gitignore")`);
  }
  const { ignore = [], failOn, gitignore } = value;
  if (!Array.isArray(ignore) || !ignore.every((id) => typeof id === 'string')) throw bad('"ignore" must be an array of codes');
  if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) throw bad('"failOn" must be "error", "warning" or "info"');
  if (gitignore !== undefined && typeof gitignore !== 'boolean') throw bad('"gitignore" must be true or false');
  return {
    source,
    ignore: checkIds(ignore, source),
    ...(failOn !== undefined && { failOn: failOn as Severity }),
    ...(gitignore !== undefined && { gitignore }),
  };
}
