/**
 * Spaced-repetition types that cross the contract (issue 9). Plain data, epoch milliseconds, no Dates.
 * Kept apart from types.ts so the SRS work merges without touching everyone's hot file.
 */

/** 1 Again, 2 Hard, 3 Good, 4 Easy (ts-fsrs `Rating`; 0 = manual is only ever a log row). */
export type Grade = 1 | 2 | 3 | 4;
export const GRADES: readonly Grade[] = [1, 2, 3, 4];
export const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** ts-fsrs `State`: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type CardStateCode = 0 | 1 | 2 | 3;

export type CardKind = 'question' | 'basic' | 'cloze';

/** Every FSRS field of a card, as stored (the memory state plus its schedule). */
export interface CardMemory {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateCode;
  lastReview: number | null;
}

/** One answer button: what it would do, computed once when the card is shown and committed exactly. */
export interface GradePreview {
  rating: Grade;
  due: number;
  intervalMs: number;
  /** "10m", "1d", "3.2mo": what the button shows. */
  label: string;
  /** True when exam-date mode pulled the due date back before the exam. */
  capped: boolean;
}

export interface SrsConfig {
  /** Desired retention lives in the general settings (desiredRetention); repeated here for the screens. */
  desiredRetention: number;
  maximumIntervalDays: number;
  learningSteps: string[];
  relearningSteps: string[];
  newPerDay: number;
  reviewsPerDay: number;
  /** Local hour (0–23) when a new study day starts; Anki's default is 4. */
  rolloverHour: number;
  /** The 21 FSRS-6 weights; null = ts-fsrs defaults (the optimiser may replace them). */
  weights: number[] | null;
  /** Cap intervals so every card is seen before the exam date (Settings → exam date). */
  examCap: boolean;
}

export interface CardSummary {
  id: number;
  kind: CardKind;
  /** Plain-text excerpt of the front (question cards: the stem). */
  front: string;
  questionId: number | null;
  state: CardStateCode;
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  suspended: boolean;
  buriedUntil: number | null;
  tags: string[];
}

export interface CardView extends CardSummary {
  frontMd: string;
  backMd: string;
  /**
   * Sanitised HTML of the prompt and of the answer side (cloze: the deletion hidden / revealed), with the card's
   * images inline where the Markdown puts them, as <img src="data:image/…"> (the only images the page keeps).
   */
  frontHtml: string;
  backHtml: string;
  clozeOrd: number | null;
  flashcardId: number | null;
  lastReview: number | null;
}

export interface ReviewCard {
  card: CardView;
  /** When the previews were computed; send it back with the answer so exactly these outcomes are committed. */
  shownAt: number;
  previews: GradePreview[];
}

/** The one definition of "due" (core/srs/queue.ts dueCounts), shown with the same words on every screen and the CLI. */
export interface DueCounts {
  /** Due now: learning cards whose minute has come, review cards due this study day, new cards; within daily limits. */
  dueNow: number;
  /** Due today: due now plus learning cards that come due later in this study day (which ends at the rollover hour). */
  dueToday: number;
  /** Learning cards due by the end of the study day; learningNow = those whose minute has come. */
  learning: number;
  learningNow: number;
  /** Review cards due today, within the daily review limit. */
  reviewsDue: number;
  newAvailable: number;
  reviewsLeftToday: number;
  newLeftToday: number;
  questionCardsDue: number;
  /** All live cards and the suspended ones: in cards:counts only (the session skips these full counts). */
  total?: number;
  suspended?: number;
  /** End of the current study day (the rollover hour), epoch ms. */
  studyDayEndsAt: number;
}

export interface UndoEntry {
  action: 'answer' | 'suspend' | 'unsuspend' | 'bury' | 'delete' | 'edit' | 'reset';
  cardId: number;
  at: number;
}

export interface SessionState {
  next: ReviewCard | null;
  counts: DueCounts;
  /** The action Ctrl+Z would undo, or null. */
  undo: UndoEntry | null;
}

export interface RetentionRow {
  period: 'today' | 'yesterday' | 'week' | 'month' | 'year';
  young: { passed: number; failed: number; retention: number | null };
  mature: { passed: number; failed: number; retention: number | null };
  total: { passed: number; failed: number; retention: number | null };
}

export interface MemoryStats {
  retention: RetentionRow[];
  retrievability: { bins: { from: number; count: number }[]; average: number | null; cards: number };
  /** Σ R over every reviewed card: how many cards you would recall right now. */
  totalKnowledge: number;
  forecast: { day: number; date: string; count: number }[];
  heatmap: { date: string; count: number }[];
  stability: { from: number; count: number }[];
  difficulty: { from: number; count: number }[];
  exam: ExamForecast | null;
}

export interface ExamForecast {
  examDate: string;
  daysLeft: number;
  /** Mean predicted R on exam day per USMLE system (question cards and flashcards linked to a question). */
  bySystem: { system: string; cards: number; meanRetrievability: number }[];
  overall: { cards: number; meanRetrievability: number | null };
  /** Reviews scheduled for each day until the exam (cards already due counted on day 0). */
  workload: { date: string; count: number }[];
}

export interface FlashcardInput {
  kind: 'basic' | 'cloze';
  frontMd: string;
  backMd: string;
  questionId?: number | null;
  tags?: string[];
}

export interface BlockItemGrade {
  position: number;
  cardId: number;
  suggested: Grade;
  rating: Grade;
  /** Why that grade was suggested, in words. */
  reason: string;
  due: number;
  label: string;
}
