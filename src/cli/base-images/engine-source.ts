/**
 * Base image configs of images present in a local engine (`--from-engine docker|podman`):
 * `docker image inspect REF` / `podman image inspect REF`, run with the CLI's environment (so
 * `DOCKER_HOST`, `CONTAINER_HOST` and `PATH` apply) and a timeout. The engine program missing or
 * the image absent is a miss (the next source is asked); any other failure is said.
 *
 * What the engines print for a missing image, observed with docker CLI 28.2.2 against dockerd
 * 20.10.24 and podman 4.3.1 (`image inspect nosuch:1`): stdout `[]`, exit 1 with
 * `Error response from daemon: no such image: nosuch:1: No such image: nosuch:1` (docker),
 * exit 125 with `Error: inspecting object: nosuch:1: image not known` (podman). With no daemon,
 * docker exits 1 with `Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the
 * docker daemon running?`.
 */
import { execFile } from 'node:child_process';
import type { Diagnostic, Failure } from '../../core/types.js';
import { formatPlatform, normalizePlatform, type Platform } from '../../registry/platform.js';
import type { BaseConfigSource, BaseLookupResult, BaseQuery } from './sources.js';

/** The engines whose local images can be read. */
export type LocalEngine = 'docker' | 'podman';

/** What running a program gave. `error.code` is `'ENOENT'` when the program is not installed. */
export interface ProcessResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: { readonly code?: string | number; readonly killed?: boolean; readonly message: string };
}

/** Runs a program without a shell; never rejects. */
export type RunProcess = (
  file: string,
  args: readonly string[],
  options: { readonly env: Readonly<Record<string, string | undefined>>; readonly timeoutMs: number },
) => Promise<ProcessResult>;

/** Options of {@link engineSource}. */
export interface EngineSourceOptions {
  readonly engine: LocalEngine;
  /** The environment the engine program runs with (its `PATH` finds the program). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Time for one inspect, in ms (default 15,000). */
  readonly timeoutMs?: number;
  /** How to run the program (default: `child_process.execFile`); tests pass a fake. */
  readonly run?: RunProcess;
}

/** Default time for one `image inspect`. */
export const ENGINE_INSPECT_TIMEOUT_MS = 15_000;

const MAX_OUTPUT = 32 * 1024 * 1024;

/** `child_process.execFile` as a {@link RunProcess}. */
export const runProcess: RunProcess = (file, args, options) =>
  new Promise((resolve) => {
    execFile(file, [...args], { env: options.env, timeout: options.timeoutMs, maxBuffer: MAX_OUTPUT, encoding: 'utf8', windowsHide: true }, (error, stdout, stderr) => {
      if (error === null) return resolve({ status: 0, stdout, stderr });
      const code = error.code ?? undefined;
      resolve({
        status: typeof code === 'number' ? code : null,
        stdout,
        stderr,
        error: { message: error.message, ...(code !== undefined && { code }), ...(error.killed !== undefined && { killed: error.killed }) },
      });
    });
  });

/** An engine's words for "this image is not here" (docker 20.10–28, podman 4). */
const NOT_FOUND = /no such image|image not known/i;

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? ''
  );
}

function failure(engine: LocalEngine, text: string, why: string): Failure {
  return { ok: false, issues: [{ code: 'engine-inspect-failed', message: `${engine} image inspect ${text}: ${why}` }], diagnostics: [] };
}

/** The platform an inspect object states (`Os`, `Architecture`, `Variant`), if it states one. */
function inspectPlatform(obj: Record<string, unknown>): Platform | undefined {
  const os = obj['Os'];
  const architecture = obj['Architecture'];
  if (typeof os !== 'string' || typeof architecture !== 'string' || os === '' || architecture === '') return undefined;
  const variant = obj['Variant'];
  return typeof variant === 'string' && variant !== '' ? { os, architecture, variant } : { os, architecture };
}

function samePlatform(a: Platform, b: Platform): boolean {
  const x = normalizePlatform(a);
  const y = normalizePlatform(b);
  return x.os === y.os && x.architecture === y.architecture && x.variant === y.variant;
}

/** Reads the inspect output of one image into an answer. */
async function answerOf(engine: LocalEngine, query: BaseQuery, stdout: string): Promise<BaseLookupResult> {
  let json: unknown;
  try {
    json = JSON.parse(stdout) as unknown;
  } catch (e) {
    return failure(engine, query.text, `output is not JSON (${(e as Error).message})`);
  }
  const first: unknown = Array.isArray(json) ? json[0] : json;
  if (first === undefined) return undefined;
  const { imageConfigFromInspect } = await import('../../image/inspect.js');
  const parsed = imageConfigFromInspect(first);
  if (!parsed.ok) return failure(engine, query.text, `not an image config: ${parsed.issues[0].message}`);
  const obj = first as Record<string, unknown>;
  const platform = inspectPlatform(obj);
  const diagnostics: Diagnostic[] = [];
  if (query.platformGiven && platform !== undefined && !samePlatform(platform, query.platform)) {
    diagnostics.push({
      code: 'engine-platform-mismatch',
      severity: 'warning',
      message: `the local image ${query.text} is ${formatPlatform(platform)}, not ${formatPlatform(query.platform)}; its config is used`,
    });
  }
  const id = typeof obj['Id'] === 'string' && obj['Id'] !== '' ? obj['Id'] : undefined;
  return {
    config: parsed.config,
    source: { kind: 'engine', engine, ...(id !== undefined && { id }), ...(platform !== undefined && { platform: formatPlatform(platform) }) },
    diagnostics,
  };
}

/** The source answering from a local engine's images. */
export function engineSource(options: EngineSourceOptions): BaseConfigSource {
  const { engine, env } = options;
  const run = options.run ?? runProcess;
  const timeoutMs = options.timeoutMs ?? ENGINE_INSPECT_TIMEOUT_MS;
  return {
    name: engine,
    lookup: async (query) => {
      if (query.reference === null) return undefined;
      const r = await run(engine, ['image', 'inspect', query.text], { env, timeoutMs });
      if (r.error?.code === 'ENOENT') return undefined;
      if (r.error?.killed === true && r.status === null) return failure(engine, query.text, `no answer within ${timeoutMs / 1000} s`);
      if (r.status !== 0) {
        if (NOT_FOUND.test(r.stderr)) return undefined;
        return failure(engine, query.text, firstLine(r.stderr) || firstLine(r.error?.message ?? '') || `exit status ${r.status ?? 'unknown'}`);
      }
      return answerOf(engine, query, r.stdout);
    },
  };
}
