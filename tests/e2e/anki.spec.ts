/**
 * Anki decks and the optimiser through the UI in browser mode: an .apkg (built here the way Anki lays it out) is
 * previewed with exact counts, imported, and picked again with nothing to change; a broken package is refused naming
 * the file; Settings → Optimise says when there is too little history, then fits weights on imported Anki history and
 * shows log loss and RMSE before and after. The tests share one server and database, in order.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, REPO } from './fixtures';
import { api, SHOTS } from './helpers';
import { ImportModel } from './pages/ImportModel';
import { AppPage } from './pages/AppPage';
import { buildPackage, deckWithHistory, sampleDeck } from '../helpers/ankiPackage';
import { simulateHistories } from '../helpers/simulateReviews';
import type { CardSummary } from '../../src/shared/srs';

const WORK = join(REPO, 'test-results/anki-e2e');
mkdirSync(WORK, { recursive: true });
const DECK = join(WORK, 'Step 1 deck.apkg');
writeFileSync(DECK, buildPackage('latest', sampleDeck()));
const BROKEN = join(WORK, 'broken.apkg');
writeFileSync(BROKEN, buildPackage('legacy2', sampleDeck(), { members: { '0': null } }));

test('an Anki deck imports through the Import screen, and picking it again changes nothing', async ({ page, server, request }) => {
  const imp = new ImportModel(page, server);
  await page.setViewportSize({ width: 1440, height: 900 });
  await imp.open();
  await imp.pick(DECK);
  const counts = imp.preview.getByTestId('anki-counts');
  const row = counts.locator('tbody tr');
  await expect(row).toHaveCount(1);
  // Each column says something different (issue 14: "Notes" and "Flashcards added" were the same number twice): the
  // deck's own card count, then where each of its cards goes — new, updated, already here, or left out with a reason.
  await expect(counts.locator('thead th')).toHaveText(['Anki deck', 'Notes', 'Cards in the deck', 'New', 'Updated', 'Already here', 'Left out', 'Reviews to import', 'Images']);
  await expect(row.locator('td')).toHaveText(['Step 1 deck.apkgAnki 2.1.50+ package', '4', '6', '5', '0', '0', '1', '6', '1']);
  await expect(counts.getByTestId('anki-skipped')).toContainText('1 — image occlusion cards are not supported yet');
  await page.screenshot({ path: join(SHOTS, 'import-anki-preview.png'), fullPage: true });

  await imp.importNow();
  await expect(imp.report.getByTestId('anki-counts').locator('tbody td').nth(3)).toHaveText('5');
  await expect(imp.report.getByTestId('anki-counts').locator('thead th').nth(7)).toHaveText('Reviews imported');
  const cards = await api<{ total: number; items: CardSummary[] }>(request, server, 'cards:list', {});
  expect(cards.total).toBe(5);
  expect(cards.items.map((c) => c.kind).sort()).toEqual(['basic', 'basic', 'basic', 'cloze', 'cloze']);

  await imp.again();
  await imp.pick(DECK);
  await expect(imp.preview.getByTestId('anki-counts').locator('tbody td')).toHaveText(['Step 1 deck.apkgAnki 2.1.50+ package', '4', '6', '0', '0', '5', '1', '0', '0']);
  await expect(imp.preview.locator('.notice', { hasText: 'already in your library' })).toHaveText(/importing again changes nothing/);
});

test('a broken Anki package is refused with its file named, and nothing changes', async ({ page, server, request }) => {
  const imp = new ImportModel(page, server);
  await imp.open();
  await imp.pick(BROKEN);
  await expect(imp.previewError).toContainText('broken.apkg (0): media file "heart.png" (zip member 0) is missing from the package');
  await expect(imp.confirm).toBeDisabled();
  const cards = await api<{ total: number }>(request, server, 'cards:list', {});
  expect(cards.total).toBe(5);
});

test('imported Anki cards are reviewed in the Flashcards session like any other card', async ({ page, server }) => {
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.goto('/cards');
  const session = page.getByTestId('review-session');
  await expect(session.getByTestId('show-answer')).toBeVisible();
  await page.keyboard.press('Space');
  // Interval previews on every grade button, e.g. "Good · 12d".
  for (const g of [1, 2, 3, 4]) await expect(session.getByTestId(`grade-${g}`)).toHaveText(/\d+(m|h|d|mo|y)/);
  await page.screenshot({ path: join(SHOTS, 'flashcards-anki-review.png'), fullPage: true });
});

test('Settings → Optimise: a plain message with too little history, initial stabilities only on a small one, then a better fit on imported Anki history', async ({ page, server, request }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.goto('/settings');
  const panel = page.getByTestId('optimizer');
  await expect(panel.getByTestId('weights-in-use')).toHaveText('the FSRS default weights');
  await panel.getByTestId('optimize').click();
  await expect(panel.getByTestId('optimize-result')).toContainText('Not enough reviews yet');
  await expect(panel.getByTestId('optimize-result')).toContainText('at least 8 are needed');

  // A small history (8–63 usable reviews) is not refused: only the initial stabilities change, and the panel says so.
  const small = buildPackage('legacy2', deckWithHistory(simulateHistories(6, 40, 5), 50_000));
  await api(request, server, 'packs:import', { files: [{ path: 'small.apkg', base64: Buffer.from(small).toString('base64') }] });
  await panel.getByTestId('optimize').click();
  await expect(panel.getByTestId('optimize-result')).toContainText('Initial stabilities updated');
  await expect(panel.getByTestId('optimize-result')).toContainText('only the initial stabilities change');
  await expect(panel.getByTestId('weights-in-use')).toHaveText('your optimised weights');

  const history = buildPackage('legacy2', deckWithHistory(simulateHistories(400, 365, 5)));
  await api(request, server, 'packs:import', { files: [{ path: 'history.apkg', base64: Buffer.from(history).toString('base64') }] });
  await panel.getByTestId('optimize').focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('optimize-result')).toContainText('New weights saved', { timeout: 60_000 });
  const cells = panel.getByTestId('optimizer-fit').locator('tbody tr').first().locator('td');
  const [before, after] = (await cells.allTextContents()).map(Number);
  expect(after).toBeLessThan(before!);
  await expect(panel.getByTestId('weights-in-use')).toHaveText('your optimised weights');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'settings-optimizer.png'), fullPage: true });
  await api(request, server, 'settings:set', { theme: 'dark' });
  await page.reload();
  await expect(panel.getByTestId('weights-in-use')).toHaveText('your optimised weights');
  await panel.getByTestId('optimize').focus();
  await page.screenshot({ path: join(SHOTS, 'settings-optimizer-dark.png'), fullPage: true });
});

test('Optimise can be cancelled from the Settings screen, and the weights stay as they were', async ({ page, server, request }) => {
  test.setTimeout(180_000);
  const big = buildPackage('legacy2', deckWithHistory(simulateHistories(4000, 730, 9), 100_000));
  await api(request, server, 'packs:import', { files: [{ path: 'big.apkg', base64: Buffer.from(big).toString('base64') }] });
  const before = await api<{ weights: number[] | null }>(request, server, 'cards:config');
  const app = new AppPage(page, server);
  await app.goto('/settings');
  const panel = page.getByTestId('optimizer');
  await panel.getByTestId('optimize').click();
  await expect(panel.getByTestId('optimize-progress')).toBeVisible();
  await panel.getByTestId('optimize-cancel').click();
  await expect(panel.getByTestId('optimize-cancelled')).toHaveText('Optimisation cancelled; your weights were not changed', { timeout: 60_000 });
  await expect(panel.getByTestId('optimize')).toBeEnabled();
  const after = await api<{ weights: number[] | null }>(request, server, 'cards:config');
  expect(after.weights).toEqual(before.weights);
});
