/** "What would confirm it" follows the readiness label: the early-signal sentence only beside an early signal. */
import { describe, expect, it } from 'vitest';
import { confirmingAdvice } from '../../src/shared/readiness/advice';
import type { Readiness, SufficiencyLabel } from '../../src/shared/readiness/types';

const r = (label: SufficiencyLabel, recentCount: number, extra: Partial<Readiness> = {}) => ({
  exam: 'step2ck' as const,
  label,
  sufficiency: { label, count: Math.max(1, recentCount), recentCount, newestAgeDays: 3, spanDays: 0 },
  nextAssessment: null,
  ...extra,
});
const iso = (d: string) => d;

describe('confirmingAdvice', () => {
  it('the early-signal sentence appears with an early signal only', () => {
    expect(confirmingAdvice(r('early signal', 1), iso)).toContain('a second recent result turns this early signal into an estimate');
    for (const label of ['not enough data', 'estimate', 'trend'] as const) expect(confirmingAdvice(r(label, 2), iso)).not.toContain('early signal into an estimate');
  });
  it('old results only: two new ones are needed, and it says why', () => {
    expect(confirmingAdvice(r('early signal', 0), iso)).toBe('Your NBME results are more than 30 days old: two new ones within 30 days turn this early signal into an estimate.');
  });
  it('an estimate says what would make a trend (3 results over 14 days); a trend asks to keep it current', () => {
    expect(confirmingAdvice(r('estimate', 2), iso)).toContain('3 results over at least 14 days');
    expect(confirmingAdvice(r('trend', 3), iso)).toContain('keep this trend current');
  });
  it('a planned assessment is named instead; Step 3 never promises an estimate', () => {
    expect(confirmingAdvice(r('estimate', 2, { nextAssessment: { title: 'NBME CCSSA 15', takenOn: '2026-11-20' } }), iso)).toBe('Your next self-assessment: NBME CCSSA 15 on 2026-11-20.');
    expect(confirmingAdvice(r('early signal', 1, { exam: 'step3' }), iso)).not.toContain('estimate');
  });
});
