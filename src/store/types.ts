import type {
  Credibility,
  DatePrecision,
  Entity,
  EntityType,
  Event,
  EventCategory,
  EventType,
  Extraction,
  FeatureClass,
  IngestedDocument,
  Modality,
  Problem,
  Reliability,
  SourceKind,
} from '../core/index.js';

/** What the pipeline hands the store for one document: the input as read and its extraction. */
export interface DocumentRecord {
  readonly doc: IngestedDocument;
  readonly extraction: Extraction;
  /** The story (set of exact and syndicated copies) the pipeline placed the document in. */
  readonly story?: { readonly storyId: string; readonly fingerprint: StoryFingerprint };
}

/** Fingerprints of a document's text, computed by the pipeline (ingest's MinHash), kept for finding copies. */
export interface StoryFingerprint {
  readonly exactKey: string;
  readonly signature: string;
  /** Locality-sensitive hashing bands: copies share at least one. */
  readonly bands: readonly string[];
}

/** A stored document that may be a copy of a new one. */
export interface StoryCandidate {
  readonly docId: string;
  readonly storyId: string;
  readonly exactKey: string;
  readonly signature: string;
}

/** The outcome of saving one document. */
export interface SaveResult {
  readonly id: string;
  /** False when the same text was stored before and this save updated it. */
  readonly created: boolean;
}

/** One line of a document listing. */
export interface DocumentSummary {
  readonly id: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly dateline: string | null;
  readonly language: string;
  readonly outlet: string | null;
  readonly origin: string;
  readonly ingestedAt: string;
  readonly entityCount: number;
  readonly eventCount: number;
}

/** A stored document with its text and extraction. */
export interface StoredDocument extends DocumentSummary {
  readonly text: string;
  readonly author: string | null;
  readonly extraction: Extraction;
  readonly problems: readonly Problem[];
  /** The story this document belongs to, and the other documents in it (copies of the same report). */
  readonly storyId: string | null;
  readonly storyMembers: readonly string[];
}

/** A full-text search hit; `snippet` marks matched terms with \u0002…\u0003. */
export interface SearchHit {
  readonly docId: string;
  readonly title: string | null;
  readonly published: string | null;
  readonly snippet: string;
  /** Lower is better (bm25). */
  readonly rank: number;
}

/** An entity across documents, keyed by its document-independent key. */
export interface EntitySummary {
  readonly key: string;
  readonly name: string;
  readonly type: Entity['type'];
  readonly kbId: string | null;
  readonly aliases: readonly string[];
  readonly documents: number;
  readonly mentions: number;
}

/** Filters for entity listings. */
export interface EntityFilter {
  readonly type?: Entity['type'];
  readonly name?: string;
  /** Names or aliases starting with this (case- and accent-insensitive), for search-as-you-type. */
  readonly prefix?: string;
  readonly limit?: number;
}

/** An event as stored: the document's event record plus names of the entities it points at. */
export interface StoredEvent {
  readonly docId: string;
  readonly event: Event;
  readonly locationName: string | null;
  readonly countryCode: string | null;
  readonly perpetratorNames: readonly string[];
  readonly targetNames: readonly string[];
  readonly claimedByNames: readonly string[];
  readonly evidenceText: string;
  /** Where the event's location lies; `featureClass` says how precise it is (a city, or only a province or country). */
  readonly point?: EventPoint | null;
}

/** The coordinates of an event's location and their precision. */
export interface EventPoint {
  readonly lat: number;
  readonly lon: number;
  readonly featureClass: FeatureClass | null;
}

/** A rectangle in degrees: west, south, east, north. */
export type BBox = readonly [number, number, number, number];

