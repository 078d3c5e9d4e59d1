import { expectStringArray, expectType } from '../internal/text.js';
import type { Diagnostic } from './types.js';

const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);

function basename(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

/** True for `-c` and combined short options that include it (`-ec`, `-xc`). */
function isDashC(word: string | undefined): boolean {
  if (word === undefined || word.length < 2 || word[0] !== '-' || word[1] === '-') return false;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 97 || c > 122) return false;
  }
  return word.includes('c');
}

/** Where the `-c` script sits in an argv that runs a POSIX shell (`sh -c script …`), or -1. */
export function shellScriptIndex(argv: readonly string[]): number {
  expectType(argv, 'array', 'argv');
  return scriptIndex(argv);
}

function scriptIndex(argv: readonly string[]): number {
  const first = argv[0];
  // Cheap rejection first: every shell name ends in "sh" except busybox.
  if (first === undefined || !(first.endsWith('sh') || first.endsWith('busybox'))) return -1;
  // Shell names are at most 7 characters: look for the last '/' among the last 8 characters only.
  const n = first.length;
  let k = n - 1;
  while (k >= 0 && k >= n - 8 && first.charCodeAt(k) !== 47) k--;
  if (k < 0 ? n > 7 : first.charCodeAt(k) !== 47) return -1;
  const name = basename(first);
  if (!POSIX_SHELLS.has(name)) return -1;
  // busybox runs its applet from argv[1] when invoked by its own name.
  const at = name === 'busybox' ? 1 : 0;
  if (at === 1 && !POSIX_SHELLS.has(argv[1] ?? '')) return -1;
  return isDashC(argv[at + 1]) ? at + 2 : -1;
}

/** A shell script that reads `$0` (so the first extra word is used). */
const READS_DOLLAR_ZERO = /\$(?:0|\{0\})/;

/** A shell script that reads positional parameters other than `$0`. */
const READS_POSITIONAL = /\$(?:[@*1-9#]|\{[@*#1-9])/;

/** Facts about how the argv was composed, for the explanations. */
export interface ArgvOrigin {
  /** How many leading words come from the entrypoint. */
  readonly entrypointLength: number;
  /** True when an init process is prefixed (it forwards signals). */
  readonly init?: boolean;
}

/**
 * Explains the traps in an argv that runs `sh -c`: words after the script
 * become `$0`, `$1`… (unused unless the script reads them), and the shell is
 * PID 1, which may not forward SIGTERM.
 */
export function analyzeArgv(argv: readonly string[], origin: ArgvOrigin): Diagnostic[] {
  expectStringArray(argv, 'argv');
  expectType(origin, 'object', 'origin');
  expectType(origin.entrypointLength, 'number', 'origin.entrypointLength');
  const diagnostics: Diagnostic[] = [];
  analyzeArgvInto(argv, origin.entrypointLength, origin.init === true, diagnostics);
  return diagnostics;
}

/** {@link analyzeArgv} without allocations when there is nothing to say (the resolvers' hot path). */
export function analyzeArgvInto(argv: readonly string[], entrypointLength: number, init: boolean, diagnostics: Diagnostic[]): void {
  const at = scriptIndex(argv);
  if (at < 0) return;
  const script = argv[at];
  const extra = argv.slice(at + 1);
  const shell = argv.slice(0, at).join(' ');
  if (script !== undefined && extra.length > 0) {
    const fromEntrypoint = entrypointLength === at + 1;
    const lost = READS_DOLLAR_ZERO.test(script) ? '' : ` ${JSON.stringify(extra[0])} becomes $0${READS_POSITIONAL.test(script) ? ' and is not part of "$@"' : ''}`;
    if (fromEntrypoint) {
      diagnostics.push({
        code: 'argv-shell-entrypoint-args',
        severity: READS_POSITIONAL.test(script) || READS_DOLLAR_ZERO.test(script) ? 'info' : 'warning',
        message: `ENTRYPOINT is shell form, so the CMD or run arguments ${JSON.stringify(extra)} are passed to \`${shell}\` as $0, $1…:${lost || ' the script reads $0'}${READS_POSITIONAL.test(script) || READS_DOLLAR_ZERO.test(script) ? '' : ' and the script never reads them'}; use exec form with \`exec "$@"\` to pass them on.`,
      });
    } else {
      // The extra words come from CMD/args after an exec-form `sh -c` entrypoint, from the CMD alone, or
      // from the entrypoint itself (`ENTRYPOINT ["sh", "-c", "echo", "hi"]`): the same trap each time.
      diagnostics.push({
        code: 'argv-sh-c-extra-args',
        severity: 'warning',
        message: `\`${shell}\` takes one script string; the words after it (${JSON.stringify(extra)}) are $0, $1… of that script, not part of the command:${lost || ' the script reads $0'}. Put the whole command in one string.`,
      });
    }
  }
  if (!init && at === 2 && !/^\s*exec\s/.test(script ?? '')) {
    diagnostics.push({
      code: 'argv-shell-pid1',
      severity: 'info',
      message: `\`${shell}\` runs as PID 1 and may not forward SIGTERM, so \`docker stop\` can wait for the timeout and then kill; prefer exec form, \`exec\` in the script, or --init.`,
    });
  }
}
