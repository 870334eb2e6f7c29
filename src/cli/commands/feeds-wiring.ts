import type { Command } from 'commander';
import type { IngestedDocument } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { SqliteFeedRegistry, openSqliteStore } from '../../store/sqlite/index.js';
import { registerFeeds } from './feeds.js';

/** Stores opened by the feed commands in this process, one per database file. */
const stores = new Map<string, ReturnType<typeof openSqliteStore>>();

function storeFor(dbPath: string): ReturnType<typeof openSqliteStore> {
  let store = stores.get(dbPath);
  if (!store) {
    store = openSqliteStore(dbPath);
    stores.set(dbPath, store);
  }
  return store;
}

/** `sitrep feeds …` and `sitrep watch`, wired to the SQLite store and the pipeline. */
export function registerFeedCommands(program: Command): void {
  registerFeeds(program, {
    openFeedRegistry: (dbPath) => {
      const store = storeFor(dbPath);
      const registry = new SqliteFeedRegistry(store.db);
      return Object.assign(registry, {
        close: () => {
          stores.delete(dbPath);
          void store.close();
        },
      });
    },
    ingest: async (doc: IngestedDocument, dbPath: string) => {
      const store: Store = storeFor(dbPath);
      const { ingestDocument, loadResources } = await import('../../pipeline/index.js');
      return ingestDocument(store, doc, loadResources());
    },
  });
}
