/**
 * Runs the optimiser on the student's whole review log: histories per card (kind and pre-review state tell learning
 * from review), study days by the settings' rollover hour, one run at a time, cancellable from another call.
 * New weights are saved only when they fit better (optimizer.ts decides).
 */
import type { OptimizeReport } from '../../../shared/optimizer';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { readSrsConfig, writeSrsConfig } from './config';
import { optimise, OptimiseCancelled } from './optimizer';
import { DAY, HOUR, localTimeZone, offsetMs } from './studyDay';
import { TrainingSetBuilder, type ReviewKind, type TrainingReview, type TrainingSet } from './trainingItems';

type LogKind = 'review' | 'manual' | 'reset' | 'reschedule';

/** Our log kinds and pre-review states in Anki's terms (a review of a new or learning card is learning). */
function kindOf(kind: LogKind, state: number): ReviewKind {
  if (kind === 'reset') return 'reset';
  if (kind === 'manual') return 'manual';
  if (kind === 'reschedule') return 'rescheduled';
  return state === 0 || state === 1 ? 'learn' : state === 3 ? 'relearn' : 'review';
}

/**
 * The study day of a time, memoised per quarter hour: the zone's UTC offset is looked up (Intl, slow) once per
 * quarter hour seen instead of once per review, which matters for millions of reviews.
 */
export function studyDayCounter(rolloverHour: number, timeZone: string): (ms: number) => number {
  const QUARTER = 900_000;
  const offsets = new Map<number, number>();
  return (ms) => {
    const bucket = Math.floor(ms / QUARTER);
    let offset = offsets.get(bucket);
    if (offset === undefined) offsets.set(bucket, (offset = offsetMs(bucket * QUARTER, timeZone)));
    return Math.floor((ms + offset - rolloverHour * HOUR) / DAY);
  };
}

/** About 50,000 log rows (~0.1 s) per chunk at ten reviews a card. */
const CARDS_PER_CHUNK = 5_000;

/**
 * Reads the review log card by card into the compact training set, in chunks of card ids with a pause between them,
 * so the core keeps answering other calls while millions of rows are read.
 */
export async function trainingSetFromLog(db: Db, rolloverHour: number, timeZone = localTimeZone()): Promise<TrainingSet> {
  const builder = new TrainingSetBuilder(studyDayCounter(rolloverHour, timeZone));
  const range = db.prepare('SELECT min(card_id) AS lo, max(card_id) AS hi FROM review_log').get() as { lo: number | null; hi: number | null };
  if (range.lo === null || range.hi === null) return builder.finish();
  // Raw rows (arrays) are markedly cheaper than objects across millions of rows.
  const chunk = db.prepare('SELECT card_id, kind, rating, review, state FROM review_log WHERE card_id >= ? AND card_id < ? ORDER BY card_id, review').raw(true);
  for (let from = range.lo; from <= range.hi; from += CARDS_PER_CHUNK) {
    let current: TrainingReview[] = [];
    let card = -1;
    for (const [cardId, kind, rating, review, state] of chunk.iterate(from, from + CARDS_PER_CHUNK) as IterableIterator<[number, LogKind, number, number, number]>) {
      if (cardId !== card && current.length) {
        builder.add(current);
        current = [];
      }
      card = cardId;
      current.push({ rating, at: review, kind: kindOf(kind, state) });
    }
    if (current.length) builder.add(current);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return builder.finish();
}

let running: AbortController | null = null;

export async function runOptimizer(ctx: CoreContext, apply: boolean): Promise<OptimizeReport> {
  if (running) throw new AppError('CONFLICT', 'The optimiser is already running.');
  const controller = new AbortController();
  running = controller;
  try {
    const config = readSrsConfig(ctx.db);
    const set = await trainingSetFromLog(ctx.db, config.rolloverHour);
    const relearning = config.relearningSteps.length;
    const result = await optimise(set, {
      ...(config.weights ? { weights: config.weights } : {}),
      enableShortTerm: true,
      numRelearningSteps: relearning,
      signal: controller.signal,
      onProgress: (done, total) => ctx.emit({ kind: 'optimize', done, total, label: 'Optimising FSRS weights' }),
    });
    const applied = apply && (result.status === 'improved' || result.status === 'initial');
    if (applied) writeSrsConfig(ctx.db, { weights: result.weights });
    return { ...result, applied };
  } catch (error) {
    if (error instanceof OptimiseCancelled) throw new AppError('CONFLICT', error.message);
    throw error;
  } finally {
    running = null;
  }
}

export function cancelOptimizer(): { cancelled: boolean } {
  if (!running) return { cancelled: false };
  running.abort();
  return { cancelled: true };
}
