import type { Entity, Event, Extraction, IngestedDocument, Problem } from '../core/index.js';

/** What the pipeline hands the store for one document: the input as read and its extraction. */
export interface DocumentRecord {
  readonly doc: IngestedDocument;
  readonly extraction: Extraction;
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
}

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
  readonly limit?: number;
}

/** The one interface every storage engine implements (SQLite now, PostgreSQL later). */
export interface Store {
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
  close(): Promise<void>;
}
