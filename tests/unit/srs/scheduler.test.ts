import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fsrs, generatorParameters, createEmptyCard, Rating } from 'ts-fsrs';
import { answer, curveConstants, formatInterval, intervalDays, newCardMemory, previewAll, retrievability, type SchedulerParams } from '../../../src/main/core/srs/scheduler';
import { fromStudyTime, offsetMs, studyDay, studyDayStart, toStudyTime } from '../../../src/main/core/srs/studyDay';
import type { CardMemory, Grade } from '../../../src/shared/srs';
import { schedulerParams } from '../../helpers/srs';

const DAY = 86_400_000;
const base = schedulerParams;
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Auckland', 'America/St_Johns'];
const T0 = Date.UTC(2026, 0, 1);
const T1 = Date.UTC(2028, 0, 1);

/** Plays a random history and returns the card (real answers through the scheduler). */
function play(start: number, steps: { gap: number; rating: Grade }[], p: SchedulerParams): { card: CardMemory; now: number } {
  let card = newCardMemory(start);
  let now = start;
  for (const s of steps) {
    now = Math.max(now + s.gap, card.due - 3 * DAY);
    card = answer(card, s.rating, now, p).card;
  }
  return { card, now: now + 60_000 };
}
const history = fc.array(fc.record({ gap: fc.integer({ min: 60_000, max: 40 * DAY }), rating: fc.constantFrom<Grade>(1, 2, 3, 4) }), { maxLength: 12 });

