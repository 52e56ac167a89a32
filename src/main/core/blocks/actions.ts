/**
 * Everything a student does inside a block. Each action is one transaction that first folds the running time, so an
 * answer, a strike or a mark is on disk, with the seconds spent, before the call returns.
 */
import type { Highlight } from '../../../shared/types';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { foldTime, type BlockRow } from './clock';
import { loadBlock } from './state';
import { ITEM_ANSWER_SQL, revisionAnswer } from '../bank/revisions';
import { recordChanges } from '../review/answerChanges';
import { reviewScoredItem } from '../srs/questionCards';

/** Folds time in its own transaction (so a block whose time ran out stays ended), then returns the fresh row. */
export function advance(db: Db, blockId: number, now: number): BlockRow {
  return db.transaction(() => {
    const block = loadBlock(db, blockId);
    // A block that ran out while nobody was looking ended when its time ran out, not when we noticed.
    const outAt = block.running_since !== null && block.time_limit_ms !== null ? block.running_since + block.time_limit_ms - block.elapsed_ms : now;
    if (foldTime(db, block, now).timeUp) finishBlock(db, block, Math.min(now, outAt), 'time_up');
    return block;
  })();
}

function requireOpen(block: BlockRow, position?: number): void {
  if (block.status === 'finished') {
    throw new AppError('CONFLICT', block.end_reason === 'time_up' ? 'Time is up: this block has ended.' : 'This block has ended.');
  }
  if (block.status === 'suspended') throw new AppError('CONFLICT', 'This block is suspended; resume it first.');
  if (position !== undefined && (position < 0 || position >= block.item_count)) {
    throw new AppError('BAD_INPUT', `Item ${position + 1} is outside this block of ${block.item_count}`, [{ field: 'position', message: 'out of range' }]);
  }
}

/** Runs one action on an open block: fold time, check state, write, all or nothing. */
export function act<T>(db: Db, blockId: number, now: number, position: number | undefined, write: (block: BlockRow) => T): T {
  const block = advance(db, blockId, now);
  requireOpen(block, position);
  return db.transaction(() => write(block))();
}

function itemRow(db: Db, blockId: number, position: number) {
  return db.prepare('SELECT question_id, revision, selected, submitted, struck, marked FROM block_items WHERE block_id = ? AND position = ?').get(blockId, position) as {
    question_id: number;
    revision: number | null;
    selected: number | null;
    submitted: number;
    struck: number;
    marked: number;
  };
}


export function selectChoice(db: Db, block: BlockRow, position: number, choice: number | null, now: number): void {
  const item = itemRow(db, block.id, position);
  if (item.submitted) throw new AppError('CONFLICT', 'This answer was already submitted.');
  if (choice !== null && choice >= revisionAnswer(db, item.question_id, item.revision).choiceCount) {
    throw new AppError('BAD_INPUT', `This question has no choice ${String.fromCharCode(65 + choice)}`, [{ field: 'choice', message: 'out of range' }]);
  }
  if (item.selected === choice) return;
  db.prepare('UPDATE block_items SET selected = ? WHERE block_id = ? AND position = ?').run(choice, block.id, position);
  db.prepare("INSERT INTO answer_events (block_id, position, at, choice, kind) VALUES (?, ?, ?, ?, 'select')").run(block.id, position, now, choice);
}

export function strikeChoice(db: Db, block: BlockRow, position: number, choice: number, struck: boolean): void {
  const item = itemRow(db, block.id, position);
  if (choice >= revisionAnswer(db, item.question_id, item.revision).choiceCount) throw new AppError('BAD_INPUT', 'No such choice', [{ field: 'choice', message: 'out of range' }]);
  const mask = struck ? item.struck | (1 << choice) : item.struck & ~(1 << choice);
  db.prepare('UPDATE block_items SET struck = ? WHERE block_id = ? AND position = ?').run(mask, block.id, position);
}

export function markItem(db: Db, block: BlockRow, position: number, marked: boolean): void {
  const item = itemRow(db, block.id, position);
  db.prepare('UPDATE block_items SET marked = ? WHERE block_id = ? AND position = ?').run(marked ? 1 : 0, block.id, position);
  db.prepare('INSERT INTO question_stats (question_id, marked) VALUES (?, ?) ON CONFLICT (question_id) DO UPDATE SET marked = excluded.marked').run(
    item.question_id,
    marked ? 1 : 0,
  );
}

/** Highlights are character ranges of the stem's text; overlapping ranges are merged so the list stays small. */
export function setHighlights(db: Db, block: BlockRow, position: number, highlights: Highlight[]): void {
  const sorted = highlights.filter((h) => h.end > h.start).sort((a, b) => a.start - b.start);
  const merged: Highlight[] = [];
  for (const h of sorted) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ start: h.start, end: h.end });
  }
  db.prepare('UPDATE block_items SET highlights = ? WHERE block_id = ? AND position = ?').run(JSON.stringify(merged), block.id, position);
}

export function gotoItem(db: Db, block: BlockRow, position: number, now: number): void {
  db.prepare('UPDATE blocks SET current_position = ? WHERE id = ?').run(position, block.id);
  db.prepare('UPDATE block_items SET first_seen = coalesce(first_seen, ?) WHERE block_id = ? AND position = ?').run(now, block.id, position);
  block.current_position = position;
}

