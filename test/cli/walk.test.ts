import { describe, expect, test } from 'vitest';
import { walkTree } from '../../src/cli/walk.js';
import { makeTree } from './tree.js';

const all = () => true;
const dockerfiles = (p: string) => p.endsWith('Dockerfile');
const walk = (root: string, options: { gitignore?: boolean } = {}) => walkTree('.', root, dockerfiles, options);

// Trees written as a user's repository would be (issue 14 §4: ".devcontainer/Dockerfile,
// .github/actions/x/Dockerfile" were skipped, and so were symlinked files).
describe('walkTree', () => {
  test('dot-directories are walked; .git and node_modules are not', () => {
    const root = makeTree({
      Dockerfile: 'FROM scratch\n',
      '.devcontainer/Dockerfile': 'FROM scratch\n',
      '.github/actions/x/Dockerfile': 'FROM scratch\n',
      '.git/Dockerfile': 'FROM scratch\n',
      'node_modules/pkg/Dockerfile': 'FROM scratch\n',
      'a/node_modules/Dockerfile': 'FROM scratch\n',
    });
    expect(walk(root).files).toEqual(['Dockerfile', '.devcontainer/Dockerfile', '.github/actions/x/Dockerfile']);
  });

  test('a file is selected by the predicate on its shown path', () => {
    const root = makeTree({ 'a/Dockerfile': '', 'a/README.md': '' });
    expect(walkTree('.', root, (p) => p.endsWith('Dockerfile')).files).toEqual(['a/Dockerfile']);
    expect(walkTree(root, '/', (p) => p.endsWith('Dockerfile')).files).toEqual([`${root}/a/Dockerfile`]);
  });

  test('a symbolic link loop ends: each directory is walked once, by real path', () => {
    const root = makeTree({ 'a/Dockerfile': '', 'a/up': { symlink: '..' }, 'a/self': { symlink: '.' }, 'b/to-a': { symlink: '../a' } });
    const r = walk(root);
    expect(r.files).toEqual(['a/Dockerfile']);
    expect(r.notes).toEqual([
      { path: 'a/self', level: 'verbose', message: 'same directory as a (symbolic link); visited once' },
      { path: 'a/up', level: 'verbose', message: 'same directory as . (symbolic link); visited once' },
      { path: 'b/to-a', level: 'verbose', message: 'same directory as a (symbolic link); visited once' },
    ]);
  });

  test('a symbolic link to a directory outside the tree is followed', () => {
    const outside = makeTree({ 'svc/Dockerfile': '' });
    const root = makeTree({ 'vendor/ext': { symlink: `${outside}/svc` } });
    expect(walk(root).files).toEqual(['vendor/ext/Dockerfile']);
  });

  test('a symbolic link to a file is followed, and a file reached twice is listed once', () => {
    const root = makeTree({ 'docker/Dockerfile.prod': '', Dockerfile: { symlink: 'docker/Dockerfile.prod' } });
    const r = walkTree('.', root, all);
    expect(r.files).toEqual(['Dockerfile']);
    expect(r.notes).toEqual([{ path: 'docker/Dockerfile.prod', level: 'verbose', message: 'same file as Dockerfile (symbolic link); visited once' }]);
  });

  test('a broken symbolic link is noted and passed over', () => {
    const root = makeTree({ Dockerfile: { symlink: 'missing' } });
    expect(walk(root)).toEqual({ files: [], notes: [{ path: 'Dockerfile', level: 'verbose', message: 'symbolic link not followed: no such file or directory' }] });
  });

  test('progress is reported after each directory', () => {
    const root = makeTree({ 'a/x': '', 'b/y': '' });
    const seen: [number, number][] = [];
    walkTree('.', root, all, { onProgress: (d, f) => seen.push([d, f]) });
    expect(seen).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
  });
});

// gitignore(5): files at several levels, .git/info/exclude, and a walk that starts below the repository's top.
describe('walkTree with .gitignore', () => {
  const repo = () =>
    makeTree({
      '.git/info/exclude': 'local.Dockerfile\n',
      '.gitignore': 'build/\n*.tmp.Dockerfile\n!keep.tmp.Dockerfile\n',
      Dockerfile: '',
      'local.Dockerfile': '',
      'x.tmp.Dockerfile': '',
      'keep.tmp.Dockerfile': '',
      'build/Dockerfile': '',
      'svc/.gitignore': '/gen\n!x.tmp.Dockerfile\n',
      'svc/gen/Dockerfile': '',
      'svc/x.tmp.Dockerfile': '',
      'svc/deep/gen/Dockerfile': '',
    });

  test('without --gitignore every file is listed', () => {
    expect(walk(repo()).files).toHaveLength(8);
  });

  test('ignored files and directories are left out; deeper files and later lines win', () => {
    const r = walk(repo(), { gitignore: true });
    expect(r.files).toEqual(['Dockerfile', 'keep.tmp.Dockerfile', 'svc/x.tmp.Dockerfile', 'svc/deep/gen/Dockerfile']);
    expect(r.notes.map((n) => n.path)).toEqual(['build', 'local.Dockerfile', 'x.tmp.Dockerfile', 'svc/gen']);
  });

  test('a walk below the top applies the .gitignore files above it', () => {
    const root = repo();
    expect(walkTree('svc', root, dockerfiles, { gitignore: true }).files).toEqual(['svc/x.tmp.Dockerfile', 'svc/deep/gen/Dockerfile']);
    expect(walkTree('.', `${root}/svc`, dockerfiles, { gitignore: true }).files).toEqual(['x.tmp.Dockerfile', 'deep/gen/Dockerfile']);
  });

  test('outside a repository, the .gitignore files of the walked tree apply', () => {
    const root = makeTree({ '.gitignore': 'skip/\n', 'skip/Dockerfile': '', Dockerfile: '' });
    expect(walk(root, { gitignore: true }).files).toEqual(['Dockerfile']);
  });
});
