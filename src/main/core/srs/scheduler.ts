/**
 * The pure scheduler over ts-fsrs 5.4.2: plain rows in, plain rows out, epoch ms, no I/O. It never re-derives FSRS
 * maths; it only adapts ts-fsrs to our study day, exam-date cap and storage shape.
 *
 * - Times go to ts-fsrs in study time (see studyDay.ts) so its whole-day arithmetic follows the local rollover hour.
 * - Fuzz is on (as in Anki). ts-fsrs seeds it from (review time, reps, D·S), so `previewAll(card, shownAt)` is
 *   deterministic: the answer recomputes the preview at `shownAt` and commits exactly what the buttons showed.
 */
import { fsrs, generatorParameters, forgetting_curve, computeDecayFactor, default_w, State, type Card, type FSRS, type Grade as FsrsGrade, type StepUnit } from 'ts-fsrs';
import type { CardMemory, CardStateCode, Grade, GradePreview } from '../../../shared/srs';
import { capDue } from './examCap';
import { DAY, studyDay, studyDayStart, toStudyTime, fromStudyTime, type DayClock } from './studyDay';

export interface SchedulerParams extends DayClock {
  desiredRetention: number;
  maximumIntervalDays: number;
  weights: readonly number[] | null;
  learningSteps: readonly string[];
  relearningSteps: readonly string[];
  /** false = no minute steps (question cards: a question comes back in a block, days later, never minutes). */
  shortTerm: boolean;
  /** Exam date (YYYY-MM-DD) whose eve caps intervals, or null. */
  examDate: string | null;
}

/** The ts-fsrs log fields, all pre-review values (ts-fsrs semantics), plus our post-review state. */
export interface ReviewLogRow {
  rating: Grade;
  review: number;
  state: CardStateCode;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
}

export interface Outcome {
  rating: Grade;
  card: CardMemory;
  log: ReviewLogRow;
  preview: GradePreview;
}

const instances = new Map<string, FSRS>();
/** One ts-fsrs instance per parameter set (SRS.md); cached because building one validates 21 weights. */
function engine(p: SchedulerParams & { noFuzz?: boolean }): FSRS {
  const key = JSON.stringify([p.desiredRetention, p.maximumIntervalDays, p.weights, p.learningSteps, p.relearningSteps, p.shortTerm, !!p.noFuzz]);
  let f = instances.get(key);
  if (!f) {
    f = fsrs(
      generatorParameters({
        request_retention: p.desiredRetention,
        maximum_interval: p.maximumIntervalDays,
        w: p.weights ? [...p.weights] : undefined,
        enable_fuzz: !p.noFuzz,
        enable_short_term: p.shortTerm,
        learning_steps: p.learningSteps as StepUnit[],
        relearning_steps: p.relearningSteps as StepUnit[],
      }),
    );
    if (instances.size > 32) instances.clear();
    instances.set(key, f);
  }
  return f;
}

export function newCardMemory(now: number): CardMemory {
  return { due: now, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null };
}

function toFsrs(card: CardMemory, clock: DayClock): Card {
  return {
    due: new Date(toStudyTime(card.due, clock)),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    last_review: card.lastReview === null ? undefined : new Date(toStudyTime(card.lastReview, clock)),
  };
}

export function formatInterval(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))}m`;
  const hours = minutes / 60;
  if (hours < 23.5) return `${Math.round(hours)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${(days / 30.4).toFixed(1).replace(/\.0$/, '')}mo`;
  return `${(days / 365).toFixed(1).replace(/\.0$/, '')}y`;
}

/** Exam-date mode (examCap.ts): an outcome that would be due after the exam is pulled back to the cap day. */
function capForExam(card: CardMemory, now: number, p: SchedulerParams): boolean {
  const capped = capDue(card.due, now, p);
  if (!capped) return false;
  card.due = capped.due;
  card.scheduledDays = capped.days;
  return true;
}

/** All four outcomes of answering `card` at `now` — label the buttons from these, then commit one unchanged. */
export function previewAll(card: CardMemory, now: number, p: SchedulerParams): Record<Grade, Outcome> {
  const preview = engine(p).repeat(toFsrs(card, p), new Date(toStudyTime(now, p)));
  const out = {} as Record<Grade, Outcome>;
  for (const rating of [1, 2, 3, 4] as const) {
    const { card: next, log } = preview[rating as FsrsGrade];
    const memory: CardMemory = {
      due: fromStudyTime(next.due.getTime(), p),
      stability: next.stability,
      difficulty: next.difficulty,
      scheduledDays: next.scheduled_days,
      learningSteps: next.learning_steps,
      reps: next.reps,
      lapses: next.lapses,
      state: next.state as CardStateCode,
      lastReview: now,
    };
    // A study-time round trip can land a few ms before `now` at a DST edge; due is never before the review.
    if (memory.due < now) memory.due = now;
    const capped = capForExam(memory, now, p);
    out[rating] = {
      rating,
      card: memory,
      log: {
        rating,
        review: now,
        state: card.state,
        due: card.due,
        stability: log.stability,
        difficulty: log.difficulty,
        elapsedDays: log.elapsed_days,
        lastElapsedDays: log.last_elapsed_days,
        scheduledDays: log.scheduled_days,
        learningSteps: log.learning_steps,
      },
      preview: { rating, due: memory.due, intervalMs: memory.due - now, label: formatInterval(memory.due - now), capped },
    };
  }
  return out;
}

/** Answering = taking one of the outcomes previewed at the same instant. */
export function answer(card: CardMemory, rating: Grade, now: number, p: SchedulerParams): Outcome {
  return previewAll(card, now, p)[rating];
}

/** Decay and factor of the FSRS-6 forgetting curve for these weights (for SQL aggregates over many cards). */
export function curveConstants(weights: readonly number[] | null): { decay: number; factor: number } {
  const w = weights ?? default_w;
  const { decay, factor } = computeDecayFactor(w);
  return { decay, factor };
}

/** Probability of recall at `at` (fractional days since the last review), 0 for a card never reviewed. */
export function retrievability(card: Pick<CardMemory, 'stability' | 'lastReview' | 'state'>, at: number, weights: readonly number[] | null): number {
  if (card.state === 0 || card.lastReview === null || card.stability <= 0) return 0;
  const w = weights ?? default_w;
  return forgetting_curve(w, Math.max(0, (at - card.lastReview) / DAY), card.stability);
}

export { studyDay, studyDayStart };

/** Whole-day interval ts-fsrs gives a stability at these parameters, without fuzz (rescheduling, workload). */
export function intervalDays(stability: number, p: SchedulerParams): number {
  return engine({ ...p, noFuzz: true }).next_interval(stability, 0);
}
