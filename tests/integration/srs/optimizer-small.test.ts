/**
 * The optimiser on every size of history, through `cards:optimize` (the call the Settings panel makes) on a real
 * database filled by importing an Anki deck: it never fails. Fewer than 8 usable reviews → nothing changes and the
 * message says so; fewer than 64 → only the initial stabilities (w0–w3) may change, and the message says so;
 * from 64 on → a full fit compared by log loss. (SRS.md: "fewer than 64 → only w0–w3 change. Say so; don't block.")
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { default_w } from 'ts-fsrs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPackage, deckWithHistory } from '../../helpers/ankiPackage';
import { openTestApi, type TestApi } from '../../helpers/db';
import { simulateHistories, START } from '../../helpers/simulateReviews';
import type { TrainingReview } from '../../../src/main/core/srs/trainingItems';

const DAY = 86_400_000;

/** Histories of simulated cards cut so that exactly `reviews` reviews remain in total. */
function historiesWith(reviews: number): TrainingReview[][] {
  const out: TrainingReview[][] = [];
  let left = reviews;
  for (const h of simulateHistories(Math.max(1, Math.ceil(reviews / 3)), 365, 5)) {
    if (left <= 0) break;
    out.push(h.slice(0, left));
    left -= Math.min(left, h.length);
  }
  expect(out.reduce((n, h) => n + h.length, 0)).toBe(reviews);
  return out;
}

let t: TestApi;
beforeEach(() => {
  t = openTestApi();
  t.clock.set(START + 400 * DAY);
});
afterEach(() => t.close());

describe('cards:optimize on small and large histories', { timeout: 180_000 }, () => {
  it.each([0, 1, 8, 30, 63, 64, 100, 1000])('%i reviews: never fails, says what it could fit', async (reviews) => {
    if (reviews > 0) {
      const path = join(t.dir, 'history.apkg');
      writeFileSync(path, buildPackage('legacy2', deckWithHistory(historiesWith(reviews))));
      const imported = await t.api.call('packs:import', { paths: [path] });
      expect(imported.anki![0]!.reviews.added).toBe(reviews);
    }
    const report = await t.api.call('cards:optimize', { apply: true });
    expect(report.reviews).toBe(reviews);
    expect(report.weights).toHaveLength(21);
    const saved = (await t.api.call('cards:config', {})).weights ?? [...default_w];
    if (report.items < 8) {
      expect(report.status).toBe('too-few');
      expect(report.message).toMatch(/at least 8 are needed/);
      expect(saved).toEqual([...default_w]);
    } else if (report.items < 64) {
      expect(report.message).toMatch(/fewer than 64\): only the initial stabilities change/);
      // Only w0–w3 (the initial stabilities) may differ from the weights in use before.
      expect(saved.slice(4)).toEqual([...default_w].slice(4));
      expect(report.weights.slice(4)).toEqual([...default_w].slice(4));
    } else if (reviews < 1000 && /only the initial stabilities/.test(report.message)) {
      // fsrs-rs filters items itself: a history just over 64 may still get only the initial stabilities.
      expect(saved.slice(4)).toEqual([...default_w].slice(4));
    } else {
      expect(['improved', 'kept']).toContain(report.status);
      expect(report.before).not.toBeNull();
      expect(report.after).not.toBeNull();
      expect(report.message).not.toMatch(/only the initial stabilities/);
    }
  });
});
