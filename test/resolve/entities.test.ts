import { beforeAll, describe, expect, it } from 'vitest';
import { nameKey, type Entity } from '../../src/core/index.js';
import { loadActorKb, type ActorKb } from '../../src/kb/actors/index.js';
import type { NerLabel } from '../../src/nlp/index.js';
import { resolveEntities, type EntityResolution } from '../../src/resolve/entities/index.js';
import { inputOf } from './helpers.js';

let kb: ActorKb;
beforeAll(() => {
  kb = loadActorKb({ userDir: null });
});

function resolve(
  text: string,
  ner: [string, NerLabel][] = [],
  places: [string, string][] = [],
): EntityResolution {
  return resolveEntities(inputOf(text, ner, places), kb);
}
const names = (e: Entity) => new Set([e.name, ...e.aliases].map(nameKey));
const holder = (r: EntityResolution, n: string) => r.entities.find((e) => names(e).has(nameKey(n)));
const together = (r: EntityResolution, a: string, b: string) => {
  const e = holder(r, a);
  return !!e && names(e).has(nameKey(b));
};

/** [text, NER mentions, names that must be one entity]. */
const SAME: [string, [string, NerLabel][], string, string][] = [
  ['The Islamic State Khorasan Province (ISKP) claimed it.', [], 'Islamic State Khorasan Province', 'ISKP'],
  [
    'The Northern Valley Brigades (NVB) claimed it.',
    [['Northern Valley Brigades', 'ORG']],
    'Northern Valley Brigades',
    'NVB',
  ],
  ['Estado Mayor Central (EMC) fighters attacked.', [], 'Estado Mayor Central', 'EMC'],
  [
    'The Kenya Medical Association (KMA) said doctors were hurt.',
    [['Kenya Medical Association', 'ORG']],
    'Kenya Medical Association',
    'KMA',
  ],
  [
    'Tehreek-E-Taliban Pakistan (TTP), also known as Pakistan Taliban, denied it.',
    [],
    'TTP',
    'Pakistan Taliban',
  ],
  [
    'Karim Qureshi, also known as Abu Karim, was arrested.',
    [['Karim Qureshi', 'PER']],
    'Karim Qureshi',
    'Abu Karim',
  ],
  [
    'Karim Qureshi, a.k.a. Abu Karim, was arrested.',
    [['Karim Qureshi', 'PER']],
    'Karim Qureshi',
    'Abu Karim',
  ],
  ['Karim Qureshi alias Abu Karim was arrested.', [['Karim Qureshi', 'PER']], 'Karim Qureshi', 'Abu Karim'],
  [
    'Karim Qureshi, better known as Abu Karim, was arrested.',
    [['Karim Qureshi', 'PER']],
    'Karim Qureshi',
    'Abu Karim',
  ],
  [
    'Karim Qureshi, who also goes by the name of Abu Karim, fled.',
    [['Karim Qureshi', 'PER']],
    'Karim Qureshi',
    'Abu Karim',
  ],
  [
    'They honoured Leider Noscué, known by the alias Mayimbú, on Friday.',
    [['Leider Noscué', 'PER']],
    'Leider Noscué',
    'Mayimbú',
  ],
  [
    'Karim Qureshi spoke. Qureshi said he would return.',
    [
      ['Karim Qureshi', 'PER'],
      ['Qureshi', 'PER'],
    ],
    'Karim Qureshi',
    'Qureshi',
  ],
  [
    'Karim Qureshi spoke. Mr Qureshi said he would return.',
    [
      ['Karim Qureshi', 'PER'],
      ['Mr Qureshi', 'PER'],
    ],
    'Karim Qureshi',
    'Qureshi',
  ],
  [
    'Gen. Romeo Brawner spoke in Marawi. Brawner said the army was ready.',
    [
      ['Romeo Brawner', 'PER'],
      ['Brawner', 'PER'],
    ],
    'Romeo Brawner',
    'Brawner',
  ],
  [
    'President Joe Biden spoke. Biden vowed revenge.',
    [
      ['Joe Biden', 'PER'],
      ['Biden', 'PER'],
    ],
    'Joe Biden',
    'Biden',
  ],
  [
    'Ibrahim Traoré took power. Traoré later spoke.',
    [
      ['Ibrahim Traoré', 'PER'],
      ['Traoré', 'PER'],
    ],
    'Ibrahim Traoré',
    'Traoré',
  ],
  [
    'Nick Alexander escaped the hotel. Alexander said he ran.',
    [
      ['Nick Alexander', 'PER'],
      ['Alexander', 'PER'],
    ],
    'Nick Alexander',
    'Alexander',
  ],
  [
    'Mullah Omar founded the Taliban. Mullah Mohammad Omar died in 2013.',
    [],
    'Mullah Omar',
    'Mullah Mohammad Omar',
  ],
  [
    'Sanaullah Ghafari leads ISKP. The ISKP head, Ghafri, fled to Balochistan with ISKP fighters.',
    [['Sanaullah Ghafari', 'PER']],
    'Sanaullah Ghafari',
    'Ghafri',
  ],
  ['The ISI is powerful. Inter-Services Intelligence denied it.', [], 'ISI', 'Inter-Services Intelligence'],
  ['Lashkar-e-Toiba (LeT) operatives were held.', [], 'Lashkar-e-Toiba', 'LeT'],
  [
    'The Jama’at Nusrat al-Islam wal-Muslimin (JNIM) said. JNIM fighters attacked.',
    [],
    'JNIM',
    'Jama’at Nusrat al-Islam wal-Muslimin',
  ],
  [
    'al-Qaida in the Arabian Peninsula (AQAP) struck. AQAP said.',
    [],
    'AQAP',
    'al-Qaida in the Arabian Peninsula',
  ],
  ['The Houthi movement fired drones. The Houthis said.', [], 'Houthi movement', 'Houthis'],
  ['Pakistan’s military denied it. The Pakistan Army said.', [], 'Pakistan’s military', 'Pakistan Army'],
  ['The Alliance of Sahel States (AES) met.', [], 'Alliance of Sahel States', 'AES'],
  [
    'Assimi Goïta spoke. Goïta said.',
    [
      ['Assimi Goïta', 'PER'],
      ['Goïta', 'PER'],
    ],
    'Assimi Goïta',
    'Goïta',
  ],
  [
    'Tehrik-i-Taliban Pakistan and Tehreek-e-Taliban Pakistan are spellings.',
    [],
    'Tehrik-i-Taliban Pakistan',
    'Tehreek-e-Taliban Pakistan',
  ],
  [
    'The African Union Transition Mission in Somalia (ATMIS) left.',
    [],
    'African Union Transition Mission in Somalia',
    'ATMIS',
  ],
  [
    'The National Council for the Safeguard of the Homeland (CNSP) ruled.',
    [],
    'National Council for the Safeguard of the Homeland',
    'CNSP',
  ],
];

