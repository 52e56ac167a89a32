/**
 * Accessibility: axe-core on every screen, the runner and its dialogs included, fails on any violation of impact
 * serious or critical. axe is injected as a script, so this test alone runs with the page's CSP bypassed.
 * To cover a new screen, add a row to SCREENS (a route, or a route plus the steps that open a dialog).
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, REPO } from './fixtures';
import { api, SHOTS } from './helpers';

const AXE = join(REPO, 'node_modules/axe-core/axe.min.js');

interface Ids {
  blockId: number;
  finishedId: number;
  dayId: number;
  /** A block of the ECG-tagged sample questions, whose items carry images. */
  imageBlockId: number;
}
interface Screen {
  name: string;
  route: (ids: Ids) => string;
  /** Waits for the screen and opens whatever the row is about. */
  ready: (page: Page) => Promise<unknown>;
}

const heading = (page: Page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible();
const runner = (page: Page) => expect(page.getByTestId('stem')).not.toBeEmpty();

const SCREENS: Screen[] = [
  { name: 'home', route: () => '/', ready: heading },
  { name: 'library', route: () => '/library', ready: (p) => expect(p.getByRole('table').first()).toBeVisible() },
  { name: 'import', route: () => '/import', ready: heading },
  { name: 'create block', route: () => '/create', ready: (p) => expect(p.getByTestId('start-block')).toBeVisible() },
  { name: 'create: simulation', route: () => '/create', ready: (p) => p.getByTestId('preset-simulation').click() },
  { name: 'blocks', route: () => '/blocks', ready: (p) => expect(p.getByTestId('blocks-table')).toBeVisible() },
  { name: 'review list', route: () => '/review', ready: (p) => expect(p.getByTestId('blocks-table')).toBeVisible() },
  { name: 'block results', route: (i) => `/blocks/${i.finishedId}/review`, ready: (p) => expect(p.getByTestId('results-table')).toBeVisible() },
  { name: 'item review', route: (i) => `/blocks/${i.finishedId}/review/0`, ready: (p) => expect(p.getByRole('region', { name: 'Explanation' })).toBeVisible() },
  { name: 'review missed', route: () => '/review/missed', ready: heading },
  { name: 'answer changes', route: () => '/review/changes', ready: heading },
  { name: 'exam day', route: (i) => `/days/${i.dayId}`, ready: (p) => expect(p.getByTestId('day-blocks')).toBeVisible() },
  { name: 'flashcards', route: () => '/cards', ready: heading },
  { name: 'flashcards: browse', route: () => '/cards/browse', ready: heading },
  { name: 'flashcards: statistics', route: () => '/cards/stats', ready: heading },
  { name: 'dashboard', route: () => '/dashboard', ready: heading },
  { name: 'notes', route: () => '/notes', ready: heading },
  { name: 'settings', route: () => '/settings', ready: heading },
  { name: 'not found', route: () => '/no-such-screen', ready: heading },
  { name: 'runner', route: (i) => `/blocks/${i.blockId}/run`, ready: runner },
  { name: 'runner: help', route: (i) => `/blocks/${i.blockId}/run`, ready: async (p) => (await runner(p), p.getByRole('button', { name: 'Help' }).click()) },
  { name: 'runner: settings menu', route: (i) => `/blocks/${i.blockId}/run`, ready: async (p) => (await runner(p), p.getByTestId('open-settings').click()) },
  { name: 'runner: lab values', route: (i) => `/blocks/${i.blockId}/run`, ready: async (p) => (await runner(p), p.getByTestId('open-labs').click()) },
  { name: 'runner: calculator', route: (i) => `/blocks/${i.blockId}/run`, ready: async (p) => (await runner(p), p.getByTestId('open-calc').click()) },
  { name: 'runner: notes', route: (i) => `/blocks/${i.blockId}/run`, ready: async (p) => (await runner(p), p.getByTestId('open-note').click()) },
  { name: 'runner: image viewer', route: (i) => `/blocks/${i.imageBlockId}/run`, ready: openFirstImage },
  { name: 'runner: end dialog', route: (i) => `/blocks/${i.blockId}/run`, ready: async (p) => (await runner(p), p.getByTestId('end-block').click()) },
];

async function openFirstImage(page: Page): Promise<void> {
  await runner(page);
  for (let n = 1; n <= 3 && (await page.locator('.media-thumb').count()) === 0; n++) {
    await page.getByTestId(`nav-${n}`).click();
    await expect(page.getByTestId('item-count')).toHaveText(new RegExp(`^Item ${n} of`));
    await runner(page);
  }
  await page.locator('.media-thumb').first().click();
  await expect(page.getByTestId('image-viewer')).toBeVisible();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('no serious or critical axe violation on any screen, in light, dark and high contrast', async ({ browser, server, request }) => {
  test.setTimeout(240_000);
  await api(request, server, 'packs:loadSamples');
  // A finished block to review and an open one for the runner; an exam day between its blocks.
  const finished = await api<{ id: number }>(request, server, 'blocks:create', { filters: {}, size: 3, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 5 });
  await api(request, server, 'blocks:select', { blockId: finished.id, position: 0, choice: 0 });
  await api(request, server, 'blocks:end', { blockId: finished.id });
  const day = await api<{ id: number; currentBlockId: number }>(request, server, 'days:start', { formatId: 'step1-2026', filters: {}, blocks: 2, itemsPerBlock: 2, seed: 9 });
  await api(request, server, 'blocks:end', { blockId: day.currentBlockId });
  const open = await api<{ id: number }>(request, server, 'blocks:create', { filters: {}, size: 5, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 2 });
  const images = await api<{ id: number }>(request, server, 'blocks:create', { filters: { tags: ['ECG'] }, size: 3, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 1 });
  const ids: Ids = { blockId: open.id, finishedId: finished.id, dayId: day.id, imageBlockId: images.id };

  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  const failures: string[] = [];
  for (const look of [{ theme: 'light' }, { theme: 'dark' }, { theme: 'light', contrast: 'high' }]) {
    await api(request, server, 'settings:set', { contrast: 'normal', ...look });
    const theme = Object.values(look).join(' ');
    for (const screen of SCREENS) {
      // A fresh load per row: the same hash twice would keep the last row's dialog open.
      await page.goto('about:blank');
      await page.goto(`${server.baseURL}#${screen.route(ids)}`);
      await screen.ready(page);
      for (const v of await seriousViolations(page)) {
        failures.push(`${theme} · ${screen.name}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
      }
    }
  }
  await page.screenshot({ path: `${SHOTS}/a11y-last-screen.png` });
  await context.close();
  expect(failures, failures.join('\n')).toEqual([]);
});
