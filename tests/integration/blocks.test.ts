import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src/main/core/api';
import { openDatabase } from '../../src/main/core/db/open';
import { openTestApi, SAMPLES_DIR, testClock, type TestApi } from '../helpers/db';
import { SAMPLE_TOTAL } from '../helpers/samplePacks';

let t: TestApi;
beforeEach(async () => {
  t = openTestApi();
  await t.api.call('packs:loadSamples', {});
});
afterEach(() => t.close());

const spec = (over: Record<string, unknown> = {}) => ({ filters: {}, size: 10, mode: 'timed' as const, secondsPerQuestion: 90, order: 'random' as const, ...over });

describe('block builder', () => {
  it('rebuilds exactly the same block from the same seed', async () => {
    const a = await t.api.call('blocks:create', spec({ seed: 12345 }));
    const b = await t.api.call('blocks:create', spec({ seed: 12345 }));
    const c = await t.api.call('blocks:create', spec({ seed: 54321 }));
    const ids = (s: typeof a) => s.items.map((i) => i.questionId);
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a)).not.toEqual(ids(c));
    expect(new Set(ids(a)).size).toBe(10);
  });

  it('draws only from the filtered pool, and counts it exactly as SQL does', async () => {
    const filters = { systems: ['Cardiovascular', 'Endocrine'], exams: ['step1' as const] };
    const expected = t.db
      .prepare("SELECT id FROM questions WHERE retired = 0 AND exam = 'step1' AND system IN ('Cardiovascular', 'Endocrine') ORDER BY id")
      .pluck()
      .all() as number[];
    expect(expected.length).toBeGreaterThan(2);
    const { available } = await t.api.call('blocks:count', { filters });
    expect(available).toBe(expected.length);
    const block = await t.api.call('blocks:create', spec({ filters, size: expected.length }));
    expect(block.items.map((i) => i.questionId).sort((x, y) => x - y)).toEqual(expected);
  });

  it('says how many there are when asked for more than the pool holds', async () => {
    const filters = { systems: ['Endocrine'] };
    const { available } = await t.api.call('blocks:count', { filters });
    const result = await t.api.invoke('blocks:create', spec({ filters, size: available + 1 }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(`Only ${available} questions match these filters; choose ${available} or fewer.`);
  });

  it('filters by status from what happened in earlier blocks', async () => {
    const first = await t.api.call('blocks:create', spec({ size: 3, seed: 1 }));
    const [q0, q1] = first.items;
    const answer0 = t.db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(q0!.questionId) as number;
    await t.api.call('blocks:select', { blockId: first.id, position: 0, choice: answer0 });
    await t.api.call('blocks:select', { blockId: first.id, position: 1, choice: (answer0 + 1) % 2 === answer0 ? 2 : wrongChoice(q1!.questionId) });
    await t.api.call('blocks:mark', { blockId: first.id, position: 2, marked: true });
    await t.api.call('blocks:end', { blockId: first.id });
    const count = async (statuses: ('correct' | 'incorrect' | 'omitted' | 'marked' | 'unused')[]) => (await t.api.call('blocks:count', { filters: { statuses } })).available;
    expect(await count(['correct'])).toBe(1);
    expect(await count(['incorrect'])).toBe(1);
    expect(await count(['omitted'])).toBe(1);
    expect(await count(['marked'])).toBe(1);
    expect(await count(['unused'])).toBe(SAMPLE_TOTAL - 3); // every sample question (Step 1, Step 2 CK and Step 3 samplers) but the 3 used
    expect(await count(['correct', 'incorrect'])).toBe(2);
  });

  it('groups by system when asked', async () => {
    const block = await t.api.call('blocks:create', spec({ size: 20, order: 'system', seed: 3 }));
    const systems = block.items.map((i) => t.db.prepare("SELECT coalesce(system, '~') FROM questions WHERE id = ?").pluck().get(i.questionId) as string);
    expect(systems).toEqual([...systems].sort((a, b) => a.localeCompare(b)));
  });
});

function wrongChoice(questionId: number): number {
  const answer = t.db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(questionId) as number;
  return answer === 0 ? 1 : 0;
}

