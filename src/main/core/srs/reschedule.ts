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
 * Reviews per day at today's stabilities: each review card comes back once per interval I, and is forgotten at that
 * review with probability 1 − R(I), each lapse adding the relearning steps' reviews.
 *
 *   I = clamp(S / factor · (r^(1/decay) − 1), 1 day, maximum interval)   (the FSRS-6 interval ts-fsrs rounds and fuzzes;
 *                                                                         unrounded here, as fuzz averages the rounding)
 *   R(I) = (1 + factor · I / S)^decay                                     (the forgetting curve at that interval)
 *
 * The lapse term must use the recall at the interval the card really gets, not the desired retention: a card weaker
 * than a day is reviewed after a whole day whatever the target, and so forgotten more often than 1 − r. Charging it
 * 1 − r made the hint run backwards for young cards (80 % ≈ 26/day, 95 % ≈ 23/day for 22 such cards). With R(I)
 * such a card costs the same at every retention, and every other card costs more the higher the retention (1/I
 * grows faster than the lapse share falls), so the estimate rises with retention.
 *
 * An instantaneous estimate for today's cards (the screen says so): stabilities grow with every success, so the load
 * falls over time. A full simulation is not monotone at the bottom of the range — lapses cost reviews, which is why
 * Anki offers a minimum recommended retention — and would not answer "what does this setting cost me now".
 */
export function estimateWorkload(db: Db, s: SchedulerSet, retention: number): { perDay: number; reviewCards: number } {
  const { decay, factor } = curveConstants(s.config.weights);
  const multiplier = (Math.pow(retention, 1 / decay) - 1) / factor;
  const row = db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum((1 + (1 - pow(1 + @factor * ivl / stability, @decay)) * @relearn) / ivl), 0) AS load
       FROM (SELECT stability, min(@max, max(1.0, stability * @m)) AS ivl
             FROM cards INDEXED BY cards_memory WHERE deleted_at IS NULL AND suspended = 0 AND state = 2 AND due > -1 AND stability > 0)`,
    )
    .get({ m: multiplier, max: s.config.maximumIntervalDays, factor, decay, relearn: Math.max(1, s.flash.relearningSteps.length) }) as { n: number; load: number };
  return { perDay: row.load, reviewCards: row.n };
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
