/** Question cards through the real core: misses become cards when scored, come back due, and later attempts review them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { studyDay, studyDayStart } from '../../../src/main/core/srs/studyDay';
import { readSrsConfig } from '../../../src/main/core/srs/config';
import { localTimeZone } from '../../../src/main/core/srs/studyDay';
import { suggestGrade } from '../../../src/main/core/srs/questionCards';
import { openTestApi, type TestApi } from '../../helpers/db';

let t: TestApi;
beforeEach(async () => {
  t = openTestApi();
  await t.api.call('packs:loadSamples', {});
});
afterEach(() => t.close());

const HOUR = 3_600_000;
const spec = (over: Record<string, unknown> = {}) => ({ filters: {}, size: 5, mode: 'timed' as const, secondsPerQuestion: 90, order: 'random' as const, ...over });
const answerOf = (qid: number) => t.db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(qid) as number;
const wrongOf = (qid: number) => (answerOf(qid) + 1) % (t.db.prepare('SELECT choice_count FROM questions WHERE id = ?').pluck().get(qid) as number);
const cardOf = (qid: number) => t.db.prepare('SELECT * FROM cards WHERE question_id = ?').get(qid) as { id: number; due: number; state: number; reps: number } | undefined;
const clock = () => ({ timeZone: localTimeZone(), rolloverHour: readSrsConfig(t.db).rolloverHour });

describe('question cards', () => {
  it('three misses in a block become cards due the next study day; Due for review builds a block of them; answering reviews them', async () => {
    const block = await t.api.call('blocks:create', spec({ seed: 7 }));
    const q = block.items.map((i) => i.questionId);
    // Two wrong, one omitted, two right (one of them slowly).
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: wrongOf(q[0]!) });
    await t.api.call('blocks:select', { blockId: block.id, position: 1, choice: wrongOf(q[1]!) });
    await t.api.call('blocks:select', { blockId: block.id, position: 3, choice: answerOf(q[3]!) });
    await t.api.call('blocks:select', { blockId: block.id, position: 4, choice: answerOf(q[4]!) });
    await t.api.call('blocks:end', { blockId: block.id });

    const missed = [q[0]!, q[1]!, q[2]!];
    for (const id of missed) expect(cardOf(id), `card for question ${id}`).toBeDefined();
    expect(cardOf(q[3]!)).toBeUndefined();
    expect(cardOf(q[4]!)).toBeUndefined();
    const today = studyDay(t.clock.now(), clock());
    for (const id of missed) expect(studyDay(cardOf(id)!.due, clock())).toBe(today + 1);

    // Not due yet today: the pool is empty.
    expect((await t.api.call('blocks:count', { filters: { dueForReview: true } })).available).toBe(0);
    expect((await t.api.call('cards:counts', {})).questionCardsDue).toBe(0);

    // Next study day, an hour after the rollover: all three are due.
    t.clock.set(studyDayStart(today + 1, clock()) + HOUR);
    expect((await t.api.call('cards:counts', {})).questionCardsDue).toBe(3);
    expect((await t.api.call('blocks:count', { filters: { dueForReview: true } })).available).toBe(3);
    const again = await t.api.call('blocks:create', spec({ filters: { dueForReview: true }, size: 3 }));
    expect(again.items.map((i) => i.questionId).sort()).toEqual([...missed].sort());

    const before = missed.map((id) => cardOf(id)!);
    for (const item of again.items) await t.api.call('blocks:select', { blockId: again.id, position: item.position, choice: answerOf(item.questionId) });
    await t.api.call('blocks:end', { blockId: again.id });
    for (const [i, id] of missed.entries()) {
      const after = cardOf(id)!;
      expect(after.reps).toBe(before[i]!.reps + 1);
      expect(after.due).toBeGreaterThan(before[i]!.due);
    }
    const grades = await t.api.call('cards:blockGrades', { blockId: again.id });
    expect(grades).toHaveLength(3);
    // Answered in (clock) no time, without changing the answer: fast and confident → Easy.
    for (const g of grades) expect(g).toMatchObject({ suggested: 4, rating: 4 });
  });

  it('the student can change a suggested grade; the schedule is what that grade gives', async () => {
    const block = await t.api.call('blocks:create', spec({ seed: 3, size: 1 }));
    const qid = block.items[0]!.questionId;
    await t.api.call('blocks:end', { blockId: block.id, keepUnanswered: true }); // kept as omitted → card, graded Again
    const [g] = await t.api.call('cards:blockGrades', { blockId: block.id });
    expect(g).toMatchObject({ suggested: 1, rating: 1, reason: 'Again: left unanswered' });
    const dueAgain = cardOf(qid)!.due;
    const [h] = await t.api.call('cards:regrade', { blockId: block.id, position: 0, rating: 3 });
    expect(h!.rating).toBe(3);
    expect(cardOf(qid)!.due).toBeGreaterThan(dueAgain);
    expect(t.db.prepare('SELECT count(*) FROM review_log WHERE card_id = ?').pluck().get(cardOf(qid)!.id)).toBe(1);
    await t.api.call('cards:regrade', { blockId: block.id, position: 0, rating: 1 });
    expect(cardOf(qid)!.due).toBe(dueAgain);
  });

  it('tutor mode creates the card at submit, in the same transaction that scores it', async () => {
    const block = await t.api.call('blocks:create', spec({ mode: 'tutor', secondsPerQuestion: null, size: 2, seed: 11 }));
    const qid = block.items[0]!.questionId;
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: wrongOf(qid) });
    expect(cardOf(qid)).toBeUndefined();
    await t.api.call('blocks:submit', { blockId: block.id, position: 0 });
    expect(cardOf(qid)).toBeDefined();
    const outcome = t.db.prepare('SELECT outcome FROM block_items WHERE block_id = ? AND position = 0').pluck().get(block.id);
    expect(outcome).toBe('incorrect');
  });

  it('tagging a correct attempt "guessed" in the review makes it a card graded Hard, once', async () => {
    const block = await t.api.call('blocks:create', spec({ seed: 5, size: 1 }));
    const qid = block.items[0]!.questionId;
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: answerOf(qid) });
    await t.api.call('blocks:end', { blockId: block.id });
    expect(cardOf(qid)).toBeUndefined();
    await t.api.call('review:tag', { blockId: block.id, position: 0, reason: 'guessed' });
    expect(cardOf(qid)).toBeDefined();
    const [g] = await t.api.call('cards:blockGrades', { blockId: block.id });
    expect(g).toMatchObject({ suggested: 2, rating: 2 });
    await t.api.call('review:tag', { blockId: block.id, position: 0, reason: null });
    await t.api.call('review:tag', { blockId: block.id, position: 0, reason: 'guessed' });
    expect(t.db.prepare('SELECT count(*) FROM review_log WHERE card_id = ?').pluck().get(cardOf(qid)!.id)).toBe(1);
  });

  it('suggests grades from outcome and time', () => {
    expect(suggestGrade({ outcome: 'incorrect', timeMs: 10_000, answerChanges: 0, marked: false }).grade).toBe(1);
    expect(suggestGrade({ outcome: 'omitted', timeMs: 0, answerChanges: 0, marked: false }).grade).toBe(1);
    expect(suggestGrade({ outcome: 'correct', timeMs: 200_000, answerChanges: 0, marked: false }).grade).toBe(2);
    expect(suggestGrade({ outcome: 'correct', timeMs: 60_000, answerChanges: 0, marked: false }).grade).toBe(3);
    expect(suggestGrade({ outcome: 'correct', timeMs: 20_000, answerChanges: 1, marked: false }).grade).toBe(3);
    expect(suggestGrade({ outcome: 'correct', timeMs: 20_000, answerChanges: 0, marked: false }).grade).toBe(4);
    expect(suggestGrade({ outcome: 'correct', timeMs: 20_000, answerChanges: 0, marked: false, guessed: true }).grade).toBe(2);
  });
});
