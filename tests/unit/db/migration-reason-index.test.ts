/** The covering index of tagged attempts: created by its migration on an existing database, and the reasons panel's query reads it. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/open';
import { MIGRATIONS } from '../../../src/main/core/db/migrations';
import { reasonSummary } from '../../../src/main/core/analytics/reasons';
import { tempDir } from '../../helpers/db';

const INDEX = MIGRATIONS.findIndex((m) => m.includes('CREATE INDEX block_items_reason_cover'));
let dir: string;
let cleanup: () => void;
let db: Database.Database;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('vignette-mig-reason-index-'));
  db = new Database(join(dir, 'v.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

it('adds the index to a database migrated before it, and the reasons panel counts through it', () => {
  expect(INDEX).toBeGreaterThan(0);
  migrate(db, MIGRATIONS.slice(0, INDEX));
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'block_items_reason_cover'").pluck().get()).toBe(0);
  migrate(db, MIGRATIONS);
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'block_items_reason_cover'").pluck().get()).toBe(1);
  // With the index gone, the panel's query (which names it) cannot run: it is the index the panel reads.
  expect(reasonSummary(db, '2026-11-27').total).toEqual([]);
  db.exec('DROP INDEX block_items_reason_cover');
  expect(() => reasonSummary(db, '2026-11-27')).toThrow(/no such index/);
});
