import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { optimise, OptimiseCancelled } from '../../../src/main/core/srs/optimizer';
import { studyDayCounter } from '../../../src/main/core/srs/optimizeService';
import { studyDay } from '../../../src/main/core/srs/studyDay';
import { buildTrainingSet, usableReviews, type TrainingReview } from '../../../src/main/core/srs/trainingItems';
import { simulateHistories, utcDay } from '../../helpers/simulateReviews';

const DAY = 86_400_000;
const at = (day: number, hour = 12) => day * DAY + hour * 3_600_000;

describe('training items (as Anki builds them)', () => {
  it('starts at the last learning run, drops manual and cram entries, counts whole study days', () => {
    const history: TrainingReview[] = [
      { rating: 3, at: at(0), kind: 'learn' },
      { rating: 3, at: at(2), kind: 'review' },
      { rating: 0, at: at(3), kind: 'reset' },
      { rating: 1, at: at(5), kind: 'learn' },
      { rating: 3, at: at(5, 13), kind: 'learn' },
      { rating: 0, at: at(6), kind: 'rescheduled' },
      { rating: 3, at: at(7), kind: 'filtered', cram: true },
      { rating: 4, at: at(9), kind: 'review' },
    ];
    expect(usableReviews(history, utcDay)).toEqual([
      { rating: 1, day: 5 },
      { rating: 3, day: 5 },
      { rating: 4, day: 9 },
    ]);
    const set = buildTrainingSet([history], utcDay);
    expect([...set.deltas]).toEqual([0, 0, 4]);
    expect(set.items).toBe(1);
  });

  it('skips a card whose history has no learning start (cut off by an export)', () => {
    expect(usableReviews([{ rating: 3, at: at(1), kind: 'review' }], utcDay)).toEqual([]);
    expect(buildTrainingSet([[{ rating: 3, at: at(1), kind: 'review' }]], utcDay).cards).toBe(0);
  });

  it('uses the study-day function it is given (a 4 am rollover puts 2 am in the previous day)', () => {
    const rollover = (ms: number) => Math.floor((ms - 4 * 3_600_000) / DAY);
    const history: TrainingReview[] = [
      { rating: 3, at: at(0, 20), kind: 'learn' },
      { rating: 3, at: at(1, 2), kind: 'review' },
    ];
    expect(buildTrainingSet([history], utcDay).items).toBe(1);
    expect(buildTrainingSet([history], rollover).items).toBe(0);
  });
});

describe('the optimiser\'s memoised study day', () => {
  it('agrees with studyDay() across DST changes and rollover hours', () => {
    for (const timeZone of ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'UTC']) {
      const fast = studyDayCounter(4, timeZone);
      // Every 37 minutes through 2026, which crosses both DST switches at odd minutes.
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 37 * 60_000) expect(fast(t)).toBe(studyDay(t, { timeZone, rolloverHour: 4 }));
    }
  });
});

describe('optimise', () => {
  it('fits weights on simulated histories with a lower log loss than the defaults', async () => {
    const set = buildTrainingSet(simulateHistories(400, 365), utcDay);
    expect(set.items).toBeGreaterThan(1000);
    const progress: [number, number][] = [];
    const result = await optimise(set, { onProgress: (done, total) => progress.push([done, total]) });
    expect(result.status).toBe('improved');
    expect(result.after!.logLoss).toBeLessThan(result.before!.logLoss);
    expect(result.weights).toHaveLength(21);
    expect(result.weights).not.toEqual([...default_w]);
    expect(result.previous).toEqual([...default_w]);
    // Progress starts at once; how many training updates follow depends on the machine's speed.
    expect(progress[0]).toEqual([0, 1]);
    for (const [done, total] of progress) expect(done).toBeLessThanOrEqual(total);
    expect(result.message).toMatch(/New weights fitted on .* reviews of 400 cards/);
  });

  it('keeps the current weights when a new fit is not better', async () => {
    const set = buildTrainingSet(simulateHistories(300, 365, 11), utcDay);
    const first = await optimise(set);
    const second = await optimise(set, { weights: first.weights });
    // Whatever the re-fit gives, the weights returned are never worse than the ones passed in.
    if (second.status === 'kept') {
      expect(second.weights).toEqual(first.weights);
      expect(second.after!.logLoss).toBeGreaterThanOrEqual(second.before!.logLoss);
      expect(second.message).toMatch(/they were kept/);
    } else {
      expect(second.after!.logLoss).toBeLessThan(second.before!.logLoss);
    }
    expect(second.before!.logLoss).toBeCloseTo(first.after!.logLoss, 6);
  });

  it('says plainly when there are too few reviews, and changes nothing', async () => {
    const set = buildTrainingSet(simulateHistories(2, 20), utcDay);
    const result = await optimise(set, { weights: [...default_w] });
    expect(result.status).toBe('too-few');
    expect(result.weights).toEqual([...default_w]);
    expect(result.message).toMatch(/at least 8 are needed/);
  });

  it('can be cancelled, leaving the weights alone', async () => {
    const set = buildTrainingSet(simulateHistories(400, 365), utcDay);
    const controller = new AbortController();
    const run = optimise(set, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toBeInstanceOf(OptimiseCancelled);
  });
});
