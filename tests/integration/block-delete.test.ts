/**
 * Issue 14, item 1: abandoned blocks do not count, and any block can be deleted with Undo. On a real SQLite file:
 * - a block ended with no answer is not an attempt (no question_stats, rollup, missed queue, score trend or cards)
 *   unless the student keeps it as omitted;
 * - delete → undo gives byte-identical aggregates (dashboard, question_stats, rollup, cards, review log);
 * - delete alone gives the same aggregates as a database where the block never happened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApi, type TestApi } from '../helpers/db';

const opened: TestApi[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

async function bank(): Promise<TestApi> {
  const t = openTestApi();
  opened.push(t);
  await t.api.call('packs:loadSamples', {});
  return t;
}

const answerOf = (t: TestApi, q: number) => t.db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(q) as number;
const choiceCount = (t: TestApi, q: number) => t.db.prepare('SELECT choice_count FROM questions WHERE id = ?').pluck().get(q) as number;
const wrongOf = (t: TestApi, q: number) => (answerOf(t, q) + 1) % choiceCount(t, q);

type Plan = Record<number, 'right' | 'wrong' | 'skip' | 'changed'>;

/** One block over exactly these questions: answers per plan, 40 s per item, then ends it (tutor: submits each). */
async function runBlock(t: TestApi, ids: number[], plan: Plan, mode: 'timed' | 'tutor' = 'timed', extra?: (blockId: number, pos: (q: number) => number) => Promise<void>) {
  const block = await t.api.call('blocks:create', { filters: { questionIds: ids }, size: ids.length, mode, secondsPerQuestion: 90, order: 'random', seed: 9 });
  const pos = (q: number) => block.items.findIndex((i) => i.questionId === q);
  for (const item of block.items) {
    const q = item.questionId;
    await t.api.call('blocks:goto', { blockId: block.id, position: item.position });
    t.clock.advance(40_000);
    const what = plan[q] ?? 'skip';
    if (what === 'changed') {
      await t.api.call('blocks:select', { blockId: block.id, position: item.position, choice: answerOf(t, q) });
      await t.api.call('blocks:select', { blockId: block.id, position: item.position, choice: wrongOf(t, q) });
    } else if (what !== 'skip') {
      await t.api.call('blocks:select', { blockId: block.id, position: item.position, choice: what === 'right' ? answerOf(t, q) : wrongOf(t, q) });
    }
    if (mode === 'tutor' && what !== 'skip') await t.api.call('blocks:submit', { blockId: block.id, position: item.position });
  }
  await extra?.(block.id, pos);
  await t.api.call('blocks:end', { blockId: block.id });
  t.clock.advance(3 * 3600_000);
  return block.id;
}

/** Everything the student's numbers are made of, with block ids replaced by a stable name (ids differ between worlds). */
async function aggregates(t: TestApi, names: Map<number, string>, withIds = false) {
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? `?${id}`));
  const cardQ = new Map((t.db.prepare('SELECT id, question_id FROM cards').all() as { id: number; question_id: number }[]).map((c) => [c.id, c.question_id]));
  const strip = (o: Record<string, unknown>) => {
    const { id, ...rest } = o;
    return withIds ? o : (void id, rest);
  };
  const named = (value: unknown) => JSON.parse(JSON.stringify(value), (k, v: unknown) => (!withIds && k === 'blockId' ? name(v as number) : v)) as unknown;
  const dashboard = named(await t.api.call('stats:dashboard', {}));
  return {
    rollup: t.db.prepare('SELECT * FROM answer_rollup ORDER BY dim, value, day, mode, first').all(),
    stats: (t.db.prepare('SELECT * FROM question_stats ORDER BY question_id').all() as Record<string, unknown>[]).map((r) => ({ ...r, last_block_id: withIds ? r.last_block_id : name(r.last_block_id as number | null) })),
    cards: (t.db.prepare('SELECT * FROM cards ORDER BY question_id').all() as Record<string, unknown>[]).map(strip),
    log: (t.db.prepare('SELECT * FROM review_log ORDER BY review, id').all() as Record<string, unknown>[]).map((r) => {
      const { snapshot, card_id, ...rest } = strip(r) as Record<string, unknown>;
      return { ...rest, question: cardQ.get(card_id as number), snapshot: withIds ? snapshot : strip(JSON.parse(snapshot as string) as Record<string, unknown>) };
    }),
    items: (t.db.prepare('SELECT * FROM block_items ORDER BY block_id, position').all() as Record<string, unknown>[]).map((r) => ({ ...r, block_id: withIds ? r.block_id : name(r.block_id as number) })),
    bins: t.db.prepare('SELECT * FROM card_memory_bins WHERE n <> 0 ORDER BY sbin, dbin').all(),
    hours: t.db.prepare('SELECT * FROM review_hours WHERE reviews <> 0 ORDER BY hour, mature').all(),
    missed: named(await t.api.call('review:missed', { filters: {}, page: 0, pageSize: 100 })),
    changes: named(await t.api.call('review:changes', {})),
    dashboard,
  };
}

