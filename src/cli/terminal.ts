/**
 * Keeps input from driving the terminal. Every byte the CLI writes passes through {@link safeStream}:
 * C0 control characters other than newline and tab, DEL, C1 control characters and the Unicode
 * bidirectional overrides become `\uXXXX` text, so a Dockerfile or manifest cannot set the window
 * title, move the cursor, clear the screen or reorder what is shown. The CLI's own colours (the
 * SGR sequences of io.ts's palette) pass; `\uXXXX` is also a valid JSON escape, so JSON and SARIF
 * output stay valid and decode to the same strings.
 */
import type { CliStream } from './io.js';

/** The SGR parameters the palette writes (bold, dim, normal intensity, red, green, yellow, cyan, default colour). */
const OWN_SGR: ReadonlySet<string> = new Set(['1', '2', '22', '31', '32', '33', '36', '39']);

/** A stream whose text is escaped, with the underlying stream for the progress line's own control sequences. */
export interface SafeStream extends CliStream {
  readonly raw: CliStream;
}

function isUnsafe(code: number): boolean {
  if (code < 0x20) return code !== 0x0a && code !== 0x09;
  if (code >= 0x7f && code <= 0x9f) return true;
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** The length of the palette's SGR sequence at `text[i]` (an ESC), or 0. */
function ownSgrLength(text: string, i: number): number {
  if (text[i + 1] !== '[') return 0;
  const end = text.indexOf('m', i + 2);
  if (end < 0 || end > i + 4) return 0;
  return OWN_SGR.has(text.slice(i + 2, end)) ? end - i + 1 : 0;
}

/** `text` with every unsafe character written as `\uXXXX`; the palette's colour sequences kept. */
export function escapeControls(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isUnsafe(code)) continue;
    const own = code === 0x1b ? ownSgrLength(text, i) : 0;
    if (own > 0) {
      i += own - 1;
      continue;
    }
    out += `${text.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Wraps a stream so that everything written to it is escaped. */
export function safeStream(stream: CliStream): SafeStream {
  return {
    write: (text: string) => stream.write(escapeControls(text)),
    ...(stream.isTTY !== undefined && { isTTY: stream.isTTY }),
    raw: stream,
  };
}
