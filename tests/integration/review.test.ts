/** The review domain on a real database: answer changes against a hand count, results, reasons, review-missed, the pool. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from '../helpers/db';
import { MISS_REASONS } from '../../src/shared/reasons';

let t: TestApi;
beforeEach(async () => {
  t = openTestApi();
  await t.api.call('packs:loadSamples', {});
});
afterEach(() => t.close());

const spec = (over: Record<string, unknown> = {}) => ({ filters: {}, size: 6, mode: 'timed' as const, secondsPerQuestion: 90, order: 'random' as const, seed: 7, ...over });
const answerOf = (questionId: number) => t.db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(questionId) as number;
/** A wrong choice other than `not`. */
const wrong = (answer: number, not = -1) => [0, 1, 2, 3].find((c) => c !== answer && c !== not)!;

/** Plays one block: `script[i]` is the sequence of picks for item i ('R' = right, 'W'/'X' = two different wrong ones, null = clear). */
async function play(script: ('R' | 'W' | 'X' | null)[][]) {
  const block = await t.api.call('blocks:create', spec({ size: script.length }));
  for (const [position, picks] of script.entries()) {
    const answer = answerOf(block.items[position]!.questionId);
    const w = wrong(answer);
    const x = wrong(answer, w);
    for (const p of picks) {
      t.clock.advance(1000);
      await t.api.call('blocks:select', { blockId: block.id, position, choice: p === null ? null : { R: answer, W: w, X: x }[p] });
    }
  }
  await t.api.call('blocks:end', { blockId: block.id });
  return block;
}

describe('answer-change analysis', () => {
  it('counts correct→incorrect, incorrect→correct and incorrect→incorrect exactly as by hand', async () => {
    const block = await play([
      ['R'], // no change
      ['W', 'R'], // I→C
      ['R', 'W'], // C→I
      ['W', 'X', 'R'], // I→I, I→C
      ['W', null, 'W'], // cleared and the same again: no change
      ['R', null, 'X', 'W'], // C→I (clearing is not a change), I→I
    ]);
    const hand = { correct_to_incorrect: 2, incorrect_to_correct: 2, incorrect_to_incorrect: 2 };
    const perBlock = await t.api.call('review:changes', { blockId: block.id });
    expect(perBlock.counts).toEqual(hand);
    expect(perBlock.items.map((i) => [i.position, i.kind])).toEqual([
      [1, 'incorrect_to_correct'],
      [2, 'correct_to_incorrect'],
      [3, 'incorrect_to_incorrect'],
      [3, 'incorrect_to_correct'],
      [5, 'correct_to_incorrect'],
      [5, 'incorrect_to_incorrect'],
    ]);
    const results = await t.api.call('review:results', { blockId: block.id });
    expect(results.changes).toEqual(hand);
    expect(results.counts.changed).toBe(4);
    expect(results.counts).toMatchObject({ correct: 3, incorrect: 3, omitted: 0 });
    expect(results.items[3]!.changes).toEqual({ correct_to_incorrect: 0, incorrect_to_correct: 1, incorrect_to_incorrect: 1 });

    // Across all blocks the counts add up, and the items behind one count are listed.
    await play([['W', 'R'], ['R', 'W']]);
    const all = await t.api.call('review:changes', {});
    expect(all.counts).toEqual({ correct_to_incorrect: 3, incorrect_to_correct: 3, incorrect_to_incorrect: 2 });
    const c2i = await t.api.call('review:changes', { kind: 'correct_to_incorrect' });
    expect(c2i.items).toHaveLength(3);
    expect(c2i.items.every((i) => i.kind === 'correct_to_incorrect')).toBe(true);
  });

  it('reveals nothing about an open timed block', async () => {
    const block = await t.api.call('blocks:create', spec({ size: 2 }));
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: 0 });
    await t.api.call('blocks:select', { blockId: block.id, position: 0, choice: 1 });
    expect((await t.api.call('review:changes', {})).counts).toEqual({ correct_to_incorrect: 0, incorrect_to_correct: 0, incorrect_to_incorrect: 0 });
    const results = await t.api.invoke('review:results', { blockId: block.id });
    expect(results.ok).toBe(false);
    const item = await t.api.invoke('review:item', { blockId: block.id, position: 0 });
    expect(!item.ok && item.error.code).toBe('CONFLICT');
  });
});

