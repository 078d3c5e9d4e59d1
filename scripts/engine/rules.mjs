// Rule-category case generators (issue #13): Dockerfiles in the categories the generic generator
// (generate.mjs) never reaches. Each category is a fast-check arbitrary over small fragment tables,
// so a seed gives the same cases; `ruleCases(seed, n)` samples n per category (duplicates dropped).
// Recorded into test/fixtures/engine/*-rules.json (`record.mjs --rules N --no-handwritten
// --generated 0`) and generated afresh by the live differential (test/engine/differential.test.ts).
import fc from 'fast-check';

const df = (...lines) => lines.join('\n') + '\n';
const FROM = 'FROM argvbase:1';
const OK = 'CMD ["/argv","ok"]';

// ---------------------------------------------------------------- 7. instruction arguments
const ARGUMENTS = {
  ENV: ['', 'A', 'A B', 'A=1', '=1', 'A=1 B', 'A=1 =2', '"A B"=1', 'A="x y" B=2', 'A=', 'A =1', 'A\tB C', "'A'=1", 'A "x"', '--x A=1', 'A=1 B=', '"" x', '""=x'],
  LABEL: ['', 'a', 'a b', 'a=b', '=b', 'a=b c', '"a b"=c', 'a="x y" b=2', 'a=', '--x a=b', '"" x', '""=x', "'a'=1"],
  WORKDIR: ['', '/a', '/a /b', '"/a b"', 'rel', '--x /a', '""'],
  USER: ['', 'a', 'a b', '0:0', '--x a', '""'],
  MAINTAINER: ['', 'a', 'a b', '--x a', '""'],
  ARG: ['', '=1', 'A=1 =2', 'A B', '--x A', 'A=1', 'A', '""', '"A"=1', 'A="x y"'],
  VOLUME: ['', '[]', '[""]', '["/a"]', '/a /b', '[1]', '["/a", 1]', '[" "]', '[/a]', '--x /a', '""', '["/a",]'],
  EXPOSE: [
    '',
    '80',
    '80/tcp',
    '80/udp',
    '80/sctp',
    '80/xyz',
    '80-90',
    '90-80',
    'abc',
    '0',
    '65535',
    '65536',
    '80/',
    '/tcp',
    '80/TCP',
    '1.2.3.4:80:80',
    ':80',
    '80 81',
    '-1',
    '80-',
    '--x 80',
    '80/tcp/udp',
    '08',
  ],
  STOPSIGNAL: ['', 'SIGTERM', 'TERM', '9', 'sigkill', 'SIGFOO', '0', '64', '65', '-1', 'SIGRTMIN+1', 'a b', '--x 9', 'kill', 'SIGRTMAX'],
  HEALTHCHECK: [
    '',
    'NONE',
    'NONE x',
    'none',
    'CMD',
    'CMD /argv',
    'cmd /argv',
    'CMD ["/argv"]',
    'CMD []',
    'CMD ["/argv", 1]',
    'FOO /argv',
    '--interval=5s CMD /argv',
    '--interval=0s CMD /argv',
    '--interval=1ms CMD /argv',
    '--interval=abc CMD /argv',
    '--interval=5 CMD /argv',
    '--timeout=-1s CMD /argv',
    '--retries=0 CMD /argv',
    '--retries=abc CMD /argv',
    '--retries=1 CMD /argv',
    '--start-period=1s CMD /argv',
    '--start-interval=5s CMD /argv',
    '--foo=1 CMD /argv',
    '--interval CMD /argv',
    '--interval=5s --interval=6s CMD /argv',
    '--interval=5s NONE',
    '--foo NONE',
    '--retries=99999999999 CMD /argv',
    '--timeout=1h2m CMD /argv',
  ],
  COPY: [
    '',
    'Dockerfile',
    'Dockerfile /x',
    '["Dockerfile"]',
    '["Dockerfile","/x"]',
    '--foo Dockerfile /x',
    '--chown=0:0 Dockerfile /x',
    'Dockerfile Dockerfile /d/',
    '["Dockerfile", 1]',
  ],
  ADD: ['', 'Dockerfile', 'Dockerfile /x', '["Dockerfile"]', '--foo Dockerfile /x', '["Dockerfile", 1]'],
};
const instructionLine = fc
  .constantFrom(...Object.keys(ARGUMENTS))
  .chain((kw) => fc.tuple(fc.constantFrom(kw, kw.toLowerCase()), fc.constantFrom(...ARGUMENTS[kw])).map(([k, a]) => (a === '' ? k : `${k} ${a}`)));
