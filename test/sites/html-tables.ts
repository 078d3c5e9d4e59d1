import { existsSync, readFileSync } from 'node:fs';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** One cell of a built page's table, as a reader's browser gets it. */
export interface HtmlCell {
  /** `th` or `td`. */
  readonly tag: string;
  /** Text content, whitespace as written. */
  readonly text: string;
  /** Whether the text is wrapped in `<strong>` (the Markdown `**label**` row headers). */
  readonly strong: boolean;
  readonly attrs: Readonly<Record<string, string>>;
}

/** A `<table>` of a built page and where it sits. */
export interface HtmlTable {
  readonly rows: readonly (readonly HtmlCell[])[];
  /** `tag.class1.class2` of each ancestor, outermost first. */
  readonly ancestors: readonly string[];
  /** Text of the nearest heading before the table. */
  readonly heading: string;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (node.nodeName === '#comment') return '';
  if (node.nodeName === 'br') return '\n';
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

function attrsOf(el: Element): Record<string, string> {
  return Object.fromEntries(el.attrs.map((a) => [a.name, a.value]));
}

function describe(el: Element): string {
  const cls = attrsOf(el)['class'];
  return cls === undefined ? el.tagName : `${el.tagName}.${cls.trim().split(/\s+/).join('.')}`;
}

function cellOf(el: Element): HtmlCell {
  const kids = el.childNodes.filter((n) => !(n.nodeName === '#text' && textOf(n).trim() === '') && n.nodeName !== '#comment');
  const strong = kids.length === 1 && isElement(kids[0]!) && kids[0].tagName === 'strong';
  return { tag: el.tagName, text: textOf(el), strong, attrs: attrsOf(el) };
}

function rowsOf(table: Element): HtmlCell[][] {
  const rows: HtmlCell[][] = [];
  const walk = (node: Node): void => {
    if (!isElement(node)) return;
    if (node.tagName === 'table' && node !== table) return;
    if (node.tagName === 'tr') {
      rows.push(node.childNodes.filter(isElement).filter((c) => c.tagName === 'td' || c.tagName === 'th').map(cellOf));
      return;
    }
    node.childNodes.forEach(walk);
  };
  table.childNodes.forEach(walk);
  return rows;
}

/** Every `<table>` of an HTML page in document order. Fails with a hint when the site was not built. */
export function readTables(file: string): HtmlTable[] {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`bash scripts/sites.sh install && bash scripts/sites.sh build\` first`);
  const document = parse(readFileSync(file, 'utf8'));
  const tables: HtmlTable[] = [];
  let heading = '';
  const walk = (node: Node, ancestors: string[]): void => {
    if (!isElement(node)) {
      if ('childNodes' in node) for (const c of node.childNodes) walk(c, ancestors);
      return;
    }
    if (/^h[1-6]$/.test(node.tagName)) heading = textOf(node).replace(/\u200b/g, '').replace(/\s*#\s*$/, '').trim();
    if (node.tagName === 'table') {
      tables.push({ rows: rowsOf(node), ancestors, heading });
      return;
    }
    const inner = [...ancestors, describe(node)];
    const children = node.tagName === 'template' ? (node as DefaultTreeAdapterMap['template']).content.childNodes : node.childNodes;
    for (const c of children) walk(c, inner);
  };
  walk(document, []);
  return tables;
}

/** The text of an HTML page (script and style excluded), to look for what must or must not be there. */
export function readText(file: string): string {
  const document = parse(readFileSync(file, 'utf8'));
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (isElement(node) && (node.tagName === 'script' || node.tagName === 'style')) return;
    if (node.nodeName === '#text') out.push(textOf(node));
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(document);
  return out.join('');
}

/** A GFM table's cells (`**` around a row label dropped, `\|` unescaped), delimiter row skipped. */
export function markdownCells(markdown: string): string[][] {
  return markdown
    .trimEnd()
    .split('\n')
    .filter((_line, i) => i !== 1)
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/^\*\*(.*)\*\*$/, '$1').replaceAll('\\|', '|')),
    );
}

/** The `<pre>` blocks of a page, as text. */
export function readCodeBlocks(file: string): string[] {
  const document = parse(readFileSync(file, 'utf8'));
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (isElement(node) && node.tagName === 'pre') {
      out.push(textOf(node));
      return;
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(document);
  return out;
}
