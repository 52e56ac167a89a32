/**
 * Answer-change analysis from the recorded answer history (answer_events). A change is a move from one chosen answer
 * to a different one; clearing an answer is not a change, and choosing the same answer again after clearing is not
 * one either. Each change is judged against the revision the item was drawn with. Only scored items count, so an
 * open timed block never leaks which answers were right.
 */
import { CHANGE_KINDS, type AnswerChanges, type ChangeCounts, type ChangeKind, type ChangedItem } from '../../../shared/review';
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

/** Across all blocks: exact counts by kind (aggregated in SQL), and the newest changed items behind them. */
export function allChanges(db: Db, kind?: ChangeKind): AnswerChanges {
  const counts = zeroCounts();
  const grouped = db.prepare(`SELECT kind, count(*) AS n FROM (${changesSql('')}) GROUP BY kind`).all() as { kind: ChangeKind; n: number }[];
  for (const g of grouped) counts[g.kind] = g.n;
  const kinds = kind ? [kind] : CHANGE_KINDS;
  const items = db
    .prepare(
      `SELECT * FROM (${changesSql('')}) WHERE kind IN (${kinds.map(() => '?').join(', ')})
       ORDER BY finished_at DESC, block_id DESC, position LIMIT ?`,
    )
    .all(...kinds, CHANGED_ITEMS_CAP) as ChangeRow[];
  return { counts, items: items.map(toItem) };
}
