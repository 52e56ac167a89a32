/** The exam-days migration (issue 10) on a database that already holds blocks: they stay, outside any day. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/open';
import { MIGRATIONS } from '../../../src/main/core/db/migrations';
import { tempDir } from '../../helpers/db';

// Found by content, not number: numbers shift when branches merge.
const index = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE exam_days'));

let dir: string;
let cleanup: () => void;
let db: Database.Database;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('vignette-migration-days-'));
  db = new Database(join(dir, 'm.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

it('adds exam_days and the day columns of blocks, keeping existing blocks outside any day', () => {
  expect(index).toBeGreaterThan(0);
  migrate(db, MIGRATIONS.slice(0, index));
  db.prepare(
    "INSERT INTO blocks (id, created_at, mode, spec_json, seed, status, item_count) VALUES (1, 0, 'timed', '{}', 1, 'finished', 0)",
  ).run();
  expect(migrate(db, MIGRATIONS.slice(0, index + 1))).toBe(1);
  expect(db.prepare('SELECT day_id, day_index FROM blocks WHERE id = 1').get()).toEqual({ day_id: null, day_index: null });
  db.pragma('foreign_keys = ON');
  // A block may only point at a day that exists, and a day holds each position once.
  expect(() => db.prepare('UPDATE blocks SET day_id = 99, day_index = 0 WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
  db.prepare("INSERT INTO exam_days (id, created_at, format_id, spec_json, plan_json, block_count, block_time_ms, break_budget_ms) VALUES (1, 0, 'step1-2026', '{}', '[[]]', 1, 1800000, 3300000)").run();
  db.prepare('UPDATE blocks SET day_id = 1, day_index = 0 WHERE id = 1').run();
  db.prepare("INSERT INTO blocks (id, created_at, mode, spec_json, seed, status, item_count) VALUES (2, 0, 'timed', '{}', 1, 'finished', 0)").run();
  expect(() => db.prepare('UPDATE blocks SET day_id = 1, day_index = 0 WHERE id = 2').run()).toThrow(/UNIQUE/);
});
