/**
 * One incident told across clauses and sentences stays one event; incidents told side by side stay
 * apart; suspects, denials and claims told around an incident attach to it.
 */
import { describe, expect, it } from 'vitest';
import { extract, names, type EntitySpec } from './helpers.js';

const ENTS: EntitySpec[] = [
  { type: 'group', names: ['Lashkar-e-Taiba', 'LeT'] },
  { type: 'group', names: ['Houthis'] },
  { type: 'group', names: ['Jama’at Nusrat al-Islam wal-Muslimin', 'JNIM'] },
  { type: 'group', names: ['Islamic State', 'IS'] },
  { type: 'organization', names: ['Jammu and Kashmir Police'] },
  { type: 'organization', names: ['Burkinabe Armed Forces'] },
  { type: 'organization', names: ['Ez-Zallaqa'] },
  { type: 'person', names: ['Imran Rashid Dar'] },
  { type: 'person', names: ['Showkat Ahmad Mir'] },
  {
    type: 'location',
    names: ['Anantnag'],
    geo: { lat: 33.73, lon: 75.15, featureClass: 'city', countryCode: 'IN' },
  },
  {
    type: 'location',
    names: ['Bannu'],
    geo: { lat: 32.99, lon: 70.6, featureClass: 'city', countryCode: 'PK' },
  },
  {
    type: 'location',
    names: ['Lakki Marwat'],
    geo: { lat: 32.6, lon: 70.9, featureClass: 'city', countryCode: 'PK' },
  },
  { type: 'location', names: ['Jani Khel'] },
  {
    type: 'location',
    names: ['Kirkuk'],
    geo: { lat: 35.47, lon: 44.39, featureClass: 'city', countryCode: 'IQ' },
  },
  {
    type: 'location',
    names: ['Yemen'],
    geo: { lat: 15.5, lon: 47.5, featureClass: 'country', countryCode: 'YE' },
  },
  {
    type: 'location',
    names: ['Iran'],
    geo: { lat: 32, lon: 53, featureClass: 'country', countryCode: 'IR' },
  },
  { type: 'location', names: ['Red Sea'], geo: { lat: 20, lon: 38.5, featureClass: 'region' } },
  {
    type: 'location',
    names: ['Djibo'],
    geo: { lat: 14.1, lon: -1.63, featureClass: 'city', countryCode: 'BF' },
  },
  {
    type: 'location',
    names: ['Sahel'],
    geo: { lat: 15, lon: 0, featureClass: 'region' },
  },
];

const run = (text: string) => extract(text, ENTS, '2025-03-14');

describe('one incident, told twice', () => {
  it('"over Sunday\'s grenade attack" and "the grenade was thrown on Sunday" are one; the arrest keeps its own day', () => {
    const { facts } = run(
      "The Jammu and Kashmir Police said on Thursday they had arrested two men in Anantnag over last weekend's grenade attack on a bus stand. The grenade was thrown at about noon on Sunday, wounding five people.",
    );
    const grenades = facts.events.filter((e) => e.type === 'grenade');
    expect(grenades).toHaveLength(1);
    expect(grenades[0]?.date.start).toBe('2025-03-09');
    expect(grenades[0]?.injured?.min).toBe(5);
    const arrest = facts.events.find((e) => e.type === 'arrests');
    // The possessive date belongs to the attack, not to the arrest told around it.
    expect(arrest?.date.start).toBe('2025-03-13');
  });

  it('"behind a roadside bomb and gun attack" is one incident; "one of the deadliest strikes" is none', () => {
    const { facts } = run(
      'The Islamic State said it was behind a roadside bomb and gun attack that killed six policemen in Kirkuk on Sunday, one of the deadliest strikes on the police this year.',
    );
    expect(facts.events).toHaveLength(1);
    expect(facts.events[0]?.fatalities?.min).toBe(6);
  });

  it('a definite "the car bomb" returns to the incident that told a bomb, not to the latest one', () => {
    const { facts, entities } = run(
      'A suicide bomber drove a car packed with explosives into a police post in Bannu on Tuesday, killing 11 officers. Troops later killed nine militants in Jani Khel on Tuesday. Officials said the car bomb had brought down the outer wall.',
    );
    expect(facts.events).toHaveLength(2);
    const raid = facts.events.find((e) => names(entities, [e.location ?? ''])[0] === 'Jani Khel');
    expect(raid?.type).toBe('armed_clash');
  });
});