describe('why I missed it', () => {
  it('tags a reason on the attempt, changes it, counts it, and refuses bad tags without changing anything', async () => {
    const block = await play([['W'], ['R'], []]);
    await t.api.call('review:tag', { blockId: block.id, position: 0, reason: 'knowledge' });
    await t.api.call('review:tag', { blockId: block.id, position: 0, reason: 'misread' });
    await t.api.call('review:tag', { blockId: block.id, position: 1, reason: 'guessed' });
    await t.api.call('review:tag', { blockId: block.id, position: 2, reason: 'time' });
    const results = await t.api.call('review:results', { blockId: block.id });
    expect(results.reasons).toEqual({ misread: 1, guessed: 1, time: 1 });
    expect(results.items.map((i) => i.reason)).toEqual(['misread', 'guessed', 'time']);

    // A correct answer takes only "guessed".
    const onCorrect = await t.api.invoke('review:tag', { blockId: block.id, position: 1, reason: 'careless' });
    expect(!onCorrect.ok && onCorrect.error.details?.[0]?.field).toBe('reason');
    // Unknown reason: the contract names the field.
    const unknown = await t.api.invokeUnknown('review:tag', { blockId: block.id, position: 0, reason: 'bored' });
    expect(!unknown.ok && unknown.error.details?.[0]?.field).toBe('reason');
    // An unscored item (open block) cannot be tagged.
    const open = await t.api.call('blocks:create', spec({ size: 1, seed: 99 }));
    const unscored = await t.api.invoke('review:tag', { blockId: open.id, position: 0, reason: 'knowledge' });
    expect(!unscored.ok && unscored.error.code).toBe('CONFLICT');
    expect(t.db.prepare('SELECT reason FROM block_items WHERE block_id = ? ORDER BY position').pluck().all(block.id)).toEqual(['misread', 'guessed', 'time']);
    expect(t.db.prepare('SELECT reason FROM block_items WHERE block_id = ?').pluck().get(open.id)).toBeNull();
    // Cleared with null.
    await t.api.call('review:tag', { blockId: block.id, position: 2, reason: null });
    expect((await t.api.call('review:results', { blockId: block.id })).reasons).toEqual({ misread: 1, guessed: 1 });
    expect(MISS_REASONS).toHaveLength(6);
  });
});

describe('review missed', () => {
  it('lists exactly the questions whose latest attempt was wrong, omitted or guessed, and builds a block from them', async () => {
    const first = await play([['W'], ['R'], ['R'], []]);
    const q = first.items.map((i) => i.questionId);
    await t.api.call('review:tag', { blockId: first.id, position: 2, reason: 'guessed' });
    await t.api.call('blocks:mark', { blockId: (await t.api.call('blocks:create', spec({ size: 1, filters: { questionIds: [q[1]!] } }))).id, position: 0, marked: true });
    let missed = await t.api.call('review:missed', {});
    expect(missed.items.map((i) => i.questionId).sort()).toEqual([q[0], q[2], q[3]].sort());
    expect(missed.counts).toMatchObject({ incorrect: 1, omitted: 1, guessed: 1 });
    expect(missed.counts.reasons).toContainEqual({ value: 'guessed', count: 1 });

    // The first miss is answered right later: it leaves the queue (latest attempt counts).
    const again = await t.api.call('blocks:create', spec({ size: 1, filters: { questionIds: [q[0]!] } }));
    expect(again.items[0]!.questionId).toBe(q[0]);
    await t.api.call('blocks:select', { blockId: again.id, position: 0, choice: answerOf(q[0]!) });
    await t.api.call('blocks:end', { blockId: again.id });
    missed = await t.api.call('review:missed', {});
    expect(missed.items.map((i) => i.questionId).sort()).toEqual([q[2], q[3]].sort());
    // Filter by reason; include marked (the open block's mark on q[1] is recorded in question stats).
    expect((await t.api.call('review:missed', { filters: { reasons: ['guessed'] } })).items.map((i) => i.questionId)).toEqual([q[2]]);
    expect((await t.api.call('review:missed', { filters: { includeMarked: true } })).items.map((i) => i.questionId).sort()).toEqual([q[1], q[2], q[3]].sort());

    // Build a block from these: the pool is exactly the queue.
    const { questionIds } = await t.api.call('review:missedIds', {});
    expect(questionIds.sort()).toEqual([q[2], q[3]].sort());
    expect((await t.api.call('blocks:count', { filters: { questionIds } })).available).toBe(2);
    const block = await t.api.call('blocks:create', spec({ size: 2, filters: { questionIds } }));
    expect(block.items.map((i) => i.questionId).sort()).toEqual(questionIds);
  });
});
