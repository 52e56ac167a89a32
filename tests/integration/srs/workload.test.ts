/**
 * The workload hint beside desired retention (Settings → Spaced repetition, `cards:workload`): higher retention
 * means shorter intervals, so more reviews a day — over the whole range the slider offers a student (70–97 %), for
 * any collection of review cards, including young ones whose intervals are a day or two at every retention.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from '../../helpers/db';

const DAY = 86_400_000;
const RETENTIONS = Array.from({ length: 28 }, (_, i) => Math.round((0.7 + i * 0.01) * 100) / 100); // 0.70 … 0.97

let t: TestApi;
beforeEach(() => {
  t = openTestApi();
});
afterEach(() => t.close());

interface CardSpec {
  stability: number;
  difficulty: number;
  /** Days from now to the due date (negative: overdue). */
  dueIn: number;
  /** Days the current interval lasts (last review = due − interval, never after now). */
  interval: number;
}

/** Review cards with the given memory state, as an Anki import or months of answers would leave them. */
async function collection(cards: CardSpec[]): Promise<void> {
  t.db.prepare('DELETE FROM cards').run();
  const now = t.clock.now();
  const set = t.db.prepare('UPDATE cards SET state = 2, stability = ?, difficulty = ?, due = ?, last_review = ?, scheduled_days = ?, reps = 3 WHERE id = ?');
  for (const c of cards) {
    const [id] = (await t.api.call('cards:create', { kind: 'basic', frontMd: 'Q', backMd: 'A' })).cardIds;
    const due = now + c.dueIn * DAY;
    set.run(c.stability, c.difficulty, due, Math.min(now, due - c.interval * DAY), c.interval, id!);
  }
}

async function perDay(): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RETENTIONS.length; i += 10) {
    const w = await t.api.call('cards:workload', { retentions: RETENTIONS.slice(i, i + 10) });
    out.push(...w.estimates.map((e) => e.perDay));
  }
  return out;
}

const card = fc.record({
  stability: fc.double({ min: -3, max: 3.5, noNaN: true }).map((x) => 10 ** x), // 0.001 … 3,000 days
  difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
  dueIn: fc.integer({ min: -30, max: 120 }),
  interval: fc.integer({ min: 1, max: 365 }),
});

describe('estimated reviews a day by desired retention', { timeout: 300_000 }, () => {
  it('young cards (stability under a day, as after a lapse): 95 % never costs less than 80 %', async () => {
    // The case: 22 such cards gave "80 % ≈ 26/day, 95 % ≈ 23/day". They are reviewed daily at any target.
    const young = Array.from({ length: 22 }, (_, i) => ({ stability: 0.05 + (i % 6) * 0.05, difficulty: 5 + (i % 4), dueIn: i % 3, interval: 1 }));
    await collection(young);
    const [low, high] = (await t.api.call('cards:workload', { retentions: [0.8, 0.95] })).estimates.map((e) => e.perDay);
    expect(high!).toBeGreaterThanOrEqual(low!);
    // Beside a few established cards, the higher target costs more, as the hint says.
    await collection([...young, ...Array.from({ length: 8 }, (_, i) => ({ stability: 5 + i * 10, difficulty: 5, dueIn: i, interval: 10 }))]);
    const [low2, high2] = (await t.api.call('cards:workload', { retentions: [0.8, 0.95] })).estimates.map((e) => e.perDay);
    expect(high2!).toBeGreaterThan(low2!);
  });

  it('is monotone: higher desired retention never gives fewer reviews a day (0.70–0.97, any collection)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(card, { minLength: 1, maxLength: 25 }), async (cards) => {
        await collection(cards);
        const load = await perDay();
        for (const x of load) expect(Number.isFinite(x) && x > 0).toBe(true);
        for (let i = 1; i < load.length; i++) expect(load[i]!, `${RETENTIONS[i - 1]} → ${RETENTIONS[i]}: ${load[i - 1]} → ${load[i]}`).toBeGreaterThanOrEqual(load[i - 1]! * (1 - 1e-9));
        // Over the whole range the difference is real whenever a card's interval depends on the target at all (a card
        // weaker than a day is seen daily at any retention).
        if (cards.some((c) => c.stability >= 5)) expect(load.at(-1)!).toBeGreaterThan(load[0]!);
      }),
      { numRuns: 40 },
    );
  });
});
