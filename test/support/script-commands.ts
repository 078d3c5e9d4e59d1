/**
 * A static scan of the external commands that the project's scripts call: bash scripts (.ci/run,
 * scripts/*.sh), npm script lines, and Node scripts and tests that start processes. Used by
 * test/project/ci-tools.test.ts to check that CI installs everything it runs.
 *
 * The bash scan follows the shell grammar of bash(1) ("SHELL GRAMMAR": simple commands, pipelines,
 * lists, compound commands, function definitions) closely enough for these scripts: the word at
 * command position after assignments and redirections is the command; `$(…)` is scanned as a script
 * of its own; quotes, `${…}`, `$((…))`, here-documents, `case` patterns and `for` lists are skipped.
 * It over-reports rather than under-reports (a word it cannot place is a command).
 */

/** One command the scan found: its name as written (or a variable resolved to a literal), and its line. */
export interface FoundCommand {
  readonly command: string;
  readonly line: number;
}

/** What a bash script calls, the functions it defines, and the Debian packages it installs. */
export interface ShellScan {
  readonly commands: readonly FoundCommand[];
  readonly functions: ReadonlySet<string>;
  /** Packages named by an `apt_install …` or `apt-get install …` line, or a `NAME_TOOLS=(command:package …)` table. */
  readonly installs: ReadonlySet<string>;
  /** `command:package` pairs of `NAME_TOOLS=(…)` tables. */
  readonly tools: readonly (readonly [command: string, pkg: string])[];
}

type Token = { kind: 'word'; raw: string; line: number } | { kind: 'op'; op: string; line: number } | { kind: 'redirect'; line: number };

const KEYWORD_OPENERS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time']);
const KEYWORD_CLOSERS = new Set(['fi', 'done', '}', 'esac']);
/** Commands whose first non-option operand is itself a command (`command -v x` looks x up). */
const WRAPPERS: Record<string, { skipOperands: number }> = {
  command: { skipOperands: 0 },
  exec: { skipOperands: 0 },
  setsid: { skipOperands: 0 },
  nohup: { skipOperands: 0 },
  env: { skipOperands: 0 },
  timeout: { skipOperands: 1 },
  xargs: { skipOperands: 0 },
  sudo: { skipOperands: 0 },
};
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

/** Scans a bash script. */
export function scanShell(text: string): ShellScan {
  const commands: FoundCommand[] = [];
  const tokens = lex(text, 0, 1, false, commands).tokens;
  const functions = new Set<string>();
  const variables = new Map<string, string>();
  const installs = new Set<string>();
  const tools: [string, string][] = [];
  const simple: string[][] = [];
  parse(tokens, commands, functions, variables, simple);
  for (const words of simple) {
    const [head, ...rest] = words;
    const args = rest.filter((w) => !w.startsWith('-'));
    if (head === 'apt_install') for (const p of args) if (isLiteral(p)) installs.add(unquote(p));
    if (head === 'apt-get' && args.includes('install')) {
      for (const p of args.slice(args.indexOf('install') + 1)) if (isLiteral(p) && !p.includes('=')) installs.add(unquote(p));
    }
  }
  for (const m of text.matchAll(/^\s*[A-Z_]+_TOOLS=\(([^)]*)\)/gm)) {
    for (const entry of (m[1] ?? '').split(/\s+/)) {
      const at = entry.lastIndexOf(':');
      if (at > 0 && !entry.startsWith('"')) {
        tools.push([entry.slice(0, at), entry.slice(at + 1)]);
        installs.add(entry.slice(at + 1));
      }
    }
  }
  const resolved = commands.map((c) => ({ command: resolve(c.command, variables), line: c.line }));
  return { commands: resolved.filter((c) => !functions.has(c.command)), functions, installs, tools };
}

/** `"$NAME"`, `$NAME` and `${NAME}` resolve to NAME's literal value when the script assigns one. */
function resolve(word: string, variables: ReadonlyMap<string, string>): string {
  const m = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/.exec(word);
  if (m !== null) return variables.get(m[1] as string) ?? word;
  return isLiteral(word) ? unquote(word) : word;
}

