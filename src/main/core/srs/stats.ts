/**
 * Memory statistics, defined as Anki defines them (SRS.md), computed in SQL over covering indexes:
 * - true retention: reviews of cards in the review state, passed = Hard/Good/Easy, young < 21 d interval ≤ mature;
 * - retrievability R = the FSRS-6 forgetting curve at now (same formula as ts-fsrs, evaluated in SQL; a test checks
 *   it against ts-fsrs), its histogram and average; estimated total knowledge = Σ R;
 * - forecast = live cards due per study day; heatmap = reviews per study day over the past year;
 * - stability and difficulty histograms (kept by triggers in card_memory_bins).
 * History days are counted back from today's rollover in 24-hour steps, as Anki does, from the hourly aggregate
 * review_hours (kept by triggers), so a year of history is a few thousand rows.
 */
import type { ExamForecast, MemoryStats, RetentionRow } from '../../../shared/srs';
import type { Db } from '../db/open';
import { readSettings } from '../settings/settings';
import type { SchedulerSet } from './config';
import { dayWindow } from './queue';
import { curveConstants } from './scheduler';
import { DAY, dayOfDate, studyDay, studyDayDate, studyDayStart } from './studyDay';

const LIVE = 'deleted_at IS NULL AND suspended = 0';

const ratio = (passed: number, failed: number) => (passed + failed ? passed / (passed + failed) : null);

interface DayRow {
  d: number;
  mature: number;
  reviews: number;
  passed: number;
  failed: number;
}

/** The past year of reviews by study day (0 = today, −1 = yesterday …) from the hourly aggregate, young and mature apart. */
function reviewDays(db: Db, dayStart: number): DayRow[] {
  return db
    .prepare(
      `SELECT CAST(floor((hour * 3600000.0 - @start) / 86400000.0) AS INTEGER) AS d, mature, sum(reviews) AS reviews, sum(passed) AS passed, sum(failed) AS failed
       FROM review_hours WHERE hour >= @fromHour GROUP BY d, mature`,
    )
    .all({ start: dayStart, fromHour: Math.floor((dayStart - 364 * DAY) / 3_600_000) }) as DayRow[];
}

function trueRetention(days: DayRow[]): RetentionRow[] {
  const periods: [RetentionRow['period'], number, number][] = [
    ['today', 0, 0],
    ['yesterday', -1, -1],
    ['week', -6, 0],
    ['month', -29, 0],
    ['year', -364, 0],
  ];
  return periods.map(([period, from, to]) => {
    const sum = (mature: number, key: 'passed' | 'failed') => days.filter((r) => r.mature === mature && r.d >= from && r.d <= to).reduce((a, r) => a + r[key], 0);
    const yp = sum(0, 'passed');
    const yf = sum(0, 'failed');
    const mp = sum(1, 'passed');
    const mf = sum(1, 'failed');
    return {
      period,
      young: { passed: yp, failed: yf, retention: ratio(yp, yf) },
      mature: { passed: mp, failed: mf, retention: ratio(mp, mf) },
      total: { passed: yp + mp, failed: yf + mf, retention: ratio(yp + mp, yf + mf) },
    };
  });
}

/** SQL for R of a card at instant @at (0 for cards never reviewed). */
const R_SQL = `CASE WHEN state = 0 OR last_review IS NULL OR stability <= 0 THEN 0
  ELSE pow(1 + @factor * (max(@at - last_review, 0) / 86400000.0) / stability, @decay) END`;

function memory(db: Db, s: SchedulerSet, now: number) {
  const { decay, factor } = curveConstants(s.config.weights);
  const r = db
    .prepare(
      // MATERIALIZED: the forgetting curve is evaluated once per card (a flattened subquery would evaluate it for the
      // bin and again for the sum). The guards live in WHERE so the covering index is read without a CASE per row.
      `WITH x AS MATERIALIZED (
         SELECT pow(1 + @factor * (max(@at - last_review, 0) / 86400000.0) / stability, @decay) AS r FROM cards INDEXED BY cards_memory
         WHERE ${LIVE} AND state <> 0 AND due > -1 AND stability > 0 AND last_review IS NOT NULL)
       SELECT min(CAST(r * 20 AS INTEGER), 19) AS bin, count(*) AS n, sum(r) AS total FROM x GROUP BY bin`,
    )
    .all({ at: now, decay, factor }) as { bin: number; n: number; total: number }[];
  const cards = r.reduce((a, b) => a + b.n, 0);
  const total = r.reduce((a, b) => a + b.total, 0);
  const bins = Array.from({ length: 20 }, (_, i) => ({ from: i * 5, count: r.find((x) => x.bin === i)?.n ?? 0 }));
  return { retrievability: { bins, average: cards ? total / cards : null, cards }, totalKnowledge: total };
}

