/**
 * Spaced repetition end to end (issue 9): three missed questions become question cards, come due the next study day
 * (the server's clock moved forward), "Due for review" builds a block of them, and answering it reviews their cards.
 * Then a card made from an explanation is reviewed with keys, its interval previews seen, the answer undone, and
 * the card found exactly as before. Screenshots of the session, statistics and settings.
 */
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';

const DAY = 86_400_000;
type CardSummary = { id: number; kind: string; questionId: number | null; reps: number; due: number; state: number };
type CardView = CardSummary & { stability: number; difficulty: number; lapses: number; lastReview: number | null };

test.afterAll(() => {
  delete process.env.VIGNETTE_CLOCK_OFFSET_MS;
});

test('missed questions come back as due cards, and a flashcard is reviewed, undone and restored', async ({ page, server, request }) => {
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1360, height: 900 });
  await api(request, server, 'packs:loadSamples');
  const block = await api<{ id: number; items: { questionId: number }[] }>(request, server, 'blocks:create', {
    filters: {},
    size: 3,
    mode: 'timed',
    secondsPerQuestion: 90,
    order: 'random',
    seed: 42,
  });
  const missed = block.items.map((i) => i.questionId).sort((a, b) => a - b);

  // Leave all three unanswered and end the block in the UI, keeping it as omitted (issue 14): three misses.
  await app.goto(`/blocks/${block.id}/run`);
  await page.getByTestId('end-block').click();
  await page.getByTestId('end-keep').click();
  await app.goto(`/blocks/${block.id}/review`);
  // The results table shows each item's card grade; the item review explains it and lets the student change it.
  await expect(page.getByTestId('result-card')).toHaveText(['Again · back in 1d', 'Again · back in 1d', 'Again · back in 1d']);
  await app.goto(`/blocks/${block.id}/review/0`);
  await expect(page.getByTestId('card-grade')).toContainText('graded Again');
  await expect(page.getByTestId('card-grade')).toContainText('left unanswered');
  await expect(page.getByTestId('card-grade')).toContainText('back in 1d');
  const cards = await api<{ items: CardSummary[] }>(request, server, 'cards:list', { kind: 'question' });
  expect(cards.items.map((c) => c.questionId!).sort((a, b) => a - b)).toEqual(missed);
  expect((await api<{ questionCardsDue: number }>(request, server, 'cards:counts')).questionCardsDue).toBe(0);

  // Tomorrow (the server's clock moves a day on): the three are due, and the builder offers them.
  process.env.VIGNETTE_CLOCK_OFFSET_MS = String(DAY + 60_000);
  await server.restart();
  expect((await api<{ questionCardsDue: number }>(request, server, 'cards:counts')).questionCardsDue).toBe(3);
  await app.goto('/create');
  await expect(page.getByTestId('due-pool')).toHaveText('Due for review (3)');
  await page.getByTestId('due-pool').click();
  await expect(page.getByTestId('available')).toContainText('3 questions available');
  await page.getByTestId('size').fill('3');
  await page.getByTestId('mode-timed').click();
  await page.screenshot({ path: `${SHOTS}/builder-due-pool.png`, fullPage: true });
  await page.getByTestId('start-block').click();
  for (let i = 0; i < 3; i++) {
    await expect(page.getByTestId('item-count')).toHaveText(`Item ${i + 1} of 3`);
    await page.getByTestId('choice-A').click();
    if (i < 2) await page.getByTestId('next').click();
  }
  await page.getByTestId('end-block').click();
  await page.getByTestId('end-confirm').click();
  const after = await api<{ items: CardSummary[] }>(request, server, 'cards:list', { kind: 'question' });
  for (const c of after.items) {
    const before = cards.items.find((x) => x.id === c.id)!;
    expect(c.reps, `card ${c.id} reviewed`).toBe(before.reps + 1);
    expect(c.due).toBeGreaterThan(before.due);
  }

  // Make a card from an explanation on the review page of that block.
  const blocks = await api<{ id: number }[]>(request, server, 'blocks:list', { status: 'finished' });
  const second = Math.max(...blocks.map((b) => b.id));
  await app.goto(`/blocks/${second}/review/0`);
  await expect(page.getByTestId('card-grade')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-card-grade.png` });
  const explanation = page.getByRole('region', { name: 'Explanation' }).locator('.question-text').first();
  await explanation.evaluate((el) => {
    const range = document.createRange();
    const text = el.querySelector('p') ?? el;
    range.selectNodeContents(text);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  });
  await page.getByTestId('make-card').click();
  await expect(page.getByTestId('card-front')).not.toHaveValue('');
  await page.getByTestId('card-back').fill('The key point of this explanation');
  await page.getByTestId('card-save').click();
  await expect(page.getByTestId('card-editor')).toBeHidden();

  // Review it with keys: Space shows the answer, the buttons show the intervals, 3 answers Good, Ctrl+Z undoes.
  await app.nav('Flashcards');
  await expect(page.getByTestId('due-summary')).toContainText('1 due now');
  const list = await api<{ items: CardSummary[] }>(request, server, 'cards:list', { kind: 'basic' });
  expect(list.items).toHaveLength(1);
  const cardId = list.items[0]!.id;
  const before = await api<CardView>(request, server, 'cards:get', { cardId });
  await expect(page.getByTestId('card-front-side')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('card-back-side')).toContainText('The key point');
  await expect(page.getByTestId('grade-1')).toContainText('1m');
  await expect(page.getByTestId('grade-3')).toContainText('10m');
  await expect(page.getByTestId('grade-4')).toContainText(/\d+d/);
  await page.screenshot({ path: `${SHOTS}/cards-session.png` });
  await page.keyboard.press('3');
  await expect(page.getByTestId('undo')).toHaveText('Undo answer');
  const answered = await api<CardView>(request, server, 'cards:get', { cardId });
  expect(answered.reps).toBe(1);
  expect(answered.due).not.toBe(before.due);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status')).toHaveText('Undid answer.');
  const restored = await api<CardView>(request, server, 'cards:get', { cardId });
  expect(restored).toEqual(before);
  await expect(page.getByTestId('card-front-side')).toBeVisible();

  // Answer it for real (Easy), then look at the statistics and the settings.
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await expect(page.getByTestId('session-done')).toBeVisible();
  await page.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByTestId('true-retention')).toBeVisible();
  await expect(page.getByTestId('total-knowledge')).not.toHaveText('0');
  await page.screenshot({ path: `${SHOTS}/cards-stats.png`, fullPage: true });
  await app.nav('Settings');
  await expect(page.getByTestId('srs-settings')).toBeVisible();
  await expect(page.getByTestId('workload')).toContainText('reviews a day');
  await page.getByTestId('srs-settings').screenshot({ path: `${SHOTS}/settings-srs.png` });

  // Dark mode, an exam date: the session and the statistics with the exam-day forecast per system.
  const examDate = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
  await api(request, server, 'settings:set', { theme: 'dark', examDate });
  await api(request, server, 'cards:create', { kind: 'cloze', frontMd: 'Lithium is reabsorbed with {{c1::sodium}} in the {{c2::proximal tubule}}.', backMd: 'Thiazides raise its level.' });
  await app.goto('/cards');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('card-front-side')).toContainText('[…]');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('card-back-side')).toContainText('sodium');
  await page.getByTestId('grade-3').focus();
  await page.screenshot({ path: `${SHOTS}/cards-session-dark.png` });
  await page.getByRole('link', { name: 'Statistics' }).click();
  await expect(page.getByTestId('exam-forecast')).toContainText('Predicted recall on exam day');
  await expect(page.getByTestId('exam-system').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/cards-stats-exam-dark.png`, fullPage: true });
  await page.getByRole('link', { name: 'Browse' }).click();
  await page.getByTestId('card-search').fill('Thiazides raise its level');
  await expect(page.getByTestId('card-row')).toHaveCount(2);
  await page.getByTestId('card-row').first().getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('card-row')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/cards-browse-dark.png` });
  await page.getByTestId('browse-undo').click();
  await expect(page.getByTestId('card-row')).toHaveCount(2);
});
