import { describe, expect, it } from 'vitest';
import type { Entity, Extraction } from '../../src/core/index.js';
import { documentFromText } from '../../src/ingest/index.js';
import { extractDocument, loadResources } from '../../src/pipeline/index.js';
import { cuedToponyms, locativeToponyms } from '../../src/pipeline/extra-toponyms.js';

const res = loadResources();

function run(text: string): Extraction {
  return extractDocument(documentFromText(text, '-', 'text', { published: '2025-03-04' }), res);
}

/** The location entities with each of their mention texts. */
function places(text: string, x: Extraction): [Entity, string[]][] {
  return x.entities
    .filter((e) => e.type === 'location')
    .map((e) => [e, e.mentions.map((m) => text.slice(m.start, m.end))]);
}

describe('the dateline place is a location entity', () => {
  it.each([
    ['MOGADISHU, Somalia — A car bomb exploded at a base on Sunday, officials said.', 'MOGADISHU', 'SO'],
    ['Kabul, March 4 -- A bomb exploded on a minibus, killing twelve passengers.', 'Kabul', 'AF'],
    ['QUETTA: Gunmen shot dead two policemen on Monday.', 'QUETTA', 'PK'],
  ])('%s', (text, surface, country) => {
    const x = run(text);
    const found = places(text, x).find(([, ms]) => ms.includes(surface));
    expect(found?.[0].geo?.countryCode).toBe(country);
    const first = x.events[0];
    expect(first?.location).toBe(found?.[0].id);
  });

  it.each([
    ['PESHAWAR (Reuters) — Police said the market reopened on Monday.', 'Reuters'],
    ['KABUL, Jan 3 (AFP) - Gunmen shot dead two policemen on Monday, officials said.', 'AFP'],
  ])('keeps the bracketed agency of "%s" as an organization and the outlet', (text, agency) => {
    const x = run(text);
    const found = x.entities.find((e) => e.mentions.some((m) => text.slice(m.start, m.end) === agency));
    expect(found?.type).toBe('organization');
    expect(x.document.outlet).toBe(agency);
    expect(x.events.every((e) => !e.perpetrators.includes(found?.id ?? ''))).toBe(true);
  });

  it('keeps the dateline place and date out of the actors', () => {
    const text = 'PESHAWAR, Pakistan, Jan 3 (AP) — Police said the market reopened on Monday.';
    const x = run(text);
    const names = x.entities.flatMap((e) => e.mentions).map((m) => text.slice(m.start, m.end));
    expect(names.filter((n) => n !== 'PESHAWAR' && n !== 'AP' && n !== 'Police')).toEqual([]);
  });
});

describe('places fused into hyphenated modifiers', () => {
  it.each([
    ['The Iran-backed Houthis fired missiles at ships.', 'Iran', 'IR'],
    ['Turkey-backed factions shelled the town.', 'Turkey', 'TR'],
    ['The Afghanistan-based TTP denied it.', 'Afghanistan', 'AF'],
    ['The Yemen-based AQAP said nothing.', 'Yemen', 'YE'],
    ['A Pakistan-based group was blamed.', 'Pakistan', 'PK'],
    ['Two Saudi Arabia-backed brigades withdrew.', 'Saudi Arabia', 'SA'],
  ])('%s', (text, surface, country) => {
    const found = places(text, run(text)).find(([, ms]) => ms.includes(surface));
    expect(found?.[0].geo?.countryCode).toBe(country);
  });

  it.each([
    'Afghan forces attacked the post.',
    'Afghan-backed militias were blamed.',
    'The Taliban-backed council met.',
    'A Pakistani-born man was held.',
  ])('no place from a demonym or a group: %s', (text) => {
    expect(places(text, run(text))).toEqual([]);
  });

  it('records supports from "Iran-backed"', () => {
    const x = run('The Iran-backed Houthis fired missiles at ships.');
    const iran = x.entities.find((e) => e.name === 'Iran');
    expect(x.relations.some((r) => r.type === 'supports' && r.subject === iran?.id)).toBe(true);
  });
});

