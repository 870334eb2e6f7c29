/**
 * Source attribution: who says each statement. Finds reporting verbs and frames ("X said",
 * "X told Reuters", "according to X", "as per X", "sources said", "inputs gathered by X show",
 * "responsibility was claimed by X"), takes the source's noun phrase with its appositives, and
 * classifies it (outlet, official, anonymous, agency, social_media, perpetrator_claim, witness).
 * Mentions of one person or body are merged into one source.
 */
import type { Entity, Modality, Span, SourceKind } from '../core/index.js';
import { possessorGroup, resolveGroup } from './anaphora.js';
import { mentionsIn, type DocContext, type Mention } from './context.js';
import {
  AGENCY_CUES,
  ALLEGING_VERBS,
  DENYING_VERBS,
  OFFICIAL_CUES,
  OUTLET_CUES,
  REPORTING_VERBS,
  SOCIAL_CUES,
  UNCERTAIN_VERBS,
  WITNESS_CUES,
} from './lexicon/cues.js';

/** One attributed statement: its source phrase, the verb and the modality the frame gives. */
export interface Attribution {
  readonly sentence: number;
  /** The source's phrase as written. */
  readonly span: Span;
  /** The phrase plus its appositives and relative clauses, for classification. */
  readonly context: string;
  readonly verb: Span;
  readonly verbText: string;
  readonly kind: SourceKind;
  /** The actor entity inside the source phrase, if any. */
  readonly entity: Entity | null;
  readonly frame: Modality;
  /** True for a party claiming its own act. */
  readonly selfClaim: boolean;
  /** True when the phrase is the medium of a statement ("a message posted on Telegram"), not its speaker. */
  readonly medium?: boolean;
}

/** A source phrase that ends in a reporting verb is a clause, not a source. */
const ENDS_IN_VERB_RE = new RegExp(`\\b(?:${REPORTING_VERBS})$`, 'i');
const VERB_RE = new RegExp(
  `\\b(?:${REPORTING_VERBS}|attribute|attributes|spoke of|put the toll at)\\b`,
  'gi',
);
const FRAME_RE =
  /\b(?:according to|as per|citing|quoting|in the words of|(?:carried|published|released|issued|posted|broadcast|shared|provided|relayed) (?:by|through|via)|through its|via its|via)\s+/gi;
/** "in a statement on Telegram", "a post on X", "a video released on its channel": the medium is a source. */
const MEDIUM_RE =
  /\b((?:statement|message|post|posting|video|audio(?: message)?|clip|communiqu[eé])s? (?:(?:posted |released |published |issued |carried |shared )?(?:on|via|through) (?:its |their |the |an? )?(?:[A-Z][\w'’-]*|social media|messaging app|website|channels?)(?: [A-Z][\w'’-]*| (?:news agency|channel|channels|account|accounts|radio(?: station)?|app|media))*|(?:posted|released|published|shared|uploaded|circulated|circulating) online))/g;
const CLAIMED_BY_RE = /\b(?:responsibility (?:was|has been|had been) claimed by|claimed by)\s+/gi;
const SHOW_SUBJECT =
  /^(?:inputs?|reports?|data|documents?|intelligence|records?|figures|evidence|findings|information|videos?|footage|images?|photos?|photographs?|pictures?|clips?|satellite)\b/i;
const AUX =
  /(?:\s+|^)(?:have|has|had|also|later|then|first|subsequently|further|separately|again|earlier|previously|initially|repeatedly|quickly|swiftly|both|all|reportedly|would|will|could|did|do|does|not|never)\s*$/i;
const CUT_WORDS =
  /\b(?:that|when|because|while|whereas|but|if|after|before|although|though|since|where|so|and then|as)\s+/gi;
const PARTICIPLE_CUT =
  /\s+(?:dealing|working|speaking|familiar|involved|monitoring|tracking|investigating|briefed|quoted|cited)\b.*$/i;
/** "…," said Gul Rahman, a shopkeeper …: the speaker after the verb. */
const INVERTED =
  /^\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]+|(?:the|a|an)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:spokes(?:man|woman|person)|official|minister|commander|witness|resident|police|army|military|ministry|leader|activist|elder|chief|doctor|medic|nurse|teacher|source|officer|worker|survivor|villager|farmer|trader|analyst|researcher|priest|pastor|imam|cleric|journalist|representative|member|administrator|governor|mayor|councillor|lawmaker|diplomat|relative|organi[sz]er|supporter|protester|demonstrator|student|lawyer|driver|shopkeeper))/u;
