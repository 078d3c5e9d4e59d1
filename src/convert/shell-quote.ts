/**
 * Quoting a generated command line for the shell that will read it: POSIX sh, PowerShell 7.3+
 * (`$PSNativeCommandArgumentPassing` Standard, the default since 7.3) and cmd.exe (the MSVC
 * argument rules docker.exe's Go runtime follows, under cmd's own `^` escapes).
 */
import { quoteShellWord } from '../core/format-argv.js';
import type { RunLineShell } from './spec.js';
import type { Diagnostic } from '../core/types.js';

/** Words PowerShell passes to a native command unchanged without quotes. */
const PWSH_SAFE = /^(?:--?[A-Za-z0-9][A-Za-z0-9_-]*|[A-Za-z0-9_/][A-Za-z0-9_./=+:-]*)$/;

/** A PowerShell single-quoted string: `'` (and its typographic forms, which PowerShell also reads as quotes) doubled. */
export function quotePowerShellWord(word: string): string {
  if (word !== '' && PWSH_SAFE.test(word)) return word;
  return `'${word.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/**
 * One argument under the MSVC rules (`CommandLineToArgvW`, Go's `syscall.EscapeArg`): quoted when
 * empty or holding blanks or quotes, `"` written `\"`, backslashes doubled only before a quote.
 */
export function quoteMsvcArgument(word: string): string {
  if (word === '') return '""';
  if (!/[ \t\n\v"]/.test(word)) return word;
  let out = '"';
  let backslashes = 0;
  for (const c of word) {
    if (c === '\\') {
      backslashes++;
      continue;
    }
    out += c === '"' ? `${'\\'.repeat(backslashes * 2 + 1)}"` : `${'\\'.repeat(backslashes)}${c}`;
    backslashes = 0;
  }
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}

/** cmd.exe: outside its own quote state (toggled by every `"`), `^ & | < > ( )` are escaped with `^`. */
function caretEscape(line: string): string {
  let out = '';
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && '^&|<>()'.includes(c)) out += '^';
    out += c;
  }
  return out;
}

/** The shell text of an argv, and what that shell cannot pass through exactly. */
export function quoteCommandLine(argv: readonly string[], shell: RunLineShell): { readonly line: string; readonly diagnostics: readonly Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  if (shell === 'posix') return { line: argv.map(quoteShellWord).join(' '), diagnostics };
  if (shell === 'powershell') return { line: argv.map(quotePowerShellWord).join(' '), diagnostics };
  if (argv.some((w) => /[\r\n]/.test(w))) {
    diagnostics.push({
      code: 'convert-shell-quoting',
      severity: 'error',
      message: 'cmd.exe ends a command at a line break: an argument with one cannot be passed; use PowerShell or a POSIX shell.',
    });
  }
  if (argv.some((w) => w.includes('%') || w.includes('!'))) {
    diagnostics.push({
      code: 'convert-shell-quoting',
      severity: 'warning',
      message: 'cmd.exe expands %NAME% (and !NAME! with delayed expansion) even inside quotes; an argument with % or ! may change if such a variable is set.',
    });
  }
  return { line: caretEscape(argv.map(quoteMsvcArgument).join(' ')), diagnostics };
}
