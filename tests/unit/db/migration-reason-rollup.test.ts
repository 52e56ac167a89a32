/**
 * The reason rollup's migration on a database that already holds tagged answers: it backfills reason × system × week
 * (an open block counts in the week it started; an untagged question under ''), drops the covering index the panel
 * used to read, and the panel then reads the rollup. The same migration swaps the memory panel's card index for one
 * holding only live reviewed cards, and adds questions by system.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../../../src/main/core/db/open';
import { MIGRATIONS } from '../../../src/main/core/db/migrations';
import { reasonSummary } from '../../../src/main/core/analytics/reasons';
import { tempDir } from '../../helpers/db';

const MINE = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE reason_rollup'));
let dir: string;
let cleanup: () => void;
let db: Database.Database;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('vignette-mig-reason-rollup-'));
  db = new Database(join(dir, 'v.db'));
  db.pragma('foreign_keys = ON');
});
afterEach(() => {
  db.close();
  cleanup();
});

// Wednesdays at noon UTC: the same local date (and so the same local Monday) in every zone from UTC−11 to UTC+11.
const WED_JAN_7 = Date.UTC(2026, 0, 7, 12);
const WED_JAN_14 = Date.UTC(2026, 0, 14, 12);
const WED_JAN_21 = Date.UTC(2026, 0, 21, 12);

it('backfills the counts of answers tagged before it and drops the index nothing reads any more', () => {
  expect(MINE).toBeGreaterThan(0);
  migrate(db, MIGRATIONS.slice(0, MINE));
  db.exec(`INSERT INTO packs (id, key, title, version, source_format, source_name, imported_at, updated_at) VALUES (1, 'p', 'P', '1', 'native', 'x', 0, 0);
    INSERT INTO questions (id, pack_id, source_id, exam, system, answer_index, choice_count, hash, created_at, updated_at, stem_html)
      VALUES (1, 1, 'a', 'step1', 'Renal', 0, 4, 'h', 0, 0, 's'), (2, 1, 'b', 'step1', NULL, 0, 4, 'h', 0, 0, 's');
    INSERT INTO blocks (id, created_at, mode, spec_json, seed, status, finished_at, item_count) VALUES
      (1, ${WED_JAN_7 - 3_600_000}, 'timed', '{}', 1, 'finished', ${WED_JAN_7}, 3),
      (2, ${WED_JAN_14 - 3_600_000}, 'timed', '{}', 1, 'finished', ${WED_JAN_14}, 2),
      (3, ${WED_JAN_21}, 'tutor', '{}', 1, 'suspended', NULL, 2);
    INSERT INTO block_items (block_id, position, question_id, selected, outcome, time_ms, repeat_of, reason) VALUES
      (1, 0, 1, 1, 'incorrect', 1000, 0, 'knowledge'), (1, 1, 1, 1, 'incorrect', 1000, 0, 'knowledge'), (1, 2, 2, 1, 'incorrect', 1000, 0, 'misread'),
      (2, 0, 2, 0, 'correct', 1000, 0, 'guessed'), (2, 1, 1, 1, 'incorrect', 1000, 0, NULL),
      (3, 0, 1, 1, 'incorrect', 1000, 0, 'time'), (3, 1, 2, 1, NULL, 0, 0, NULL);`);
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'block_items_reason_cover'").pluck().get()).toBe(1);

  migrate(db, MIGRATIONS);
  expect(db.prepare('SELECT reason, system, week, n FROM reason_rollup ORDER BY week, reason').all()).toEqual([
    { reason: 'knowledge', system: 'Renal', week: '2026-01-05', n: 2 },
    { reason: 'misread', system: '', week: '2026-01-05', n: 1 },
    { reason: 'guessed', system: '', week: '2026-01-12', n: 1 },
    { reason: 'time', system: 'Renal', week: '2026-01-19', n: 1 },
  ]);
  expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'block_items_reason_cover'").pluck().get()).toBe(0);

  // The panel reads the rollup: a row written straight into it shows, though no answer carries it.
  db.prepare("INSERT INTO reason_rollup (reason, system, week, n) VALUES ('careless', 'Renal', '2026-01-19', 5)").run();
  const s = reasonSummary(db, '2026-01-22');
  expect(s.total).toEqual([
    { reason: 'careless', count: 5 },
    { reason: 'knowledge', count: 2 },
    { reason: 'misread', count: 1 },
    { reason: 'time', count: 1 },
    { reason: 'guessed', count: 1 },
  ]);
  expect(s.bySystem.map((r) => r.system)).toEqual(['Renal', 'Not tagged']);
});

it('replaces the memory panel\'s card index with one of live reviewed cards only', () => {
  migrate(db, MIGRATIONS.slice(0, MINE));
  const names = () => db.prepare("SELECT name FROM sqlite_master WHERE name IN ('cards_readiness_memory', 'cards_recall', 'questions_system') ORDER BY name").pluck().all();
  expect(names()).toEqual(['cards_readiness_memory']);
  migrate(db, MIGRATIONS);
  expect(names()).toEqual(['cards_recall', 'questions_system']);
  // Partial: a new card and a suspended one are not in it; a reviewed live one is.
  db.exec(`INSERT INTO flashcards (id, kind, front_md, created_at, updated_at) VALUES (1, 'basic', 'a', 0, 0), (2, 'basic', 'b', 0, 0), (3, 'basic', 'c', 0, 0);
    INSERT INTO cards (flashcard_id, due, stability, state, last_review, suspended, created_at, updated_at) VALUES
      (1, 0, 0, 0, NULL, 0, 0, 0), (2, 0, 3, 2, 10, 1, 0, 0), (3, 0, 3, 2, 10, 0, 0, 0);`);
  expect(db.prepare('SELECT flashcard_id FROM cards INDEXED BY cards_recall WHERE deleted_at IS NULL AND suspended = 0 AND state <> 0 AND last_review IS NOT NULL AND stability > 0').pluck().all()).toEqual([3]);
});
