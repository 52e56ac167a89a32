/**
 * The app shell in browser mode: every screen is reachable from the sidebar and shows its title; a screenshot of
 * each goes to test-results/screens/ for a human to look at. Also the theme switch, a restart on the same database,
 * and the door's refusals seen from outside the browser.
 */
import { join } from 'node:path';
import { test, expect, REPO } from './fixtures';
import { AppPage } from './pages/AppPage';

const SCREENS_DIR = join(REPO, 'test-results/screens');

/** Sidebar label → the page's h1 → screenshot name. */
const SCREENS: { label: string; h1: string | RegExp; route: string; shot: string }[] = [
  { label: 'Home', h1: 'Welcome to Vignette', route: '/', shot: 'home' }, // a fresh database: first start
  { label: 'Library', h1: 'Library', route: '/library', shot: 'library' },
  { label: 'Import', h1: 'Import', route: '/import', shot: 'import' },
  { label: 'Create block', h1: 'Create block', route: '/create', shot: 'create-block' },
  { label: 'Blocks', h1: 'Blocks', route: '/blocks', shot: 'blocks' },
  { label: 'Review', h1: 'Review', route: '/review', shot: 'review' },
  { label: 'Flashcards', h1: 'Flashcards', route: '/cards', shot: 'flashcards' },
  { label: 'Dashboard', h1: 'Dashboard', route: '/dashboard', shot: 'dashboard' },
  { label: 'Notebook', h1: 'Notebook', route: '/notes', shot: 'notes' },
  { label: 'Settings', h1: 'Settings', route: '/settings', shot: 'settings' },
];

test('every screen is reachable from the sidebar and shows its title', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });

  const app = new AppPage(page, server);
  await app.goto('/');
  await expect(app.sidebar).toBeVisible();

  for (const screen of SCREENS) {
    await test.step(screen.label, async () => {
      await app.nav(screen.label);
      await expect(page).toHaveURL(new RegExp(`#${screen.route.replace(/\//g, '\\/')}$`));
      await expect(app.sidebar.getByRole('link', { name: screen.label, exact: true })).toHaveAttribute('aria-current', 'page');
      // Soft: one screen with the wrong title should not hide the state of the others.
      await expect.soft(app.heading, `h1 of ${screen.label}`).toHaveText(screen.h1);
      await expect(app.heading).toHaveCount(1);
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(SCREENS_DIR, `${screen.shot}.png`), fullPage: true });
    });
  }
  expect(errors).toEqual([]);
});

test('the theme switch in Settings turns the app dark, and it sticks', async ({ page, server }) => {
  const app = new AppPage(page, server);
  await app.goto('/settings');
  await expect(app.heading).toHaveText('Settings');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');

  await page.getByLabel('Theme').selectOption('dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  // The page background really changed, not just the attribute.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  expect(r! + g! + b!, `body background ${background}`).toBeLessThan(3 * 100);

  await app.nav('Home');
  await expect(app.heading).toHaveText('Welcome to Vignette');
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(SCREENS_DIR, 'home-dark.png'), fullPage: true });

  // Saved in the database: a fresh load is still dark.
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('data written before a server crash is there after a restart', async ({ page, server }) => {
  const set = await fetch(`${server.origin}/api/settings:set`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vignette-token': server.token },
    body: JSON.stringify({ examDate: '2031-05-20' }),
  });
  expect(await set.json()).toMatchObject({ ok: true, value: { examDate: '2031-05-20' } });

  const before = server.baseURL;
  await server.restart();
  expect(server.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
  expect(before).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);

  const app = new AppPage(page, server);
  await app.goto('/');
  // Home's countdown reads the exam date written before the crash.
  await expect(page.getByText(/days until your exam \(May 20/)).toBeVisible();
});

test('the API refuses requests without the token, with a wrong token, or from a foreign Origin', async ({ server }) => {
  const url = `${server.origin}/api/app:info`;
  const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });

  expect((await post({})).status).toBe(403);
  expect((await post({ 'x-vignette-token': 'wrong' })).status).toBe(403);
  expect((await post({ 'x-vignette-token': server.token, origin: 'http://evil.example' })).status).toBe(403);
  expect((await fetch(`${server.origin}/`)).status).toBe(403);

  const good = await post({ 'x-vignette-token': server.token });
  expect(good.status).toBe(200);
  expect(await good.json()).toMatchObject({ ok: true, value: { dbPath: server.dbPath } });
});