describe('an incident referred to by another kind of word', () => {
  it('"arrested four men in a night raid" … "The raid was carried out on Wednesday night by …" is one arrest', () => {
    const police: EntitySpec = { type: 'organization', names: ['Jammu and Kashmir Police'] };
    const { facts, entities } = extract(
      'Police arrested four men in a night raid in Anantnag and recovered two rifles, officials said on Friday. The raid was carried out on Wednesday night by the Jammu and Kashmir Police.',
      [police, ...ENTS.filter((e) => e.names[0] !== 'Jammu and Kashmir Police')],
      '2025-03-16',
    );
    expect(facts.events).toHaveLength(1);
    const e = facts.events[0];
    expect(e?.type).toBe('arrests');
    expect(e?.date.start).toBe('2025-03-12');
    expect(names(entities, e?.perpetrators ?? [])).toEqual(['Jammu and Kashmir Police']);
  });

  it('"The arrests come after troops foiled a bid …, killing two militants": the toll is the bid\'s', () => {
    const { facts } = run(
      'Police arrested four men in Anantnag on Wednesday. The raid was carried out by the army. The arrests come after troops foiled an infiltration bid near Lakki Marwat earlier this month, killing two militants near the Line of Control.',
    );
    const arrest = facts.events.find((e) => e.type === 'arrests');
    expect(arrest?.fatalities).toBeNull();
    // One incident: the bid and its toll, not a bid without a toll beside a toll without a bid.
    const others = facts.events.filter((e) => e.type !== 'arrests');
    expect(others).toHaveLength(1);
    const bid = others[0];
    expect(bid?.type).toBe('armed_clash');
    expect(bid?.fatalities?.min).toBe(2);
  });
});

describe('incidents side by side', () => {
  it('"killed in A, while others were killed near B" are two incidents, apart from the main one', () => {
    // The main incident's district holds B: only the sibling told in the same sentence keeps B apart.
    const district: EntitySpec = {
      type: 'location',
      names: ['Bannu'],
      geo: { lat: 32.99, lon: 70.6, featureClass: 'admin2', countryCode: 'PK' },
    };
    const { facts, entities } = extract(
      'Militants stormed a police station in Bannu on Tuesday, killing seven officers. Troops killed nine militants in Jani Khel on Tuesday, the army said, while four others were killed near Lakki Marwat.',
      [district, ...ENTS.filter((e) => e.names[0] !== 'Bannu')],
      '2025-03-14',
    );
    const places = facts.events.map((e) => names(entities, [e.location ?? ''])[0]);
    expect(places).toEqual(['Bannu', 'Jani Khel', 'Lakki Marwat']);
    expect(facts.events[0]?.fatalities?.min).toBe(7);
  });
});

describe('gatherings at a list of places', () => {
  it('"demonstrations in A and B passed off peacefully" are one per place', () => {
    const { facts, entities } = run(
      'Smaller demonstrations in Bannu and Lakki Marwat passed off peacefully on Tuesday.',
    );
    const places = facts.events.map((e) => names(entities, [e.location ?? ''])[0]);
    expect(places).toEqual(['Bannu', 'Lakki Marwat']);
    expect(facts.events.every((e) => e.type === 'peaceful_protest')).toBe(true);
  });

  it('a single gathering in one place stays one', () => {
    const { facts } = run(
      'A demonstration in Bannu and a strike in the bazaar passed off peacefully on Tuesday.',
    );
    expect(facts.events.filter((e) => e.type === 'peaceful_protest')).toHaveLength(1);
  });
});

describe('a protest put down by gunfire', () => {
  it('gunfire at the gathering is part of it; countries whose envoys spoke do not place it', () => {
    const { facts, entities } = extract(
      'Police shot dead three protesters in Bannu on Tuesday as crowds stormed the district offices. Police later cleared the building under heavy gunfire. At least 20 people were injured. Envoys of Iran, Yemen and other countries said they were troubled by the violence during the demonstrations.',
      ENTS,
      '2025-03-12',
    );
    expect(facts.events).toHaveLength(1);
    const e = facts.events[0];
    expect(e?.category).toBe('protests');
    expect(names(entities, [e?.location ?? ''])).toEqual(['Bannu']);
    expect(e?.injured?.min).toBe(20);
  });
});

