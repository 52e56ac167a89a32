/**
 * The dashboard's arithmetic, pure: no database, no clock. Dates are ISO days (YYYY-MM-DD) passed in by the caller.
 * Every function here has hand-computed unit tests (tests/unit/analytics/maths.test.ts).
 */
import type { ScoreBand, Step1State, Sufficiency, SufficiencyLabel } from '../../../shared/readiness/types';

const DAY_MS = 86_400_000;

/** Days from ISO date a to ISO date b (b − a), calendar days, DST-proof. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The local calendar day of an instant (the student's day, not UTC's). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** 95 % Wilson score interval for k successes in n trials; null for n = 0. Stays inside [0, 1] even for 0/n and n/n. */
export function wilson(k: number, n: number, z = 1.959964): { p: number; low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0/n and n/n the bound is exactly 0 or 1; rounding would otherwise leave 0.9999999999999999.
  return { p, low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/**
 * Is the change from (k1/n1) to (k2/n2) larger than the noise? A two-proportion z-test at 95 % (pooled SE), and at
 * least `minN` answers on each side. Returns the direction or null.
 */
export function significantChange(k1: number, n1: number, k2: number, n2: number, minN = 20): 'up' | 'down' | null {
  if (n1 < minN || n2 < minN) return null;
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const diff = k2 / n2 - k1 / n1;
  if (se === 0) return diff === 0 ? null : diff > 0 ? 'up' : 'down';
  if (Math.abs(diff / se) < 1.959964) return null;
  return diff > 0 ? 'up' : 'down';
}

/**
 * Rolling accuracy: for each listed day, correct / answered over the `window` calendar days ending that day
 * (days with no answers count as zero, not as gaps). `days` must be sorted; null when the window holds no answers.
 */
export function rollingAccuracy(days: { day: string; n: number; correct: number }[], window: number): (number | null)[] {
  const out: (number | null)[] = [];
  let start = 0;
  let n = 0;
  let correct = 0;
  for (let i = 0; i < days.length; i++) {
    n += days[i]!.n;
    correct += days[i]!.correct;
    while (daysBetween(days[start]!.day, days[i]!.day) >= window) {
      n -= days[start]!.n;
      correct -= days[start]!.correct;
      start++;
    }
    out.push(n > 0 ? correct / n : null);
  }
  return out;
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 on erf, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * A model probability as it is stored and shown: never 0 or 1. The cap is decided on the unrounded value, so the words
 * and the number agree: "> 95 %" only when the value exceeds 95 % (94.9 % reads "95 %", exactly 95 % too), "< 5 %"
 * only when it is below 5 %; anything between is the rounded whole percent.
 */
export function cappedProbability(raw: number, floor = 0.05, ceiling = 0.95): { value: number; text: string } {
  if (raw > ceiling) return { value: ceiling, text: `> ${Math.round(ceiling * 100)} %` };
  if (raw < floor) return { value: floor, text: `< ${Math.round(floor * 100)} %` };
  const percent = Math.round(raw * 100);
  return { value: percent / 100, text: `${percent} %` };
}

/** Φ((estimate − standard) / σ), capped then rounded (cappedProbability). */
export function passProbability(estimate: number, standard: number, sigma: number, floor = 0.05, ceiling = 0.95): { value: number; text: string } {
  return cappedProbability(normalCdf((estimate - standard) / sigma), floor, ceiling);
}

/** A band centred on a value, never narrower than `floorHalfWidth`. */
export function band(value: number, halfWidth: number, floorHalfWidth = 0): ScoreBand {
  const h = Math.max(halfWidth, floorHalfWidth);
  return { value, low: value - h, high: value + h };
}

/** Where an EPC band lies against the low-pass region: wholly below, overlapping, just above (< 5 points), or above. */
export function step1State(epcBand: ScoreBand, region: { low: number; high: number }): Step1State {
  if (epcBand.high < region.low) return 'below';
  if (epcBand.low <= region.high) return 'overlapping';
  if (epcBand.low - region.high < 5) return 'near';
  return 'above';
}

/**
 * How much data backs a readiness view (READINESS.md §4.5). `dates` are the NBME-family results already limited to
 * on-or-before today (and the exam date).
 */
export function sufficiency(dates: string[], today: string, rules: { recentDays: number; trendMinResults: number; trendSpanDays: number }): Sufficiency {
  const sorted = [...dates].sort();
  const count = sorted.length;
  if (count === 0) return { label: 'not enough data', count: 0, recentCount: 0, newestAgeDays: null, spanDays: 0 };
  const newestAgeDays = daysBetween(sorted[count - 1]!, today);
  const recentCount = sorted.filter((d) => daysBetween(d, today) <= rules.recentDays).length;
  const spanDays = daysBetween(sorted[0]!, sorted[count - 1]!);
  let label: SufficiencyLabel = 'early signal';
  if (recentCount >= 2) label = 'estimate';
  if (label === 'estimate' && count >= rules.trendMinResults && spanDays >= rules.trendSpanDays) label = 'trend';
  return { label, count, recentCount, newestAgeDays, spanDays };
}

/** First-to-newest change, named only when it exceeds `multiple` × the measurement error. */
export function scoreTrend(scores: number[], measurementError: number, multiple: number): { change: number; direction: 'up' | 'down' | 'flat'; noise: number } | null {
  if (scores.length < 2) return null;
  const change = scores[scores.length - 1]! - scores[0]!;
  const noise = measurementError * multiple;
  return { change, noise, direction: Math.abs(change) <= noise ? 'flat' : change > 0 ? 'up' : 'down' };
}

/** Questions per day to answer `remaining` questions in `daysLeft` days (today included); null when no day is left. */
export function perDay(remaining: number, daysLeft: number | null): number | null {
  if (daysLeft === null || daysLeft <= 0) return null;
  return Math.ceil(Math.max(0, remaining) / daysLeft);
}

/**
 * Plan arithmetic: questions to finish one pass of the unused pool, and `passes` passes of the pool (the first pass
 * finishes the unused, every further pass is the whole pool again).
 */
export function planLoad(opts: { unused: number; poolSize: number; passes: number; daysLeft: number | null }): { onePass: number | null; chosen: number | null } {
  const chosenRemaining = opts.unused + Math.max(0, opts.passes - 1) * opts.poolSize;
  return { onePass: perDay(opts.unused, opts.daysLeft), chosen: perDay(chosenRemaining, opts.daysLeft) };
}

/** Mean of numbers, null for none. */
export function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}
