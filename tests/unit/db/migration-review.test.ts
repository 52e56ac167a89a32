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

it('backfills each scored item’s answer-change counts from its answer history', () => {
  const changesIndex = MIGRATIONS.findIndex((m) => m.includes('ADD COLUMN changes_c2i'));
  expect(changesIndex).toBeGreaterThan(INDEX);
  migrate(db, MIGRATIONS.slice(0, changesIndex));
  db.exec(`
    INSERT INTO packs (id, key, title, version, source_format, source_name, imported_at, updated_at) VALUES (1, 'p', 'P', '1', 'native', 'p', 0, 0);
    INSERT INTO questions (id, pack_id, source_id, answer_index, choice_count, revision, hash, created_at, updated_at, stem_html)
      VALUES (1, 1, 'a', 0, 4, 2, 'h2', 0, 0, 'rev 2');
    INSERT INTO question_revisions VALUES (1, 1, 'h1', '{"answer":2}', 100);
    INSERT INTO blocks (id, created_at, mode, spec_json, seed, status, item_count, finished_at) VALUES (1, 50, 'timed', '{}', 1, 'finished', 3, 60), (2, 70, 'timed', '{}', 1, 'in_progress', 1, NULL);
    -- Block 1 drew revision 1 (answer C = 2). Item 0: C→A→B (c2i, i2i); item 1: A, cleared, A (nothing); item 2: B→C (i2c).
    INSERT INTO block_items (block_id, position, question_id, selected, outcome, revision) VALUES
      (1, 0, 1, 1, 'incorrect', 1), (1, 1, 1, 0, 'incorrect', 1), (1, 2, 1, 2, 'correct', 1), (2, 0, 1, 1, NULL, 2);
    INSERT INTO answer_events (block_id, position, at, choice, kind) VALUES
      (1, 0, 1, 2, 'select'), (1, 0, 2, 0, 'select'), (1, 0, 3, 1, 'select'),
      (1, 1, 1, 0, 'select'), (1, 1, 2, NULL, 'select'), (1, 1, 3, 0, 'select'),
      (1, 2, 1, 1, 'select'), (1, 2, 2, 2, 'select'),
      (2, 0, 1, 0, 'select'), (2, 0, 2, 1, 'select');
  `);
  migrate(db);
  const rows = db.prepare('SELECT block_id, position, changes_c2i AS c2i, changes_i2c AS i2c, changes_i2i AS i2i FROM block_items ORDER BY block_id, position').all();
  expect(rows).toEqual([
    { block_id: 1, position: 0, c2i: 1, i2c: 0, i2i: 1 },
    { block_id: 1, position: 1, c2i: 0, i2c: 0, i2i: 0 },
    { block_id: 1, position: 2, c2i: 0, i2c: 1, i2i: 0 },
    // An unscored item (open block) reveals nothing.
    { block_id: 2, position: 0, c2i: 0, i2c: 0, i2i: 0 },
  ]);
});
