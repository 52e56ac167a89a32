/**
 * Why-I-missed-it reasons, tagged on one attempt (a block item), never on the question. Stored as these codes in
 * block_items.reason (and copied to question_stats.last_reason for the latest attempt). Keys 1–6 follow this order.
 * Other domains (spaced repetition: "guessed" makes a card; the dashboard: reasons over time) read the same codes.
 */
export const MISS_REASONS = ['knowledge', 'misread', 'reasoning', 'time', 'guessed', 'careless'] as const;
export type MissReason = (typeof MISS_REASONS)[number];

export const MISS_REASON_LABELS: Record<MissReason, string> = {
  knowledge: 'Knowledge gap',
  misread: 'Misread the question',
  reasoning: 'Reasoning error',
  time: 'Ran out of time',
  guessed: 'Guessed',
  careless: 'Careless',
};

/** A correct answer can only have been guessed; every other reason explains a miss. */
export const REASONS_FOR_CORRECT: readonly MissReason[] = ['guessed'];

export const isMissReason = (value: unknown): value is MissReason => typeof value === 'string' && (MISS_REASONS as readonly string[]).includes(value);
