/**
 * Home says what is true: "Welcome" and the way to import on a first start (nothing imported, no block yet), "Welcome
 * back" afterwards; today's questions against a plan that stays put during the day, and a plan beaten says so instead
 * of "135 of 41 planned".
 */
import { test, expect } from './fixtures';
import { answerBlock, useMovedClock } from './clock';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime(); // November 2026
const clock = useMovedClock(at(7, 8));

test('first start: Welcome, and the way in is importing questions', async ({ page, server }) => {
  const app = new AppPage(page, server);
  await app.goto('/');
  await expect(app.heading).toHaveText('Welcome to Vignette');
  await expect(page.getByText('Welcome back')).toHaveCount(0);
  await expect(page.locator('.page-header')).toContainText('import');
  await page.screenshot({ path: `${SHOTS}/home-first-start.png`, fullPage: true });
  await page.locator('.page-header').getByRole('link', { name: 'Import questions' }).click();
  await expect(page).toHaveURL(/#\/import$/);
});

test("today's questions: under the plan reads 'n of m planned'; beyond it, the count and '✓ done', never '7 of 3 planned'", async ({ page, request, server }) => {
  test.setTimeout(120_000);
  await api(request, server, 'packs:loadSamples');
  // Step 2 CK on 10 January 2027: 64 days from 7 November. Five passes through the Step 2 CK pool.
  await api(request, server, 'settings:set', { exam: 'step2ck', examDate: '2027-01-10', planPasses: 5 });
  const pool = (await api<{ available: number }>(request, server, 'blocks:count', { filters: { exams: ['step2ck'] } })).available;
  const planned = Math.ceil((pool + 4 * pool) / 64); // nothing answered yet: the whole pool five times over 64 days
  expect(planned).toBeGreaterThan(2);
  const app = new AppPage(page, server);
  const today = page.getByTestId('today');

  // Two answered: under the plan.
  await answerBlock(request, server, clock, { start: at(7, 9), size: 2, filters: { exams: ['step2ck'] } });
  clock.set(at(7, 10));
  await app.goto('/');
  await expect(app.heading).toHaveText('Welcome back');
  await expect(today.getByTestId('today-questions')).toHaveText(new RegExp(`^Questions: 2 of ${planned} planned today`));

  // Then more than the plan: the plan for today did not shrink while answering, and it is marked done.
  await answerBlock(request, server, clock, { start: at(7, 11), size: planned + 3, filters: { exams: ['step2ck'] } });
  clock.set(at(7, 13));
  await page.reload();
  const answered = planned + 5;
  await expect(today.getByTestId('today-questions')).toHaveText(new RegExp(`^Questions: ${answered} answered today · plan ${planned} ✓ done`));
  await expect(today).not.toContainText(`${answered} of ${planned}`);
  await expect(page.getByTestId('today')).toBeVisible();
  await today.screenshot({ path: `${SHOTS}/home-plan-done.png` });
  // The dashboard's plan shows the same daily figure as Home.
  await app.goto('/dashboard');
  await expect(page.getByTestId('plan').getByTestId('plan-per-day-chosen')).toHaveText(String(planned));
});
