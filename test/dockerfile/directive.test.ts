import { describe, expect, test } from 'vitest';
import { matchDirective, matchImagebuilderEscape } from '../../src/dockerfile/directive.js';

// BuildKit's directive line (semantics.md R1.16): `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$` with Go's `\s` =
// [\t\n\f\r ] (moby/buildkit frontend/dockerfile/parser/directives.go); from dockerfile/1.21.0 (a248d48d0) any
// unicode.IsSpace may follow the `#`. Rows marked TestDirectives / TestDetectSyntax / TestParseDirective are
// buildkit parser/directives_test.go (4e8bc5f6); rows marked probe are the Docker 20.10.24 recordings of
// test/dockerfile/evaluate.test.ts ("which `# escape=` lines are directives").
describe('matchDirective', () => {
  test.for([
    { line: '#escape=\\', unicodeSpace: false, want: { key: 'escape', value: '\\' }, source: 'TestDirectives' },
    { line: '# EScape=\\', unicodeSpace: false, want: { key: 'escape', value: '\\' }, source: 'TestDirectives (key case-insensitive)' },
    { line: '# key = FOO bar', unicodeSpace: false, want: { key: 'key', value: 'FOO bar' }, source: 'TestDirectives' },
    {
      line: '# syntax = dockerfile:experimental // opts',
      unicodeSpace: false,
      want: { key: 'syntax', value: 'dockerfile:experimental // opts' },
      source: 'TestDetectSyntax (cmdline)',
    },
    { line: '#check = skip=all // opts', unicodeSpace: false, want: { key: 'check', value: 'skip=all // opts' }, source: 'TestParseDirective (cmdline)' },
    { line: '# smth', unicodeSpace: false, want: null, source: 'TestDirectives (no `=`)' },
    { line: 'FROM busybox', unicodeSpace: false, want: null, source: 'regexp: starts with #' },
    { line: '#1key=value', unicodeSpace: false, want: null, source: 'regexp: key starts with a letter' },
    { line: '# escape=', unicodeSpace: false, want: null, source: 'regexp: (.+?) needs a character' },
    { line: '# escape= ', unicodeSpace: false, want: { key: 'escape', value: ' ' }, source: 'probe blank (the regexp backtracks to the last blank)' },
    { line: '# escape=`  ', unicodeSpace: false, want: { key: 'escape', value: '`' }, source: 'regexp: trailing \\s* dropped' },
    { line: '#\fescape=`', unicodeSpace: false, want: { key: 'escape', value: '`' }, source: 'probe ff (\\f is Go \\s)' },
    { line: '# escape\f=\f`', unicodeSpace: false, want: { key: 'escape', value: '`' }, source: 'probe ffeq' },
    { line: '#\vescape=`', unicodeSpace: false, want: null, source: 'probe vt (\\v is not Go \\s)' },
    { line: '#\u00a0escape=`', unicodeSpace: false, want: null, source: 'probe nbsp' },
    { line: '#\vescape=`', unicodeSpace: true, want: { key: 'escape', value: '`' }, source: 'dockerfile/1.21.0 a248d48d0 (unicode.IsSpace)' },
    { line: '#\u00a0escape=`', unicodeSpace: true, want: { key: 'escape', value: '`' }, source: 'dockerfile/1.21.0 a248d48d0 (unicode.IsSpace)' },
  ])('$line ($source)', ({ line, unicodeSpace, want }) => {
    expect(matchDirective(line, unicodeSpace)).toEqual(want);
  });
});

// openshift/imagebuilder (buildah) parser.go, 4151e436: `^#[ \t]*escape[ \t]*=[ \t]*(?P<escapechar>.).*$` on the
// lower-cased line; only `escape` is a directive. Probe rows: podman 4.3.1 (test/dockerfile/evaluate.test.ts).
describe('matchImagebuilderEscape', () => {
  test.for([
    { line: '# escape=`', want: '`', source: 'regexp' },
    { line: '#escape=\\', want: '\\', source: 'regexp' },
    { line: '# ESCAPE=`', want: '`', source: 'strings.ToLower(line)' },
    { line: '# escape=``', want: '`', source: 'probe dbl (one character)' },
    { line: '# escape=` x', want: '`', source: 'probe tail (rest ignored)' },
    { line: '# escape= ', want: ' ', source: 'probe blank' },
    { line: '# escape=', want: null, source: 'regexp: (.) needs a character' },
    { line: '#\fescape=`', want: null, source: 'probe ff ([ \\t] only)' },
    { line: '# syntax=docker/dockerfile:1', want: null, source: 'only escape is a directive' },
    { line: 'FROM x', want: null, source: 'regexp' },
  ])('$line ($source)', ({ line, want }) => {
    expect(matchImagebuilderEscape(line)).toEqual(want === null ? null : { key: 'escape', value: want });
  });
});
