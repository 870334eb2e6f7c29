/**
 * HTML → article text and metadata. Mozilla Readability finds the article body (no navigation,
 * ads, comments or scripts) over linkedom, a DOM that parses ~10× faster than jsdom and never
 * runs scripts or loads resources. When Readability finds no article (short pages), the body
 * minus navigation, headers, footers and asides is used instead, with a problem recorded.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML as linkedomParse } from 'linkedom';
import type { Problem } from '../core/index.js';
import { domToText, type NodeLike } from './html-text.js';
import { readPageMeta, type DocLike, type PageMeta } from './html-meta.js';

/** The slice of linkedom's Document we use (its own types need the DOM lib, which the project leaves out). */
interface HtmlDocument extends DocLike, NodeLike {
  readonly body: NodeLike | null;
  readonly documentElement: NodeLike;
  querySelectorAll(selector: string): ArrayLike<{
    remove(): void;
    getAttribute(n: string): string | null;
    readonly textContent: string | null;
  }>;
}

const parseHTML = linkedomParse as unknown as (html: string) => { document: HtmlDocument };

/** The article text of a page (blocks separated by one `\n`) and what the page says about itself. */
export interface HtmlArticle extends PageMeta {
  readonly text: string;
  readonly problems: readonly Problem[];
}

/** Boilerplate removed before the fallback body text is taken. */
const BOILERPLATE =
  'script, style, noscript, nav, header, footer, aside, form, iframe, [role="navigation"], [aria-hidden="true"]';

function fallbackText(html: string): string {
  const { document } = parseHTML(html);
  for (const el of Array.from(document.querySelectorAll(BOILERPLATE))) el.remove();
  return domToText(document.body ?? document.documentElement);
}

/** Extracts the article of an HTML page; `baseUrl` is the page's URL when known. */
export function readHtml(source: string, baseUrl: string | null = null): HtmlArticle {
  // linkedom leaves a bare fragment ("<p>…</p>", as JSONL and feed items carry) without a body.
  const html = /<(html|body)[\s>]/i.test(source)
    ? source
    : `<!doctype html><html><body>${source}</body></html>`;
  const { document } = parseHTML(html);
  const meta = readPageMeta(document, baseUrl);
  const problems: Problem[] = [];
  let text = '';
  let byline: string | null = null;
  try {
    const article = new Readability(document, { charThreshold: 200 }).parse();
    if (article?.content) {
      text = domToText(
        parseHTML(`<html><body>${article.content}</body></html>`).document.body ?? {
          nodeType: 3,
          nodeName: '#text',
          textContent: '',
          childNodes: [],
        },
      );
      byline = article.byline?.trim() || null;
    }
  } catch (err) {
    problems.push({ code: 'html_readability_failed', message: `article extraction failed: ${String(err)}` });
  }
  if (!text) {
    text = fallbackText(html);
    if (text)
      problems.push({
        code: 'html_no_article',
        message: 'no article body found; used the page text minus navigation',
      });
  }
  return { ...meta, author: meta.author ?? byline, text, problems };
}
