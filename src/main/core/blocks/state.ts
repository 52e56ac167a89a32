/** Reading a block as the renderer shows it. Answers are revealed only when the rules allow (finished, or tutor after submit). */
import type { BlockItemState, BlockState, BlockSummary, Highlight, ItemView } from '../../../shared/types';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { questionAtRevision } from '../bank/revisions';
import type { MissReason } from '../../../shared/reasons';
import { remainingMs, type BlockRow } from './clock';
import { cached } from '../db/statements';

interface ItemRow {
  position: number;
  question_id: number;
  selected: number | null;
  submitted: number;
  outcome: BlockItemState['outcome'];
  marked: number;
  struck: number;
  highlights: string;
  time_ms: number;
  repeat_of: number | null;
  revision: number | null;
  reason: MissReason | null;
}

const MODE_LABEL = { timed: 'Timed', tutor: 'Tutor', untimed: 'Untimed' } as const;

export function loadBlock(db: Db, blockId: number): BlockRow {
  const row = cached(db, 'SELECT * FROM blocks WHERE id = ?').get(blockId) as BlockRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Block ${blockId} not found`);
  return row;
}

function struckList(mask: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 26; i++) if (mask & (1 << i)) out.push(i);
  return out;
}

function itemState(r: ItemRow): BlockItemState {
  return {
    position: r.position,
    questionId: r.question_id,
    selected: r.selected,
    submitted: r.submitted === 1,
    outcome: r.outcome,
    marked: r.marked === 1,
    struck: struckList(r.struck),
    highlights: JSON.parse(r.highlights) as Highlight[],
    timeMs: r.time_ms,
    repeat: (r.repeat_of ?? 0) > 0,
    reason: r.reason,
  };
}

export function summaryOf(block: BlockRow, answered: number, now: number): BlockSummary {
  const running = block.status === 'in_progress' && block.running_since !== null ? Math.max(0, now - block.running_since) : 0;
  return {
    id: block.id,
    createdAt: block.created_at,
    mode: block.mode,
    status: block.status,
    itemCount: block.item_count,
    answeredCount: answered,
    correctCount: block.correct_count,
    elapsedMs: block.elapsed_ms + running,
    timeLimitMs: block.time_limit_ms,
    finishedAt: block.finished_at,
    endReason: block.end_reason,
    counted: block.status !== 'finished' || block.correct_count !== null,
    title:
      block.day_id != null
        ? `Exam day ${block.day_id} · block ${(block.day_index ?? 0) + 1} · ${block.item_count} question${block.item_count === 1 ? '' : 's'}`
        : `${MODE_LABEL[block.mode]} block · ${block.item_count} question${block.item_count === 1 ? '' : 's'}`,
  };
}

export function blockState(db: Db, block: BlockRow, now: number): BlockState {
  const rows = cached(db, 'SELECT * FROM block_items WHERE block_id = ? ORDER BY position').all(block.id) as ItemRow[];
  const items = rows.map(itemState);
  return {
    ...summaryOf(block, items.filter((i) => i.selected !== null).length, now),
    currentPosition: block.current_position,
    running: block.status === 'in_progress' && block.running_since !== null,
    pauseStopsClock: block.pause_stops_clock === 1,
    remainingMs: remainingMs(block, now),
    items,
    day: blockDay(db, block.id),
  };
}

export function listBlocks(db: Db, status: 'open' | 'finished' | 'all', now: number): BlockSummary[] {
  const where = status === 'open' ? "WHERE b.status <> 'finished'" : status === 'finished' ? "WHERE b.status = 'finished'" : '';
  const rows = db
    .prepare(
      `SELECT b.*, (SELECT count(*) FROM block_items i WHERE i.block_id = b.id AND i.selected IS NOT NULL) AS answered
       FROM blocks b ${where} ORDER BY b.created_at DESC, b.id DESC LIMIT 500`,
    )
    .all() as (BlockRow & { answered: number })[];
  return rows.map((r) => summaryOf(r, r.answered, now));
}

export function itemView(db: Db, block: BlockRow, position: number): ItemView {
  const row = cached(db, 'SELECT * FROM block_items WHERE block_id = ? AND position = ?').get(block.id, position) as ItemRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Block ${block.id} has no item ${position + 1}`);
  const item = itemState(row);
  const reveal = block.status === 'finished' || (block.mode === 'tutor' && item.submitted);
  const note = cached(db, "SELECT body_md FROM notes WHERE origin = 'user' AND question_id = ? AND deleted_at IS NULL").pluck().get(row.question_id) as string | undefined;
  return { blockId: block.id, item, question: questionAtRevision(db, row.question_id, row.revision, reveal), note: note ?? '' };
}

/** Where a block sits in its day, for the runner (null for a block that is not part of a day). */
export function blockDay(db: Db, blockId: number): { id: number; index: number; count: number } | null {
  const row = db
    .prepare('SELECT b.day_id AS id, b.day_index AS idx, d.block_count AS count FROM blocks b JOIN exam_days d ON d.id = b.day_id WHERE b.id = ?')
    .get(blockId) as { id: number; idx: number; count: number } | undefined;
  return row ? { id: row.id, index: row.idx, count: row.count } : null;
}
