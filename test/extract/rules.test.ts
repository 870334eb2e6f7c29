/** Unit cases for events, relations, sources and modality, with hand-built entities. */
import { describe, expect, it } from 'vitest';
import { extract, names, type EntitySpec } from './helpers.js';

const PK = { lat: 30, lon: 70, featureClass: 'country' as const, countryCode: 'PK' };
const ENTS: EntitySpec[] = [
  { type: 'group', names: ['Tehreek-i-Taliban Pakistan', 'TTP'] },
  { type: 'group', names: ['Islamic State', 'IS'] },
  { type: 'group', names: ['al-Shabab'] },
  { type: 'group', names: ['al-Qaeda'] },
  { type: 'group', names: ['JNIM'] },
  { type: 'group', names: ['Lashkar-e-Toiba', 'LeT'] },
  { type: 'group', names: ['Houthis'] },
  { type: 'group', names: ['AQAP'] },
  { type: 'organization', names: ['Inter-Services Public Relations', 'ISPR'] },
  { type: 'person', names: ['Abdul Samad Noorzai', 'Noorzai'] },
  { type: 'person', names: ['Iyad Ag Ghali'] },
  { type: 'person', names: ['Umar Sheikh'] },
  { type: 'person', names: ['Ali Khan'] },
  { type: 'location', names: ['Pakistan'], geo: PK },
  {
    type: 'location',
    names: ['North Waziristan'],
    geo: { lat: 32.9, lon: 70.1, featureClass: 'admin2', countryCode: 'PK' },
  },
  {
    type: 'location',
    names: ['Dera Ismail Khan'],
    geo: { lat: 31.8, lon: 70.9, featureClass: 'city', countryCode: 'PK' },
  },
  {
    type: 'location',
    names: ['Balochistan'],
    geo: { lat: 28.5, lon: 65.5, featureClass: 'admin1', countryCode: 'PK' },
  },
  {
    type: 'location',
    names: ['Quetta'],
    geo: { lat: 30.2, lon: 67.0, featureClass: 'city', countryCode: 'PK' },
  },
  {
    type: 'location',
    names: ['Mogadishu'],
    geo: { lat: 2.04, lon: 45.34, featureClass: 'city', countryCode: 'SO' },
  },
  {
    type: 'location',
    names: ['Kabul'],
    geo: { lat: 34.5, lon: 69.2, featureClass: 'city', countryCode: 'AF' },
  },
  {
    type: 'location',
    names: ['Mali'],
    geo: { lat: 17, lon: -4, featureClass: 'country', countryCode: 'ML' },
  },
  { type: 'location', names: ['US'], geo: { lat: 39, lon: -98, featureClass: 'country', countryCode: 'US' } },
  {
    type: 'location',
    names: ['Iran'],
    geo: { lat: 32, lon: 53, featureClass: 'country', countryCode: 'IR' },
  },
];

const run = (text: string, published: string | null = '2025-03-12') => extract(text, ENTS, published);