// Where the line is: the target stage, an ONBUILD trigger (declared; fired in a child stage), an unused stage.
const validation = fc.tuple(instructionLine, fc.constantFrom('plain', 'plain', 'plain', 'onbuild', 'onbuild-fired', 'unused-stage')).map(([line, where]) => {
  if (where === 'onbuild') return df(FROM, `ONBUILD ${line}`, OK);
  if (where === 'onbuild-fired') return df(`${FROM} AS parent`, `ONBUILD ${line}`, 'FROM parent', OK);
  if (where === 'unused-stage') return df(`${FROM} AS unused`, line, FROM, OK);
  return df(FROM, line, OK);
});

// ---------------------------------------------------------------- 2. ARG / FROM expansion
const ARG_DECLS = [
  [],
  ['ARG T'],
  ['ARG T='],
  ['ARG T=ep'],
  ['ARG T=cmd'],
  ['ARG T=ep', 'ARG T'],
  ['ARG T', 'ARG T=cmd'],
  ['ARG T=ep', 'ARG U=${T}'],
  ['ARG U=cmd', 'ARG T=${U:-ep}'],
  ['ARG T=e p'],
];
const FROM_WORDS = [
  'argvbase-${T}:1',
  'argvbase-$T:1',
  'argvbase-${T:-cmd}:1',
  'argvbase-${T-cmd}:1',
  'argvbase-${T:+cmd}:1',
  'argvbase-${T+cmd}:1',
  'argvbase-${T:?}:1',
  'argvbase-${T:?no T}:1',
  'argvbase-${T?}:1',
  'argvbase-${T?no T}:1',
  'argvbase-${T:-${U:-ep}}:1',
  'argvbase-${U:-${T:-ep}}:1',
  'argvbase-${T%p}:1',
  'argvbase-${T%%p}:1',
  'argvbase-${T#e}:1',
  'argvbase-${T##e}:1',
  'argvbase-${T/p/p}:1',
  'argvbase-${T:=cmd}:1',
  'argvbase-${T:0:2}:1',
  'argvbase-${T^^}:1',
  'argvbase-${#T}:1',
  'argvbase-${}:1',
  'argvbase-${T:1',
  'argvbase-${T:-cmd:1',
  'argvbase-${T:-}:1',
  'argvbase-$$:1',
  'argvbase-$@:1',
  'argvbase-$#:1',
  'argvbase-$1:1',
  'argvbase-${1}:1',
  'argvbase-${T}${T}:1',
  '"argvbase-${T}:1"',
  "'argvbase-${T}:1'",
  'argvbase-\\$T:1',
  'argvbase-${T:-"cmd"}:1',
  'argvbase-$é:1',
  'argvbase-${é}:1',
  'argvbase-${T!}:1',
  'argvbase-${T:}:1',
  'argvbase-${T-}:1',
  'argvbase-$:1',
];
const argExpansion = fc.tuple(fc.constantFrom(...ARG_DECLS), fc.constantFrom(...FROM_WORDS)).map(([decls, word]) => df(...decls, `FROM ${word}`));

// ---------------------------------------------------------------- 1. instruction keywords
// Letters Go's unicode.ToLower maps onto ASCII (K KELVIN SIGN, İ) and ones JavaScript's toUpperCase does (ſ, ı).
const KEYWORD_LINES = [
  ['CMD', '["/argv","kw"]'],
  ['ENTRYPOINT', '["/argv","kw"]'],
  ['SHELL', '["/argv","kw-shell"]'],
  ['HEALTHCHECK', 'NONE'],
  ['ONBUILD', 'CMD ["/argv","kw-onbuild"]'],
  ['STOPSIGNAL', '9'],
  ['USER', 'root'],
  ['EXPOSE', '80'],
  ['MAINTAINER', 'me'],
];
const SWAPS = [
  ['K', '\u212a'],
  ['k', '\u212a'],
  ['I', '\u0130'],
  ['i', '\u0130'],
  ['i', '\u0131'],
  ['S', '\u017f'],
  ['s', '\u017f'],
  ['E', '\uff25'],
  ['C', '\u0421'],
];
const keywordCase = fc.tuple(fc.constantFrom(...KEYWORD_LINES), fc.constantFrom('upper', 'lower'), fc.constantFrom(...SWAPS), fc.nat()).map(([[kw, args], c, [from, to], pick]) => {
  const k = c === 'upper' ? kw : kw.toLowerCase();
  const at = [...k].map((ch, i) => [ch, i]).filter(([ch]) => ch === from);
  const swapped = at.length === 0 ? k : ((i) => k.slice(0, i) + to + k.slice(i + 1))(at[pick % at.length][1]);
  return df(FROM, `${swapped} ${args}`);
});
const AS_WORDS = ['AS', 'as', 'As', 'aS', 'a\u017f', 'A\u017f', '\u0430s', 'AS\u200b'];
const STAGE_WORDS = ['base', 'Base', 'ba\u212ae', 'b\u0130', 'b\u0131', 'stra\u00dfe', 'x\u017f'];
const asCase = fc
  .tuple(fc.constantFrom(...AS_WORDS), fc.constantFrom(...STAGE_WORDS), fc.boolean())
  .map(([as, name, lower]) => df(`FROM argvbase-ep:1 ${as} ${name}`, `FROM ${lower ? name.toLowerCase() : name}`, 'CMD ["from-stage"]'));
