import { beforeAll, describe, expect, it } from 'vitest';
import { loadActorKb, type ActorKb } from '../../src/kb/actors/index.js';
import type { NerLabel } from '../../src/nlp/index.js';
import { resolveEntities, type EntityResolution } from '../../src/resolve/entities/index.js';
import { inputOf } from './helpers.js';

let kb: ActorKb;
beforeAll(() => {
  kb = loadActorKb({ userDir: null });
});

function resolve(text: string, ner: [string, NerLabel][] = []): EntityResolution {
  return resolveEntities(inputOf(text, ner, []), kb);
}
const bySurface = (r: EntityResolution, text: string, s: string) =>
  r.entities.find((e) => e.mentions.some((m) => text.slice(m.start, m.end) === s));

describe('a bracketed acronym defined by the words before it is not a KB actor', () => {
  it('reads "(SSP)" after a police rank as the rank', () => {
    const text = 'Senior Superintendent of Police (SSP) Rajinder Kumar Bhat said two men were held.';
    const r = resolve(text, [['Rajinder Kumar Bhat', 'PER']]);
    expect(bySurface(r, text, 'SSP')).toBeUndefined();
    expect(r.entities.some((e) => e.kbId === 'actor:ssp')).toBe(false);
  });

  it('keeps "(SSP)" unlinked after an organisation it abbreviates that is not in the KB', () => {
    const text = 'The Sindh Security Panel (SSP) said the roads were closed.';
    const r = resolve(text, [['Sindh Security Panel', 'ORG']]);
    expect(bySurface(r, text, 'SSP')?.kbId ?? null).toBeNull();
  });

  it.each([
    ['Sipah-e-Sahaba Pakistan (SSP) activists rallied.', 'SSP', 'actor:ssp'],
    ['Tehreek-e-Taliban Pakistan (TTP) denied it.', 'TTP', 'actor:ttp'],
    ['The SSP held a rally in Karachi.', 'SSP', 'actor:ssp'],
  ])('keeps the KB link when the long form is the actor or absent: %s', (text, acr, id) => {
    expect(bySurface(resolve(text), text, acr)?.kbId).toBe(id);
  });
});

describe('a KB name inside a longer organisation name', () => {
  it('does not link "Jabhat al-Murabitin al-Jadida" to Al-Mourabitoun', () => {
    const text = 'A group calling itself Jabhat al-Murabitin al-Jadida claimed the attack.';
    const r = resolve(text, [['Jabhat al-Murabitin al-Jadida', 'ORG']]);
    const e = bySurface(r, text, 'Jabhat al-Murabitin al-Jadida');
    expect(e?.kbId ?? null).toBeNull();
    expect(r.entities.some((x) => x.kbId === 'actor:al-mourabitoun')).toBe(false);
  });

  it('still links a KB name the NER joined to a person at one end', () => {
    const text = 'Commander Ghafari ISKP was killed.';
    const r = resolve(text, [['Ghafari ISKP', 'ORG']]);
    expect(bySurface(r, text, 'ISKP')?.kbId).toBe('actor:iskp');
  });
});

describe('acronyms written inside a longer mention', () => {
  it('records "M23" when the text only writes "M23 rebels"', () => {
    const text = 'M23 rebels seized the town of Nyabiondo on Sunday.';
    const e = bySurface(resolve(text), text, 'M23 rebels');
    expect(e?.kbId).toBe('actor:m23');
    expect(e?.aliases).toContain('M23');
  });
});

describe('an acronym the text defines holds for the whole document', () => {
  it('reads a later bare "SSP" as the rank too', () => {
    const text =
      'Senior Superintendent of Police (SSP) Rajinder Kumar Bhat spoke. Later the SSP said two men were held.';
    const r = resolve(text, [['Rajinder Kumar Bhat', 'PER']]);
    expect(r.entities.some((e) => e.kbId === 'actor:ssp')).toBe(false);
  });
});

describe('a place opening an institution name', () => {
  it('keeps "Borno State Police Command" whole', () => {
    const text = 'said a spokesman for the Borno State Police Command on Monday.';
    const r = resolveEntities(
      inputOf(text, [['Borno State Police Command', 'ORG']], [['Borno State', 'NG']]),
      kb,
    );
    expect(r.entities.map((e) => e.name)).toContain('Borno State Police Command');
  });

  it('still splits a place before a group that is no institution', () => {
    const text = 'the Borno State Jihadists attacked.';
    const r = resolveEntities(inputOf(text, [['Borno State Jihadists', 'ORG']], [['Borno State', 'NG']]), kb);
    expect(r.entities.map((e) => e.name)).not.toContain('Borno State Jihadists');
  });
});
