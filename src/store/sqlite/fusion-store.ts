/** The SQLite engine's fusion methods (issue 8), a base class so the engine file stays small. */
import type Database from 'better-sqlite3';
import type {
  ContradictionKind,
  ContradictionRecord,
  EntityTimelineItem,
  FusedEvent,
  FusedEventFilter,
  FusionStore,
} from '../types.js';
import { getFusedEvent, listContradictionRecords, listFusedEvents } from './fusion-read.js';
import { entityTimeline } from './timeline.js';

/** Implements `FusionStore` over a better-sqlite3 database. */
export class FusionMethods implements FusionStore {
  constructor(private readonly fusionDb: Database.Database) {}

  listFusedEvents(filter: FusedEventFilter = {}): Promise<FusedEvent[]> {
    return settle(() => listFusedEvents(this.fusionDb, filter));
  }

  getFusedEvent(id: string): Promise<FusedEvent | null> {
    return settle(() => getFusedEvent(this.fusionDb, id));
  }

  listContradictionRecords(
    options: { kind?: ContradictionKind; includeRevisions?: boolean; limit?: number } = {},
  ): Promise<ContradictionRecord[]> {
    return settle(() => listContradictionRecords(this.fusionDb, options));
  }

  entityTimeline(key: string, options: { limit?: number } = {}): Promise<EntityTimelineItem[]> {
    return settle(() => entityTimeline(this.fusionDb, key, options.limit ?? 500));
  }
}

function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}
