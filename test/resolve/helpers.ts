/** Builds EntityResolutionInput from a text with hand-made NER mentions and places, using the real tokenizer. */
import type { Geo, Span } from '../../src/core/index.js';
import { splitSentences, tokenize, type NerLabel, type NerMention } from '../../src/nlp/index.js';
import type { EntityResolutionInput, PlaceMention } from '../../src/resolve/entities/index.js';

/** Every occurrence of `surface` in `text` (whole words), as spans. */
export function spansOf(text: string, surface: string): Span[] {
  const out: Span[] = [];
  let i = text.indexOf(surface);
  while (i >= 0) {
    const before = text.charAt(i - 1);
    const after = text.charAt(i + surface.length);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after))
      out.push({ start: i, end: i + surface.length });
    i = text.indexOf(surface, i + 1);
  }
  return out;
}

/** NER mentions for every occurrence of each [surface, label]. */
export function ner(text: string, names: readonly (readonly [string, NerLabel])[]): NerMention[] {
  return names.flatMap(([s, label]) => spansOf(text, s).map((sp) => ({ ...sp, label, score: 0.9 })));
}

const geo = (countryCode: string): Geo => ({
  lat: 0,
  lon: 0,
  countryCode,
  admin1: null,
  admin2: null,
  featureClass: 'country',
  geonamesId: null,
});

/** Places for every occurrence of each [surface, countryCode]. */
export function places(text: string, names: readonly (readonly [string, string])[]): PlaceMention[] {
  return names.flatMap(([s, cc]) =>
    spansOf(text, s).map((sp) => ({
      ...sp,
      surface: s,
      name: s,
      geo: geo(cc),
      kbId: `geo:${s}`,
      confidence: 0.9,
    })),
  );
}

/** A full resolution input. */
export function inputOf(
  text: string,
  nerNames: readonly (readonly [string, NerLabel])[] = [],
  placeNames: readonly (readonly [string, string])[] = [],
  datelineSpan: Span | null = null,
): EntityResolutionInput {
  const tokens = tokenize(text);
  return {
    text,
    tokens,
    sentences: splitSentences(text, tokens),
    nerMentions: ner(text, nerNames),
    places: places(text, placeNames),
    datelineSpan,
  };
}
