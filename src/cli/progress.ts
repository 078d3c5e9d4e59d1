/**
 * A one-line progress report on stderr for long `lint` walks: shown only when stderr is a terminal
 * and the work has taken longer than a delay, redrawn at most every 100 ms, erased when done.
 */
import type { CliIO, CliStream } from './io.js';

/** Nothing is shown for work that ends within this many milliseconds. */
export const PROGRESS_DELAY_MS = 1000;
const REDRAW_MS = 100;

/** The progress line of one run. */
export class Progress {
  readonly #stream: CliStream | null;
  readonly #now: () => number;
  readonly #start: number;
  #last = -Infinity;
  #shown = false;

  /** Reports on `io.stderr` when it is a TTY and `io.now` tells the time; otherwise does nothing. */
  constructor(io: CliIO) {
    const stderr = io.stderr;
    const raw = 'raw' in stderr ? (stderr.raw as CliStream) : stderr;
    this.#stream = stderr.isTTY === true && io.now !== undefined ? raw : null;
    this.#now = io.now ?? (() => 0);
    this.#start = this.#now();
  }

  /** Redraws the line with `text()` (computed only when drawn; input in it is escaped by the caller). */
  update(text: () => string): void {
    if (this.#stream === null) return;
    const t = this.#now();
    if (t - this.#start < PROGRESS_DELAY_MS || t - this.#last < REDRAW_MS) return;
    this.#last = t;
    this.#shown = true;
    this.#stream.write(`\r${text()}\u001b[K`);
  }

  /** Erases the line if it was shown. */
  done(): void {
    if (this.#stream !== null && this.#shown) this.#stream.write('\r\u001b[K');
    this.#shown = false;
  }
}
