/**
 * Dated exam facts the readiness view stands on (from shared/READINESS.md). Every number is data with its source and
 * the date it took effect, never a constant inside a formula: when USMLE changes a standard, add a row here.
 * Tags: O official, P peer-reviewed, S secondary, C community, U unconfirmed, D derived here.
 */
import type { Exam } from '../pack';

export interface DatedStandard {
  exam: Exam;
  /** ISO date the standard took effect. */
  from: string;
  standard: number;
  source: string;
}

/** Minimum passing scores on the 3-digit scale, looked up by the user's exam date. */
export const PASSING_STANDARDS: readonly DatedStandard[] = [
  { exam: 'step1', from: '2018-01-01', standard: 194, source: 'S, quoting usmle.org' },
  { exam: 'step1', from: '2022-01-26', standard: 196, source: 'S, quoting usmle.org (pass/fail only; no score is reported)' },
  { exam: 'step2ck', from: '2014-07-01', standard: 209, source: 'O, usmle.org announcements' },
  { exam: 'step2ck', from: '2022-07-01', standard: 214, source: 'O, usmle.org announcements' },
  { exam: 'step2ck', from: '2025-07-01', standard: 218, source: 'O, usmle.org announcements' },
  // Step 3: the sources give the year only; 1 January is assumed.
  { exam: 'step3', from: '2016-01-01', standard: 196, source: 'S (year only)' },
  { exam: 'step3', from: '2020-01-01', standard: 198, source: 'S (year only)' },
  { exam: 'step3', from: '2024-01-01', standard: 200, source: 'S' },
];

/** The standard in force on a date (ISO), or null before the first row we know. */
export function standardOn(exam: Exam, isoDate: string): DatedStandard | null {
  let found: DatedStandard | null = null;
  for (const row of PASSING_STANDARDS) if (row.exam === exam && row.from <= isoDate && (!found || row.from > found.from)) found = row;
  return found;
}

/**
 * The readiness method. Bump `version` whenever a number or a rule below changes: each stored snapshot keeps the
 * version it was computed with, so old snapshots stay interpretable.
 */
export const READINESS_METHOD = {
  version: 'readiness-2 (2026-12-05)',
  /** Step 2 CK: σ of the residual when predicting from an NBME self-assessment (≈ ±11, Morrison 2010 / Med Sci Educ 2017, P, D). */
  step2Sigma: 11,
  /** Half-width of the Step 2 CK band: the model residual, never narrower than the SEM. */
  step2BandHalfWidth: 11,
  /** Standard error of measurement of one Step 2 CK score (≈ 6, S/U): the floor of any honest band. */
  step2Sem: 6,
  /** CBSSA retest EPC lies within ±4 points two times in three (NBME guide, quoted S). */
  step1EpcBand: 4,
  /**
   * The CBSSA "low-pass" EPC region. NBME prints the region on its report but not as numbers; 62–68 is how prep
   * sites read it (S/U: medboardtutors.com "CBSE score interpretation"). Used only for the plain state, never as a score.
   */
  step1LowPassEpc: { low: 62, high: 68 },
  /** Pass probabilities are shown rounded and capped: never 0 % or 100 %. */
  probabilityFloor: 0.05,
  probabilityCeiling: 0.95,
  /** Data sufficiency: results within this many days count as recent. */
  recentDays: 30,
  /** A "trend" needs at least this many NBME-family results spanning at least `trendSpanDays`. */
  trendMinResults: 3,
  trendSpanDays: 14,
  /** A change is called a change only when larger than this many measurement errors. */
  trendNoiseMultiple: 2,
  /** Exam pace: 20 items in 30 minutes (2026 format) and 40 in 60 (legacy) are both 90 s per item (O, usmle.org). */
  paceSeconds: 90,
} as const;

export const EXAM_LABELS: Record<Exam, string> = { step1: 'USMLE Step 1', step2ck: 'USMLE Step 2 CK', step3: 'USMLE Step 3' };
