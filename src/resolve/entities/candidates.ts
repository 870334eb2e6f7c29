/**
 * Collects candidate mentions from the gazetteer's places, the actor dictionary and the NER, and
 * settles overlaps: the longest span wins; a KB match inside a longer NER span splits it ("Ghafari
 * ISKP" → "Ghafari" + "ISKP"); inside the dateline only its place survives.
 */
import { overlaps, type Span } from '../../core/index.js';
import { matchActorNames, type ActorKb, type ActorMatch } from '../../kb/actors/index.js';
import { contentWords, editDistance } from '../../kb/names/index.js';
import type { NerMention } from '../../nlp/index.js';
import { atSentenceStart } from './filters.js';
import { CALENDAR_WORDS, DEMONYMS, isEnglishWord } from './lexicon.js';
import type { Candidate, EntityResolutionInput } from './types.js';
import { unitNames } from './units.js';
import { documentWords } from './words.js';

function candidate(text: string, start: number, end: number, rest: Partial<Candidate>): Candidate {
  return {
    start,
    end,
    surface: text.slice(start, end),
    kind: 'ner',
    label: null,
    entries: [],
    place: null,
    confidence: 0.8,
    cluster: -1,
    ...rest,
  };
}

/** Trims spaces and punctuation (but not a closing period of an initial or "Jr.") from both ends of a span. */
export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && /[\s"“”‘’'(),:;\-–—.]/.test(text.charAt(start))) start++;
  while (end > start && /[\s"“”‘’'(),:;\-–—]/.test(text.charAt(end - 1))) end--;
  if (end > start && text.charAt(end - 1) === '.' && !/\b(?:Jr|Sr|[A-Z])\.$/.test(text.slice(start, end)))
    end--;
  return { start, end };
}

/** The pieces of `span` not covered by `taken`, trimmed. */
function remainders(text: string, span: Span, taken: readonly Span[]): Span[] {
  const inside = taken.filter((t) => overlaps(t, span)).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  let at = span.start;
  for (const t of inside) {
    if (t.start > at) out.push(trimSpan(text, at, t.start));
    at = Math.max(at, t.end);
  }
  if (at < span.end) out.push(trimSpan(text, at, span.end));
  return out.filter((s) => s.end > s.start && /\p{Lu}/u.test(text.charAt(s.start)));
}

function outsideDateline(s: Span, dateline: Span | null): boolean {
  return !dateline || !overlaps(s, dateline);
}

const unaccented = (s: string): string => s.normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * A KB match on one short or ordinary word must be the KB's own spelling, capitals included: the
 * transliteration-aware key that lets "al-Qaida" hit "al-Qaeda" also lets "May" hit "(El) Mayo".
 * A month or weekday never names an actor, and an ordinary word opening a sentence is too weak.
 */
function firmMatch(text: string, sentences: EntityResolutionInput['sentences'], m: ActorMatch): boolean {
  if (m.acronym) return true;
  const words = contentWords(m.surface);
  if (words.length !== 1) return true;
  const word = unaccented((words[0] as { raw: string }).raw).replace(/['’]s$/, '');
  const lower = word.toLowerCase();
  if (CALENDAR_WORDS.has(lower)) return false;
  const common = isEnglishWord(lower);
  if (word.length > 5 && !common) return nearSpelling(lower, m.entries);
  // An attached article ("El Mayo", "al-Shabaab") marks a name even at the start of a sentence.
  const bare = contentWords(m.surface)[0]?.start === 0;
  if (common && bare && atSentenceStart(text, sentences, m.start)) return false;
  const forms = m.entries.flatMap((e) => [e.name, ...e.aliases]);
  return forms.some((f) => {
    const fw = contentWords(f);
    return fw.length === 1 && unaccented((fw[0] as { raw: string }).raw) === word;
  });
}

/**
 * A longer one-word match must still be spelled close to one of the KB's one-word forms: a key
 * of two consonants ("k*d*", "m*t*") that lets "Qaida" hit "Qaeda" also lets "Kadawa" (a village)
 * hit it, and "Meitei" (a people) hit "Maute". Transliterations differ in a vowel or two
 * ("Hizbullah" / "Hezbollah"), so a quarter of the word may differ, and at least one letter.
 */
const APOSTROPHES = /['’ʼ‘`]/g;

function nearSpelling(lower: string, entries: ActorMatch['entries']): boolean {
  const limit = Math.max(1, Math.floor(lower.length / 4));
  return entries.some((e) =>
    [e.name, ...e.aliases].some((f) => {
      const fw = contentWords(f);
      if (fw.length !== 1) return false;
      const form = unaccented((fw[0] as { raw: string }).raw).toLowerCase();
      return editDistance(form.replace(APOSTROPHES, ''), lower.replace(APOSTROPHES, '')) <= limit;
    }),
  );
}

/** Places and KB matches, longest first, without overlaps. */
function dictionaryCandidates(input: EntityResolutionInput, kb: ActorKb): Candidate[] {
  const { text } = input;
  const all = [
    ...input.places.map((p) =>
      candidate(text, p.start, p.end, { kind: 'place', label: 'LOC', place: p, confidence: p.confidence }),
    ),
    ...matchActorNames(kb, text, documentWords(text))
      .filter((m) => firmMatch(text, input.sentences, m))
      .map((m) => candidate(text, m.start, m.end, { kind: 'kb', entries: m.entries, confidence: 0.95 })),
    // The geoparser's only place in the dateline is the dateline's own place: it stays, as the
    // article's location when the body does not name it again; names of actors there do not.
  ].filter((c) => c.kind === 'place' || outsideDateline(c, input.datelineSpan));
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || (a.kind === 'kb' ? -1 : 1));
  const kept: Candidate[] = [];
  for (const c of all) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept;
}

/** NER mentions that add something: outside the dictionary's spans, or the leftovers of a span that swallowed one. */
function nerCandidates(input: EntityResolutionInput, taken: readonly Span[]): Candidate[] {
  const { text } = input;
  const out: Candidate[] = [];
  for (const m of input.nerMentions) {
    const pieces = dropDateline(text, m, input.datelineSpan);
    for (const p of pieces) {
      const hit = taken.filter((t) => overlaps(t, p));
      if (hit.length === 0)
        out.push(candidate(text, p.start, p.end, { label: m.label, confidence: m.score }));
      else if (hit.every((t) => t.start >= p.start && t.end <= p.end)) {
        for (const r of remainders(text, p, hit))
          out.push(candidate(text, r.start, r.end, { label: m.label, confidence: m.score * 0.8 }));
      }
    }
  }
  return out;
}

function dropDateline(text: string, m: NerMention, dateline: Span | null): Span[] {
  const s = trimSpan(text, m.start, m.end);
  if (s.end <= s.start) return [];
  if (!dateline || !overlaps(s, dateline)) return [s];
  return remainders(text, s, [dateline]);
}

/**
 * Nouns that end the name of an institution named after its place ("Borno State Police Command").
 * Facilities ("Garissa University", "Kabul Hospital") are left out: the place in their name is
 * where things happen to them, which events need.
 */
const INSTITUTION_END =
  /^(?:\s+\p{Lu}[\p{L}'’-]*)*\s+(?:Police|Command|Council|Assembly|Ministry|Department|Directorate|Commission|Government|Administration|Authority|Operations|Agency|Service|Bureau|Office|Corps|Centre|Center|Association|Union|Society|Federation|Foundation)$/u;

/** A place opening an organisation's NER span, the rest capitalised words ending in an institution noun. */
function isInstitutionOfPlace(text: string, s: Span, place: Candidate): boolean {
  return (
    place.kind === 'place' &&
    // the gazetteer may hold the country's name with its article ("The United Kingdom")
    (place.start === s.start ||
      (place.start < s.start && /^the\s+$/i.test(text.slice(place.start, s.start)))) &&
    place.end < s.end &&
    INSTITUTION_END.test(text.slice(place.end, s.end))
  );
}

/**
 * KB matches that are only the middle of a longer organisation name ("Jabhat al-Murabitin
 * al-Jadida" around "al-Murabitin"): the longer name is another group, not the KB entry, so the
 * NER span stands whole. A KB name at either end ("Ghafari ISKP") is left to the usual split.
 * So does a place opening an institution's name ("Borno State Police Command").
 */
function engulfed(input: EntityResolutionInput, dict: readonly Candidate[]): Set<Candidate> {
  const out = new Set<Candidate>();
  for (const m of input.nerMentions) {
    if (m.label === 'LOC') {
      for (const d of particleJoined(input.text, trimSpan(input.text, m.start, m.end), dict)) out.add(d);
      continue;
    }
    if (m.label !== 'ORG' && m.label !== 'MISC') continue;
    const s = trimSpan(input.text, m.start, m.end);
    const inside = dict.filter((d) => overlaps(d, s));
    const only = inside.length === 1 ? (inside[0] as Candidate) : null;
    if (only && m.label === 'ORG' && isInstitutionOfPlace(input.text, s, only)) {
      out.add(only);
      continue;
    }
    if (!only || only.kind !== 'kb' || !(only.start > s.start && only.end < s.end)) continue;
    const left = input.text.slice(s.start, only.start);
    const right = input.text.slice(only.end, s.end);
    // Joined by spaces or hyphens only: a comma, "and" or a bracket would make it a list or an apposition.
    if (/[,;()]|\band\b/.test(left + right) || !/\p{Lu}/u.test(left)) continue;
    out.add(only);
  }
  return out;
}

/** Lower-case particles inside Romance and Arabic place names ("Mocímboa da Praia", "Ciudad del Este"). */
const NAME_PARTICLE = /^(?:da|de|do|dos|das|del|della|di|du|des|la|le|el|al|y|e)$/;

/**
 * Places the gazetteer found inside a longer place name the NER read whole, whose words are joined
 * by a lower-case particle ("Praia" in "Mocímboa da Praia"): the short name is another place, so
 * the NER span stands.
 */
function particleJoined(text: string, s: Span, dict: readonly Candidate[]): Candidate[] {
  const inside = dict.filter((d) => overlaps(d, s));
  if (!inside.length || inside.some((d) => d.kind !== 'place' || d.start < s.start || d.end > s.end))
    return [];
  if (inside.some((d) => d.start === s.start && d.end === s.end)) return [];
  const words = text.slice(s.start, s.end).split(/\s+/);
  if (words.length < 3 || !words.slice(1, -1).some((w) => NAME_PARTICLE.test(w))) return [];
  if (!/^\p{Lu}/u.test(words[0] as string) || !/^\p{Lu}/u.test(words[words.length - 1] as string)) return [];
  return inside;
}

/** A nationality adjective and a state body: "Somali government", "Afghan security forces". */
const STATE_BODY =
  /(?<![\p{L}\p{N}-])(\p{Lu}[\p{L}]+)\s+(?:government|army|military|armed forces|security forces|navy|air force|police|coast ?guard|intelligence services?)\b/gu;

/**
 * A country's adjective before a state body is that body's name, not a mention of the country:
 * "fought the Somali government" names an adversary. The KB's own names ("Malian army") were
 * matched first and stand; this covers the bodies it does not list. Returns the new candidates
 * and the place candidates they replace.
 */
function stateBodies(text: string, dict: readonly Candidate[]): [Candidate[], Set<Candidate>] {
  const out: Candidate[] = [];
  const replaced = new Set<Candidate>();
  STATE_BODY.lastIndex = 0;
  for (let m = STATE_BODY.exec(text); m; m = STATE_BODY.exec(text)) {
    if (!DEMONYMS.has((m[1] as string).toLowerCase())) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    const hit = dict.filter((d) => overlaps(d, span));
    if (hit.some((d) => d.kind !== 'place')) continue;
    for (const d of hit) replaced.add(d);
    out.push(candidate(text, span.start, span.end, { kind: 'pattern', label: 'ORG', confidence: 0.8 }));
  }
  return [out, replaced];
}

/** An Arabic article standing alone as a place ("Al" of "Al Safra"): the gazetteer's reading of half a name. */
const LONE_ARTICLE = /^(?:Al|El|Ad|Ar|As|An|Ash|Az|Ath)$/;

/**
 * One place name read as two candidates: "Al" + "Safra" (an article the gazetteer took for a
 * place), "Lanao" + "del" + "Sur" (a particle between a name the NER read and a place). The
 * parts become one location name; the gazetteer's reading of either half is dropped.
 */
function joinPlaceParts(text: string, cands: readonly Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as Candidate;
    const b = sorted[i + 1];
    const gap = b ? text.slice(a.end, b.start) : '';
    const placeLike = (c: Candidate) => !!c.place || c.label === 'LOC';
    const free = (c: Candidate) => c.kind !== 'kb' && c.kind !== 'pattern' && c.entries.length === 0;
    const article = !!b && a.kind === 'place' && LONE_ARTICLE.test(a.surface) && gap === ' ' && free(b);
    const particle =
      !!b &&
      free(a) &&
      free(b) &&
      /^ (?:del|de|da|do|dos|das|di|du|des|la) $/.test(gap) &&
      (placeLike(a) || placeLike(b)) &&
      ![a, b].some((c) => c.label === 'PER' && c.surface.split(/\s+/).length > 1);
    if (b && (article || particle)) {
      out.push(
        candidate(text, a.start, b.end, { label: 'LOC', confidence: Math.min(a.confidence, b.confidence) }),
      );
      i++;
    } else out.push(a);
  }
  return out;
}

/** A company named after what it is: "the French energy company Total", "shipping firm Maersk". */
const COMPANY_NAME =
  /\b(?:company|firm|corporation|conglomerate|giant|contractor|insurer|airline)\s+(\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,2})/gu;

/** Company names the NER missed after their kind noun, where no other candidate stands. */
function companyNames(text: string, taken: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  COMPANY_NAME.lastIndex = 0;
  for (let m = COMPANY_NAME.exec(text); m; m = COMPANY_NAME.exec(text)) {
    const name = m[1] as string;
    const start = m.index + m[0].length - name.length;
    const span = trimSpan(text, start, start + name.length);
    if (span.end <= span.start || taken.some((t) => overlaps(t, span))) continue;
    out.push(candidate(text, span.start, span.end, { kind: 'pattern', label: 'ORG', confidence: 0.7 }));
  }
  return out;
}

/** Every candidate mention, in text order, non-overlapping among themselves. */
export function collectCandidates(input: EntityResolutionInput, kb: ActorKb): Candidate[] {
  const found = dictionaryCandidates(input, kb);
  const inner = engulfed(input, found);
  const [bodies, replaced] = stateBodies(input.text, found);
  const dict = [...found.filter((d) => !inner.has(d) && !replaced.has(d)), ...bodies];
  const ner = nerCandidates(input, dict);
  // A numbered unit is one name even where the NER kept only its words ("Rashtriya Rifles").
  const units = unitNames(input.text)
    .filter((u) => outsideDateline(u, input.datelineSpan) && !dict.some((d) => overlaps(d, u)))
    .map((u) => candidate(input.text, u.start, u.end, { kind: 'pattern', label: 'ORG', confidence: 0.8 }));
  const kept = [...dict, ...units];
  for (const c of ner.sort((a, b) => b.end - b.start - (a.end - a.start)))
    if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  kept.push(...companyNames(input.text, kept));
  return joinPlaceParts(input.text, kept);
}
