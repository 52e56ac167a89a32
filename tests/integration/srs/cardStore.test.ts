/** The card store on a real SQLite file: answering is one transaction (card + log), undo restores the exact row. */
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/core/db/open';
import { MIGRATIONS } from '../../../src/main/core/db/migrations';
import { answerCard, getCard, insertCard, setCardFlag, undoLast, type CardRow } from '../../../src/main/core/srs/cardStore';
import type { Grade } from '../../../src/shared/srs';
import { tempDir } from '../../helpers/db';
import { schedulerParams } from '../../helpers/srs';

const p = schedulerParams({ timeZone: 'Europe/Berlin' });
const T = Date.UTC(2026, 3, 1, 9);
let db: Db;
let cleanup: () => void;

function newFlashcard(): number {
  const f = Number(db.prepare("INSERT INTO flashcards (kind, front_md, back_md, created_at, updated_at) VALUES ('basic', 'Q', 'A', ?, ?)").run(T, T).lastInsertRowid);
  return db.transaction(() => insertCard(db, { flashcardId: f, ord: 0 }, T))();
}
const logCount = (cardId: number) => db.prepare('SELECT count(*) FROM review_log WHERE card_id = ?').pluck().get(cardId) as number;

beforeAll(() => {
  const t = tempDir('vignette-cards-');
  cleanup = t.cleanup;
  db = openDatabase(join(t.dir, 'v.db'));
});
afterAll(() => {
  db.close();
  cleanup();
});

describe('schema migration for issue 9', () => {
  it('replaces cards/review_log with tables that hold every FSRS field, post-review state, source and snapshot', () => {
    const index = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE card_undo'));
    expect(index).toBeGreaterThan(0);
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('cards')).toEqual(expect.arrayContaining(['due', 'stability', 'difficulty', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review']));
    expect(cols('review_log')).toEqual(
      expect.arrayContaining(['rating', 'state', 'due', 'stability', 'difficulty', 'elapsed_days', 'last_elapsed_days', 'scheduled_days', 'learning_steps', 'review',
        'new_state', 'new_due', 'new_stability', 'new_difficulty', 'new_scheduled_days', 'new_learning_steps', 'duration_ms', 'source', 'snapshot']),
    );
    expect(() => db.prepare("INSERT INTO review_log (card_id, source, rating, review, state, due, stability, difficulty, scheduled_days, learning_steps, new_state, new_due, new_stability, new_difficulty, new_scheduled_days, new_learning_steps) VALUES (1, 'web', 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)").run()).toThrow(/CHECK/);
  });

  it('the queue query uses its partial index, and the due count reads that index alone', () => {
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(T, T) as { detail: string }[]).map((r) => r.detail).join(' ');
    expect(plan('SELECT id FROM cards WHERE flashcard_id IS NOT NULL AND suspended = 0 AND deleted_at IS NULL AND state = 2 AND due < ? AND ? > 0 ORDER BY due LIMIT 1')).toContain(
      'cards_flash_queue',
    );
    expect(
      plan(
        'SELECT count(*) FROM cards WHERE flashcard_id IS NOT NULL AND suspended = 0 AND deleted_at IS NULL AND state = 2 AND due < ? AND (buried_until IS NULL OR buried_until <= ?)',
      ),
    ).toContain('COVERING INDEX cards_flash_queue');
  });
});

describe('answering and undo', () => {
  it('an answer writes the card and one log row; undo restores the card field by field and removes the log', () => {
    const id = newFlashcard();
    const before = getCard(db, id);
    db.transaction(() => answerCard(db, before, 3, T + 1000, T + 5000, p, 4000))();
    const after = getCard(db, id);
    expect(after.reps).toBe(1);
    expect(after.due).toBeGreaterThan(before.due);
    const log = db.prepare('SELECT * FROM review_log WHERE card_id = ?').get(id) as Record<string, unknown>;
    expect(log).toMatchObject({ rating: 3, state: 0, new_state: after.state, new_due: after.due, duration_ms: 4000, source: 'app' });
    db.transaction(() => undoLast(db))();
    expect(getCard(db, id)).toEqual(before);
    expect(logCount(id)).toBe(0);
  });

  it('property: undo(answer(card)) = card, for any history and any grade, several steps deep', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ gap: fc.integer({ min: 1000, max: 20 * 86_400_000 }), g: fc.constantFrom<Grade>(1, 2, 3, 4) }), { minLength: 1, maxLength: 6 }), (steps) => {
        const id = newFlashcard();
        const rows: CardRow[] = [];
        let now = T;
        for (const s of steps) {
          now += s.gap;
          rows.push(getCard(db, id));
          db.transaction(() => answerCard(db, getCard(db, id), s.g, now, now, p, null))();
        }
        for (let i = rows.length - 1; i >= 0; i--) {
          db.transaction(() => undoLast(db))();
          expect(getCard(db, id)).toEqual(rows[i]);
        }
        expect(logCount(id)).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  it('suspend, bury and delete go on the same undo stack', () => {
    const id = newFlashcard();
    const before = getCard(db, id);
    db.transaction(() => setCardFlag(db, id, 'suspend', T + 1))();
    db.transaction(() => setCardFlag(db, id, 'delete', T + 2))();
    expect(getCard(db, id)).toMatchObject({ suspended: 1, deleted_at: T + 2 });
    expect(db.transaction(() => undoLast(db))()?.action).toBe('delete');
    expect(getCard(db, id).deleted_at).toBeNull();
    expect(db.transaction(() => undoLast(db))()?.action).toBe('suspend');
    expect(getCard(db, id)).toEqual(before);
  });

  it('a failed answer changes nothing (one transaction)', () => {
    const id = newFlashcard();
    const before = getCard(db, id);
    expect(() =>
      db.transaction(() => {
        answerCard(db, before, 3, T, T, p, null);
        throw new Error('crash between card and log');
      })(),
    ).toThrow('crash');
    expect(getCard(db, id)).toEqual(before);
    expect(logCount(id)).toBe(0);
  });
});

