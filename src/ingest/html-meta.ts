/** Article metadata from a parsed HTML page: meta tags, JSON-LD (NewsArticle etc.), `<link rel=canonical>`, `<time>`. */
import { toIsoDate } from './dates.js';

/** What the page says about itself; every field may be missing. */
export interface PageMeta {
  readonly title: string | null;
  readonly url: string | null;
  readonly author: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
}

/** The slice of the DOM Document API we use. */
export interface DocLike {
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}
interface ElementLike {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPE = /Article|BlogPosting|Report|LiveBlogPosting/;

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

function meta(doc: DocLike, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"]`) ?? doc.querySelector(`meta[name="${key}"]`);
    const v = clean(el?.getAttribute('content'));
    if (v) return v;
  }
  return null;
}

/** Every JSON-LD object on the page, with arrays and `@graph` flattened. */
function jsonLdObjects(doc: DocLike): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      visit((v as Json)['@graph']);
    }
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // Malformed JSON-LD is common; the other sources of metadata still apply.
    }
  }
  return out;
}

function isArticle(o: Json): boolean {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && ARTICLE_TYPE.test(x));
}

/** A name from a JSON-LD value that may be a string, an object with `name`, or an array of those. */
function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) return clean(v.map(nameOf).filter(Boolean).join(', '));
  if (v && typeof v === 'object') return nameOf((v as Json).name);
  return null;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? clean(v) : null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

/** Reads title, canonical URL, author, outlet and published date; `baseUrl` resolves relative links. */
export function readPageMeta(doc: DocLike, baseUrl: string | null): PageMeta {
  const ld = jsonLdObjects(doc).find(isArticle) ?? {};
  const time = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  const authorMeta = meta(doc, 'author', 'article:author', 'byl', 'dc.creator', 'sailthru.author');
  return {
    title:
      str(ld.headline) ??
      meta(doc, 'og:title', 'twitter:title') ??
      clean(doc.querySelector('title')?.textContent),
    url: absolute(
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'og:url') ?? str(ld.url),
      baseUrl,
    ),
    author: nameOf(ld.author) ?? (authorMeta && !/^https?:/.test(authorMeta) ? authorMeta : null),
    outlet: meta(doc, 'og:site_name', 'application-name') ?? nameOf(ld.publisher),
    published:
      toIsoDate(meta(doc, 'article:published_time')) ??
      toIsoDate(str(ld.datePublished)) ??
      toIsoDate(
        meta(doc, 'pubdate', 'publishdate', 'date', 'dc.date.issued', 'dcterms.created', 'parsely-pub-date'),
      ) ??
      toIsoDate(doc.querySelector('[itemprop="datePublished"]')?.getAttribute('content')) ??
      toIsoDate(time?.getAttribute('datetime')),
  };
}
