/**
 * compose-go `template.Substitute` over a lookup function, shared by compose-file interpolation
 * and `.env` values (see {@link interpolateCompose} for the syntax).
 */

/** Result of {@link interpolateWith}: the text and the unset names it read, or why it is invalid. */
export type InterpolationResult = { ok: true; value: string; unresolved: string[] } | { ok: false; message: string };

/** Interpolates `text`, reading variables with `get` (undefined = unset). */
export function interpolateWith(text: string, get: (name: string) => string | undefined): InterpolationResult {
  return interpolateAt(text, get, 0);
}

function isNameStart(c: number): boolean {
  return c === 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

/** How deeply `${A:-${B:-…}}` may nest before interpolation gives up (compose-go has no limit). */
const MAX_INTERPOLATION_DEPTH = 64;

/**
 * Index of the `}` that closes the `${` at `start`, counting nested `${` as compose-go's
 * `getFirstBraceClosingIndex` does; -1 when it is missing.
 */
function closingBrace(text: string, start: number): number {
  let open = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 125) {
      open--;
      if (open === 0) return i;
    } else if (c === 36 && text.charCodeAt(i + 1) === 123) {
      open++;
      i++;
    }
  }
  return -1;
}

type InterpolationFailure = Extract<InterpolationResult, { ok: false }>;

function invalidFormat(text: string, why = ''): InterpolationFailure {
  return { ok: false, message: `invalid interpolation format for ${JSON.stringify(text)}${why}` };
}

function interpolateAt(text: string, get: (name: string) => string | undefined, depth: number): InterpolationResult {
  if (depth > MAX_INTERPOLATION_DEPTH) return invalidFormat(text, `: nested more than ${MAX_INTERPOLATION_DEPTH} levels`);
  let out = '';
  const unresolved: string[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 36 || i + 1 >= n) {
      out += text[i];
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (next === 36) {
      out += '$';
      i++;
    } else if (next === 123) {
      const r = braced(text, i, get, depth, unresolved);
      if ('ok' in r) return r;
      out += r.value;
      i = r.close;
    } else if (isNameStart(next)) {
      let j = i + 1;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(i + 1, j);
      const value = get(name);
      if (value === undefined) unresolved.push(name);
      out += value ?? '';
      i = j - 1;
    } else out += '$';
  }
  return { ok: true, value: out, unresolved };
}

/** The `${…}` at `start`: what it stands for and the index of its `}`. Unset names read are added to `unresolved`. */
function braced(
  text: string,
  start: number,
  get: (name: string) => string | undefined,
  depth: number,
  unresolved: string[],
): { value: string; close: number } | InterpolationFailure {
  const close = closingBrace(text, start);
  if (close < 0) return invalidFormat(text, ': missing closing brace');
  const body = text.slice(start + 2, close);
  let j = 0;
  while (j < body.length && isNameChar(body.charCodeAt(j))) j++;
  const name = body.slice(0, j);
  if (name === '' || !isNameStart(name.charCodeAt(0))) return invalidFormat(text);
  const rest = body.slice(j);
  const value = get(name);
  if (rest === '') {
    if (value === undefined) unresolved.push(name);
    return { value: value ?? '', close };
  }
  const r = modified(text, name, value, rest, get, depth, unresolved);
  return typeof r === 'string' ? { value: r, close } : r;
}

/**
 * `${NAME:-d}`, `${NAME-d}`, `${NAME:+a}`, `${NAME+a}`, `${NAME:?e}`, `${NAME?e}`: the operator
 * and its argument (`rest`) applied to NAME's `value`. The argument is interpolated first.
 */
function modified(
  text: string,
  name: string,
  value: string | undefined,
  rest: string,
  get: (name: string) => string | undefined,
  depth: number,
  unresolved: string[],
): string | InterpolationFailure {
  const colon = rest.startsWith(':');
  const op = colon ? rest.slice(1, 2) : rest.slice(0, 1);
  const raw = colon ? rest.slice(2) : rest.slice(1);
  const unset = value === undefined || (colon && value === '');
  let arg = raw;
  if (raw.includes('$')) {
    const nested = interpolateAt(raw, get, depth + 1);
    if (!nested.ok) return nested;
    arg = nested.value;
    // Only a default that is used leaves its unset variables unresolved.
    if ((op === '-' && unset) || (op === '+' && !unset)) unresolved.push(...nested.unresolved);
  }
  if (op === '-') return unset ? arg : value;
  if (op === '+') return unset ? '' : arg;
  if (op !== '?') return invalidFormat(text);
  if (unset) return { ok: false, message: `required variable ${name} is missing a value: ${arg}` };
  return value;
}

/** A variable a tree interpolation read while it was unset, and where. */
export interface UnresolvedAt {
  readonly path: readonly PropertyKey[];
  readonly name: string;
}

/** Result of {@link interpolateTree}. */
export type TreeInterpolationResult = { ok: true; value: unknown; unresolved: UnresolvedAt[] } | { ok: false; path: readonly PropertyKey[]; message: string };

/**
 * Interpolates every string value of a parsed YAML tree (keys stay as written), as compose-go
 * `interpolation.Interpolate` does for each compose file; `cast` may turn the result at a path into
 * another type (compose-go's `interpolateTypeCastMapping`: `services.*.init` → boolean) or reject it
 * with a message. Walks without recursion; returns a copy.
 */
export function interpolateTree(
  value: unknown,
  get: (name: string) => string | undefined,
  cast: (path: readonly PropertyKey[], text: string) => { value: unknown } | { message: string } = (_p, text) => ({ value: text }),
): TreeInterpolationResult {
  const unresolved: UnresolvedAt[] = [];
  const root: { value: unknown } = { value: undefined };
  const stack: { from: unknown; path: readonly PropertyKey[]; put: (v: unknown) => void }[] = [{ from: value, path: [], put: (v) => (root.value = v) }];
  while (stack.length > 0) {
    const { from, path, put } = stack.pop() as (typeof stack)[number];
    if (typeof from === 'string') {
      const r = interpolateWith(from, get);
      if (!r.ok) return { ok: false, path, message: r.message };
      for (const name of r.unresolved) unresolved.push({ path, name });
      const c = cast(path, r.value);
      if ('message' in c) return { ok: false, path, message: c.message };
      put(c.value);
    } else if (Array.isArray(from)) {
      const copy: unknown[] = new Array<unknown>(from.length);
      put(copy);
      // Pushed last to first, so that values are visited (and unset variables reported) in file order.
      for (let i = from.length - 1; i >= 0; i--) stack.push({ from: from[i] as unknown, path: [...path, i], put: (v) => (copy[i] = v) });
    } else if (from !== null && typeof from === 'object') {
      const copy: Record<string, unknown> = {};
      put(copy);
      const entries = Object.entries(from);
      // Keys defined first, in order (own properties, so `__proto__` stays data).
      for (const [k] of entries) Object.defineProperty(copy, k, { value: undefined, enumerable: true, writable: true, configurable: true });
      for (const [k, v] of entries.reverse()) {
        stack.push({ from: v, path: [...path, k], put: (x) => Object.defineProperty(copy, k, { value: x, enumerable: true, writable: true, configurable: true }) });
      }
    } else put(from);
  }
  return { ok: true, value: root.value, unresolved };
}
