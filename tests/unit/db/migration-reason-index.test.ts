/**
 * The covering index of tagged attempts: created by its migration on an existing database. (The reasons panel read it
 * until the issue-14 reason rollup replaced it; that migration drops it: see migration-reason-rollup.test.ts.)
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/open';
import { MIGRATIONS } from '../../../src/main/core/db/migrations';
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

it('adds the index to a database migrated before it', () => {
  expect(INDEX).toBeGreaterThan(0);
  migrate(db, MIGRATIONS.slice(0, INDEX));
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'block_items_reason_cover'").pluck().get()).toBe(0);
  migrate(db, MIGRATIONS.slice(0, INDEX + 1));
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'block_items_reason_cover'").pluck().get()).toBe(1);
});
