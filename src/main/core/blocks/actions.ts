/**
 * Everything a student does inside a block. Each action is one transaction that first folds the running time, so an
 * answer, a strike or a mark is on disk, with the seconds spent, before the call returns.
 */
import type { Highlight } from '../../../shared/types';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { markdownToSafeHtml, htmlToText } from '../bank/sanitize';
import { foldTime, type BlockRow } from './clock';
import { loadBlock } from './state';
import { reviewScoredItem } from '../srs/questionCards';

/** Folds time in its own transaction (so a block whose time ran out stays ended), then returns the fresh row. */
export function advance(db: Db, blockId: number, now: number): BlockRow {
  return db.transaction(() => {
    const block = loadBlock(db, blockId);
    if (foldTime(db, block, now).timeUp) finishBlock(db, block, now, 'time_up');
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
  return db.prepare('SELECT question_id, selected, submitted, struck, marked FROM block_items WHERE block_id = ? AND position = ?').get(blockId, position) as {
    question_id: number;
    selected: number | null;
    submitted: number;
    struck: number;
    marked: number;
  };
}

function choiceCount(db: Db, questionId: number): number {
  return db.prepare('SELECT choice_count FROM questions WHERE id = ?').pluck().get(questionId) as number;
}

export function selectChoice(db: Db, block: BlockRow, position: number, choice: number | null, now: number): void {
  const item = itemRow(db, block.id, position);
  if (item.submitted) throw new AppError('CONFLICT', 'This answer was already submitted.');
  if (choice !== null && choice >= choiceCount(db, item.question_id)) {
    throw new AppError('BAD_INPUT', `This question has no choice ${String.fromCharCode(65 + choice)}`, [{ field: 'choice', message: 'out of range' }]);
  }
  if (item.selected === choice) return;
  db.prepare('UPDATE block_items SET selected = ? WHERE block_id = ? AND position = ?').run(choice, block.id, position);
  db.prepare("INSERT INTO answer_events (block_id, position, at, choice, kind) VALUES (?, ?, ?, ?, 'select')").run(block.id, position, now, choice);
}

export function strikeChoice(db: Db, block: BlockRow, position: number, choice: number, struck: boolean): void {
  const item = itemRow(db, block.id, position);
  if (choice >= choiceCount(db, item.question_id)) throw new AppError('BAD_INPUT', 'No such choice', [{ field: 'choice', message: 'out of range' }]);
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

/** The user's own note on the question of this item (one per question, shared across blocks). Empty text deletes it. */
export function saveItemNote(db: Db, blockId: number, position: number, text: string, now: number): void {
  const questionId = db.prepare('SELECT question_id FROM block_items WHERE block_id = ? AND position = ?').pluck().get(blockId, position) as number | undefined;
  if (questionId === undefined) throw new AppError('NOT_FOUND', `Block ${blockId} has no item ${position + 1}`);
  const existing = db.prepare("SELECT id FROM notes WHERE origin = 'user' AND question_id = ?").pluck().get(questionId) as number | undefined;
  if (!text.trim()) {
    if (existing !== undefined) {
      db.prepare('DELETE FROM notes_fts WHERE rowid = ?').run(existing);
      db.prepare('DELETE FROM notes WHERE id = ?').run(existing);
    }
    return;
  }
  const html = markdownToSafeHtml(text);
  const title = htmlToText(markdownToSafeHtml(text.trim().split('\n')[0]!)).slice(0, 80) || 'Note';
  const q = db.prepare('SELECT system, discipline FROM questions WHERE id = ?').get(questionId) as { system: string | null; discipline: string | null };
  let id = existing;
  if (id === undefined) {
    id = Number(
      db
        .prepare("INSERT INTO notes (origin, question_id, title, body_md, body_html, system, discipline, created_at, updated_at) VALUES ('user', ?, ?, ?, ?, ?, ?, ?, ?)")
        .run(questionId, title, text, html, q.system, q.discipline, now, now).lastInsertRowid,
    );
  } else {
    db.prepare('UPDATE notes SET title = ?, body_md = ?, body_html = ?, updated_at = ? WHERE id = ?').run(title, text, html, now, id);
    db.prepare('DELETE FROM notes_fts WHERE rowid = ?').run(id);
  }
  db.prepare('INSERT INTO notes_fts (rowid, title, body) VALUES (?, ?, ?)').run(id, title, htmlToText(html));
}

function outcomeOf(selected: number | null, answer: number): 'correct' | 'incorrect' | 'omitted' {
  if (selected === null) return 'omitted';
  return selected === answer ? 'correct' : 'incorrect';
}

const recordStats = (db: Db) =>
  db.prepare(
    `INSERT INTO question_stats (question_id, attempts, last_outcome, last_answered_at, marked) VALUES (?, 1, ?, ?, ?)
     ON CONFLICT (question_id) DO UPDATE SET attempts = attempts + 1, last_outcome = excluded.last_outcome,
       last_answered_at = excluded.last_answered_at, marked = excluded.marked`,
  );

/** Tutor mode: lock the answer, score it now, and let the explanation show. */
export function submitItem(db: Db, block: BlockRow, position: number, now: number): void {
  if (block.mode !== 'tutor') throw new AppError('CONFLICT', 'Answers are submitted one by one only in tutor mode.');
  const item = itemRow(db, block.id, position);
  if (item.submitted) return;
  if (item.selected === null) throw new AppError('BAD_INPUT', 'Choose an answer before submitting.', [{ field: 'choice', message: 'no answer chosen' }]);
  const answer = db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(item.question_id) as number;
  const outcome = outcomeOf(item.selected, answer);
  db.prepare('UPDATE block_items SET submitted = 1, outcome = ? WHERE block_id = ? AND position = ?').run(outcome, block.id, position);
  db.prepare("INSERT INTO answer_events (block_id, position, at, choice, kind) VALUES (?, ?, ?, ?, 'submit')").run(block.id, position, now, item.selected);
  recordStats(db).run(item.question_id, outcome, now, item.marked);
  reviewScoredItem(db, block.id, position, item.question_id, outcome, now);
}

/** Ends a block: every item not yet scored gets its outcome (unanswered = omitted), and the per-question stats move. */
export function finishBlock(db: Db, block: BlockRow, now: number, reason: 'user' | 'time_up'): void {
  const pending = db
    .prepare(
      `SELECT i.position, i.question_id, i.selected, i.marked, q.answer_index FROM block_items i JOIN questions q ON q.id = i.question_id
       WHERE i.block_id = ? AND i.outcome IS NULL`,
    )
    .all(block.id) as { position: number; question_id: number; selected: number | null; marked: number; answer_index: number }[];
  const setOutcome = db.prepare('UPDATE block_items SET outcome = ? WHERE block_id = ? AND position = ?');
  const stats = recordStats(db);
  for (const p of pending) {
    const outcome = outcomeOf(p.selected, p.answer_index);
    setOutcome.run(outcome, block.id, p.position);
    stats.run(p.question_id, outcome, now, p.marked);
    reviewScoredItem(db, block.id, p.position, p.question_id, outcome, now);
  }
  const correct = db.prepare("SELECT count(*) FROM block_items WHERE block_id = ? AND outcome = 'correct'").pluck().get(block.id) as number;
  db.prepare("UPDATE blocks SET status = 'finished', running_since = NULL, finished_at = ?, end_reason = ?, correct_count = ? WHERE id = ?").run(
    now,
    reason,
    correct,
    block.id,
  );
  Object.assign(block, { status: 'finished', running_since: null, finished_at: now, end_reason: reason, correct_count: correct });
}

export function setRunning(db: Db, block: BlockRow, running: boolean, now: number, status?: BlockRow['status']): void {
  const since = running ? now : null;
  const next = status ?? block.status;
  db.prepare('UPDATE blocks SET running_since = ?, status = ? WHERE id = ?').run(since, next, block.id);
  block.running_since = since;
  block.status = next;
}
