/**
 * The records that stages exchange. They mirror the public extraction document
 * (`sitrep.extraction/1`, see ../../../shared/contract/extraction.md): plain, readonly,
 * JSON-serialisable values that point at each other by id and carry provenance as
 * UTF-16 offsets into the document's normalised text.
 */

/** A half-open range `[start, end)` of UTF-16 code units in a document's normalised text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type EntityType = 'person' | 'group' | 'organization' | 'location' | 'other';

export type Modality = 'asserted' | 'claimed' | 'alleged' | 'denied' | 'negated' | 'uncertain';

export const MODALITIES: readonly Modality[] = [
  'asserted',
  'claimed',
  'alleged',
  'denied',
  'negated',
  'uncertain',
];

export type FeatureClass = 'continent' | 'region' | 'country' | 'admin1' | 'admin2' | 'city' | 'facility';

/** Where a location lies: coordinates and admin hierarchy. */
export interface Geo {
  readonly lat: number;
  readonly lon: number;
  readonly countryCode: string | null;
  readonly admin1: string | null;
  readonly admin2: string | null;
  readonly featureClass: FeatureClass;
  readonly geonamesId: number | null;
}

export interface Entity {
  readonly id: string;
  readonly type: EntityType;
  /** Canonical name: the knowledge-base name, else the fullest form in the text. */
  readonly name: string;
  /** Every other surface form that refers to the entity. */
  readonly aliases: readonly string[];
  /** Where the text names the entity: each span reads as its name or one of its aliases. */
  readonly mentions: readonly Span[];
  /** Pronouns and descriptions resolved to it ("he", "the group", "the ISKP head"): coreference evidence. */
  readonly references?: readonly Span[];
  readonly kbId: string | null;
  readonly geo?: Geo | null;
  /** Document-independent identity: kbId, else a hash of normalised name and type. */
  readonly key?: string;
  /** Confidence in [0, 1] of the weakest decision that produced the entity (NER, linking). */
  readonly confidence?: number;
}

export const EVENT_TYPES = {
  battles: ['armed_clash', 'government_regains_territory', 'non_state_actor_overtakes_territory'],
  explosions_remote_violence: [
    'chemical_weapon',
    'air_drone_strike',
    'suicide_bomb',
    'shelling_artillery_missile_attack',
    'remote_explosive_landmine_ied',
    'grenade',
  ],
  violence_against_civilians: ['sexual_violence', 'attack', 'abduction_forced_disappearance'],
  protests: ['peaceful_protest', 'protest_with_intervention', 'excessive_force_against_protesters'],
  riots: ['violent_demonstration', 'mob_violence'],
  strategic_developments: [
    'agreement',
    'arrests',
    'change_to_group_activity',
    'disrupted_weapons_use',
    'headquarters_or_base_established',
    'looting_property_destruction',
    'non_violent_transfer_of_territory',
    'other',
  ],
} as const;

/** ACLED event types. */
export type EventCategory = keyof typeof EVENT_TYPES;
/** ACLED sub-event types. */
export type EventType = (typeof EVENT_TYPES)[EventCategory][number];

export type DatePrecision = 'day' | 'month' | 'year' | 'range' | 'unknown';

/** A time expression resolved against the publication date; ISO `YYYY-MM-DD` or null. */
export interface DateRange {
  readonly start: string | null;
  readonly end: string | null;
  readonly precision: DatePrecision;
  readonly text: string | null;
}

/** A count with bounds, as news gives it ("at least 12" → min 12, max null). */
export interface Count {
  readonly min: number | null;
  readonly max: number | null;
  readonly text: string | null;
}

export interface Event {
  readonly id: string;
  readonly category: EventCategory;
  readonly type: EventType;
  /** Incidents this record stands for ("three separate attacks" → 3). */
  readonly count: number;
  readonly date: DateRange;
  /** Entity id of the most specific location. */
  readonly location: string | null;
  /** Entity ids. */
  readonly perpetrators: readonly string[];
  /** Entity ids or free-text target descriptions. */
  readonly targets: readonly string[];
  readonly claimedBy: readonly string[];
  readonly fatalities: Count | null;
  readonly injured: Count | null;
  readonly modality: Modality;
  readonly sources: readonly string[];
  readonly evidence: readonly Span[];
}

