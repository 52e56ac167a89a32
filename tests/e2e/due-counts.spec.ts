/**
 * Due counts (issue 14, item 5): Home, the Dashboard and Flashcards show the same "N due now · M due today" for the
 * same database and moment, and it is what the core's one definition (cards:counts) says.
 */
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';

type Counts = { dueNow: number; dueToday: number };
type Session = { next: { card: { id: number }; shownAt: number } | null };

test('Home, Dashboard and Flashcards show the same due now / due today', async ({ page, server, request }) => {
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1280, height: 900 });
  const examDate = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  await api(request, server, 'settings:set', { examDate });
  for (let i = 0; i < 5; i++) await api(request, server, 'cards:create', { kind: 'basic', frontMd: `Front ${i}`, backMd: `Back ${i}` });
  // One card answered Good: in learning for ten minutes, so due today but not now.
  const s = await api<Session>(request, server, 'cards:session');
  await api(request, server, 'cards:answer', { cardId: s.next!.card.id, rating: 3, shownAt: s.next!.shownAt });
  const counts = await api<Counts>(request, server, 'cards:counts');
  expect(counts).toMatchObject({ dueNow: 4, dueToday: 5 });

  const shown = async (scope: ReturnType<typeof page.getByTestId>) => {
    const due = scope.getByTestId('due-counts');
    await expect(due).toHaveText(`${counts.dueNow} due now · ${counts.dueToday} due today`);
    return due.textContent();
  };
  await app.goto('/');
  const home = await shown(page.getByTestId('today'));
  await page.screenshot({ path: `${SHOTS}/due-home.png` });
  await app.goto('/dashboard');
  const dashboard = await shown(page.getByTestId('memory'));
  await page.getByTestId('memory').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/due-dashboard.png` });
  await app.goto('/cards');
  const flashcards = await shown(page.getByTestId('due-summary'));
  await page.screenshot({ path: `${SHOTS}/due-flashcards.png` });
  expect(new Set([home, dashboard, flashcards]).size).toBe(1);
});
