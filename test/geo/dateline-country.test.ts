import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/kb/gazetteer/index.js';
import { splitSentences, tokenize } from '../../src/nlp/index.js';
import { findToponyms, resolveToponyms } from '../../src/resolve/geo/index.js';
import { datelineToponym } from '../../src/pipeline/extra-toponyms.js';

/** Geoparses a datelined text as the pipeline does: the dateline's place is a toponym of its own. */
function geoparse(text: string, place: string, region: string | null, span: { start: number; end: number }) {
  const gaz = loadGazetteer();
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const found = findToponyms({ text, tokens, sentences, nerMentions: [], datelineSpan: span }, gaz);
  const dateline = datelineToponym(text, place, span);
  const toponyms = [...(dateline ? [dateline] : []), ...found].sort((a, b) => a.start - b.start);
  return resolveToponyms({ text, toponyms, dateline: place, datelineRegion: region }, gaz);
}

describe('the country a dateline states', () => {
  const text = 'KHAR, Pakistan: Gunmen shot dead a polio worker near Khar on Wednesday, police said.';
  const span = { start: 0, end: 'KHAR, Pakistan:'.length };

  it('keeps the dateline’s place and its namesakes in the body inside that country', () => {
    // the gazetteer holds "Khar" only as another name of Haar, Bavaria
    const places = geoparse(text, 'KHAR', 'Pakistan', span);
    expect(places.length).toBeGreaterThan(0);
    for (const p of places) expect(p.geo.countryCode).toBe('PK');
  });

  it('without the country written, the same name may still be read elsewhere', () => {
    const places = geoparse(text.replace(', Pakistan', ''), 'KHAR', null, { start: 0, end: 5 });
    expect(places.some((p) => p.geo.countryCode !== 'PK')).toBe(true);
  });
});