/** [text, NER mentions, names that must not be one entity]. */
const APART: [string, [string, NerLabel][], string, string][] = [
  ['The Taliban and the Tehreek-e-Taliban Pakistan clashed.', [], 'Taliban', 'Tehreek-e-Taliban Pakistan'],
  ['The Islamic State and Islamic State Khorasan Province (ISKP) differ.', [], 'Islamic State', 'ISKP'],
  [
    'Islamic State in the Greater Sahara fighters, loyal to the Islamic State, attacked.',
    [],
    'Islamic State in the Greater Sahara',
    'Islamic State',
  ],
  [
    'Hafiz Saeed and Hafiz Gul Bahadur are different men.',
    [
      ['Hafiz Saeed', 'PER'],
      ['Hafiz Gul Bahadur', 'PER'],
    ],
    'Hafiz Saeed',
    'Hafiz Gul Bahadur',
  ],
  ['Tehreek-i-Jihad Pakistan (TJP) is not Tehreek-i-Taliban Pakistan (TTP).', [], 'TJP', 'TTP'],
  ['Katiba Macina is part of JNIM, which is loyal to al-Qaeda.', [], 'Katiba Macina', 'JNIM'],
  ['JNIM pledged loyalty to al-Qaeda.', [], 'JNIM', 'al-Qaeda'],
  [
    'Auma Obama and Barack Obama spoke.',
    [
      ['Auma Obama', 'PER'],
      ['Barack Obama', 'PER'],
    ],
    'Auma Obama',
    'Barack Obama',
  ],
  [
    'Usma Yaseen Sheikh and Umar Fayaz Sheikh were held.',
    [
      ['Usma Yaseen Sheikh', 'PER'],
      ['Umar Fayaz Sheikh', 'PER'],
    ],
    'Usma Yaseen Sheikh',
    'Umar Fayaz Sheikh',
  ],
  [
    'Anthony Mualushay and Charles Omeonga spoke. Mualushay said.',
    [
      ['Anthony Mualushay', 'PER'],
      ['Charles Omeonga', 'PER'],
      ['Mualushay', 'PER'],
    ],
    'Mualushay',
    'Charles Omeonga',
  ],
  ['Abu Sayyaf Group and Dawlah Islamiyah fighters attacked.', [], 'Abu Sayyaf Group', 'Dawlah Islamiyah'],
  ['Dawlah Islamiyah pledged to the Islamic State.', [], 'Dawlah Islamiyah', 'Islamic State'],
  ['Amaq, the Islamic State news outlet, said the Islamic State did it.', [], 'Amaq', 'Islamic State'],
  ['The ADF, which pledged to Islamic State, attacked.', [], 'ADF', 'Islamic State'],
  ['Mohamed Bazoum was ousted by Abdourahamane Tiani.', [], 'Mohamed Bazoum', 'Abdourahamane Tiani'],
  [
    'Jaish-i-Fursan Muhammad is a faction of the Hafiz Gul Bahadur group.',
    [],
    'Jaish-i-Fursan Muhammad',
    'Hafiz Gul Bahadur group',
  ],
  ['AQAP fought the Houthi movement.', [], 'AQAP', 'Houthi movement'],
  ['The EMC split from FARC.', [], 'EMC', 'FARC'],
  ['ATMIS is an African Union mission.', [], 'ATMIS', 'African Union'],
  ['al-Shabab is linked to al-Qaeda.', [], 'al-Shabab', 'al-Qaeda'],
  ['Iyad Ag Ghali leads JNIM.', [], 'Iyad Ag Ghali', 'JNIM'],
  [
    'Karim Qureshi met Karim Khan.',
    [
      ['Karim Qureshi', 'PER'],
      ['Karim Khan', 'PER'],
    ],
    'Karim Qureshi',
    'Karim Khan',
  ],
  [
    'Mohammad Javed Lehri spoke at the procession for the Prophet Muhammad.',
    [
      ['Mohammad Javed Lehri', 'PER'],
      ['Prophet Muhammad', 'PER'],
    ],
    'Mohammad Javed Lehri',
    'Muhammad',
  ],
  ['Pakistan’s military and its intelligence agency, the ISI, deny it.', [], 'Pakistan’s military', 'ISI'],
  [
    'Karim Qureshi met Kareem Qadri in Kabul.',
    [
      ['Karim Qureshi', 'PER'],
      ['Kareem Qadri', 'PER'],
    ],
    'Karim Qureshi',
    'Kareem Qadri',
  ],
];

