/**
 * Review shows what you answered: a block item keeps the question revision it was drawn with. Re-importing a changed
 * pack (after the block ended, or while it is open) changes neither its score nor its choices nor its review text;
 * a new block gets the new revision.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FIXTURES, openTestApi, type TestApi } from '../helpers/db';

let t: TestApi;
let v1: string;
let v2: string;
beforeEach(() => {
  t = openTestApi();
  const pack = JSON.parse(readFileSync(join(FIXTURES, 'packs/mini-v1.json'), 'utf8'));
  v1 = join(t.dir, 'v1.json');
  writeFileSync(v1, JSON.stringify(pack));
  // Version 2 rewrites every question: new stem, a new first choice, a new explanation, and the answer moves to A.
  pack.pack.version = '2.0.0';
  for (const q of pack.questions) {
    q.stem = `REVISED ${q.stem}`;
    q.choices[0].text = 'A brand-new first choice';
    q.explanation = 'REVISED explanation.';
    q.answer = 'A';
  }
  v2 = join(t.dir, 'v2.json');
  writeFileSync(v2, JSON.stringify(pack));
});
afterEach(() => t.close());

const spec = { filters: {}, size: 3, mode: 'timed' as const, secondsPerQuestion: 90, order: 'random' as const, seed: 3 };

async function answerAllRight(blockId: number) {
  const block = await t.api.call('blocks:get', { blockId });
  for (const item of block.items) {
    const answer = t.db.prepare('SELECT answer_index FROM questions WHERE id = ?').pluck().get(item.questionId) as number;
    await t.api.call('blocks:select', { blockId, position: item.position, choice: answer });
  }
}

it('keeps a finished block’s score, choices and review text through a re-import; a new block gets the new revision', async () => {
  await t.api.call('packs:import', { paths: [v1] });
  const block = await t.api.call('blocks:create', spec);
  await answerAllRight(block.id);
  await t.api.call('blocks:end', { blockId: block.id });
  const before = await t.api.call('review:results', { blockId: block.id });
  const itemsBefore = await Promise.all([0, 1, 2].map((position) => t.api.call('review:item', { blockId: block.id, position })));
  expect(before.counts.correct).toBe(3);

  const report = await t.api.call('packs:import', { paths: [v2] });
  expect(report.packs[0]!.updated).toBe(3);

  const after = await t.api.call('review:results', { blockId: block.id });
  expect(after.counts).toEqual(before.counts);
  expect(after.items.map((i) => [i.selected, i.answer, i.outcome, i.stemStart])).toEqual(before.items.map((i) => [i.selected, i.answer, i.outcome, i.stemStart]));
  expect((await t.api.call('blocks:get', { blockId: block.id })).correctCount).toBe(3);
  for (const position of [0, 1, 2]) {
    const item = await t.api.call('review:item', { blockId: block.id, position });
    const old = itemsBefore[position]!.question;
    expect(item.question.stemHtml).toBe(old.stemHtml);
    expect(item.question.stemHtml).not.toContain('REVISED');
    expect(item.question.choices).toEqual(old.choices);
    expect(item.question.explanationHtml).toBe(old.explanationHtml);
    expect(item.question.answerIndex).toBe(old.answerIndex);
    expect(item.question.objective).toBe(old.objective);
  }

  // A new block draws revision 2.
  const fresh = await t.api.call('blocks:create', { ...spec, seed: 4 });
  const item = await t.api.call('blocks:item', { blockId: fresh.id, position: 0 });
  expect(item.question.stemHtml).toContain('REVISED');
  expect(item.question.choices[0]!.html).toContain('brand-new');
});

it('scores an open block against the revision it drew, even when the pack changes mid-block', async () => {
  await t.api.call('packs:import', { paths: [v1] });
  const block = await t.api.call('blocks:create', spec);
  await answerAllRight(block.id);
  await t.api.call('packs:import', { paths: [v2] });
  // The runner still shows version 1.
  const shown = await t.api.call('blocks:item', { blockId: block.id, position: 0 });
  expect(shown.question.stemHtml).not.toContain('REVISED');
  expect(shown.question.choices[0]!.html).not.toContain('brand-new');
  const ended = await t.api.call('blocks:end', { blockId: block.id });
  expect(ended.correctCount).toBe(3);
  expect(ended.items.every((i) => i.outcome === 'correct')).toBe(true);
});
