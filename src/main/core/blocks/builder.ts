/** Building a block: the pool is every active question matching the filters; a seeded draw picks the items. */
import type { BlockSpecInput, QuestionFilters } from '../../../shared/types';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { fromQuestions, whereFor } from '../bank/filters';
import { mulberry32, samplePartial } from './random';

export function countAvailable(db: Db, filters: QuestionFilters): number {
  const where = whereFor({ ...filters, includeRetired: false });
  return (db.prepare(`SELECT count(*) AS n FROM ${fromQuestions(filters)} WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
}

/** The question ids of a block, in order. Same spec + seed + pool → same ids. */
export function drawQuestions(db: Db, spec: BlockSpecInput & { seed: number }): number[] {
  const where = whereFor({ ...spec.filters, includeRetired: false });
  const pool = db.prepare(`SELECT q.id FROM ${fromQuestions(spec.filters)} WHERE ${where.sql} ORDER BY q.id`).pluck().all(...where.params) as number[];
  if (pool.length === 0) throw new AppError('CONFLICT', 'No questions match these filters.');
  if (spec.size > pool.length) {
    throw new AppError('CONFLICT', `Only ${pool.length} question${pool.length === 1 ? '' : 's'} match these filters; choose ${pool.length} or fewer.`, [
      { field: 'size', message: `only ${pool.length} available` },
    ]);
  }
  const picked = samplePartial(pool, spec.size, mulberry32(spec.seed), true);
  if (spec.order === 'system') {
    const systems = new Map<number, string>();
    const stmt = db.prepare('SELECT system FROM questions WHERE id = ?').pluck();
    for (const id of picked) systems.set(id, (stmt.get(id) as string | null) ?? '~');
    picked.sort((a, b) => systems.get(a)!.localeCompare(systems.get(b)!));
  }
  return picked;
}

export function createBlock(db: Db, spec: BlockSpecInput, now: number, randomSeed: () => number): number {
  const seed = spec.seed ?? Math.floor(randomSeed() * 2 ** 31);
  const full = { ...spec, seed, pauseStopsClock: spec.pauseStopsClock ?? spec.mode !== 'timed' };
  return insertBlock(db, full, drawQuestions(db, full), now);
}

/** Writes a block of the given questions, in order (one transaction). `full` has its seed and pause rule settled. */
export function insertBlock(db: Db, full: BlockSpecInput & { seed: number; pauseStopsClock: boolean }, ids: number[], now: number): number {
  const timeLimit = full.secondsPerQuestion === null || full.mode === 'untimed' ? null : full.secondsPerQuestion * 1000 * ids.length;
  return db.transaction(() => {
    const blockId = Number(
      db
        .prepare(
          `INSERT INTO blocks (created_at, mode, spec_json, seed, time_limit_ms, pause_stops_clock, status, elapsed_ms, running_since, current_position, item_count)
           VALUES (?, ?, ?, ?, ?, ?, 'in_progress', 0, ?, 0, ?)`,
        )
        .run(now, full.mode, JSON.stringify(full), full.seed, timeLimit, full.pauseStopsClock ? 1 : 0, now, ids.length).lastInsertRowid,
    );
    const attempts = db.prepare('SELECT attempts FROM question_stats WHERE question_id = ?').pluck();
    // The revision drawn is recorded so a later re-import never changes what this block shows or how it scores.
    const insert = db.prepare(
      'INSERT INTO block_items (block_id, position, question_id, repeat_of, first_seen, revision) VALUES (?, ?, ?, ?, ?, (SELECT revision FROM questions WHERE id = ?))',
    );
    ids.forEach((id, position) => insert.run(blockId, position, id, (attempts.get(id) as number | undefined) ?? 0, position === 0 ? now : null, id));
    return blockId;
  })();
}
