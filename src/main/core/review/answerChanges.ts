/**
 * Answer-change analysis from the recorded answer history (answer_events). A change is a move from one chosen answer
 * to a different one; clearing an answer is not a change, and choosing the same answer again after clearing is not
 * one either. Each change is judged against the revision the item was drawn with. Only scored items count, so an
 * open timed block never leaks which answers were right.
 */
import { type AnswerChanges, type ChangeCounts, type ChangeKind, type ChangedItem } from '../../../shared/review';
import type { Db } from '../db/open';
import { ITEM_ANSWER_SQL } from '../bank/revisions';

/** Items listed behind the counts across all blocks; the counts themselves are exact. */
export const CHANGED_ITEMS_CAP = 500;

const changesSql = (scope: string) => `
  WITH ev AS (
    SELECT e.block_id, e.position, e.choice, lag(e.choice) OVER (PARTITION BY e.block_id, e.position ORDER BY e.id) AS prev
    FROM answer_events e WHERE e.kind = 'select' AND e.choice IS NOT NULL ${scope}
  ), changed AS (
    SELECT ev.block_id, ev.position, i.question_id, ev.prev, ev.choice, ${ITEM_ANSWER_SQL} AS answer, b.finished_at
    FROM ev JOIN block_items i ON i.block_id = ev.block_id AND i.position = ev.position
    JOIN questions q ON q.id = i.question_id JOIN blocks b ON b.id = ev.block_id
    WHERE ev.prev IS NOT NULL AND ev.prev <> ev.choice AND i.outcome IS NOT NULL
  )
  SELECT block_id, position, question_id, prev, choice, finished_at,
    CASE WHEN prev = answer THEN 'correct_to_incorrect' WHEN choice = answer THEN 'incorrect_to_correct' ELSE 'incorrect_to_incorrect' END AS kind
  FROM changed`;

interface ChangeRow {
  block_id: number;
  position: number;
  question_id: number;
  prev: number;
  choice: number;
  finished_at: number | null;
  kind: ChangeKind;
}

export const zeroCounts = (): ChangeCounts => ({ correct_to_incorrect: 0, incorrect_to_correct: 0, incorrect_to_incorrect: 0 });

function toItem(r: ChangeRow): ChangedItem {
  return { blockId: r.block_id, position: r.position, questionId: r.question_id, kind: r.kind, from: r.prev, to: r.choice, finishedAt: r.finished_at };
}

/** Every change in one block, in answer order (at most 50 items, so no cap). */
export function blockChanges(db: Db, blockId: number): AnswerChanges {
  const rows = db.prepare(`${changesSql('AND e.block_id = ?')} ORDER BY position`).all(blockId) as ChangeRow[];
  const counts = zeroCounts();
  for (const r of rows) counts[r.kind]++;
  return { counts, items: rows.map(toItem) };
}

const CHANGED = 'i.changes_c2i + i.changes_i2c + i.changes_i2i > 0';
const COLUMN: Record<ChangeKind, string> = { correct_to_incorrect: 'changes_c2i', incorrect_to_correct: 'changes_i2c', incorrect_to_incorrect: 'changes_i2i' };

/**
 * Stores each scored item's change counts on block_items (the blocks domain calls this when it scores items), so the
 * analysis across all blocks never replays the answer history. Runs inside the caller's transaction.
 */
export function recordChanges(db: Db, blockId: number): void {
  const { items } = blockChanges(db, blockId);
  const perItem = new Map<number, ChangeCounts>();
  for (const c of items) {
    const counts = perItem.get(c.position) ?? zeroCounts();
    counts[c.kind]++;
    perItem.set(c.position, counts);
  }
  const write = db.prepare('UPDATE block_items SET changes_c2i = ?, changes_i2c = ?, changes_i2i = ? WHERE block_id = ? AND position = ?');
  for (const [position, c] of perItem) write.run(c.correct_to_incorrect, c.incorrect_to_correct, c.incorrect_to_incorrect, blockId, position);
}

/** Across all blocks: exact counts summed over the changed items (a partial index), and the newest items behind them. */
export function allChanges(db: Db, kind?: ChangeKind): AnswerChanges {
  const sums = db
    .prepare(`SELECT coalesce(sum(i.changes_c2i), 0) AS c2i, coalesce(sum(i.changes_i2c), 0) AS i2c, coalesce(sum(i.changes_i2i), 0) AS i2i FROM block_items i WHERE ${CHANGED}`)
    .get() as { c2i: number; i2c: number; i2i: number };
  const counts: ChangeCounts = { correct_to_incorrect: sums.c2i, incorrect_to_correct: sums.i2c, incorrect_to_incorrect: sums.i2i };
  const newest = db
    .prepare(`SELECT i.block_id, i.position FROM block_items i WHERE ${CHANGED} ${kind ? `AND i.${COLUMN[kind]} > 0` : ''} ORDER BY i.block_id DESC, i.position LIMIT ?`)
    .all(CHANGED_ITEMS_CAP) as { block_id: number; position: number }[];
  if (!newest.length) return { counts, items: [] };
  // The moves themselves (from → to) come from the events of just these items.
  const wanted = new Set(newest.map((r) => `${r.block_id}:${r.position}`));
  const blockIds = [...new Set(newest.map((r) => r.block_id))];
  const rows = db
    .prepare(`${changesSql(`AND e.block_id IN (SELECT value FROM json_each(?))`)} ORDER BY block_id DESC, position`)
    .all(JSON.stringify(blockIds)) as ChangeRow[];
  const items = rows.filter((r) => wanted.has(`${r.block_id}:${r.position}`) && (!kind || r.kind === kind)).map(toItem);
  return { counts, items };
}
