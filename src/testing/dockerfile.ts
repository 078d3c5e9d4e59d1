import * as fc from 'fast-check';
import { plainWordArb } from './words.js';
import type { ImageConfig } from '../core/types.js';

/**
 * Base images the generated Dockerfiles build on (the shapes of common images: a CMD only, an
 * ENTRYPOINT script + CMD, ONBUILD triggers, a non-default SHELL). Pass them as `baseImages` to
 * `evaluateDockerfile`; the oracles use them by default.
 */
export const KIT_BASE_IMAGES: Readonly<Record<string, ImageConfig>> = Object.freeze({
  'alpine:3': { cmd: ['/bin/sh'] },
  'node:20': { entrypoint: ['docker-entrypoint.sh'], cmd: ['node'] },
  'onbuild:1': { cmd: ['base'], onBuild: ['CMD ["from-onbuild"]', 'SHELL ["/bin/bash", "-c"]'] },
  'bash:5': { cmd: ['bash'], shell: ['/bin/bash', '-c'] },
});

/** Options of {@link dockerfileArb}. */
export interface DockerfileArbOptions {
  /** References FROM may name besides `scratch` and earlier stages. Default: the keys of {@link KIT_BASE_IMAGES}. */
  readonly baseImages?: readonly string[];
  /** At most this many stages (default 3). */
  readonly maxStages?: number;
  /** At most this many instructions after each FROM (default 5). */
  readonly maxInstructions?: number;
  /** Break instructions over lines with the escape character (default true). */
  readonly lineContinuations?: boolean;
}

type CommandKeyword = 'CMD' | 'ENTRYPOINT';
type Body =
  | { readonly kind: 'exec'; readonly keyword: CommandKeyword | 'SHELL'; readonly args: readonly string[]; readonly spacing: 0 | 1 | 2 }
  | { readonly kind: 'shell'; readonly keyword: CommandKeyword; readonly script: string }
  | { readonly kind: 'onbuild'; readonly inner: Body }
  | { readonly kind: 'heredoc'; readonly dash: boolean; readonly lines: readonly string[] }
  | { readonly kind: 'other'; readonly text: string };

/** Where an instruction is broken over lines: at a character offset, with what around the break. */
interface Split {
  readonly at: number;
  /** Whitespace at the start of the continuation line. */
  readonly indent: string;
  /** Whitespace between the escape character and the newline (BuildKit allows it). */
  readonly trailing: string;
  /** A comment line inside the continuation (BuildKit drops it). */
  readonly comment: boolean;
  /** An empty line inside the continuation (BuildKit drops it, with a warning). */
  readonly blank: boolean;
}

interface Instruction {
  readonly body: Body;
  readonly casing: 'upper' | 'lower' | 'title';
  readonly indent: string;
  readonly splits: readonly Split[];
  readonly commentBefore: boolean;
}

interface Stage {
  /** FROM target: an index into the base images, or how many stages back (a `FROM <stage>`). */
  readonly from: { readonly image: number } | { readonly stage: number } | 'scratch';
  readonly named: boolean;
  readonly instructions: readonly Instruction[];
}

interface Model {
  readonly bom: boolean;
  readonly crlf: boolean;
  readonly escape: 'none' | 'backslash' | 'backtick';
  readonly directiveSpacing: 0 | 1;
  readonly stages: readonly Stage[];
}

const INDENTS = ['', ' ', '  ', '\t', '    ', ' \t'] as const;

// The first word is a command name: a leading `--x` would be read as an instruction flag.
const shellScriptArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('echo', 'exec', 'app', '/bin/app'),
    fc.array(fc.oneof(plainWordArb, fc.constantFrom('"a  b"', "'c d'", '$HOME', '${X:-y}', '&&', '"$@"', '--port=80', 'a\\ b')), { maxLength: 3 }),
  )
  .map(([first, rest]) => [first, ...rest].join(' '));

const execArgsArb = fc.array(fc.oneof(plainWordArb, fc.constantFrom('a b', ' ', '', '"', '\\', 'é', '$HOME', '-c')), { maxLength: 3 });

