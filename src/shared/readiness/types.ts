/** Types of the dashboard, the self-assessment log and the readiness view (issue 11). Plain data only. */
import type { Exam } from '../pack';
import type { AssessmentScale, ProductId } from './catalogue';
import type { DueCounts } from '../srs';

export interface SectionScore {
  name: string;
  score: number;
}

export interface AssessmentEntry {
  id: number;
  exam: Exam;
  product: ProductId;
  form: string;
  /** "NBME CCSSA 14" */
  title: string;
  takenOn: string; // ISO date
  /** planned = scheduled, no result yet ("NBME 14 on Dec 12"). */
  status: 'taken' | 'planned';
  scale: AssessmentScale;
  score: number | null;
  /** CBSSA only: the probability of passing its report prints (0–1). */
  passProbability: number | null;
  sections: SectionScore[];
  comment: string;
  /** The score as its report prints it, e.g. "236" or "71 % EPC". */
  display: string | null;
}

export type SufficiencyLabel = 'not enough data' | 'early signal' | 'estimate' | 'trend';

export interface Sufficiency {
  label: SufficiencyLabel;
  /** NBME-family results used (taken, on or before today and the exam date). */
  count: number;
  recentCount: number;
  /** Days since the newest one; null without results. */
  newestAgeDays: number | null;
  spanDays: number;
}

export interface ScoreBand {
  value: number;
  low: number;
  high: number;
}

export type Step1State = 'below' | 'overlapping' | 'near' | 'above';

export interface ReadinessInput {
  id: number;
  title: string;
  takenOn: string;
  display: string;
  /** Why a logged result is left out of the estimate, if it is. */
  excluded: string | null;
  nbmeFamily: boolean;
}

export interface Readiness {
  exam: Exam;
  examDate: string | null;
  today: string;
  daysLeft: number | null;
  /** The passing standard in force on the exam date (today when no date is set). */
  standard: { value: number; from: string; source: string; passFailOnly: boolean } | null;
  label: SufficiencyLabel;
  sufficiency: Sufficiency;
  /** Step 2 CK only: a 3-digit estimate with its band. Step 1 never has one; Step 3 neither (CCMSA does not predict). */
  estimate: ScoreBand | null;
  /** Model output, capped to 5–95 % before rounding (the text says "> 95 %" only above the cap); null when the exam has no honest model. */
  passProbability: number | null;
  passProbabilityText: string | null;
  /** Step 1: the newest CBSSA's EPC ± 4, its printed probability of passing, and the plain state. */
  step1: { epc: ScoreBand; printedPassProbability: number | null; state: Step1State; lowPassRegion: { low: number; high: number } } | null;
  /** A change between the first and newest NBME-family result, named only when larger than twice the measurement error. */
  trend: { change: number; direction: 'up' | 'down' | 'flat'; noise: number } | null;
  /** Step 3: CCMSA results on their own scale, oldest first. */
  ccmsaTrend: { takenOn: string; score: number }[];
  inputs: ReadinessInput[];
  /** What would confirm readiness next: the next planned assessment, if any. */
  nextAssessment: { title: string; takenOn: string } | null;
  notes: string[];
  method: { version: string; summary: string[] };
}

export interface PerformanceRow {
  /** system / discipline name, pack id as text, or exam id; '' = not tagged. */
  key: string;
  label: string;
  n: number;
  correct: number;
  percent: number | null;
  low: number | null;
  high: number | null;
  /** Last 30 days against the 30 before; only when the difference is larger than the noise. */
  trend: 'up' | 'down' | null;
  repeatN: number;
  repeatCorrect: number;
  /** Why a row is what it is: "Not tagged" names the packs imported without a system; a system row says when some of
   *  its questions' systems were inferred from their words. */
  note?: string;
}

export type PerformanceDimension = 'system' | 'discipline' | 'pack' | 'exam';

export interface BlockPoint {
  blockId: number;
  finishedAt: number;
  day: string;
  mode: 'timed' | 'tutor' | 'untimed';
  n: number;
  correct: number;
  percent: number;
  firstN: number;
  firstCorrect: number;
  firstPercent: number | null;
  secondsPerItem: number;
}

export interface DailyPoint {
  day: string;
  n: number;
  correct: number;
  rolling7: number | null;
  rolling30: number | null;
}

export interface TimeSummary {
  paceSeconds: number;
  n: number;
  overPace: number;
  overPaceShare: number | null;
  fast: { n: number; correct: number; percent: number | null };
  slow: { n: number; correct: number; percent: number | null };
  meanSeconds: number | null;
}

export interface MemorySummary {
  cards: number;
  /** Mean retrievability of reviewed cards today and on the exam date, overall and per system. */
  retrievabilityToday: number | null;
  retrievabilityExamDay: number | null;
  bySystem: { system: string; cards: number; today: number | null; examDay: number | null }[];
  source: string;
}

export interface ReasonSummary {
  available: boolean;
  note: string;
  total: { reason: string; count: number }[];
  byWeek: { week: string; counts: Record<string, number> }[];
  bySystem: { system: string; counts: Record<string, number> }[];
}

export interface PlanDay {
  day: string;
  questions: number;
  reviews: number;
  assessments: string[];
}

export interface Plan {
  today: string;
  examDate: string | null;
  daysLeft: number | null;
  poolLabel: string;
  poolSize: number;
  unused: number;
  passes: number;
  /**
   * Questions per day to finish one pass of the unused questions, and to reach `passes` passes — counted from the start
   * of today (questions first used today are still in), so today's target stays put while the student works.
   */
  perDayOnePass: number | null;
  perDayChosenPasses: number | null;
  /** FSRS cards falling due per day until the exam (a floor: cards answered again come back too). */
  reviewsPerDay: number | null;
  calendar: PlanDay[];
  /** Every answer scored today, in any pack. */
  answeredToday: number;
  /** Today's answers that count towards the plan: the pool's first attempts (and its repeats from 2 passes on). */
  doneToday: number;
}

export interface Dashboard {
  today: string;
  totals: { answered: number; correct: number; firstN: number; firstCorrect: number; blocks: number };
  performance: Record<PerformanceDimension, PerformanceRow[]>;
  blocks: BlockPoint[];
  daily: DailyPoint[];
  time: TimeSummary;
  memory: MemorySummary;
  reasons: ReasonSummary;
  /** Flashcards due now and today: core/srs/queue.ts dueCounts, the one definition every screen and the CLI use. */
  due: DueCounts;
  readiness: Readiness;
  plan: Plan;
  targetScore: number | null;
}

export interface ExamResult {
  id: number;
  exam: Exam;
  takenOn: string;
  score: number | null;
  passed: boolean | null;
}

export interface Calibration {
  results: ExamResult[];
  /** Only once enough real results exist; until then null with the count needed. */
  meanError: number | null;
  bandCoverage: number | null;
  needed: number;
}
