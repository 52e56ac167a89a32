/**
 * What is due: THE due counts for every screen (Home, Dashboard, Flashcards) and the CLI, and the next flashcard of
 * a review session. Learning cards come first when their minutes are up, then the day's reviews, then new cards,
 * within the daily limits (as Anki). A review card is due on its study day (from the rollover hour), a learning card
 * at its minute.
 *   due now   = learning cards whose minute has come + review cards due this study day + new cards, within limits
 *   due today = due now + learning cards coming due later this study day
 * Question cards (missed questions) come back in blocks, not in the session: counted apart (questionCardsDue).
 */
import type { DueCounts } from '../../../shared/srs';
import type { Db } from '../db/open';
import type { CardRow } from './cardStore';
import type { SchedulerSet } from './config';
import { studyDay, studyDayStart, type DayClock } from './studyDay';

/** Anki shows learning cards up to 20 minutes early when nothing else is left. */
export const LEARN_AHEAD_MS = 20 * 60_000;

const LIVE = 'flashcard_id IS NOT NULL AND suspended = 0 AND deleted_at IS NULL';

export interface DayWindow {
  now: number;
  dayStart: number;
  dayEnd: number;
}
export function dayWindow(now: number, s: SchedulerSet): DayWindow {
  const today = studyDay(now, s.flash);
  return { now, dayStart: studyDayStart(today, s.flash), dayEnd: studyDayStart(today + 1, s.flash) };
}

/** Reviews and new cards already studied today (flashcards), for the daily limits: from the hourly aggregate. */
function doneToday(db: Db, w: DayWindow): { newDone: number; reviewsDone: number } {
  return db
    .prepare('SELECT coalesce(sum(flash_new), 0) AS newDone, coalesce(sum(flash_reviews), 0) AS reviewsDone FROM review_hours WHERE hour >= ?')
    .get(Math.floor(w.dayStart / 3_600_000)) as { newDone: number; reviewsDone: number };
}

const notBuried = '(buried_until IS NULL OR buried_until <= @now)';
/**
 * A review answered on this study day is not due again on it (in Anki a review interval is at least a day). Only
 * exam-date mode on the exam day itself schedules one for the same day (examCap.ts); this keeps it from coming
 * straight back. Written so SQLite reads last_review only for cards due today, not for the overdue backlog.
 */
export const NOT_REVIEWED_TODAY = 'NOT (due >= @start AND last_review >= @start)';

export function dueCounts(db: Db, s: SchedulerSet, now: number, withTotals = false): DueCounts {
  const w = dayWindow(now, s);
  const q = (sql: string) => db.prepare(sql).pluck().get({ now: w.now, start: w.dayStart, end: w.dayEnd, ahead: w.now + LEARN_AHEAD_MS }) as number;
  const learning = q(`SELECT count(*) FROM cards INDEXED BY cards_flash_queue WHERE ${LIVE} AND state IN (1, 3) AND due <= @now AND ${notBuried}`);
  const learningToday = q(`SELECT count(*) FROM cards INDEXED BY cards_flash_queue WHERE ${LIVE} AND state IN (1, 3) AND due < @end AND ${notBuried}`);
  const reviewsDue = q(`SELECT count(*) FROM cards INDEXED BY cards_flash_queue WHERE ${LIVE} AND state = 2 AND due < @end AND ${NOT_REVIEWED_TODAY} AND ${notBuried}`);
  const newAvailable = q(`SELECT count(*) FROM cards INDEXED BY cards_flash_queue WHERE ${LIVE} AND state = 0 AND ${notBuried}`);
  const questionCardsDue = q(`SELECT count(*) FROM cards INDEXED BY cards_question_queue WHERE question_id IS NOT NULL AND suspended = 0 AND deleted_at IS NULL AND due < @end AND ${NOT_REVIEWED_TODAY}`);
  const totals = withTotals
    ? (db.prepare('SELECT count(*) AS total, coalesce(sum(suspended), 0) AS suspended FROM cards INDEXED BY cards_live WHERE deleted_at IS NULL').get() as { total: number; suspended: number })
    : {};
  const { newDone, reviewsDone } = doneToday(db, w);
  const reviewsLeftToday = Math.max(0, s.config.reviewsPerDay - reviewsDone);
  const newLeftToday = Math.max(0, s.config.newPerDay - newDone);
  return {
    dueNow: learning + Math.min(reviewsDue, reviewsLeftToday) + Math.min(newAvailable, newLeftToday),
    dueToday: learningToday + Math.min(reviewsDue, reviewsLeftToday) + Math.min(newAvailable, newLeftToday),
    learning: learningToday,
    learningNow: learning,
    reviewsDue: Math.min(reviewsDue, reviewsLeftToday),
    newAvailable,
    reviewsLeftToday,
    newLeftToday,
    questionCardsDue,
    ...totals,
    studyDayEndsAt: w.dayEnd,
  };
}

/** The next flashcard to review now, or null when the session is done. Each step is one indexed lookup. */
export function nextCard(db: Db, s: SchedulerSet, now: number): CardRow | null {
  const w = dayWindow(now, s);
  const params = { now: w.now, start: w.dayStart, end: w.dayEnd, ahead: w.now + LEARN_AHEAD_MS };
  // INDEXED BY: without ANALYZE statistics SQLite may pick a worse index (seen: a full scan for new cards).
  const one = (sql: string) =>
    (db.prepare(`SELECT * FROM cards INDEXED BY cards_flash_queue WHERE ${LIVE} AND ${notBuried} AND ${sql} LIMIT 1`).get(params) as CardRow | undefined) ?? null;
  const learning = one('state IN (1, 3) AND due <= @now ORDER BY due');
  if (learning) return learning;
  const { newDone, reviewsDone } = doneToday(db, w);
  if (reviewsDone < s.config.reviewsPerDay) {
    const review = one(`state = 2 AND due < @end AND ${NOT_REVIEWED_TODAY} ORDER BY due`);
    if (review) return review;
  }
  if (newDone < s.config.newPerDay) {
    // New cards in the order they were made (a new card's due is its creation time): the index order, no sort.
    const fresh = one('state = 0 ORDER BY due, id');
    if (fresh) return fresh;
  }
  return one('state IN (1, 3) AND due <= @ahead ORDER BY due');
}

/** End of the study day holding `now`: a question card due before it is in the "Due for review" pool. */
export function questionDueCutoff(clock: DayClock, now: number): number {
  return studyDayStart(studyDay(now, clock) + 1, clock);
}