/** A modifier after an inverted common-noun speaker ("a leader in the area who asked …"). */
const INVERTED_MODIFIER = /^\s+(?:in|from|at|of|with|who|whose|close to|familiar with)\b/i;
/** After an inverted speaker's name: a comma, the sentence's end or its close. */
const INVERTED_END = /^\s*(?:[,.;]|$)/;
const PRONOUN = /^(?:he|she|it|they|we|i|this|that|which|who)$/i;
const NOT_SOURCE_HEAD =
  /^(?:the )?(?:said|attack|attacks|bombing|blast|explosion|video|footage|clip|evidence|toll|death toll|number|it|there|which|who|what|this|that|these|those)$/i;
const RELATIVE_START =
  /^\s*(?:who|whom|whose|which|where|known as|also known as|a |an |the |one of|an? \w+ |himself|herself|themselves|but |and |speaking)/i;
/** A restrictive relative clause right before the verb: "officials and agencies who have already announced". */
const WHO_BEFORE_VERB = /\s+(?:who|that|which)\s+(?:[\w'’-]+\s+){0,3}$/i;
/** Words before "claims"/"reports"/"says" that make it a noun ("despite claims", "amid reports"). */
const NOUN_BEFORE =
  /\b(?:despite|amid|amidst|after|following|of|about|over|with|denied|rejected|dismissed|these|those|such|their|its|his|her|our|unconfirmed|conflicting|initial|earlier|media|news|press|local)\s+$/i;
/** A medium right before a verb makes the verb a participle ("a video posted online"). */
const MEDIUM_NOUN_BEFORE =
  /\b(?:video|statement|message|post|clip|photo|image|footage|audio|letter|recording|communiqu[eé])s?\s+$/i;
/** A relative clause that names the speaker: "who gave his name as Dilsher Amed", "who gave only his first name, Abdullah". */
const NAME_GIVEN =
  /\bwho (?:gave|identified|named|introduced) (?:only )?(?:his|her|their|himself|herself|themselves)(?: (?:first |full |last )?names?)?(?: as|,)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}/u;
/** An appositive giving the subject's name, up to the reporting verb: ", known as ISKP,". */
const KNOWN_AS_TAIL =
  /,\s*(?:also\s+)?(?:known|referred to|called)\s+(?:locally\s+)?as\s+((?:the\s+)?\p{Lu}[^,.;:"“”]{1,80}?),\s*$/u;
/** A relative clause about a person that runs up to the reporting verb, with commas inside. */
const RELATIVE_TAIL = /,\s*(?:who|whose|whom)\s[^.;:"“”]{0,160},\s*$/i;
/** Two to four capitalised words and nothing else: a person's name. */
const PROPER_NAME = /^\s*\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){1,3}\s*$/u;
/** A part after a comma that opens with a past-tense verb: the sentence's own verb, not more of a clause. */
const MAIN_VERB_PART =
  /^\s*(?:also\s+|then\s+|later\s+)?(?:[a-z]+ed|shot|took|fled|stole|set|hit|struck|fought|threw|blew|tore|drove|broke|beat|sent|held|led|went|came|left|made|burnt|began)\s+(?!by\b)\w/;

/**
 * "The gunmen, who arrived on motorbikes, also killed two men, a resident, Abubakar Sani, told":
 * the relative clause closed at its comma and the sentence went on; the speaker comes after it.
 */
function resumesMainClause(tail: string): boolean {
  return tail
    .split(',')
    .slice(2)
    .some((part) => MAIN_VERB_PART.test(part));
}
const NP_STOP = new Set(
  'of to by for from with at on in that have has had is are was were missed the attention'.split(' '),
);

/** Modality that a reporting verb gives to its content. */
function frameOf(verb: string, selfClaim: boolean): Modality {
  const v = verb.toLowerCase();
  if (ALLEGING_VERBS.test(v)) return 'alleged';
  if (DENYING_VERBS.test(v)) return 'denied';
  if (UNCERTAIN_VERBS.test(v)) return 'uncertain';
  if (/^claim/.test(v)) return selfClaim ? 'claimed' : 'alleged';
  return selfClaim ? 'claimed' : 'asserted';
}

const RELATIVE_ABOUT = /,\s*(?:which|who)\b[^,]*/gi;

/** The kind of a source from its phrase, appositives and the entity it names. */
export function classifySource(context: string, entity: Entity | null, selfClaim: boolean): SourceKind {
  if (SOCIAL_CUES.test(context) && /social media|telegram|twitter|facebook|accounts?\b|post/i.test(context))
    return 'social_media';
  if (
    /\b(?:anonymity|not (?:be )?named|not authori[sz]ed|asked not to|unnamed|on condition|declined to be|only (?:his|her|their) first names?|for fear of (?:reprisals?|retribution|retaliation))\b/i.test(
      context,
    )
  )
    return 'anonymous';
  if (selfClaim || entity?.type === 'group' || ARMED_SIDE_ROLE.test(context)) return 'perpetrator_claim';
  // a relative clause about the body ("which relies on a network of sources") does not make it anonymous
  const head = context.replace(RELATIVE_ABOUT, '');
  if (/\bsources?\b/i.test(head) && !/news agency/i.test(head))
    return AGENCY_CUES.test(context) && /agenc/i.test(context) ? 'agency' : 'anonymous';
  if (AGENCY_CUES.test(context)) return 'agency';
  if (
    /\b(?:rights|watch|amnesty|observatory|monitor|monitoring group|ngo|red cross|red crescent|m[ée]decins|doctors without borders|association|foundation|institute|think tank|analysts?|researchers?|experts?)\b/i.test(
      context,
    ) &&
    !/\b(?:minister|ministry|police|army|military|government|ombuds\w+|spokes\w+ for the (?:army|police|government))\b/i.test(
      context,
    )
  )
    return 'unknown';
  const official =
    OFFICIAL_CUES.test(context) ||
    /\b(?:centre|center|authority|commission|coast ?guard|operations)\b/i.test(context);
  if (
    OUTLET_CUES.test(context) &&
    !/\b(?:military|army|ministry|government|police|public relations|spokes\w+|minister|president|gazette|security|cell|command)\b/i.test(
      context,
    )
  )
    return 'outlet';
  if (WITNESS_CUES.test(context) && !official) return 'witness';
  if (official || entity?.type === 'organization') return 'official';
  if (WITNESS_CUES.test(context)) return 'witness';
  return 'unknown';
}

/** A statement noun before the real subject of a reduced relative clause ("a charge Kigali denies"). */
const REDUCED_RELATIVE_HEAD =
  /^(?:a|an|the)\s+(?:[a-z]+\s+)?(?:charge|claim|accusation|allegation|report|account|version|assertion|figure|toll|number)s?\s+(?=(?:the\s+)?\p{Lu}|the\s+[a-z]+$)/u;

/** Start of the subject phrase that ends at `end` within the sentence, walking back over appositives. */
function subjectBounds(
  text: string,
  sentStart: number,
  end: number,
): { start: number; head: number; ctxStart: number } | null {
  let e = end;
  for (
    let m = AUX.exec(text.slice(sentStart, e));
    m && m[0].length > 0;
    m = AUX.exec(text.slice(sentStart, e))
  )
    e -= m[0].length;
  const before = text.slice(sentStart, e);
  // "The Islamic State group's affiliate in Afghanistan, known as the Islamic State in Khorasan
  // Province, claimed": the speaker is the name the appositive gives; the head before it is context.
  const knownAs = KNOWN_AS_TAIL.exec(before);
  if (knownAs?.[1]) {
    const head = subjectBounds(text, sentStart, sentStart + knownAs.index);
    const nameStart = sentStart + knownAs.index + knownAs[0].indexOf(knownAs[1]);
    if (head) return { start: nameStart, head: nameStart + knownAs[1].length, ctxStart: head.ctxStart };
  }
  // "A tribal elder, who gave only his first name, Abdullah, for fear of reprisals, said": the
  // speaker is the head before the relative clause, however many commas the clause holds
  const rel = RELATIVE_TAIL.exec(before);
  if (rel && !resumesMainClause(rel[0])) {
    const head = subjectBounds(text, sentStart, sentStart + rel.index);
    // "…, who gave his name as Dilsher Amed, said": the name the clause gives belongs to the source
    const named = NAME_GIVEN.exec(rel[0]);
    const headEnd = named ? sentStart + rel.index + named.index + named[0].length : null;
    if (head)
      return {
        ...head,
        head: headEnd ?? head.head,
        ctxStart: Math.min(head.ctxStart, sentStart + rel.index),
      };
  }
  let segEnd = before.length;
  let ctxStart = segEnd;
  let start = -1;
  let skippedEmpty = false;
  for (let hops = 0; hops < 4; hops++) {
    const comma = Math.max(
      before.lastIndexOf(',', segEnd - 1),
      before.lastIndexOf(';', segEnd - 1),
      before.lastIndexOf('"', segEnd - 1),
      before.lastIndexOf('“', segEnd - 1),
      before.lastIndexOf('”', segEnd - 1),
    );
    const seg = before.slice(comma + 1, segEnd);
    ctxStart = comma + 1;
    if (seg.trim() === '' && comma >= 0) {
      if (/["”’]$/.test(before.slice(0, comma + 1))) return null;
      segEnd = comma;
      skippedEmpty = true;
      continue;
    }
    if (skippedEmpty && hops === 1 && comma >= 0 && !/^\s*(?:who|which|whose|where|but|and)\b/i.test(seg)) {
      const prevComma = Math.max(before.lastIndexOf(',', comma - 1), before.lastIndexOf(';', comma - 1));
      const head = before.slice(prevComma + 1, comma);
      // "a resident, Abubakar Sani, told": a common-noun role before the name is the speaker too
      const roleBeforeName = /^\s*(?:a|an|the|one)\s/i.test(head) && PROPER_NAME.test(seg);
      if (
        head.trim().split(/\s+/).length <= 9 &&
        (/\p{Lu}/u.test(head) || roleBeforeName) &&
        !/["“”]/.test(head)
      ) {
        start = prevComma + 1;
        segEnd = before.length;
        ctxStart = start;
        break;
      }
    }
    if (hops > 0 && segEnd < before.length && RELATIVE_START.test(seg) && comma >= 0 && start < 0) {
      segEnd = comma;
      continue;
    }
    start = comma + 1;
    break;
  }
  if (start < 0) return null;
  let seg = before.slice(start, segEnd);
  if (segEnd === before.length && skippedEmpty) {
    const trimmed = seg.replace(/[\s,]+$/, '');
    const lead = /^\s*/.exec(trimmed)?.[0].length ?? 0;
    return {
      start: sentStart + start + lead,
      head: sentStart + start + trimmed.length,
      ctxStart: sentStart + start,
    };
  }
  let lastCut = -1;
  CUT_WORDS.lastIndex = 0;
  for (let m = CUT_WORDS.exec(seg); m; m = CUT_WORDS.exec(seg)) lastCut = m.index + m[0].length;
  if (lastCut >= 0) {
    start += lastCut;
    seg = seg.slice(lastCut);
  }
  const lead = /^\s+/.exec(seg)?.[0].length ?? 0;
  start += lead;
  seg = seg.slice(lead);
  const cut = PARTICIPLE_CUT.exec(seg);
  const headEnd = start + (cut ? cut.index : seg.replace(/\s+$/, '').length);
  if (headEnd <= start) return null;
  return {
    start: sentStart + start,
    head: sentStart + headEnd,
    ctxStart: sentStart + Math.min(ctxStart, start),
  };
}

/** The noun phrase that ends at `end`: up to six words back, stopping at prepositions and verbs. */
function npBefore(
  text: string,
  sentStart: number,
  end: number,
): { start: number; head: number; ctxStart: number } | null {
  const words = [...text.slice(sentStart, end).matchAll(/[\p{L}\p{N}'’-]+/gu)];
  let start = end;
  for (let i = words.length - 1, n = 0; i >= 0 && n < 6; i--, n++) {
    const w = words[i];
    if (!w || NP_STOP.has(w[0].toLowerCase())) break;
    start = sentStart + (w.index ?? 0);
  }
  return start < end ? { start, head: end, ctxStart: start } : null;
}

/** What is left of a dateline before the speaker ("Philippines — ", "PESHAWAR: "). */
const DATELINE_LEAD = /^\s*(?:[\p{Lu}][\p{L}.'’ -]*(?:\([^)]*\)\s*)?(?:—|–|--)\s*|\p{Lu}{3,}[\p{Lu} ]*:\s+)/u;
/** A time adverbial without a comma before the speaker ("Later in the evening the TTP claimed"). */
const TIME_ADVERBIAL =
  /^\s*(?:later|earlier|late|early)\s+(?:in|on|that|this|the same)\s+(?:the\s+)?(?:day|evening|morning|night|afternoon|week)\s+/i;

/** Trims a leading time or place phrase ("On Sunday the government" → "the government"). */
function trimLead(ctx: DocContext, start: number, end: number): number {
  if (ctx.datelineSpan && start < ctx.datelineSpan.end && ctx.datelineSpan.end < end)
    start = ctx.datelineSpan.end;
  const dl = DATELINE_LEAD.exec(ctx.text.slice(start, end));
  if (dl && dl[0].length < end - start) start += dl[0].length;
  for (const t of ctx.times) if (t.start >= start && t.end < end && t.start - start < 12) start = t.end;
  const adv = TIME_ADVERBIAL.exec(ctx.text.slice(start, end));
  if (adv && adv[0].length < end - start) start += adv[0].length;
  const m =
    /^[\s,]*(?:(?:in|on|at|by|from|for|with|during|speaking|early|late|later|earlier|subsequently|also|however|meanwhile)\b[^,]*,)?\s*/i.exec(
      ctx.text.slice(start, end),
    );
  return start + (m && m[0].length < end - start ? m[0].length : 0);
}

/** Trims trailing spaces and punctuation from a span. */
function tidy(text: string, start: number, end: number): Span {
  while (end > start && /[\s,.;:'"“”‘’(]/.test(text[end - 1] ?? '')) end--;
  while (start < end && /[\s,;:"“”‘’)]/.test(text[start] ?? '')) start++;
  return { start, end };
}

/** A name used as a modifier ("an al-Qaeda-linked group") is not the speaker. */
const MODIFIER_AFTER =
  /^(?:-|\s)?(?:linked|allied|affiliated|aligned|backed|inspired|led|run|controlled|based)\b/i;

/**
 * An acronym in brackets after a title that is no mention of the same actor ("Senior Superintendent
 * of Police (SSP)") stands for the title, not for a group the resolver read into it.
 */
function titleAcronym(ctx: DocContext, m: Mention, all: readonly Mention[]): boolean {
  if (ctx.text[m.start - 1] !== '(' || ctx.text[m.end] !== ')') return false;
  return !all.some((x) => x.entity === m.entity && x.end <= m.start - 1 && m.start - 1 - x.end <= 2);
}

const GROUP_ROLE_BY_PRONOUN =
  /^(?:its|their)\s+(?:[\w-]+\s+){0,2}?(?:spokes(?:man|woman|person)|leader|commander|chief|head|emir|amir|founder)\b/i;

function actorIn(ctx: DocContext, s: Span): Entity | null {
  const found = mentionsIn(ctx, s.start, s.end, ['group', 'organization', 'person']);
  const all = found.filter((m) => !titleAcronym(ctx, m, found));
  const ms = all.filter(
    (m) =>
      !MODIFIER_AFTER.test(ctx.text.slice(m.end, m.end + 12)) &&
      !/^['’]s?\s/.test(ctx.text.slice(m.end, m.end + 3)),
  );
  const group =
    ms.find((m) => m.entity.type === 'group') ??
    all.find(
      (m) =>
        m.entity.type === 'group' &&
        /^['’]s?\s+(?:\w+\s+){0,2}(?:spokes\w+|official|commander|leader|statement|media)/i.test(
          ctx.text.slice(m.end, m.end + 40),
        ),
    );
  if (group) return group.entity;
  // "Its leader, Antonio Garcia": a group's leader or spokesman speaks for the group the pronoun stands for
  if (GROUP_ROLE_BY_PRONOUN.test(ctx.text.slice(s.start, s.end))) {
    const g = possessorGroup(ctx, s.start);
    if (g) return g;
  }
  // "Senior Superintendent of Police Kupwara Rajinder Kumar Bhat": the name at the phrase's end is its head
  const last = ms[ms.length - 1];
  if (last?.entity.type === 'person' && ctx.text.slice(last.end, s.end).trim() === '') return last.entity;
  if (ms.length) return ms[0]?.entity ?? null;
  const t = ctx.text.slice(s.start, s.end);
  return /^(?:the|this) (?:\w+ )?(?:group|outfit|militants|organi[sz]ation|movement|jihadists|insurgents|rebels)$/i.test(
    t,
  )
    ? resolveGroup(ctx, s.start)
    : null;
}

/**
 * A group telling its own deeds past a date or a long medium phrase ("said on Wednesday they had
 * fired …", "said in a statement released through its media outlet that its fighters had …"),
 * which the 60-character look right after the verb misses.
 */
const OWN_DEED_AFTER =
  /^(?:\s+(?:on|late on|early on|last|this)?\s*(?:\w+day|yesterday|today|week|night)(?:\s+(?:night|morning|evening|afternoon))?,?)?(?:[^.;"“]{0,110}?\bthat)?\s+(?:it|its|they|their|the group)\s+(?:had|has|have|was|were|would|\w+ed|fighters|forces|men|militants|mujahideen)\b/i;

function tellsOwnDeed(text: string, span: Span, verb: Span, verbText: string): boolean {
  // A medium phrase is its own "verb" (see mediumAttributions): its speaker decides the claim.
  if (verb.start === span.start && verb.end === span.end) return false;
  if (/^(?:denied|denies|rejected|rejects)$/i.test(verbText)) return false;
  return OWN_DEED_AFTER.test(text.slice(verb.end, Math.min(text.length, verb.end + 160)));
}

function makeAttribution(
  ctx: DocContext,
  sentence: number,
  span: Span,
  context: string,
  verb: Span,
  selfClaimHint: boolean,
): Attribution | null {
  const t = ctx.text.slice(span.start, span.end);
  if (!t || PRONOUN.test(t) || NOT_SOURCE_HEAD.test(t) || t.split(/\s+/).length > 14) return null;
  // "a local militant network he said had ties": a contact clause whose speaker is the pronoun
  if (/\s(?:he|she|they|we|i)$/i.test(t)) return null;
  if (/^(?:no|neither|none)\b/i.test(t) || ENDS_IN_VERB_RE.test(t)) return null;
  const entity = actorIn(ctx, span);
  const verbText = ctx.text.slice(verb.start, verb.end);
  const content = ctx.text.slice(verb.end, Math.min(ctx.text.length, verb.end + 60));
  const selfClaim =
    selfClaimHint ||
    (entity?.type === 'group' &&
      (/^claim/i.test(verbText) ||
        /^(?:[^.;]{0,60}?\bthat\s+)?\s*(?:it|its|they|their|the group|the organi[sz]ation)\b/i.test(
          content,
        ) ||
        tellsOwnDeed(ctx.text, span, verb, verbText)));
  return {
    sentence,
    span,
    context,
    verb,
    verbText,
    kind: !entity && isStateByPlace(ctx, span) ? 'official' : classifySource(context, entity, selfClaim),
    entity,
    frame: frameOf(verbText, selfClaim),
    selfClaim,
  };
}

/** "Kigali denies", "Pakistan said", "Washington warned": a country or its capital speaking is its government. */
function isStateByPlace(ctx: DocContext, span: Span): boolean {
  const m = mentionsIn(ctx, span.start, span.end, ['location'])[0];
  if (!m || m.end !== span.end || !/^(?:the\s+)?$/i.test(ctx.text.slice(span.start, m.start))) return false;
  const cls = m.entity.geo?.featureClass;
  return cls === 'country' || cls === 'city';
}

/** "X said", "X, the spokesman, told", "…, the sources added". */
function verbAttributions(ctx: DocContext, si: number, out: Attribution[]): void {
  const s = ctx.sentences[si];
  if (!s) return;
  const chunk = ctx.text.slice(s.start, s.end);
  VERB_RE.lastIndex = 0;
  for (let m = VERB_RE.exec(chunk); m; m = VERB_RE.exec(chunk)) {
    const vStart = s.start + m.index;
    const prev = chunk.slice(Math.max(0, m.index - 12), m.index);
    if (/\b(?:the|was|were|been|be|is|are|being)\s+$/i.test(prev)) continue;
    // "despite claims on state television", "amid reports of": a plural noun, not a verb
    if (/s$/i.test(m[0]) && NOUN_BEFORE.test(prev)) continue;
    // "a video posted online", "a statement released on Telegram": a participle after a medium, no speaker
    if (MEDIUM_NOUN_BEFORE.test(prev)) continue;
    if (/\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?$/i.test(prev)) {
      const earlier = out.filter((a) => a.sentence === si && a.verb.end <= s.start + m.index).pop();
      if (earlier) {
        const verb = { start: s.start + m.index, end: s.start + m.index + m[0].length };
        const redo = makeAttribution(
          ctx,
          si,
          earlier.span,
          earlier.context,
          verb,
          /^claim/i.test(m[0]) && earlier.entity?.type === 'group',
        );
        if (redo) out.push(redo);
      } else {
        const lead = sentenceSubject(ctx, s);
        const verb = { start: s.start + m.index, end: s.start + m.index + m[0].length };
        const a =
          lead && lead.end < verb.start
            ? makeAttribution(ctx, si, lead, ctx.text.slice(lead.start, verb.start), verb, false)
            : null;
        if (a) out.push(a);
      }
      continue;
    }
    if (/^claimed$/i.test(m[0]) && /^\s+the lives/i.test(chunk.slice(m.index + m[0].length))) continue;
    if (/^accused$/i.test(m[0]) && /^\s+of\b/i.test(chunk.slice(m.index + m[0].length))) continue;
    const who = WHO_BEFORE_VERB.exec(chunk.slice(0, m.index));
    const b = who
      ? npBefore(ctx.text, s.start, s.start + who.index)
      : subjectBounds(ctx.text, s.start, vStart);
    // "…, said Kambale Muhindo, president of …": a name closed by a comma or the sentence's end right
    // after a verb that follows a comma or a quote is the speaker, whatever stands before the comma
    const invNow = INVERTED.exec(chunk.slice(m.index + m[0].length));
    const afterSpeaker = chunk.slice(m.index + (m[0].length + (invNow?.[0].length ?? 0)));
    const inverted =
      !!invNow?.[1] &&
      /[,"”’]\s*$/.test(chunk.slice(0, m.index)) &&
      ((/^\p{Lu}/u.test(invNow[1]) && INVERTED_END.test(afterSpeaker)) ||
        // ‘…," said a civil society leader in the area who asked not to be named’: after a
        // closing quote the speaker follows the verb, a common noun with its modifiers.
        (/["”’]\s*$/.test(chunk.slice(0, m.index)) &&
          /^(?:the|a|an)\s/i.test(invNow[1]) &&
          (INVERTED_END.test(afterSpeaker) || INVERTED_MODIFIER.test(afterSpeaker))));
    if (!b || inverted || /^[\s"“”,]*$/.test(ctx.text.slice(b.start, b.head))) {
      const inv = invNow;
      if (inv?.[1] && /[,"”’]\s*$/.test(chunk.slice(0, m.index))) {
        const st = s.start + m.index + m[0].length + inv[0].length - inv[1].length;
        const span = { start: st, end: st + inv[1].length };
        const a = makeAttribution(
          ctx,
          si,
          span,
          inv[0] +
            chunk.slice(m.index + m[0].length + inv[0].length, m.index + m[0].length + inv[0].length + 80),
          { start: vStart, end: vStart + m[0].length },
          false,
        );
        if (a) out.push(a);
      }
      continue;
    }
    const start = trimLead(ctx, b.start, b.head);
    let span = tidy(ctx.text, start, b.head);
    const verb = { start: vStart, end: vStart + m[0].length };
    if (/^show/i.test(m[0])) {
      const subj = ctx.text.slice(span.start, span.end);
      if (!SHOW_SUBJECT.test(subj)) continue;
      const by = /\bby\s+/i.exec(subj);
      if (by) span = tidy(ctx.text, span.start + by.index + by[0].length, span.end);
    }
    // "a charge Kigali denies", "an accusation the army rejects": the noun is what is denied; the
    // speaker is the name after it.
    const reduced = REDUCED_RELATIVE_HEAD.exec(ctx.text.slice(span.start, span.end));
    if (reduced) span = { start: span.start + reduced[0].length, end: span.end };
    if (span.end - span.start < 2) continue;
    const a = makeAttribution(
      ctx,
      si,
      span,
      ctx.text.slice(b.ctxStart, vStart),
      verb,
      /^claim/i.test(m[0]) && isGroupLike(ctx, span),
    );
    if (a) out.push(a);
    const told = /^told$/i.test(m[0])
      ? /^\s+((?:the |a )?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}|(?:national|state|local) (?:television|radio|media)|[\w-]+ (?:television|TV|radio))/.exec(
          chunk.slice(m.index + m[0].length),
        )
      : null;
    if (told?.[1] && OUTLET_CUES.test(told[1])) {
      const st = verb.end + told[0].length - told[1].length;
      // "told Reuters." ends the sentence; "told A.F.P." keeps its abbreviation's last period
      const lastWord = told[1].slice(told[1].lastIndexOf(' ') + 1);
      const name = /^[^.]+\.$/.test(lastWord) ? told[1].slice(0, -1) : told[1];
      const t = makeAttribution(ctx, si, { start: st, end: st + name.length }, name, verb, false);
      if (t) out.push({ ...t, kind: AGENCY_CUES.test(name) ? 'agency' : 'outlet' });
    }
  }
}

/** Words before an actor that make it no subject: it is an object or a place of something. */
const OBLIQUE_BEFORE = /\b(?:of|in|at|by|for|to|from|with|on|against|near|into)\s+(?:the\s+)?$/i;

/**
 * The subject of a sentence when it opens with an actor ("Arauca's governor, Hernando Ruiz Camacho,
 * asked … and said"): from the sentence's start to the first actor named in its first 100
 * characters, not after a preposition.
 */
function sentenceSubject(ctx: DocContext, s: Span): Span | null {
  const first = mentionsIn(ctx, s.start, Math.min(s.end, s.start + 100), [
    'person',
    'organization',
    'group',
  ])[0];
  if (!first || OBLIQUE_BEFORE.test(ctx.text.slice(s.start, first.start))) return null;
  if (/[.;:"“”]/.test(ctx.text.slice(s.start, first.start))) return null;
  const start = trimLead(ctx, s.start, first.end);
  return tidy(ctx.text, start, first.end);
}

function isGroupLike(ctx: DocContext, span: Span): boolean {
  const t = ctx.text.slice(span.start, span.end);
  return (
    mentionsIn(ctx, span.start, span.end, ['group']).length > 0 ||
    /\b(?:outfit|group|militants|faction|organi[sz]ation)\b/i.test(t) ||
    ARMED_SIDE_ROLE.test(t)
  );
}

/** "a militant commander", "the rebel spokesman": a person speaking for an armed group. */
const ARMED_SIDE_ROLE =
  /\b(?:militant|rebel|insurgent|jihadist|terrorist|guerrilla|bandit|separatist)s?\s+(?:[\w-]+\s+)?(?:commander|leader|chief|spokes(?:man|woman|person)|emir|amir)\b/i;

/** "according to X", "as per X", "claimed by X". */
function frameAttributions(ctx: DocContext, si: number, out: Attribution[]): void {
  const s = ctx.sentences[si];
  if (!s) return;
  const chunk = ctx.text.slice(s.start, s.end);
  for (const re of [FRAME_RE, CLAIMED_BY_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
      const from = m.index + m[0].length;
      const rest = chunk.slice(from);
      const stop =
        re === CLAIMED_BY_RE
          ? /[,.;:]\s|[,.;:]$|\s+(?:who|which|that|on|in|at|because)\s+(?=[a-z])/.exec(rest)
          : /[,.;:]\s|[,.;:]$|\s+(?:who|which|that|on|in|at)\s+(?=[a-z])|\s+(?:as|and|because)\s/.exec(rest);
      let len = stop ? stop.index : rest.length;
      const appos = /^,\s+([A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){0,3})\.?\s*$/u.exec(rest.slice(len));
      if (appos) len = len + appos[0].replace(/\.?\s*$/, '').length;
      const span = tidy(ctx.text, s.start + from, s.start + from + len);
      const ctxEnd = Math.min(s.end, span.end + 80);
      const verb = { start: s.start + m.index, end: s.start + from - 1 };
      const a = makeAttribution(
        ctx,
        si,
        span,
        ctx.text.slice(span.start, ctxEnd),
        verb,
        re === CLAIMED_BY_RE,
      );
      if (a)
        out.push(
          re === CLAIMED_BY_RE ? { ...a, kind: 'perpetrator_claim', frame: 'claimed', selfClaim: true } : a,
        );
    }
  }
}

/** "in a statement on Telegram", "a post on X": the medium as a source, owned by the speaker of its sentence. */
function mediumAttributions(ctx: DocContext, si: number, out: Attribution[]): void {
  const s = ctx.sentences[si];
  if (!s) return;
  const chunk = ctx.text.slice(s.start, s.end);
  MEDIUM_RE.lastIndex = 0;
  for (let m = MEDIUM_RE.exec(chunk); m; m = MEDIUM_RE.exec(chunk)) {
    const span = tidy(ctx.text, s.start + m.index, s.start + m.index + (m[1] ?? '').length);
    const speaker = out.find((a) => a.sentence === si && a.entity);
    const a = makeAttribution(ctx, si, span, chunk, span, false);
    if (a)
      out.push({
        ...a,
        medium: true,
        // "its Amaq news agency" carries the speaker's words: the outlet named in the medium is
        // no party to them, but a group named there is ("the Islamic State's Amaq agency")
        entity: a.entity?.type === 'group' ? a.entity : (speaker?.entity ?? a.entity ?? null),
        selfClaim: speaker?.selfClaim ?? false,
        kind: SOCIAL_CUES.test(m[0]) || /\bX\b/.test(m[0]) ? 'social_media' : a.kind,
      });
  }
}

/** Finds every attributed statement of the document, in text order. */
export function findAttributions(ctx: DocContext): Attribution[] {
  const out: Attribution[] = [];
  const first = ctx.datelineSpan ? ctx.sentences.findIndex((s) => s.end > (ctx.datelineSpan?.end ?? 0)) : 0;
  for (let si = Math.max(0, first); si < ctx.sentences.length; si++) {
    verbAttributions(ctx, si, out);
    frameAttributions(ctx, si, out);
    mediumAttributions(ctx, si, out);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Time expressions that date a statement ("said on Monday"), not the event it reports. */
export function statementTimes(ctx: DocContext, attributions: readonly Attribution[]): Set<number> {
  const out = new Set<number>();
  for (const a of attributions) {
    for (const t of ctx.times) {
      const gap = ctx.text.slice(a.verb.end, t.start);
      if (
        t.start >= a.verb.end &&
        gap.length < 60 &&
        /^(?:\s+(?:[\w'’-]+\s+){0,7}?(?:on|in|late on|early on|earlier on|later on)?\s*|\s+)$/i.test(gap) &&
        !/[,.;]/.test(gap) &&
        !/\b(?:killed|attack|that)\b/i.test(gap)
      )
        out.add(t.start);
    }
  }
  return out;
}
