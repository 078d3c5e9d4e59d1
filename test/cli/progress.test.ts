import { describe, expect, test } from 'vitest';
import { PROGRESS_DELAY_MS, Progress } from '../../src/cli/progress.js';
import type { CliIO } from '../../src/cli/io.js';
import { safeStream } from '../../src/cli/terminal.js';

/** An io whose clock is a counter the test moves (no real clock in unit tests). */
function fakeIo(tty: boolean) {
  const clock = { t: 0 };
  let err = '';
  const stderr = safeStream({ write: (s: string) => (err += s), isTTY: tty });
  const io: CliIO = { stdout: { write: () => true }, stderr, readStdin: () => Promise.resolve(''), env: {}, cwd: '/', now: () => clock.t };
  return { io, clock, err: () => err };
}

describe('Progress', () => {
  test('nothing before the delay; then one line redrawn at most every 100 ms; erased when done', () => {
    const { io, clock, err } = fakeIo(true);
    const p = new Progress(io);
    p.update(() => 'early');
    clock.t = PROGRESS_DELAY_MS;
    p.update(() => 'one');
    clock.t += 50;
    p.update(() => 'too soon');
    clock.t += 50;
    p.update(() => 'two');
    p.done();
    expect(err()).toBe('\rone\u001b[K\rtwo\u001b[K\r\u001b[K');
  });

  test('stderr not a terminal, or no clock: nothing at all', () => {
    const { io, clock, err } = fakeIo(false);
    const p = new Progress(io);
    clock.t = 10 * PROGRESS_DELAY_MS;
    p.update(() => 'x');
    p.done();
    expect(err()).toBe('');
    const { now: _now, ...noClock } = fakeIo(true).io;
    const q = new Progress(noClock);
    q.update(() => 'x');
    q.done();
  });

  test('done() writes nothing when no line was shown', () => {
    const { io, err } = fakeIo(true);
    new Progress(io).done();
    expect(err()).toBe('');
  });
});
