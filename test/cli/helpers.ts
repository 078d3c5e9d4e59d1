import { runCli } from '../../src/cli/program.js';
import type { CliIO } from '../../src/cli/io.js';

/** The outcome of one in-process CLI run. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output (no TTY, no colours unless `env` forces them). */
export async function cli(
  argv: readonly string[],
  options: { stdin?: string; env?: Record<string, string>; cwd?: string; tty?: boolean; stdinTTY?: boolean; now?: () => number } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    ...(options.stdinTTY !== undefined && { stdinIsTTY: options.stdinTTY }),
    ...(options.now !== undefined && { now: options.now }),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
