/**
 * The CLI's window on the world. Commands receive a {@link CliIO} instead of
 * touching `process` directly, so tests run them in-process with captured output.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** An output stream: text goes to `write`; `isTTY` decides colours. */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Everything a command needs from the process. */
export interface CliIO {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** Reads all of standard input (used for `-`). */
  readonly readStdin: () => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Standard input is a terminal: reading `-` says so first instead of waiting silently. */
  readonly stdinIsTTY?: boolean;
  /** A monotonic clock in milliseconds, for the progress line of long runs (none: no progress shown). */
  readonly now?: () => number;
}

/** A usage error: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError' as const;
}

/** An input error (unreadable or invalid file): printed as one line, exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError' as const;
}

/** Exit status of a process killed by SIGPIPE, as a shell reports it (128 + 13). */
export const EXIT_BROKEN_PIPE = 141;

/**
 * Ends the process quietly when the reader of `stream` has gone (`container-argv lint . | head`):
 * an `EPIPE` write error exits with {@link EXIT_BROKEN_PIPE}, as a Unix tool killed by SIGPIPE does,
 * instead of an unhandled 'error' event and its stack trace. Other errors are thrown as before.
 */
export function exitOnBrokenPipe(stream: { on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown }, exit: (code: number) => void): void {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') exit(EXIT_BROKEN_PIPE);
    else throw error;
  });
}

/** The process's own streams and environment. */
export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    cwd: process.cwd(),
    stdinIsTTY: process.stdin.isTTY,
    now: () => performance.now(),
  };
}

/** Reads a file (relative to `io.cwd`) or, for `-`, standard input. Errors become one-line {@link InputError}s. */
export async function readInput(io: CliIO, path: string): Promise<string> {
  if (path === '-') {
    if (io.stdinIsTTY) io.stderr.write('container-argv: reading standard input (end it with Ctrl-D)\n');
    return io.readStdin();
  }
  try {
    // Synchronous on purpose: node:fs is loaded at start-up anyway, node:fs/promises is not.
    return readFileSync(isAbsolute(path) ? path : resolve(io.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new InputError(`cannot read ${JSON.stringify(path)}: ${why}`);
  }
}

/** Parses JSON input, naming the file in the one-line error. */
export function parseJsonInput(text: string, name: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${name}: invalid JSON: ${(error as Error).message}`);
  }
}

/**
 * Whether to colour a stream: `FORCE_COLOR` (not `0`/`false`) forces colours, a non-empty
 * `NO_COLOR` turns them off, otherwise colours only on a TTY (https://no-color.org).
 */
export function useColor(stream: CliStream, env: CliIO['env']): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  const no = env['NO_COLOR'];
  if (no !== undefined && no !== '') return false;
  return stream.isTTY === true;
}

/** ANSI styles, or identity functions when colours are off. */
export interface Palette {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly green: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string) => s;

/** The palette for a stream. */
export function palette(enabled: boolean): Palette {
  if (!enabled) return { bold: plain, dim: plain, red: plain, yellow: plain, cyan: plain, green: plain };
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), green: sgr(32, 39) };
}