describe('abandoned blocks (issue 14, 1)', () => {
  it('a block ended with no answer counts nothing and makes no cards, unless the student keeps it as omitted', async () => {
    const t = await bank();
    // Block items of the abandoned block stay on its page; everything the numbers are made of is unchanged.
    const counted = async () => ({ ...(await aggregates(t, new Map())), items: undefined });
    const before = await counted();
    const block = await t.api.call('blocks:create', { filters: { exams: ['step1'] }, size: 20, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 1 });
    t.clock.advance(5_000);
    const ended = await t.api.call('blocks:end', { blockId: block.id });
    expect(ended.status).toBe('finished');
    expect(ended.correctCount).toBeNull();
    expect(ended.counted).toBe(false);
    expect(await counted()).toEqual(before);
    expect((await t.api.call('stats:dashboard', {})).totals.blocks).toBe(0);

    // Time running out on an untouched block is not an attempt either.
    const idle = await t.api.call('blocks:create', { filters: { exams: ['step1'] }, size: 2, mode: 'timed', secondsPerQuestion: 30, order: 'random', seed: 2 });
    t.clock.advance(61_000);
    const timedOut = await t.api.call('blocks:get', { blockId: idle.id });
    expect([timedOut.status, timedOut.endReason, timedOut.counted]).toEqual(['finished', 'time_up', false]);
    expect(await counted()).toEqual(before);

    // Kept as omitted: 20 omitted attempts and 20 cards, as UWorld counts them.
    const kept = await t.api.call('blocks:end', { blockId: block.id, keepUnanswered: true });
    expect([kept.correctCount, kept.counted]).toEqual([0, true]);
    expect(t.db.prepare("SELECT count(*) FROM question_stats WHERE last_outcome = 'omitted'").pluck().get()).toBe(20);
    expect(t.db.prepare('SELECT count(*) FROM cards').pluck().get()).toBe(20);
  });
});

