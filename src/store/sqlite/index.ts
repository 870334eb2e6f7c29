/** The embedded SQLite engine. */
export { openSqliteStore, SqliteStore, entityKey } from './sqlite-store.js';
export { SqliteFeedRegistry } from './feed-registry.js';
