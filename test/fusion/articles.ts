/**
 * Team-written fictional news reports (real places, invented incidents, people and outlets), in
 * pairs and triples that exercise fusion: one incident in different words, two incidents a day
 * apart, disagreeing tolls, a denial, a syndicated copy, a person killed then found alive.
 */
import type { Article } from './helpers.js';

/** One suicide bombing in Peshawar, reported by three outlets in their own words. */
export const PESHAWAR = [
  {
    outlet: 'The Frontier Ledger',
    published: '2025-03-11',
    title: 'Suicide bomber kills 12 at Peshawar police checkpoint',
    text:
      'PESHAWAR: At least 12 people were killed and 30 wounded when a suicide bomber blew himself up at a police checkpoint on Ring Road in Peshawar on Monday, police said.\n\n' +
      'Four of the dead were policemen, a senior police officer told reporters. The wounded were taken to Lady Reading Hospital.\n\n' +
      'No group immediately claimed responsibility for the attack.',
  },
  {
    outlet: 'Khyber Evening Times',
    published: '2025-03-11',
    title: 'Twelve dead as attacker strikes police post',
    text:
      'PESHAWAR: A suicide attacker detonated his explosives vest at a police post in Peshawar on Monday, killing 12 people, including four policemen, and injuring 30 others, officials said.\n\n' +
      'The provincial government announced three days of mourning. Security was tightened across the city.',
  },
  {
    outlet: 'Indus Wire Service',
    published: '2025-03-11',
    title: 'Peshawar checkpoint bombing toll at 12',
    text:
      'PESHAWAR: Twelve people died on Monday when a suicide bomber struck a police checkpoint in Peshawar, the provincial home department said.\n\n' +
      'Thirty people were injured in the blast, the department said in a statement.',
  },
] as const satisfies readonly Article[];

/** A copy of the first Peshawar report, reprinted by another outlet with its own headline and credit line. */
export const PESHAWAR_COPY: Article = {
  outlet: 'Valley Post',
  published: '2025-03-11',
  title: 'Peshawar: 12 killed in suicide attack on police',
  text: `${PESHAWAR[0].text}\n\nThis report was distributed by The Frontier Ledger news service.`,
};

/** Two grenade attacks in Quetta a day apart: two incidents. */
export const QUETTA_GRENADES = [
  {
    outlet: 'Balochistan Daily Courier',
    published: '2025-04-08',
    text:
      'QUETTA: Two people were injured when a hand grenade was thrown at a mobile phone shop in Quetta on Monday evening, police said.\n\n' +
      'The attackers fled on a motorcycle. Police cordoned off the area.',
  },
  {
    outlet: 'The Frontier Ledger',
    published: '2025-04-09',
    text:
      'QUETTA: Five children were injured when a hand grenade was thrown at a private school in Quetta on Tuesday morning, police said.\n\n' +
      'The school was closed for the rest of the week.',
  },
] as const satisfies readonly Article[];

/** One bombing in Jalalabad with tolls that disagree, published the same day. */
export const JALALABAD = [
  {
    outlet: 'Kabul Morning Star',
    published: '2025-06-02',
    text:
      'JALALABAD: At least 30 people were killed when a car bomb exploded near a crowded market in Jalalabad on Sunday, provincial officials said.\n\n' +
      'Dozens of shops were destroyed in the blast.',
  },
  {
    outlet: 'Nangarhar Observer',
    published: '2025-06-02',
    text:
      'JALALABAD: A car bomb tore through a busy market in Jalalabad on Sunday, killing 45 people, hospital officials said.\n\n' +
      'Residents said the explosion was heard across the city.',
  },
] as const satisfies readonly Article[];

/** A bombing blamed on the TTP, and the TTP's denial in a next-day report. */
export const BANNU = [
  {
    outlet: 'The Frontier Ledger',
    published: '2025-07-15',
    text:
      'BANNU: Eight soldiers were killed when a roadside bomb struck a military convoy in Bannu on Monday, officials said.\n\n' +
      'Police said the Tehreek-e-Taliban Pakistan (TTP) carried out the attack.',
  },
  {
    outlet: 'Khyber Evening Times',
    published: '2025-07-16',
    text:
      "BANNU: The Tehreek-e-Taliban Pakistan (TTP) denied carrying out Monday's roadside bombing in Bannu that killed eight soldiers, in a statement posted on Telegram.\n\n" +
      'Officials said the convoy was hit by a roadside bomb in Bannu on Monday.',
  },
] as const satisfies readonly Article[];

/** A commander reported killed, then reported alive by another outlet. */
export const ZADRAN = [
  {
    outlet: 'Kabul Morning Star',
    published: '2025-01-10',
    text:
      'KHOST: Mullah Karim Zadran, a senior commander of the Haqqani network, was killed in a drone strike in Khost province on Thursday, two officials said.\n\n' +
      'The strike hit a vehicle on a road outside the provincial capital.',
  },
  {
    outlet: 'Waziristan Herald',
    published: '2025-02-02',
    text:
      'MIRAMSHAH: Mullah Karim Zadran is alive and hiding in North Waziristan, two intelligence officials said, weeks after reports of his death in a drone strike.\n\n' +
      'The commander has moved between several villages since January, the officials said.',
  },
] as const satisfies readonly Article[];
