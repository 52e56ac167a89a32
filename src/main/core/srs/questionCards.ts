/**
 * Question cards: a question answered wrong, omitted or tagged "guessed" becomes a card, in the transaction that
 * scores it. A later scored attempt reviews the card with a grade suggested from the outcome and time; the results
 * page shows it and the student may change it.
 */
import type { Grade } from '../../../shared/srs';
import { GRADE_NAMES } from '../../../shared/srs';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { answerCard, commitOutcome, getCard, insertCard, revertAnswer, type CardRow, memoryOf } from './cardStore';
import { schedulerParams } from './config';
import { answer as schedule } from './scheduler';

export type Outcome = 'correct' | 'incorrect' | 'omitted';

/** Slower than this on a correct answer suggests Hard; faster than FAST with no doubt suggests Easy. */
export const SLOW_MS = 120_000;
export const FAST_MS = 45_000;

export interface AttemptFacts {
  outcome: Outcome;
  timeMs: number;
  /** Times the answer was changed before it was final (a change is doubt). */
  answerChanges: number;
  marked: boolean;
  guessed?: boolean;
}

export function suggestGrade(a: AttemptFacts): { grade: Grade; reason: string } {
  if (a.outcome === 'omitted') return { grade: 1, reason: 'left unanswered' };
  if (a.outcome === 'incorrect') return { grade: 1, reason: 'answered wrong' };
  if (a.guessed) return { grade: 2, reason: 'correct, but you tagged it guessed' };
  if (a.marked) return { grade: 2, reason: 'correct, but you marked it' };
  if (a.timeMs > SLOW_MS) return { grade: 2, reason: `correct, but slow (over ${SLOW_MS / 60_000} min)` };
  if (a.timeMs < FAST_MS && a.answerChanges === 0) return { grade: 4, reason: `correct, fast (under ${FAST_MS / 1000} s) and without changing the answer` };
  return { grade: 3, reason: 'correct' };
}

function questionCard(db: Db, questionId: number): CardRow | undefined {
  return db.prepare('SELECT * FROM cards WHERE question_id = ?').get(questionId) as CardRow | undefined;
}

/**
 * Scores one attempt into the question's card: creates the card for a miss (or a guess), reviews an existing one.
 * Called by the block actions inside the transaction that sets the item's outcome. Returns the card id, if any.
 */
export function reviewQuestionAttempt(db: Db, blockId: number, position: number, questionId: number, facts: AttemptFacts, now: number): number | null {
  let card = questionCard(db, questionId);
  if (card && (card.deleted_at !== null || card.suspended)) return null;
  if (!card) {
    if (facts.outcome === 'correct' && !facts.guessed) return null;
    card = getCard(db, insertCard(db, { questionId }, now));
  }
  const { grade, reason } = suggestGrade(facts);
  const { logId } = answerCard(db, card, grade, now, now, schedulerParams(db).question, facts.timeMs);
  // Grading a block item is not a flashcard action: it leaves Ctrl+Z on the Flashcards screen alone.
  db.prepare("DELETE FROM card_undo WHERE log_id = ? AND action = 'answer'").run(logId);
  db.prepare(
    `INSERT INTO block_item_reviews (block_id, position, card_id, log_id, suggested, reason) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (block_id, position) DO UPDATE SET card_id = excluded.card_id, log_id = excluded.log_id, suggested = excluded.suggested, reason = excluded.reason`,
  ).run(blockId, position, card.id, logId, grade, `${GRADE_NAMES[grade]}: ${reason}`);
  return card.id;
}

/**
 * For the "why I missed it" reasons (issue 8): a scored item tagged "guessed" becomes a card (or, if its attempt
 * already reviewed one as correct, that review is re-graded Hard). Call inside the transaction that saves the tag.
 */
export function onItemTaggedGuessed(db: Db, blockId: number, position: number, now: number): void {
  const item = db.prepare('SELECT question_id, outcome, time_ms, marked FROM block_items WHERE block_id = ? AND position = ?').get(blockId, position) as
    | { question_id: number; outcome: Outcome | null; time_ms: number; marked: number }
    | undefined;
  if (!item?.outcome) return;
  const existing = db.prepare('SELECT log_id FROM block_item_reviews WHERE block_id = ? AND position = ?').pluck().get(blockId, position) as number | undefined;
  if (existing !== undefined) {
    if (item.outcome === 'correct') regradeBlockItem(db, blockId, position, 2);
    return;
  }
  reviewQuestionAttempt(db, blockId, position, item.question_id, { outcome: item.outcome, timeMs: item.time_ms, answerChanges: 0, marked: !!item.marked, guessed: true }, now);
}

/** Counts select events after the first: how often the student changed their mind on this item. */
export function answerChanges(db: Db, blockId: number, position: number): number {
  const n = db.prepare("SELECT count(*) FROM answer_events WHERE block_id = ? AND position = ? AND kind = 'select'").pluck().get(blockId, position) as number;
  return Math.max(0, n - 1);
}

/**
 * The student changes the grade of a block item's review: the committed answer is replaced by the same answer with
 * the new grade, at the same instant (so the schedule is what that grade would have given). Only the card's newest
 * review can be changed.
 */
export function regradeBlockItem(db: Db, blockId: number, position: number, rating: Grade): void {
  const row = db.prepare('SELECT card_id, log_id FROM block_item_reviews WHERE block_id = ? AND position = ?').get(blockId, position) as
    | { card_id: number; log_id: number }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Item ${position + 1} of block ${blockId} reviewed no card`);
  const log = db.prepare('SELECT review, duration_ms, rating FROM review_log WHERE id = ?').get(row.log_id) as { review: number; duration_ms: number | null; rating: number } | undefined;
  if (!log) throw new AppError('CONFLICT', 'That review was undone; there is nothing to change.');
  if (log.rating === rating) return;
  const newest = db.prepare('SELECT max(id) FROM review_log WHERE card_id = ?').pluck().get(row.card_id) as number;
  if (newest !== row.log_id) throw new AppError('CONFLICT', 'This card has been reviewed again since; its grade here can no longer change.');
  const before = revertAnswer(db, row.log_id);
  const outcome = schedule(memoryOf(before), rating, log.review, schedulerParams(db).question);
  const logId = commitOutcome(db, before, outcome, log.review, log.duration_ms);
  db.prepare('UPDATE block_item_reviews SET log_id = ? WHERE block_id = ? AND position = ?').run(logId, blockId, position);
}

export function blockItemGrades(db: Db, blockId: number) {
  return db
    .prepare(
      `SELECT r.position, r.card_id AS cardId, r.suggested, r.reason, l.rating, l.new_due AS due, l.review
       FROM block_item_reviews r JOIN review_log l ON l.id = r.log_id WHERE r.block_id = ? ORDER BY r.position`,
    )
    .all(blockId) as { position: number; cardId: number; suggested: Grade; reason: string; rating: Grade; due: number; review: number }[];
}

/** The hook the block actions call once an item's outcome is final (tutor submit, block end). */
export function reviewScoredItem(db: Db, blockId: number, position: number, questionId: number, outcome: Outcome, now: number): void {
  const item = db.prepare('SELECT time_ms, marked FROM block_items WHERE block_id = ? AND position = ?').get(blockId, position) as { time_ms: number; marked: number };
  reviewQuestionAttempt(db, blockId, position, questionId, { outcome, timeMs: item.time_ms, answerChanges: answerChanges(db, blockId, position), marked: !!item.marked }, now);
}
