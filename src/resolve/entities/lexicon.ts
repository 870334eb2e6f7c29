/** Small word lists the resolver needs: demonyms, number words, determiners, designators, coreference heads. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let english: Set<string> | null = null;

/** True when the lower-cased word is an ordinary English word (an-array-of-english-words, MIT). */
export function isEnglishWord(word: string): boolean {
  english ??= new Set(require('an-array-of-english-words') as string[]);
  return english.has(word.toLowerCase());
}

export const NUMBER_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred thousand dozens dozen several many some few'.split(
    ' ',
  ),
);

export const DETERMINERS = new Set(
  'the a an this that these those its his her their our your my some any every each another'.split(' '),
);

/** Nationality and religion adjectives/nouns: named groups of people, not actors. */
export const DEMONYMS = new Set(
  `afghan afghans pakistani pakistanis indian indians iranian iranians iraqi iraqis syrian syrians yemeni yemenis saudi saudis
  israeli israelis palestinian palestinians lebanese egyptian egyptians libyan libyans malian malians nigerien nigeriens nigerian nigerians
  burkinabe burkinabè chadian chadians somali somalis kenyan kenyans ethiopian ethiopians sudanese ugandan ugandans congolese rwandan rwandans
  mozambican mozambicans american americans british french german germans russian russians ukrainian ukrainians chinese turkish turks kurdish kurds
  baloch baluch pashtun pashtuns punjabi sindhi kashmiri kashmiris tajik uzbek hazara hazaras arab arabs african africans european europeans
  asian western colombian colombians mexican mexicans venezuelan filipino filipinos muslim muslims christian christians hindu hindus sikh sikhs
  shia shiite shiites sunni sunnis jewish jews islamic islamist islamists jihadist jihadists catholic catholics
  spanish portuguese arabic english swahili hausa urdu pashto dari persian farsi hindi bengali amharic tigrinya`.split(
    /\s+/,
  ),
);

/** Words after an actor name that name its kind, not the actor ("Maute group", "Gul Bahadur faction"). */
export const DESIGNATORS = new Set(
  'group faction network militia outfit organisation organization movement brigade cell'.split(' '),
);

/** Heads of nominal mentions that can refer back to a group ("the terrorist group", "the outfit"). */
export const GROUP_NOUNS = new Set(
  'group outfit organisation organization movement network faction militia'.split(' '),
);

/** Titles of a group's head ("the ISKP head", "Hamas chief"). */
export const LEADER_NOUNS = new Set('leader head chief emir amir commander founder boss supremo'.split(' '));

/** Parts of a larger group ("the local chapter of ISIS"). */
export const BRANCH_NOUNS = new Set(
  'chapter branch affiliate wing arm offshoot franchise province faction subsidiary'.split(' '),
);

export const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself']);
export const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself']);

/** Festivals, months and days: capitalised, often tagged by NER, never actors. */
export const CALENDAR_WORDS = new Set(
  `ramazan ramadan ramzan eid muharram ashura christmas easter diwali holi navruz nowruz monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december`.split(/\s+/),
);

/** Suffixes that make a name an adjective ("US-based", "Taliban-led"): not a mention of its own. */
export const ADJECTIVE_SUFFIX =
  /[-‐‑](?:based|led|backed|linked|born|made|run|held|controlled|affiliated|aligned|allied|inspired|style|era)$/i;
