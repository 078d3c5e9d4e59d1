/**
 * The directory walk of `lint`: every directory, dot-directories included, except `.git` and
 * `node_modules`; symbolic links followed, each directory and file visited once (by real path, so a
 * link back up the tree ends there); optionally the `.gitignore` files of the repository.
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isIgnored, parseGitignore, type GitignoreRule } from './gitignore.js';

/** Directory names never walked into. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** Something the walk passed over: `verbose` notes are shown with `--verbose`, `warning`s always. */
export interface WalkNote {
  readonly path: string;
  readonly level: 'verbose' | 'warning';
  readonly message: string;
}

/** Options of {@link walkTree}. */
export interface WalkOptions {
  /** Leave out what the repository's `.gitignore` files (and `.git/info/exclude`) ignore. */
  readonly gitignore?: boolean;
  /** Called after each directory is read, with the directories read and files selected so far. */
  readonly onProgress?: (directories: number, files: number) => void;
}

/** The files found (as `root` joined with their path below it) and what was passed over. */
export interface WalkResult {
  readonly files: readonly string[];
  readonly notes: readonly WalkNote[];
}

interface Pending {
  /** Absolute path. */
  readonly abs: string;
  /** The path shown: `root` joined with the path below it. */
  readonly shown: string;
  /** `/`-separated path from the ignore base (the repository's top, or the root outside a repository). */
  readonly rel: string;
  readonly rules: readonly GitignoreRule[];
}

/** Walks `root` (relative to `cwd`) and returns the files `select` accepts, in name order, depth first. */
export function walkTree(root: string, cwd: string, select: (path: string) => boolean, options: WalkOptions = {}): WalkResult {
  const absRoot = resolve(cwd, root);
  const notes: WalkNote[] = [];
  const files: string[] = [];
  const seenDirs = new Map<string, string>();
  const seenFiles = new Map<string, string>();
  const start = options.gitignore === true ? ignoreStart(absRoot) : { rel: '', rules: [] };
  seenDirs.set(realpathSync(absRoot), root);
  const stack: Pending[] = [{ abs: absRoot, shown: root, rel: start.rel, rules: start.rules }];
  let directories = 0;
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const entries = readDirectory(dir, notes);
    directories++;
    if (entries === null) continue;
    const rules = options.gitignore === true ? [...dir.rules, ...gitignoreRules(dir.abs, dir.rel)] : dir.rules;
    const subdirs: Pending[] = [];
    for (const e of entries) {
      const child: Pending = { abs: join(dir.abs, e.name), shown: join(dir.shown, e.name), rel: dir.rel === '' ? e.name : `${dir.rel}/${e.name}`, rules };
      const type = entryType(e, child, notes);
      if (type === null || (type === 'dir' && SKIPPED_DIRECTORIES.has(e.name))) continue;
      if (options.gitignore === true && isIgnored(rules, child.rel, type === 'dir')) {
        notes.push({ path: child.shown, level: 'verbose', message: 'ignored by .gitignore' });
        continue;
      }
      if (type === 'dir') {
        if (firstVisit(seenDirs, child, notes, 'directory')) subdirs.push(child);
      } else if (select(child.shown) && firstVisit(seenFiles, child, notes, 'file')) files.push(child.shown);
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
    options.onProgress?.(directories, files.length);
  }
  return { files, notes };
}

/** The entries of a directory in name order (code units), or null with a warning when it cannot be read. */
function readDirectory(dir: Pending, notes: WalkNote[]): Dirent[] | null {
  try {
    return readdirSync(dir.abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    notes.push({ path: dir.shown, level: 'warning', message: `cannot read directory: ${errorText(error)}; skipped` });
    return null;
  }
}

/** `'dir'`, `'file'`, or null (neither, or a broken link); a symbolic link counts as what it points to. */
function entryType(e: Dirent, child: Pending, notes: WalkNote[]): 'dir' | 'file' | null {
  if (e.isDirectory()) return 'dir';
  if (e.isFile()) return 'file';
  if (!e.isSymbolicLink()) return null;
  try {
    const st = statSync(child.abs);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
  } catch (error) {
    notes.push({ path: child.shown, level: 'verbose', message: `symbolic link not followed: ${errorText(error)}` });
    return null;
  }
}

/** True the first time a real path is met; later paths to it (links, loops) are noted and skipped. */
function firstVisit(seen: Map<string, string>, child: Pending, notes: WalkNote[], what: 'directory' | 'file'): boolean {
  let real: string;
  try {
    real = realpathSync(child.abs);
  } catch (error) {
    notes.push({ path: child.shown, level: 'verbose', message: `cannot resolve: ${errorText(error)}` });
    return false;
  }
  const first = seen.get(real);
  if (first === undefined) {
    seen.set(real, child.shown);
    return true;
  }
  notes.push({ path: child.shown, level: 'verbose', message: `same ${what} as ${first} (symbolic link); visited once` });
  return false;
}

/**
 * Where ignore rules start for a walk of `absRoot`: the repository's top (the nearest directory up
 * with a `.git`), its `.git/info/exclude`, and the `.gitignore` files of the directories between.
 */
function ignoreStart(absRoot: string): { rel: string; rules: GitignoreRule[] } {
  const real = realpathSync(absRoot);
  let top = real;
  while (!existsSync(join(top, '.git'))) {
    const up = dirname(top);
    if (up === top) return { rel: '', rules: [] };
    top = up;
  }
  const rel = relative(top, real).split(sep).join('/');
  const rules = parseGitignore(readText(join(top, '.git', 'info', 'exclude')), '');
  // The root's own .gitignore is read when the walk reads the root.
  const parts = rel === '' ? [] : rel.split('/');
  for (let i = 0; i < parts.length; i++) {
    const base = parts.slice(0, i).join('/');
    rules.push(...parseGitignore(readText(join(top, ...parts.slice(0, i), '.gitignore')), base));
  }
  return { rel, rules };
}

function gitignoreRules(abs: string, rel: string): GitignoreRule[] {
  return parseGitignore(readText(join(abs, '.gitignore')), rel);
}

/** A file's text, or `''` when it is missing or unreadable. */
function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return code ?? String(error);
}
