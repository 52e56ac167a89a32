/**
 * Block time, measured in the core. A running block has `running_since`; every action and every tick folds the
 * segment since then into the block's elapsed time and the current item's time, so at most one tick (≈1 s) is lost
 * if the process dies. On start-up, blocks left running are suspended without counting the time the app was down.
 */
import type { Db } from '../db/open';
import { cached } from '../db/statements';

export interface BlockRow {
  id: number;
  created_at: number;
  mode: 'timed' | 'tutor' | 'untimed';
  spec_json: string;
  seed: number;
  time_limit_ms: number | null;
  pause_stops_clock: number;
  status: 'in_progress' | 'suspended' | 'finished';
  elapsed_ms: number;
  running_since: number | null;
  current_position: number;
  finished_at: number | null;
  end_reason: 'user' | 'time_up' | null;
  correct_count: number | null;
  item_count: number;
  /** Set for the blocks of an exam-day simulation (migration for issue 10). */
  day_id?: number | null;
  day_index?: number | null;
}

export function recoverInterruptedBlocks(db: Db): number {
  return cached(db, "UPDATE blocks SET status = 'suspended', running_since = NULL WHERE status = 'in_progress'").run().changes;
}

/** Adds the running segment to the block and its current item. Returns whether the block's time ran out. Call inside a transaction. */
export function foldTime(db: Db, block: BlockRow, now: number): { timeUp: boolean } {
  if (block.status !== 'in_progress' || block.running_since === null) return { timeUp: false };
  let delta = Math.max(0, now - block.running_since);
  let timeUp = false;
  if (block.time_limit_ms !== null && block.elapsed_ms + delta >= block.time_limit_ms) {
    delta = Math.max(0, block.time_limit_ms - block.elapsed_ms);
    timeUp = true;
  }
  block.elapsed_ms += delta;
  block.running_since = now;
  cached(db, 'UPDATE blocks SET elapsed_ms = ?, running_since = ? WHERE id = ?').run(block.elapsed_ms, now, block.id);
  // Tutor items stop counting once submitted: the time spent reading the explanation is not time spent answering.
  cached(db, 'UPDATE block_items SET time_ms = time_ms + ? WHERE block_id = ? AND position = ? AND submitted = 0').run(delta, block.id, block.current_position);
  return { timeUp };
}

export function remainingMs(block: BlockRow, now: number): number | null {
  if (block.time_limit_ms === null) return null;
  const running = block.status === 'in_progress' && block.running_since !== null ? Math.max(0, now - block.running_since) : 0;
  return Math.max(0, block.time_limit_ms - block.elapsed_ms - running);
}