describe('sentence-level aliases: positive pairs', () => {
  it.each(SAME)('%s → "%s" = "%s"', (text, ner, a, b) =>
    expect(together(resolve(text, ner), a, b)).toBe(true),
  );
});

describe('sentence-level aliases: negative pairs', () => {
  it.each(APART)('%s → "%s" ≠ "%s"', (text, ner, a, b) =>
    expect(together(resolve(text, ner), a, b)).toBe(false),
  );
});

/** [text, NER mentions, name, expected type]. */
const TYPES: [string, [string, NerLabel][], string, string][] = [
  ['The ISI denied it.', [], 'ISI', 'organization'],
  ['Pakistan’s military denied it.', [], 'Pakistan’s military', 'organization'],
  ['The Taliban denied it.', [['Taliban', 'ORG']], 'Taliban', 'group'],
  ['Wagner mercenaries fought.', [['Wagner', 'PER']], 'Wagner', 'group'],
  ['The Malian army fought.', [], 'Malian army', 'organization'],
  [
    'The Supreme Security Committee met.',
    [['Supreme Security Committee', 'ORG']],
    'Supreme Security Committee',
    'organization',
  ],
  [
    'The Northern Valley Brigades attacked.',
    [['Northern Valley Brigades', 'ORG']],
    'Northern Valley Brigades',
    'group',
  ],
  ['The Defence Ministry said.', [['Defence Ministry', 'ORG']], 'Defence Ministry', 'organization'],
  ['Karim Qureshi spoke.', [['Karim Qureshi', 'PER']], 'Karim Qureshi', 'person'],
  ['Kabul said.', [['Kabul', 'LOC']], 'Kabul', 'location'],
  ['The ISPR said.', [['ISPR', 'ORG']], 'ISPR', 'organization'],
  ['The Houthis said.', [['Houthis', 'MISC']], 'Houthis', 'group'],
];

