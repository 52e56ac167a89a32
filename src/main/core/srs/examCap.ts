/**
 * Exam-date mode: no card is ever due after the exam. One rule, used by every path that sets a due date — an answer
 * (scheduler.ts), rescheduling after a retention change, an Anki history replayed on import, undo, and a new or moved
 * exam date (existing cards are pulled back in one sweep).
 *
 * The last study day a card may be due on (the cap day), for something done on study day `today`:
 *   before the exam's eve → the eve (the last full day of study);
 *   on the eve           → the exam day (the eve is today: a card due today would come straight back);
 *   on the exam day      → the exam day itself (queue.ts does not show a review answered today again today);
 *   after the exam       → nothing is capped.
 */
import type { Db } from '../db/open';
import { DAY, dayOfDate, fromStudyTime, studyDay, studyDayStart, toStudyTime, type DayClock } from './studyDay';

export interface ExamClock extends DayClock {
  /** Exam date (YYYY-MM-DD), or null when exam-date mode is off or no date is set. */
  examDate: string | null;
}

/** The last study day a card may be due on when it is scheduled at `now`, or null when nothing is capped. */
export function examCapDay(now: number, p: ExamClock): number | null {
  if (!p.examDate) return null;
  const exam = dayOfDate(p.examDate);
  const today = studyDay(now, p);
  if (today > exam) return null;
  return Math.min(exam, Math.max(exam - 1, today + 1));
}

/**
 * A due date scheduled at `now`, pulled back to the cap day when it falls after it (keeping its time of day, never
 * before `now`); unchanged otherwise. `days` is the new interval in whole study days from `now`.
 */
export function capDue(due: number, now: number, p: ExamClock): { due: number; days: number } | null {
  const cap = examCapDay(now, p);
  if (cap === null || studyDay(due, p) <= cap) return null;
  const study = toStudyTime(due, p);
  const timeOfDay = study - Math.floor(study / DAY) * DAY;
  const capped = Math.max(now, fromStudyTime(cap * DAY + timeOfDay, p));
  return { due: capped, days: cap - studyDay(now, p) };
}

/**
 * Pulls every card due after the cap day back to it, each with a 'reschedule' log row (as a manual change of due
 * date is logged). For an exam date set or moved, the cap switched on, an import and an undo. Returns the count.
 */
export function enforceExamCap(db: Db, p: ExamClock, now: number): number {
  const cap = examCapDay(now, p);
  if (cap === null) return 0;
  const rows = db
    .prepare('SELECT id, due, state, stability, difficulty, scheduled_days, learning_steps FROM cards INDEXED BY cards_readiness_due WHERE due >= ? AND deleted_at IS NULL')
    .all(studyDayStart(cap + 1, p)) as { id: number; due: number; state: number; stability: number; difficulty: number; scheduled_days: number; learning_steps: number }[];
  const update = db.prepare('UPDATE cards SET due = ?, scheduled_days = ?, updated_at = ? WHERE id = ?');
  const log = db.prepare(
    `INSERT INTO review_log (card_id, kind, source, rating, review, state, due, stability, difficulty, scheduled_days, learning_steps,
       new_state, new_due, new_stability, new_difficulty, new_scheduled_days, new_learning_steps)
     VALUES (?, 'reschedule', 'app', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let changed = 0;
  for (const c of rows) {
    const capped = capDue(c.due, now, p);
    if (!capped) continue;
    update.run(capped.due, capped.days, now, c.id);
    log.run(c.id, now, c.state, c.due, c.stability, c.difficulty, c.scheduled_days, c.learning_steps, c.state, capped.due, c.stability, c.difficulty, capped.days, c.learning_steps);
    changed++;
  }
  return changed;
}
