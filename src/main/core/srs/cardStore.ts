/**
 * Card rows in and out of SQLite, answering (card + log in one transaction) and the undo stack.
 * Every function here expects to run inside the caller's transaction; the handlers open it.
 */
import type { CardMemory, CardStateCode, Grade, UndoEntry } from '../../../shared/srs';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { answer as schedule, newCardMemory, type Outcome, type SchedulerParams } from './scheduler';

export interface CardRow {
  id: number;
  question_id: number | null;
  flashcard_id: number | null;
  ord: number;
  due: number;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: CardStateCode;
  last_review: number | null;
  suspended: number;
  buried_until: number | null;
  deleted_at: number | null;
  created_at: number;
  updated_at: number;
}

export const memoryOf = (row: CardRow): CardMemory => ({
  due: row.due,
  stability: row.stability,
  difficulty: row.difficulty,
  scheduledDays: row.scheduled_days,
  learningSteps: row.learning_steps,
  reps: row.reps,
  lapses: row.lapses,
  state: row.state,
  lastReview: row.last_review,
});

export function getCard(db: Db, id: number): CardRow {
  const row = db.prepare('SELECT * FROM cards WHERE id = ?').get(id) as CardRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Card ${id} does not exist`);
  return row;
}

/** Writes a whole card row back (undo): every column, so the card is restored field by field. */
function restoreRow(db: Db, row: CardRow): void {
  db.prepare(
    `UPDATE cards SET question_id = @question_id, flashcard_id = @flashcard_id, ord = @ord, due = @due, stability = @stability,
       difficulty = @difficulty, scheduled_days = @scheduled_days, learning_steps = @learning_steps, reps = @reps, lapses = @lapses,
       state = @state, last_review = @last_review, suspended = @suspended, buried_until = @buried_until, deleted_at = @deleted_at,
       created_at = @created_at, updated_at = @updated_at WHERE id = @id`,
  ).run(row);
}

export function insertCard(db: Db, link: { questionId: number } | { flashcardId: number; ord: number }, now: number): number {
  const m = newCardMemory(now);
  const questionId = 'questionId' in link ? link.questionId : null;
  const flashcardId = 'flashcardId' in link ? link.flashcardId : null;
  const ord = 'ord' in link ? link.ord : 0;
  return Number(
    db
      .prepare(
        `INSERT INTO cards (question_id, flashcard_id, ord, due, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(questionId, flashcardId, ord, m.due, m.state, now, now).lastInsertRowid,
  );
}

const UNDO_KEPT = 200;
export function pushUndo(db: Db, entry: { action: UndoEntry['action']; cardId: number; at: number; logId?: number; snapshot?: CardRow }): void {
  const id = Number(
    db
      .prepare('INSERT INTO card_undo (at, action, card_id, log_id, snapshot) VALUES (?, ?, ?, ?, ?)')
      .run(entry.at, entry.action, entry.cardId, entry.logId ?? null, entry.snapshot ? JSON.stringify(entry.snapshot) : null).lastInsertRowid,
  );
  db.prepare('DELETE FROM card_undo WHERE id <= ?').run(id - UNDO_KEPT);
}

