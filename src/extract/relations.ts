/**
 * Relations between actors, places and events, from appositives ("ISKP, the local chapter of
 * ISIS"), copulas and verb patterns ("led by", "with the support of", "operating from",
 * "is the prime suspect in", "$10 million for information on"), names that nest ("Islamic State
 * Khorasan" is a branch of "Islamic State"), and the resolver's hints. Each relation gets the
 * modality of its own clause and reporting frame.
 */
import type { Entity, Event, Modality, RelationType, Span } from '../core/index.js';
import { possessorGroup, resolveGroup } from './anaphora.js';
import { mentionsIn, type DocContext } from './context.js';
import {
  ACTORS,
  after,
  appositiveHead,
  before,
  BRANCH_NOUN,
  BRANCH_NOUN_AFTER_RE,
  clauseSubject,
  g,
  LEADER_NOUN,
  GROUP_NP,
  MODIFIER_ORG,
  ORGS,
  personForRole,
  PLACE_INTRO,
  relativeHead,
  subjectAt,
  type Emit,
  type Pattern,
} from './relation-helpers.js';
import { FRAME_PATTERNS } from './relation-frames.js';
import { modalityOf } from './modality.js';
import type { Attribution } from './source-attribution.js';

export interface RelationDraft {
  readonly type: RelationType;
  readonly subject: string;
  readonly object: string;
  readonly modality: Modality;
  readonly evidence: Span;
  readonly attributes?: Record<string, string>;
  readonly attribution?: Attribution | null;
}

/** The role noun after the group in "a senior IS operative". */
const MEMBER_NOUN_AFTER =
  /^\s+(?:[\w-]+\s+)?(?:operative|member|militant|fighter|cadre|financier|recruiter|associate|commander|ideologue|bomb-maker)s?\b/i;
/** A name and a role in apposition or joined by a copula: "X, a", "X is not", "X was". */
const APPOSITION =
  /^\s*(?:,\s*(?:[^,]{0,40},\s*)?|\s+(?:is|was|are|were|became|remains|as)(?:\s+(?:not|never|also|allegedly|reportedly|no longer|still))?\s+)$/i;
const REPORTED_BEFORE = /\b(?:said|says|told|tells|added|reported|confirmed|announced|claimed)\b/i;

/**
 * Who a membership role phrase [roleStart, roleEnd) is about: the person it names (before or after
 * it), else an actor in apposition; else the last person before it when no reporting verb stands
 * between ("Police arrested Ali Khan, whom they called an ISKP financier").
 */
function memberSubject(
  ctx: DocContext,
  sent: Span,
  roleStart: number,
  roleEnd: number,
  orgId: string,
): Entity | null {
  const named = personForRole(ctx, sent, roleStart, roleEnd);
  if (named) return named;
  const prev = mentionsIn(ctx, sent.start, roleStart, ['person', 'group', 'organization'])
    .filter((x) => x.entity.id !== orgId)
    .pop();
  if (!prev) return null;
  const gap = ctx.text.slice(prev.end, roleStart);
  if (APPOSITION.test(gap)) return prev.entity;
  return prev.entity.type === 'person' && gap.length <= 60 && !REPORTED_BEFORE.test(gap) ? prev.entity : null;
}

