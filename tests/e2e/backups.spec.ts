/**
 * Settings → Backups in Chromium: Back up now, change something, Restore… from the list, and the app shows the
 * restored data; the data from before the restore is listed as its own backup.
 */
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';

test('Back up now, then Restore from the list brings the old data back and keeps the replaced data', async ({ page, server, request }) => {
  await api(request, server, 'settings:set', { examDate: '2027-03-01' });
  const app = new AppPage(page, server);
  await app.goto('/settings');
  await expect(app.heading).toHaveText('Settings');

  const section = page.getByRole('region', { name: 'Backups' });
  const rows = section.getByTestId('backup-row');
  // The owner made the daily backup when it started.
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Daily');

  await section.getByRole('button', { name: 'Back up now' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Made by you');
  const manual = await rows.first().getAttribute('data-name');

  // Change the exam date after the backup, in the UI.
  await page.locator('#exam-date').fill('2030-01-01');
  await expect.poll(async () => (await api<{ examDate: string }>(request, server, 'settings:get')).examDate).toBe('2030-01-01');

  await rows.first().getByRole('button', { name: /^Restore the backup of/ }).click();
  const confirm = section.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Restore' })).toBeFocused();
  await page.screenshot({ path: join(SHOTS, 'settings-restore-confirm.png'), fullPage: true });
  await page.keyboard.press('Enter');

  await expect(section.getByTestId('restore-done')).toContainText('Restored the backup of');
  await expect(page.locator('#exam-date')).toHaveValue('2027-03-01');
  expect((await api<{ examDate: string }>(request, server, 'settings:get')).examDate).toBe('2027-03-01');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Before a restore');
  await expect(section.locator(`[data-name="${manual}"]`)).toHaveCount(1);
  await page.screenshot({ path: join(SHOTS, 'settings-backups.png'), fullPage: true });

  await page.getByLabel('Theme').selectOption('dark');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'settings-backups-dark.png'), fullPage: true });
});