describe('names an appositive calls a place', () => {
  it('makes a neighbourhood the gazetteer lacks its own location, placed near the town named with it', () => {
    const text =
      'KABUL — A bomb exploded on a minibus on Monday. The minibus was passing through Dasht-e-Barchi, a mostly Shiite Hazara neighbourhood, when the device went off.';
    const x = run(text);
    const found = places(text, x).find(([, ms]) => ms.includes('Dasht-e-Barchi'));
    expect(found?.[0].name).toBe('Dasht-e-Barchi');
    expect(found?.[0].kbId).toBeNull();
    expect(found?.[0].geo?.countryCode).toBe('AF');
    const kabul = places(text, x).find(([e]) => e.name === 'Kabul');
    expect(kabul?.[1]).toEqual(['KABUL']);
  });

  it.each([
    'Ahmed Shah, a shopkeeper from the town, was wounded in Kabul.',
    'Ahmed Shah, a town resident, was wounded in Kabul.',
  ])('leaves a person described by an appositive alone: %s', (text) => {
    expect(places(text, run(text)).map(([e]) => e.name)).not.toContain('Ahmed Shah');
  });
});

describe('names a locative preposition puts in a place', () => {
  it('keeps a person after "in" a person when the gazetteer does not know the name as a sizeable place', () => {
    const text = 'Police arrested Ahmed Khan in Peshawar on Monday.';
    expect(places(text, run(text)).map(([e]) => e.name)).toEqual(['Peshawar']);
  });
});

describe('locativeToponyms', () => {
  const text = 'Gunmen attacked a post near Kidal on Monday. Officials in Bamako said Kidal was calm.';
  const at = (s: string, from = 0) => ({
    start: text.indexOf(s, from),
    end: text.indexOf(s, from) + s.length,
  });
  const bamako = { ...at('Bamako'), surface: 'Bamako', name: 'Bamako', cue: null, source: 'ner' as const };
  const kidal = { ...at('Kidal'), label: 'PER' };

  it('reads a PER-tagged name after "near" as a place when it lies in the country of the other places', () => {
    const out = locativeToponyms(text, [kidal], res.gazetteer, () => false, [bamako], [bamako]);
    expect(out.map((t) => text.slice(t.start, t.end))).toEqual(['Kidal']);
  });

  it('does not without other places, for a KB actor, or without a locative preposition', () => {
    expect(locativeToponyms(text, [kidal], res.gazetteer, () => false, [], [])).toEqual([]);
    expect(locativeToponyms(text, [kidal], res.gazetteer, () => true, [bamako], [bamako])).toEqual([]);
    const later = { ...at('Kidal', text.indexOf('said')), label: 'PER' };
    expect(locativeToponyms(text, [later], res.gazetteer, () => false, [bamako], [bamako])).toEqual([]);
  });
});

describe('cuedToponyms', () => {
  const mention = (text: string, s: string, label = 'PER') => ({
    start: text.indexOf(s),
    end: text.indexOf(s) + s.length,
    label,
  });
  const read = (text: string, names: string[], isActor = () => false) =>
    cuedToponyms(
      text,
      names.map((n) => mention(text, n)),
      isActor,
      [],
    ).map((t) => [text.slice(t.start, t.end), t.cue]);

  it('reads a name before "area of" or "locality in" a named place as a place', () => {
    expect(
      read('Forces launched a search operation in the Redwani Payeen area of Kulgam late on Wednesday.', [
        'Redwani Payeen',
      ]),
    ).toEqual([['Redwani Payeen', 'city']]);
    // A group's "area of operations" is no place noun before a name.
    expect(read('ISKP widened its area of operations last year.', ['ISKP'])).toEqual([]);
  });

  it('reads a name after "the village of", one placed "in X state" and one a ship lies off as places', () => {
    expect(read('Soldiers were killed near the village of Tongo Tongo in October.', ['Tongo Tongo'])).toEqual(
      [['Tongo Tongo', 'city']],
    );
    expect(read('Gunmen attacked Yelwata in Benue state over the weekend.', ['Yelwata'])).toEqual([
      ['Yelwata', 'city'],
    ]);
    expect(read('An explosion damaged the tanker off Mocha on Monday.', ['Mocha'])).toEqual([
      ['Mocha', 'city'],
    ]);
    // A particle and a capitalised word go on with the name the NER cut short.
    expect(read('Militants seized the port of Vila de Sena in August.', ['Vila'])).toEqual([
      ['Vila de Sena', 'city'],
    ]);
  });

  it('leaves people alone: a full name in a state, a name after "of" without a place noun, a KB actor', () => {
    expect(read('Gunmen attacked Musa Bello in Benue state.', ['Musa Bello'])).toEqual([]);
    expect(read('The birthday of the Prophet Muhammad in Mastung district.', ['Prophet Muhammad'])).toEqual(
      [],
    );
    expect(read('Fighters near the village of Wagner said nothing.', ['Wagner'], () => true)).toEqual([]);
  });
});
