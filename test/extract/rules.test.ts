/** Unit cases for events, relations, sources and modality, with hand-built entities. */
import { describe, expect, it } from 'vitest';
import { distinctTargets, targetDescription } from '../../src/extract/event-arguments.js';
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
    names: ['Tondobi'],
    geo: { lat: 30.11, lon: 67.0, featureClass: 'city', countryCode: 'PK' },
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
    names: ['Kigali'],
    geo: { lat: -1.95, lon: 30.06, featureClass: 'city', countryCode: 'RW' },
  },
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

describe('event targets and agents', () => {
  it('describes who was hit without counts, fragments or repeats', () => {
    expect(targetDescription('twelve passengers')).toBe('passengers');
    expect(targetDescription('dozens of the troops')).toBe('troops');
    expect(targetDescription('was an officer')).toBeNull();
    expect(targetDescription('way to a checkpoint')).toBeNull();
    expect(targetDescription('a senior')).toBeNull();
    expect(targetDescription('U.S')).toBeNull();
    expect(
      distinctTargets(['soldiers', 'Iraqi soldiers', 'checkpoint', 'army checkpoint', 'soldiers']),
    ).toEqual(['Iraqi soldiers', 'army checkpoint']);
    const { facts } = run(
      'Militants killed two soldiers and wounded three at a checkpoint in Quetta on Sunday; one of the wounded was an officer.',
    );
    expect(facts.events[0]?.targets).toEqual(['soldiers']);
  });

  it('the dead of both sides told in one clause add up; "lost their lives" is a toll of its own', () => {
    const text = 'Four militants were killed near Quetta, where two soldiers also lost their lives.';
    const both = run(text).facts.events[0]?.fatalities;
    expect(both).toMatchObject({ min: 6, max: 6 });
    expect(text.includes(both?.text ?? '-')).toBe(true);
    // Two figures for one side are one toll told twice: the larger stands.
    expect(
      run('Militants killed 12 soldiers near Quetta, where at least 14 soldiers were killed, police said.')
        .facts.events[0]?.fatalities?.min,
    ).toBe(14);
    expect(run('Two soldiers lost their lives near Quetta on Sunday.').facts.events[0]?.fatalities?.min).toBe(
      2,
    );
  });

  it("a war's running toll is no incident; a toll inside a report of one is", () => {
    expect(
      run('The conflict, which has killed more than 6,000 people, shows no sign of ending.').facts.events,
    ).toEqual([]);
    const { facts } = run(
      'JNIM fighters killed 12 soldiers in Mali on Monday, analysts said, in an insurgency that has killed thousands.',
    );
    expect(facts.events.map((e) => e.fatalities?.min)).toEqual([12]);
  });

  it('a group named as the arrested is a target of the arrest, not its perpetrator', () => {
    const { facts, entities } = run(
      'Police arrested three suspected members of the Islamic State group in a raid in Quetta on Thursday.',
    );
    const e = facts.events[0];
    expect(e?.type).toBe('arrests');
    expect(names(entities, e?.perpetrators ?? [])).not.toContain('Islamic State');
    expect(names(entities, e?.targets ?? [])).toContain('Islamic State');
    // a group told as the one arresting keeps its part
    const own = run('TTP fighters arrested three men in North Waziristan on Thursday.').facts.events[0];
    expect(names(entities, own?.perpetrators ?? [])).toContain('Tehreek-i-Taliban Pakistan');
  });

  it('the scene is the place measured, not the town it is measured from', () => {
    const { facts, entities } = run(
      'The assailants stormed Tondobi, a village about 10 kilometres south of Quetta in Balochistan province, on Saturday afternoon, a resident said.',
    );
    expect(names(entities, [facts.events[0]?.location ?? ''])).toEqual(['Tondobi']);
  });

  it('"in the two attacks" counts the incidents a clause tells', () => {
    const e = run(
      'Militants attacked a police station in Tank and a checkpoint in Quetta overnight, killing five policemen in the two attacks.',
    ).facts.events[0];
    expect(e?.count).toBe(2);
    expect(e?.fatalities).toMatchObject({ min: 5, max: 5 });
  });

  it('one night of strikes with one toll is an incident of its kind', () => {
    const e = run('Air strikes on positions near Quetta killed four soldiers overnight, officials said.')
      .facts.events[0];
    expect(e?.type).toBe('air_drone_strike');
    expect(e?.fatalities).toMatchObject({ min: 4, max: 4 });
    expect(e?.targets).toEqual(['soldiers']);
  });

  it('the subject of a passive abduction is the target; "on patrol" is none', () => {
    const e = run('The soldiers were abducted on May 2 while on patrol near the town of Tame.').facts
      .events[0];
    expect(e?.type).toBe('abduction_forced_disappearance');
    expect(e?.targets).toEqual(['soldiers']);
    const raid = run('Armed bandits abducted more than 50 people in a raid on a village on Sunday.').facts
      .events[0];
    expect(raid?.targets).toContain('people');
  });

  it('one victim wounded in the active voice counts as one injured, and is a target', () => {
    const e = run(
      'Gunmen shot dead a polio vaccination worker and wounded a policeman escorting him in Bajaur on Wednesday.',
    ).facts.events[0];
    expect(e?.fatalities).toMatchObject({ min: 1, max: 1 });
    expect(e?.injured).toMatchObject({ min: 1, max: 1 });
    expect(e?.targets).toContain('policeman');
  });

  it('a toll summed over months is no incident, whatever kind of violence it names', () => {
    const total = run(
      'More than 220 people have been killed in ethnic clashes in Manipur since May last year.',
      '2024-06-09',
    ).facts.events;
    expect(total).toEqual([]);
    // over a few days it may be one operation's toll
    const operation = run(
      'Troops have killed 30 militants in clashes in North Waziristan since Friday, the army said.',
      '2024-06-09',
    ).facts.events;
    expect(operation.map((e) => e.fatalities?.min)).toEqual([30]);
  });

  it('an actor separated from its verb by a relative clause with commas of its own', () => {
    const { facts, entities } = run(
      'JNIM, which is active in the border area where Mali, Niger and Burkina Faso meet, carried out an attack on a base in Mali on Monday, killing 12 soldiers.',
    );
    expect(names(entities, facts.events[0]?.perpetrators ?? [])).toEqual(['JNIM']);
  });

  it("one source's tolls of the two sides add up across its sentences", () => {
    const { facts } = run(
      'Militants killed at least 17 soldiers in an ambush in North Waziristan on Wednesday, the military said. The convoy was attacked by dozens of fighters, the military said, adding that troops had killed about 20 attackers.',
    );
    expect(facts.events[0]?.fatalities?.min).toBe(37);
  });

  it('"seized the town after two days of fighting" is one incident, dated by the day told later', () => {
    const { facts, entities } = run(
      'Fighters of JNIM seized a town in Mali after two days of fighting with the army, officials said on Thursday. "JNIM entered the town on Tuesday evening," a resident said. At least 11 civilians were killed in the fighting.',
    );
    expect(facts.events).toHaveLength(1);
    const e = facts.events[0]!;
    expect(e.type).toBe('non_state_actor_overtakes_territory');
    expect(e.date.start).toBe('2025-03-11');
    expect(e.fatalities?.min).toBe(11);
    expect(names(entities, e.perpetrators)).toEqual(['JNIM']);
  });

  it('"in Somalia\'s capital" under a MOGADISHU dateline is Mogadishu', () => {
    const specs: EntitySpec[] = [
      {
        type: 'location',
        names: ['MOGADISHU', 'Mogadishu'],
        geo: { lat: 2.04, lon: 45.34, featureClass: 'city', countryCode: 'SO' },
      },
      {
        type: 'location',
        names: ['Somalia'],
        geo: { lat: 6, lon: 46, featureClass: 'country', countryCode: 'SO' },
      },
      {
        type: 'location',
        names: ['Kenya'],
        geo: { lat: 0.5, lon: 38, featureClass: 'country', countryCode: 'KE' },
      },
    ];
    const place = (text: string) => {
      const { facts, entities } = extract(text, specs, '2025-03-12', {
        dateline: text.slice(0, text.indexOf('—') + 1),
      });
      return names(entities, [facts.events[0]?.location ?? ''])[0];
    };
    expect(place("MOGADISHU, Somalia — A car bomb killed nine people in Somalia's capital on Friday.")).toBe(
      'MOGADISHU',
    );
    // Another country's capital is not the dateline's city.
    expect(place("MOGADISHU, Somalia — A car bomb killed nine people in Kenya's capital on Friday.")).toBe(
      'Kenya',
    );
  });

  it('a crowd clashing with police is a violent demonstration; the leader they follow is no perpetrator', () => {
    const specs: EntitySpec[] = [
      { type: 'person', names: ['Imran Khan', 'Khan'] },
      {
        type: 'location',
        names: ['Islamabad'],
        geo: { lat: 33.7, lon: 73, featureClass: 'city', countryCode: 'PK' },
      },
    ];
    const { facts } = extract(
      "Thousands of supporters of Imran Khan clashed with police in Islamabad on Tuesday, and the interior minister accused Khan's party of bringing armed men to the rally. Mobile internet services were suspended.",
      specs,
      '2025-03-12',
    );
    expect(facts.events).toHaveLength(1);
    expect(facts.events[0]).toMatchObject({ type: 'violent_demonstration', perpetrators: [] });
    // Troops clashing with militants are still a battle.
    expect(
      run('Troops clashed with TTP militants in North Waziristan on Monday.').facts.events[0]?.type,
    ).toBe('armed_clash');
  });

  it('a strike: the force that told of it acted, the monitor counting its dead did not; the person killed is hit', () => {
    const specs: EntitySpec[] = [
      { type: 'organization', names: ['U.S. Central Command'] },
      { type: 'organization', names: ['Syrian Observatory for Human Rights'] },
      { type: 'person', names: ['Abu Abdul Rahman al-Makki'] },
      {
        type: 'location',
        names: ['Idlib'],
        geo: { lat: 35.9, lon: 36.6, featureClass: 'admin1', countryCode: 'SY' },
      },
    ];
    const { facts, entities } = extract(
      'A drone strike killed Abu Abdul Rahman al-Makki in Idlib on Friday, U.S. Central Command said. The Syrian Observatory for Human Rights said two people were killed.',
      specs,
      '2025-03-12',
    );
    const e = facts.events[0]!;
    expect(names(entities, e.perpetrators)).toEqual(['U.S. Central Command']);
    expect(names(entities, e.targets)).toContain('Abu Abdul Rahman al-Makki');
  });

  it('the agent of a participle describing the target is no attacker', () => {
    const { facts, entities } = run(
      'On Monday, jets struck a hideout used by TTP fighters in North Waziristan, killing five of them, the military said.',
    );
    const strike = facts.events.find((e) => e.type === 'air_drone_strike');
    expect(strike).toBeDefined();
    expect(names(entities, strike!.perpetrators)).not.toContain('Tehreek-i-Taliban Pakistan');
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
    ['The UN accuses the group of abuses, a charge Kigali denies.', 'Kigali', 'official'],
    [
      "The Islamic State's affiliate in Pakistan, known as the TTP, claimed responsibility in a statement.",
      'the TTP',
      'perpetrator_claim',
    ],
    [
      '"They took the mines," said a civil society leader in the area who asked not to be named.',
      'a civil society leader',
      'anonymous',
    ],
    [
      'A teacher who escaped, Sani Abdullahi, said 187 pupils were missing.',
      'A teacher who escaped, Sani Abdullahi',
      'witness',
    ],
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
    [
      'The gunmen, who arrived on motorcycles, also killed two men who tried to resist, a resident, Abubakar Sani, told the Associated Press.',
      'a resident, Abubakar Sani',
      'witness',
    ],
    [
      'The army accused the ELN of the kidnapping, a charge the group initially denied.',
      'the group',
      'perpetrator_claim',
    ],
    [
      'Hafiz Gul Bahadur, a militant commander based in North Waziristan, claimed both attacks in a message to journalists.',
      'Hafiz Gul Bahadur, a militant commander based in North Waziristan',
      'perpetrator_claim',
    ],
    [
      "The soldiers were freed on Thursday, the country's human rights ombudsman said.",
      "the country's human rights ombudsman",
      'official',
    ],
    [
      'The gunmen, who arrived on motorcycles, also killed two men, a resident told the Associated Press.',
      'the Associated Press',
      'agency',
    ],
  ])('%s → %s (%s)', (text, surface, kind) => {
    expect(kinds(text)).toContainEqual([surface, kind]);
  });
});

