/**
 * Exam-date mode's invariant: no card is ever due after the exam — for answers on any day up to and including the
 * eve and the exam day, for rescheduling after a retention change, for Anki history replayed on import, for undo
 * and for an exam date set after cards were scheduled. Answers before the eve are due by the eve at the latest.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, newCardMemory, previewAll, type SchedulerParams } from '../../../src/main/core/srs/scheduler';
import { dayOfDate, localTimeZone, studyDay, studyDayDate, studyDayStart } from '../../../src/main/core/srs/studyDay';
import type { CardMemory, Grade } from '../../../src/shared/srs';
import { buildPackage, deckWithHistory } from '../../helpers/ankiPackage';
import { openTestApi, type TestApi } from '../../helpers/db';
import { schedulerParams } from '../../helpers/srs';
import { simulateHistories, START } from '../../helpers/simulateReviews';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const ZONES = ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland', 'America/St_Johns'];

/** The latest study day a card may be due on when scheduled on study day `today`. */
const latestAllowed = (today: number, exam: number) => (today < exam - 1 ? exam - 1 : exam);

/** A card with a random real history, ending `gap` before `now` (answers through the scheduler, no exam date). */
function playedCard(steps: { gap: number; rating: Grade }[], end: number, p: SchedulerParams): CardMemory {
  const total = steps.reduce((s, x) => s + x.gap, 0);
  let t = end - total - DAY;
  let card = newCardMemory(t);
  for (const s of steps) {
    t += s.gap;
    card = answer(card, s.rating, t, { ...p, examDate: null }).card;
  }
  return card;
}