const keywords = fc.oneof(keywordCase, asCase);

// ---------------------------------------------------------------- 3. stage names
const NAMES = ['a', 'A', 'Build', 'b-1', 'b_1', 'b.1', '1b', '-b', 'b/c', 'b:1', 'scratch', 'argvbase-cmd:1', 'argvbase-cmd'];
const stageNames = fc
  .tuple(
    fc.constantFrom(...NAMES),
    fc.constantFrom(...NAMES),
    fc.constantFrom('same', 'upper', 'lower', 'other'),
    fc.constantFrom('none', 'none', 'first', 'second', 'upper'),
    fc.boolean(),
  )
  .map(([n1, n2, ref, target, unusedRef]) => {
    const refName = ref === 'upper' ? n1.toUpperCase() : ref === 'lower' ? n1.toLowerCase() : ref === 'other' ? n2 : n1;
    const lines = [`FROM argvbase-ep:1 AS ${n1}`, 'CMD ["first"]', `FROM argvbase-cmd:1 AS ${n2}`, 'CMD ["second"]'];
    if (unusedRef) lines.push(`FROM ${refName} AS unused`, 'CMD ["unused"]');
    lines.push(`FROM ${unusedRef ? 'argvbase:1' : refName}`, 'CMD ["/argv","last"]');
    const t = target === 'first' ? n1 : target === 'second' ? n2 : target === 'upper' ? n1.toUpperCase() : undefined;
    return { dockerfile: df(...lines), ...(t !== undefined ? { target: t } : {}) };
  });

// ---------------------------------------------------------------- 4. FROM flags
const FROM_FLAGS = [
  '--platform',
  '--platform=',
  '--platform=linux/amd64',
  '--platform=linux/amd64 --platform=linux/amd64',
  '--platform=linux',
  '--platform=foo',
  '--platform=linux/foo',
  '--platform=$BUILDPLATFORM',
  '--platform=${BUILDPLATFORM}',
  '--platform=$P',
  '--PLATFORM=linux/amd64',
  '--Platform=linux/amd64',
  '--x',
  '--x=1',
  '--platform=linux/amd64 --x',
  '--',
  '-- --platform=linux/amd64',
  '--platform="linux/amd64"',
  '--platform=linux/amd64/v2',
  '--platform=LINUX/AMD64',
];
const fromFlags = fc
  .tuple(fc.constantFrom(...FROM_FLAGS), fc.constantFrom('', 'ARG P=linux/amd64', 'ARG P'), fc.boolean())
  .map(([flags, arg, stage]) => df(...(arg ? [arg] : []), `FROM ${flags} argvbase-ep:1${stage ? ' AS s' : ''}`, OK));

// ---------------------------------------------------------------- 6. line endings
const CR_LINES = [
  ['CMD ["/argv","a"]'],
  ['CMD /argv a'],
  ['ENV A=1', 'CMD ["/argv","env"]'],
  ['CMD /argv a \\', ' b'],
  ['CMD ["/argv", \\', '"b"]'],
  ['# comment', 'CMD ["/argv","c"]'],
  ['', 'CMD ["/argv","blank"]'],
  ['SHELL ["/argv","sh"]', 'CMD x'],
  ['ENTRYPOINT ["/argv"] \\', 'x'],
];
const lineEndings = fc
  .tuple(fc.constantFrom(...CR_LINES), fc.constantFrom('\r\r\n', '\r\r\r\n', '\r\n', '\r \r\n', '\r'), fc.nat(), fc.boolean())
  .map(([lines, eol, pick, all]) => {
    const body = [FROM, ...lines];
    const which = all ? -1 : 1 + (pick % lines.length);
    return body.map((l, i) => l + (which < 0 || i === which ? eol : '\n')).join('');
  });

