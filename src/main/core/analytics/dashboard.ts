/**
 * Assembles the dashboard: every aggregate (SQL, ./queries.ts), the readiness view (pure, ./readiness.ts) and the
 * plan. One call, so the screen and the bench measure the same thing. Also stores the day's readiness snapshot.
 */
import type { Exam } from '../../../shared/pack';
import type { Settings } from '../../../shared/types';
import type { AssessmentEntry, Calibration, Dashboard, Plan, PlanDay, Readiness } from '../../../shared/readiness/types';
import type { Db } from '../db/open';
import { countAvailable } from '../blocks/builder';
import { listAssessments, listExamResults } from '../assessments/store';
import { addDays, daysBetween, localDay, planLoad } from './maths';
import { computeReadiness } from './readiness';
import { answeredOn, blockPoints, poolAnswersOn, dailyPoints, dueByDay, memorySummary, performanceBy, timeSummary, totals } from './queries';
import { reasonSummary } from './reasons';
import { schedulerParams } from '../srs/config';
import { dueCounts } from '../srs/queue';

const EXAM_NAMES: Record<Exam, string> = { step1: 'Step 1', step2ck: 'Step 2 CK', step3: 'Step 3' };

/** Local midnight that starts an ISO day, as epoch ms. */
function startOfDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}

export function readinessFor(db: Db, exam: Exam, examDate: string | null, now: number): Readiness {
  const today = localDay(now);
  const readiness = computeReadiness({ exam, examDate, today, assessments: listAssessments(db, exam) });
  // One snapshot per day and exam, with the method version it was computed by (READINESS.md §4.7). A read-only
  // database (a CLI beside the running app) still gets its readiness, just without the snapshot.
  if (!db.readonly) {
    db.prepare(
      `INSERT INTO readiness_snapshots (day, exam, exam_date, method_version, result_json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (day, exam) DO UPDATE SET exam_date = excluded.exam_date, method_version = excluded.method_version, result_json = excluded.result_json`,
    ).run(today, exam, examDate, readiness.method.version, JSON.stringify(readiness));
  }
  return readiness;
}

export function buildPlan(db: Db, settings: Settings, assessments: AssessmentEntry[], now: number, calendarDays = 28): Plan {
  const today = localDay(now);
  const examDate = settings.examDate;
  const daysLeft = examDate ? daysBetween(today, examDate) : null;
  // The pool: the questions tagged for the chosen exam; a bank without exam tags counts as a whole.
  let filters: { exams?: Exam[] } = { exams: [settings.exam] };
  let poolSize = countAvailable(db, filters);
  let poolLabel = `${EXAM_NAMES[settings.exam]} questions`;
  if (poolSize === 0) {
    filters = {};
    poolSize = countAvailable(db, filters);
    poolLabel = 'questions in the bank';
  }
  const unused = countAvailable(db, { ...filters, statuses: ['unused'] });
  const passes = settings.planPasses ?? 1;
  // The plan is worked out from the start of today, so today's target does not shrink while the student works
  // through it; today's progress counts the pool's answers the plan asks for (first attempts; repeats too from 2 passes).
  const todays = poolAnswersOn(db, today, filters.exams?.[0] ?? null);
  const load = planLoad({ unused: unused + todays.first, poolSize, passes, daysLeft });
  const horizon = daysLeft !== null && daysLeft > 0 ? Math.min(calendarDays, daysLeft + 1) : calendarDays;
  const due = dueByDay(db, today, startOfDay(today), startOfDay(addDays(today, Math.max(horizon, daysLeft ?? 0))));
  const dueUntilExam = daysLeft !== null && daysLeft > 0 ? [...due].filter(([d]) => d < examDate!).reduce((s, [, n]) => s + n, 0) : 0;
  const calendar: PlanDay[] = [];
  for (let i = 0; i < horizon; i++) {
    const day = addDays(today, i);
    const beforeExam = examDate !== null && day < examDate;
    calendar.push({
      day,
      questions: beforeExam ? (load.chosen ?? 0) : 0,
      reviews: due.get(day) ?? 0,
      assessments: [
        ...assessments.filter((a) => a.takenOn === day && a.exam === settings.exam).map((a) => a.title),
        ...(day === examDate ? [`${EXAM_NAMES[settings.exam]} exam`] : []),
      ],
    });
  }
  return {
    today,
    examDate,
    daysLeft,
    poolLabel,
    poolSize,
    unused,
    passes,
    perDayOnePass: load.onePass,
    perDayChosenPasses: load.chosen,
    reviewsPerDay: daysLeft !== null && daysLeft > 0 ? Math.ceil(dueUntilExam / daysLeft) : null,
    calendar,
    answeredToday: answeredOn(db, today),
    doneToday: passes > 1 ? todays.first + todays.repeats : todays.first,
  };
}

export function buildDashboard(db: Db, settings: Settings, now: number): Dashboard {
  const today = localDay(now);
  const assessments = listAssessments(db);
  const examDayMs = settings.examDate ? startOfDay(settings.examDate) : null;
  const plan = buildPlan(db, settings, assessments, now);
  return {
    today,
    totals: totals(db),
    performance: {
      system: performanceBy(db, 'system', today),
      discipline: performanceBy(db, 'discipline', today),
      pack: performanceBy(db, 'pack', today),
      exam: performanceBy(db, 'exam', today),
    },
    blocks: blockPoints(db),
    daily: dailyPoints(db, today),
    time: timeSummary(db),
    memory: memorySummary(db, now, examDayMs),
    // Flashcards due: the same function and numbers as the Flashcards screen and `vignette cards due`.
    due: dueCounts(db, schedulerParams(db), now),
    reasons: reasonSummary(db, today),
    readiness: readinessFor(db, settings.exam, settings.examDate, now),
    plan,
    targetScore: settings.targetScore,
  };
}

/** Real results against the snapshot in force before each one; accuracy is claimed only from `needed` results on. */
export function calibration(db: Db, needed = 10): Calibration {
  const results = listExamResults(db);
  const errors: { error: number; covered: boolean }[] = [];
  for (const r of results) {
    if (r.score === null) continue;
    const snap = db.prepare('SELECT result_json FROM readiness_snapshots WHERE exam = ? AND day <= ? ORDER BY day DESC LIMIT 1').pluck().get(r.exam, r.takenOn) as string | undefined;
    const estimate = snap ? (JSON.parse(snap) as Readiness).estimate : null;
    if (estimate) errors.push({ error: r.score - estimate.value, covered: r.score >= estimate.low && r.score <= estimate.high });
  }
  const enough = errors.length >= needed;
  return {
    results,
    meanError: enough ? errors.reduce((s, e) => s + e.error, 0) / errors.length : null,
    bandCoverage: enough ? errors.filter((e) => e.covered).length / errors.length : null,
    needed,
  };
}
