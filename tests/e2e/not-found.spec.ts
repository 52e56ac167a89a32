/**
 * An address the app does not know (a stale bookmark, a typo, a link from an old version) shows a Not found screen
 * inside the app shell, with a way home — never the router's developer error page.
 */
import { test, expect } from './fixtures';
import { SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';

for (const route of ['/no-such-screen', '/dashboard/extra/parts', '/blocks/12/run/extra']) {
  test(`${route} shows Not found with a link home`, async ({ page, server }) => {
    const app = new AppPage(page, server);
    await app.goto(route);
    await expect(app.heading).toHaveText('Not found');
    await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
    await expect(page.getByTestId('not-found')).toContainText(route);
    // Still inside the app: the sidebar is there, and the link goes home.
    await expect(app.sidebar).toBeVisible();
    if (route === '/no-such-screen') await page.screenshot({ path: `${SHOTS}/not-found.png` });
    await page.getByTestId('not-found').getByRole('link', { name: 'Go to Home' }).click();
    await expect(page).toHaveURL(/#\/$/);
    await expect(app.heading).toHaveText(/^Welcome/);
  });
}
