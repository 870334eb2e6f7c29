/** Event arguments told in another sentence than the incident: claims, attributions, series. */
import { describe, expect, it } from 'vitest';
import { extract, names, type EntitySpec } from './helpers.js';

const ENTS: EntitySpec[] = [
  { type: 'group', names: ['Tehreek-i-Taliban Pakistan', 'TTP'] },
  { type: 'group', names: ['Islamic State', 'IS'] },
  { type: 'group', names: ['Islamic State Khorasan Province', 'ISKP'] },
  { type: 'organization', names: ['Amaq News Agency', 'Amaq'] },
  {
    type: 'location',
    names: ['Quetta'],
    geo: { lat: 30.2, lon: 67.0, featureClass: 'city', countryCode: 'PK' },
  },
  {
    type: 'location',
    names: ['Balochistan'],
    geo: { lat: 28.5, lon: 65.5, featureClass: 'admin1', countryCode: 'PK' },
  },
  {
    type: 'location',
    names: ['Kabul'],
    geo: { lat: 34.5, lon: 69.2, featureClass: 'city', countryCode: 'AF' },
  },
];

const run = (text: string) => extract(text, ENTS, '2025-03-12');

describe('a claim told after the incident', () => {
  it('sets claimedBy on the incident instead of making a new one', () => {
    const { facts, entities } = run(
      "Gunmen killed 12 soldiers at a checkpoint in Quetta on Saturday. ISKP claimed the attack on Sunday in a statement carried by the Islamic State's Amaq news agency.",
    );
    expect(facts.events).toHaveLength(1);
    const e = facts.events[0]!;
    expect(e.fatalities?.min).toBe(12);
    expect(e.date.start).toBe('2025-03-08');
    expect(names(entities, e.claimedBy)).toEqual(['Islamic State Khorasan Province']);
    // The outlet that carried the claim and the branch's parent are no perpetrators.
    expect(names(entities, e.perpetrators)).toEqual(['Islamic State Khorasan Province']);
    const perp = facts.relations.filter((r) => r.type === 'perpetrator_of' && r.object === e.id);
    expect(perp.map((r) => [names(entities, [r.subject])[0], r.modality])).toEqual([
      ['Islamic State Khorasan Province', 'claimed'],
    ]);
  });

  it('"had not claimed the attack" adds no incident either', () => {
    const { facts } = run(
      'A bomb exploded at a market in Quetta on Saturday, killing five people. The TTP had not claimed the attack by Monday.',
    );
    expect(facts.events).toHaveLength(1);
    expect(facts.events[0]?.claimedBy).toEqual([]);
  });

  it('a claim of another, indefinite incident stays apart', () => {
    const { facts } = run(
      'A bomb exploded at a market in Quetta on Saturday, killing five people. Separately, ISKP claimed an attack on a mosque in Kabul on Friday that killed two worshippers.',
    );
    expect(facts.events).toHaveLength(2);
    expect(facts.events[0]?.claimedBy).toEqual([]);
  });
});

const SEA: EntitySpec[] = [
  { type: 'group', names: ['Al-Shabaab'] },
  { type: 'group', names: ['Houthis'] },
  {
    type: 'location',
    names: ['Mogadishu'],
    geo: { lat: 2.04, lon: 45.34, featureClass: 'city', countryCode: 'SO' },
  },
  {
    type: 'location',
    names: ['Red Sea'],
    geo: { lat: 20, lon: 38.5, featureClass: 'region' },
  },
  {
    type: 'location',
    names: ['Hodeidah'],
    geo: { lat: 14.8, lon: 42.95, featureClass: 'city', countryCode: 'YE' },
  },
];

