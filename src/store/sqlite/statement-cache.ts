/**
 * Prepared statements kept per connection and SQL text. Compiling a statement costs about as much
 * as running one of the read path's indexed queries (tens of microseconds for a join, more for the
 * profile's), and a profile or listing runs several per request; the read queries come in a few
 * shapes, so each shape is compiled once per connection instead of once per request.
 */
import type Database from 'better-sqlite3';

/** Most statements kept per connection: shapes vary with filters, never with values. */
const MAX_STATEMENTS = 500;

const byConnection = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * How a statement returns rows: objects, each row's first column alone, or arrays of the columns;
 * statements of each kind are kept apart because pluck() and raw() change a statement.
 */
export type RowMode = 'rows' | 'pluck' | 'raw';

/** The statement for `sql` on `db` returning rows as `mode` says, compiled on first use. */
export function cachedStatement(
  db: Database.Database,
  sql: string,
  mode: RowMode = 'rows',
): Database.Statement {
  let kept = byConnection.get(db);
  if (!kept) {
    kept = new Map();
    byConnection.set(db, kept);
  }
  const key = `${mode}:${sql}`;
  let stmt = kept.get(key);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (mode === 'pluck') stmt.pluck();
    if (mode === 'raw') stmt.raw();
    // A listing's SQL carries no values, but a runaway number of shapes must not grow without end.
    if (kept.size >= MAX_STATEMENTS) kept.delete(kept.keys().next().value!);
    kept.set(key, stmt);
  }
  return stmt;
}
