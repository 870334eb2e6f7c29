/**
 * Event trigger lexicon: phrases that name an incident, per ACLED sub-event type. Order is
 * priority: where one clause holds several triggers ("vehicle bomb, suicide blasts and gunfight")
 * the event takes the most specific type. `violent` triggers ("attack", "stormed", "ambush") and
 * `killing` verbs get their type from the targets (armed forces → armed clash, civilians →
 * attack on civilians); `protest` triggers from what police and crowds did (tear gas is fired at a gathering, so it
 * signals one even when the text never says "protest").
 */
import type { EventType } from '../../core/index.js';

export type TriggerClass = EventType | 'violent' | 'killing' | 'protest' | 'riot' | 'territory';

export interface TriggerRule {
  readonly cls: TriggerClass;
  /** Higher wins when one clause holds several triggers. */
  readonly priority: number;
  readonly re: RegExp;
}

const r = (source: string): RegExp => new RegExp(source, 'gi');

/** Priority of a blast or explosion told without its cause: below every named weapon. */
export const UNSPECIFIED_BLAST_PRIORITY = 14.5;

export const TRIGGERS: readonly TriggerRule[] = [
  {
    cls: 'suicide_bomb',
    priority: 20,
    re: r(
      String.raw`\bsuicide[- ](?:car[- ]|truck[- ]|vehicle[- ])?(?:bomb(?:ing|ings|er|ers|s)?|attack(?:s|ers?)?|blasts?|vests?|explosions?|squads?)\b|\bblew (?:himself|herself|themselves) up\b|\bself-detonat\w*|\bkilling (?:himself|herself|themselves)\b|\bdetonated (?:his|her|their) (?:explosives?|vests?|loads?)\b|\bblowing (?:himself|herself|themselves) up\b`,
    ),
  },
  {
    cls: 'grenade',
    priority: 18,
    re: r(
      String.raw`\bgrenade (?:attacks?|blasts?|explosions?)\b|\b(?:threw|hurled|lobbed|tossed|throwing|hurling) (?:a |an )?(?:hand )?grenades?\b|\bgrenades? (?:was|were) (?:thrown|hurled|lobbed|tossed)\b|\bthe grenade\b`,
    ),
  },
  {
    cls: 'air_drone_strike',
    priority: 17,
    re: r(
      String.raw`\b(?:drone|air|aerial)[- ]?(?:strikes?|attacks?|raids?|bombardments?|bombings?)\b|\bairstrikes?\b|\barmed drones?\b|\bunmanned (?:aircraft|aerial vehicles?)\b|\bwarplanes?\b|\bfighter jets?\b|\bhelicopter gunships?\b|\b(?:a|an|the) (?:[\w-]+ )?drones? (?:hit|struck|targeted|attacked|slammed|crashed)\b|\breaper drone\b|\b(?:fired|launched|sent|flew) (?:[\w-]+ )?(?:armed |explosive-laden |kamikaze |suicide )?drones?\b|\b(?:jets?|warplanes?|aircraft|planes?|helicopters?) (?:[\w-]+ )?(?:bombed|struck|pounded|hit|targeted|strafed)\b|\b(?:U\.?S\.?|American|Israeli|Russian|Turkish|coalition|Saudi|Pakistani|Afghan|Nigerian|Iraqi|Syrian|Ukrainian|Kenyan|Somali|Malian|Burkinabe) (?:air |drone |missile )?strikes?\b`,
    ),
  },
  {
    cls: 'remote_explosive_landmine_ied',
    priority: 16,
    re: r(
      String.raw`\bIEDs?\b|\bVBIEDs?\b|\bimprovised (?:explosive devices?|bombs?)\b|\broadside (?:bombs?|explosives?|blasts?|devices?)\b|\bland ?mines?\b|\b(?:car|vehicle|truck|motorcycle|motorbike|bicycle|sticky|parcel|homemade|home-made|magnetic|remote[- ]controlled|twin|pipe) bombs?\b|\bbomb(?:ing|ings|s|ed)?\b(?! (?:disposal|squads?|experts?|technicians?|threats?|scares?))|\bexplosive devices?\b|\bdevices? (?:blew up|went off|exploded|detonated)\b|\b(?:packed|loaded|laden) with explosives\b|\bset off (?:their|its|his) loads?\b|\b(?:hit|struck|stepped on|triggered|ran over) (?:a |an )?(?:[\w-]+ )?mines?\b`,
    ),
  },
  {
    cls: 'shelling_artillery_missile_attack',
    priority: 15,
    re: r(
      String.raw`\bshell(?:ing|ed)\b|\bartillery (?:fire|shells?|strikes?|attacks?|barrages?)\b|\bmortar (?:fire|shells?|attacks?|bombs?)\b|\brocket (?:attacks?|fire|strikes?)\b|\bmissile (?:strikes?|attacks?)\b|\bfired (?:rockets|mortars|missiles)\b|\bfired (?:a |an |two |three )?(?:[\w-]+ )?(?:missiles?|rockets?|mortars?|shells?)\b|\b(?:ballistic |cruise )?missiles?\b|\brockets?\b(?= (?:hit|struck|landed|slammed|fell|exploded))|\bmortar (?:rounds?|shells?)\b`,
    ),
  },
  {
    // A bare "blast" or "explosion" says something went off, not what: typed as a bomb when
    // nothing else is told, it yields to a weapon named for the same incident ("fired two
    // missiles" … "reported explosions near a merchant vessel").
    cls: 'remote_explosive_landmine_ied',
    priority: UNSPECIFIED_BLAST_PRIORITY,
    re: r(String.raw`\bblasts?\b|\bexplosions?\b`),
  },
  {
    cls: 'sexual_violence',
    priority: 14,
    re: r(
      String.raw`\braped\b|\brapes?\b|\bsexual(?:ly)? (?:violence|assault(?:ed)?|abuse(?:d)?|slavery)\b|\bgang-?raped\b`,
    ),
  },
  {
    cls: 'abduction_forced_disappearance',
    priority: 14,
    re: r(
      String.raw`\babduct(?:ed|ion|ions|ing|s)?\b|\bkidnap(?:ped|ping|pings|s)?\b|\btaken hostage\b|\btook (?:\w+ )?hostages?\b|\bforcibly disappeared\b|\b(?:kidnappers|abductors|captors)\b`,
    ),
  },
  {
    cls: 'armed_clash',
    priority: 12,
    re: r(
      String.raw`\bclash(?:es|ed)?\b|\bgun ?fights?\b|\bfire ?fights?\b|\bgun ?battles?\b|\bexchanges? of fire\b|\bexchanged fire\b|\bfighting\b|\bfought\b|\bshoot-?outs?\b|\bencounters?\b(?= (?:with|in|at|between|broke))|\bskirmish(?:es)?\b|\bcounter-?attack(?:s|ed)?\b|\bcrossfire\b|\bgunfire\b|\bcounter-?offensive\b`,
    ),
  },
  {
    cls: 'territory',
    priority: 13,
    re: r(
      String.raw`\b(?:captured|seized|took control of|taken control of|overran|overrun|re-?captured|re-?capture|retook|retake|retaken|regained control of|liberated) (?:the |a |an |complete control of (?:a |the )?|parts of |large parts of )?(?:\w+ ){0,3}(?:town|city|village|port|district|base|area|territory|positions?|airport|outpost|province|region|compound|barracks|strongholds?|control|hideouts?)\b|\bregained control\b(?! of the situation)|\b(?:captured|seized|overran|took control of) (?:large )?parts? of (?:it|them)\b`,
    ),
  },
  {
    // "did not retake Mocímboa da Praia": a place named right after a verb of retaking.
    cls: 'territory',
    priority: 13,
    re: new RegExp(
      String.raw`\b(?:[Rr]e-?captured?|[Rr]ecapturing|[Rr]etook|[Rr]etaken?|[Rr]etaking) (?=\p{Lu})`,
      'gu',
    ),
  },
  {
    // Beating and torture of someone held: violence against one who cannot fight back.
    cls: 'attack',
    priority: 9,
    re: r(String.raw`\b(?:beaten|tortured)\b(?! (?:back|off|by \d))`),
  },
  {
    cls: 'violent',
    priority: 10,
    re: r(
      String.raw`\battack(?:s|ed|ing)?\b|\bassault(?:s|ed)?\b|\braid(?:s|ed)?\b|\bstorm(?:ed|ing)\b|\bambush(?:ed|es)?\b|\bopen(?:ed)? fire\b|\boffensive\b|\blaid siege\b|\bsieges?\b|\bmassacres?\b|\bshootings?\b|\bgun attacks?\b|\bstruck\b|\bstrikes?\b(?= (?:on|against))|\bsnipers?\b|\bfired (?:on|at|into|across|upon)\b|\bbeheadings?\b|\bkillings?\b(?= of)|\bdestroyed\b(?= (?:an? |the |two |three |four |several |\d+ )?(?:[\w-]+ ){0,2}(?:tanks?|armou?red (?:vehicles?|personnel carriers?)|military vehicles?|helicopters?|checkpoints?|military posts?|army posts?)\b)`,
    ),
  },
  {
    cls: 'arrests',
    priority: 9,
    re: r(
      String.raw`\barrest(?:ed|s|ing)?\b|\bdetain(?:ed|ing|s)?\b|\btaken into custody\b|\bapprehend(?:ed|s)?\b|\brounded up\b`,
    ),
  },
  {
    cls: 'riot',
    priority: 8,
    re: r(String.raw`\briot(?:s|ing|ers)?\b|\bmobs?\b|\blynch(?:ed|ing)?\b|\bstone-pelting\b`),
  },
  {
    cls: 'protest',
    priority: 7,
    re: new RegExp(
      String.raw`(?<!\b(?:formal|diplomatic|strong|official|a|in) )\b[Pp]rotest(?:s|ers|ed|ing)?\b|\b[Dd]emonstrat(?:ion|ions|ors|ed|ing)\b|\b[Rr]all(?:y|ies)\b|\bsit-ins?\b|\bmarched\b|\bprotest march(?:es)?\b|\btook to the streets\b|\b(?:fired|firing|lobbed|used|using)\s+(?:volleys of\s+)?[Tt]ear[- ]?gas\b|\b[Tt]ear[- ]?gas (?:was|were) (?:fired|used|lobbed)\b`,
      'g',
    ),
  },
  {
    cls: 'killing',
    priority: 6,
    re: r(
      String.raw`\bkill(?:ed|ing|s)?\b|\bshot dead\b|\bshot and (?:killed|wounded)\b|\bgunned down\b|\bbeheaded\b|\bexecuted\b|\bmurdered\b|\bslain\b|\bassassinat\w+|\bshot\b(?= (?:at|and|a |an |two|three|\d))|\bneutrali[sz](?:ed|ing)\b|\b(?:hacked|beaten|stabbed|burned) to death\b|\bbeat (?:a |an |two |three )?(?:\w+ )?to death\b`,
    ),
  },
  {
    cls: 'other',
    priority: 4,
    re: r(String.raw`\bcoup\b|\boverthr(?:ew|own)\b|\bousted\b|\btook power\b|\bseized power\b`),
  },
  {
    cls: 'non_violent_transfer_of_territory',
    priority: 4,
    re: r(
      String.raw`\bwithdrew from\b|\bwithdrew\b|\bpulled out of\b|\bhanded over (?:control of )?(?:the )?(?:town|city|base|area)\b`,
    ),
  },
  {
    cls: 'change_to_group_activity',
    priority: 4,
    re: r(
      String.raw`\b(?:deployed|deployment of) (?:the )?(?:army|troops|military|soldiers|forces)\b|\b(?:army|troops|military|soldiers) (?:had |has |have )?been deployed\b|\bcurfew\b|\bstate of emergency\b`,
    ),
  },
  {
    cls: 'agreement',
    priority: 4,
    re: r(
      String.raw`\bceasefire\b|\bpeace (?:deal|accord|agreement)\b|\btruce\b|\bsigned (?:an? )?(?:agreement|deal|accord)\b`,
    ),
  },
  {
    cls: 'disrupted_weapons_use',
    priority: 3,
    re: r(
      String.raw`\bdefus(?:ed|ing)\b|\bfoiled\b|\bthwarted\b|\bshot down\b|\bbrought down (?:a |an |the )?\S*\s?drone\b|\bdowned\b|\bintercepted\b|\bseized (?:weapons|arms|explosives|ammunition)\b`,
    ),
  },
  {
    cls: 'looting_property_destruction',
    priority: 2,
    re: r(
      String.raw`\blooted\b|\blooting\b|\btorched\b|\bburn(?:ed|t|ing)\b(?! to death)|\bset ablaze\b|\brazed\b|\bset (?:on )?fire\b|\bsetting (?:parts of )?(?:\w+ ){0,3}on fire\b|\bburn(?:ed|t) down\b|\bvandali[sz]ed\b`,
    ),
  },
];

