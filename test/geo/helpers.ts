import { loadGazetteer } from '../../src/kb/gazetteer/index.js';
import { splitSentences, tokenize } from '../../src/nlp/index.js';
import { findToponyms, resolveToponyms, type ResolvedPlace } from '../../src/resolve/geo/index.js';

/** Geoparses a text with the gazetteer alone (no NER) and returns the readings of one surface. */
export function placesNamed(text: string, surface: string, dateline: string | null = null): ResolvedPlace[] {
  const gaz = loadGazetteer();
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const toponyms = findToponyms({ text, tokens, sentences, nerMentions: [], datelineSpan: null }, gaz);
  return resolveToponyms({ text, toponyms, dateline }, gaz).filter((p) => p.surface === surface);
}

/** The single reading of a surface in a text; fails when it was not found. */
export function placeNamed(text: string, surface: string, dateline: string | null = null): ResolvedPlace {
  const found = placesNamed(text, surface, dateline)[0];
  if (!found) throw new Error(`no toponym "${surface}" found in: ${text}`);
  return found;
}
