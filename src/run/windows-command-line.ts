import { expectStringArray, expectType } from '../internal/text.js';

/**
 * Quotes one argument the way Go's `EscapeArg` does (golang.org/x/sys/windows and syscall,
 * exec_windows.go), which moby and containerd use to build a Windows command line: unchanged
 * unless it is empty or has a space, tab, `"` or `\`; otherwise `"` is written `\"`, the
 * backslashes before a `"` are doubled, and an argument with a space or tab is put in quotes
 * (its trailing backslashes doubled), so that `CommandLineToArgvW` reads it back.
 *
 * @example
 * quoteWindowsArg('echo hi') // '"echo hi"'
 */
export function quoteWindowsArg(arg: string): string {
  expectType(arg, 'string', 'arg');
  if (arg === '') return '""';
  const space = /[ \t]/.test(arg);
  if (!space && !/["\\]/.test(arg)) return arg;
  let out = space ? '"' : '';
  let slashes = 0;
  for (const c of arg) {
    if (c === '\\') slashes++;
    else {
      if (c === '"') out += '\\'.repeat(slashes + 1);
      slashes = 0;
    }
    out += c;
  }
  return space ? `${out}${'\\'.repeat(slashes)}"` : out;
}

/**
 * The command line a Windows container starts with: Windows passes a process one string, not an
 * argv. Without `argsEscaped` every word is quoted ({@link quoteWindowsArg}) and joined with spaces.
 * With the image's `ArgsEscaped` (set by BuildKit for every CMD, and by the classic builder for a
 * shell-form CMD/ENTRYPOINT it stored as one string, `cmd /S /C script`) the first word is taken as
 * already escaped and written as it is, so a classic `["cmd /S /C echo hi"]` runs unsplit.
 *
 * - Docker (moby daemon/create.go, daemon/oci_windows.go `createSpecWindowsFields`): the container
 *   inherits the image's ArgsEscaped whatever `--entrypoint` or arguments replace, so `firstFromImage`
 *   is not consulted (leave it out).
 * - Kubernetes on containerd (internal/cri/opts/spec_windows.go `WithProcessCommandLineOrArgsForWindows`):
 *   the first word is left unescaped only when it comes from the image (`firstFromImage`: no
 *   `command`, and the image ENTRYPOINT is set or `args` is empty).
 *
 * @param argv - What runs (e.g. `resolveDockerRun(…).argv`).
 * @param argsEscaped - The image config's `ArgsEscaped`.
 * @param firstFromImage - Whether argv[0] comes from the image config (default true).
 * @example
 * windowsCommandLine(['cmd', '/S', '/C', 'echo hi'], true) // 'cmd /S /C "echo hi"'
 */
export function windowsCommandLine(argv: readonly string[], argsEscaped: boolean, firstFromImage = true): string {
  expectStringArray(argv, 'argv');
  expectType(argsEscaped, 'boolean', 'argsEscaped');
  expectType(firstFromImage, 'boolean', 'firstFromImage');
  const rest = argv.slice(1).map(quoteWindowsArg).join(' ');
  const first = argv.length === 0 ? '' : argsEscaped && firstFromImage ? (argv[0] as string) : quoteWindowsArg(argv[0] as string);
  return rest === '' ? first : `${first} ${rest}`;
}
