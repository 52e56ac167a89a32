/** Issue 8's migration (revision on block_items, reasons, latest-attempt pointer, note undo) on a database seeded before it. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/open';
import { MIGRATIONS } from '../../../src/main/core/db/migrations';
import { tempDir } from '../../helpers/db';

const INDEX = MIGRATIONS.findIndex((m) => m.includes('ALTER TABLE block_items ADD COLUMN reason'));
let dir: string;
let cleanup: () => void;
let db: Database.Database;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('vignette-mig-review-'));
  db = new Database(join(dir, 'v.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

it('backfills each item with the revision current when its block was created, and points stats at the latest attempt', () => {
  expect(INDEX).toBeGreaterThan(0);
  migrate(db, MIGRATIONS.slice(0, INDEX));
  db.exec(`
    INSERT INTO packs (id, key, title, version, source_format, source_name, imported_at, updated_at) VALUES (1, 'p', 'P', '1', 'native', 'p', 0, 0);
    INSERT INTO questions (id, pack_id, source_id, answer_index, choice_count, revision, hash, created_at, updated_at, stem_html)
      VALUES (1, 1, 'a', 0, 4, 3, 'h3', 0, 0, 'rev 3');
    -- revision 1 replaced at t=100, revision 2 replaced at t=200
    INSERT INTO question_revisions VALUES (1, 1, 'h1', '{"answer":1}', 100), (1, 2, 'h2', '{"answer":2}', 200);
    INSERT INTO blocks (id, created_at, mode, spec_json, seed, status, item_count, finished_at) VALUES
      (1, 50, 'timed', '{}', 1, 'finished', 1, 60),
      (2, 150, 'timed', '{}', 1, 'finished', 1, 160),
      (3, 250, 'timed', '{}', 1, 'finished', 1, 260);
    INSERT INTO block_items (block_id, position, question_id, selected, outcome) VALUES (1, 0, 1, 1, 'correct'), (2, 0, 1, 0, 'incorrect'), (3, 0, 1, NULL, 'omitted');
    INSERT INTO question_stats (question_id, attempts, last_outcome, last_answered_at) VALUES (1, 3, 'omitted', 260);
    INSERT INTO notes (id, origin, title, body_md, body_html, created_at, updated_at) VALUES (1, 'user', 't', 'b', 'b', 0, 0);
  `);
  migrate(db);
  expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  const revisions = db.prepare('SELECT block_id, revision FROM block_items ORDER BY block_id').all();
  expect(revisions).toEqual([
    { block_id: 1, revision: 1 },
    { block_id: 2, revision: 2 },
    { block_id: 3, revision: 3 },
  ]);
  expect(db.prepare('SELECT last_block_id, last_position, last_reason FROM question_stats').get()).toEqual({ last_block_id: 3, last_position: 0, last_reason: null });
  expect(db.prepare('SELECT deleted_at FROM notes').pluck().get()).toBeNull();
  // The reason column accepts only the six codes.
  db.prepare("UPDATE block_items SET reason = 'guessed' WHERE block_id = 1").run();
  expect(() => db.prepare("UPDATE block_items SET reason = 'bored' WHERE block_id = 1").run()).toThrow(/CHECK/);
});
