/**
 * Relation rules read off verb frames and noun phrases that the older patterns in relations.ts
 * miss: "a front for X", "fighting between X and Y", "fought each other", "controls Sanaa",
 * "in charge of … for X", "the X chief's deputy, identified as Y", "the Pakistan-based X",
 * "the al-Qaeda-linked X", "an Islamic State cell in Deir ez-Zor", "has attacked villages in
 * Beni", "moved fighters to Kunar", "wants independence for Balochistan". Every rule is a
 * compiled constant; a rule only looks at the mentions of its own sentence.
 */
import type { Entity, RelationType } from '../core/index.js';
import { resolveGroup } from './anaphora.js';
import { mentionsIn, type DocContext, type Mention } from './context.js';
import {
  after,
  before,
  clauseSubject,
  g,
  GROUP_NP,
  ORGS,
  personForRole,
  PLACE_INTRO,
  subjectAt,
  type Pattern,
} from './relation-helpers.js';

/** Where the object list of a verb ends: a clause boundary. */
const OBJECT_STOP =
  /[.;:]|,\s+(?:which|who|where|after|while|but|and (?:the|a|an|its|their) \w+ (?:said|says))\b|,\s+(?!including\b)(?:[a-z]+ing)\b|\s(?:after|before|while|when|since|until|despite)\s/;

/** End of the clause that follows `from` in the sentence. */
function objectEnd(ctx: DocContext, from: number, sentEnd: number): number {
  const stop = OBJECT_STOP.exec(ctx.text.slice(from, sentEnd));
  return stop ? from + stop.index : sentEnd;
}

/** Lower-case words of an object before its place name: "the capital Sanaa", "the town of Nyabiondo". */
const OBJECT_LEAD = /^(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:of\s+)?$/;

/** Places named in the object of a verb: right after it, or after a place preposition. */
function placesAfter(ctx: DocContext, cueStart: number, from: number, end: number, max = 3): Mention[] {
  return mentionsIn(ctx, from, end, ['location'])
    .filter(
      (p) =>
        OBJECT_LEAD.test(ctx.text.slice(from, p.start)) ||
        PLACE_INTRO.test(ctx.text.slice(Math.max(cueStart, p.start - 40), p.start)),
    )
    .slice(0, max);
}

/** The group a clause's subject names: the clause's first group, a pronoun, or "the group". */
function groupSubject(ctx: DocContext, sentStart: number, pos: number, exclude?: string): Entity | null {
  return clauseSubject(ctx, sentStart, pos, ['group']) ?? subjectAt(ctx, sentStart, pos, ['group'], exclude);
}

/**
 * The insurgency a place suffers, up to the clause's end: "an insurgency that is now tied to
 * ISIS", "a jihadist insurgency linked to al-Qaeda and the Islamic State".
 */
const INSURGENCY_NP =
  /^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:insurgency|insurgencies|rebellion|uprising|militancy|insurgents|jihadists|rebels)\b[^.;]*/i;
/**
 * The place is the sentence's subject: at most a determiner or possessive and two lower-case
 * words before it ("the restive province of"), none a preposition ("the army in Borno").
 */
