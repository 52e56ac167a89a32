/**
 * Playwright drives browser mode (`src/main/serve.ts`) in Debian's Chromium: the Electron binary cannot be downloaded
 * on our machines, and `npx playwright install` needs the network. There is no webServer block: each spec file starts
 * its own server on a fresh database through the fixture in tests/e2e/fixtures.ts.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: one worker keeps the server, the browser and the test runner from starving each other.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  retries: 0,
  outputDir: 'test-results/',
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    launchOptions: {
      // Fall back to Playwright's own browser when the system Chromium is absent.
      ...(existsSync(chromium) ? { executablePath: chromium } : {}),
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    screenshot: 'off',
    trace: 'off',
  },
});
