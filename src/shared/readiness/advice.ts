/**
 * "What would confirm it": the next step that would change the readiness label, worded for the label the student has
 * now (READINESS.md §4.5, §4.7). An early-signal sentence beside an estimate would tell them their estimate is not one.
 */
import { READINESS_METHOD as M } from './examFacts';
import type { Readiness } from './types';

const PLAN = 'Schedule another NBME self-assessment (add it below as planned)';

export function confirmingAdvice(r: Pick<Readiness, 'exam' | 'label' | 'sufficiency' | 'nextAssessment'>, formatDate: (iso: string) => string): string {
  if (r.nextAssessment) return `Your next self-assessment: ${r.nextAssessment.title} on ${formatDate(r.nextAssessment.takenOn)}.`;
  if (r.exam === 'step3') return 'Schedule another NBME CCMSA (add it below as planned) to extend your trend on its own scale; it does not predict Step 3.';
  switch (r.label) {
    case 'not enough data':
      return 'Take an NBME self-assessment (or add one below as planned): one result gives an early signal.';
    case 'early signal':
      return r.sufficiency.recentCount === 0
        ? `Your NBME results are more than ${M.recentDays} days old: two new ones within ${M.recentDays} days turn this early signal into an estimate.`
        : `${PLAN}: a second recent result turns this early signal into an estimate.`;
    case 'estimate':
      return `${PLAN}: ${M.trendMinResults} results over at least ${M.trendSpanDays} days show whether your score is moving.`;
    case 'trend':
      return `${PLAN} to keep this trend current.`;
  }
}