const PLACE_SUBJECT_LEAD =
  /^(?:(?:[Tt]he|[A-Z][\w-]*['’]s)\s+)?(?:(?!(?:in|at|from|near|across|with|by|for|to|on|into|inside|around)\s)[a-z][\w-]*\s+){0,2}$/;
/** "Residents call the fighters al-Shabab", "the insurgents, known locally as al-Shabab". */
const FIGHTERS_NAMED =
  /\b(?:call|calls|called|name|names|named|dub|dubs|dubbed)\s+(?:the\s+)?(?:fighters|insurgents|militants|rebels|jihadists|them|the group)\s+|\b(?:fighters|insurgents|militants|rebels|jihadists)\s*,?\s+(?:who are\s+)?known(?:\s+locally)?\s+as\s+/i;

/** A place after "from"/"of" is where the object comes from, not where the act is. */
const PLACE_OF_ORIGIN = /\b(?:from|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$/i;
/** ", where" opening a relative clause about the places before it. */
const WHERE_RE = /,\s*where\s+/gi;

/**
 * "Tillabéri sits in the zone shared by Niger and Mali, where militants loyal to the Islamic State
 * have attacked troops": the places of the main clause, and the group named in the where-clause.
 */
function whereClause(
  ctx: DocContext,
  sentStart: number,
  pos: number,
): { places: Mention[]; group: Entity | null } | null {
  const lead = ctx.text.slice(sentStart, pos);
  let w = -1;
  WHERE_RE.lastIndex = 0;
  for (let m = WHERE_RE.exec(lead); m; m = WHERE_RE.exec(lead)) w = m.index;
  if (w < 0) return null;
  const clauseStart = sentStart + w;
  const group = mentionsIn(ctx, clauseStart, pos, ['group'])[0]?.entity ?? null;
  const pron =
    /^,\s*where\s+(?:it|they|its|the (?:[\w-]+ )?(?:group|militants|insurgents|rebels|jihadists))\b/i.test(
      ctx.text.slice(clauseStart, pos),
    );
  if (!group && !pron) return null;
  const from = Math.max(sentStart, ctx.text.lastIndexOf(';', clauseStart) + 1);
  const places = mentionsIn(ctx, from, clauseStart, ['location']).slice(0, 4);
  return { places, group: group ?? resolveGroup(ctx, sentStart) };
}

/** Words after a verb that make it passive ("were attacked by"): the subject is not the agent. */
const PASSIVE_BEFORE = /\b(?:was|were|been|be|being|is|are|get|got)\s+(?:\w+ly\s+)?$/i;
/** A determiner before an attack word makes it a noun ("the attack in Kabul"). */
const NOUN_BEFORE = /\b(?:the|an?|this|that|its|their|his|her|\d+|one|two|three|several|many|dozens of)\s+$/i;
/** Personnel or property of an actor named as a modifier: "Taliban officials", "army posts". */
const PERSONNEL_AFTER =
  /^(?:['’]s)?\s+(?:[\w-]+\s+)?(?:officials?|forces|soldiers|troops|fighters|members|commanders?|leaders?|positions|posts|bases?|convoys?|checkpoints?|patrols?|officers|personnel|militiamen|vehicles)\b/i;

const RIVAL_NOUN = String.raw`(?:arch-?|main\s+|chief\s+|bitter\s+|long-?time\s+|jihadist\s+)?(?:rivals?|enemy|enemies|foes?|nemesis|adversar(?:y|ies))`;

export const FRAME_PATTERNS: readonly Pattern[] = [
  {
    // "ISKP and its arch-rival, the Taliban", "JNIM's rival ISGS", "the group's enemies, al-Shabaab"
    gate: /\b(?:rivals?|enem(?:y|ies)|foes?|nemesis|adversar(?:y|ies))\b/i,
    re: g(String.raw`(?:\b(?:its|their)\s+|['’]s?\s+)${RIVAL_NOUN}\s*,?\s+(?:the\s+)?`),
    apply: (ctx, m, at, sent, emit) => {
      const obj = after(ctx, at.end, Math.min(sent.end, at.end + 60), ORGS);
      if (!obj || obj.start !== at.end) return;
      const owner = /^['’]/.test(m[0])
        ? mentionsIn(ctx, Math.max(sent.start, at.start - 80), at.start + 1, ORGS).pop()
        : null;
      const subj =
        owner && owner.end === at.start
          ? owner.entity
          : subjectAt(ctx, sent.start, at.start, ORGS, obj.entity.id);
      emit('opposes', subj, obj.entity, at, { start: at.start, end: obj.end });
    },
  },
  {
    // "rival groups ISWAP and Boko Haram", "the rivals JNIM and ISGS"
    re: g(String.raw`\brival(?:s|\s+(?:groups?|factions?|militias?|movements?|outfits?))\s+(?:the\s+)?`),
    apply: (ctx, _m, at, sent, emit) => {
      const sides = mentionsIn(ctx, at.end, Math.min(sent.end, at.end + 120), ORGS);
      const a = sides[0];
      const b = sides.find((x) => a && x.entity.id !== a.entity.id);
      if (
        !a ||
        !b ||
        a.start !== at.end ||
        !/^\s*(?:,|and|&)\s*(?:the\s+)?$/i.test(ctx.text.slice(a.end, b.start))
      )
        return;
      emit('opposes', a.entity, b.entity, at, { start: at.start, end: b.end });
    },
  },
  {
    // "a front for Jaish-e-Mohammad", "a proxy for Iran", "a cover name for LeT"
    gate: /\b(?:front|proxy|cover|shadow group)\s+(?:name\s+)?for\s/i,
    re: g(
      String.raw`\b(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:front|proxy|cover|shadow group)(?:\s+name)?\s+for\s+`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      // a place used as a modifier ("the Pakistan-based JeM") is not the patron
      const obj = mentionsIn(ctx, at.end, Math.min(sent.end, at.end + 70), [...ORGS, 'location']).find(
        (x) => !/^-\p{L}/u.test(ctx.text.slice(x.end, x.end + 2)),
      );
      if (!obj || !/^(?:the\s+)?(?:[\w-]+\s+){0,2}$/i.test(ctx.text.slice(at.end, obj.start))) return;
      const subj =
        before(ctx, sent.start, at.start, ORGS, obj.entity.id) ?? resolveGroup(ctx, at.start, obj.entity.id);
      if (!subj) return;
      const type: RelationType =
        obj.entity.type === 'location'
          ? 'supports'
          : obj.entity.type === 'organization' && subj.type === 'organization'
            ? 'part_of'
            : 'branch_of';
      // a proxy for a state: the state backs the group
      if (type === 'supports') emit(type, obj.entity, subj, at, { start: at.start, end: obj.end });
      else emit(type, subj, obj.entity, at, { start: at.start, end: obj.end });
    },
  },
  {
    // "fighting between the SDF and an Islamic State cell", "clashes between X and Y"
    re: g(
      String.raw`\b(?:fighting|fights?|clash(?:es)?|battles?|war|hostilities|rivalry|feud|conflict|skirmish(?:es)?|gunfights?|firefights?|confrontations?|violence)\s+between\s+`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const end = Math.min(objectEnd(ctx, at.end, sent.end), at.end + 160);
      const sides = mentionsIn(ctx, at.end, end, ORGS);
      const first = sides[0];
      const second = sides.find((x) => first && x.entity.id !== first.entity.id);
      if (!first || !second || !/\band\b/i.test(ctx.text.slice(first.end, second.start))) return;
      emit('opposes', first.entity, second.entity, at, { start: at.start, end: second.end });
    },
  },
  {
    // "the two factions have since fought each other", "X and Y attacked one another"
    re: g(
      String.raw`\b(?:fought|fight|fights|fighting|battled|battling|clashed with|clash with|attacked|attacking|targeted|turned on|feuded with)\s+(?:each other|one another)\b`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const prior = mentionsIn(ctx, sent.start, at.start, ORGS);
      const a = prior[0];
      const b = prior.find((x) => a && x.entity.id !== a.entity.id);
      if (a && b) emit('opposes', a.entity, b.entity, at, { start: a.start, end: at.end });
    },
  },
  {
    // "the Houthis control the capital Sanaa", "took control of Nyabiondo", "seized Kabul"
    re: g(
      String.raw`\b(?:controls?|controlled|controlling|(?:took|taken|take|takes|taking|seized|seize|seizing|gained|wrested|wrest|in|under its|regained|retook) control (?:of|over)|(?:hold|holds|held|holding) sway over|(?:seized|seize|seizes|captured|capture|captures|overran|overrun|overruns|occupies|occupied|occupy)(?! by))\s+(?!power\b|the (?:initiative|reins)\b)`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      if (PASSIVE_BEFORE.test(ctx.text.slice(Math.max(sent.start, at.start - 20), at.start))) return;
      const places = placesAfter(ctx, at.start, at.end, objectEnd(ctx, at.end, sent.end));
      if (!places.length) return;
      const subj = groupSubject(ctx, sent.start, at.start);
      if (!subj) return;
      for (const p of places) emit('operates_in', subj, p.entity, at, { start: at.start, end: p.end });
    },
  },
  {
    // "was in charge of collecting taxes for the Islamic State", "in charge of ISKP's finances"
    re: g(
      String.raw`\b(?:in charge of|responsible for (?:running|managing|overseeing|collecting|recruiting))\s+`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const end = Math.min(objectEnd(ctx, at.end, sent.end), at.end + 90);
      const tail = ctx.text.slice(at.end, end);
      const person = subjectAt(ctx, sent.start, at.start, ['person']);
      if (!person) return;
      const direct = mentionsIn(ctx, at.end, end, ORGS)[0];
      if (
        direct &&
        (direct.start === at.end ||
          /\b(?:for|of|within|inside)\s+(?:the\s+)?$/i.test(ctx.text.slice(at.end, direct.start)))
      )
        return emit('member_of', person, direct.entity, at, { start: at.start, end: direct.end });
      const np =
        /\bfor\s+((?:the|this) (?:[\w-]+ )?(?:group|outfit|organi[sz]ation|movement|militants|network))\b/i.exec(
          tail,
        );
      if (!np) return;
      const org = resolveGroup(ctx, at.end + np.index);
      emit('member_of', person, org, at, { start: at.start, end: at.end + np.index + np[0].length });
    },
  },
  {
    // "the ISKP chief's deputy, identified by police as Qari Zubair Ahmad", "the deputy of the TTP chief", "ISKP's deputy leader X"
    re: g(
      String.raw`\b(?:deputy|second-in-command|number two|right-hand man)\b(?:\s+(?:leader|chief|head|commander|emir))?`,
    ),
    apply: (ctx, m, at, sent, emit) => {
      const lead = ctx.text.slice(Math.max(sent.start, at.start - 60), at.start);
      // owner before: "ISKP's deputy", "the ISKP chief's deputy", "a TTP deputy commander"
      const own = /(?:^|\s)((?:the|a|an)\s+)?$/i.exec(lead);
      const prior = mentionsIn(ctx, Math.max(sent.start, at.start - 60), at.start, ORGS).pop();
      let org: Entity | null = null;
      let roleStart = at.start;
      if (
        prior &&
        /^(?:['’]s?)?\s*(?:(?:top|chief|leader|head|emir|commander|supreme leader)['’]s\s+)?(?:(?:senior|military|political|former|late)\s+)?$/i.test(
          ctx.text.slice(prior.end, at.start),
        )
      ) {
        org = prior.entity;
        const det = /(?:the|a|an)\s+$/i.exec(
          ctx.text.slice(Math.max(sent.start, prior.start - 6), prior.start),
        );
        roleStart = det ? prior.start - det[0].length : prior.start;
      } else {
        const of = /^\s+(?:to|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?/i.exec(
          ctx.text.slice(at.end, at.end + 40),
        );
        const next = of ? after(ctx, at.end, Math.min(sent.end, at.end + 60), ORGS) : null;
        if (next && next.start <= at.end + (of?.[0].length ?? 0) + 1) org = next.entity;
        roleStart = at.start - (own?.[1]?.length ?? 0);
      }
      if (!org) return;
      const roleEnd = Math.max(
        at.end,
        mentionsIn(ctx, at.end, Math.min(sent.end, at.end + 60), ORGS).find((x) => x.entity === org)?.end ??
          0,
      );
      const person = personForRole(ctx, sent, roleStart, roleEnd);
      const type: RelationType = /\s(?:leader|chief|head|commander|emir)$/i.test(m[0])
        ? 'leader_of'
        : 'member_of';
      emit(type, person, org, at, { start: roleStart, end: roleEnd });
    },
  },
  {
    // "the Pakistan-based Jaish-e-Mohammad", "AQAP, as the Yemen-based branch of al-Qaeda is known"
    re: g(String.raw`-based\s+`),
    apply: (ctx, _m, at, sent, emit) => {
      const place = mentionsIn(ctx, Math.max(sent.start, at.start - 60), at.start + 1, ['location']).pop();
      if (!place || place.end !== at.start) return;
      const end = Math.min(sent.end, at.end + 50);
      const branch =
        /^(?:[\w-]+\s+)?(?:branch|affiliate|chapter|wing|franchise|group|outfit|militants|faction|insurgents|rebels)\b(?:\s+of\s+)?/i.exec(
          ctx.text.slice(at.end, end),
        );
      let group: Entity | null = null;
      if (branch) {
        // "the Yemen-based branch of al-Qaeda": the branch is the appositive's head, named before
        group = before(ctx, sent.start, place.start, ['group']) ?? resolveGroup(ctx, place.start);
      } else {
        const next = after(ctx, at.end, end, ['group']);
        if (next && /^(?:[\w-]+\s+)?$/.test(ctx.text.slice(at.end, next.start))) group = next.entity;
      }
      if (!group) return;
      emit('located_in', group, place.entity, at, { start: place.start, end: at.end });
      emit('operates_in', group, place.entity, at, { start: place.start, end: at.end });
    },
  },
  {
    // "the al-Qaeda-linked group al-Shabab", "an IS-affiliated faction, ISWAP"
    re: g(String.raw`-(?:linked|allied|aligned|affiliated|inspired|loyal)\s+`),
    apply: (ctx, m, at, sent, emit) => {
      const patron = mentionsIn(ctx, Math.max(sent.start, at.start - 60), at.start + 1, ORGS).pop();
      if (!patron || patron.end !== at.start) return;
      const end = Math.min(sent.end, at.end + 60);
      const client = after(ctx, at.end, end, ['group']);
      if (!client || !/^(?:[\w-]+\s+){0,3}(?:[\w-]+\s*,\s*)?$/.test(ctx.text.slice(at.end, client.start)))
        return;
      const type: RelationType = /affiliated/i.test(m[0]) ? 'branch_of' : 'supports';
      emit(type, client.entity, patron.entity, at, { start: patron.start, end: client.end });
    },
  },
  {
    // "an Islamic State cell in eastern Syria's Deir ez-Zor", "the Islamic State in Deir ez-Zor", "TTP fighters across Khyber"
    // case-sensitive: the words between the preposition and the place are lower-case modifiers
    re: new RegExp(
      String.raw`(?:['’]s)?\s+(?:(?:cells?|fighters|militants|insurgents|units?|branch|faction|presence|commanders?|operatives|networks?|hideouts?|strongholds?|camps?)\s+)?(?:in|across|throughout|inside)\s+(?:the\s+)?(?:(?:[a-z][\w-]*|[A-Z][\w-]*['’]s)\s+){0,2}`,
      'g',
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const grp = mentionsIn(ctx, Math.max(sent.start, at.start - 80), at.start + 1, ['group']).pop();
      if (!grp || grp.end !== at.start) return;
      const place = mentionsIn(ctx, at.start, Math.min(sent.end, at.end + 40), ['location']).find(
        (p) => p.start >= at.end - 1,
      );
      if (!place || place.start > at.end) return;
      // "(with) an Islamic State cell in Raqqa" — also the possessive place before ("eastern Syria's Deir ez-Zor")
      const earlier = mentionsIn(ctx, at.start, place.start, ['location']);
      for (const p of [...earlier, place])
        emit('operates_in', grp.entity, p.entity, at, { start: grp.start, end: p.end });
    },
  },
  {
    // "the militants have continued to attack villages in Beni territory", "the ELN has fought in Arauca"
    re: g(
      String.raw`\b(?:(?:continued|continue|continues|went on|keep|kept|keeps) to (?:attack|fight|operate|raid|strike)|attacked|attacks|fought|fights|raided|raids|ambushed|ambushes|carried out (?:[\w-]+\s+){0,2}?(?:attacks|raids|ambushes|bombings|operations)|(?:has|have) (?:long )?(?:operated|been active))\b`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const lead = ctx.text.slice(Math.max(sent.start, at.start - 24), at.start);
      if (PASSIVE_BEFORE.test(lead) || NOUN_BEFORE.test(lead)) return;
      const where = whereClause(ctx, sent.start, at.start);
      const places = where
        ? where.places
        : placesAfter(ctx, at.start, at.end, objectEnd(ctx, at.end, sent.end)).filter(
            (p) => !PLACE_OF_ORIGIN.test(ctx.text.slice(Math.max(at.end, p.start - 30), p.start)),
          );
      if (!places.length) return;
      const subj = where?.group ?? groupSubject(ctx, sent.start, at.start);
      if (!subj) return;
      for (const p of places) emit('operates_in', subj, p.entity, at, { start: at.start, end: p.end });
    },
  },
  {
    // "has repeatedly attacked Hazara Shiites, as well as Taliban officials"
    re: g(
      String.raw`\b(?:attacked|attacks|attacking|targeted|targets|targeting|ambushed|ambushing|killed|killing|kidnapped|abducted)\s+`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const lead = ctx.text.slice(Math.max(sent.start, at.start - 24), at.start);
      if (PASSIVE_BEFORE.test(lead) || NOUN_BEFORE.test(lead)) return;
      const end = Math.min(objectEnd(ctx, at.end, sent.end), at.end + 90);
      const subj = subjectAt(ctx, sent.start, at.start, ['group']);
      if (!subj) return;
      for (const o of mentionsIn(ctx, at.end, end, ORGS))
        if (o.entity.id !== subj.id && PERSONNEL_AFTER.test(ctx.text.slice(o.end, o.end + 30)))
          emit('targets', subj, o.entity, at, { start: at.start, end: o.end });
    },
  },
  {
    // "ISKP had moved fighters to Kunar", "deployed hundreds of men into Sambisa"; "al-Awlaqi had moved to Marib"
    re: g(
      String.raw`\b(?:moved|moving|moves|deployed|deploying|deploys|sent|sending|sends|relocated|relocating|shifted|dispatched|redeployed)\s+(?:(?:[\w-]+\s+){0,3}?(?:fighters|militants|men|forces|cadres|units|commanders|members|operatives|troops)\s+)?(?:to|into)\s+`,
    ),
    apply: (ctx, m, at, sent, emit) => {
      const places = placesAfter(ctx, at.start, at.end, objectEnd(ctx, at.end, sent.end), 2);
      if (!places.length) return;
      const troops =
        /\b(?:fighters|militants|men|forces|cadres|units|commanders|members|operatives|troops)\s+(?:to|into)\s+$/i.test(
          m[0],
        );
      const subj = troops
        ? groupSubject(ctx, sent.start, at.start)
        : subjectAt(ctx, sent.start, at.start, ['person', 'group']);
      if (!subj) return;
      const type: RelationType = subj.type === 'person' ? 'located_in' : 'operates_in';
      for (const p of places) emit(type, subj, p.entity, at, { start: at.start, end: p.end });
    },
  },
  {
    // "Cabo Delgado … has been torn since 2017 by an insurgency that is now tied to ISIS. Residents
    // call the fighters al-Shabab"; "Burkina Faso has been battling a jihadist insurgency linked
    // to al-Qaeda": the place is where the insurgency's groups operate.
    re: g(
      String.raw`\b(?:(?:has|have|had) been|is|are|was|were)\s+(?:(?:[a-z]+ly|long|largely|mostly)\s+)?(?:(?:torn|plagued|wracked|racked|gripped|ravaged|hit|beset|roiled|rocked|destabili[sz]ed|devastated|convulsed|scarred|troubled)(?:\s+(?:since|for)\s+[^,;.]{1,30}?)?\s+by|(?:battling|fighting|facing|confronting|grappling with|struggling with|struggling to contain))\s+`,
    ),
    gate: /\b(?:insurgen|rebellion|uprising|militancy|jihadist)/i,
    apply: (ctx, _m, at, sent, emit) => {
      const np = INSURGENCY_NP.exec(ctx.text.slice(at.end, Math.min(sent.end, at.end + 160)));
      if (!np) return;
      const place = mentionsIn(ctx, sent.start, at.start, ['location'])[0];
      if (!place || !PLACE_SUBJECT_LEAD.test(ctx.text.slice(sent.start, place.start))) return;
      const npEnd = at.end + np[0].length;
      const groups = mentionsIn(ctx, at.end, npEnd, ['group']);
      // The next sentence may name the insurgents: "Residents call the fighters al-Shabab".
      const next = ctx.sentences.find((x) => x.start >= sent.end);
      const named = next ? FIGHTERS_NAMED.exec(ctx.text.slice(next.start, next.end)) : null;
      if (next && named) {
        const nameAt = next.start + named.index + named[0].length;
        const grp = mentionsIn(ctx, nameAt, next.end, ['group'])[0];
        if (grp && grp.start === nameAt) groups.push(grp);
      }
      for (const grp of groups)
        emit('operates_in', grp.entity, place.entity, at, {
          start: place.start,
          end: Math.max(npEnd, grp.end),
        });
    },
  },
  {
    // "the separatist group, which wants independence for Balochistan"
    re: g(
      String.raw`\b(?:independence|autonomy|secession|self-determination|self-rule|a separate (?:state|homeland)|an independent (?:state|homeland))\s+(?:for|of|in)\s+(?:the\s+)?`,
    ),
    apply: (ctx, _m, at, sent, emit) => {
      const place = after(ctx, at.end, Math.min(sent.end, at.end + 40), ['location']);
      if (!place || place.start !== at.end) return;
      const np = GROUP_NP.exec(ctx.text.slice(sent.start, at.start));
      const subj = np ? resolveGroup(ctx, sent.start) : groupSubject(ctx, sent.start, at.start);
      if (subj) emit('operates_in', subj, place.entity, at, { start: at.start, end: place.end });
    },
  },
];
