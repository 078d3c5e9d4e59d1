// Seeded random Dockerfiles for engine recordings (fast-check, explicit seed).
// generateCases(seed, n) is deterministic for a given fast-check version.
import fc from 'fast-check';
import { ALL_BASES } from './bases.mjs';

const TOKENS = ['a', 'b c', '$X', '${X}', '"q"', "'s'", '♥', '\\n', '', '-x', '--y', 'x#y', '*', 'é', '\\', 'a\tb'];
const SHELL_TOKENS = ['a', 'b', '$X', '"q r"', "'s t'", '♥', '-x', '--y', '#c', '*', '\\\\'];
const BASES = ALL_BASES;

const kw = (k) => fc.constantFrom(k, k.toLowerCase(), k[0] + k.slice(1).toLowerCase());
const indent = fc.constantFrom('', '', '', '  ', '\t');
const execArr = fc
  .tuple(
    fc.constantFrom('/argv', '/argv', '/argv', 'argv', '/bin/argv', '', 'x'),
    fc.array(fc.constantFrom(...TOKENS), { maxLength: 3 }),
    fc.constantFrom(',', ', ', ' , ', ',\t'),
    fc.constantFrom(['[', ']'], ['[ ', ' ]'], ['[\t', ']\t']),
  )
  .map(([first, rest, sep, [o, c]]) => o + [first, ...rest].map((s) => JSON.stringify(s)).join(sep) + c);
const shellText = fc
  .tuple(fc.constantFrom('/argv', '/argv', 'argv', 'exec /argv', 'echo'), fc.array(fc.constantFrom(...SHELL_TOKENS), { maxLength: 3 }))
  .map(([a, r]) => [a, ...r].join(' '));

// argument text of a CMD/ENTRYPOINT, tagged with the features it exercises
const argText = fc.oneof(
  { weight: 5, arbitrary: execArr.map((t) => ({ t, f: ['exec'] })) },
  { weight: 4, arbitrary: shellText.map((t) => ({ t, f: ['shell'] })) },
  { weight: 1, arbitrary: fc.constantFrom({ t: '[]', f: ['empty-array'] }, { t: '', f: ['bare'] }, { t: '[""]', f: ['empty-string'] }) },
  {
    weight: 2,
    arbitrary: fc.tuple(execArr, fc.constantFrom('trailing', 'comma', 'squote', 'unclosed', 'var', 'nonstring', 'overflow')).map(([t, how]) => {
      switch (how) {
        case 'trailing':
          return { t: `${t} tail`, f: ['json-trailing-text'] };
        case 'comma':
          return { t: t.replace(/\s*\]\s*$/, ',]'), f: ['json-trailing-comma'] };
        case 'squote':
          return { t: t.replace(/"/g, "'"), f: ['json-single-quotes'] };
        case 'unclosed':
          return { t: t.replace(/\s*\]\s*$/, ''), f: ['json-unclosed'] };
        case 'var':
          return { t: t.replace(/\s*\]\s*$/, ', $X]'), f: ['json-unquoted-var'] };
        // Beyond float64: Go's decoder fails, so the text is shell form (FINDINGS.md), unlike `, 1]`.
        case 'overflow':
          return { t: t.replace(/\s*\]\s*$/, ', 1e400]'), f: ['json-float-overflow'] };
        default:
          return { t: t.replace(/\s*\]\s*$/, ', 1]'), f: ['json-nonstring'] };
      }
    }),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('--x ', '-- ', '-x ', '--x=1 -- '), fc.oneof(execArr, shellText)).map(([p, t]) => ({ t: p + t, f: ['flag:' + p.trim()] })),
  },
);

const cmdLike = fc.tuple(fc.constantFrom('CMD', 'CMD', 'ENTRYPOINT'), fc.boolean()).chain(([k]) =>
  fc.tuple(kw(k), indent, argText, fc.constantFrom(' ', ' ', '\t', '   ')).map(([K, ind, a, sp]) => ({
    kind: k,
    line: a.t === '' ? `${ind}${K}` : `${ind}${K}${sp}${a.t}`,
    f: [k.toLowerCase() + ':' + a.f[0], ...a.f.slice(1)],
  })),
);
const shellInstr = fc.constantFrom(
  { kind: 'SHELL', line: 'SHELL ["/argv","gen-shell"]', f: ['shell'] },
  { kind: 'SHELL', line: 'SHELL ["/bin/sh","-c"]', f: ['shell'] },
  { kind: 'SHELL', line: 'SHELL ["/argv"]', f: ['shell'] },
  { kind: 'SHELL', line: 'SHELL /bin/sh -c', f: ['shell-invalid'] },
);
const other = fc.constantFrom(
  { kind: 'ENV', line: 'ENV X=1', f: [] },
  { kind: 'LABEL', line: 'LABEL a=b', f: [] },
  { kind: 'ARG', line: 'ARG A=2', f: [] },
  { kind: 'COMMENT', line: '# comment', f: [] },
  { kind: 'BLANK', line: '', f: [] },
  { kind: 'ONBUILD', line: 'ONBUILD CMD ["/argv","gen-onbuild"]', f: ['onbuild-declared'] },
);
const instr = fc.oneof({ weight: 6, arbitrary: cmdLike }, { weight: 1, arbitrary: shellInstr }, { weight: 2, arbitrary: other });
const stageBody = fc.array(instr, { minLength: 0, maxLength: 4 });