function outcomeOf(selected: number | null, answer: number): 'correct' | 'incorrect' | 'omitted' {
  if (selected === null) return 'omitted';
  return selected === answer ? 'correct' : 'incorrect';
}

const recordStats = (db: Db) =>
  db.prepare(
    `INSERT INTO question_stats (question_id, attempts, last_outcome, last_answered_at, marked, last_block_id, last_position, last_reason)
     VALUES (?, 1, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT (question_id) DO UPDATE SET attempts = attempts + 1, last_outcome = excluded.last_outcome,
       last_answered_at = excluded.last_answered_at, marked = excluded.marked,
       last_block_id = excluded.last_block_id, last_position = excluded.last_position, last_reason = NULL`,
  );

/** Tutor mode: lock the answer, score it now, and let the explanation show. */
export function submitItem(db: Db, block: BlockRow, position: number, now: number): void {
  if (block.mode !== 'tutor') throw new AppError('CONFLICT', 'Answers are submitted one by one only in tutor mode.');
  const item = itemRow(db, block.id, position);
  if (item.submitted) return;
  if (item.selected === null) throw new AppError('BAD_INPUT', 'Choose an answer before submitting.', [{ field: 'choice', message: 'no answer chosen' }]);
  const { answer } = revisionAnswer(db, item.question_id, item.revision);
  const outcome = outcomeOf(item.selected, answer);
  db.prepare('UPDATE block_items SET submitted = 1, outcome = ? WHERE block_id = ? AND position = ?').run(outcome, block.id, position);
  db.prepare("INSERT INTO answer_events (block_id, position, at, choice, kind) VALUES (?, ?, ?, ?, 'submit')").run(block.id, position, now, item.selected);
  recordStats(db).run(item.question_id, outcome, now, item.marked, block.id, position);
  reviewScoredItem(db, block.id, position, item.question_id, outcome, now);
  recordChanges(db, block.id);
}

/**
 * Ends a block: every item not yet scored gets its outcome (unanswered = omitted), and the per-question stats move.
 * A block with no answer at all is not an attempt (issue 14): it ends unscored (correct_count NULL, no outcomes, no
 * stats, rollup or cards) unless the student chose to keep it as omitted (`keepUnanswered`).
 */
export function finishBlock(db: Db, block: BlockRow, now: number, reason: 'user' | 'time_up', keepUnanswered = false): void {
  const answered = db.prepare('SELECT count(*) FROM block_items WHERE block_id = ? AND (selected IS NOT NULL OR outcome IS NOT NULL)').pluck().get(block.id) as number;
  if (answered === 0 && !keepUnanswered) {
    db.prepare("UPDATE blocks SET status = 'finished', running_since = NULL, finished_at = ?, end_reason = ?, correct_count = NULL WHERE id = ?").run(now, reason, block.id);
    Object.assign(block, { status: 'finished', running_since: null, finished_at: now, end_reason: reason, correct_count: null });
    return;
  }
  const correct = scorePending(db, block, now);
  db.prepare("UPDATE blocks SET status = 'finished', running_since = NULL, finished_at = ?, end_reason = ?, correct_count = ? WHERE id = ?").run(
    now,
    reason,
    correct,
    block.id,
  );
  Object.assign(block, { status: 'finished', running_since: null, finished_at: now, end_reason: reason, correct_count: correct });
}

/** A block that ended with no answer, kept afterwards as omitted: scored now as it would have been when it ended. */
export function keepUnscoredBlock(db: Db, block: BlockRow): void {
  if (block.status !== 'finished' || block.correct_count !== null) return;
  const correct = scorePending(db, block, block.finished_at ?? block.created_at);
  db.prepare('UPDATE blocks SET correct_count = ? WHERE id = ?').run(correct, block.id);
  block.correct_count = correct;
}

/** Scores every item without an outcome; returns the block's correct count. Call inside a transaction. */
function scorePending(db: Db, block: BlockRow, now: number): number {
  const pending = db
    .prepare(
      `SELECT i.position, i.question_id, i.selected, i.marked, ${ITEM_ANSWER_SQL} AS answer_index FROM block_items i JOIN questions q ON q.id = i.question_id
       WHERE i.block_id = ? AND i.outcome IS NULL`,
    )
    .all(block.id) as { position: number; question_id: number; selected: number | null; marked: number; answer_index: number }[];
  const setOutcome = db.prepare('UPDATE block_items SET outcome = ? WHERE block_id = ? AND position = ?');
  const stats = recordStats(db);
  for (const p of pending) {
    const outcome = outcomeOf(p.selected, p.answer_index);
    setOutcome.run(outcome, block.id, p.position);
    stats.run(p.question_id, outcome, now, p.marked, block.id, p.position);
    reviewScoredItem(db, block.id, p.position, p.question_id, outcome, now);
  }
  recordChanges(db, block.id);
  return db.prepare("SELECT count(*) FROM block_items WHERE block_id = ? AND outcome = 'correct'").pluck().get(block.id) as number;
}

export function setRunning(db: Db, block: BlockRow, running: boolean, now: number, status?: BlockRow['status']): void {
  const since = running ? now : null;
  const next = status ?? block.status;
  db.prepare('UPDATE blocks SET running_since = ?, status = ? WHERE id = ?').run(since, next, block.id);
  block.running_since = since;
  block.status = next;
}
