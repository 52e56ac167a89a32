/** The dashboard's formulas against values computed by hand (working shown in the comments). */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  band,
  cappedProbability,
  daysBetween,
  normalCdf,
  passProbability,
  perDay,
  planLoad,
  rollingAccuracy,
  scoreTrend,
  significantChange,
  step1State,
  sufficiency,
  wilson,
} from '../../../src/main/core/analytics/maths';
import { READINESS_METHOD } from '../../../src/shared/readiness/examFacts';

describe('wilson', () => {
  it('8/10: centre (0.8 + 3.8415/20)/1.38415 = 0.7167, half 0.2266 → 0.4902–0.9433', () => {
    const w = wilson(8, 10)!;
    expect(w.p).toBe(0.8);
    expect(w.low).toBeCloseTo(0.4902, 4);
    expect(w.high).toBeCloseTo(0.9433, 4);
  });
  it('0/10 and 10/10 stay inside [0, 1] and mirror each other (upper 0.2775)', () => {
    const none = wilson(0, 10)!;
    const all = wilson(10, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(1 - 0.2775, 4);
  });
  it('no data: null', () => {
    expect(wilson(0, 0)).toBeNull();
  });
  it('2/3 has the higher upper bound than 150/300 (0.9385 vs 0.5563), so 150/300 ranks as weaker', () => {
    expect(wilson(2, 3)!.high).toBeCloseTo(0.9385, 3);
    expect(wilson(150, 300)!.high).toBeCloseTo(0.5563, 3);
  });
});

describe('significantChange', () => {
  it('30/60 → 45/60: pooled 0.625, SE 0.0884, z = 2.83 → up', () => {
    expect(significantChange(30, 60, 45, 60)).toBe('up');
    expect(significantChange(45, 60, 30, 60)).toBe('down');
  });
  it('30/60 → 36/60: z = 1.10, inside the noise → no arrow', () => {
    expect(significantChange(30, 60, 36, 60)).toBeNull();
  });
  it('too few answers on one side → no arrow, however large the change', () => {
    expect(significantChange(0, 5, 5, 5)).toBeNull();
  });
});

describe('rollingAccuracy', () => {
  it('sums answers over calendar days, dropping days that leave the window', () => {
    const days = [
      { day: '2026-11-01', n: 10, correct: 5 },
      { day: '2026-11-05', n: 10, correct: 10 },
      { day: '2026-11-08', n: 10, correct: 0 },
    ];
    // 7-day: 5/10; 15/20; on the 8th the 1st is 7 days back, outside → 10/20.
    expect(rollingAccuracy(days, 7)).toEqual([0.5, 0.75, 0.5]);
    // 30-day keeps everything: 5/10, 15/20, 15/30.
    expect(rollingAccuracy(days, 30)).toEqual([0.5, 0.75, 0.5]);
    expect(rollingAccuracy(days, 1)).toEqual([0.5, 1, 0]);
  });
  it('no data: empty', () => {
    expect(rollingAccuracy([], 7)).toEqual([]);
  });
});

describe('normalCdf and passProbability', () => {
  it('Φ(0) = 0.5, Φ(1.96) = 0.9750, Φ(−1) = 0.1587', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
  });
  it('225 against 218 with σ 11: Φ(0.636) = 0.738 → 0.74, "74 %"', () => {
    expect(passProbability(225, 218, 11)).toEqual({ value: 0.74, text: '74 %' });
  });
  it('never 0 or 1: capped at 5 % and 95 %', () => {
    expect(passProbability(300, 218, 11)).toEqual({ value: 0.95, text: '> 95 %' });
    expect(passProbability(150, 218, 11)).toEqual({ value: 0.05, text: '< 5 %' });
  });
});