// Extended generator (engine suite, `--extended`): more rules per case. Kept apart so that the
// default generator, and so the committed recordings, stay reproducible from their seed.
const otherExt = fc.constantFrom(
  { kind: 'ONBUILD', line: 'ONBUILD ENTRYPOINT ["/argv","gen-ob-ep"]', f: ['onbuild-declared'] },
  { kind: 'ONBUILD', line: 'onbuild cmd /argv gen ob', f: ['onbuild-declared'] },
  { kind: 'UNKNOWN', line: 'FOO bar', f: ['unknown-instruction'] },
  // (no RUN: the private dockerd has no bridge network, so BuildKit cannot run build steps)
  { kind: 'COMMENT', line: '  # indented comment', f: ['comment'] },
  { kind: 'CMD', line: 'CMD /argv dbl\\\\', f: ['cmd:shell', 'doubled-escape'] },
  { kind: 'CMD', line: 'CMD ["/argv","x"] # note', f: ['cmd:exec', 'json-trailing-text'] },
  { kind: 'CMD', line: 'CMD [ ]', f: ['cmd:empty-array'] },
  { kind: 'ENTRYPOINT', line: 'ENTRYPOINT ["/argv x"]', f: ['entrypoint:exec', 'space-in-path'] },
  { kind: 'SHELL', line: 'SHELL --x ["/argv","flag-shell"]', f: ['shell', 'flag:--x'] },
  { kind: 'SHELL', line: 'SHELL []', f: ['shell-invalid'] },
);
const instrExt = fc.oneof({ weight: 6, arbitrary: cmdLike }, { weight: 1, arbitrary: shellInstr }, { weight: 2, arbitrary: other }, { weight: 2, arbitrary: otherExt });
const stageBodyExt = fc.array(instrExt, { minLength: 0, maxLength: 5 });
const runExt = fc.constantFrom(
  { args: [] },
  { args: [] },
  { args: ['x'] },
  { args: ['/argv', 'r'] },
  { args: [''] },
  { args: ['', ''] },
  { args: ['/argv', '', 'a b'] },
  { entrypoint: '/argv', args: [] },
  { entrypoint: '/argv', args: ['e'] },
  { entrypoint: '', args: [] },
  { entrypoint: '', args: ['/argv', 'z'] },
  { init: true, args: [] },
  { init: true, args: ['/argv', 'i'] },
  { entrypoint: '/argv x', args: [] },
  { entrypoint: '/argv x', args: ['s'] },
  { entrypoint: ' /argv', args: [] },
  { entrypoint: '/argv', init: true, args: [''] },
  { entrypoint: '["/argv","json"]', args: [] },
  { entrypoint: '[]', args: [] },
  { entrypoint: '[""]', args: ['/argv'] },
);

const spec = fc.record({
  escape: fc.constantFrom(null, null, null, null, null, null, null, null, '`', '\\'),
  bom: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
  crlf: fc.constantFrom(false, false, false, false, false, false, false, true),
  argBase: fc.constantFrom(false, false, false, false, false, true),
  stages: fc.constantFrom(1, 1, 1, 2, 2),
  fromStage: fc.boolean(),
  base0: fc.constantFrom(...BASES),
  base1: fc.constantFrom(...BASES),
  body0: stageBody,
  body1: stageBody,
  cont: fc.constantFrom(null, null, null, 'plain', 'indent', 'comment', 'blank', 'trailing-blank'),
  contPick: fc.nat(),
  finalNewline: fc.constantFrom(true, true, true, true, true, true, false),
  runs: fc.array(
    fc.constantFrom(
      { args: [] },
      { args: [] },
      { args: ['x'] },
      { args: ['/argv', 'r'] },
      { args: [''] },
      { entrypoint: '/argv', args: [] },
      { entrypoint: '/argv', args: ['e'] },
      { entrypoint: '', args: [] },
      { entrypoint: '', args: ['/argv', 'z'] },
      { init: true, args: [] },
      { entrypoint: '/argv x', args: [] },
    ),
    { minLength: 1, maxLength: 3 },
  ),
  startFirst: fc.constantFrom(true, false, false),
});