/** Lower edges (days) of the stability bins ⌊log2(S + 1)⌋ kept in card_memory_bins. */
const STABILITY_EDGES = [0, 1, 3, 7, 15, 31, 63, 127, 255, 511];
function histograms(db: Db) {
  const rows = db.prepare('SELECT sbin, dbin, n FROM card_memory_bins WHERE n > 0').all() as { sbin: number; dbin: number; n: number }[];
  const stability = STABILITY_EDGES.map((from, i) => ({ from, count: rows.filter((r) => r.sbin === i).reduce((a, b) => a + b.n, 0) }));
  const difficulty = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, count: rows.filter((r) => r.dbin === i).reduce((a, b) => a + b.n, 0) }));
  return { stability, difficulty };
}

/** Live cards due per study day from today (overdue counted today), `days` days ahead. */
function forecast(db: Db, s: SchedulerSet, now: number, days: number): { day: number; date: string; count: number }[] {
  const w = dayWindow(now, s);
  const rows = db
    .prepare(
      `SELECT CASE WHEN due < @start THEN 0 ELSE CAST((due - @start) / 86400000 AS INTEGER) END AS d, count(*) AS n
       FROM cards INDEXED BY cards_memory WHERE ${LIVE} AND due < @until AND state <> 0 GROUP BY d`,
    )
    .all({ start: w.dayStart, until: w.dayStart + days * DAY }) as { d: number; n: number }[];
  const today = studyDay(now, s.flash);
  return Array.from({ length: days }, (_, d) => ({ day: d, date: studyDayDate(today + d), count: rows.find((r) => r.d === d)?.n ?? 0 }));
}

function heatmap(days: DayRow[], today: number): { date: string; count: number }[] {
  const byDay = new Map<number, number>();
  for (const r of days) if (r.d <= 0 && r.d >= -364) byDay.set(r.d, (byDay.get(r.d) ?? 0) + r.reviews);
  return [...byDay.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]).map(([d, count]) => ({ date: studyDayDate(today + d), count }));
}

/**
 * Exam-date mode: the mean R each USMLE system's cards would have on exam day if no review happened before it
 * (a floor: every review done raises it), and the reviews already scheduled for each day until the exam.
 */
function examForecast(db: Db, s: SchedulerSet, now: number): ExamForecast | null {
  const examDate = readSettings(db).examDate;
  if (!examDate) return null;
  const examDay = dayOfDate(examDate);
  const today = studyDay(now, s.flash);
  const daysLeft = examDay - today;
  if (daysLeft < 0) return null;
  // The morning of the exam: five hours after that day's rollover (9 am with the default 4 am).
  const at = studyDayStart(examDay, s.flash) + 5 * 3_600_000;
  const rows = retrievabilityBySystem(db, s, at);
  const n = rows.reduce((a, b) => a + b.cards, 0);
  return {
    examDate,
    daysLeft,
    bySystem: rows,
    overall: { cards: n, meanRetrievability: n ? rows.reduce((a, b) => a + b.meanRetrievability * b.cards, 0) / n : null },
    workload: forecast(db, s, now, Math.min(daysLeft + 1, 366)).map(({ date, count }) => ({ date, count })),
  };
}

/**
 * Mean retrievability at instant `at` of the reviewed cards linked to a question (question cards, and flashcards made
 * from one), per USMLE system, weakest first. Exam-day forecast here; the dashboard can call it with `at` = now.
 */
export function retrievabilityBySystem(db: Db, s: SchedulerSet, at: number): { system: string; cards: number; meanRetrievability: number }[] {
  const { decay, factor } = curveConstants(s.config.weights);
  return db
    .prepare(
      `SELECT coalesce(q.system, 'Unclassified') AS system, count(*) AS cards, avg(${R_SQL.replace(/\b(state|last_review|stability)\b/g, 'c.$1')}) AS meanRetrievability
       FROM cards c LEFT JOIN flashcards f ON f.id = c.flashcard_id
       JOIN questions q ON q.id = coalesce(c.question_id, f.question_id)
       WHERE c.deleted_at IS NULL AND c.suspended = 0 AND c.state <> 0 GROUP BY 1 ORDER BY 3`,
    )
    .all({ at, decay, factor }) as { system: string; cards: number; meanRetrievability: number }[];
}

export function memoryStats(db: Db, s: SchedulerSet, now: number): MemoryStats {
  const w = dayWindow(now, s);
  const days = reviewDays(db, w.dayStart);
  return {
    retention: trueRetention(days),
    ...memory(db, s, now),
    forecast: forecast(db, s, now, 30),
    heatmap: heatmap(days, studyDay(now, s.flash)),
    ...histograms(db),
    exam: examForecast(db, s, now),
  };
}