describe('entity types', () => {
  it.each(TYPES)('%s → "%s" is %s', (text, ner, n, type) =>
    expect(holder(resolve(text, ner), n)?.type).toBe(type),
  );
});

/** [text, NER mentions, surface that must not be an entity name or alias]. */
const NOT_ENTITIES: [string, [string, NerLabel][], string][] = [
  ['Sources said the group was active.', [['Sources', 'ORG']], 'Sources'],
  ['Dismissing it as a local issue would be wrong.', [['Dismissing', 'PER']], 'Dismissing'],
  ['Apart from that, nothing changed.', [['Apart', 'MISC']], 'Apart'],
  ['Six soldiers died.', [['Six', 'MISC']], 'Six'],
  ['Seventeen Nigerien soldiers died.', [['Seventeen Nigerien', 'MISC']], 'Seventeen Nigerien'],
  [
    'The Deputy Superintendent of Police said.',
    [['Deputy Superintendent of Police', 'ORG']],
    'Deputy Superintendent of Police',
  ],
  ['Afghan officials said.', [['Afghan', 'MISC']], 'Afghan'],
  ['He carried a Kalashnikov.', [['Kalashnikov', 'PER']], 'Kalashnikov'],
  ['During Ramazan the attack came.', [['Ramazan', 'MISC']], 'Ramazan'],
  ['US-based officials said.', [['US-based', 'MISC']], 'US-based'],
  ['That involvement was denied.', [['That involvement', 'ORG']], 'That involvement'],
  ['Officials said ISKP was behind it.', [['Officials', 'ORG']], 'Officials'],
];

describe('not entities', () => {
  it.each(NOT_ENTITIES)('%s → no "%s"', (text, ner, bad) =>
    expect(holder(resolve(text, ner), bad)).toBeUndefined(),
  );
  it('splits an NER span that swallowed a KB name ("Ghafari ISKP")', () => {
    const r = resolve('He met Sanaullah Ghafari. Then Ghafari ISKP fighters left.', [
      ['Sanaullah Ghafari', 'PER'],
      ['Ghafari ISKP', 'PER'],
    ]);
    expect(holder(r, 'Ghafari ISKP')).toBeUndefined();
    expect(together(r, 'Sanaullah Ghafari', 'Ghafari')).toBe(true);
    expect(holder(r, 'ISKP')?.type).toBe('group');
  });
  it('drops an ambiguous surname rather than guessing', () => {
    const r = resolve('Umar Fayaz Sheikh and Afnan Manzoor Sheikh were held. Sheikh denied it.', [
      ['Umar Fayaz Sheikh', 'PER'],
      ['Afnan Manzoor Sheikh', 'PER'],
      ['Sheikh', 'PER'],
    ]);
    expect(r.entities.some((e) => e.name === 'Sheikh')).toBe(false);
  });
  it('makes nothing of the dateline', () => {
    const text = 'NEW DELHI: ISKP grew.';
    const r = resolveEntities(
      { ...inputOf(text, [['NEW DELHI ISKP', 'ORG']]), datelineSpan: { start: 0, end: 9 } },
      kb,
    );
    expect(r.entities.map((e) => e.name)).toEqual(['Islamic State Khorasan Province']);
  });
});