describe('who did it, told around the incident', () => {
  it('named suspects are alleged perpetrators of the incident, not of the arrest', () => {
    const { facts, entities } = run(
      "Police said on Thursday they had arrested two men over Sunday's grenade attack in Anantnag. An officer said the suspects were Imran Rashid Dar and Showkat Ahmad Mir.",
    );
    const grenade = facts.events.find((e) => e.type === 'grenade');
    expect(names(entities, grenade?.perpetrators ?? [])).toEqual(['Imran Rashid Dar', 'Showkat Ahmad Mir']);
    const suspects = facts.relations.filter((r) => r.type === 'suspect_in' && r.object === grenade?.id);
    expect(suspects.map((r) => r.modality)).toEqual(['alleged', 'alleged']);
  });

  it('an actor denying the allegations is the alleged perpetrator of the alleged incident', () => {
    const { facts, entities } = run(
      'A herders’ association alleged that soldiers had executed five civilians near Djibo on Friday. The Burkinabe Armed Forces categorically denied these allegations.',
    );
    const e = facts.events[0];
    expect(e?.modality).toBe('alleged');
    expect(names(entities, e?.perpetrators ?? [])).toEqual(['Burkinabe Armed Forces']);
    const denied = facts.relations.find((r) => r.type === 'perpetrator_of' && r.modality === 'denied');
    expect(names(entities, [denied?.subject ?? ''])).toEqual(['Burkinabe Armed Forces']);
  });

  it('"said on Wednesday they had fired": a date between the verb and the pronoun still makes a claim', () => {
    const { facts, entities } = run(
      'The Houthis said on Wednesday they had fired two missiles at a tanker in the Red Sea.',
    );
    const e = facts.events[0];
    expect(names(entities, e?.claimedBy ?? [])).toEqual(['Houthis']);
    expect(e?.modality).toBe('claimed');
  });

  it('a claim behind a long medium phrase ("… through its outlet that its fighters …")', () => {
    const { facts, entities } = run(
      'Gunmen ambushed an army convoy near Djibo on Monday, killing eight soldiers. JNIM said in a statement released through its Ez-Zallaqa media outlet that its fighters had destroyed the convoy.',
    );
    expect(facts.events).toHaveLength(1);
    expect(names(entities, facts.events[0]?.claimedBy ?? [])).toEqual([
      'Jama’at Nusrat al-Islam wal-Muslimin',
    ]);
  });

  it('a claim in one part of a clause split by "a day after" does not claim the other part', () => {
    const { facts, entities } = run(
      'The Houthis said on Wednesday they had fired missiles at a tanker in the Red Sea, a day after a maritime agency reported an explosion near a vessel off Yemen.',
    );
    const claimed = facts.events.filter((e) => e.claimedBy.length);
    expect(claimed).toHaveLength(1);
    expect(names(entities, [claimed[0]?.location ?? ''])).toEqual(['Red Sea']);
  });
});

describe('where it happened', () => {
  it('a place in a compound modifier or owning an actor is no scene', () => {
    const { facts, entities } = run(
      'The Iran-backed Houthis fired a missile at a tanker in the Red Sea on Monday.',
    );
    expect(names(entities, [facts.events[0]?.location ?? ''])).toEqual(['Red Sea']);
    const second = run("Yemen's Houthis said they had fired a missile at a tanker in the Red Sea on Monday.");
    expect(names(second.entities, [second.facts.events[0]?.location ?? ''])).toEqual(['Red Sea']);
  });

  it('a name owned by a group ("its Ez-Zallaqa media outlet") is no scene, even when read as a place', () => {
    const outlet: EntitySpec = { type: 'location', names: ['Ez-Zallaqa'] };
    const { facts, entities } = extract(
      'JNIM said in a statement on its Ez-Zallaqa media outlet that its fighters had killed 12 soldiers in the Sahel.',
      [outlet, ...ENTS.filter((e) => e.names[0] !== 'Ez-Zallaqa')],
      '2025-03-14',
    );
    expect(names(entities, [facts.events[0]?.location ?? ''])).toEqual(['Sahel']);
  });

  it('a name cut short before "of" and a capital ("Line" of "Line of Control") is no scene', () => {
    const line: EntitySpec = {
      type: 'location',
      names: ['Line'],
      geo: { lat: 34, lon: 74, featureClass: 'city' },
    };
    const { facts, entities } = extract(
      'Troops killed two militants in Jani Khel near the Line of Control on Sunday.',
      [line, ...ENTS],
      '2025-03-14',
    );
    expect(names(entities, [facts.events[0]?.location ?? ''])).toEqual(['Jani Khel']);
  });

  it('"the aircraft belonged to X", told after a drone was brought down, names X', () => {
    const { facts, entities } = run(
      'The army said its air defences had brought down a drone over Bannu on Tuesday. A local website said the aircraft belonged to the Iran-backed Houthis.',
    );
    expect(names(entities, facts.events[0]?.perpetrators ?? [])).toEqual(['Houthis']);
  });

  it('"troops pursued the attackers" are the state force named just before', () => {
    const army: EntitySpec = { type: 'organization', names: ['Pakistan Army'] };
    const { facts, entities } = extract(
      'Gunmen killed six villagers in Bannu on Sunday. The Pakistan Army rejected criticism of its response. Its spokesman said troops had pursued the attackers and killed two of them on Monday.',
      [army, ...ENTS],
      '2025-03-12',
    );
    const counter = facts.events.find((e) => e.fatalities?.min === 2);
    expect(names(entities, counter?.perpetrators ?? [])).toEqual(['Pakistan Army']);
  });

  it('the body an act is "under investigation by" did not do it', () => {
    const { facts } = run(
      'Police shot dead two protesters in Bannu on Tuesday; the deaths are under investigation by the Islamic State.',
    );
    expect(facts.events[0]?.perpetrators).toEqual([]);
  });

  it('"took place by X" places the act; X is no perpetrator, even when read as an organisation', () => {
    const village: EntitySpec = { type: 'organization', names: ['Jani Khel'] };
    const { facts } = extract(
      'An officer said the ambush took place by Jani Khel and killed two soldiers on Sunday.',
      [village],
      '2025-03-14',
    );
    expect(facts.events[0]?.perpetrators).toEqual([]);
  });
});