const isLiteral = (word: string) => !/[$`*?[]/.test(word);
const unquote = (word: string) => word.replace(/\\(.)|'([^']*)'|"((?:\\.|[^"\\])*)"/g, (_, esc, sq, dq) => esc ?? sq ?? String(dq).replace(/\\(.)/g, '$1'));

/** Turns tokens into simple commands: records command words, function names and literal assignments. */
function parse(tokens: readonly Token[], out: FoundCommand[], functions: Set<string>, variables: Map<string, string>, simple: string[][]): void {
  const cases: ('pattern' | 'body')[] = [];
  let atCommand = true;
  let words: string[] = [];
  let skipToSeparator = false;
  const endCommand = () => {
    if (words.length > 0) simple.push(words);
    words = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'redirect') continue;
    if (cases.at(-1) === 'pattern') {
      if (t.kind === 'word' && t.raw === 'esac') {
        cases.pop();
        atCommand = false;
      } else if (t.kind === 'op' && t.op === ')') {
        cases[cases.length - 1] = 'body';
        atCommand = true;
      }
      continue;
    }
    if (t.kind === 'op') {
      endCommand();
      skipToSeparator = false;
      if ((t.op === ';;' || t.op === ';&' || t.op === ';;&') && cases.length > 0) cases[cases.length - 1] = 'pattern';
      atCommand = t.op !== ')';
      continue;
    }
    if (skipToSeparator) continue;
    words.push(t.raw);
    if (!atCommand) continue;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    if (next?.kind === 'op' && next.op === '(' && after?.kind === 'op' && after.op === ')') {
      functions.add(t.raw.replace(/^function\s+/, ''));
      i += 2;
      words = [];
      continue;
    }
    if (t.raw === 'function') continue;
    if (t.raw === 'case') {
      cases.push('pattern');
      i = caseHeadEnd(tokens, i);
    } else if (t.raw === 'for' || t.raw === 'select') {
      skipToSeparator = true;
      words = [];
    } else if (t.raw === 'esac') {
      cases.pop();
      atCommand = false;
    } else if (KEYWORD_CLOSERS.has(t.raw)) {
      atCommand = false;
      words = [];
    } else if (KEYWORD_OPENERS.has(t.raw)) words = [];
    else if (t.raw === '[[' || t.raw === '((') skipToSeparator = true;
    else if (ASSIGNMENT.test(t.raw)) {
      const [name, value] = [t.raw.slice(0, t.raw.indexOf('=')), t.raw.slice(t.raw.indexOf('=') + 1)];
      if (isLiteral(value) && !value.startsWith('(')) variables.set(name, unquote(value));
      words.pop();
    } else {
      out.push({ command: t.raw, line: t.line });
      atCommand = false;
      i = wrapped(tokens, i, out);
    }
  }
  endCommand();
}

/** The index of the `in` of `case WORD in` (the patterns follow it). */
function caseHeadEnd(tokens: readonly Token[], i: number): number {
  let j = i + 1;
  while (j < tokens.length && !(tokens[j]?.kind === 'word' && (tokens[j] as { raw: string }).raw === 'in')) j++;
  return j;
}

/** For `command -v x`, `timeout 10 x …`, `setsid x …`: records x too; returns the index of the last word consumed. */
function wrapped(tokens: readonly Token[], i: number, out: FoundCommand[]): number {
  const head = tokens[i] as { raw: string };
  const rule = WRAPPERS[head.raw];
  if (rule === undefined) return i;
  let skip = rule.skipOperands;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j] as Token;
    if (t.kind === 'redirect') continue;
    if (t.kind !== 'word') return j - 1;
    if (t.raw.startsWith('-') || ASSIGNMENT.test(t.raw)) continue;
    if (skip-- > 0) continue;
    out.push({ command: t.raw, line: t.line });
    return wrapped(tokens, j, out);
  }
  return tokens.length;
}

/**
 * Splits bash text into words, operators and redirections (targets dropped). Command substitutions
 * are scanned recursively, their commands appended to `out`. Stops at an unbalanced `)` when `nested`.
 */
function lex(text: string, start: number, startLine: number, nested: boolean, out: FoundCommand[]): { tokens: Token[]; end: number; line: number } {
  const tokens: Token[] = [];
  const heredocs: { tag: string; strip: boolean; expands: boolean }[] = [];
  let i = start;
  let line = startLine;
  let depth = 0;
  let word = '';
  let redirectPending = false;
  const flush = () => {
    if (word === '') return;
    if (redirectPending) redirectPending = false;
    else tokens.push({ kind: 'word', raw: word, line });
    word = '';
  };
  const sub = (from: number): number => {
    const r = lex(text, from, line, true, out);
    out.push(...commandsOf(r.tokens));
    line = r.line;
    return r.end;
  };
  /** `$((…))` or `((…))` from its first `(`: skipped, but the command substitutions in it run. */
  const arithmetic = (from: number): number => {
    const end = skipParens(text, from);
    const startLine = line;
    for (let k = text.indexOf('$(', from); k >= 0 && k < end; k = text.indexOf('$(', k + 2)) if (text[k + 2] !== '(') sub(k + 2);
    line = startLine + countLines(text, from, end);
    return end;
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '\\') {
      word += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? text.length : close + 1;
      word += text.slice(i, end);
      line += countLines(text, i, end);
      i = end;
      continue;
    }
    if (c === '"') {
      word += '"';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') {
          word += text.slice(i, i + 2);
          i += 2;
          continue;
        }
        if (text.startsWith('$((', i)) {
          const e = arithmetic(i + 1);
          word += text.slice(i, e);
          i = e;
          continue;
        }
        if (text.startsWith('$(', i)) {
          const e = sub(i + 2);
          word += text.slice(i, e);
          i = e;
          continue;
        }
        if (text[i] === '\n') line++;
        word += text[i];
        i++;
      }
      word += '"';
      i++;
      continue;
    }
    if (text.startsWith('$((', i)) {
      const e = arithmetic(i + 1);
      word += text.slice(i, e);
      i = e;
      continue;
    }
    if (text.startsWith('$(', i)) {
      const e = sub(i + 2);
      word += text.slice(i, e);
      i = e;
      continue;
    }
    if (text.startsWith('${', i)) {
      const e = skipBraces(text, i + 1);
      word += text.slice(i, e);
      i = e;
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      const end = close < 0 ? text.length : close;
      out.push(...commandsOf(lex(text.slice(i + 1, end), 0, line, false, out).tokens));
      word += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (c === '#' && word === '') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '(' && word !== '' && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(word)) {
      // array assignment NAME=( … )
      const e = skipParens(text, i);
      line += countLines(text, i, e);
      word += text.slice(i, e);
      i = e;
      continue;
    }
    if (c === '(' && text[i + 1] === '(' && word === '' && tokens.at(-1)?.kind !== 'word') {
      const e = arithmetic(i);
      tokens.push({ kind: 'word', raw: '((', line });
      i = e;
      continue;
    }
    const redirect = /^(?:\d*|&)(?:<<<|<<-?|>>|>&|<&|<>|>\||<|>)/.exec(text.slice(i, i + 8));
    if (redirect !== null && (word === '' || /^\d+$/.test(word))) {
      word = '';
      const op = redirect[0];
      i += op.length;
      tokens.push({ kind: 'redirect', line });
      if (/<<-?$/.test(op)) {
        while (text[i] === ' ') i++;
        const m = /^(['"]?)([A-Za-z_0-9]+)\1/.exec(text.slice(i));
        if (m !== null) {
          heredocs.push({ tag: m[2] as string, strip: op.endsWith('-'), expands: m[1] === '' });
          i += m[0].length;
        }
        continue;
      }
      if (/&$/.test(op) && /[\d-]/.test(text[i] ?? '')) {
        while (/[\d-]/.test(text[i] ?? '')) i++;
        continue;
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      redirectPending = true;
      continue;
    }
    if (c === ' ' || c === '\t') {
      flush();
      i++;
      continue;
    }
    if (c === '\n') {
      flush();
      tokens.push({ kind: 'op', op: '\n', line });
      i++;
      line++;
      for (const h of heredocs.splice(0)) {
        // the here-document body: lines up to the delimiter
        while (i < text.length) {
          const eol = text.indexOf('\n', i);
          const body = text.slice(i, eol < 0 ? text.length : eol);
          i = eol < 0 ? text.length : eol + 1;
          line++;
          if ((h.strip ? body.replace(/^\t+/, '') : body) === h.tag) break;
          // an unquoted delimiter: the body's command substitutions run
          for (const m of h.expands ? body.matchAll(/\$\((?!\()/g) : []) out.push(...commandsOf(lex(body, m.index + 2, line - 1, true, out).tokens));
        }
      }
      continue;
    }
    const op = /^(?:;;&|;;|;&|&&|\|\||\|&|[;&|()])/.exec(text.slice(i, i + 3));
    if (op !== null) {
      flush();
      if (op[0] === '(') depth++;
      if (op[0] === ')') {
        if (nested && depth === 0) return { tokens, end: i + 1, line };
        depth--;
      }
      tokens.push({ kind: 'op', op: op[0], line });
      i += op[0].length;
      continue;
    }
    word += c;
    i++;
  }
  flush();
  return { tokens, end: i, line };
}

/** The commands of a token list of its own (a command substitution). */
function commandsOf(tokens: readonly Token[]): FoundCommand[] {
  const found: FoundCommand[] = [];
  parse(tokens, found, new Set(), new Map(), []);
  return found;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (text[k] === '\n') n++;
  return n;
}

/** From an opening `(` to after its matching `)` (quotes respected). */
function skipParens(text: string, at: number): number {
  let depth = 0;
  for (let k = at; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === "'") k = Math.max(k, text.indexOf("'", k + 1));
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k + 1;
  }
  return text.length;
}

/** From an opening `{` to after its matching `}`. */
function skipBraces(text: string, at: number): number {
  let depth = 0;
  for (let k = at; k < text.length; k++) {
    const c = text[k];
    if (c === '\\') k++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k + 1;
  }
  return text.length;
}

/**
 * Commands a Node script starts: the first argument of `execFile`/`execFileSync`/`spawn`/`spawnSync`
 * (and of local wrappers that pass their first parameter on to one of them), resolved through
 * `const NAME = …` declarations, and playwright's `executablePath`. `process.execPath` is `node`.
 * Only files that import `node:child_process` or `playwright-core` start processes; others give nothing.
 */
export function scanNode(text: string): FoundCommand[] {
  if (!/from ['"](?:node:child_process|playwright-core)['"]/.test(text)) return [];
  const callees = new Set(['execFile', 'execFileSync', 'spawn', 'spawnSync']);
  for (const m of text.matchAll(/function\s+(\w+)\s*\(\s*(\w+)/g)) {
    if (new RegExp(`\\b(?:execFile|execFileSync|spawn|spawnSync)\\(\\s*${m[2]}\\s*,`).test(text)) callees.add(m[1] as string);
  }
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const found: FoundCommand[] = [];
  const callPattern = new RegExp(`(?<![.\\w])(?:${[...callees].join('|')})\\(\\s*([^,)]+)`, 'g');
  for (const m of text.matchAll(callPattern)) {
    for (const command of valuesOf((m[1] as string).trim(), text)) found.push({ command, line: lineAt(m.index) });
  }
  for (const m of text.matchAll(/executablePath:\s*([^,}\n]+)/g)) {
    for (const command of valuesOf((m[1] as string).trim(), text)) found.push({ command, line: lineAt(m.index) });
  }
  return found;
}

/** The command names an argument expression can be: a literal, `process.execPath`, or a `const` holding literals. */
function valuesOf(expr: string, text: string): string[] {
  const literal = /^(['"`])([^'"`$]+)\1$/.exec(expr);
  if (literal !== null) return [literal[2] as string];
  if (expr === 'process.execPath') return ['node'];
  if (/^\w+$/.test(expr)) {
    const decl = new RegExp(`(?:const|let|var)\\s+${expr}\\s*(?::[^=]+)?=\\s*([^;\\n]+)`).exec(text);
    if (decl !== null) {
      const values = [...(decl[1] as string).matchAll(/['"]([\w./+-]+)['"]/g)].map((m) => m[1] as string).filter((v) => v.startsWith('/') || /^[\w.-]+$/.test(v));
      const paths = values.filter((v) => v.startsWith('/'));
      if (paths.length > 0) return paths;
      if (/^['"]/.test((decl[1] as string).trim())) return values.slice(0, 1);
    }
    return [];
  }
  return [];
}