/** Words before a trigger that make it an aggregate or a generic mention, not one incident. */
export const AGGREGATE_BEFORE =
  /\b(?:multiple|numerous|a string of|a series of|a spate of|a wave of|waves of|repeated|frequent|dozens of|scores of|hundreds of|string of|series of|targets of|campaign of)\s+(?:\S+\s+){0,2}$/i;
/** "one of the deadliest strikes in months": the incident told is compared with others, none is told. */
export const COMPARED_BEFORE = /\bone of the\s+(?:\S+\s+){0,2}$/i;
/**
 * A trigger that dates something else: "no operations since the truce took effect", "the worst
 * violence since the 2021 coup". The event named after "since" is a point in time, not news.
 */
export const SINCE_BEFORE =
  /\bsince\s+(?:the|a|an|its|their|last\s+\w+['’]s|\w+['’]s)\s+(?:[\w-]+\s+){0,2}$/i;
/** Words that make a plural trigger generic ("such attacks", "other raids", "many bombings"). */
export const PLURAL_GENERIC_BEFORE =
  /\b(?:many|such|similar|future|further|more|any|other|recent|previous|several|these|those|its|their)\s+(?:\S+\s+){0,2}$/i;

/**
 * A modal perfect ("may have been killed", "are believed to have killed", "might have hit") tells
 * of a past act whose truth is uncertain, not of a hypothetical one; "purporting to show soldiers
 * burning" depicts an act.
 */
