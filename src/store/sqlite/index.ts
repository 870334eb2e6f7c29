/** The embedded SQLite engine. */
export { openSqliteStore, SqliteStore, entityKey } from './sqlite-store.js';