describe('answering', () => {
  it('records every answer change in order with its time', async () => {
    const block = await t.api.call('blocks:create', spec({ seed: 9 }));
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: 1 });
    t.clock.advance(4_000);
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: 3 });
    t.clock.advance(2_000);
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: 0 });
    const events = t.db.prepare('SELECT choice, at - ? AS at FROM answer_events WHERE block_id = ? AND position = 0 ORDER BY id').all(block.createdAt, block.id);
    expect(events).toEqual([
      { choice: 1, at: 0 },
      { choice: 3, at: 4_000 },
      { choice: 0, at: 6_000 },
    ]);
    const state = await t.api.call('blocks:get', { blockId: block.id });
    expect(state.items[0]!.selected).toBe(0);
    expect(state.items[0]!.timeMs).toBe(6_000);
  });

  it('keeps strikes, highlights (merged) and marks', async () => {
    const block = await t.api.call('blocks:create', spec({ seed: 2 }));
    await t.api.call('blocks:strike', { blockId: block.id, position: 0, choice: 1, struck: true });
    await t.api.call('blocks:strike', { blockId: block.id, position: 0, choice: 3, struck: true });
    await t.api.call('blocks:strike', { blockId: block.id, position: 0, choice: 1, struck: false });
    await t.api.call('blocks:highlight', { blockId: block.id, position: 0, highlights: [{ start: 10, end: 20 }, { start: 15, end: 30 }, { start: 40, end: 45 }] });
    await t.api.call('blocks:mark', { blockId: block.id, position: 0, marked: true });
    const s = await t.api.call('blocks:get', { blockId: block.id });
    expect(s.items[0]).toMatchObject({ struck: [3], highlights: [{ start: 10, end: 30 }, { start: 40, end: 45 }], marked: true, selected: null });
  });

  it('hides the answer in timed mode until the block ends', async () => {
    const block = await t.api.call('blocks:create', spec({ seed: 5 }));
    const before = await t.api.call('blocks:item', { blockId: block.id, position: 0 });
    expect(before.question.answerIndex).toBeUndefined();
    expect(before.question.explanationHtml).toBeUndefined();
    expect(before.question.choices.every((c) => c.explanationHtml === undefined)).toBe(true);
    await t.api.call('blocks:end', { blockId: block.id, keepUnanswered: true });
    const after = await t.api.call('blocks:item', { blockId: block.id, position: 0 });
    expect(after.question.answerIndex).toBeTypeOf('number');
    expect(after.item.outcome).toBe('omitted');
  });

  it('tutor mode reveals the explanation on submit and scores the item at once', async () => {
    const block = await t.api.call('blocks:create', spec({ mode: 'tutor', secondsPerQuestion: null, seed: 5 }));
    const q = block.items[0]!.questionId;
    const answer = t.db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(q) as number;
    const early = await t.api.invoke('blocks:submit', { blockId: block.id, position: 0 });
    expect(early.ok).toBe(false);
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: answer });
    const view = await t.api.call('blocks:submit', { blockId: block.id, position: 0 });
    expect(view.question.answerIndex).toBe(answer);
    expect(view.item.outcome).toBe('correct');
    const locked = await t.api.invoke('blocks:select', { blockId: block.id, position: 0, choice: (answer + 1) % 5 });
    expect(locked.ok).toBe(false);
    const other = await t.api.call('blocks:item', { blockId: block.id, position: 1 });
    expect(other.question.answerIndex).toBeUndefined();
  });

  it('marks repeats: a question met in a finished block is a repeat next time', async () => {
    const first = await t.api.call('blocks:create', spec({ size: 50, seed: 1 }));
    expect(first.items.every((i) => !i.repeat)).toBe(true);
    await t.api.call('blocks:end', { blockId: first.id, keepUnanswered: true });
    const again = await t.api.call('blocks:create', spec({ size: 5, seed: 2, filters: { statuses: ['omitted'] } }));
    expect(again.items.every((i) => i.repeat)).toBe(true);
    const fresh = await t.api.call('blocks:create', spec({ size: 5, seed: 2, filters: { statuses: ['unused'] } }));
    expect(fresh.items.every((i) => !i.repeat)).toBe(true);
  });
});

