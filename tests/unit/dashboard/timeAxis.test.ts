/** The trend chart's time axis, by hand: domain, ticks and their labels, and the spread of close points. */
import { describe, expect, it } from 'vitest';
import { spreadTimes, timeDomain, timeTicks } from '../../../src/shared/timeAxis';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();
const H = 3_600_000;

describe('timeDomain', () => {
  it('one day of blocks, 9:00 to 16:00: the span (7 h) with 30 minutes either side (5 % would be 21 min)', () => {
    expect(timeDomain([at(10, 9), at(10, 16)])).toEqual([at(10, 8, 30), at(10, 16, 30)]);
  });
  it('two weeks: 5 % of the span either side (16.8 h)', () => {
    const [lo, hi] = timeDomain([at(2, 9), at(16, 9)]);
    expect(at(2, 9) - lo).toBe(14 * 24 * H * 0.05);
    expect(hi - at(16, 9)).toBe(14 * 24 * H * 0.05);
  });
});

describe('timeTicks', () => {
  it('8:30–16:30 with room for 6 ticks: every 2 hours from 10:00, the date only on the first', () => {
    const { ticks, labels } = timeTicks(at(10, 8, 30), at(10, 16, 30), 6);
    expect(ticks).toEqual([at(10, 10), at(10, 12), at(10, 14), at(10, 16)]);
    const texts = ticks.map((t) => labels.get(t)!);
    expect(texts[0]).toMatch(/Nov.*10.*10/);
    expect(texts.slice(1).every((t) => !/Nov/.test(t))).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
  });
  it('two weeks with room for 6 ticks: every 7 days at local midnight, labelled with distinct dates', () => {
    const { ticks, labels } = timeTicks(at(1, 16), at(16, 18), 6);
    expect(ticks).toEqual([at(2, 0), at(9, 0), at(16, 0)]);
    expect(new Set(ticks.map((t) => labels.get(t))).size).toBe(3);
  });
});

describe('spreadTimes', () => {
  it('points with room keep their own time', () => {
    expect(spreadTimes([0, 100, 200], 50)).toEqual([0, 100, 200]);
  });
  it('three points within the gap spread evenly around their mean, in order', () => {
    // mean of 100, 110, 120 = 110; gap 50 → 60, 110, 160
    expect(spreadTimes([100, 110, 120], 50)).toEqual([60, 110, 160]);
  });
  it('a spread group that reaches its neighbour merges with it: 0, 10 → −20, 30; then 60 is only 30 away → one group', () => {
    // mean (0 + 10 + 60) / 3 = 23.33…, gap 50 → −26.67, 23.33, 73.33
    const out = spreadTimes([0, 10, 60], 50);
    expect(out.map((x) => Math.round(x * 100) / 100)).toEqual([-26.67, 23.33, 73.33]);
  });
  it('never closer than the gap, order kept, for any input', () => {
    const times = [5, 5, 5, 7, 40, 41, 300, 301, 302, 303];
    const out = spreadTimes(times, 10);
    for (let i = 1; i < out.length; i++) expect(out[i]! - out[i - 1]!).toBeGreaterThanOrEqual(10 - 1e-9);
  });
});