describe('cappedProbability: the cap is decided on the unrounded value, so number and words agree', () => {
  // "> 95 %" only when the model's value exceeds 95 %; "< 5 %" only when it is below 5 %; otherwise the rounded percent.
  it.each([
    [0.944, 0.94, '94 %'],
    [0.949, 0.95, '95 %'],
    [0.95, 0.95, '95 %'],
    [0.951, 0.95, '> 95 %'],
    [0.954, 0.95, '> 95 %'],
    [0.049, 0.05, '< 5 %'],
    [0.046, 0.05, '< 5 %'],
    [0.05, 0.05, '5 %'],
    [0.051, 0.05, '5 %'],
    [0.055, 0.06, '6 %'],
  ])('%f → %f, "%s"', (raw, value, text) => {
    expect(cappedProbability(raw)).toEqual({ value, text });
  });
  it('by the model: 236 vs 218 (σ 11) is Φ(1.636) = 0.9491 → "95 %"; 237 is Φ(1.727) = 0.9579 → "> 95 %"', () => {
    expect(passProbability(236, 218, 11)).toEqual({ value: 0.95, text: '95 %' });
    expect(passProbability(237, 218, 11)).toEqual({ value: 0.95, text: '> 95 %' });
  });
  it('by the model: 200 vs 218 is Φ(−1.636) = 0.0509 → "5 %"; 199 is Φ(−1.727) = 0.0421 → "< 5 %"', () => {
    expect(passProbability(200, 218, 11)).toEqual({ value: 0.05, text: '5 %' });
    expect(passProbability(199, 218, 11)).toEqual({ value: 0.05, text: '< 5 %' });
  });
});

describe('bands, states and trends', () => {
  it('a band is never narrower than its floor', () => {
    expect(band(236, 4, 6)).toEqual({ value: 236, low: 230, high: 242 });
    expect(band(236, 11, 6)).toEqual({ value: 236, low: 225, high: 247 });
  });
  it('EPC ± 4 against the 62–68 low-pass region', () => {
    const region = READINESS_METHOD.step1LowPassEpc;
    expect(step1State(band(55, 4), region)).toBe('below'); // 51–59
    expect(step1State(band(70, 4), region)).toBe('overlapping'); // 66–74
    expect(step1State(band(75, 4), region)).toBe('near'); // 71–79: 3 points clear
    expect(step1State(band(80, 4), region)).toBe('above'); // 76–84
  });
  it('a change is named only beyond twice the measurement error', () => {
    expect(scoreTrend([230], 6, 2)).toBeNull();
    expect(scoreTrend([230, 240], 6, 2)).toEqual({ change: 10, noise: 12, direction: 'flat' });
    expect(scoreTrend([230, 236, 245], 6, 2)).toEqual({ change: 15, noise: 12, direction: 'up' });
    expect(scoreTrend([245, 232], 6, 2)!.direction).toBe('down');
  });
});

describe('sufficiency labels', () => {
  const rules = READINESS_METHOD;
  const today = '2026-11-20';
  it('no result → not enough data', () => {
    expect(sufficiency([], today, rules)).toEqual({ label: 'not enough data', count: 0, recentCount: 0, newestAgeDays: null, spanDays: 0 });
  });
  it('one result → early signal, with its age', () => {
    expect(sufficiency(['2026-11-18'], today, rules)).toMatchObject({ label: 'early signal', count: 1, newestAgeDays: 2 });
  });
  it('two results, the newest older than 30 days → early signal', () => {
    expect(sufficiency(['2026-09-01', '2026-10-10'], today, rules)).toMatchObject({ label: 'early signal', recentCount: 0, newestAgeDays: 41 });
  });
  it('two within 30 days → estimate; three over ≥ 14 days → trend; three over 10 days → still estimate', () => {
    expect(sufficiency(['2026-11-01', '2026-11-15'], today, rules).label).toBe('estimate');
    expect(sufficiency(['2026-11-01', '2026-11-08', '2026-11-15'], today, rules)).toMatchObject({ label: 'trend', spanDays: 14 });
    expect(sufficiency(['2026-11-05', '2026-11-10', '2026-11-15'], today, rules).label).toBe('estimate');
  });
});

describe('plan arithmetic', () => {
  it('1,000 unused of 2,000 in 30 days: ceil(1000/30) = 34 a day; two passes ceil(3000/30) = 100', () => {
    expect(planLoad({ unused: 1000, poolSize: 2000, passes: 2, daysLeft: 30 })).toEqual({ onePass: 34, chosen: 100 });
  });
  it('an exam today or in the past has no per-day load; no date → none either', () => {
    expect(perDay(100, 0)).toBeNull();
    expect(perDay(100, -3)).toBeNull();
    expect(perDay(100, null)).toBeNull();
    expect(perDay(0, 10)).toBe(0);
  });
  it('calendar days across a month end and DST', () => {
    expect(daysBetween('2026-11-20', '2027-01-15')).toBe(56);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});