describe('relations stated by appositives', () => {
  it('"X, the local chapter of Y" → branch_of', () => {
    const r = resolve('The Islamic State Khorasan Province (ISKP), the local chapter of ISIS, grew.');
    expect(r.relationHints).toEqual([
      expect.objectContaining({
        type: 'branch_of',
        subject: holder(r, 'ISKP')?.id,
        object: holder(r, 'ISIS')?.id,
      }),
    ]);
  });
  it('"X, Y’s high-profile leader" → leader_of', () => {
    const r = resolve('Karim Qureshi, the NVB’s high-profile leader, fled.', [
      ['Karim Qureshi', 'PER'],
      ['NVB', 'ORG'],
    ]);
    expect(r.relationHints[0]).toMatchObject({
      type: 'leader_of',
      subject: holder(r, 'Karim Qureshi')?.id,
      object: holder(r, 'NVB')?.id,
    });
  });
  it('"X, the leader of Y" → leader_of', () => {
    const r = resolve('Karim Qureshi, the leader of the Northern Valley Brigades, fled.', [
      ['Karim Qureshi', 'PER'],
      ['Northern Valley Brigades', 'ORG'],
    ]);
    expect(r.relationHints[0]).toMatchObject({ type: 'leader_of' });
  });
  it('"Y chief X" → leader_of', () => {
    const r = resolve('ISKP chief Sanaullah Ghafari fled.', [['Sanaullah Ghafari', 'PER']]);
    expect(r.relationHints[0]).toMatchObject({
      type: 'leader_of',
      subject: holder(r, 'Sanaullah Ghafari')?.id,
      object: holder(r, 'ISKP')?.id,
    });
  });
});

describe('coreference', () => {
  const refs = (r: EntityResolution, text: string, surface: string) =>
    r.mentionIndex.mentions.filter((m) => text.slice(m.start, m.end) === surface).map((m) => m.entityId);
  it('links "the terrorist group" to the one group just named', () => {
    const text = 'ISKP grew in Kunar. The terrorist group is now flourishing.';
    const r = resolve(text);
    expect(refs(r, text, 'The terrorist group')).toEqual([holder(r, 'ISKP')?.id]);
  });
  it('leaves "the group" unlinked when two groups were just named', () => {
    const text = 'ISKP fought the TTP. The group retreated.';
    expect(refs(resolve(text), text, 'The group')).toEqual([]);
  });
  it('links "he" to the one person just named', () => {
    const text = 'Karim Qureshi fled. Since then he has hidden.';
    const r = resolve(text, [['Karim Qureshi', 'PER']]);
    expect(refs(r, text, 'he')).toEqual([holder(r, 'Karim Qureshi')?.id]);
  });
  it('leaves "he" unlinked between two persons', () => {
    const text = 'Karim Qureshi met Omar Abdullah. He left.';
    expect(refs(resolve(text, [['Karim Qureshi', 'PER']]), text, 'He')).toEqual([]);
  });
  it('links "the ISKP head" to the leader the KB knows', () => {
    const text = 'Sanaullah Ghafari hid. A reward was offered for the ISKP head.';
    const r = resolve(text, [['Sanaullah Ghafari', 'PER']]);
    expect(r.mentionIndex.entityAt(text.indexOf('ISKP head'), text.indexOf('ISKP head') + 9)?.name).toBe(
      'Sanaullah Ghafari',
    );
    expect(r.mentionIndex.entityAt(text.indexOf('ISKP'), text.indexOf('ISKP') + 4)?.name).toBe(
      'Islamic State Khorasan Province',
    );
  });
});

