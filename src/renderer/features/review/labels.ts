/** Words the review screens share. */
import type { Outcome } from '../../../shared/review';

export const OUTCOME: Record<Outcome, { label: string; tone: string }> = {
  correct: { label: 'Correct', tone: 'good' },
  incorrect: { label: 'Incorrect', tone: 'bad' },
  omitted: { label: 'Omitted', tone: 'warn' },
};

export const letter = (index: number | null) => (index === null ? '—' : String.fromCharCode(65 + index));
