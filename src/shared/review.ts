/** Types of the review domain (results, answer changes, reasons, review-missed) that cross the contract. */
import type { Exam } from './pack';
import type { MissReason } from './reasons';
import type { BlockSummary, ItemView, NoteSummary } from './types';

export type Outcome = 'correct' | 'incorrect' | 'omitted';

/** One answer change: from the answer held before to a different one. Clearing an answer is not a change. */
export type ChangeKind = 'correct_to_incorrect' | 'incorrect_to_correct' | 'incorrect_to_incorrect';
export const CHANGE_KINDS: readonly ChangeKind[] = ['correct_to_incorrect', 'incorrect_to_correct', 'incorrect_to_incorrect'];
export const CHANGE_LABELS: Record<ChangeKind, string> = {
  correct_to_incorrect: 'Correct → incorrect',
  incorrect_to_correct: 'Incorrect → correct',
  incorrect_to_incorrect: 'Incorrect → incorrect',
};

export type ChangeCounts = Record<ChangeKind, number>;

export interface ResultItem {
  position: number;
  questionId: number;
  outcome: Outcome;
  marked: boolean;
  timeMs: number;
  /** The choice picked (index) and the correct one, in the revision answered. */
  selected: number | null;
  answer: number;
  changes: ChangeCounts;
  reason: MissReason | null;
  system: string | null;
  /** The system was inferred from the question's words (shown "(inferred)"). */
  systemInferred?: boolean;
  discipline: string | null;
  /** First words of the stem (plain text), to recognise the item in the table. */
  stemStart: string;
}

export interface BlockResults {
  block: BlockSummary;
  counts: { correct: number; incorrect: number; omitted: number; marked: number; changed: number };
  /** Seconds per item the block allowed (null without a block clock), and the seconds actually used per item. */
  paceSeconds: number | null;
  averageSeconds: number;
  reasons: Partial<Record<MissReason, number>>;
  changes: ChangeCounts;
  items: ResultItem[];
}

export interface ChangedItem {
  blockId: number;
  position: number;
  questionId: number;
  kind: ChangeKind;
  from: number;
  to: number;
  finishedAt: number | null;
}
export interface AnswerChanges {
  counts: ChangeCounts;
  /** The items behind the counts, newest first (capped; counts are exact). */
  items: ChangedItem[];
}

/** Item review: the item as answered, plus the notes that match its question and the order the answer took. */
export interface ReviewItem extends ItemView {
  relatedNotes: NoteSummary[];
  answerHistory: number[];
}

export interface MissedFilters {
  packIds?: number[];
  exams?: Exam[];
  systems?: string[];
  disciplines?: string[];
  reasons?: MissReason[];
  /** Latest attempt on or after / before these instants (epoch ms). */
  from?: number;
  to?: number;
  includeMarked?: boolean;
}

export interface MissedItem {
  questionId: number;
  packTitle: string;
  exam: Exam | null;
  system: string | null;
  /** The system was inferred from the question's words (shown "(inferred)"). */
  systemInferred?: boolean;
  discipline: string | null;
  outcome: Outcome;
  reason: MissReason | null;
  marked: boolean;
  answeredAt: number;
  blockId: number | null;
  position: number | null;
  stemStart: string;
}

export interface CountRow {
  value: string;
  count: number;
}
export interface MissedList {
  total: number;
  counts: { incorrect: number; omitted: number; guessed: number; marked: number; reasons: CountRow[]; systems: CountRow[]; disciplines: CountRow[] };
  items: MissedItem[];
}
