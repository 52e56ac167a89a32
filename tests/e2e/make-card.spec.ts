/**
 * "Make card" from a selection (issue 14): the selected words are the answer, so they go on the back, and the front
 * asks for them with the question as context; "Cloze" hides the selection within its sentence. A card the core
 * refuses (an emptied back) shows its message in the editor; nothing is ever thrown in the page.
 */
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { LibraryModel } from './pages/LibraryModel';
import type { CardSummary, CardView } from '../../src/shared/srs';
import type { QuestionListItem, QuestionView } from '../../src/shared/types';

/** Selects `words` inside the first element of `scope` that contains them, as a user's drag would, and lets go. */
async function selectWords(scope: Locator, words: string): Promise<void> {
  await scope.evaluate((root, w) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      n.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`"${w}" is not on the page`);
  }, words);
}

/** A few words from the middle of the explanation's first sentence that is long enough. */
async function someWords(explanation: Locator): Promise<string> {
  const text = (await explanation.innerText()).replace(/\s+/g, ' ');
  const sentence = text.split(/(?<=[.!?])\s/).find((s) => s.split(' ').length >= 8)!;
  return sentence.split(' ').slice(2, 6).join(' ');
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

test('Make card puts the selection on the back and the question on the front; Cloze hides it in its sentence; no uncaught error', async ({ page, server, request }) => {
  const errors = collectErrors(page);
  await api(request, server, 'packs:loadSamples');
  const found = await api<{ items: QuestionListItem[] }>(request, server, 'questions:search', { pageSize: 20 });
  const withExplanation = [];
  for (const item of found.items) {
    const q = await api<QuestionView>(request, server, 'questions:get', { id: item.id });
    if (q.explanationHtml && q.stemHtml.includes('?')) withExplanation.push(q);
  }
  const question = withExplanation[0]!;
  const lib = new LibraryModel(page, server);
  await page.setViewportSize({ width: 1280, height: 900 });
  await lib.open(question.id);
  const explanation = lib.preview.getByRole('region', { name: 'Explanation' }).locator('.question-text').first();
  await expect(explanation).toBeVisible();
  const words = await someWords(explanation);

  // Basic: the selection is the answer.
  await selectWords(explanation, words);
  await page.getByTestId('make-card').click();
  const editor = page.getByTestId('card-editor');
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('card-back')).toHaveValue(words);
  const front = await page.getByTestId('card-front').inputValue();
  expect(front).not.toContain(words);
  expect(front).toMatch(/\?/); // the question the stem asked, then the prompt
  const stemStart = (await lib.previewStem.innerText()).trim().split(/\s+/).slice(0, 3).join(' ');
  expect(front.startsWith(stemStart)).toBe(true);
  await expect(editor).toContainText(`Linked to question ${question.id}`);
  await page.screenshot({ path: join(SHOTS, 'make-card-basic.png'), fullPage: true });

  // A refused save shows its message and keeps the editor open.
  await page.getByTestId('card-back').fill('');
  await page.getByTestId('card-save').click();
  await expect(editor.locator('.error-box')).toContainText('The back of a basic card cannot be empty');
  await expect(editor).toBeVisible();
  await page.getByTestId('card-back').fill(words);
  await page.getByTestId('card-save').click();
  await expect(editor).toBeHidden();
  const basic = await api<{ items: CardSummary[] }>(request, server, 'cards:list', { kind: 'basic' });
  expect(basic.items).toHaveLength(1);
  const saved = await api<CardView>(request, server, 'cards:get', { cardId: basic.items[0]!.id });
  expect(saved.backMd).toBe(words);

  // Cloze: the selection hidden within its sentence.
  await selectWords(explanation, words);
  await page.getByTestId('make-cloze').click();
  const cloze = await page.getByTestId('card-front').inputValue();
  expect(cloze).toContain(`{{c1::${words}}}`);
  expect(cloze.length).toBeGreaterThan(`{{c1::${words}}}`.length);
  expect(cloze).toMatch(/[.!?…]\)?$/);
  await page.getByTestId('card-save').click();
  await expect(editor).toBeHidden();
  expect((await api<{ items: CardSummary[] }>(request, server, 'cards:list', { kind: 'cloze' })).items).toHaveLength(1);

  expect(errors).toEqual([]);
});
