/**
 * Full-length exam-day simulations. A day draws every block's questions once at the start (none repeats within the
 * day) and creates each block when the student starts it. Break time is derived, never stored: it is the gap between
 * one block's end and the next block's start, so a crash or a closed window cannot lose or invent break time.
 */
import type { DayBlock, DayState } from '../../../shared/examDay';
import { blockSizes, dayFormat, type DayFormat } from '../../../shared/examFormats';
import type { QuestionFilters } from '../../../shared/types';
import { AppError } from '../../../shared/result';
import { EXAM_LABELS } from '../../../shared/readiness/examFacts';
import type { Db } from '../db/open';
import { drawQuestions, insertBlock } from '../blocks/builder';
import { remainingMs, type BlockRow } from '../blocks/clock';
import { advance } from '../blocks/actions';

export interface DayStartInput {
  formatId: string;
  filters: QuestionFilters;
  /** How many of the format's blocks to rehearse (a short rehearsal keeps the format's pace and break budget). */
  blocks?: number | undefined;
  itemsPerBlock?: number | undefined;
  seed?: number | undefined;
}

interface DayRow {
  id: number;
  created_at: number;
  format_id: string;
  plan_json: string;
  block_count: number;
  block_time_ms: number;
  break_budget_ms: number;
}

function requireFormat(id: string): DayFormat {
  const format = dayFormat(id);
  if (!format) throw new AppError('BAD_INPUT', `Unknown exam-day format "${id}"`, [{ field: 'formatId', message: 'not a known format' }]);
  return format;
}

