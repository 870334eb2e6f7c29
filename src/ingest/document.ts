/** Builds the IngestedDocument every reader returns: normalised text, dateline, language, metadata. */
import { SitrepError, type IngestedDocument, type Problem } from '../core/index.js';
import { findDateline } from './dateline.js';
import { toIsoDate } from './dates.js';
import { detectLanguage } from './language.js';
import { normalizeText } from './normalize.js';

/** Metadata a reader found or the caller supplied; missing fields stay null. */
export interface DocumentMeta {
  readonly title?: string | null;
  readonly url?: string | null;
  readonly published?: string | null;
  readonly outlet?: string | null;
  readonly author?: string | null;
}

function tidy(s: string | null | undefined): string | null {
  const t = s?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

/** Turns decoded text and its metadata into an IngestedDocument; throws `empty_input` when no text is left. */
export function buildDocument(
  rawText: string,
  meta: DocumentMeta,
  origin: string,
  problems: readonly Problem[] = [],
): IngestedDocument {
  const text = normalizeText(rawText);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new SitrepError(
      'empty_input',
      `${origin}: no text in it (empty or whitespace only); nothing to ingest`,
    );
  }
  const dateline = findDateline(text);
  const published = toIsoDate(meta.published);
  const extra: Problem[] = [];
  if (meta.published && !published) {
    extra.push({
      code: 'unparsed_published_date',
      message: `published date "${meta.published}" is not a date`,
    });
  }
  return {
    text,
    title: tidy(meta.title),
    url: tidy(meta.url),
    published,
    dateline: dateline?.place ?? null,
    datelineRegion: dateline?.region ?? null,
    datelineSpan: dateline?.span ?? null,
    language: detectLanguage(text),
    outlet: tidy(meta.outlet),
    author: tidy(meta.author),
    origin,
    problems: [...problems, ...extra],
  };
}

/** Caller-supplied values win over what the reader found (CLI `--title` etc.). */
export function applyOverrides(found: DocumentMeta, overrides: DocumentMeta): DocumentMeta {
  return {
    title: overrides.title ?? found.title ?? null,
    url: overrides.url ?? found.url ?? null,
    published: overrides.published ?? found.published ?? null,
    outlet: overrides.outlet ?? found.outlet ?? null,
    author: overrides.author ?? found.author ?? null,
  };
}