export const UNCERTAIN_PAST_BEFORE =
  /\b(?:to|may|might|could|must)\s+have\s+(?:been\s+)?(?:\S+\s+)?$|\bto\s+(?:show|depict|film|capture)\s+(?:\S+\s+){0,3}$/i;

/** Words before a trigger that make it hypothetical ("capability to conduct", "plans to attack"). */
export const IRREALIS_BEFORE =
  /\b(?:to|will|would|could|can|might|may|plans? to|planning|threat(?:ened|ens)? to|capability to|ability to|another|likely)\s+(?:[^\s,;:.]+\s+){0,2}$|\b(?:would|will) be (?:the )?(?:first|second|next|last|latest)\s+(?:\S+\s+){0,2}$/i;

/**
 * Definite reference to an incident already told ("the attack", "that raid", "the blast"); not
 * "that" as a conjunction before a verb ("alleged that soldiers had executed …"), nor "this month, gunmen".
 */
export const ANAPHORIC_BEFORE =
  /\b(?:the|that|this|the same|thursday's|sunday's|saturday's|friday's|monday's|tuesday's|wednesday's|yesterday's|today's|its|their)\s+(?:(?!(?:had|has|have|was|were|is|are|been|would|will|could|may|might|did|also|then|month|week|year|morning|evening|afternoon|night)\b)[^\s,;:.]+\s+){0,2}$/i;

/**
 * "an insurgency that has killed thousands", "the conflict, which has already killed 6,000": a
 * war named by an abstract noun, with its running toll's perfect tense. What follows is the
 * sum of many incidents, not one.
 */
export const RUNNING_TOLL_LEAD = String.raw`\b(?:insurgency|insurgencies|conflict|war|violence|fighting|unrest|crisis|rebellion|uprising|militancy|campaign|jihad|bloodshed)\s*,?\s+(?:that|which)?\s*(?:has|have|had)\s+(?:(?:so far|already|since|now|reportedly)\s+)*`;
