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
import { localTimeZone, studyDay } from './studyDay';
import { buildTrainingSet, type ReviewKind, type TrainingReview, type TrainingSet } from './trainingItems';

interface LogRow {
  card_id: number;
  kind: 'review' | 'manual' | 'reset' | 'reschedule';
  rating: number;
  review: number;
  state: number;
}

function kindOf(row: LogRow): ReviewKind {
  if (row.kind === 'reset') return 'reset';
  if (row.kind === 'manual') return 'manual';
  if (row.kind === 'reschedule') return 'rescheduled';
  return row.state === 0 || row.state === 1 ? 'learn' : row.state === 3 ? 'relearn' : 'review';
}

/** Streams the review log card by card (ordered by the (card_id, review) index) into the compact training set. */
export function trainingSetFromLog(db: Db, rolloverHour: number, timeZone = localTimeZone()): TrainingSet {
  const rows = db.prepare('SELECT card_id, kind, rating, review, state FROM review_log ORDER BY card_id, review').iterate() as IterableIterator<LogRow>;
  function* histories(): Generator<TrainingReview[]> {
    let current: TrainingReview[] = [];
    let card = -1;
    for (const row of rows) {
      if (row.card_id !== card && current.length) {
        yield current;
        current = [];
      }
      card = row.card_id;
      current.push({ rating: row.rating, at: row.review, kind: kindOf(row) });
    }
    if (current.length) yield current;
  }
  return buildTrainingSet(histories(), (ms) => studyDay(ms, { timeZone, rolloverHour }));
}

let running: AbortController | null = null;

export async function runOptimizer(ctx: CoreContext, apply: boolean): Promise<OptimizeReport> {
  if (running) throw new AppError('CONFLICT', 'The optimiser is already running.');
  const controller = new AbortController();
  running = controller;
  try {
    const config = readSrsConfig(ctx.db);
    const set = trainingSetFromLog(ctx.db, config.rolloverHour);
    const relearning = config.relearningSteps.length;
    const result = await optimise(set, {
      ...(config.weights ? { weights: config.weights } : {}),
      enableShortTerm: true,
      numRelearningSteps: relearning,
      signal: controller.signal,
      onProgress: (done, total) => ctx.emit({ kind: 'optimize', done, total, label: 'Optimising FSRS weights' }),
    });
    const applied = apply && result.status === 'improved';
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
