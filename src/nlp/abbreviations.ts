/**
 * Abbreviations whose final period belongs to the word, not the sentence. Keys are lower-case
 * without the period. Kept as data so the tokenizer and the sentence splitter agree on them.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Titles and honorifics: always followed by a name, so never the end of a sentence. */
export const TITLE_ABBREVIATIONS = words(`
  mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr brig gov sen rep rev fr st hon pres
  supt insp amb messrs mt ft vol dept fig`);

/** Other abbreviations: they end a sentence only when a clear sentence opener follows. */
export const OTHER_ABBREVIATIONS = words(`
  jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
  inc ltd co corp bros plc llc vs etc approx est govt intl ave blvd rd cf al ca viz sr jr
  ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
  okla ore pa tenn tex va vt wash wis wyo`);

/** True when `word` (without its period) is a known abbreviation. */
export function isAbbreviation(word: string): boolean {
  const key = word.toLowerCase();
  return TITLE_ABBREVIATIONS.has(key) || OTHER_ABBREVIATIONS.has(key);
}

/** Words that, capitalised after an ambiguous abbreviation ("U.S."), show a new sentence has begun. */
export const SENTENCE_OPENERS = words(`
  the a an he she it they we i you this that these those but and or so yet in on at for if when while
  after before there his her their its our my however meanwhile also officials police sources some
  many most no one two three as since although`);
