/**
 * Issue 14, item 1, in the UI: ending a block with no answer offers Discard (the default) or Keep as omitted; any
 * block can be deleted from the Blocks list or its results page, and Undo brings back the block and every number.
 */
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';

interface Block {
  id: number;
  items: { questionId: number; position: number }[];
}
interface Totals {
  totals: { answered: number; correct: number; blocks: number };
}

const spec = (seed: number, size = 4) => ({ filters: { exams: ['step2ck'] }, size, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed });

test.beforeEach(async ({ request, server }) => {
  const info = await api<{ counts: { questions: number } }>(request, server, 'app:info');
  if (info.counts.questions === 0) await api(request, server, 'packs:loadSamples');
});

test('ending a block with no answer: Discard deletes it (with Undo); Keep counts its items as omitted', async ({ page, server, request }) => {
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  const before = await api<Totals>(request, server, 'stats:dashboard');
  const cardsBefore = (await api<{ items: unknown[] }>(request, server, 'cards:list', { kind: 'question' })).items.length;

  const untouched = await api<Block>(request, server, 'blocks:create', spec(1));
  await app.goto(`/blocks/${untouched.id}/run`);
  await page.getByTestId('end-block').click();
  await expect(page.getByTestId('end-dialog')).toContainText('You have not answered any question');
  await expect(page.getByTestId('end-discard')).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/end-no-answer.png` });
  await page.getByTestId('end-discard').click();

  await expect(page).toHaveURL(/#\/blocks$/);
  await expect(page.getByTestId('undo-bar')).toContainText('Deleted “Timed block · 4 questions”');
  await expect(page.getByTestId(`delete-block-${untouched.id}`)).toHaveCount(0);
  expect((await api<Totals>(request, server, 'stats:dashboard')).totals).toEqual(before.totals);
  expect((await api<{ items: unknown[] }>(request, server, 'cards:list', { kind: 'question' })).items.length).toBe(cardsBefore);
  await page.screenshot({ path: `${SHOTS}/blocks-undo-bar.png` });
  await page.getByTestId('undo-delete').click();
  await expect(page.getByTestId('undo-bar')).toHaveCount(0);
  await expect(page.getByTestId(`delete-block-${untouched.id}`)).toBeVisible();

  // The same block again, kept: four omitted attempts and four review cards.
  await app.goto(`/blocks/${untouched.id}/run`);
  await page.getByTestId('end-block').click();
  await page.getByTestId('end-keep').click();
  await expect(page.getByTestId('review-score')).toContainText('0 of 4 correct');
  const kept = await api<Totals>(request, server, 'stats:dashboard');
  expect(kept.totals.answered).toBe(before.totals.answered + 4);
  expect((await api<{ items: unknown[] }>(request, server, 'cards:list', { kind: 'question' })).items.length).toBe(cardsBefore + 4);
});

test('a finished block is deleted from its results page and from the list; Undo restores every number', async ({ page, server, request }) => {
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  // Questions never met, so every miss of this block is its own.
  const block = await api<Block>(request, server, 'blocks:create', { ...spec(7), filters: { exams: ['step2ck'], statuses: ['unused'] } });
  for (const item of block.items.slice(0, 3)) {
    const q = await api<{ answerIndex: number }>(request, server, 'questions:get', { id: item.questionId });
    await api(request, server, 'blocks:select', { blockId: block.id, position: item.position, choice: item.position === 0 ? q.answerIndex : (q.answerIndex + 1) % 4 });
  }
  await api(request, server, 'blocks:end', { blockId: block.id });
  const numbers = async () => ({
    dashboard: (await api<Totals>(request, server, 'stats:dashboard')).totals,
    missed: (await api<{ total: number }>(request, server, 'review:missed', { filters: {}, page: 0, pageSize: 100 })).total,
    cards: (await api<{ items: unknown[] }>(request, server, 'cards:list', { kind: 'question' })).items.length,
  });
  const withBlock = await numbers();

  await app.goto(`/blocks/${block.id}/review`);
  await page.getByTestId('delete-block').click();
  await expect(page).toHaveURL(/#\/blocks$/);
  await expect(page.getByTestId('undo-bar')).toBeVisible();
  const without = await numbers();
  expect(without.dashboard.blocks).toBe(withBlock.dashboard.blocks - 1);
  expect(without.dashboard.answered).toBe(withBlock.dashboard.answered - 4);
  expect(without.missed).toBe(withBlock.missed - 3);
  expect(without.cards).toBe(withBlock.cards - 3);
  await page.getByTestId('undo-delete').click();
  await expect(page.getByTestId(`delete-block-${block.id}`)).toBeVisible();
  expect(await numbers()).toEqual(withBlock);

  // From the list this time.
  await page.getByTestId(`delete-block-${block.id}`).click();
  await expect(page.getByTestId('undo-bar')).toBeVisible();
  await expect(page.getByTestId(`delete-block-${block.id}`)).toHaveCount(0);
  expect(await numbers()).toEqual(without);
});

test('a block that ended with no answer says it counts nowhere, and can still be counted as omitted', async ({ page, server, request }) => {
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  const block = await api<Block>(request, server, 'blocks:create', { ...spec(11, 3), filters: { exams: ['step1'], statuses: ['unused'] } });
  await api(request, server, 'blocks:end', { blockId: block.id });
  const before = (await api<Totals>(request, server, 'stats:dashboard')).totals;
  await app.goto('/blocks');
  await expect(page.getByTestId('blocks-table')).toContainText('Not counted (no answer)');
  await app.goto(`/blocks/${block.id}/review`);
  await expect(page.getByTestId('not-counted')).toContainText('this block counts nowhere');
  await page.screenshot({ path: `${SHOTS}/results-not-counted.png` });
  await page.getByTestId('keep-omitted').click();
  await expect(page.getByTestId('not-counted')).toHaveCount(0);
  const after = (await api<Totals>(request, server, 'stats:dashboard')).totals;
  expect([after.answered, after.blocks]).toEqual([before.answered + 3, before.blocks + 1]);
});
