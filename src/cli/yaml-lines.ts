/** Maps a JSON-style path (`spec.containers[1].args[0]`) in a YAML document to its line and column. */
import { LineCounter, isNode, parseAllDocuments } from 'yaml';

/** Splits `a.b[0].c` into `['a', 'b', 0, 'c']`. */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  let word = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '.') {
      if (word !== '') out.push(word);
      word = '';
    } else if (c === '[') {
      if (word !== '') out.push(word);
      word = '';
      const close = path.indexOf(']', i);
      if (close < 0) break;
      const inner = path.slice(i + 1, close);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner.replace(/^["']|["']$/g, ''));
      i = close;
    } else word += c;
  }
  if (word !== '') out.push(word);
  return out;
}

/** A locator over one YAML text: `(documentIndex, path)` → 1-based line/column of the nearest existing node. */
export function yamlLocator(text: string): (document: number, path: string) => { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  let docs: ReturnType<typeof parseAllDocuments> | undefined;
  try {
    const parsed = parseAllDocuments(text, { lineCounter });
    docs = Array.isArray(parsed) ? parsed : undefined;
  } catch {
    docs = undefined;
  }
  return (document, path) => {
    const doc = docs?.[document];
    if (doc === undefined) return undefined;
    const segments = pathSegments(path);
    for (let n = segments.length; n >= 0; n--) {
      const node: unknown = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
}