// ---------------------------------------------------------------- 5. builder-flag scanning
const FLAG_SEPARATORS = [' ', '\t', '\u00a0', '\u2003', '\u0085', '\u3000', '\v', '\f'];
const FLAG_WORDS = ['--x', '--', '--""', "--''", '---', '--=', '--x--', '--\\-', '-\\-', '--"x y"', '--x=\u00e0', '--x=\u0160', '--\u00a0'];
const flagScan = fc
  .tuple(fc.constantFrom('CMD', 'ENTRYPOINT', 'SHELL'), fc.constantFrom(...FLAG_WORDS), fc.constantFrom(...FLAG_SEPARATORS), fc.constantFrom('["/argv","f"]', '/argv f'))
  .map(([kw, flag, sep, rest]) => df('FROM argvbase-rawsh:1', `${kw} ${flag}${sep}${rest}`));

// ---------------------------------------------------------------- 8. ONBUILD triggers
const TRIGGERS = [
  'FROM argvbase:1',
  'MAINTAINER me',
  'ONBUILD CMD ["/argv","x"]',
  'CMD ["/argv","trigger"]',
  'ENTRYPOINT ["/argv","trig-ep"]',
  'SHELL ["/argv","trig-sh"]',
  'ARG A',
  'WORKDIR',
  'ENV A',
  'STOPSIGNAL FOO',
  'EXPOSE abc',
  'CMD ["/argv", 1]',
  'FOO bar',
  'onbuild cmd ["/argv","lower"]',
];
const onbuild = fc
  .tuple(
    fc.constantFrom(...TRIGGERS),
    fc.constantFrom('declared', 'child', 'grandchild', 'child-cmd'),
    fc.constantFrom('argvbase:1', 'argvbase-onbuild-cmd:1', 'argvbase-onbuild-ep:1'),
  )
  .map(([trigger, how, base]) => {
    if (how === 'declared') return df(`FROM ${base}`, `ONBUILD ${trigger}`);
    const lines = [`FROM ${base} AS p`, `ONBUILD ${trigger}`, 'FROM p AS c'];
    if (how === 'child-cmd') lines.push('CMD ["/argv","child"]');
    if (how === 'grandchild') lines.push('FROM c');
    return df(...lines);
  });

/** Every instruction line of the arguments table once, in the target stage (an exhaustive pass; `--rules-all`). */
export function argumentCases() {
  return Object.entries(ARGUMENTS).flatMap(([kw, list]) =>
    list.map((a, i) => ({
      id: `arguments-all-${kw.toLowerCase()}-${String(i).padStart(2, '0')}`,
      family: 'rule-arguments',
      dockerfile: df(FROM, a === '' ? kw : `${kw} ${a}`, OK),
      runs: [],
    })),
  );
}

/** The category generators, by family name, with their share of the cases (more where real files hit them more). Each yields a Dockerfile or `{ dockerfile, target }`. */
export const RULE_CATEGORIES = {
  'rule-arguments': [validation, 4],
  'rule-arg-expansion': [argExpansion, 3],
  'rule-keywords': [keywords, 1],
  'rule-stage-names': [stageNames, 1],
  'rule-from-flags': [fromFlags, 1],
  'rule-line-endings': [lineEndings, 1],
  'rule-flag-scan': [flagScan, 1],
  'rule-onbuild': [onbuild, 1],
};

/** `n` cases per share of each category from `seed` (same seed and fast-check version, same cases); repeats dropped. */
export function ruleCases(seed, n) {
  const out = [];
  for (const [family, [arb, share]] of Object.entries(RULE_CATEGORIES)) {
    const seen = new Set();
    for (const v of fc.sample(arb, { seed, numRuns: n * share })) {
      const c = typeof v === 'string' ? { dockerfile: v } : v;
      const key = JSON.stringify(c);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ id: `${family.slice(5)}-${seed}-${String(seen.size - 1).padStart(3, '0')}`, family, ...c, runs: [] });
    }
  }
  return out;
}
