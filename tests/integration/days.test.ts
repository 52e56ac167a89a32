/** Full-length exam-day simulations on a real database with a movable clock: blocks back to back, the break budget, results. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MEDQA, openTestApi, type TestApi } from '../helpers/db';
import { DAY_FORMATS, blockSizes } from '../../src/shared/examFormats';

let t: TestApi;
beforeEach(async () => {
  t = openTestApi();
  await t.api.call('packs:loadSamples', {});
});
afterEach(() => t.close());

const step1 = DAY_FORMATS.find((f) => f.id === 'step1-2026')!;
const answerOf = (t: TestApi, questionId: number) => t.db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(questionId) as number;

describe('exam-day simulation', () => {
  it('runs blocks back to back, counts the break between them against the budget, and reports each block and the day', async () => {
    const day = await t.api.call('days:start', { formatId: 'step1-2026', filters: {}, blocks: 2, itemsPerBlock: 3, seed: 7 });
    expect(day.phase).toBe('block');
    expect(day.blocks.map((b) => b.status)).toEqual(['in_progress', 'not_started']);
    expect(day.breakBudgetMs).toBe(step1.breakMinutes * 60_000);
    const first = await t.api.call('blocks:get', { blockId: day.currentBlockId! });
    expect(first.day).toEqual({ id: day.id, index: 0, count: 2 });
    expect(first.title).toBe(`Exam day ${day.id} · block 1 · 3 questions`);
    // The block keeps the real pace: 30 min for 20 items = 90 s an item.
    expect(first.timeLimitMs).toBe(3 * 90_000);
    expect(first.mode).toBe('timed');

    // Block 1: two right, one left unanswered.
    for (const pos of [0, 1]) await t.api.call('blocks:select', { blockId: first.id, position: pos, choice: answerOf(t, first.items[pos]!.questionId) });
    t.clock.advance(60_000);
    await t.api.call('blocks:end', { blockId: first.id });

    t.clock.advance(4 * 60_000);
    const onBreak = await t.api.call('days:get', { dayId: day.id });
    expect(onBreak.phase).toBe('break');
    expect(onBreak.nextIndex).toBe(1);
    expect(onBreak.breakUsedMs).toBe(4 * 60_000);
    expect(onBreak.breakRemainingMs).toBe(step1.breakMinutes * 60_000 - 4 * 60_000);

    // Skipping the rest of the break starts block 2 at once; only the 4 minutes taken count.
    const second = await t.api.call('days:next', { dayId: day.id });
    expect(second.phase).toBe('block');
    const block2 = await t.api.call('blocks:get', { blockId: second.currentBlockId! });
    expect(block2.day?.index).toBe(1);
    const firstIds = first.items.map((i) => i.questionId);
    expect(block2.items.map((i) => i.questionId).some((q) => firstIds.includes(q))).toBe(false);
    await t.api.call('blocks:select', { blockId: block2.id, position: 0, choice: answerOf(t, block2.items[0]!.questionId) });
    t.clock.advance(30_000);
    await t.api.call('blocks:end', { blockId: block2.id });

    t.clock.advance(10 * 60_000);
    const done = await t.api.call('days:get', { dayId: day.id });
    expect(done.phase).toBe('finished');
    expect(done.breakUsedMs).toBe(4 * 60_000); // time after the last block is not a break
    expect(done.blocks.map((b) => [b.correctCount, b.answeredCount, b.itemCount, b.elapsedMs, b.breakBeforeMs])).toEqual([
      [2, 2, 3, 60_000, null],
      [1, 1, 3, 30_000, 4 * 60_000],
    ]);
    expect(done.totals).toEqual({ items: 6, answered: 3, correct: 3, elapsedMs: 90_000 });
    expect(done.finishedAt).toBe(t.clock.now() - 10 * 60_000);
  });

  it('refuses the next block while one is open, and after the last', async () => {
    const day = await t.api.call('days:start', { formatId: 'step2ck-2026', filters: {}, blocks: 1, itemsPerBlock: 2, seed: 1 });
    const open = await t.api.invoke('days:next', { dayId: day.id });
    expect(open.ok).toBe(false);
    if (!open.ok) expect(open.error.message).toBe('Block 1 of this day is still open; end it first.');
    await t.api.call('blocks:end', { blockId: day.currentBlockId! });
    const after = await t.api.invoke('days:next', { dayId: day.id });
    if (!after.ok) expect(after.error.message).toBe('Every block of this day has ended.');
    expect(after.ok).toBe(false);
  });

  it('a block whose time runs out during the day ends by itself and the break starts from its end', async () => {
    const day = await t.api.call('days:start', { formatId: 'step1-2026', filters: {}, blocks: 2, itemsPerBlock: 1, seed: 3 });
    t.clock.advance(90_000 + 5 * 60_000);
    const state = await t.api.call('days:get', { dayId: day.id });
    expect(state.phase).toBe('break');
    expect(state.blocks[0]!.elapsedMs).toBe(90_000);
    expect(state.breakUsedMs).toBe(5 * 60_000);
  });

  it('says what the day needs when the pool is too small, and writes nothing', async () => {
    const before = t.db.prepare('SELECT count(*) FROM blocks').pluck().get();
    const result = await t.api.invoke('days:start', { formatId: 'step1-2026', filters: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^This day needs 280 USMLE Step 1 questions \(14 blocks of 20\); only (\d+) questions match these filters; choose \1 or fewer\.$/);
    const ck = await t.api.invoke('days:start', { formatId: 'step2ck-2026', filters: {} });
    if (!ck.ok) expect(ck.error.message).toMatch(/^This day needs 316 USMLE Step 2 CK questions \(16 blocks of 19–20\); /);
    expect(ck.ok).toBe(false);
    const tooMany = await t.api.invoke('days:start', { formatId: 'step1-2026', filters: {}, blocks: 15 });
    if (!tooMany.ok) expect(tooMany.error.details?.[0]?.field).toBe('blocks');
    expect(tooMany.ok).toBe(false);
    expect(t.db.prepare('SELECT count(*) FROM blocks').pluck().get()).toBe(before);
    expect(t.db.prepare('SELECT count(*) FROM exam_days').pluck().get()).toBe(0);
  });
});

describe('the exam of the day (issue 14)', () => {
  it('a Step 2 CK day on a bank of Step 1, Step 2 CK and Step 3 questions draws only Step 2 CK, even when saved with no filters', async () => {
    const day = await t.api.call('days:start', { formatId: 'step2ck-2026', filters: {}, blocks: 2, itemsPerBlock: 12, seed: 5 });
    const planned = JSON.parse(t.db.prepare('SELECT plan_json FROM exam_days WHERE id = ?').pluck().get(day.id) as string) as number[][];
    const exams = t.db.prepare('SELECT DISTINCT exam FROM questions WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(planned.flat()));
    expect(exams).toEqual(['step2ck']);
    // A filter for another exam does not turn a Step 1 day into something else: the day's exam wins.
    const step1 = await t.api.call('days:start', { formatId: 'step1-2026', filters: { exams: ['step3'] }, blocks: 1, itemsPerBlock: 10, seed: 5 });
    const ids = t.db.prepare('SELECT question_id FROM block_items WHERE block_id = ?').pluck().all(step1.currentBlockId!);
    const step1Exams = t.db.prepare('SELECT DISTINCT exam FROM questions WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids));
    expect(step1Exams).toEqual(['step1']);
  });
});

describe('a full-length Step 2 CK day, from the real MedQA file', () => {
  it('spreads 316 items over 16 blocks of 18–20, each with the 30-minute block time', async () => {
    expect(blockSizes(316, 16)).toEqual([...Array<number>(12).fill(20), ...Array<number>(4).fill(19)]);
    expect(blockSizes(280, 14)).toEqual(Array<number>(14).fill(20));
    await t.api.call('packs:import', { paths: [MEDQA] });
    const day = await t.api.call('days:start', { formatId: 'step2ck-2026', filters: {}, seed: 2 });
    expect(day.title).toBe('Step 2 CK day (from 2026-05-07) · full length');
    expect(day.totals.items).toBe(316);
    expect(day.blocks.map((b) => b.itemCount)).toEqual(blockSizes(316, 16));
    expect(new Set(day.blocks.map((b) => b.timeLimitMs))).toEqual(new Set([30 * 60_000]));
    const first = await t.api.call('blocks:get', { blockId: day.currentBlockId! });
    expect([first.itemCount, first.timeLimitMs]).toEqual([20, 30 * 60_000]);
    // Jump to the last block: it holds 19 items and still gets 30 minutes.
    for (let i = 0; i < 15; i++) {
      const state = await t.api.call('days:get', { dayId: day.id });
      await t.api.call('blocks:end', { blockId: state.currentBlockId! });
      await t.api.call('days:next', { dayId: day.id });
    }
    const last = await t.api.call('days:get', { dayId: day.id });
    const block16 = await t.api.call('blocks:get', { blockId: last.currentBlockId! });
    expect([block16.day?.index, block16.itemCount, block16.timeLimitMs]).toEqual([15, 19, 30 * 60_000]);
    const drawn = t.db.prepare('SELECT count(DISTINCT i.question_id) FROM block_items i JOIN blocks b ON b.id = i.block_id WHERE b.day_id = ?').pluck().get(day.id);
    expect(drawn).toBe(316);
  });
});
