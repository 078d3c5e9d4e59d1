import { describe, expect, test } from 'vitest';
import { engineProfile } from '../../src/core/engine-profile.js';
import { exposeError, instructionArgsError, nameValueError, parseGoDuration, stopSignalError } from '../../src/dockerfile/instruction-args.js';

// Recorded on Docker 20.10.24, BuildKit and classic alike (test/fixtures/engine/docker-20.10.24-arguments.json, case
// ids `arguments-all-<keyword>-<row>`), the rules of buildkit v0.8.3 instructions/parse.go.
const D20 = engineProfile({ engine: 'docker', engineVersion: '20.10.24' });
const CURRENT = engineProfile({ engine: 'docker' });
const check = (keyword: string, args: string, flags: string[] = [], profile = D20) => instructionArgsError({ keyword, flags, args }, '\\', profile);

describe('instructionArgsError', () => {
  test.for([
    { kw: 'ENV', args: '', want: 'ENV requires at least one argument' },
    { kw: 'ENV', args: 'A=1 =2', want: 'ENV names can not be blank' },
    { kw: 'ENV', args: '""=x', want: null },
    { kw: 'LABEL', args: '=b', want: 'LABEL names can not be blank' },
    { kw: 'USER', args: 'a b', want: null },
    { kw: 'WORKDIR', args: '', want: 'WORKDIR requires exactly one argument' },
    { kw: 'STOPSIGNAL', args: '', want: 'STOPSIGNAL requires exactly one argument' },
    { kw: 'VOLUME', args: '[]', want: 'VOLUME requires at least one argument' },
    { kw: 'VOLUME', args: '[" "]', want: 'VOLUME specified can not be an empty string' },
    { kw: 'ARG', args: '=1', want: 'ARG names can not be blank' },
    { kw: 'COPY', args: '["Dockerfile"]', want: 'COPY requires at least two arguments, but only one was provided. Destination could not be determined' },
    { kw: 'HEALTHCHECK', args: 'NONE x', want: 'HEALTHCHECK NONE takes no arguments' },
    { kw: 'HEALTHCHECK', args: 'FOO /argv', want: 'Unknown type "FOO" in HEALTHCHECK (try CMD)' },
    { kw: 'HEALTHCHECK', args: 'CMD []', want: 'Missing command after HEALTHCHECK CMD' },
  ])('$kw $args', ({ kw, args, want }) => {
    expect(check(kw, args)).toBe(want);
  });

  test.for([
    { kw: 'USER', args: 'a', flags: ['--x'], want: 'Unknown flag: x' },
    { kw: 'ARG', args: 'A', flags: ['--x'], want: null },
    { kw: 'STOPSIGNAL', args: '9', flags: ['--x'], want: null },
    { kw: 'HEALTHCHECK', args: 'NONE', flags: ['--foo'], want: null },
    { kw: 'HEALTHCHECK', args: 'CMD /argv', flags: ['--interval'], want: 'Missing a value on flag: interval' },
    { kw: 'HEALTHCHECK', args: 'CMD /argv', flags: ['--interval=5s', '--interval=6s'], want: 'Duplicate flag specified: interval' },
    { kw: 'HEALTHCHECK', args: 'CMD /argv', flags: ['--interval=0s'], want: 'Interval "interval" cannot be less than 1ms' },
    { kw: 'HEALTHCHECK', args: 'CMD /argv', flags: ['--retries=0'], want: '--retries must be at least 1 (not 0)' },
    { kw: 'HEALTHCHECK', args: 'CMD /argv', flags: ['--retries=abc'], want: 'strconv.ParseInt: parsing "abc": invalid syntax' },
    { kw: 'HEALTHCHECK', args: 'CMD /argv', flags: ['--start-interval=5s'], want: 'Unknown flag: start-interval' },
  ])('$kw $flags $args', ({ kw, args, flags, want }) => {
    expect(check(kw, args, flags)).toBe(want);
  });

  // Flags that later releases add (`git log -S` of each AddString/AddBool in parse.go) and their lower-case wording (1.3).
  test('newer frontends know more flags and word errors in lower case', () => {
    expect(check('HEALTHCHECK', 'CMD /argv', ['--start-interval=5s'], CURRENT)).toBeNull();
    expect(check('COPY', 'a /b', ['--link'], CURRENT)).toBeNull();
    expect(check('COPY', 'a /b', ['--link=maybe'], CURRENT)).toBe('expecting boolean value for flag link, not: maybe');
    expect(check('COPY', 'a /b', ['--chown'], CURRENT)).toBe('missing a value on flag: chown');
  });
});

// line_parsers.go parseNameVal (recorded: arguments-all-env-*).
describe('nameValueError', () => {
  test.for([
    { text: 'A', want: 'ENV must have two arguments' },
    { text: 'A B', want: null },
    { text: 'A=1 B', want: 'Syntax error - can\'t find = in "B". Must be of the form: name=value' },
    { text: 'A="x y" B=2', want: null },
  ])('ENV $text', ({ text, want }) => {
    expect(nameValueError('ENV', text, '\\')).toBe(want);
  });
});

// Go time.ParseDuration (its documented grammar and error texts).
describe('parseGoDuration', () => {
  test.for([
    { s: '5s', want: 5e9 },
    { s: '1h2m', want: 3.72e12 },
    { s: '1.5ms', want: 1.5e6 },
    { s: '-1s', want: -1e9 },
    { s: '0', want: 0 },
    { s: '5', want: 'time: missing unit in duration "5"' },
    { s: 'abc', want: 'time: invalid duration "abc"' },
    { s: '5x', want: 'time: unknown unit "x" in duration "5x"' },
  ])('$s', ({ s, want }) => {
    expect(parseGoDuration(s)).toBe(want);
  });
});

// moby pkg/signal ParseSignal (recorded: rule-arguments STOPSIGNAL rows) and go-connections nat.ParsePortSpec (EXPOSE rows).
describe('dispatch checks', () => {
  test.for([
    { s: 'SIGTERM', want: null },
    { s: 'sigkill', want: null },
    { s: '-1', want: null },
    { s: '65', want: null },
    { s: 'SIGRTMIN+1', want: null },
    { s: '0', want: 'Invalid signal: 0' },
    { s: 'SIGFOO', want: 'Invalid signal: SIGFOO' },
  ])('STOPSIGNAL $s', ({ s, want }) => {
    expect(stopSignalError(s)).toBe(want);
  });
  test.for([
    { s: '80', want: null },
    { s: '80/udp', want: null },
    { s: '0', want: null },
    { s: ':80', want: null },
    { s: '80-90', want: null },
    { s: '65536', want: 'Invalid containerPort: 65536' },
    { s: '90-80', want: 'Invalid containerPort: 90-80' },
    { s: '80-', want: 'Invalid containerPort: 80-' },
    { s: '80/xyz', want: 'Invalid proto: xyz' },
  ])('EXPOSE $s', ({ s, want }) => {
    expect(exposeError(s)).toBe(want);
  });
});