export const RELATION_TYPES = [
  'leader_of',
  'member_of',
  'branch_of',
  'part_of',
  'supports',
  'opposes',
  'targets',
  'located_in',
  'operates_in',
  'suspect_in',
  'perpetrator_of',
  'reward_for',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export interface Relation {
  readonly id: string;
  readonly type: RelationType;
  /** Entity id. */
  readonly subject: string;
  /** Entity or event id. */
  readonly object: string;
  readonly modality: Modality;
  readonly sources: readonly string[];
  readonly evidence: readonly Span[];
  readonly attributes?: Readonly<Record<string, string>>;
}

export type SourceKind =
  | 'outlet'
  | 'official'
  | 'anonymous'
  | 'agency'
  | 'social_media'
  | 'perpetrator_claim'
  | 'witness'
  | 'unknown';

/** Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export interface Source {
  readonly id: string;
  /** How the article names the source ("Kabul-based agency sources"). */
  readonly text: string;
  readonly kind: SourceKind;
  readonly reliability: Reliability;
  readonly mentions: readonly Span[];
}

export interface Claim {
  readonly id: string;
  /** The sentence or clause that states it. */
  readonly evidence: Span;
  /** Source id; null for the outlet's own voice. */
  readonly source: string | null;
  readonly modality: Modality;
  readonly credibility: Credibility;
  /** Ids of the entities, events and relations the claim is about. */
  readonly about: readonly string[];
}

/** A problem in the data (not an operational failure): kept in the output with a code and span. */
export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly span?: Span;
}

/** Metadata of one document, as the pipeline read it. */
export interface DocumentInfo {
  /** `sha256:` + hex hash of the normalised text. */
  readonly id: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly dateline: string | null;
  readonly language: string;
  readonly outlet?: string | null;
  readonly author?: string | null;
  readonly text?: string;
}

export const EXTRACTION_SCHEMA = 'sitrep.extraction/1';

/** The extraction document: the pipeline's output for one document. */
export interface Extraction {
  readonly schema: typeof EXTRACTION_SCHEMA;
  readonly document: DocumentInfo;
  readonly entities: readonly Entity[];
  readonly events: readonly Event[];
  readonly relations: readonly Relation[];
  readonly sources: readonly Source[];
  readonly claims: readonly Claim[];
  readonly problems?: readonly Problem[];
}

/** What ingestion hands to the pipeline: normalised text and what is known about it. */
export interface IngestedDocument {
  /** NFC-normalised text; every offset downstream refers to it. */
  readonly text: string;
  readonly title: string | null;
  readonly url: string | null;
  /** ISO date `YYYY-MM-DD`, or null when unknown. */
  readonly published: string | null;
  /** The dateline's place as written ("NEW DELHI"), or null. */
  readonly dateline: string | null;
  /** The country or region the dateline writes after its place ("Pakistan" in "KHAR, Pakistan:"). */
  readonly datelineRegion?: string | null;
  /** Where the dateline (place, and any date/agency in it) sits in `text`; later stages skip it. */
  readonly datelineSpan: Span | null;
  /** ISO 639-1 code, or 'und' when it cannot be told. */
  readonly language: string;
  readonly outlet: string | null;
  readonly author: string | null;
  /** Where it came from: a file path, URL or `-`. */
  readonly origin: string;
  readonly problems: readonly Problem[];
}

/** One subscribed feed, as stored between polls (ingest polls it, the store keeps it). */
export interface FeedState {
  readonly url: string;
  /** Seconds between successful polls. */
  readonly intervalSeconds: number;
  /** Validators from the last 200 response, sent back for a conditional GET. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** ISO timestamp of the earliest next poll (null: due now). */
  readonly nextPollAt: string | null;
  /** Consecutive failed polls; drives exponential back-off. 0 after a success. */
  readonly failures: number;
  /** One-line reason of the last failure, or null. */
  readonly lastError: string | null;
  /** Feed title as last seen (null before the first successful poll). */
  readonly title?: string | null;
  /** ISO timestamp of the last poll attempt. */
  readonly lastPolledAt?: string | null;
}