const PATTERNS: readonly Pattern[] = [
  {
    // "the 10th Front of the so-called Central General Staff", "the Sahel Brigade of JNIM"
    gate: /\b(?:Front|Brigades?|Battalion|Wing|Division|Bloc|Column|Unit|Cell|Faction|Branch|Chapter|Katiba)\s+of\s/,
    re: /\b(?:Front|Brigades?|Battalion|Wing|Division|Bloc|Column|Unit|Cell|Faction|Branch|Chapter|Katiba)\s+of\s+(?:the\s+)?(?:so-called\s+)?/g,
    apply: (ctx, m, at, sent, emit) => {
      const nounEnd = at.start + (/^\S+/.exec(m[0]) as RegExpExecArray)[0].length;
      const sub = mentionsIn(ctx, Math.max(sent.start, at.start - 60), nounEnd, ORGS).find(
        (x) => x.end === nounEnd,
      );
      const obj = after(ctx, at.end, Math.min(sent.end, at.end + 80), ORGS);
      if (!sub || !obj || obj.start !== at.end) return;
      const type =
        sub.entity.type === 'organization' && obj.entity.type === 'organization' ? 'part_of' : 'branch_of';
      emit(type, sub.entity, obj.entity, at, { start: sub.start, end: obj.end });
    },
  },
  {
    // "JNIM, al-Qaeda's branch in the Sahel" / "ISWAP is the Islamic State's affiliate in north-east Nigeria"
    re: g(String.raw`['’]s\s+(?:[\w-]+\s+)?${BRANCH_NOUN}\b`),
    apply: (ctx, _m, at, sent, emit) => {
      const owner = mentionsIn(ctx, Math.max(sent.start, at.start - 80), at.start + 1, ORGS).pop();
      if (!owner || owner.end !== at.start) return;
      // "JNIM, al-Qaeda's branch" names the branch before; "Hamas's armed wing, the Qassam Brigades" after
      const appos = /^\s*,\s*(?:the\s+)?/.exec(ctx.text.slice(at.end, at.end + 12));
      const next = appos ? after(ctx, at.end, Math.min(sent.end, at.end + 60), ORGS) : null;
      const subj =
        before(ctx, sent.start, owner.start, ORGS, owner.entity.id) ??
        (next && appos && next.start === at.end + appos[0].length ? next.entity : null);
      if (!subj) return;
      emit(
        owner.entity.type === 'organization' && subj.type === 'organization' ? 'part_of' : 'branch_of',
        subj,
        owner.entity,
        at,
        { start: owner.start, end: at.end },
      );
      const tail = /^\s+(?:in|across)\s+/.exec(ctx.text.slice(at.end, at.end + 12));
      const place = tail ? mentionsIn(ctx, at.end, Math.min(sent.end, at.end + 60), ['location'])[0] : null;
      if (place) emit('operates_in', subj, place.entity, at, { start: at.start, end: place.end });
    },
  },
  {
    // "fought the Somali government", "clashed with the SDF", "fighting alongside Malian troops"
    re: g(
      String.raw`\b(?:fought|fights|fighting|battled|battling|clashed with|clashing with|clashes with|at war with|attacking)\s+(?:alongside\s+|against\s+)?`,
    ),
    apply: (ctx, m, at, sent, emit) => {
      const obj = after(ctx, at.end, Math.min(sent.end, at.end + 40), [...ORGS, 'location']);
      if (!obj || !/^[\s\w'’-]{0,25}$/.test(ctx.text.slice(at.end, obj.start))) return;
      const subj = subjectAt(ctx, sent.start, at.start, ORGS, obj.entity.id);
      if (!subj || obj.entity.type === 'location') return;
      emit(/alongside/i.test(m[0]) ? 'supports' : 'opposes', subj, obj.entity, at, {
        start: at.start,
        end: obj.end,
      });
    },
  },
  {
    // "a senior Islamic State operative", "an ISKP member", "part of the TTP"
    gate: /\b(?:operative|member|militant|fighter|cadre|financier|recruiter|associate|commander|ideologue|bomb-maker|part of)\b/i,
    re: g(
      String.raw`\b(?:an?|the)\s+(?:(?:senior|top|key|former|local|alleged|suspected)\s+)?(?=\S+(?:\s+\S+){0,3}\s+(?:operative|member|militant|fighter|cadre|financier|recruiter|associate|commander|ideologue|bomb-maker)\b)|\bpart of\s+`,
    ),
    apply: (ctx, m, at, sent, emit) => {
      const org = after(ctx, at.end, Math.min(sent.end, at.end + 50), ORGS);
      if (!org) return;
      const role = MEMBER_NOUN_AFTER.exec(ctx.text.slice(org.end, org.end + 30));
      const person = memberSubject(ctx, sent, at.start, org.end + (role?.[0].length ?? 0), org.entity.id);
      if (!person) return;
      const type: RelationType =
        person.type === 'person'
          ? /commander/i.test(ctx.text.slice(org.end, org.end + 20)) && !/former/i.test(m[0])
            ? 'leader_of'
            : 'member_of'
          : 'part_of';
      emit(type, person, org.entity, at, { start: at.start, end: org.end });
    },
  },
  {
    // "Umar Farooq, a 24-year-old from Bannu," → located_in
    re: g(String.raw`,\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:from|of|resident of|native of)\s+(?=[A-Z])`),
    apply: (ctx, _m, at, sent, emit) => {
      const person = before(ctx, Math.max(sent.start, at.start - 40), at.start + 1, ['person']);
      const place = after(ctx, at.end, Math.min(sent.end, at.end + 30), ['location']);
      if (person && place && place.start === at.end)
        emit('located_in', person, place.entity, at, { start: at.start, end: place.end });
    },
  },
  {
    // "JNIM's Katiba Macina": a group's own unit
    re: g(String.raw`['’]s\s+`),
    apply: (ctx, _m, at, sent, emit) => {
      const owner = mentionsIn(ctx, Math.max(sent.start, at.start - 80), at.start + 1, ORGS).pop();
      const unit = mentionsIn(ctx, at.end, Math.min(sent.end, at.end + 60), ['group'])[0];
      if (!owner || !unit || owner.end !== at.start || unit.start !== at.end || owner.entity.type !== 'group')
        return;
      emit('branch_of', unit.entity, owner.entity, at, { start: owner.start, end: unit.end });
    },
  },
  {
    // "ISKP, the local chapter of ISIS" / "JNIM, an al-Qaeda affiliate" / "a faction of the banned X group"
    gate: new RegExp(String.raw`\b${BRANCH_NOUN}\b`, 'i'),
    re: g(
      String.raw`\b(?:(?:the|a|an|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?${BRANCH_NOUN}\s+of\s+|\b(?:an?|the)\s+(?=\S+(?:\s+\S+){0,3}?\s+${BRANCH_NOUN}\b)`,
    ),
    apply: (ctx, m, at, sent, emit) => {
      const isOf = /\bof\s+$/.test(m[0]);
      const end = isOf ? Math.min(sent.end, at.end + 80) : Math.min(sent.end, at.end + 60);
      const obj = after(ctx, at.end, end, ORGS);
      if (!obj) return;
      if (!isOf && !BRANCH_NOUN_AFTER_RE.test(ctx.text.slice(obj.end, obj.end + 45))) return;
      const subj =
        before(ctx, sent.start, at.start, ORGS, obj.entity.id) ??
        (/\b(?:itself|themselves)\b/i.test(ctx.text.slice(sent.start, at.start))
          ? resolveGroup(ctx, at.start, obj.entity.id)
          : null);
      emit(
        obj.entity.type === 'organization' && subj?.type === 'organization' ? 'part_of' : 'branch_of',
        subj,
        obj.entity,
        at,
        { start: at.start, end: obj.end },
      );
    },
  },
  {
    // "allied to the TTP", "loyal to Mordisco", "pledged allegiance to IS", "declared its loyalty to the Islamic State"
    re: g(
      String.raw`\b(?:allied (?:to|with)|aligned with|linked to|affiliated (?:to|with)|loyal to|(?:pledged|declared|swore|sworn) (?:its |their |his )?(?:allegiance|loyalty|itself|themselves) to|pledged itself to|tied to)\s+`,
    ),
    apply: (ctx, m, at, sent, emit) => {
      const obj = after(ctx, at.end, Math.min(sent.end, at.end + 60), ORGS);
      if (!obj) return;
      const subj =
        before(ctx, sent.start, at.start, ORGS, obj.entity.id) ?? resolveGroup(ctx, at.start, obj.entity.id);
      const type: RelationType = /pledged|declared|swore|sworn/i.test(m[0]) ? 'branch_of' : 'supports';
      emit(type, subj, obj.entity, at, { start: at.start, end: obj.end });
    },
  },
  {
    // "X, ISKP's high-profile leader" / "the EMC's top commander" / "a senior leader of the JUI-F" / "an Abu Sayyaf commander"
    gate: new RegExp(String.raw`\b${LEADER_NOUN}\b`, 'i'),
    re: g(
      String.raw`\b(?:(?:the|a|an|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?${LEADER_NOUN}\s+of\s+|['’]s\s+(?:[\w-]+\s+){0,2}?${LEADER_NOUN}\b|\b(?:an?|the)\s+(?=[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+${LEADER_NOUN}\b)`,
    ),
    apply: (ctx, m, at, sent, emit) => {
      const isOf = /\bof\s+$/i.test(m[0]);
      const isPoss = /^['’]s/.test(m[0]);
      // "a mid-level commander of the group, Saleh Nasser al-Awlaqi": the group named before
      const anaphor = isOf ? GROUP_NP.exec(ctx.text.slice(at.end, at.end + 40)) : null;
      if (anaphor) {
        const named = personForRole(ctx, sent, at.start, at.end + anaphor[0].length);
        const role = /spokes|deputy/i.test(m[0]) ? 'member_of' : 'leader_of';
        emit(role, named, resolveGroup(ctx, at.start), at, {
          start: at.start,
          end: at.end + anaphor[0].length,
        });
        return;
      }
      const org = isPoss
        ? before(ctx, sent.start, at.start + 1, ORGS)
        : after(ctx, at.end, Math.min(sent.end, at.end + (isOf ? 70 : 50)), ORGS)?.entity;
      if (!org) return;
      const lead = ctx.text.slice(Math.max(sent.start, at.start - 200), at.start);
      let person = before(ctx, sent.start, at.start, ['person']);
      if (!person || !/,\s*(?:[^,]*,\s*)?$|\bas\s+$|\bis\s+(?:the|a|an)?\s*$|\bwas\s+$/.test(lead)) {
        const next = after(ctx, at.end, Math.min(sent.end, at.end + 80), ['person']);
        person =
          next &&
          /^[\s,]*(?:[A-Z][\w.]*\s+){0,3}$/.test(
            ctx.text
              .slice(at.end, next.start)
              .replace(/^.*?(?:of\s+\S+(?:\s+\S+){0,4}?|['’]s\s+\S+(?:\s+\S+)?)/, ''),
          )
            ? next.entity
            : person;
      }
      const role = /spokes/i.test(m[0]) ? 'member_of' : 'leader_of';
      emit(role, person, org, at, { start: at.start, end: at.end });
    },
  },
  {
    // "Its leader, Antonio Garcia, said …": the group the possessive stands for, the name after it
    gate: /\b(?:its|their)\s/i,
    re: g(String.raw`\b(?:its|their)\s+(?:[\w-]+\s+){0,2}?${LEADER_NOUN}\b`),
    apply: (ctx, m, at, sent, emit) => {
      const named = personForRole(ctx, sent, at.start, at.end);
      if (!named) return;
      const role = /spokes|deputy/i.test(m[0]) ? 'member_of' : 'leader_of';
      emit(role, named, possessorGroup(ctx, at.start), at, at);
    },
  },
  {
    // "ISKP leader Sanaullah Ghafari", "JNIM chief Iyad Ag Ghali"
    re: g(String.raw`\b(?:leader|chief|head|commander|founder|emir)\s+(?=[A-Z])`),
    apply: (ctx, _m, at, sent, emit) => {
      const org = before(ctx, Math.max(sent.start, at.start - 40), at.start, ORGS);
      const person = after(ctx, at.end, Math.min(sent.end, at.end + 40), ['person']);
      if (org && person && person.start - at.end < 20)
        emit('leader_of', person.entity, org, at, { start: at.start, end: person.end });
    },
  },
  {
    // "led by the Malian jihadist Iyad Ag Ghali" / "Noscué had led the dissidents' Western Coordinating Command" / "chairs the Supreme Security Committee"
    re: g(
      String.raw`\b(?:led by|headed by|commanded by|founded by|(?:had |has |who )?(?:led|leads|heads|headed|chairs|chaired|commands|commanded|founded)\s+(?:the\s+)?)`,
    ),
    apply: (ctx, m, at, sent, emit) => {
      if (/\bby\s*$/i.test(m[0])) {
        const person = after(ctx, at.end, Math.min(sent.end, at.end + 60), ['person']);
        const orgs = mentionsIn(ctx, sent.start, at.start, ORGS);
        let org = orgs[orgs.length - 1]?.entity ?? null;
        const lastM = orgs[orgs.length - 1];
        if (lastM && MODIFIER_ORG.test(ctx.text.slice(lastM.end, at.start)) && orgs.length > 1)
          org = orgs[orgs.length - 2]?.entity ?? org;
        emit('leader_of', person?.entity, org, at, { start: at.start, end: person?.end ?? at.end });
      } else {
        const org = after(ctx, at.end, Math.min(sent.end, at.end + 70), ORGS);
        const person =
          before(ctx, sent.start, at.start, ['person']) ?? subjectAt(ctx, sent.start, at.start, ['person']);
        if (org && /^[^,.;]{0,40}$/.test(ctx.text.slice(at.end, org.start)))
          emit('leader_of', person, org.entity, at, { start: at.start, end: org.end });
      }
    },
  },
  {
    // "a member of X", "members of X", "militant associates of the Lashkar group", "acted for X", "belongs to X"
    re: g(
      String.raw`\b(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?(?:members?|associates?|operatives?|cadres?|fighters?|militants?)\s+of\s+|\b(?:acted|worked|working|fought|fighting) (?:for|on behalf of)\s+|\bbelong(?:s|ed|ing)? to\s+|\bsat on\s+`,
    ),
    // the pattern without its optional lead-in, which makes it slow to run over sentences that lack it
    gate: /\b(?:members?|associates?|operatives?|cadres?|fighters?|militants?)\s+of\s|\b(?:acted|worked|working|fought|fighting) (?:for|on behalf of)\s|\bbelong(?:s|ed|ing)? to\s|\bsat on\s/i,
    apply: (ctx, _m, at, sent, emit) => {
      const org = after(ctx, at.end, Math.min(sent.end, at.end + 60), ORGS);
      if (!org) return;
      const lead = ctx.text.slice(sent.start, at.start);
      const persons =
        /\b(?:them|they|the (?:three|two|four|five|six|suspects|men|detainees|accused))\b/i.test(
          lead.slice(-160),
        )
          ? lastPersons(ctx, at.start)
          : [before(ctx, sent.start, at.start, ['person'])].filter(
              (p): p is Entity => !!p && !speakerIds.has(p.id),
            );
      for (const p of persons) emit('member_of', p, org.entity, at, { start: at.start, end: org.end });
    },
  },
  {
    // "with the support of X", "backed by X", "support from X", "helped X"
    re: g(
      String.raw`\bwith the (?:support|backing|help|assistance) of\s+|\b(?:backed|supported|funded|armed|sponsored|sheltered|protected|trained|financed|equipped|directed) by\s+|\bsupport from\s+`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const stop = /[.;]|,\s+(?!its|the ISI|and)(?=[a-z]+ing\b)/.exec(ctx.text.slice(at.end, sent.end));
      const end = stop ? at.end + stop.index : sent.end;
      const supporters = mentionsIn(ctx, at.end, end, ['group', 'organization', 'person', 'location']).filter(
        (x) => x.entity.type !== 'location' || /['’]s?\s/.test(ctx.text.slice(x.end, x.end + 3)) === false,
      );
      const beneficiary = subjectAt(ctx, sent.start, at.start, ['group']);
      for (const s of supporters)
        if (s.entity.type !== 'location')
          emit('supports', s.entity, beneficiary, at, { start: at.start, end: s.end });
    },
  },
  {
    // "Iran-backed Houthi movement"
    re: g(String.raw`-(?:backed|sponsored|funded|supported)\s+`),
    apply: (ctx, _m, at, sent, emit) => {
      const sponsor = mentionsIn(ctx, Math.max(sent.start, at.start - 30), at.start + 1).pop();
      const client = after(ctx, at.end, Math.min(sent.end, at.end + 40), ORGS);
      if (sponsor && client)
        emit('supports', sponsor.entity, client.entity, at, { start: sponsor.start, end: client.end });
    },
  },
  {
    // "the Houthis may have helped AQAP obtain its drones"
    re: g(
      String.raw`\b(?:helped|helps|help|aided|aids|supplied|supplies|armed|arms|financed|finances|funded|funds|backed|backs|supports|supported|sheltered|shelters|sheltering|harbouring|harboring|harbours|harbors|trained|trains|backing|arming|funding)\s+(?!wing|forces|men|groups?|militias?\b)`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const obj = after(ctx, at.end, Math.min(sent.end, at.end + 80), ORGS);
      if (obj && /[,;]/.test(ctx.text.slice(at.end, obj.start))) return;
      const subj = before(ctx, Math.max(sent.start, at.start - 60), at.start, [...ORGS, 'location']);
      if (obj && subj && obj.start - at.end < 20)
        emit('supports', subj, obj.entity, at, { start: at.start, end: obj.end });
    },
  },
  {
    // "regard the Islamic State as a rival", "fighting against X", "offensive against X"
    re: g(
      String.raw`\b(?:regards?|sees?|considers?|views?)\s+(?=(?:the\s+)?\S+(?:\s+\S+){0,4}\s+as (?:an? |their |its )?(?:rival|enemy|foe|adversary|threat))|\b(?:rival (?:of|to)|opposed to|at war with|fighting against|fought against|offensive against|campaign against|operations? against|war (?:on|against)|fight against|crackdown on)\s+`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const obj = after(ctx, at.end, Math.min(sent.end, at.end + 60), ORGS);
      if (!obj) return;
      // an actor before a state: "The Taliban, who seized Kabul and regard IS as a rival"
      const subj =
        appositiveHead(ctx, sent.start, at.start, ORGS, obj.entity.id) ??
        before(ctx, sent.start, at.start, ORGS, obj.entity.id) ??
        before(ctx, sent.start, at.start, ['location'], obj.entity.id);
      emit('opposes', subj, obj.entity, at, { start: at.start, end: obj.end });
    },
  },
  {
    // "to eliminate the leadership of TTP", "inflicted serious losses on Wagner", "targeting X"
    re: g(
      String.raw`\b(?:to |)(?:eliminate|eliminating|target|targets|targeted|targeting|attack|attacked|attacking|kill|killing|assassinate|wipe out|go after|going after|hunt down)\s+(?:the\s+)?(?:leadership|leaders|members|commanders|fighters|cadres|positions|bases) of\s+|\binflicted (?:\w+ )?(?:losses|casualties|damage) on\s+|\b(?:targeting|targeted|attacked|ambushed)\s+(?=(?:the\s+)?[A-Z])`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const obj = after(ctx, at.end, Math.min(sent.end, at.end + 50), ORGS);
      if (!obj) return;
      const subj = subjectAt(ctx, sent.start, at.start, ['group', 'organization'], obj.entity.id);
      if (subj && subj.id !== obj.entity.id)
        emit('targets', subj, obj.entity, at, { start: at.start, end: obj.end });
    },
  },
  {
    // "is operating from Balochistan", "based in X", "sheltering in Afghanistan", "hiding in X"
    re: g(
      String.raw`\b(?:operat(?:e|es|ing|ed)|based|hiding|sheltering|holed up|living|residing|staying|headquartered|active|flourishing|entrenched|present|thriving|fled|escaped)\s+(?:\w+\s+){0,2}?(?:from|in|within|across|into|throughout)\s+`,
    ),
    apply: (ctx, m, at, sent, emit) => {
      const stop = /[.;]|,\s+(?:which|where|who|after|while|\w+ing)\b|\s(?:after|before|while|when)\s/.exec(
        ctx.text.slice(at.end, sent.end),
      );
      const end = stop ? at.end + stop.index : sent.end;
      const places = mentionsIn(ctx, at.end, end, ['location']).filter(
        (p) =>
          /^(?:the\s+)?$/i.test(ctx.text.slice(at.end, p.start)) ||
          PLACE_INTRO.test(ctx.text.slice(Math.max(at.start, p.start - 40), p.start)),
      );
      if (!places.length) return;
      const subj =
        relativeHead(ctx, sent.start, at.start, ['person', 'group']) ??
        clauseSubject(ctx, sent.start, at.start, ['person', 'group']) ??
        subjectAt(ctx, sent.start, at.start, ['person', 'group']);
      if (!subj) return;
      const fled = /^(?:fled|escaped)/i.test(m[0]);
      for (const p of places.slice(0, 4))
        emit(subj.type === 'person' || fled ? 'located_in' : 'operates_in', subj, p.entity, at, {
          start: at.start,
          end: p.end,
        });
    },
  },
  {
    // "ISKP's operations within Pakistan, particularly in … South Waziristan", "a campaign … across Shabwa", "stage attacks in Kirkuk", "a base for their operations"
    re: g(
      String.raw`\b(?:operations|activities|presence|attacks|raids|campaign|insurgency|strongholds?|bases?|hideouts?|cells|sanctuar(?:y|ies)|havens?)\b`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const lead = ctx.text.slice(Math.max(sent.start, at.start - 40), at.start);
      const own =
        /(?:['’]s?|\b(?:its|their|the group['’]s))\s+(?:[\w-]+\s+){0,2}$/i.exec(lead) ||
        /\b(?:stage|stages|staged|staging|carry out|carries out|carried out|launch|launches|launched|mount|mounts|conduct|conducts|waging|wage|wages|repeated)\s+(?:[\w-]+\s+){0,3}$/i.test(
          lead,
        );
      if (!own) return;
      const tail = ctx.text.slice(at.end, sent.end);
      const stop = /[.;]|,\s+(?:which|who|after|while)\b/.exec(tail);
      const end = stop ? at.end + stop.index : sent.end;
      const places = mentionsIn(ctx, at.end, end, ['location']).filter((p) =>
        PLACE_INTRO.test(ctx.text.slice(Math.max(at.end, p.start - 40), p.start)),
      );
      const subj =
        clauseSubject(ctx, sent.start, at.start, ['group']) ??
        subjectAt(ctx, sent.start, at.start, ['group']);
      if (!subj) return;
      for (const p of places.slice(0, 5))
        emit('operates_in', subj, p.entity, at, { start: at.start, end: p.end });
    },
  },
  {
    // "Khyber Pakhtunkhwa and Balochistan, which provide a strategic base for their operations"
    re: g(
      String.raw`\b(?:base|bases|haven|havens|sanctuary|sanctuaries|stronghold|strongholds|launch ?pad|hub)\s+for\s+(?:their|its|the group['’]s|[\w-]+['’]s)\s+(?:\w+\s+)?(?:operations|activities|attacks|fighters|militants)\b`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const subj = subjectAt(ctx, sent.start, at.end, ['group']) ?? resolveGroup(ctx, at.start);
      for (const p of mentionsIn(ctx, sent.start, at.start, ['location']).slice(0, 5))
        emit('operates_in', subj, p.entity, at, { start: p.start, end: at.end });
    },
  },
];

const ALL_PATTERNS: readonly Pattern[] = [...PATTERNS, ...FRAME_PATTERNS];
/** A reference to an actor named elsewhere. */
const ACTOR_REFERENCE =
  /\b(?:it|its|they|their|he|she|his|her|(?:the|this|that) (?:[\w-]+ )?(?:group|outfit|organi[sz]ation|movement|network|faction)|insurgen\w*|militan\w*|rebels?|rebellion|jihadis\w*|gunmen|attackers|fighters)\b/i;

/** Frames that weaken a fact told before their verb ("…, the SDF alleged"); a claim does not reach back. */
const WEAKENING_FRAMES: ReadonlySet<Modality> = new Set<Modality>(['alleged', 'denied', 'uncertain']);

/** Persons who speak in the document (sources): "they" in what they say are others. */
let speakerIds = new Set<string>();

/** False when the speaker phrase is someone of the person ("the family of Faisal Ahmad Lone said"). */
function speaksHimself(ctx: DocContext, a: Attribution): boolean {
  const m = mentionsIn(ctx, a.span.start, a.span.end, ['person']).find((x) => x.entity === a.entity);
  return !m || !/\bof\s+(?:the\s+)?$/i.test(ctx.text.slice(a.span.start, m.start));
}

/**
 * The persons "they", "the men", "the suspects" stand for: the persons named in this sentence or
 * the one before, else (a reference ahead: "police said they acted for LeT. … the suspects were
 * A, B and C") in the next one. Speakers are left out.
 */
function lastPersons(ctx: DocContext, pos: number): Entity[] {
  const out: Entity[] = [];
  const sentIdx = ctx.sentences.findIndex((s) => s.start <= pos && pos < s.end);
  const take = (i: number, upTo: number): void => {
    const s = ctx.sentences[i];
    if (!s) return;
    const ps = mentionsIn(ctx, s.start, Math.min(s.end, upTo), ['person'])
      .map((m) => m.entity)
      .filter((p) => !speakerIds.has(p.id));
    const lead = /\b(?:suspects?|men|accused)\b/i.test(ctx.text.slice(s.start, s.end));
    if (ps.length >= 2 || lead) for (const p of ps) if (!out.includes(p)) out.push(p);
  };
  for (let i = sentIdx; i >= Math.max(0, sentIdx - 1) && out.length === 0; i--) take(i, pos);
  if (out.length === 0 && sentIdx >= 0) take(sentIdx + 1, Number.MAX_SAFE_INTEGER);
  return out;
}

/**
 * A person's membership of or support for a group told by someone else ("according to police,
 * the men were working for PAFF") is an accusation until proven: alleged. Not when the person
 * speaks of themself, or the speaker is the group.
 */
function accusedMember(
  ctx: DocContext,
  type: RelationType,
  subject: Entity,
  att: Attribution | null,
): boolean {
  if (!att || subject.type !== 'person' || (type !== 'member_of' && type !== 'supports')) return false;
  if (att.selfClaim || att.entity?.id === subject.id) return false;
  return !mentionsIn(ctx, att.span.start, att.span.end, ['person']).some((m) => m.entity.id === subject.id);
}

/** "$10 million for information on the ISKP head" → reward_for with the amount. */
function rewards(ctx: DocContext, sent: Span, emit: Emit): void {
  const chunk = ctx.text.slice(sent.start, sent.end);
  const re = /(?:\$|USD|US\$|€|£|Rs\.?\s?)\s?(\d[\d,.]*)\s*(million|billion|thousand|m|bn)?\b/gi;
  for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
    const at = { start: sent.start + m.index, end: sent.start + m.index + m[0].length };
    const rest = chunk.slice(m.index + m[0].length);
    const cue =
      /^\s*(?:\w+\s+){0,3}?(?:reward|bounty|for information (?:on|about|leading to)|for (?:the )?(?:capture|arrest)|on (?:the )?head of)/i.exec(
        rest,
      );
    const lead = /\b(?:reward|bounty)\b[^.]{0,40}$/i.test(chunk.slice(0, m.index));
    if (!cue && !lead) continue;
    const from = at.end + (cue?.[0].length ?? 0);
    let obj: Entity | null = after(ctx, from, sent.end, ['person', 'group'])?.entity ?? null;
    const role = /^\s*(?:of\s+)?(?:the\s+)?([\w'’-]+)\s+(?:head|leader|chief|commander|emir)/i.exec(
      ctx.text.slice(from, sent.end),
    );
    if (role) {
      const org = after(ctx, from, from + role[0].length, ORGS);
      const leader = org ? leaderOf(org.entity.id) : null;
      if (leader) obj = ctx.entityById.get(leader) ?? obj;
    }
    const scale: Record<string, number> = { million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, thousand: 1e3 };
    const amount = Math.round(
      Number((m[1] ?? '0').replace(/,/g, '')) * (scale[(m[2] ?? '').toLowerCase()] ?? 1),
    );
    const currency = /^€/.test(m[0]) ? 'EUR' : /^£/.test(m[0]) ? 'GBP' : /^Rs/i.test(m[0]) ? 'INR' : 'USD';
    const subj =
      before(ctx, sent.start, at.start, ['organization', 'location', 'group', 'person'], obj?.id) ??
      mentionsIn(ctx, sent.start, sent.end).find((x) => x.entity.id !== obj?.id)?.entity;
    emit('reward_for', subj, obj, at, at, { amount: `${currency} ${amount}` });
  }
}

let leaderIndex = new Map<string, string>();
function leaderOf(orgId: string): string | null {
  return leaderIndex.get(orgId) ?? null;
}

/** What a party says when it claims an act: "claimed responsibility", "said it was behind", "said its fighters had". */
const CLAIM_CONTENT =
  /^(?:[^.;]{0,40}?\b(?:that\s+)?)?(?:responsibility|credit|(?:it|they) (?:was|were|had been) (?:behind|responsible)|(?:its|their) (?:fighters|men|militants|members|mujahideen|soldiers|forces) (?:had |have )?\w+|(?:it|they) (?:had |have )?(?:carried out|killed|attacked|fired|targeted|detonated|blown up|blew up|launched|shot down|captured|seized|ambushed|struck|hit|bombed|stormed|downed)\b)/i;
const NEGATED_CLAIM = /\b(?:not|never|no|denied|denies|rejected)\b/i;

/** The span of a group's claim of an act in its own statement, or null. */
function claimCue(ctx: DocContext, a: Attribution, sentEnd: number): Span | null {
  if (!a.selfClaim || a.entity?.type !== 'group' || a.frame !== 'claimed') return null;
  const content = ctx.text.slice(a.verb.end, Math.min(sentEnd, a.verb.end + 160));
  const m = CLAIM_CONTENT.exec(content.replace(/^\s+/, ''));
  if (!m) return null;
  const lead = content.length - content.replace(/^\s+/, '').length;
  if (NEGATED_CLAIM.test(content.slice(0, lead + m.index + m[0].length))) return null;
  const start = a.verb.end + lead + m.index;
  return { start, end: start + m[0].length };
}

/** The event told in the sentence, if any. */
function eventInSentence(
  ctx: DocContext,
  sent: Span,
  eventAt: (pos: number) => string | null,
): string | null {
  for (const c of ctx.clauses) {
    if (c.start < sent.start || c.start >= sent.end) continue;
    const ev = eventAt(c.start);
    if (ev) return ev;
  }
  return null;
}

/** The document's first event: a claim told apart from any incident is about the lead one. */
function firstEvent(ctx: DocContext, eventAt: (pos: number) => string | null): string | null {
  for (const c of ctx.clauses) {
    const ev = eventAt(c.start);
    if (ev) return ev;
  }
  return null;
}

/** "blamed ISWAP", "blamed fighters of the Islamic State West Africa Province". */
const BLAME_RE =
  /\b(?:blamed|blames|blaming|suspect|suspects|suspected|accused|accuses|accusing)\s+(?!(?:\w+\s+)?(?:each other|one another)\b)/gi;

/** The event told in the clauses before `pos` (the nearest), if any. */
function eventBefore(ctx: DocContext, pos: number, eventAt: (pos: number) => string | null): string | null {
  let found: string | null = null;
  for (const c of ctx.clauses) {
    if (c.start >= pos) break;
    found = eventAt(c.start) ?? found;
  }
  return found;
}

const SUSPECT_RE =
  /\b(?:is|was|are|were|as)\s+(?:the|a|an)\s+(?:prime|main|key|chief|principal|top)?\s*suspects?\s+in\s+|\bsuspected of (?:carrying out|involvement in|being behind|orchestrating|masterminding)\s+|\bmastermind(?:ed)? (?:of|behind)\s+/gi;

/** Nested names: "Islamic State Khorasan" is a branch of "Islamic State"; "African Union Transition Mission" part of "African Union". */
function nestedNames(ctx: DocContext, emit: Emit): void {
  const orgs = ctx.entities.filter((e) => e.type === 'group' || e.type === 'organization');
  // lower-cased names per org, and the multi-word ones with the space that must follow them, computed once
  const names = orgs.map((e) => [e.name, ...e.aliases]);
  const lower = names.map((ns) => ns.map((n) => n.toLowerCase()));
  const prefixes = names.map((ns) =>
    ns
      .filter((n) => n.split(/\s+/).length >= 2)
      .map((n) => ({ length: n.length, lead: n.toLowerCase() + ' ' })),
  );
  for (const [ci, child] of orgs.entries()) {
    for (const [pi, parent] of orgs.entries()) {
      if (child.id === parent.id) continue;
      const cn = names[ci] as string[],
        cl = lower[ci] as string[];
      const hit = cn.some((n, k) =>
        (prefixes[pi] ?? []).some((p) => n.length > p.length + 2 && (cl[k] as string).startsWith(p.lead)),
      );
      const m = child.mentions[0];
      if (hit && m) emit(child.type === 'organization' ? 'part_of' : 'branch_of', child, parent, m, m);
    }
  }
}

/** "an al-Qaeda-linked group", "the IS-affiliated faction": an unnamed group described by its parent. */
const LINKED_GROUP =
  /[-‐‑](?:linked|affiliated|aligned)\s+(?:(?:jihadist|islamist|militant|armed|extremist|insurgent|rebel)\s+)?(?:group|faction|outfit|organi[sz]ation|militants|insurgents|jihadists|network)\b/giu;
/** A claim made by the phrase just before: "… group swiftly claimed", "… group claimed to have …". */
const CLAIMS_AFTER =
  /^\s+(?:(?:has|had|swiftly|quickly|later|also|soon)\s+){0,2}(?:claimed|said it|said its)\b/i;

/**
 * A claim first told of a described group ("an al-Qaeda-linked group swiftly claimed") and then of
 * a named one ("Responsibility was claimed by JNIM") tells that the named group is the one linked:
 * a branch of the parent. Only the first named claimant within the next three sentences counts.
 */
function linkedClaimants(
  ctx: DocContext,
  attributions: readonly Attribution[],
  push: (type: RelationType, subject: Entity, object: Entity, at: Span) => void,
): void {
  LINKED_GROUP.lastIndex = 0;
  for (let m = LINKED_GROUP.exec(ctx.text); m; m = LINKED_GROUP.exec(ctx.text)) {
    const at = m.index;
    const end = at + m[0].length;
    if (!CLAIMS_AFTER.test(ctx.text.slice(end, end + 40))) continue;
    const parent = mentionsIn(ctx, Math.max(0, at - 60), at, ORGS).find((x) => x.end === at);
    if (!parent) continue;
    const si = ctx.sentences.findIndex((x) => x.start <= at && at < x.end);
    const claimant = attributions.find(
      (a) =>
        a.selfClaim &&
        a.entity?.type === 'group' &&
        a.entity.id !== parent.entity.id &&
        a.span.start > end &&
        a.sentence <= si + 3,
    )?.entity;
    if (claimant) push('branch_of', claimant, parent.entity, { start: parent.start, end });
  }
}

/** Extracts relations sentence by sentence; `suspectEvents` maps a text offset to the event told there. */
export function extractRelations(
  ctx: DocContext,
  attributions: readonly Attribution[],
  eventAt: (pos: number) => string | null,
): RelationDraft[] {
  const out: RelationDraft[] = [];
  const seen = new Set<string>();
  leaderIndex = new Map();
  let leadEvent: string | null | undefined;
  speakerIds = new Set(
    attributions.flatMap((a) =>
      a.entity?.type === 'person' && !a.selfClaim && speaksHimself(ctx, a) ? [a.entity.id] : [],
    ),
  );
  for (const [si, sent] of ctx.sentences.entries()) {
    if (ctx.datelineSpan && sent.end <= ctx.datelineSpan.end) continue;
    const atts = attributions.filter((a) => a.sentence === si);
    const emit: Emit = (type, subject, object, at, cue, attributes) => {
      if (!subject || !object) return;
      const objectId = typeof object === 'string' ? object : object.id;
      if (subject.id === objectId) return;
      const frameAtt =
        atts
          .filter((a) => a.verb.start < at.start || a.verb.start > cue.end)
          .sort((a, b) => Math.abs(a.verb.start - at.start) - Math.abs(b.verb.start - at.start))[0] ?? null;
      let frame: Modality = 'asserted';
      // a frame before the fact governs it; one after it only when it weakens it (", the SDF alleged")
      if (frameAtt && (frameAtt.verb.start < at.start || WEAKENING_FRAMES.has(frameAtt.frame)))
        frame = frameAtt.frame;
      const clauseStart = Math.max(sent.start, ctx.text.lastIndexOf(',', at.start - 2) + 1);
      let modality = modalityOf(
        ctx.text,
        Math.min(clauseStart, at.start),
        at.start,
        Math.max(at.end, cue.end),
        frame,
      );
      const key = `${type}|${subject.id}|${objectId}`;
      if (seen.has(key)) return;
      if (modality === 'asserted' && accusedMember(ctx, type, subject, frameAtt)) modality = 'alleged';
      seen.add(key);
      if (type === 'leader_of') leaderIndex.set(objectId, subject.id);
      out.push({
        type,
        subject: subject.id,
        object: objectId,
        modality,
        evidence: { start: sent.start, end: sent.end },
        attributes,
        attribution: frameAtt,
      });
    };
    const chunk = ctx.text.slice(sent.start, sent.end);
    // the verb-frame rules need an actor: one named in the sentence, or a pronoun or "the group"
    const actorsHere =
      mentionsIn(ctx, sent.start, sent.end, ACTORS).length > 0 || ACTOR_REFERENCE.test(chunk);
    for (const p of actorsHere ? ALL_PATTERNS : PATTERNS) {
      if (p.gate && !p.gate.test(chunk)) continue;
      p.re.lastIndex = 0;
      for (let m = p.re.exec(chunk); m; m = p.re.exec(chunk)) {
        if (m[0].length === 0) {
          p.re.lastIndex++;
          continue;
        }
        p.apply(ctx, m, { start: sent.start + m.index, end: sent.start + m.index + m[0].length }, sent, emit);
      }
    }
    rewards(ctx, sent, emit);
    for (const a of atts) {
      const cue = claimCue(ctx, a, sent.end);
      if (!cue || !a.entity) continue;
      const ev = eventInSentence(ctx, sent, eventAt) ?? (leadEvent ??= firstEvent(ctx, eventAt));
      if (ev) emit('perpetrator_of', a.entity, ev, cue, cue);
    }
    BLAME_RE.lastIndex = 0;
    for (let m = BLAME_RE.exec(chunk); m; m = BLAME_RE.exec(chunk)) {
      const at = { start: sent.start + m.index, end: sent.start + m.index + m[0].length };
      const who = after(ctx, at.end, Math.min(sent.end, at.end + 70), ['group']);
      if (!who || !/^[\s\w'’-]{0,40}$/.test(ctx.text.slice(at.end, who.start))) continue;
      // the incident blamed: one told in this sentence, else the last one told before it
      const ev = eventInSentence(ctx, sent, eventAt) ?? eventBefore(ctx, sent.start, eventAt);
      // the blame is the frame: the relation is read after its verb, so it takes the verb's modality
      if (ev)
        emit('suspect_in', who.entity, ev, { start: at.end, end: who.end }, { start: at.end, end: who.end });
    }
    SUSPECT_RE.lastIndex = 0;
    for (let m = SUSPECT_RE.exec(chunk); m; m = SUSPECT_RE.exec(chunk)) {
      const at = { start: sent.start + m.index, end: sent.start + m.index + m[0].length };
      const ev = eventAt(at.end) ?? eventAt(at.end + 40);
      const subj = before(ctx, sent.start, at.start, ACTORS);
      if (ev) emit('suspect_in', subj, ev, at, at);
    }
  }
  linkedClaimants(ctx, attributions, (type, subject, object, at) => {
    const key = `${type}|${subject.id}|${object.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ type, subject: subject.id, object: object.id, modality: 'asserted', evidence: at });
  });
  nestedNames(ctx, (type, subject, object, at) => {
    if (!subject || !object || typeof object === 'string') return;
    const key = `${type}|${subject.id}|${object.id}`;
    if (
      seen.has(key) ||
      seen.has(`part_of|${subject.id}|${object.id}`) ||
      seen.has(`branch_of|${subject.id}|${object.id}`)
    )
      return;
    seen.add(key);
    out.push({
      type,
      subject: subject.id,
      object: object.id,
      modality: 'asserted',
      evidence: { start: at.start, end: at.end },
    });
  });
  return out;
}

/** Place kinds too wide to say where a group is active from one incident. */
const WIDE_PLACES = new Set(['continent', 'region', 'country']);

/**
 * Where an armed group acts, read off the incidents it carried out or claimed (by the
 * perpetrator_of relations already read, asserted or claimed): the incident's place, and the
 * districts and provinces its own evidence names around that place ("a raid on a village in
 * Macomia district, in … Cabo Delgado province"). Alleged, denied and uncertain acts say nothing.
 */
export function eventPlaceRelations(
  ctx: DocContext,
  events: readonly Event[],
  drafts: readonly RelationDraft[],
): RelationDraft[] {
  const out: RelationDraft[] = [];
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const d of drafts) {
    if (d.type !== 'perpetrator_of' || (d.modality !== 'asserted' && d.modality !== 'claimed')) continue;
    const e = byId.get(d.object);
    const group = ctx.entityById.get(d.subject);
    const lead = e?.evidence[0];
    if (!e || group?.type !== 'group' || !lead || !e.location) continue;
    if (e.modality !== 'asserted' && e.modality !== 'claimed') continue;
    const places = new Map<string, Entity>();
    const here = ctx.entityById.get(e.location);
    if (here && !WIDE_PLACES.has(here.geo?.featureClass ?? '')) places.set(here.id, here);
    for (const m of mentionsIn(ctx, lead.start, lead.end, ['location'])) {
      const fc = m.entity.geo?.featureClass;
      if (fc === 'admin1' || fc === 'admin2') places.set(m.entity.id, m.entity);
    }
    for (const p of places.values())
      out.push({
        type: 'operates_in',
        subject: group.id,
        object: p.id,
        modality: d.modality,
        evidence: { start: lead.start, end: lead.end },
      });
  }
  return out;
}
