import type { Extraction, IngestedDocument } from '../../src/core/index.js';
import { documentId } from '../../src/core/index.js';
import type { DocumentRecord } from '../../src/store/index.js';

/** A small hand-built document and extraction, independent of the pipeline, for store tests. */
export function sampleRecord(
  text = 'QUETTA: A roadside bomb killed three police officers in Quetta on Monday. The TTP claimed it.',
  title = 'Bomb in Quetta',
): DocumentRecord {
  const at = (s: string): { start: number; end: number } => {
    const start = text.indexOf(s);
    if (start < 0) throw new Error(`fixture text lacks ${s}`);
    return { start, end: start + s.length };
  };
  const firstSentence = { start: 8, end: text.indexOf('.') + 1 };
  const doc: IngestedDocument = {
    text,
    title,
    url: 'https://example.org/quetta',
    published: '2024-05-14',
    dateline: 'QUETTA',
    datelineSpan: { start: 0, end: 7 },
    language: 'en',
    outlet: 'Example Times',
    author: null,
    origin: 'fixture.txt',
    problems: [],
  };
  const extraction: Extraction = {
    schema: 'sitrep.extraction/1',
    document: {
      id: documentId(text),
      title,
      url: doc.url,
      published: doc.published,
      dateline: 'QUETTA',
      language: 'en',
    },
    entities: [
      {
        id: 'e1',
        type: 'location',
        name: 'Quetta',
        aliases: [],
        mentions: [at('Quetta')],
        kbId: 'geonames:1167528',
        geo: {
          lat: 30.18,
          lon: 66.99,
          countryCode: 'PK',
          admin1: 'Balochistan',
          admin2: 'Quetta',
          featureClass: 'city',
          geonamesId: 1167528,
        },
      },
      {
        id: 'e2',
        type: 'group',
        name: 'Tehreek-e-Taliban Pakistan',
        aliases: ['TTP'],
        mentions: [at('TTP')],
        kbId: 'ttp',
      },
    ],
    events: [
      {
        id: 'ev1',
        category: 'explosions_remote_violence',
        type: 'remote_explosive_landmine_ied',
        count: 1,
        date: { start: '2024-05-13', end: '2024-05-13', precision: 'day', text: 'on Monday' },
        location: 'e1',
        perpetrators: ['e2'],
        targets: ['police officers'],
        claimedBy: ['e2'],
        fatalities: { min: 3, max: 3, text: 'killed three police officers' },
        injured: null,
        modality: 'asserted',
        sources: [],
        evidence: [firstSentence],
      },
    ],
    relations: [
      {
        id: 'r1',
        type: 'perpetrator_of',
        subject: 'e2',
        object: 'ev1',
        modality: 'claimed',
        sources: [],
        evidence: [at('TTP')],
      },
    ],
    sources: [],
    claims: [],
  };
  return { doc, extraction };
}
