/** DOM → plain text that keeps the block structure: one `\n` between paragraphs, headings, list items and table rows. */

/** Elements whose content is never article text. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'BUTTON',
  'FORM',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'NAV',
  'AUDIO',
  'VIDEO',
  'MAP',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

/** Elements that start a new line. */
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'UL',
  'OL',
  'LI',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TR',
  'FIGURE',
  'FIGCAPTION',
  'HR',
  'BR',
  'ADDRESS',
  'DETAILS',
  'SUMMARY',
  'CENTER',
]);

/** The minimal DOM node shape we read (linkedom and browsers both provide it). */
export interface NodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<NodeLike>;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function walk(node: NodeLike, out: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    out.push((node.textContent ?? '').replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIP.has(name)) return;
  const block = BLOCK.has(name);
  if (block) out.push('\n');
  for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!, out);
  if (block) out.push('\n');
}

/** The visible text of a DOM subtree, blocks separated by one newline, inline whitespace collapsed. */
export function domToText(root: NodeLike): string {
  const out: string[] = [];
  walk(root, out);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