describe('events', () => {
  it('types, counts, place and date of a plain attack report', () => {
    const { facts, entities } = run(
      'Militants killed 12 soldiers in an attack on a checkpoint in North Waziristan on Tuesday, the military said.',
    );
    expect(facts.events).toHaveLength(1);
    const e = facts.events[0]!;
    expect(e).toMatchObject({
      category: 'battles',
      type: 'armed_clash',
      fatalities: { min: 12, max: 12 },
      date: { start: '2025-03-11', end: '2025-03-11' },
      modality: 'asserted',
    });
    expect(names(entities, [e.location!])).toEqual(['North Waziristan']);
    expect(e.targets.some((t) => t.includes('soldiers'))).toBe(true);
  });

  it('"killing six and wounding 12"', () => {
    const e = run(
      'A roadside bomb struck a police van in Dera Ismail Khan on Monday, killing six and wounding 12.',
    ).facts.events[0];
    expect(e).toMatchObject({
      type: 'remote_explosive_landmine_ied',
      fatalities: { min: 6, max: 6 },
      injured: { min: 12, max: 12 },
    });
  });

  it('a risen toll replaces the first figure', () => {
    const e = run(
      'A car bomb exploded near a market in Mogadishu on Sunday, killing 12 people. The death toll rose to 40 on Monday.',
    ).facts.events;
    expect(e).toHaveLength(1);
    expect(e[0]?.fatalities?.min).toBe(40);
  });

  it('"including three soldiers" is part of the total, not added', () => {
    const e = run(
      'At least 20 people, including three soldiers, were killed in a suicide bombing in Quetta on Friday.',
    ).facts.events[0];
    expect(e).toMatchObject({ type: 'suicide_bomb', fatalities: { min: 20, max: null } });
  });

  it('passive voice with the perpetrator after "by"', () => {
    const { facts, entities } = run(
      'In March 2024, 130 people were killed by Islamic State gunmen in Kabul.',
    );
    expect(names(entities, facts.events[0]?.perpetrators ?? [])).toContain('Islamic State');
    expect(facts.events[0]?.date).toMatchObject({ start: '2024-03-01', precision: 'month' });
  });

  it('"three separate attacks" → count 3; "multiple IED attacks" over months → no incident', () => {
    expect(
      run('TTP claimed to have carried out three separate attacks in North Waziristan this month.').facts
        .events[0]?.count,
    ).toBe(3);
    expect(
      run('The group has carried out multiple IED attacks in North Waziristan in recent months.').facts
        .events,
    ).toHaveLength(0);
  });

  it('threats and plans are no incident', () => {
    expect(run('Officials warned that the group could attack Quetta.').facts.events).toHaveLength(0);
  });

  it('a background event with its own date stays apart', () => {
    const ev = run(
      'A bomb exploded in Quetta on Monday, killing five people. In July 2022, a similar bombing in Dera Ismail Khan killed nine.',
    ).facts.events;
    expect(ev).toHaveLength(2);
    expect(ev.map((e) => e.date.start)).toEqual(['2025-03-10', '2022-07-01']);
  });

  it('a claim of responsibility in the next sentence fills claimedBy', () => {
    const { facts, entities } = run(
      'A suicide bomber struck a police station in Quetta on Monday, killing four officers. TTP claimed responsibility for the attack.',
    );
    expect(names(entities, facts.events[0]?.claimedBy ?? [])).toEqual(['Tehreek-i-Taliban Pakistan']);
  });

  it('arrests and protests', () => {
    expect(run('Police arrested three men in Quetta on Monday.').facts.events[0]).toMatchObject({
      category: 'strategic_developments',
      type: 'arrests',
    });
    expect(run('Police fired tear gas at protesters in Quetta on Monday.').facts.events[0]).toMatchObject({
      category: 'protests',
      type: 'protest_with_intervention',
    });
  });
});

describe('modality', () => {
  it('alleged, uncertain, negated', () => {
    expect(
      run('Militants allegedly executed three villagers in North Waziristan on Monday.').facts.events[0]
        ?.modality,
    ).toBe('alleged');
    expect(run('The blast may have killed five people in Quetta on Monday.').facts.events[0]?.modality).toBe(
      'uncertain',
    );
    const neg = run(
      'Noorzai, who was wrongly assumed to have been killed in a drone strike in Kabul in 2021, is alive.',
    ).facts.events;
    expect(neg.every((e) => e.modality !== 'asserted')).toBe(true);
  });

  it('a hedge after the fact does not weaken it', () => {
    expect(
      run(
        'Gunmen opened fire on residents of Quetta on Saturday, killing at least 100 people in what may be the bloodiest attack this year.',
      ).facts.events[0]?.modality,
    ).toBe('asserted');
  });

  it('a denial yields a denied perpetrator_of', () => {
    const { facts, entities } = run(
      'A suicide bomber killed 52 people in Quetta on Friday. TTP said it had no part in the attack.',
    );
    const r = facts.relations.find(
      (x) => x.type === 'perpetrator_of' && names(entities, [x.subject])[0] === 'Tehreek-i-Taliban Pakistan',
    );
    expect(r?.modality).toBe('denied');
  });
});

