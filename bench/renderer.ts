/**
 * The renderer row: real Chromium against browser mode on the big bank. It clicks "Next" and reads the
 * performance measure the runner records from the click to the next item's paint.
 */
import { existsSync } from 'node:fs';
import type { Api } from '../src/main/core/api';
import type { Db } from '../src/main/core/db/open';
import { startHttpDoor } from '../src/main/doors/http';

export async function measureRenderer(api: Api, _db: Db, rendererDir: string): Promise<{ samples: number[]; skipped?: string }> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return { samples: [], skipped: `no Chromium at ${executablePath}` };
  if (!existsSync(`${rendererDir}/index.html`)) return { samples: [], skipped: 'renderer not built (run npm run build)' };
  const { chromium } = await import('@playwright/test');
  const door = await startHttpDoor({ api, rendererDir });
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const block = await api.call('blocks:create', { filters: {}, size: 40, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 99 });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${door.url}#/blocks/${block.id}/run`);
    await page.getByTestId('stem').waitFor();
    for (let i = 0; i < 30; i++) {
      await page.getByTestId('next').click();
      await page.getByTestId('item-count').filter({ hasText: `Item ${i + 2} of` }).waitFor();
    }
    const samples = await page.evaluate(() => performance.getEntriesByName('vignette:next-item').map((e) => e.duration));
    return { samples };
  } finally {
    await browser.close();
    await door.close();
  }
}