describe('aggregates kept by triggers', () => {
  it('card_memory_bins and review_hours always equal a recount from cards and review_log', () => {
    const recountBins = () =>
      db
        .prepare(
          `SELECT min(CAST(log2(stability + 1) AS INTEGER), 9) AS sbin, min(max(CAST((difficulty - 1) / 0.9 AS INTEGER), 0), 9) AS dbin, count(*) AS n
           FROM cards WHERE deleted_at IS NULL AND suspended = 0 AND state <> 0 GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .all();
    const bins = () => db.prepare('SELECT sbin, dbin, n FROM card_memory_bins WHERE n > 0 ORDER BY 1, 2').all();
    const recountHours = () =>
      db
        .prepare(
          `SELECT review / 3600000 AS hour, l.state = 2 AND l.scheduled_days >= 21 AS mature, count(*) AS reviews, sum(l.state = 2 AND rating > 1) AS passed,
             sum(l.state = 2 AND rating = 1) AS failed, sum(c.flashcard_id IS NOT NULL AND l.state = 0) AS flash_new,
             sum(c.flashcard_id IS NOT NULL AND l.state = 2) AS flash_reviews
           FROM review_log l JOIN cards c ON c.id = l.card_id WHERE kind = 'review' GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .all();
    const hours = () => db.prepare('SELECT hour, mature, reviews, passed, failed, flash_new, flash_reviews FROM review_hours WHERE reviews > 0 ORDER BY 1, 2').all();
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ g: fc.constantFrom<Grade>(1, 2, 3, 4), gap: fc.integer({ min: 1000, max: 30 * 86_400_000 }) }), fc.constantFrom('undo', 'suspend', 'delete')), { maxLength: 12 }),
        (ops) => {
          const id = newFlashcard();
          let now = T;
          for (const op of ops) {
            if (op === 'undo') db.transaction(() => undoLast(db))();
            else if (op === 'suspend' || op === 'delete') db.transaction(() => setCardFlag(db, id, op, now))();
            else {
              now += op.gap;
              const row = getCard(db, id);
              if (row.deleted_at === null && (row.last_review === null || now >= row.last_review)) db.transaction(() => answerCard(db, row, op.g, now, now, p, null))();
            }
          }
          expect(bins()).toEqual(recountBins());
          expect(hours()).toEqual(recountHours());
        },
      ),
      { numRuns: 40 },
    );
  });
});