/** Filters for event listings; all optional, combined with AND. */
export interface EventFilter {
  /** An ACLED category or sub-event type. */
  readonly type?: string;
  /** A name or alias of a perpetrator, target or claimant (case- and accent-insensitive). */
  readonly actor?: string;
  /** A place name: the event's location, its admin1/admin2 or country code. */
  readonly place?: string;
  /** ISO date: events whose date range ends on or after it. */
  readonly since?: string;
  /** ISO date: events whose date range starts on or before it. */
  readonly until?: string;
  /** Events whose location lies inside this rectangle. */
  readonly bbox?: BBox;
  /** Events in which the entity with this key plays any part (perpetrator, target, claimant, location). */
  readonly entity?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** The one interface every storage engine implements (SQLite now, PostgreSQL later). */
export interface Store extends FusionStore {
  /** Stores a document and its extraction atomically: all of it or nothing. Re-saving the same text updates. */
  saveDocument(record: DocumentRecord): Promise<SaveResult>;
  /** A document by full id or unambiguous id prefix (at least 6 hex digits). */
  getDocument(idOrPrefix: string): Promise<StoredDocument | null>;
  listDocuments(options?: { limit?: number; offset?: number }): Promise<DocumentSummary[]>;
  countDocuments(): Promise<number>;
  /** Ranked full-text search over titles and texts. */
  search(query: string, options?: { limit?: number }): Promise<SearchHit[]>;
  listEntities(filter?: EntityFilter): Promise<EntitySummary[]>;
  listEvents(filter?: EventFilter): Promise<StoredEvent[]>;
  /** Stored documents sharing the exact key or a signature band with `fingerprint` (index lookups only). */
  findStoryCandidates(fingerprint: StoryFingerprint, excludeId: string): Promise<StoryCandidate[]>;
  /** Events per week (weeks start on Monday) and ACLED category, for the filters given. */
  eventHistogram(filter?: EventFilter): Promise<WeekCount[]>;
  /** Everything known about one entity across documents, or null when no document mentions it. */
  getEntityProfile(key: string, options?: { limit?: number }): Promise<EntityProfile | null>;
  /** Relations between entities across documents, aggregated by (subject, object, type). */
  relationGraph(options?: GraphOptions): Promise<RelationGraph>;
  /** Events of the same category, day and place on which documents disagree (fatality counts). */
  listContradictions(options?: { limit?: number }): Promise<Contradiction[]>;
  /** Applies an analyst's correction and records it (who, when, before, after). */
  applyCorrection(action: CorrectionAction, meta: CorrectionMeta): Promise<Correction>;
  /** Undoes a correction: the data returns to what it would be had it never been applied. */
  revertCorrection(id: number, meta: CorrectionMeta): Promise<Correction>;
  /** The audit trail, newest first. */
  listCorrections(options?: { limit?: number }): Promise<Correction[]>;
  /** Why documents' unknown names were put in the cluster `key` (or in the clusters of that name's key), oldest first. */
  entityClusterDecisions(key: string, options?: { limit?: number }): Promise<EntityClusterDecision[]>;
  close(): Promise<void>;
}

/**
 * One automatic identity decision: a document's unknown name joined (or founded) a cluster of that
 * name, for the reason given. Reversible with a merge or split correction.
 */
export interface EntityClusterDecision {
  readonly docId: string;
  /** The pipeline's key of the name (normalised name and type). */
  readonly baseKey: string;
  /** The entity key the document's mentions were stored under. */
  readonly clusterKey: string;
  readonly name: string;
  readonly type: string;
  readonly decidedAt: string;
  readonly reason: string;
  /** Context features shared with the cluster ("kb:actor:ttp", "cc:PK", "a1:PK.balochistan", "name:person:…"). */
  readonly shared: readonly string[];
  /** How many clusters the name has now. */
  readonly clustersOfName: number;
}

/** One bar of the event timeline: a week (its Monday), a category and how many events. */
export interface WeekCount {
  readonly week: string;
  readonly category: EventCategory;
  readonly count: number;
}

/** An entity as a node or an end of a relation. */
export interface EntityRef {
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
}

/** Relations of one type between an entity and another one, across documents. */
export interface EntityRelation {
  readonly type: string;
  /** `out`: the profiled entity is the subject; `in`: it is the object. */
  readonly direction: 'out' | 'in';
  readonly other: EntityRef;
  readonly count: number;
  readonly modalities: readonly Modality[];
  readonly docIds: readonly string[];
}

/** A claim about an entity (or an event or relation it is part of), with its source and Admiralty grade. */
export interface EntityClaim {
  readonly docId: string;
  readonly docTitle: string | null;
  readonly published: string | null;
  readonly claimId: string;
  readonly text: string;
  readonly modality: Modality;
  readonly credibility: Credibility;
  readonly source: {
    readonly text: string;
    readonly kind: SourceKind;
    readonly reliability: Reliability;
  } | null;
  /** Admiralty grade, reliability then credibility ("B2"); "?" stands for the outlet's own voice, whose reliability the store does not know. */
  readonly grade: string;
}

/** An event the entity takes part in, in date order. */
export interface TimelineEntry {
  readonly docId: string;
  readonly eventId: string;
  readonly role: 'perpetrator' | 'target' | 'claimant' | 'location';
  readonly date: {
    readonly start: string | null;
    readonly end: string | null;
    readonly precision: DatePrecision;
  };
  readonly category: EventCategory;
  readonly type: EventType;
  readonly locationName: string | null;
  readonly fatalities: number | null;
  readonly modality: Modality;
}

/** A place linked to an entity: its own location, where its events happened, where it operates. */
export interface LinkedPlace extends EntityRef, EventPoint {
  /** How it is linked: `self`, `event` or a relation type such as `operates_in`. */
  readonly link: string;
  readonly count: number;
}

/** An entity's profile: summary, relations, claims with grades, timeline and places. */
export interface EntityProfile extends EntitySummary {
  /** Relations of membership and allegiance (member_of, branch_of, part_of, leader_of, supports, opposes). */
  readonly affiliations: readonly EntityRelation[];
  readonly relations: readonly EntityRelation[];
  readonly claims: readonly EntityClaim[];
  readonly timeline: readonly TimelineEntry[];
  readonly places: readonly LinkedPlace[];
  readonly recentDocuments: readonly {
    readonly id: string;
    readonly title: string | null;
    readonly published: string | null;
  }[];
}

/** Options for the relation graph. */
export interface GraphOptions {
  /** Only relations touching this entity key. */
  readonly entity?: string;
  readonly type?: string;
  readonly limit?: number;
}

/** Entities and the relations between them. */
export interface RelationGraph {
  readonly nodes: readonly (EntityRef & { readonly documents: number })[];
  readonly edges: readonly {
    readonly source: string;
    readonly target: string;
    readonly type: string;
    readonly count: number;
    readonly modalities: readonly Modality[];
  }[];
}

/** Documents that disagree about what looks like one event. */
export interface Contradiction {
  readonly kind: 'fatalities';
  readonly category: EventCategory;
  readonly date: string;
  readonly place: EntityRef;
  readonly reports: readonly {
    readonly docId: string;
    readonly eventId: string;
    readonly fatalities: number;
  }[];
}

/** Event fields an analyst may edit. */
export interface EventEdit {
  readonly category?: EventCategory;
  readonly type?: EventType;
  readonly date?: {
    readonly start: string | null;
    readonly end: string | null;
    readonly precision: DatePrecision;
  };
  readonly fatalities?: number | null;
  readonly injured?: number | null;
  readonly modality?: Modality;
  readonly count?: number;
}

/** What an analyst changes. Entities are named by their cross-document key. */
export type CorrectionAction =
  | { readonly kind: 'entity_type'; readonly key: string; readonly type: EntityType }
  | { readonly kind: 'merge_entities'; readonly from: string; readonly into: string }
  /** Moves the entity's mentions in these documents to a new entity. */
  | { readonly kind: 'split_entity'; readonly key: string; readonly docIds: readonly string[] }
  | {
      readonly kind: 'edit_event';
      readonly docId: string;
      readonly eventId: string;
      readonly fields: EventEdit;
    };

/** Who makes a correction and why. */
export interface CorrectionMeta {
  readonly author: string;
  readonly note?: string;
}

/** An audit record: who changed what, when, and the state before and after. */
export interface Correction {
  readonly id: number;
  readonly at: string;
  readonly author: string;
  readonly note: string | null;
  readonly action: CorrectionAction;
  readonly before: unknown;
  readonly after: unknown;
  readonly revertedAt: string | null;
  readonly revertedBy: string | null;
}

// ── Cross-document fusion (issue 8) ─────────────────────────────────────────────────────────

/** A piece of evidence in a stored document: its id, the span and the text the span reads. */
export interface EvidenceRef {
  readonly docId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A source as one document names it, with its Admiralty reliability. */
export interface ReportSource {
  readonly text: string;
  readonly kind: SourceKind;
  readonly reliability: Reliability;
}

/** One document's report of a fused event: its own record, figures, evidence and sources, never overwritten. */
export interface FusionReport {
  readonly docId: string;
  readonly eventId: string;
  /** Story of the document: copies (exact or syndicated) share it and count as one report. */
  readonly storyId: string | null;
  readonly docTitle: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly event: Event;
  readonly locationName: string | null;
  readonly perpetratorNames: readonly string[];
  readonly claimedByNames: readonly string[];
  readonly evidence: readonly EvidenceRef[];
  /** The sources the document gives for the event; empty when it is the outlet's own voice. */
  readonly sources: readonly ReportSource[];
  /** Best single-document credibility of the claims about the event in its document (null: none graded it). */
  readonly credibility: Credibility | null;
  /** How the report joined the fused event (1 for the first report). */
  readonly confidence: number;
  readonly reason: string;
}

/** One incident as several documents report it. */
export interface FusedEvent {
  /** `fev:` id derived from its first report; stable while that report is stored. */
  readonly id: string;
  readonly category: EventCategory;
  readonly reports: readonly FusionReport[];
  /** Reports from distinct stories (syndicated copies count once). */
  readonly independentReports: number;
  /** Contradiction records (kind `revision` excluded) that involve this event. */
  readonly contradictions: number;
  /** Their kinds, one entry per record. */
  readonly contradictionKinds: readonly ContradictionKind[];
}

/** Filters for fused-event listings: the event filter (any report matching selects the fused event), or one document's. */
export interface FusedEventFilter extends EventFilter {
  /** Only fused events with a report from this document. */
  readonly docId?: string;
}

/** What kind of disagreement a contradiction record describes; `revision` is a later, higher toll (not a contradiction). */
export type ContradictionKind =
  'fatalities' | 'injured' | 'perpetrator' | 'claimant' | 'place' | 'date' | 'status' | 'revision';

/** One side of a contradiction: what a document says, and where. */
export interface ContradictionSide {
  readonly docId: string;
  readonly docTitle: string | null;
  readonly published: string | null;
  readonly storyId: string | null;
  /** Event or claim id within the document. */
  readonly ref: string;
  readonly value: string;
  readonly evidence: readonly EvidenceRef[];
}

/** A recorded disagreement between two independent reports; both sides are kept as they were. */
export interface ContradictionRecord {
  readonly id: number;
  readonly kind: ContradictionKind;
  /** The fused event both sides report, for event contradictions. */
  readonly fusedId: string | null;
  /** The entity both sides talk about, for `status` (alive vs dead). */
  readonly subject: EntityRef | null;
  readonly a: ContradictionSide;
  readonly b: ContradictionSide;
  readonly note: string;
  readonly createdAt: string;
}

/** One dated item about an entity: an event it takes part in, a relation, or a claim, with source and grade. */
export interface EntityTimelineItem {
  /** The date the item is about; `reported` when only the publication date is known. */
  readonly date: string | null;
  readonly dateEnd: string | null;
  readonly dateKind: 'event' | 'relation' | 'text' | 'reported';
  /** `mention`: a sentence naming the entity that no extracted fact covers (kept when it states a date). */
  readonly kind: 'event' | 'relation' | 'claim' | 'mention';
  /** Event type, relation type, or the claim's modality. */
  readonly label: string;
  readonly text: string;
  readonly modality: Modality;
  readonly docId: string;
  readonly docTitle: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly storyId: string | null;
  readonly source: ReportSource | null;
  /** Independent stories (syndicated copies once) stating the same event or relation, and those denying or negating it. */
  readonly corroboration: { readonly independent: number; readonly contrary: number };
  /** Contradiction records (not revisions) on the fused event, for event items. */
  readonly contradictions: number;
  /** Single-document Admiralty grade ("B2"; "?" for the outlet's own voice, whose reliability is graded at read time). */
  readonly grade: string;
  readonly credibility: Credibility;
  /** The fused event the item belongs to, when it is an event report or about one. */
  readonly fusedId: string | null;
  readonly ref: string;
  /**
   * For a relation, and a claim about one: every document (all stories, this one included) stating
   * or denying the same (subject key, type, object key or fused event) relation, for the read-time grade.
   */
  readonly reports?: readonly StatementReport[];
  /** For a claim: what its cross-document grade comes from (the event or relation it is about, else itself). */
  readonly gradeFrom?: 'event' | 'relation' | 'claim';
}

/** One document's statement (or denial) of a relation, with what grading it needs. */
export interface StatementReport {
  readonly docId: string;
  readonly storyId: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  readonly modality: Modality;
  /** The sources attached to the relation, or to the claim about it, in that document. */
  readonly sources: readonly ReportSource[];
  /** Credibility of the document's claim about the relation; null when none. */
  readonly credibility: Credibility | null;
}

/** The cross-document methods of issue 8; every engine implements them. */
export interface FusionStore {
  /** Fused events (each once, with all its reports), newest first. */
  listFusedEvents(filter?: FusedEventFilter): Promise<FusedEvent[]>;
  /** One fused event by id, or null. */
  getFusedEvent(id: string): Promise<FusedEvent | null>;
  /** Contradiction records, newest first; revisions only when asked. */
  listContradictionRecords(options?: {
    readonly kind?: ContradictionKind;
    readonly includeRevisions?: boolean;
    readonly limit?: number;
  }): Promise<ContradictionRecord[]>;
  /** Every dated event, relation and claim about an entity (by key), oldest first; undated ones last. */
  entityTimeline(key: string, options?: { readonly limit?: number }): Promise<EntityTimelineItem[]>;
}
