/**
 * Prepared statements cached per connection: `cached(db, sql)` prepares a statement once per connection and hands
 * back the same one afterwards, so an action that runs many times a minute (answer, tick, mark) never re-parses its SQL.
 * Keyed by the connection object, so a restore's fresh connection starts with an empty cache and the old one is freed.
 * A caller that sets a mode (`.pluck()`, `.raw()`) must set it on every use, since the statement is shared.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const byConnection = new WeakMap<Db, Map<string, Statement>>();

export function cached(db: Db, sql: string): Statement {
  let statements = byConnection.get(db);
  if (!statements) byConnection.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