/** Commits one outcome: the card's new state and its log row (pre-review values, post-review state, snapshot). */
export function commitOutcome(db: Db, row: CardRow, outcome: Outcome, now: number, durationMs: number | null): number {
  const c = outcome.card;
  db.prepare(
    `UPDATE cards SET due = ?, stability = ?, difficulty = ?, scheduled_days = ?, learning_steps = ?, reps = ?, lapses = ?, state = ?,
       last_review = ?, buried_until = NULL, updated_at = ? WHERE id = ?`,
  ).run(c.due, c.stability, c.difficulty, c.scheduledDays, c.learningSteps, c.reps, c.lapses, c.state, c.lastReview, now, row.id);
  const l = outcome.log;
  return Number(
    db
      .prepare(
        `INSERT INTO review_log (card_id, kind, source, rating, review, state, due, stability, difficulty, elapsed_days, last_elapsed_days,
           scheduled_days, learning_steps, new_state, new_due, new_stability, new_difficulty, new_scheduled_days, new_learning_steps,
           duration_ms, snapshot)
         VALUES (?, 'review', 'app', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        l.rating,
        l.review,
        l.state,
        l.due,
        l.stability,
        l.difficulty,
        l.elapsedDays,
        l.lastElapsedDays,
        l.scheduledDays,
        l.learningSteps,
        c.state,
        c.due,
        c.stability,
        c.difficulty,
        c.scheduledDays,
        c.learningSteps,
        durationMs,
        JSON.stringify(row),
      ).lastInsertRowid,
  );
}

/** Answers a card at `shownAt` (when its previews were computed) and pushes the answer on the undo stack. */
export function answerCard(db: Db, row: CardRow, rating: Grade, shownAt: number, now: number, params: SchedulerParams, durationMs: number | null): { logId: number; outcome: Outcome } {
  if (row.deleted_at !== null) throw new AppError('CONFLICT', `Card ${row.id} was deleted.`);
  // Previews are computed from the card as it was when shown; if it changed since (answered elsewhere), refuse.
  if (row.last_review !== null && shownAt < row.last_review) {
    throw new AppError('CONFLICT', 'This card was answered again after it was shown; reload the session.');
  }
  const outcome = schedule(memoryOf(row), rating, shownAt, params);
  const logId = commitOutcome(db, row, outcome, now, durationMs);
  pushUndo(db, { action: 'answer', cardId: row.id, at: now, logId });
  return { logId, outcome };
}

/** Removes one answer: the card gets its exact pre-answer row back and the log row goes. */
export function revertAnswer(db: Db, logId: number): CardRow {
  const log = db.prepare('SELECT card_id, snapshot FROM review_log WHERE id = ?').get(logId) as { card_id: number; snapshot: string | null } | undefined;
  if (!log?.snapshot) throw new AppError('CONFLICT', 'This answer cannot be undone (it has no snapshot).');
  const before = JSON.parse(log.snapshot) as CardRow;
  restoreRow(db, before);
  db.prepare('UPDATE block_item_reviews SET log_id = -1 WHERE log_id = ?').run(logId);
  db.prepare('DELETE FROM review_log WHERE id = ?').run(logId);
  return before;
}

export function peekUndo(db: Db): UndoEntry | null {
  const row = db.prepare('SELECT action, card_id, at FROM card_undo ORDER BY id DESC LIMIT 1').get() as
    | { action: UndoEntry['action']; card_id: number; at: number }
    | undefined;
  return row ? { action: row.action, cardId: row.card_id, at: row.at } : null;
}

/** Undoes the newest action on the stack; returns what was undone, or null when there is nothing to undo. */
export function undoLast(db: Db): UndoEntry | null {
  const row = db.prepare('SELECT id, action, card_id, at, log_id, snapshot FROM card_undo ORDER BY id DESC LIMIT 1').get() as
    | { id: number; action: UndoEntry['action']; card_id: number; at: number; log_id: number | null; snapshot: string | null }
    | undefined;
  if (!row) return null;
  if (row.log_id !== null) revertAnswer(db, row.log_id);
  else if (row.snapshot) {
    const snap = JSON.parse(row.snapshot) as CardRow & { flashcard?: { front_md: string; back_md: string; kind: string; deleted_at: number | null } };
    const { flashcard, ...card } = snap;
    restoreRow(db, card);
    if (flashcard && card.flashcard_id !== null) {
      db.prepare('UPDATE flashcards SET front_md = ?, back_md = ?, kind = ?, deleted_at = ? WHERE id = ?').run(
        flashcard.front_md,
        flashcard.back_md,
        flashcard.kind,
        flashcard.deleted_at,
        card.flashcard_id,
      );
    }
  }
  db.prepare('DELETE FROM card_undo WHERE id = ?').run(row.id);
  return { action: row.action, cardId: row.card_id, at: row.at };
}

/** Suspend / unsuspend / bury / delete: a flag change with a snapshot on the undo stack. */
export function setCardFlag(db: Db, id: number, action: 'suspend' | 'unsuspend' | 'bury' | 'delete', now: number, buryUntil?: number): void {
  const row = getCard(db, id);
  const snapshot: CardRow & { flashcard?: unknown } = { ...row };
  if (action === 'delete' && row.flashcard_id !== null) {
    snapshot.flashcard = db.prepare('SELECT front_md, back_md, kind, deleted_at FROM flashcards WHERE id = ?').get(row.flashcard_id);
  }
  if (action === 'suspend' || action === 'unsuspend') db.prepare('UPDATE cards SET suspended = ?, updated_at = ? WHERE id = ?').run(action === 'suspend' ? 1 : 0, now, id);
  if (action === 'bury') db.prepare('UPDATE cards SET buried_until = ?, updated_at = ? WHERE id = ?').run(buryUntil ?? null, now, id);
  if (action === 'delete') db.prepare('UPDATE cards SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  pushUndo(db, { action, cardId: id, at: now, snapshot });
}
