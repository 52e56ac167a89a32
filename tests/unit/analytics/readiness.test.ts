/** The readiness view (READINESS.md §4) from logged assessments, against hand-worked cases and two properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReadiness } from '../../../src/main/core/analytics/readiness';
import { assessmentTitle, formatOnScale, productById, type ProductId } from '../../../src/shared/readiness/catalogue';
import { standardOn } from '../../../src/shared/readiness/examFacts';
import type { AssessmentEntry } from '../../../src/shared/readiness/types';
import type { Exam } from '../../../src/shared/pack';

let nextId = 1;
function entry(exam: Exam, product: ProductId, form: string, takenOn: string, score: number | null, extra: Partial<AssessmentEntry> = {}): AssessmentEntry {
  const scale = productById(product)!.scale;
  return {
    id: nextId++,
    exam,
    product,
    form,
    title: assessmentTitle(product, form),
    takenOn,
    status: score === null ? 'planned' : 'taken',
    scale,
    score,
    passProbability: null,
    sections: [],
    comment: '',
    display: score === null ? null : formatOnScale(scale, score),
    ...extra,
  };
}

describe('Step 2 CK', () => {
  it('one CCSSA of 236 and a UWSA: estimate 236 ± 11, standard 218, Φ(18/11 = 1.636) = 0.949 → "95 %" (not above the cap, so not "> 95 %"), early signal', () => {
    const r = computeReadiness({
      exam: 'step2ck',
      examDate: '2027-01-15',
      today: '2026-11-20',
      assessments: [entry('step2ck', 'nbme-ccssa', '14', '2026-11-01', 236), entry('step2ck', 'uwsa', '1', '2026-11-10', 250)],
    });
    expect(r.estimate).toEqual({ value: 236, low: 225, high: 247 });
    expect(r.standard).toMatchObject({ value: 218, from: '2025-07-01' });
    expect(r.passProbability).toBe(0.95);
    expect(r.passProbabilityText).toBe('95 %');
    expect(r.label).toBe('early signal');
    expect(r.daysLeft).toBe(56);
    // Inputs first, each on its own scale; the UWSA is shown but not used.
    expect(r.inputs.map((i) => [i.title, i.display, i.excluded])).toEqual([
      ['NBME CCSSA 14', '236', null],
      ['UWorld UWSA 1', '250', 'shown, not used: no published conversion'],
    ]);
  });

  it('two CCSSAs within 30 days are averaged: (222 + 228) / 2 = 225 → Φ(7/11) = 0.74, label estimate', () => {
    const r = computeReadiness({
      exam: 'step2ck',
      examDate: '2027-01-15',
      today: '2026-11-20',
      assessments: [entry('step2ck', 'nbme-ccssa', '12', '2026-11-02', 222), entry('step2ck', 'nbme-ccssa', '13', '2026-11-16', 228)],
    });
    expect(r.estimate).toEqual({ value: 225, low: 214, high: 236 });
    expect(r.passProbability).toBe(0.74);
    expect(r.label).toBe('estimate');
    expect(r.trend).toEqual({ change: 6, noise: 12, direction: 'flat' });
  });

  it('the standard follows the exam date: 214 before 2025-07-01, 218 from it', () => {
    expect(standardOn('step2ck', '2025-06-30')!.standard).toBe(214);
    expect(standardOn('step2ck', '2025-07-01')!.standard).toBe(218);
    const before = computeReadiness({ exam: 'step2ck', examDate: '2025-06-30', today: '2025-06-01', assessments: [entry('step2ck', 'nbme-ccssa', '11', '2025-05-30', 214)] });
    expect(before.standard!.value).toBe(214);
    expect(before.passProbability).toBe(0.5);
  });

  it('no data: not enough data, no estimate, no probability', () => {
    const r = computeReadiness({ exam: 'step2ck', examDate: '2027-01-15', today: '2026-11-20', assessments: [] });
    expect(r.label).toBe('not enough data');
    expect(r.estimate).toBeNull();
    expect(r.passProbability).toBeNull();
  });

  it('an exam date in the past: negative days left, a note, and results after the exam date are not used', () => {
    const r = computeReadiness({
      exam: 'step2ck',
      examDate: '2026-11-10',
      today: '2026-11-20',
      assessments: [entry('step2ck', 'nbme-ccssa', '14', '2026-11-01', 230), entry('step2ck', 'nbme-ccssa', '15', '2026-11-12', 260)],
    });
    expect(r.daysLeft).toBe(-10);
    expect(r.notes.join(' ')).toContain('has passed');
    expect(r.inputs[1]!.excluded).toBe('taken after the exam date');
    expect(r.estimate!.value).toBe(230);
  });

  it('names the next planned assessment', () => {
    const r = computeReadiness({
      exam: 'step2ck',
      examDate: '2027-01-15',
      today: '2026-11-20',
      assessments: [entry('step2ck', 'nbme-ccssa', '14', '2026-12-12', null)],
    });
    expect(r.nextAssessment).toEqual({ title: 'NBME CCSSA 14', takenOn: '2026-12-12' });
  });
});

describe('Step 1', () => {
  it('EPC ± 4 with the printed probability and a plain state; no 3-digit estimate, even with a UWSA logged', () => {
    const r = computeReadiness({
      exam: 'step1',
      examDate: '2027-01-15',
      today: '2026-11-20',
      assessments: [entry('step1', 'nbme-cbssa', '30', '2026-11-15', 70, { passProbability: 0.9 }), entry('step1', 'uwsa', '2', '2026-11-17', 241)],
    });
    expect(r.step1).toEqual({ epc: { value: 70, low: 66, high: 74 }, printedPassProbability: 0.9, state: 'overlapping', lowPassRegion: { low: 62, high: 68 } });
    expect(r.estimate).toBeNull();
    expect(r.passProbability).toBeNull();
    expect(r.standard).toBeNull();
  });

  it('property: a Step 1 readiness never carries a 3-digit number outside the raw inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 150, max: 280 }), fc.integer({ min: 0, max: 60 })), { maxLength: 6 }), (rows) => {
        const assessments = rows.flatMap(([epc, uwsa, ago]) => [
          entry('step1', 'nbme-cbssa', '27', `2026-${ago > 30 ? '09' : '11'}-0${(ago % 9) + 1}`, epc, { passProbability: 0.5 }),
          entry('step1', 'uwsa', '1', '2026-11-01', uwsa),
        ]);
        const r = computeReadiness({ exam: 'step1', examDate: '2027-01-15', today: '2026-11-20', assessments });
        expect(r.estimate).toBeNull();
        // Raw inputs (shown on their own scales) and the method's prose are left out; EPC 100 % is a percent, not a score.
        const { inputs: _inputs, method: _method, ...rest } = r;
        void _inputs;
        void _method;
        const numbers = JSON.stringify(rest).replace(/\d{4}-\d{2}-\d{2}/g, '').match(/\d+(\.\d+)?/g) ?? [];
        expect(numbers.filter((n) => Number(n) > 100 && Number(n) <= 300)).toEqual([]);
      }),
    );
  });
});

describe('Step 3', () => {
  it('CCMSA is a trend on its own scale only', () => {
    const r = computeReadiness({
      exam: 'step3',
      examDate: '2027-01-15',
      today: '2026-11-20',
      assessments: [entry('step3', 'nbme-ccmsa', 'A', '2026-10-01', 480), entry('step3', 'nbme-ccmsa', 'B', '2026-11-01', 530)],
    });
    expect(r.ccmsaTrend).toEqual([
      { takenOn: '2026-10-01', score: 480 },
      { takenOn: '2026-11-01', score: 530 },
    ]);
    expect(r.estimate).toBeNull();
    expect(r.passProbability).toBeNull();
  });
});

describe('pass probability property', () => {
  it('is never 0 or 1 for any Step 2 CK score', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 100, max: 300 }), { minLength: 1, maxLength: 5 }), (scores) => {
        const r = computeReadiness({
          exam: 'step2ck',
          examDate: '2027-01-15',
          today: '2026-11-20',
          assessments: scores.map((s, i) => entry('step2ck', 'nbme-ccssa', '9', `2026-11-1${i}`, s)),
        });
        expect(r.passProbability).toBeGreaterThan(0);
        expect(r.passProbability).toBeLessThan(1);
        expect(r.estimate!.high - r.estimate!.low).toBeGreaterThanOrEqual(12);
      }),
    );
  });
});