const commandBodyArb: fc.Arbitrary<Body> = fc.oneof(
  fc.record({
    kind: fc.constant('exec' as const),
    keyword: fc.constantFrom<CommandKeyword>('CMD', 'ENTRYPOINT'),
    args: execArgsArb,
    spacing: fc.constantFrom(0 as const, 1 as const, 2 as const),
  }),
  fc.record({ kind: fc.constant('shell' as const), keyword: fc.constantFrom<CommandKeyword>('CMD', 'ENTRYPOINT'), script: shellScriptArb }),
);

const shellBodyArb: fc.Arbitrary<Body> = fc.record({
  kind: fc.constant('exec' as const),
  keyword: fc.constant('SHELL' as const),
  args: fc.constantFrom(['/bin/bash', '-c'], ['/bin/sh', '-ec'], ['pwsh', '-Command']),
  spacing: fc.constantFrom(0 as const, 1 as const),
});

// Forms without `=`: a continuation split inside `A=1` makes `A= 1`, which the engine refuses (issue 13 rules).
const otherBodyArb: fc.Arbitrary<Body> = fc
  .constantFrom('RUN echo hi', 'ENV A 1', 'WORKDIR /app', 'LABEL a b', 'EXPOSE 80', 'USER 1000', 'ARG V', 'COPY . /app')
  .map((text) => ({ kind: 'other' as const, text }));

const heredocBodyArb: fc.Arbitrary<Body> = fc.record({
  kind: fc.constant('heredoc' as const),
  dash: fc.boolean(),
  lines: fc.array(fc.constantFrom('echo one', '  CMD ["not", "an", "instruction"]', '\tindented', '', 'ENTRYPOINT x'), { maxLength: 3 }),
});

const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  { weight: 5, arbitrary: commandBodyArb },
  { weight: 1, arbitrary: shellBodyArb },
  { weight: 1, arbitrary: fc.oneof(commandBodyArb, shellBodyArb).map((inner) => ({ kind: 'onbuild' as const, inner })) },
  { weight: 1, arbitrary: heredocBodyArb },
  { weight: 2, arbitrary: otherBodyArb },
);

const splitArb: fc.Arbitrary<Split> = fc.record({
  at: fc.nat(),
  indent: fc.constantFrom(...INDENTS),
  trailing: fc.constantFrom('', '', ' '),
  comment: fc.boolean(),
  blank: fc.boolean(),
});

const instructionArb: fc.Arbitrary<Instruction> = fc.record({
  body: bodyArb,
  casing: fc.constantFrom('upper' as const, 'lower' as const, 'title' as const),
  indent: fc.constantFrom(...INDENTS),
  splits: fc.array(splitArb, { maxLength: 2 }),
  commentBefore: fc.boolean(),
});

function keyword(word: string, casing: Instruction['casing']): string {
  if (casing === 'upper') return word;
  if (casing === 'lower') return word.toLowerCase();
  return word[0] + word.slice(1).toLowerCase();
}

function bodyText(body: Body, casing: Instruction['casing']): string {
  switch (body.kind) {
    case 'exec': {
      const words = body.args.map((a) => JSON.stringify(a));
      const list = body.spacing === 0 ? `[${words.join(',')}]` : body.spacing === 1 ? `[${words.join(', ')}]` : `[ ${words.join(' , ')} ]`;
      return `${keyword(body.keyword, casing)} ${list}`;
    }
    case 'shell':
      return `${keyword(body.keyword, casing)} ${body.script}`;
    case 'onbuild':
      return `${keyword('ONBUILD', casing)} ${bodyText(body.inner, casing)}`;
    case 'heredoc':
      return `${keyword('RUN', casing)} <<${body.dash ? '-' : ''}EOT`;
    case 'other':
      return `${keyword(body.text.slice(0, body.text.indexOf(' ')), casing)}${body.text.slice(body.text.indexOf(' '))}`;
  }
}