describe('deleting a block (issue 14, 1)', () => {
  /** Three blocks; B repeats two of A's questions (one A missed: its card is reviewed by B) and C repeats one of B's. */
  async function history(t: TestApi, withB: boolean) {
    const ids = t.db.prepare('SELECT id FROM questions WHERE exam = ? ORDER BY id').pluck().all('step1') as number[];
    const a = ids.slice(0, 6);
    const b = [a[0]!, a[1]!, ...ids.slice(6, 11)];
    const c = [b[3]!, ...ids.slice(11, 15)];
    const names = new Map<number, string>();
    names.set(await runBlock(t, a, { [a[0]!]: 'wrong', [a[1]!]: 'right', [a[2]!]: 'right', [a[3]!]: 'changed', [a[4]!]: 'skip', [a[5]!]: 'right' }), 'A');
    if (withB) {
      const blockB = await runBlock(t, b, { [b[0]!]: 'right', [b[1]!]: 'wrong', [b[2]!]: 'wrong', [b[3]!]: 'right', [b[4]!]: 'changed', [b[5]!]: 'right' }, 'tutor', async (blockId, pos) => {
        await t.api.call('blocks:mark', { blockId, position: pos(b[2]!), marked: true });
      });
      await t.api.call('review:tag', { blockId: blockB, position: (await t.api.call('blocks:get', { blockId: blockB })).items.findIndex((i) => i.questionId === b[1]), reason: 'knowledge' });
      names.set(blockB, 'B');
    } else {
      t.clock.advance(40_000 * 7 + 3 * 3600_000); // the same clock as the world with B
    }
    names.set(await runBlock(t, c, { [c[0]!]: 'wrong', [c[1]!]: 'right', [c[2]!]: 'wrong' }), 'C');
    return names;
  }

  it('delete → undo restores every aggregate exactly; delete alone equals never having done the block', async () => {
    const x = await bank();
    const namesX = await history(x, true);
    const blockB = [...namesX].find(([, n]) => n === 'B')![0];
    const before = await aggregates(x, namesX, true);
    expect(x.db.prepare('SELECT count(*) FROM block_items WHERE block_id = ? AND reason IS NOT NULL').pluck().get(blockB)).toBe(1);
    expect((before.changes as { counts: { correct_to_incorrect: number } }).counts.correct_to_incorrect).toBe(2); // one in A, one in B

    const { undoId } = await x.api.call('blocks:delete', { blockId: blockB });
    expect(x.db.prepare('SELECT count(*) FROM blocks WHERE id = ?').pluck().get(blockB)).toBe(0);
    expect(x.db.prepare('SELECT count(*) FROM answer_events WHERE block_id = ?').pluck().get(blockB)).toBe(0);
    expect((await x.api.call('blocks:list', { status: 'all' })).map((b) => b.id)).not.toContain(blockB);

    const y = await bank();
    const namesY = await history(y, false);
    expect(await aggregates(x, namesX)).toEqual(await aggregates(y, namesY));

    await x.api.call('blocks:undoDelete', { undoId });
    expect(await aggregates(x, namesX, true)).toEqual(before);
    // The undo is spent.
    const again = await x.api.invoke('blocks:undoDelete', { undoId });
    expect(again.ok).toBe(false);
  });

  it('a card this block created but another block reviewed since stays (only this block’s review leaves its history)', async () => {
    const t = await bank();
    const ids = t.db.prepare('SELECT id FROM questions WHERE exam = ? ORDER BY id').pluck().all('step2ck') as number[];
    const first = await runBlock(t, ids.slice(0, 2), { [ids[0]!]: 'wrong', [ids[1]!]: 'wrong' });
    await runBlock(t, [ids[0]!], { [ids[0]!]: 'right' });
    await t.api.call('blocks:delete', { blockId: first });
    const cards = t.db.prepare('SELECT question_id FROM cards ORDER BY question_id').pluck().all();
    expect(cards).toEqual([ids[0]]); // ids[1]'s card had no other history: it went with the block
    expect(t.db.prepare('SELECT count(*) FROM review_log').pluck().get()).toBe(1);
    const stats = t.db.prepare('SELECT question_id, attempts, last_outcome FROM question_stats ORDER BY question_id').all();
    expect(stats).toEqual([{ question_id: ids[0], attempts: 1, last_outcome: 'correct' }]);
  });

  it('a block of an exam day goes with its whole day, and comes back with it', async () => {
    const t = await bank();
    const day = await t.api.call('days:start', { formatId: 'step1-2026', filters: {}, blocks: 2, itemsPerBlock: 2, seed: 4 });
    const first = day.currentBlockId!;
    await t.api.call('blocks:select', { blockId: first, position: 0, choice: 0 });
    await t.api.call('blocks:end', { blockId: first });
    await t.api.call('days:next', { dayId: day.id });
    const before = await aggregates(t, new Map(), true);
    const deleted = await t.api.call('blocks:delete', { blockId: first });
    expect(deleted.blockIds).toHaveLength(2);
    expect(t.db.prepare('SELECT count(*) FROM exam_days').pluck().get()).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM question_stats').pluck().get()).toBe(0);
    await t.api.call('blocks:undoDelete', { undoId: deleted.undoId });
    expect(await aggregates(t, new Map(), true)).toEqual(before);
    expect((await t.api.call('days:get', { dayId: day.id })).phase).toBe('block');
  });
});
