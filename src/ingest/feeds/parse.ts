/** RSS 2.0, Atom and RDF (RSS 1.0) → feed items, via @rowanmanning/feed-parser (fast-xml-parser underneath). */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { SitrepError } from '../../core/index.js';

/** One entry of a feed, as the feed describes it. */
export interface FeedItem {
  /** Absolute link to the article page, or null. */
  readonly url: string | null;
  /** The item's guid/id, else its URL: the key used to tell whether it was seen. */
  readonly key: string | null;
  readonly title: string | null;
  /** ISO timestamp, or null. */
  readonly published: string | null;
  /** Full content (HTML) when the feed carries it, else the summary/description. */
  readonly content: string | null;
  readonly author: string | null;
}

/** A parsed feed: its title, items in document order, and why it was only parsed leniently (if so). */
export interface ParsedFeed {
  readonly title: string | null;
  readonly items: readonly FeedItem[];
  /** Set when the XML is not well-formed but items could still be read from it. */
  readonly malformed: string | null;
}

/** The first well-formedness error of an XML document, as "line L, column C: message", or null. */
function wellFormednessError(xml: string): string | null {
  const result = XMLValidator.validate(xml);
  return result === true ? null : `line ${result.err.line}, column ${result.err.col}: ${result.err.msg}`;
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * Parses feed XML. Documents declaring entities are refused up front: feeds never need them and
 * the parser expands them without a limit (a "billion laughs" bomb).
 */
export function parseFeedXml(xml: string, feedUrl: string): ParsedFeed {
  if (/<!ENTITY/i.test(xml.slice(0, 65536))) {
    throw new SitrepError(
      'bad_request',
      `${feedUrl}: refused: the feed declares XML entities (possible entity-expansion bomb)`,
    );
  }
  const malformed = wellFormednessError(xml);
  let feed;
  try {
    feed = parseFeed(xml);
  } catch (err) {
    const why = malformed
      ? `malformed XML at ${malformed}`
      : err instanceof Error
        ? err.message
        : String(err);
    throw new SitrepError('bad_request', `${feedUrl}: not a valid RSS, Atom or RDF feed (${why})`, {
      cause: err,
    });
  }
  const items = feed.items.map((item): FeedItem => {
    const url = absolute(item.url, feedUrl);
    return {
      url,
      key: item.id?.trim() || url,
      title: item.title,
      published: item.published ? item.published.toISOString() : null,
      content: item.content ?? item.description,
      author:
        item.authors
          .map((a) => a.name)
          .filter(Boolean)
          .join(', ') || null,
    };
  });
  // Real feeds are often slightly broken (a stray "&"); the lenient parse is kept when it found
  // usable items, and the feed is refused when it found none.
  if (malformed && !items.some((i) => i.url || i.content)) {
    throw new SitrepError(
      'bad_request',
      `${feedUrl}: not a valid RSS, Atom or RDF feed (malformed XML at ${malformed})`,
    );
  }
  return { title: feed.title, items, malformed };
}