describe('relations', () => {
  const rel = (text: string, type: string) => {
    const { facts, entities } = run(text);
    return facts.relations
      .filter((r) => r.type === type)
      .map((r) => [names(entities, [r.subject])[0], names(entities, [r.object])[0], r.modality]);
  };
  it('branch_of from appositives', () => {
    expect(rel('al-Shabab, an affiliate of al-Qaeda, has fought for years.', 'branch_of')).toContainEqual([
      'al-Shabab',
      'al-Qaeda',
      'asserted',
    ]);
    expect(rel('JNIM, an al-Qaeda affiliate, claimed the raid.', 'branch_of')).toContainEqual([
      'JNIM',
      'al-Qaeda',
      'asserted',
    ]);
  });
  it('leader_of from appositives and "led by"', () => {
    expect(
      rel('Abdul Samad Noorzai, the leader of the Islamic State, is hiding in Balochistan.', 'leader_of'),
    ).toContainEqual(['Abdul Samad Noorzai', 'Islamic State', 'asserted']);
    expect(rel('JNIM, an al-Qaeda affiliate led by Iyad Ag Ghali, claimed it.', 'leader_of')).toContainEqual([
      'Iyad Ag Ghali',
      'JNIM',
      'asserted',
    ]);
  });
  it('located_in with a hedge', () => {
    expect(rel('Abdul Samad Noorzai is believed to be hiding in Balochistan.', 'located_in')).toContainEqual([
      'Abdul Samad Noorzai',
      'Balochistan',
      'uncertain',
    ]);
  });
  it('supports, alleged', () => {
    expect(
      rel('The group is flourishing in Balochistan, allegedly with the support of ISPR.', 'supports').map(
        (r) => [r[0], r[2]],
      ),
    ).toContainEqual(['Inter-Services Public Relations', 'alleged']);
    expect(rel('Iran-backed Houthis control Sanaa.', 'supports')).toContainEqual([
      'Iran',
      'Houthis',
      'asserted',
    ]);
  });
  it('member_of, alleged by the police', () => {
    expect(
      rel('Police alleged that Umar Sheikh was a member of Lashkar-e-Toiba.', 'member_of'),
    ).toContainEqual(['Umar Sheikh', 'Lashkar-e-Toiba', 'alleged']);
  });
  it('reward_for with the amount', () => {
    const { facts } = run('The US offered a $5 million reward for information on Ali Khan.');
    expect(facts.relations.find((r) => r.type === 'reward_for')?.attributes).toEqual({
      amount: 'USD 5000000',
    });
  });
  it('nested names: Islamic State Khorasan is a branch of Islamic State', () => {
    const { facts } = extract(
      'Islamic State Khorasan said the Islamic State would prevail.',
      [
        { type: 'group', names: ['Islamic State Khorasan'] },
        { type: 'group', names: ['Islamic State'] },
      ],
      null,
    );
    expect(
      facts.relations.some((r) => r.type === 'branch_of' && r.subject === 'e1' && r.object === 'e2'),
    ).toBe(true);
  });
});

describe('sources', () => {
  const kinds = (text: string) => run(text).facts.sources.map((s) => [s.text, s.kind]);
  it.each([
    [
      'A police official who asked not to be named said the bomb had been planted overnight.',
      'A police official who asked not to be named',
      'anonymous',
    ],
    [
      'District commissioner Ali Khan said the road had been closed.',
      'District commissioner Ali Khan',
      'official',
    ],
    ['Witnesses told Reuters they heard two loud explosions.', 'Witnesses', 'witness'],
    ['Witnesses told Reuters they heard two loud explosions.', 'Reuters', 'agency'],
    [
      'According to Inter-Services Public Relations, the military’s media wing, four militants were killed.',
      'Inter-Services Public Relations',
      'official',
    ],
    [
      'As per pro-government social media accounts, three men were killed.',
      'pro-government social media accounts',
      'social_media',
    ],
    ['Security sources said two soldiers were wounded.', 'Security sources', 'anonymous'],
    ['The Dawn newspaper reported that the market was closed.', 'The Dawn newspaper', 'outlet'],
    ['TTP said its fighters had attacked the post.', 'TTP', 'perpetrator_claim'],
  ])('%s → %s (%s)', (text, surface, kind) => {
    expect(kinds(text)).toContainEqual([surface, kind]);
  });
});
