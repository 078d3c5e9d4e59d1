/** Real file trees in temporary directories for the walk and lint tests: files, directories, symbolic links. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A tree entry: file text, or a symbolic link to a target (relative to the link's directory, as `ln -s` takes it). */
export type TreeEntry = string | { readonly symlink: string };

/** Writes `entries` (paths with `/`) under a fresh temporary directory and returns it. */
export function makeTree(entries: Readonly<Record<string, TreeEntry>>): string {
  const root = mkdtempSync(join(tmpdir(), 'container-argv-tree-'));
  for (const [path, entry] of Object.entries(entries)) {
    const abs = join(root, ...path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof entry === 'string') {
      if (path.endsWith('/')) mkdirSync(abs, { recursive: true });
      else writeFileSync(abs, entry);
    } else symlinkSync(entry.symlink, abs);
  }
  return root;
}