describe('a claim told before the incident others observed', () => {
  it('joins the undated claim to the dated incident at the same place, typed by the claimed weapon', () => {
    const { facts, entities } = extract(
      'Al-Shabaab said its fighters had fired mortars at an African Union base in Mogadishu. Residents reported a loud explosion near the base in Mogadishu on Monday evening; nobody was hurt.',
      SEA,
      '2025-03-12',
    );
    expect(facts.events).toHaveLength(1);
    const e = facts.events[0]!;
    expect(e.type).toBe('shelling_artillery_missile_attack');
    expect(e.date.start).toBe('2025-03-10');
    expect(names(entities, e.claimedBy)).toEqual(['Al-Shabaab']);
  });

  it('"said …, a day after a firm reported an explosion": the observed incident dates the claimed attack', () => {
    const text =
      'The Houthis said on Thursday they had fired a missile at a container ship in the Red Sea, a day after a security firm reported an explosion near a vessel off Hodeidah. The firm said the vessel had reported a blast close to its hull off Hodeidah on Wednesday morning.';
    const { facts, entities } = extract(text, SEA, '2025-03-14');
    expect(facts.events).toHaveLength(1);
    const e = facts.events[0]!;
    expect(e.type).toBe('shelling_artillery_missile_attack');
    expect(e.date.start).toBe('2025-03-12');
    expect(names(entities, e.claimedBy)).toEqual(['Houthis']);
    expect(names(entities, [e.location ?? ''])).toEqual(['Hodeidah']);
  });

  it('stays apart when two observed incidents could be the one claimed', () => {
    const { facts } = extract(
      'The Houthis said on Thursday they had fired a missile at a container ship in the Red Sea, a day after a security firm reported an explosion near a vessel off Hodeidah. The firm said the vessel had reported a blast close to its hull off Hodeidah on Wednesday morning. Separately, an explosion damaged a tanker near Hodeidah on Monday.',
      SEA,
      '2025-03-14',
    );
    expect(facts.events.map((e) => [e.type, e.date.start, e.claimedBy.length])).toEqual([
      ['shelling_artillery_missile_attack', null, 1],
      ['remote_explosive_landmine_ied', '2025-03-12', 0],
      ['remote_explosive_landmine_ied', '2025-03-10', 0],
    ]);
  });
});

describe('a perpetrator told after the incident', () => {
  it('"The attack was attributed to X" fills the incident told before, as alleged', () => {
    const { facts, entities } = run(
      'A bomb exploded at a market in Quetta on Saturday, killing five people. The attack was attributed to the TTP.',
    );
    expect(facts.events).toHaveLength(1);
    expect(names(entities, facts.events[0]?.perpetrators ?? [])).toEqual(['Tehreek-i-Taliban Pakistan']);
    expect(facts.relations.some((r) => r.type === 'suspect_in' && r.modality === 'alleged')).toBe(true);
  });

  it("the parts of a series told before take the series' authors; an incident on another day does not", () => {
    const { facts, entities } = run(
      'A wave of coordinated attacks on police stations in Balochistan killed nine people on Tuesday, and officials blamed the TTP. In Quetta, a car bomb killed three people. On Friday, a bomb killed two people in Kabul.',
    );
    const quetta = facts.events.find((e) => e.fatalities?.min === 3);
    const kabul = facts.events.find((e) => e.fatalities?.min === 2);
    expect(names(entities, quetta?.perpetrators ?? [])).toEqual(['Tehreek-i-Taliban Pakistan']);
    expect(kabul?.perpetrators).toEqual([]);
  });

  it('"killed two suspected TTP members": the group is the target, not the perpetrator', () => {
    const { facts } = run('A drone strike killed two suspected TTP members in Quetta on Saturday.');
    expect(facts.events[0]?.perpetrators).toEqual([]);
  });
});

describe('uncertain past acts are incidents', () => {
  it('"may have been killed", "are believed to have killed" → uncertain events', () => {
    expect(
      run('Gunmen are believed to have killed four miners near Quetta on Saturday.').facts.events[0]
        ?.modality,
    ).toBe('uncertain');
  });

  it('plans stay no incident', () => {
    expect(run('Officials said the TTP plans to attack Quetta.').facts.events).toHaveLength(0);
  });
});
