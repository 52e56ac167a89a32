/**
 * Changing desired retention (or weights): the estimated daily workload for a retention, and the optional
 * rescheduling of review cards to the new target (each re-placed card gets a 'reschedule' log row, as Anki logs it).
 */
import type { Db } from '../db/open';
import type { SchedulerSet } from './config';
import { capDue } from './examCap';
import { curveConstants, intervalDays, type SchedulerParams } from './scheduler';
import { DAY } from './studyDay';

/**
 * Reviews per day, steady state: each review card comes back once per interval, and the interval at retention r for
 * stability S is S / factor · (r^(1/decay) − 1) (the FSRS-6 interval formula ts-fsrs uses). Failures (1 − r) add a
 * relearning review each. An estimate for today's collection, not a simulation: stabilities grow as you review.
 */
export function estimateWorkload(db: Db, s: SchedulerSet, retention: number): { perDay: number; reviewCards: number } {
  const { decay, factor } = curveConstants(s.config.weights);
  const multiplier = (Math.pow(retention, 1 / decay) - 1) / factor;
  const row = db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(1.0 / max(1.0, min(@max, stability * @m))), 0) AS load
       FROM cards INDEXED BY cards_memory WHERE deleted_at IS NULL AND suspended = 0 AND state = 2 AND due > -1`,
    )
    .get({ m: multiplier, max: s.config.maximumIntervalDays }) as { n: number; load: number };
  return { perDay: row.load * (1 + (1 - retention)), reviewCards: row.n };
}

/** Re-places every review card at last review + the interval its stability gives under `p` (exam cap included). */
export function rescheduleReviewCards(db: Db, p: SchedulerParams, now: number): number {
  const cards = db
    .prepare('SELECT id, due, state, stability, difficulty, scheduled_days, learning_steps, last_review FROM cards WHERE deleted_at IS NULL AND state = 2 AND last_review IS NOT NULL')
    .all() as { id: number; due: number; state: number; stability: number; difficulty: number; scheduled_days: number; learning_steps: number; last_review: number }[];
  const update = db.prepare('UPDATE cards SET due = ?, scheduled_days = ?, updated_at = ? WHERE id = ?');
  const log = db.prepare(
    `INSERT INTO review_log (card_id, kind, source, rating, review, state, due, stability, difficulty, scheduled_days, learning_steps,
       new_state, new_due, new_stability, new_difficulty, new_scheduled_days, new_learning_steps)
     VALUES (?, 'reschedule', 'app', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let changed = 0;
  for (const c of cards) {
    let days = intervalDays(c.stability, p);
    let due = Math.max(now, c.last_review + days * DAY);
    // Exam-date mode holds here too: a re-placed card is never due after the exam.
    const capped = capDue(due, now, p);
    if (capped) ({ due, days } = capped);
    if (due === c.due) continue;
    update.run(due, days, now, c.id);
    log.run(c.id, now, c.state, c.due, c.stability, c.difficulty, c.scheduled_days, c.learning_steps, c.state, due, c.stability, c.difficulty, days, c.learning_steps);
    changed++;
  }
  return changed;
}
