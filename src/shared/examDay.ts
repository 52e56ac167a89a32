/** A full-length exam-day simulation as the renderer sees it: its blocks, the break budget, and the day's results. */
import type { BlockStatus } from './types';

export interface DayBlock {
  /** 0-based position in the day. */
  index: number;
  /** null until the student starts this block. */
  blockId: number | null;
  status: BlockStatus | 'not_started';
  itemCount: number;
  answeredCount: number;
  correctCount: number | null;
  elapsedMs: number;
  timeLimitMs: number;
  /** Break taken just before this block (null for the first block and blocks not started). */
  breakBeforeMs: number | null;
}

export interface DayState {
  id: number;
  formatId: string;
  title: string;
  createdAt: number;
  /** block: a block is open; break: between blocks, the break clock runs; finished: every block has ended. */
  phase: 'block' | 'break' | 'finished';
  blocks: DayBlock[];
  /** The open block (phase block) or null. */
  currentBlockId: number | null;
  /** The block the student starts next (phase break) or null. */
  nextIndex: number | null;
  breakBudgetMs: number;
  /** Break time used so far, including the break running now. */
  breakUsedMs: number;
  /** Budget minus used; negative when the student went over. */
  breakRemainingMs: number;
  totals: { items: number; answered: number; correct: number; elapsedMs: number };
  finishedAt: number | null;
}
