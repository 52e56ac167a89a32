import { describe, expect, it } from 'vitest';
import { replayHistory } from '../../../../src/main/core/srs/anki/replay';
import type { AnkiReview } from '../../../../src/main/core/srs/anki/types';
import { schedulerParams } from '../../../helpers/srs';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 10);
const params = schedulerParams();
const rev = (id: number, ease: number, type: number, ivl = 0, factor = 2500): AnkiReview => ({ id, cardId: 1, ease, ivl, lastIvl: 0, factor, timeMs: 5000, type });

describe('replaying Anki history with our scheduler', () => {
  it('answers become reviews with pre- and post-review state; Forget resets, Set due date reschedules, cram is skipped', () => {
    const history = [
      rev(T0, 3, 0),
      rev(T0 + 600_000, 3, 0),
      rev(T0 + 3 * DAY, 3, 1, 5),
      rev(T0 + 4 * DAY, 3, 3, 0, 0), // cram in a filtered deck: changed nothing in Anki
      rev(T0 + 5 * DAY, 0, 5, 10), // Set due date: 10 days
      rev(T0 + 6 * DAY, 0, 4, 0), // Forget
      rev(T0 + 7 * DAY, 4, 0),
    ];
    const replay = replayHistory('anki:g:0', history, T0, params);
    expect(replay.skipped).toBe(1);
    expect(replay.logs.map((l) => [l.kind, l.rating, l.before.state, l.after.state])).toEqual([
      ['review', 3, 0, 1],
      ['review', 3, 1, 2],
      ['review', 3, 2, 2],
      ['reschedule', 0, 2, 2],
      ['reset', 0, 2, 0],
      ['review', 4, 0, 2],
    ]);
    const reschedule = replay.logs[3]!;
    expect(reschedule.after.due).toBe(T0 + 15 * DAY);
    expect(reschedule.after.stability).toBe(reschedule.before.stability);
    expect(replay.logs.map((l) => l.sourceKey)).toContain(`anki:g:0:${T0 + 6 * DAY}`);
    // The final card is what the last answer made it, and the review before it is the log's pre-review state.
    expect(replay.memory).toEqual(replay.logs[5]!.after);
    expect(replay.memory.reps).toBe(1);
    expect(replay.memory.lastReview).toBe(T0 + 7 * DAY);
  });

  it('skips a row with an unknown button rather than replaying it wrongly', () => {
    const replay = replayHistory('k', [rev(T0, 3, 0), rev(T0 + DAY, 7, 1)], T0, params);
    expect(replay.logs).toHaveLength(1);
    expect(replay.skipped).toBe(1);
  });
});