describe('entity records', () => {
  const text = 'The Islamic State Khorasan Province (ISKP) and the Northern Valley Brigades fought in Kabul.';
  const r = () => resolve(text, [['Northern Valley Brigades', 'ORG']], [['Kabul', 'AF']]);
  it('numbers entities by first mention and anchors every mention', () => {
    const es = r().entities;
    expect(es.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    for (const e of es)
      for (const m of e.mentions) expect(text.slice(m.start, m.end).length).toBeGreaterThan(0);
    for (const e of es)
      for (const a of e.aliases) expect(e.mentions.some((m) => text.slice(m.start, m.end) === a)).toBe(true);
  });
  it('links KB names and keys unknown names stably', () => {
    const [iskp, nvb, kabul] = r().entities;
    expect(iskp).toMatchObject({ kbId: 'actor:iskp', key: 'actor:iskp', type: 'group', aliases: ['ISKP'] });
    expect(nvb?.kbId).toBeNull();
    expect(nvb?.key).toMatch(/^ent:/);
    const other = resolve('Yesterday the Northern Valley Brigades retreated.', [
      ['Northern Valley Brigades', 'ORG'],
    ]);
    expect(holder(other, 'Northern Valley Brigades')?.key).toBe(nvb?.key);
    expect(kabul).toMatchObject({ type: 'location', kbId: 'geo:Kabul' });
  });
  it('disambiguates a shared acronym by the document’s country', () => {
    const inCongo = resolve('The ADF attacked Beni.', [], [['Beni', 'CD']]);
    const inCameroon = resolve('The ADF attacked Bamenda.', [], [['Bamenda', 'CM']]);
    expect(holder(inCongo, 'ADF')?.kbId).toBe('actor:adf');
    expect(holder(inCameroon, 'ADF')?.kbId).toBe('actor:ambazonia-defence-forces');
  });
});

describe('short KB names need their own spelling', () => {
  it('does not read a month or a near-spelling as a KB actor ("May" is not "El Mayo")', () => {
    const r = resolve('In May, gunmen attacked the town. May said the attack was planned.');
    expect(r.entities.some((e) => e.kbId === 'actor:ismael-zambada')).toBe(false);
  });
  it('still links the KB spelling, with its article, at a sentence start', () => {
    const r = resolve('El Mayo was arrested in Texas.');
    expect(holder(r, 'El Mayo')?.kbId).toBe('actor:ismael-zambada');
  });
  it('still links a long name written another way ("al-Shabab")', () => {
    expect(holder(resolve('Residents blamed al-Shabab for the attack.'), 'al-Shabab')?.kbId).toBe(
      'actor:al-shabaab',
    );
  });
  it('does not link a word that only shares a name’s consonants ("Kadawa" is no "Qaeda", "Meitei" no "Maute")', () => {
    const r = resolve(
      'Bandits raided Kadawa village in Zamfara. Clashes between the Meitei and Kuki communities went on.',
    );
    expect(r.entities.some((e) => e.kbId === 'actor:al-qaeda')).toBe(false);
    expect(r.entities.some((e) => e.kbId === 'actor:maute-group')).toBe(false);
  });
  it('links one-word spellings a vowel or two apart ("Qaida", "Hezbullah")', () => {
    expect(holder(resolve('Officials blamed Qaida for the attack.'), 'Qaida')?.kbId).toBe('actor:al-qaeda');
    expect(holder(resolve('Officials blamed Hezbullah for the attack.'), 'Hezbullah')?.kbId).toBe(
      'actor:hezbollah',
    );
  });
});

/** [text, NER mentions, name, type the words around it give]. */
const CONTEXT_TYPES: [string, [string, NerLabel][], string, string][] = [
  ['He was in the convoy, according to his daughter, Jayde.', [], 'Jayde', 'person'],
  ['The group spoke on its Andalus radio station.', [['Andalus', 'PER']], 'Andalus', 'organization'],
  [
    'Deraa Aljanoob, a website that speaks for the southern forces, said so.',
    [['Deraa Aljanoob', 'PER']],
    'Deraa Aljanoob',
    'organization',
  ],
  ['Youths blocked Tom Mboya Street.', [['Tom Mboya Street', 'PER']], 'Tom Mboya Street', 'location'],
  ['A tanker was hit off Mocha on Monday.', [['Mocha', 'PER']], 'Mocha', 'location'],
  ['The Cali newspaper El País reported it.', [['Cali', 'LOC']], 'Cali', 'location'],
  ['The police chief told Dawn that two men were held.', [['Dawn', 'PER']], 'Dawn', 'organization'],
  [
    'Rahim Dawood told reporters that two men were held.',
    [['Rahim Dawood', 'PER']],
    'Rahim Dawood',
    'person',
  ],
];

describe('entity types from context', () => {
  it.each(CONTEXT_TYPES)('%s → "%s" is %s', (text, ner, n, type) => {
    const placeNames: [string, string][] = n === 'Jayde' || n === 'Cali' ? [[n, 'CO']] : [];
    expect(holder(resolve(text, ner, placeNames), n)?.type).toBe(type);
  });
});

describe('names the gazetteer or NER cut apart', () => {
  it('keeps a place name with a particle whole ("Mocímboa da Praia", not "Praia")', () => {
    const r = resolve(
      'Troops retook Mocímboa da Praia on Thursday.',
      [['Mocímboa da Praia', 'LOC']],
      [['Praia', 'CV']],
    );
    expect(holder(r, 'Mocímboa da Praia')?.type).toBe('location');
    expect(holder(r, 'Praia')).toBeUndefined();
  });
  it('names a state body by its nationality ("the Somali government"), not the country', () => {
    const r = resolve('Al-Shabaab has fought the Somali government for years.', [], [['Somali', 'SO']]);
    expect(holder(r, 'Somali government')?.type).toBe('organization');
    expect(holder(r, 'Somali')).toBeUndefined();
  });
  it('joins given names the NER split off a person', () => {
    const text = 'He named them as Irfan Rashid Peer and Faisal Ahmad Lone.';
    const r = resolve(text, [
      ['Irfan', 'MISC'],
      ['Rashid Peer', 'PER'],
      ['Ahmad Lone', 'PER'],
    ]);
    expect(holder(r, 'Irfan Rashid Peer')?.type).toBe('person');
    expect(holder(r, 'Faisal Ahmad Lone')?.type).toBe('person');
  });
  it('does not join an ordinary word or a title to a person', () => {
    const r = resolve('Yesterday Colonel Ahmad Lone spoke.', [['Ahmad Lone', 'PER']]);
    expect(holder(r, 'Ahmad Lone')).toBeDefined();
  });
  it('reads a small place that is a person’s surname as that person when no preposition places it', () => {
    const text = 'Minister Pedro Sánchez spoke. Speaking in an interview, Sánchez said troops moved.';
    const input = inputOf(text, [['Pedro Sánchez', 'PER']], [['Sánchez', 'CO']]);
    // the gazetteer's reading of the second, bare "Sánchez" only
    const places = input.places
      .filter((p) => p.start > text.indexOf('.'))
      .map((p) => ({ ...p, geo: { ...p.geo, featureClass: 'city' as const } }));
    const r = resolveEntities({ ...input, places }, kb);
    expect(together(r, 'Pedro Sánchez', 'Sánchez')).toBe(true);
  });
  it('keeps the attached article of a surname ("al-Jubouri")', () => {
    const r = resolve(
      'The SDF detained Khaled Hamad al-Jubouri. A commander said al-Jubouri collected taxes.',
      [['Khaled Hamad al-Jubouri', 'PER']],
    );
    expect(together(r, 'Khaled Hamad al-Jubouri', 'al-Jubouri')).toBe(true);
  });
  it('reads "known to his followers as" as an alias', () => {
    const r = resolve(
      'The commander, Saleh Nasser al-Awlaqi, known to his followers as Abu Hamza al-Marebi, died.',
      [
        ['Saleh Nasser al-Awlaqi', 'PER'],
        ['Abu Hamza al-Marebi', 'PER'],
      ],
    );
    expect(together(r, 'Saleh Nasser al-Awlaqi', 'Abu Hamza al-Marebi')).toBe(true);
  });
});

describe('place names read in pieces', () => {
  it('joins an Arabic article the gazetteer read alone to the name after it ("Al Safra")', () => {
    const r = resolve(
      'The bomb hit a convoy close to the village of Al Safra.',
      [['Safra', 'PER']],
      [['Al', 'IQ']],
    );
    expect(holder(r, 'Al Safra')?.type).toBe('location');
    expect(holder(r, 'Safra')).toBeUndefined();
  });
  it('joins two halves of a name around a particle ("Lanao del Sur")', () => {
    const r = resolve('Troops moved into Lanao del Sur on Friday.', [['Lanao', 'PER']], [['Sur', 'OM']]);
    expect(holder(r, 'Lanao del Sur')?.type).toBe('location');
  });
  it('types a name after "the village of" and at the far end of a route as a place', () => {
    const r = resolve(
      'Soldiers died near the village of Tongo Tongo. The unit moved between Boni and Torodi.',
      [
        ['Tongo Tongo', 'PER'],
        ['Torodi', 'ORG'],
      ],
      [['Boni', 'ML']],
    );
    expect(holder(r, 'Tongo Tongo')?.type).toBe('location');
    expect(holder(r, 'Torodi')?.type).toBe('location');
  });
  it('keeps a weekday out of a person’s name', () => {
    const r = resolve('On Saturday Mudzrimar Sawadjaan was killed.', [['Mudzrimar Sawadjaan', 'PER']]);
    expect(holder(r, 'Mudzrimar Sawadjaan')?.type).toBe('person');
    expect(holder(r, 'Saturday Mudzrimar Sawadjaan')).toBeUndefined();
  });
  it('drops a weapon model read as a name ("F-16 jets", "the Reaper drone")', () => {
    const r = resolve('Iraqi F-16 jets struck. The Reaper drone hit a car.', [
      ['F-16', 'MISC'],
      ['Reaper', 'ORG'],
    ]);
    expect(holder(r, 'F-16')).toBeUndefined();
    expect(holder(r, 'Reaper')).toBeUndefined();
  });
  it('types a numbered unit as a state body ("18th Brigade")', () => {
    const r = resolve('The army’s 18th Brigade said it had reinforced positions.', [['18th Brigade', 'ORG']]);
    expect(holder(r, '18th Brigade')?.type).toBe('organization');
  });
  it('names a company the NER missed after its kind ("the energy company Total")', () => {
    const r = resolve('A venture led by the French energy company Total was halted.');
    expect(holder(r, 'Total')?.type).toBe('organization');
  });
  it('keeps a body named after its country whole, article and all ("The United Kingdom Maritime Trade Operations")', () => {
    const text = 'The United Kingdom Maritime Trade Operations (UKMTO) centre said a ship was hit.';
    const input = inputOf(text, [
      ['United Kingdom Maritime Trade Operations', 'ORG'],
      ['UKMTO', 'ORG'],
    ]);
    const at = text.indexOf('The United Kingdom');
    const place = {
      start: at,
      end: at + 'The United Kingdom'.length,
      surface: 'The United Kingdom',
      name: 'United Kingdom',
      geo: {
        lat: 54,
        lon: -2,
        countryCode: 'GB',
        admin1: null,
        admin2: null,
        featureClass: 'country' as const,
        geonamesId: null,
      },
      kbId: 'geo:gb',
      confidence: 0.9,
    };
    const r = resolveEntities({ ...input, places: [place] }, kb);
    expect(together(r, 'United Kingdom Maritime Trade Operations', 'UKMTO')).toBe(true);
  });
  it('gives a KB actor the short name written inside a longer mention ("Amaq" news agency)', () => {
    const r = resolve('The claim was carried by the Amaq news agency.');
    expect(holder(r, 'Amaq')?.kbId).toBe('actor:amaq');
  });
});

describe('time zones', () => {
  it('are no entity after a clock time ("1 a.m. (2200 GMT)")', () => {
    const r = resolve(
      'Syria said the missiles were fired at around 1 a.m. (2200 GMT) from the Golan Heights.',
      [['GMT', 'MISC']],
    );
    expect(r.entities.some((e) => e.name === 'GMT')).toBe(false);
  });
});
