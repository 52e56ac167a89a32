/**
 * Issue 14's migration (delete a block with Undo): answers scored before it get the day they were rolled up under
 * (a tutor answer: its submit; others: the block's end), answers scored after it get the rollup trigger's own day,
 * and deleted_blocks exists.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/open';
import { MIGRATIONS } from '../../../src/main/core/db/migrations';
import { tempDir } from '../../helpers/db';

const INDEX = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE deleted_blocks'));
let cleanup: () => void;
let db: Database.Database;

beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir('vignette-mig-block-delete-'));
  db = new Database(join(dir, 'v.db'));
});
afterEach(() => {
  db.close();
  cleanup();
});

const day = (ms: number) => db.prepare("SELECT date(? / 1000, 'unixepoch', 'localtime')").pluck().get(ms) as string;

it('backfills rollup_day for answers scored before it, and the trigger records it for answers scored after', () => {
  expect(INDEX).toBeGreaterThan(0);
  migrate(db, MIGRATIONS.slice(0, INDEX));
  const created = Date.UTC(2026, 10, 1, 12);
  const submitted = created + 2 * 86_400_000;
  const finished = created + 5 * 86_400_000;
  db.exec(`INSERT INTO packs (id, key, title, version, source_format, source_name, imported_at, updated_at) VALUES (1, 'p', 'P', '1', 'native', 'p', 0, 0);
    INSERT INTO questions (id, pack_id, source_id, answer_index, choice_count, hash, created_at, updated_at, stem_html) VALUES (1, 1, 'a', 0, 4, 'h', 0, 0, 's'), (2, 1, 'b', 0, 4, 'h', 0, 0, 's'), (3, 1, 'c', 0, 4, 'h', 0, 0, 's');`);
  db.prepare("INSERT INTO blocks (id, created_at, mode, spec_json, seed, status, item_count, finished_at) VALUES (1, ?, 'tutor', '{}', 1, 'finished', 3, ?)").run(created, finished);
  db.exec("INSERT INTO block_items (block_id, position, question_id, outcome) VALUES (1, 0, 1, 'correct'), (1, 1, 2, 'omitted'), (1, 2, 3, NULL)");
  db.prepare("INSERT INTO answer_events (block_id, position, at, choice, kind) VALUES (1, 0, ?, 0, 'submit')").run(submitted);

  migrate(db, MIGRATIONS);
  expect(db.prepare('SELECT count(*) FROM deleted_blocks').pluck().get()).toBe(0);
  expect(db.prepare('SELECT position, rollup_day FROM block_items ORDER BY position').all()).toEqual([
    { position: 0, rollup_day: day(submitted) },
    { position: 1, rollup_day: day(finished) },
    { position: 2, rollup_day: null },
  ]);
  // Scored now, on a running block: the same day the rollup trigger counts it under.
  const running = finished + 3 * 86_400_000;
  db.prepare("UPDATE blocks SET status = 'in_progress', running_since = ? WHERE id = 1").run(running);
  db.exec("UPDATE block_items SET outcome = 'incorrect' WHERE block_id = 1 AND position = 2");
  expect(db.prepare('SELECT rollup_day FROM block_items WHERE position = 2').pluck().get()).toBe(day(running));
  expect(db.prepare("SELECT count(*) FROM answer_rollup WHERE dim = 'all' AND day = ?").pluck().get(day(running))).toBe(1);
});