describe('block time', () => {
  it('counts down in the core and ends the block by itself when time runs out, unanswered = omitted', async () => {
    const block = await t.api.call('blocks:create', spec({ size: 2, secondsPerQuestion: 30, seed: 4 }));
    expect(block.remainingMs).toBe(60_000);
    t.clock.advance(20_000);
    expect((await t.api.call('blocks:tick', { blockId: block.id })).remainingMs).toBe(40_000);
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: 0 });
    t.clock.advance(45_000);
    const ended = await t.api.call('blocks:tick', { blockId: block.id });
    expect(ended).toMatchObject({ status: 'finished', endReason: 'time_up', remainingMs: 0, elapsedMs: 60_000 });
    expect(ended.items[1]!.outcome).toBe('omitted');
    const late = await t.api.invoke('blocks:select', { blockId: block.id, position: 1, choice: 0 });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.error.message).toBe('Time is up: this block has ended.');
  });

  it('a timed pause keeps the clock running unless the user chose otherwise; tutor pause stops it', async () => {
    const timed = await t.api.call('blocks:create', spec({ seed: 4 }));
    await t.api.call('blocks:pause', { blockId: timed.id });
    t.clock.advance(10_000);
    expect((await t.api.call('blocks:tick', { blockId: timed.id })).remainingMs).toBe(900_000 - 10_000);

    const stoppable = await t.api.call('blocks:create', spec({ seed: 4, pauseStopsClock: true }));
    await t.api.call('blocks:pause', { blockId: stoppable.id });
    t.clock.advance(10_000);
    expect((await t.api.call('blocks:tick', { blockId: stoppable.id })).remainingMs).toBe(900_000);
    await t.api.call('blocks:resume', { blockId: stoppable.id });
    t.clock.advance(1_000);
    expect((await t.api.call('blocks:tick', { blockId: stoppable.id })).remainingMs).toBe(899_000);
  });

  it('survives a crash: reopening suspends the block with the time of its last tick, and resumes exactly there', async () => {
    const block = await t.api.call('blocks:create', spec({ seed: 8 }));
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: 2 });
    await t.api.call('blocks:goto', { blockId: block.id, position: 3 });
    await t.api.call('blocks:strike', { blockId: block.id, position: 3, choice: 1, struck: true });
    t.clock.advance(30_000);
    await t.api.call('blocks:tick', { blockId: block.id });
    // The process dies here; the app is started again an hour later.
    t.db.close();
    const db = openDatabase(t.dbPath);
    const clock = testClock(t.clock.now() + 3_600_000);
    const api = createApi(db, { dbPath: t.dbPath, samplesDir: SAMPLES_DIR, clock });
    const open = await api.call('blocks:list', { status: 'open' });
    expect(open.map((b) => [b.id, b.status])).toEqual([[block.id, 'suspended']]);
    const resumed = await api.call('blocks:resume', { blockId: block.id });
    expect(resumed).toMatchObject({ status: 'in_progress', currentPosition: 3, remainingMs: 900_000 - 30_000 });
    expect(resumed.items[0]!.selected).toBe(2);
    expect(resumed.items[3]!.struck).toEqual([1]);
    clock.advance(5_000);
    expect((await api.call('blocks:tick', { blockId: block.id })).remainingMs).toBe(865_000);
    db.close();
    t.db = openDatabase(t.dbPath); // let afterEach close something
  });

  it('time spent is charged to the item on screen', async () => {
    const block = await t.api.call('blocks:create', spec({ mode: 'untimed', secondsPerQuestion: null, seed: 6 }));
    expect(block.remainingMs).toBeNull();
    t.clock.advance(7_000);
    await t.api.call('blocks:goto', { blockId: block.id, position: 1 });
    t.clock.advance(3_000);
    await t.api.call('blocks:goto', { blockId: block.id, position: 0 });
    t.clock.advance(1_000);
    const s = await t.api.call('blocks:end', { blockId: block.id });
    expect(s.items.slice(0, 2).map((i) => i.timeMs)).toEqual([8_000, 3_000]);
    expect(s.elapsedMs).toBe(11_000);
  });
});