const specExt = fc.record({
  escape: fc.constantFrom(null, null, null, null, null, null, '`', '\\'),
  bom: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
  crlf: fc.constantFrom(false, false, false, false, false, false, true),
  argBase: fc.constantFrom(false, false, false, false, false, true),
  stages: fc.constantFrom(1, 1, 2, 2, 3),
  fromStage: fc.boolean(),
  stageCase: fc.constantFrom(false, false, false, true),
  beforeFrom: fc.constantFrom(...Array(30).fill(null), 'CMD ["/argv","before-from"]', 'LABEL x=y'),
  base0: fc.constantFrom(...BASES),
  base1: fc.constantFrom(...BASES),
  body0: stageBodyExt,
  body1: stageBodyExt,
  cont: fc.constantFrom(null, null, null, 'plain', 'indent', 'comment', 'blank', 'trailing-blank'),
  contPick: fc.nat(),
  finalNewline: fc.constantFrom(true, true, true, true, true, true, false),
  runs: fc.array(runExt, { minLength: 1, maxLength: 4 }),
  startFirst: fc.constantFrom(true, true, false),
});

function render(s) {
  const features = new Set();
  const lines = [];
  if (s.escape) {
    lines.push(`# escape=${s.escape}`);
    features.add('escape:' + s.escape);
  }
  const esc = s.escape ?? '\\';
  const body = (b) =>
    b.map((x) => {
      x.f.forEach((f) => features.add(f));
      return x.line;
    });
  let fromLast;
  if (s.beforeFrom) {
    lines.push(s.beforeFrom);
    features.add('before-from');
  }
  if (s.stages >= 2) {
    features.add('multi-stage');
    const name = s.stageCase ? 'S0' : 's0';
    if (s.stageCase) features.add('stage-name-case');
    if (s.argBase) {
      lines.push(`ARG BASE=${s.base0}`);
      lines.push('FROM ${BASE} AS ' + name);
      features.add('arg-from');
    } else lines.push(`FROM ${s.base0} AS ${name}`);
    lines.push(...body(s.body0));
    if (s.stages === 3) {
      // an unused middle stage (BuildKit and buildah skip it; classic dispatches it)
      lines.push(`FROM ${s.base1} AS unused`, ...body(s.body1.slice(0, 2)));
      features.add('unused-stage');
    }
    fromLast = s.fromStage ? 's0' : s.base1;
    if (s.fromStage) features.add('from-stage');
    lines.push(`FROM ${fromLast}`);
    lines.push(...body(s.stages === 3 ? s.body1.slice(2) : s.body1));
  } else {
    if (s.argBase) {
      lines.push(`ARG BASE=${s.base0}`);
      lines.push('FROM ${BASE}');
      features.add('arg-from');
    } else lines.push(`FROM ${s.base0}`);
    lines.push(...body(s.body0));
  }
  // optionally split one shell-ish instruction line with a continuation
  if (s.cont) {
    const cands = lines.map((l, i) => [l, i]).filter(([l]) => /^\s*(?:cmd|entrypoint)\s+\S+\s+\S/i.test(l));
    if (cands.length) {
      const [l, i] = cands[s.contPick % cands.length];
      const m = l.match(/^(\s*\S+\s+\S+)(\s+)(\S.*)?$/);
      if (m) {
        const [, head, ws, tail = ''] = m;
        const ins = { plain: [], indent: [], comment: ['# inside'], blank: [''], 'trailing-blank': [] }[s.cont];
        const first = head + ws + esc + (s.cont === 'trailing-blank' ? '  ' : '');
        const second = (s.cont === 'indent' ? '    ' : '') + tail;
        lines.splice(i, 1, first, ...ins, second);
        features.add('continuation:' + s.cont);
      }
    }
  }
  const nl = s.crlf ? '\r\n' : '\n';
  let text = lines.join(nl) + (s.finalNewline ? nl : '');
  if (s.crlf) features.add('crlf');
  if (s.bom) {
    text = '\ufeff' + text;
    features.add('bom');
  }
  if (!s.finalNewline) features.add('no-final-newline');
  const runs = s.runs.map((r, k) => ({ ...r, ...(k === 0 && s.startFirst ? { start: true } : {}) }));
  return { dockerfile: text, features: [...features].sort(), runs };
}

export function generateCases(seed, n, { extended = false } = {}) {
  const specs = fc.sample(extended ? specExt : spec, { seed, numRuns: n });
  return specs.map((s, i) => {
    const r = render(s);
    return { id: `gen-${seed}-${String(i).padStart(3, '0')}`, family: 'generated', features: r.features, dockerfile: r.dockerfile, runs: r.runs };
  });
}