describe('answers in exam-date mode (scheduler property)', () => {
  it('no outcome is due after the exam, whichever day it is answered on up to and including the exam day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 23 }),
        fc.boolean(),
        fc.array(fc.record({ gap: fc.integer({ min: 60_000, max: 60 * DAY }), rating: fc.constantFrom<Grade>(1, 2, 3, 4) }), { maxLength: 10 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: DAY - 1 }),
        (timeZone, rolloverHour, question, steps, daysBefore, timeOfDay) => {
          const examDate = '2027-05-20';
          const exam = dayOfDate(examDate);
          const base = schedulerParams({ timeZone, rolloverHour, examDate });
          const p: SchedulerParams = question ? { ...base, shortTerm: false, learningSteps: [], relearningSteps: [] } : base;
          const now = studyDayStart(exam - daysBefore, p) + timeOfDay;
          const today = studyDay(now, p);
          if (today > exam) return; // a time of day past the rollover of a DST-short day
          const card = playedCard(steps, now, p);
          const out = previewAll(card, now, p);
          for (const g of [1, 2, 3, 4] as Grade[]) {
            const due = out[g].card.due;
            expect(due).toBeGreaterThanOrEqual(now);
            expect(studyDay(due, p)).toBeLessThanOrEqual(latestAllowed(today, exam));
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on the eve a long interval is pulled to the exam day, not left months after it', () => {
    const p = schedulerParams({ examDate: '2027-05-20' });
    const exam = dayOfDate('2027-05-20');
    const now = studyDayStart(exam - 1, p) + 10 * HOUR;
    const mature: CardMemory = { due: now, stability: 200, difficulty: 5, scheduledDays: 100, learningSteps: 0, reps: 8, lapses: 0, state: 2, lastReview: now - 100 * DAY };
    const good = previewAll(mature, now, p)[3];
    expect(good.preview.capped).toBe(true);
    expect(studyDay(good.card.due, p)).toBe(exam);
  });
});

describe('every other way a due date is set (real database)', { timeout: 120_000 }, () => {
  let t: TestApi;
  const clock = () => ({ timeZone: localTimeZone(), rolloverHour: 4 });
  beforeEach(() => {
    t = openTestApi();
  });
  afterEach(() => t.close());

  const maxDueDay = () => studyDay(t.db.prepare('SELECT max(due) FROM cards WHERE deleted_at IS NULL').pluck().get() as number, clock());
  const today = () => studyDay(t.clock.now(), clock());
  const examIn = (days: number) => studyDayDate(today() + days);

  /** Flashcards answered Easy over `rounds` due dates: long intervals, far past an exam a few weeks away. */
  async function matureCards(n: number, rounds: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push(...(await t.api.call('cards:create', { kind: 'basic', frontMd: `Q${i}`, backMd: `A${i}` })).cardIds);
    for (let r = 0; r < rounds; r++) {
      for (;;) {
        const s = await t.api.call('cards:session', {});
        if (!s.next) break;
        await t.api.call('cards:answer', { cardId: s.next.card.id, rating: 4, shownAt: s.next.shownAt });
      }
      if (r === rounds - 1) break;
      const next = t.db.prepare('SELECT min(due) FROM cards WHERE deleted_at IS NULL').pluck().get() as number;
      t.clock.set(Math.max(t.clock.now() + HOUR, next + 1000));
    }
    return ids;
  }

  it('an exam date set after cards were scheduled pulls them back; rescheduling after a retention change keeps the cap', async () => {
    await matureCards(4, 4);
    expect(maxDueDay()).toBeGreaterThan(today() + 40);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 30 }), fc.constantFrom(0.7, 0.8, 0.95, 0.97), async (daysLeft, retention) => {
        const exam = today() + daysLeft;
        await t.api.call('settings:set', { examDate: examIn(daysLeft) });
        expect(maxDueDay()).toBeLessThanOrEqual(latestAllowed(today(), exam));
        await t.api.call('cards:setConfig', { patch: { desiredRetention: retention }, reschedule: true });
        expect(maxDueDay()).toBeLessThanOrEqual(latestAllowed(today(), exam));
      }),
      { numRuns: 12 },
    );
  });

  it('on the exam day an answer is capped to that day and the card does not come straight back', async () => {
    const [id] = await matureCards(1, 3);
    const due = t.db.prepare('SELECT due FROM cards WHERE id = ?').pluck().get(id!) as number;
    await t.api.call('settings:set', { examDate: studyDayDate(studyDay(due, clock())) });
    t.clock.set(due + 1000);
    const s = await t.api.call('cards:session', {});
    expect(s.next!.card.id).toBe(id);
    const after = await t.api.call('cards:answer', { cardId: id!, rating: 3, shownAt: s.next!.shownAt });
    expect(studyDay(t.db.prepare('SELECT due FROM cards WHERE id = ?').pluck().get(id!) as number, clock())).toBe(today());
    expect(after.next).toBeNull();
    expect(after.counts.reviewsDue).toBe(0);
  });

  it('undo never restores a due date after the exam', async () => {
    const [id] = await matureCards(1, 4);
    await t.api.call('cards:act', { cardId: id!, action: 'suspend' });
    const exam = today() + 10;
    expect(maxDueDay()).toBeGreaterThan(exam);
    await t.api.call('settings:set', { examDate: examIn(10) });
    await t.api.call('cards:undo', {});
    expect(t.db.prepare('SELECT suspended FROM cards WHERE id = ?').pluck().get(id!)).toBe(0);
    expect(maxDueDay()).toBeLessThanOrEqual(exam - 1);
  });

  it('Anki history replayed on import is capped like an answer', async () => {
    t.clock.set(START + 300 * DAY);
    const exam = today() + 5;
    await t.api.call('settings:set', { examDate: examIn(5) });
    const path = join(t.dir, 'history.apkg');
    writeFileSync(path, buildPackage('legacy2', deckWithHistory(simulateHistories(40, 290, 3))));
    const report = await t.api.call('packs:import', { paths: [path] });
    expect(report.anki![0]!.cards.added).toBe(40);
    expect(maxDueDay()).toBeLessThanOrEqual(exam - 1);
    // The same deck without exam-date mode has cards due long after that day: the cap did the work.
    await t.api.call('settings:set', { examDate: null });
    await t.api.call('cards:setConfig', { patch: {}, reschedule: true });
    expect(maxDueDay()).toBeGreaterThan(exam);
  });
});