describe('relation frames (verb frames, appositives, rivals, places)', () => {
  const SPECS: EntitySpec[] = [
    { type: 'group', names: ['Islamic State West Africa Province', 'ISWAP'] },
    { type: 'group', names: ['Boko Haram'] },
    { type: 'group', names: ['Islamic State Khorasan Province', 'ISKP'] },
    { type: 'group', names: ['Islamic State'] },
    { type: 'group', names: ['Taliban'] },
    { type: 'group', names: ['Jaish-e-Mohammad', 'JeM'] },
    { type: 'group', names: ["People's Anti-Fascist Front", 'PAFF'] },
    { type: 'group', names: ['Hamas'] },
    { type: 'group', names: ['Qassam Brigades'] },
    { type: 'group', names: ['al-Shabab'] },
    { type: 'group', names: ['al-Qaeda'] },
    { type: 'group', names: ['Allied Democratic Forces', 'ADF'] },
    { type: 'person', names: ['Zubair Ahmad'] },
    { type: 'person', names: ['Tariq Mir'] },
    { type: 'person', names: ['Bilal Dar'] },
    { type: 'person', names: ['Rajinder Bhat'] },
    { type: 'person', names: ['Ahmad Shah'] },
    { type: 'location', names: ['Pakistan'], geo: PK },
    {
      type: 'location',
      names: ['Kunar'],
      geo: { lat: 34.8, lon: 71.1, featureClass: 'admin1', countryCode: 'AF' },
    },
    {
      type: 'location',
      names: ['Kabul'],
      geo: { lat: 34.5, lon: 69.2, featureClass: 'city', countryCode: 'AF' },
    },
    {
      type: 'location',
      names: ['Beni'],
      geo: { lat: 0.5, lon: 29.5, featureClass: 'city', countryCode: 'CD' },
    },
    {
      type: 'location',
      names: ['Jilib'],
      geo: { lat: 0.5, lon: 42.8, featureClass: 'city', countryCode: 'SO' },
    },
    {
      type: 'location',
      names: ['Borno'],
      geo: { lat: 11.5, lon: 13, featureClass: 'admin1', countryCode: 'NG' },
    },
    {
      type: 'location',
      names: ['Burkina Faso'],
      geo: { lat: 12.3, lon: -1.5, featureClass: 'country', countryCode: 'BF' },
    },
  ];
  const rels = (text: string, type: string) => {
    const { facts, entities } = extract(text, SPECS, '2025-03-12');
    return facts.relations
      .filter((r) => r.type === type)
      .map((r) => [names(entities, [r.subject])[0], names(entities, [r.object])[0], r.modality]);
  };
  const srcs = (text: string) =>
    extract(text, SPECS, '2025-03-12').facts.sources.map((s) => [s.text, s.kind]);

  it('"a front for X" → branch_of', () => {
    expect(rels('PAFF is a front for Jaish-e-Mohammad, according to police.', 'branch_of')).toContainEqual([
      "People's Anti-Fascist Front",
      'Jaish-e-Mohammad',
      'asserted',
    ]);
  });
  it('"fighting between X and Y" and "fought each other" → opposes', () => {
    expect(
      rels('Fighting between ISWAP and Boko Haram left 20 dead.', 'opposes').map((r) => r.slice(0, 2)),
    ).toContainEqual(['Islamic State West Africa Province', 'Boko Haram']);
    expect(
      rels(
        'ISWAP split from Boko Haram in 2016, and the two factions have since fought each other.',
        'opposes',
      ).length,
    ).toBe(1);
  });
  it('"Its leader, X" → X leader_of the group the sentence before is about, and speaks for it', () => {
    const text =
      'The ADF is the deadliest armed group in Beni. Its leader, Ahmad Shah, said the group would fight on.';
    expect(rels(text, 'leader_of')).toContainEqual(['Ahmad Shah', 'Allied Democratic Forces', 'asserted']);
    expect(srcs(text)).toContainEqual(['Its leader, Ahmad Shah', 'perpetrator_claim']);
    // a country's leader is no group's
    expect(
      rels(
        'Pakistan has fought the Taliban for years. Its leader, Ahmad Shah, said talks had failed.',
        'leader_of',
      ),
    ).toEqual([]);
  });
  it('a split is no branch_of', () => {
    const objects = (text: string) => rels(text, 'branch_of').map((r) => r[1]);
    expect(objects('ISWAP split from Boko Haram in 2016.')).not.toContain('Boko Haram');
    expect(objects('ISWAP, a splinter of Boko Haram, ambushed troops.')).not.toContain('Boko Haram');
  });
  it('"its arch-rival, the Taliban" and "X\'s rival Y" → opposes', () => {
    expect(rels('ISKP has vowed to destroy its arch-rival, the Taliban.', 'opposes')).toContainEqual([
      'Islamic State Khorasan Province',
      'Taliban',
      'asserted',
    ]);
    expect(
      rels("Boko Haram's rival ISWAP seized the town.", 'opposes').map((r) => r.slice(0, 2)),
    ).toContainEqual(['Boko Haram', 'Islamic State West Africa Province']);
  });
  it('"X\'s armed wing, the Y" → branch_of with the appositive as the branch', () => {
    expect(rels("Hamas's armed wing, the Qassam Brigades, fired rockets.", 'branch_of')).toContainEqual([
      'Qassam Brigades',
      'Hamas',
      'asserted',
    ]);
  });
  it('the deputy named after the role; a title alone is no relation', () => {
    expect(
      rels("The ISKP chief's deputy, identified by police as Zubair Ahmad, was arrested.", 'member_of').map(
        (r) => r.slice(0, 2),
      ),
    ).toContainEqual(['Zubair Ahmad', 'Islamic State Khorasan Province']);
    expect(rels('Deputy Inspector General Rajinder Bhat said the raid was over.', 'member_of')).toEqual([]);
  });
  it('"the Pakistan-based JeM" → located_in and operates_in; a person is not placed by it', () => {
    expect(rels('PAFF is linked to the Pakistan-based JeM.', 'located_in')).toContainEqual([
      'Jaish-e-Mohammad',
      'Pakistan',
      'asserted',
    ]);
    expect(rels('A Kabul-based journalist, Ahmad Shah, said the road was closed.', 'located_in')).toEqual([]);
  });
  it('the al-Qaeda-linked al-Shabab → supports', () => {
    expect(rels('The al-Qaeda-linked group al-Shabab claimed the attack.', 'supports')).toContainEqual([
      'al-Shabab',
      'al-Qaeda',
      'asserted',
    ]);
  });
  it('activity verbs place a group; the noun "attack" does not', () => {
    expect(rels('The ADF has continued to attack villages in Beni.', 'operates_in')).toContainEqual([
      'Allied Democratic Forces',
      'Beni',
      'asserted',
    ]);
    expect(rels('ISKP had moved fighters to Kunar, an official said.', 'operates_in')).toContainEqual([
      'Islamic State Khorasan Province',
      'Kunar',
      'asserted',
    ]);
    expect(
      rels('al-Shabab controls much of the south, including the town of Jilib.', 'operates_in'),
    ).toContainEqual(['al-Shabab', 'Jilib', 'asserted']);
    expect(rels('The Taliban condemned the attack in Kabul.', 'operates_in')).toEqual([]);
  });
  it('a place torn by an insurgency: the groups it is tied to, and the name its fighters go by', () => {
    expect(
      rels(
        'Burkina Faso has been battling a jihadist insurgency linked to al-Qaeda and the Islamic State since 2015.',
        'operates_in',
      ).map((r) => r.slice(0, 2)),
    ).toEqual([
      ['al-Qaeda', 'Burkina Faso'],
      ['Islamic State', 'Burkina Faso'],
    ]);
    expect(
      rels(
        'Borno, the state worst affected, has been ravaged since 2009 by an Islamist insurgency. Locals call the fighters Boko Haram, though the group has split.',
        'operates_in',
      ),
    ).toEqual([['Boko Haram', 'Borno', 'asserted']]);
    // The place is no subject here: what lies in it struggles with the insurgency.
    expect(
      rels('Schools in Borno are struggling with an insurgency led by ISWAP, teachers say.', 'operates_in'),
    ).toEqual([]);
  });
  it('"seized power" places no group', () => {
    expect(
      rels(
        'ISWAP attacked a base in Borno on Monday. The junta, which seized power in a coup in 2023, has expelled French troops and turned to Pakistan for help.',
        'operates_in',
      ).filter((r) => r[1] === 'Pakistan'),
    ).toEqual([]);
  });
  it('targets: the personnel of a group among the objects', () => {
    expect(
      rels(
        'ISKP, the regional affiliate of the Islamic State, has attacked Shia mosques as well as Taliban officials.',
        'targets',
      ),
    ).toContainEqual(['Islamic State Khorasan Province', 'Taliban', 'asserted']);
    expect(rels('ISKP said it had met Taliban officials in Kabul.', 'targets')).toEqual([]);
  });
  it('membership told by the police is alleged; a trailing "alleged" frame weakens', () => {
    expect(
      rels('According to police, the two men, Tariq Mir and Bilal Dar, were working for PAFF.', 'member_of'),
    ).toEqual(
      expect.arrayContaining([
        ['Tariq Mir', "People's Anti-Fascist Front", 'alleged'],
        ['Bilal Dar', "People's Anti-Fascist Front", 'alleged'],
      ]),
    );
    expect(
      rels('Zubair Ahmad was in charge of collecting taxes for ISKP, the Taliban alleged.', 'member_of'),
    ).toContainEqual(['Zubair Ahmad', 'Islamic State Khorasan Province', 'alleged']);
  });
  it('a membership role names the person in apposition, not the speaker or the captor', () => {
    expect(
      rels('Rajinder Bhat said a senior Islamic State operative was killed in Kunar.', 'member_of').map(
        (r) => r[0],
      ),
    ).not.toContain('Rajinder Bhat');
    expect(rels('The Taliban detained a senior Islamic State operative in Kunar.', 'part_of')).toEqual([]);
    expect(
      rels('The Taliban detained a senior ISKP operative it identified as Zubair Ahmad.', 'member_of').map(
        (r) => r.slice(0, 2),
      ),
    ).toContainEqual(['Zubair Ahmad', 'Islamic State Khorasan Province']);
  });
  it('a group claiming an act is perpetrator_of it, claimed; a denial is not', () => {
    const claimed = extract(
      'A bomb exploded at a market in Kabul on Monday, killing six people. ISKP claimed responsibility for the attack.',
      SPECS,
      '2025-03-12',
    ).facts;
    expect(
      claimed.relations.some(
        (r) => r.type === 'perpetrator_of' && r.modality === 'claimed' && r.object === claimed.events[0]?.id,
      ),
    ).toBe(true);
    const denied = extract(
      'A bomb exploded at a market in Kabul on Monday, killing six people. The Taliban said they were not behind the attack.',
      SPECS,
      '2025-03-12',
    ).facts;
    expect(denied.relations.some((r) => r.type === 'perpetrator_of' && r.modality === 'claimed')).toBe(false);
  });
  it('sources after a long relative clause, a medium "posted online", no dateline in the speaker', () => {
    expect(
      srcs(
        'A tribal elder in the area, who gave only his first name, Ahmad Shah, for fear of reprisals, said three houses burned.',
      ),
    ).toContainEqual(['A tribal elder in the area, who gave only his first name, Ahmad Shah', 'anonymous']);
    const video = srcs('In a video posted online, the kidnappers demanded a ransom.');
    expect(video).toContainEqual(['video posted online', 'social_media']);
    expect(video.map((s) => s[0])).not.toContain('In a video');
    expect(
      srcs('KABUL — The Taliban said their forces had killed three ISKP members.').map((s) => s[0]),
    ).toContain('The Taliban');
  });
});