function loadDay(db: Db, dayId: number): DayRow {
  const row = db.prepare('SELECT * FROM exam_days WHERE id = ?').get(dayId) as DayRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Exam day ${dayId} not found`);
  return row;
}

function dayBlocks(db: Db, dayId: number): (BlockRow & { day_index: number; answered: number })[] {
  return db
    .prepare(
      `SELECT b.*, (SELECT count(*) FROM block_items i WHERE i.block_id = b.id AND i.selected IS NOT NULL) AS answered
       FROM blocks b WHERE b.day_id = ? ORDER BY b.day_index`,
    )
    .all(dayId) as (BlockRow & { day_index: number; answered: number })[];
}

function startBlock(db: Db, day: DayRow, index: number, now: number): number {
  const plan = JSON.parse(day.plan_json) as number[][];
  const ids = plan[index]!;
  const perItem = Math.round(day.block_time_ms / 1000 / ids.length);
  const spec = { filters: {}, size: ids.length, mode: 'timed' as const, secondsPerQuestion: perItem, order: 'random' as const, seed: 0, pauseStopsClock: false };
  const blockId = insertBlock(db, spec, ids, now);
  // Every block of a day gets the day's block time, whether it holds 18, 19 or 20 items.
  db.prepare('UPDATE blocks SET day_id = ?, day_index = ?, time_limit_ms = ? WHERE id = ?').run(day.id, index, day.block_time_ms, blockId);
  return blockId;
}

export function startDay(db: Db, input: DayStartInput, now: number, random: () => number): number {
  const format = requireFormat(input.formatId);
  const blocks = input.blocks ?? format.blocks;
  const items = input.itemsPerBlock ?? format.itemsPerBlock;
  if (blocks < 1 || blocks > format.blocks) {
    throw new AppError('BAD_INPUT', `A ${format.label} has 1 to ${format.blocks} blocks, not ${blocks}.`, [{ field: 'blocks', message: `1–${format.blocks}` }]);
  }
  if (items < 1 || items > format.itemsPerBlock) {
    throw new AppError('BAD_INPUT', `A block of this format holds 1 to ${format.itemsPerBlock} items, not ${items}.`, [{ field: 'itemsPerBlock', message: `1–${format.itemsPerBlock}` }]);
  }
  const seed = input.seed ?? Math.floor(random() * 2 ** 31);
  // The real day when every block is asked for at full size (Step 2 CK: 316 items, blocks of 18–20); otherwise blocks × items.
  const full = blocks === format.blocks && items === format.itemsPerBlock;
  const sizes = full ? blockSizes(format.itemsPerDay, blocks) : Array<number>(blocks).fill(items);
  const total = sizes.reduce((a, b) => a + b, 0);
  const shape = sizes[0] === sizes[sizes.length - 1] ? `${blocks} blocks of ${items}` : `${blocks} blocks of ${sizes[sizes.length - 1]}–${sizes[0]}`;
  // The day is one exam's day: its blocks draw from that exam whatever the builder's filters say (a Step 2 CK day
  // saved from a builder with no exam chosen once drew Step 1 questions).
  const filters: QuestionFilters = { ...input.filters, exams: [format.exam] };
  let ids: number[];
  try {
    ids = drawQuestions(db, { filters, size: total, mode: 'timed', secondsPerQuestion: null, order: 'random', seed });
  } catch (e) {
    // Say what the day needs, not only what the pool holds.
    if (e instanceof AppError && e.code === 'CONFLICT') {
      throw new AppError('CONFLICT', `This day needs ${total} ${EXAM_LABELS[format.exam]} questions (${shape}); ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`, [{ field: 'blocks', message: e.message }]);
    }
    throw e;
  }
  let at = 0;
  const plan = sizes.map((n) => ids.slice(at, (at += n)));
  // A full-size block gets the real block time; a shorter rehearsal block keeps the real pace (90 s an item).
  const blockTimeMs = Math.round((format.minutesPerBlock * 60_000 * items) / format.itemsPerBlock);
  return db.transaction(() => {
    const dayId = Number(
      db
        .prepare('INSERT INTO exam_days (created_at, format_id, spec_json, plan_json, block_count, block_time_ms, break_budget_ms) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(now, format.id, JSON.stringify({ ...input, filters, blocks, itemsPerBlock: items, seed }), JSON.stringify(plan), blocks, blockTimeMs, format.breakMinutes * 60_000)
        .lastInsertRowid,
    );
    startBlock(db, loadDay(db, dayId), 0, now);
    return dayId;
  })();
}

/** Ends the break (skipping what is left of it) and starts the next block. */
export function nextBlock(db: Db, dayId: number, now: number): void {
  const day = loadDay(db, dayId);
  const state = dayState(db, dayId, now);
  if (state.phase === 'block') throw new AppError('CONFLICT', `Block ${state.blocks.findIndex((b) => b.blockId === state.currentBlockId) + 1} of this day is still open; end it first.`);
  if (state.phase === 'finished') throw new AppError('CONFLICT', 'Every block of this day has ended.');
  db.transaction(() => startBlock(db, day, state.nextIndex!, now))();
}

export function dayState(db: Db, dayId: number, now: number): DayState {
  const day = loadDay(db, dayId);
  const format = dayFormat(day.format_id);
  // Fold running time first, so a block whose clock ran out while the student was away counts as ended.
  for (const id of db.prepare("SELECT id FROM blocks WHERE day_id = ? AND status <> 'finished'").pluck().all(dayId) as number[]) advance(db, id, now);
  const rows = dayBlocks(db, dayId);
  const plan = JSON.parse(day.plan_json) as number[][];
  let breakUsed = 0;
  const blocks: DayBlock[] = plan.map((ids, index) => {
    const row = rows.find((r) => r.day_index === index);
    const prev = rows.find((r) => r.day_index === index - 1);
    const breakBefore = row && prev?.finished_at != null ? Math.max(0, row.created_at - prev.finished_at) : null;
    breakUsed += breakBefore ?? 0;
    const limit = day.block_time_ms;
    return {
      index,
      blockId: row?.id ?? null,
      status: row?.status ?? 'not_started',
      itemCount: ids.length,
      answeredCount: row?.answered ?? 0,
      correctCount: row?.correct_count ?? null,
      elapsedMs: row ? limit - (remainingMs(row, now) ?? limit) : 0,
      timeLimitMs: limit,
      breakBeforeMs: breakBefore,
    };
  });
  const last = rows[rows.length - 1];
  const open = rows.find((r) => r.status !== 'finished');
  const phase: DayState['phase'] = open ? 'block' : rows.length === day.block_count ? 'finished' : 'break';
  if (phase === 'break' && last?.finished_at != null) breakUsed += Math.max(0, now - last.finished_at);
  const finished = blocks.filter((b) => b.status === 'finished');
  return {
    id: day.id,
    formatId: day.format_id,
    title: format ? `${format.label} · ${day.block_count === format.blocks ? 'full length' : `${day.block_count} of ${format.blocks} blocks`}` : day.format_id,
    createdAt: day.created_at,
    phase,
    blocks,
    currentBlockId: open?.id ?? null,
    nextIndex: phase === 'break' ? rows.length : null,
    breakBudgetMs: day.break_budget_ms,
    breakUsedMs: breakUsed,
    breakRemainingMs: day.break_budget_ms - breakUsed,
    totals: {
      items: blocks.reduce((n, b) => n + b.itemCount, 0),
      answered: blocks.reduce((n, b) => n + b.answeredCount, 0),
      correct: finished.reduce((n, b) => n + (b.correctCount ?? 0), 0),
      elapsedMs: blocks.reduce((n, b) => n + b.elapsedMs, 0),
    },
    finishedAt: phase === 'finished' ? (last?.finished_at ?? null) : null,
  };
}