/** The lines of one instruction: its text broken at the splits (after the keyword), then any heredoc body. */
function instructionLines(instr: Instruction, escape: string, continuations: boolean): string[] {
  const text = bodyText(instr.body, instr.casing);
  // A heredoc marker or a SHELL's JSON broken over lines mostly makes files that do not build.
  const splittable = continuations && instr.body.kind !== 'heredoc' && !(instr.body.kind === 'exec' && instr.body.keyword === 'SHELL');
  const splits = splittable ? instr.splits : [];
  const start = text.indexOf(' ') + 1;
  const room = text.length - start;
  const cuts = [...new Set(splits.map((s) => (room > 1 ? start + 1 + (s.at % (room - 1)) : -1)))].filter((c) => c > start).sort((a, b) => a - b);
  const lines: string[] = [];
  let current = instr.indent;
  let from = 0;
  cuts.forEach((cut, k) => {
    const split = splits[k % splits.length]!;
    lines.push(`${current}${text.slice(from, cut)}${escape}${split.trailing}`);
    if (split.comment) lines.push(`${split.indent}# note`);
    if (split.blank) lines.push('');
    current = split.indent;
    from = cut;
  });
  lines.push(`${current}${text.slice(from)}`);
  if (instr.body.kind === 'heredoc') lines.push(...instr.body.lines.map((l) => (instr.body.kind === 'heredoc' && instr.body.dash ? `\t${l}` : l)), 'EOT');
  return instr.commentBefore ? [`${instr.indent}# ${keyword('step', 'lower')}`, ...lines] : lines;
}

function render(model: Model, bases: readonly string[], continuations: boolean): string {
  const escape = model.escape === 'backtick' ? '`' : '\\';
  const lines: string[] = [];
  if (model.escape !== 'none') lines.push(model.directiveSpacing === 0 ? `# escape=${escape}` : `#escape = ${escape}`);
  model.stages.forEach((stage, index) => {
    let ref = 'scratch';
    if (stage.from !== 'scratch') {
      if ('image' in stage.from) ref = bases.length === 0 ? 'scratch' : bases[stage.from.image % bases.length]!;
      else if (index > 0) ref = `s${index - 1 - (stage.from.stage % index)}`;
    }
    lines.push(`FROM ${ref}${stage.named ? ` AS s${index}` : ''}`);
    for (const instr of stage.instructions) lines.push(...instructionLines(instr, escape, continuations));
  });
  const text = lines.join(model.crlf ? '\r\n' : '\n') + (model.crlf ? '\r\n' : '\n');
  return model.bom ? `\uFEFF${text}` : text;
}

/**
 * Dockerfiles that exercise the parser: exec/shell-form CMD and ENTRYPOINT, SHELL, ONBUILD,
 * multi-stage builds (`FROM <stage>`, named stages), heredocs (whose body looks like
 * instructions), line continuations (mid-word and mid-string, with comment and empty lines
 * inside, whitespace after the escape), `# escape=` directives, keyword casing, indentation,
 * a BOM and CRLF line ends. Shrinks towards one `FROM scratch` stage with short lines.
 *
 * Most generated files evaluate; some do not (e.g. a stage name used before it is defined is
 * impossible here, but a continuation can still join words): filter with `evaluateDockerfile`.
 */
export function dockerfileArb(options: DockerfileArbOptions = {}): fc.Arbitrary<string> {
  const bases = options.baseImages ?? Object.keys(KIT_BASE_IMAGES);
  const stageArb: fc.Arbitrary<Stage> = fc.record({
    from: fc.oneof(fc.constant('scratch' as const), fc.record({ image: fc.nat() }), fc.record({ stage: fc.nat() })),
    named: fc.boolean(),
    instructions: fc.array(instructionArb, { maxLength: options.maxInstructions ?? 5 }),
  });
  const modelArb: fc.Arbitrary<Model> = fc.record({
    bom: fc.boolean(),
    crlf: fc.boolean(),
    escape: fc.constantFrom('none' as const, 'backslash' as const, 'backtick' as const),
    directiveSpacing: fc.constantFrom(0 as const, 1 as const),
    stages: fc.array(stageArb, { minLength: 1, maxLength: options.maxStages ?? 3 }),
  });
  const continuations = options.lineContinuations ?? true;
  return modelArb.map((model) => render(model, bases, continuations));
}