describe('study day', () => {
  it('starts at the rollover hour, local time, in New York (ts-fsrs alone would start it at 7 pm)', () => {
    const clock = { timeZone: 'America/New_York', rolloverHour: 4 };
    const jan10_0359 = Date.UTC(2026, 0, 10, 8, 59); // 03:59 EST
    const jan10_0400 = Date.UTC(2026, 0, 10, 9, 0); // 04:00 EST
    expect(studyDay(jan10_0400, clock) - studyDay(jan10_0359, clock)).toBe(1);
    // 8 pm and 11 pm EST are the same study day, although they are different UTC days.
    expect(studyDay(Date.UTC(2026, 0, 11, 1, 0), clock)).toBe(studyDay(Date.UTC(2026, 0, 11, 4, 0), clock));
    expect(studyDayStart(studyDay(jan10_0400, clock), clock)).toBe(jan10_0400);
  });

  it('handles the DST switch: the spring-forward study day is 23 hours long, the fall-back one 25', () => {
    const clock = { timeZone: 'America/New_York', rolloverHour: 4 };
    const spring = studyDay(Date.UTC(2026, 2, 8, 5), clock); // midnight 8 March 2026: the study day holding the 2 am switch
    expect(studyDayStart(spring + 1, clock) - studyDayStart(spring, clock)).toBe(23 * 3_600_000);
    const fall = studyDay(Date.UTC(2026, 10, 1, 4), clock); // midnight 1 November 2026
    expect(studyDayStart(fall + 1, clock) - studyDayStart(fall, clock)).toBe(25 * 3_600_000);
  });

  it('property: in every zone, each instant lies in [start of its day, start of the next), and the round trip is exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: T0, max: T1 }), fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 23 }), (t, timeZone, rolloverHour) => {
        const clock = { timeZone, rolloverHour };
        const d = studyDay(t, clock);
        expect(studyDayStart(d, clock)).toBeLessThanOrEqual(t);
        expect(studyDayStart(d + 1, clock)).toBeGreaterThan(t);
        expect(fromStudyTime(toStudyTime(t, clock), clock)).toBe(t);
      }),
      { numRuns: 400 },
    );
  });

  it('reads offsets from the time zone database (Kolkata +5:30, New York −5/−4)', () => {
    expect(offsetMs(Date.UTC(2026, 0, 1), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
    expect(offsetMs(Date.UTC(2026, 0, 1), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(offsetMs(Date.UTC(2026, 6, 1), 'America/New_York')).toBe(-4 * 3_600_000);
  });
});

describe('scheduler over ts-fsrs', () => {
  it('a new card answered Good in UTC with rollover 0 matches ts-fsrs itself (no maths of our own)', () => {
    const p = base({ timeZone: 'UTC', rolloverHour: 0 });
    const now = Date.UTC(2026, 3, 1, 10);
    const theirs = fsrs(generatorParameters({ enable_fuzz: true })).repeat(createEmptyCard(new Date(now)), new Date(now));
    const ours = previewAll(newCardMemory(now), now, p);
    for (const g of [1, 2, 3, 4] as Grade[]) {
      expect(ours[g].card.due).toBe(theirs[g as unknown as Rating.Good].card.due.getTime());
      expect(ours[g].card.stability).toBe(theirs[g as unknown as Rating.Good].card.stability);
    }
    expect(ours[3].preview.label).toBe('10m');
  });

  it('the log holds pre-review values and the committed card equals the preview shown', () => {
    const p = base();
    const now = Date.UTC(2026, 3, 1, 14);
    const first = answer(newCardMemory(now), 3, now, p).card;
    const later = first.due + 5 * 60_000;
    const shown = previewAll(first, later, p);
    const done = answer(first, 4, later, p);
    expect(done.card).toEqual(shown[4].card);
    expect(done.log.state).toBe(first.state);
    expect(done.log.due).toBe(first.due);
    expect(done.log.rating).toBe(4);
  });

  it('property: intervals Again ≤ Hard ≤ Good ≤ Easy and due is never before the review, in every zone', () => {
    fc.assert(
      fc.property(fc.integer({ min: T0, max: T1 }), history, fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 23 }), (start, steps, timeZone, rolloverHour) => {
        const p = base({ timeZone, rolloverHour });
        const { card, now } = play(start, steps, p);
        const out = previewAll(card, now, p);
        for (const g of [1, 2, 3, 4] as Grade[]) expect(out[g].card.due).toBeGreaterThanOrEqual(now);
        expect(out[1].card.due).toBeLessThanOrEqual(out[2].card.due);
        expect(out[2].card.due).toBeLessThanOrEqual(out[3].card.due);
        expect(out[3].card.due).toBeLessThanOrEqual(out[4].card.due);
      }),
      { numRuns: 300 },
    );
  });

  it('property: previews are deterministic (recomputed at the same instant, the same outcome: what is shown is committed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: T0, max: T1 }), history, fc.constantFrom<Grade>(1, 2, 3, 4), (start, steps, g) => {
        const p = base();
        const { card, now } = play(start, steps, p);
        expect(answer(card, g, now, p)).toEqual(previewAll(card, now, p)[g]);
      }),
      { numRuns: 200 },
    );
  });

  it('a review card is due on the study day its interval names, local rollover included', () => {
    const p = base({ rolloverHour: 4, timeZone: 'America/New_York', learningSteps: [], relearningSteps: [] });
    // 11 pm in New York: ts-fsrs alone would already call this "tomorrow" (UTC).
    const now = Date.UTC(2026, 3, 2, 3, 0);
    const out = previewAll(newCardMemory(now), now, p);
    for (const g of [1, 2, 3, 4] as Grade[]) {
      expect(studyDay(out[g].card.due, p) - studyDay(now, p)).toBe(out[g].card.scheduledDays);
    }
  });

  it('exam-date mode caps a long interval to the eve of the exam', () => {
    const now = Date.UTC(2026, 3, 1, 14);
    const mature: CardMemory = { due: now, stability: 200, difficulty: 5, scheduledDays: 100, learningSteps: 0, reps: 8, lapses: 0, state: 2, lastReview: now - 100 * DAY };
    const free = previewAll(mature, now, base());
    expect(free[3].preview.intervalMs).toBeGreaterThan(60 * DAY);
    const p = base({ examDate: '2026-04-20' });
    const capped = previewAll(mature, now, p);
    for (const g of [2, 3, 4] as Grade[]) {
      expect(capped[g].preview.capped).toBe(true);
      expect(studyDay(capped[g].card.due, p)).toBe(studyDay(Date.UTC(2026, 3, 20, 16), p) - 1);
    }
    // After the exam there is nothing to cap.
    expect(previewAll(mature, Date.UTC(2026, 3, 25, 14), p)[3].preview.capped).toBe(false);
  });

  it('retrievability is 0 for a new card, 0.9 at one stability after the review, and falls with time', () => {
    const now = Date.UTC(2026, 3, 1);
    expect(retrievability(newCardMemory(now), now, null)).toBe(0);
    const c = { stability: 10, lastReview: now, state: 2 as const };
    expect(retrievability(c, now + 10 * DAY, null)).toBeCloseTo(0.9, 6);
    expect(retrievability(c, now + 30 * DAY, null)).toBeLessThan(0.9);
  });

  it('the interval formula the workload estimate uses in SQL agrees with ts-fsrs (unfuzzed) at every retention', () => {
    const { decay, factor } = curveConstants(null);
    for (const r of [0.75, 0.8, 0.85, 0.9, 0.95, 0.97]) {
      for (const s of [3, 10, 42.5, 300]) {
        const ours = (s * (Math.pow(r, 1 / decay) - 1)) / factor;
        expect(Math.abs(intervalDays(s, base({ desiredRetention: r })) - ours)).toBeLessThanOrEqual(0.5 + 1e-9);
      }
    }
  });

  it('formats intervals the way the buttons show them', () => {
    expect(formatInterval(60_000)).toBe('1m');
    expect(formatInterval(10 * 60_000)).toBe('10m');
    expect(formatInterval(DAY)).toBe('1d');
    expect(formatInterval(45 * DAY)).toBe('1.5mo');
    expect(formatInterval(730 * DAY)).toBe('2y');
  });
});
