/**
 * POSIX path arithmetic for the Compose project loader, as Go's `path/filepath` does it on Linux
 * (`Clean`, `Join`, `Dir`, `Base`, `IsAbs`). Pure: no file system, no working directory; callers pass
 * absolute paths in.
 */

/** Go `filepath.IsAbs` on Linux: the path starts with `/`. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/');
}

/**
 * Go `filepath.Clean`: one `/` between elements, `.` elements dropped, `x/..` removed (`..` at the
 * root stays at the root), no trailing `/`; the empty path is `.`.
 */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** Go `filepath.Join`: the non-empty elements joined with `/`, then cleaned; `''` when all are empty. */
export function joinPath(...parts: readonly string[]): string {
  const kept = parts.filter((p) => p !== '');
  return kept.length === 0 ? '' : cleanPath(kept.join('/'));
}

/** `path` made absolute against `base` (an absolute directory), as `filepath.Abs` does against the working directory. */
export function resolvePath(base: string, path: string): string {
  return isAbsolutePath(path) ? cleanPath(path) : joinPath(base, path);
}

/** Go `filepath.Dir`: everything but the last element, cleaned (`/a/b` → `/a`, `a` → `.`). */
export function dirnamePath(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '.';
  return cleanPath(path.slice(0, slash + 1));
}

/** Go `filepath.Base`: the last element (`/` for the root, `.` for the empty path). */
export function basenamePath(path: string): string {
  if (path === '') return '.';
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  const trimmed = path.slice(0, end);
  if (trimmed === '/') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}
