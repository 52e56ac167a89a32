/**
 * Anki review history → our review log and FSRS state, replayed with our scheduler (ts-fsrs) from the first answer:
 * the card ends in the state FSRS would have given it under the student's own settings, and every log row holds the
 * pre- and post-review values, exactly like an answer given in the app. Pure: no I/O.
 *   answers (ease 1–4: learn, review, relearn, filtered that rescheduled) → a review
 *   manual entry with interval 0 ("Forget")                             → a reset to new
 *   manual/rescheduled entry with an interval ("Set due date")          → a reschedule: the due date moves
 *   cram (filtered deck without rescheduling: factor 0)                 → not replayed (it changed nothing in Anki)
 */
import type { CardMemory, CardStateCode } from '../../../../shared/srs';
import { answer, newCardMemory, type SchedulerParams } from '../scheduler';
import type { AnkiReview } from './types';

const DAY = 86_400_000;

export interface ReplayedLog {
  sourceKey: string;
  kind: 'review' | 'reset' | 'reschedule';
  rating: number;
  review: number;
  before: CardMemory;
  after: CardMemory;
  elapsedDays: number | null;
  lastElapsedDays: number | null;
  durationMs: number;
}

export interface Replay {
  memory: CardMemory;
  logs: ReplayedLog[];
  /** Cram reviews and unreadable rows not replayed. */
  skipped: number;
}

export function replayHistory(cardKey: string, history: AnkiReview[], createdAt: number, params: SchedulerParams): Replay {
  let memory = newCardMemory(createdAt);
  const logs: ReplayedLog[] = [];
  let skipped = 0;
  const sorted = [...history].sort((a, b) => a.id - b.id);
  for (const r of sorted) {
    const sourceKey = `${cardKey}:${r.id}`;
    const at = r.id;
    const manual = r.type === 4 || r.type === 5 || r.ease === 0;
    if (manual) {
      const before = memory;
      if (r.ivl === 0 && r.type !== 5) memory = newCardMemory(at);
      else if (r.ivl > 0) memory = { ...memory, due: at + r.ivl * DAY, scheduledDays: r.ivl };
      else {
        skipped++;
        continue;
      }
      logs.push({ sourceKey, kind: r.ivl === 0 ? 'reset' : 'reschedule', rating: 0, review: at, before, after: memory, elapsedDays: null, lastElapsedDays: null, durationMs: r.timeMs });
      continue;
    }
    if (r.type === 3 && r.factor === 0) {
      skipped++;
      continue;
    }
    if (r.ease < 1 || r.ease > 4 || !Number.isFinite(at) || (memory.lastReview !== null && at < memory.lastReview)) {
      skipped++;
      continue;
    }
    const outcome = answer(memory, r.ease as 1 | 2 | 3 | 4, at, params);
    const before = memory;
    memory = outcome.card;
    logs.push({
      sourceKey,
      kind: 'review',
      rating: r.ease,
      review: at,
      // The pre-review values as ts-fsrs logs them (stability/difficulty from its log, state and due from the card).
      before: { ...before, stability: outcome.log.stability, difficulty: outcome.log.difficulty, scheduledDays: outcome.log.scheduledDays, learningSteps: outcome.log.learningSteps, state: outcome.log.state as CardStateCode, due: outcome.log.due },
      after: memory,
      elapsedDays: outcome.log.elapsedDays,
      lastElapsedDays: outcome.log.lastElapsedDays,
      durationMs: Math.max(0, Math.min(r.timeMs, 3_600_000)),
    });
  }
  return { memory, logs, skipped };
}
