/** Plain text and Markdown → article text and the metadata they carry (a title line, front matter). */
import type { DocumentMeta } from './document.js';

/** Article text plus what the file said about itself. */
export interface TextArticle {
  readonly text: string;
  readonly meta: DocumentMeta;
}

/** A first line that reads as a headline: short, not ending like a sentence, with more text after it. */
function titleLine(text: string): string | null {
  const trimmed = text.trimStart();
  const eol = trimmed.indexOf('\n');
  if (eol < 0) return null;
  const first = trimmed.slice(0, eol).trim();
  const rest = trimmed.slice(eol + 1).trim();
  if (!first || first.length > 160 || /[.!?:;,"”]$/.test(first) || rest.length < first.length) return null;
  return first;
}

/** A plain-text article: the text as written, its first line as the title when it reads as one. */
export function readPlainText(text: string): TextArticle {
  return { text, meta: { title: titleLine(text) } };
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
const FRONT_KEYS: Record<string, keyof DocumentMeta> = {
  title: 'title',
  url: 'url',
  link: 'url',
  canonical: 'url',
  published: 'published',
  date: 'published',
  outlet: 'outlet',
  source: 'outlet',
  publisher: 'outlet',
  author: 'author',
};

function frontMatter(block: string): DocumentMeta {
  const meta: Partial<Record<keyof DocumentMeta, string>> = {};
  for (const line of block.split('\n')) {
    const m = /^(\w+)\s*:\s*(.+)$/.exec(line);
    const key = m && FRONT_KEYS[m[1]!.toLowerCase()];
    if (key) meta[key] = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return meta;
}

/** Inline Markdown → text: images dropped, links to their text, emphasis and code marks removed. */
function inline(line: string): string {
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)(.+?)(?<=\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1');
}

const STRUCTURAL = /^(#{1,6}\s|>\s?|[-*+]\s|\d+[.)]\s)/;

/** One Markdown block (between blank lines) → one line per heading/list item, prose lines joined. */
function block(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const structural = STRUCTURAL.test(raw.trim());
    const line = inline(raw.trim().replace(STRUCTURAL, ''));
    if (/^([-*_]\s*){3,}$/.test(raw.trim()) || /^```/.test(raw.trim())) continue;
    if (!structural && out.length > 0 && !STRUCTURAL.test(lines[0]!.trim()))
      out[out.length - 1] += ` ${line}`;
    else out.push(line);
  }
  return out;
}

/** A Markdown article: front matter read as metadata, the first `# ` heading as title, text with one `\n` per block. */
export function readMarkdown(source: string): TextArticle {
  const fm = FRONT_MATTER.exec(source);
  const meta = fm ? frontMatter(fm[1]!) : {};
  const body = fm ? source.slice(fm[0].length) : source;
  const heading = /^#\s+(.+)$/m.exec(body)?.[1];
  const blocks = body.split(/\n\s*\n/).map((b) => b.split('\n').filter((l) => l.trim()));
  const text = blocks.flatMap((b) => (b.length ? block(b) : [])).join('\n');
  return { text, meta: { ...meta, title: meta.title ?? (heading ? inline(heading.trim()) : null) } };
}
