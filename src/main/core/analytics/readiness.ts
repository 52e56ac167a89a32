/**
 * The readiness view (READINESS.md §4), pure: logged assessments + exam + dates in, a Readiness out. Inputs are shown
 * on their own scales; Step 1 gets EPC ± 4 and a plain state, never a 3-digit number; Step 2 CK an estimate from recent
 * NBME results with a band of ±11 and a capped pass probability; Step 3 only the CCMSA trend.
 */
import type { Exam } from '../../../shared/pack';
import { productById } from '../../../shared/readiness/catalogue';
import { READINESS_METHOD as M, standardOn } from '../../../shared/readiness/examFacts';
import type { AssessmentEntry, Readiness, ReadinessInput } from '../../../shared/readiness/types';
import { band, daysBetween, mean, passProbability, scoreTrend, step1State, sufficiency } from './maths';

export const METHOD_SUMMARY: string[] = [
  'Your self-assessments are listed first, each on the scale its own report prints.',
  'Only NBME-authored forms (CBSSA, CCSSA, CCMSA) feed the estimate; UWorld, AMBOSS and Free 120 results are shown but not averaged in, because their methods are unpublished or have no conversion.',
  `Step 1: the newest CBSSA's equated percent correct ± ${M.step1EpcBand} (NBME's own retest range) and the probability of passing its report printed. No 3-digit Step 1 number is ever shown.`,
  `Step 2 CK: the mean of the NBME CCSSA results of the last ${M.recentDays} days (or the newest one), with a band of ± ${M.step2BandHalfWidth} points (the spread seen when NBME self-assessments predict the exam; never narrower than the ${M.step2Sem}-point measurement error). Pass probability = Φ((estimate − standard) / ${M.step2Sigma}), capped between ${M.probabilityFloor * 100} % and ${M.probabilityCeiling * 100} % (shown as "> ${M.probabilityCeiling * 100} %" only when the model gives more than that), otherwise rounded to a whole percent: it is a model output, not a verdict.`,
  'Step 3: NBME says the CCMSA is not intended to predict Step 3, so it is shown as its own trend and nothing more.',
  `Labels: "not enough data" without an NBME result; "early signal" with one, or when the newest is older than ${M.recentDays} days; "estimate" with two or more in ${M.recentDays} days; "trend" with ${M.trendMinResults} or more over at least ${M.trendSpanDays} days.`,
  `A change is called a change only when it is larger than ${M.trendNoiseMultiple} × the measurement error. Results dated after the exam date are not used.`,
  'Qbank percent correct is never converted into a USMLE score: no validated conversion exists.',
];

export interface ReadinessArgs {
  exam: Exam;
  examDate: string | null;
  today: string;
  assessments: AssessmentEntry[];
}

export function computeReadiness({ exam, examDate, today, assessments }: ReadinessArgs): Readiness {
  const notes: string[] = [];
  const daysLeft = examDate ? daysBetween(today, examDate) : null;
  if (daysLeft !== null && daysLeft < 0) notes.push(`Your exam date (${examDate}) has passed. Record your real result below, or set a new date in Settings.`);
  if (examDate === null) notes.push('Set your exam date in Settings to see the standard in force on that day, the days left and the plan.');
  const std = standardOn(exam, examDate ?? today);
  // Step 1 reports pass/fail only: its underlying 3-digit standard stays in the data table, never on the screen.
  const standard = std && exam !== 'step1' ? { value: std.standard, from: std.from, source: std.source, passFailOnly: false } : null;

  const forExam = assessments.filter((a) => a.exam === exam).sort((a, b) => a.takenOn.localeCompare(b.takenOn) || a.id - b.id);
  const taken = forExam.filter((a) => a.status === 'taken' && a.score !== null);
  const lastUsable = examDate && examDate < today ? examDate : today;
  const inputs: ReadinessInput[] = taken.map((a) => {
    const nbmeFamily = productById(a.product)?.nbmeFamily ?? false;
    let excluded: string | null = null;
    if (a.takenOn > lastUsable) excluded = examDate && a.takenOn > examDate ? 'taken after the exam date' : 'dated in the future';
    else if (!nbmeFamily) excluded = 'shown, not used: no published conversion';
    return { id: a.id, title: a.title, takenOn: a.takenOn, display: a.display ?? '', excluded, nbmeFamily };
  });
  const usedIds = new Set(inputs.filter((i) => i.excluded === null).map((i) => i.id));
  const used = taken.filter((a) => usedIds.has(a.id));
  const suff = sufficiency(
    used.map((a) => a.takenOn),
    lastUsable,
    M,
  );

  const base: Readiness = {
    exam,
    examDate,
    today,
    daysLeft,
    standard,
    label: suff.label,
    sufficiency: suff,
    estimate: null,
    passProbability: null,
    passProbabilityText: null,
    step1: null,
    trend: null,
    ccmsaTrend: [],
    inputs,
    nextAssessment: null,
    notes,
    method: { version: M.version, summary: METHOD_SUMMARY },
  };
  const next = forExam.find((a) => a.status === 'planned' && a.takenOn >= today && (!examDate || a.takenOn <= examDate));
  if (next) base.nextAssessment = { title: next.title, takenOn: next.takenOn };

  if (exam === 'step1') {
    const cbssa = used.filter((a) => a.product === 'nbme-cbssa');
    const newest = cbssa[cbssa.length - 1];
    if (newest && newest.score !== null) {
      const raw = band(newest.score, M.step1EpcBand);
      const epc = { value: raw.value, low: Math.max(0, raw.low), high: Math.min(100, raw.high) };
      base.step1 = { epc, printedPassProbability: newest.passProbability, state: step1State(epc, M.step1LowPassEpc), lowPassRegion: { ...M.step1LowPassEpc } };
      // The EPC's retest error is about ±4: twice that is the noise a trend must beat.
      base.trend = scoreTrend(cbssa.map((a) => a.score!), M.step1EpcBand, M.trendNoiseMultiple);
    }
    return base;
  }
  if (exam === 'step3') {
    base.ccmsaTrend = used.filter((a) => a.product === 'nbme-ccmsa').map((a) => ({ takenOn: a.takenOn, score: a.score! }));
    return base;
  }
  // Step 2 CK.
  const ccssa = used.filter((a) => a.product === 'nbme-ccssa');
  if (ccssa.length && standard) {
    const recent = ccssa.filter((a) => daysBetween(a.takenOn, lastUsable) <= M.recentDays);
    const basis = recent.length ? recent : [ccssa[ccssa.length - 1]!];
    const value = Math.round(mean(basis.map((a) => a.score!))!);
    base.estimate = band(value, M.step2BandHalfWidth, M.step2Sem);
    const probability = passProbability(value, standard.value, M.step2Sigma, M.probabilityFloor, M.probabilityCeiling);
    base.passProbability = probability.value;
    base.passProbabilityText = probability.text;
    base.trend = scoreTrend(
      ccssa.map((a) => a.score!),
      M.step2Sem,
      M.trendNoiseMultiple,
    );
  }
  return base;
}
