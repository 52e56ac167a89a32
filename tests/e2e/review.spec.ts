/**
 * Learn from every miss, end to end in Chromium: finish a 10-item block with scripted answers (two of them changed),
 * open the results, filter to incorrect, step through every item with the keyboard tagging reasons, write a note;
 * find the note in the Notebook by a word in its body and follow its link back; Review missed lists exactly the
 * questions whose latest attempt was wrong or omitted, and builds a block from them.
 */
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { RunnerModel } from './pages/RunnerPage';
import { AppPage } from './pages/AppPage';
import { ItemReviewModel, MissedModel, ResultsModel } from './pages/ReviewModel';

interface Block {
  id: number;
  items: { position: number; questionId: number }[];
}

// Per item: the picks in order. R = the right answer, W = a wrong one, '' = left unanswered.
const SCRIPT: ('R' | 'W')[][] = [['R'], ['W', 'R'], ['R', 'W'], ['R'], ['W'], ['W'], ['R'], [], ['W'], ['R']];
const INCORRECT = [2, 4, 5, 8];
const OMITTED = [7];
const REASON_KEYS = ['1', '2', '3', '6'];
const REASON_CODES = ['knowledge', 'misread', 'reasoning', 'careless'];
const LETTERS = 'ABCDEFGH';

test('results, keyboard item review with reasons and a note, notebook, review missed and a block from it', async ({ page, server, request }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await api(request, server, 'packs:loadSamples');
  const block = await api<Block>(request, server, 'blocks:create', { filters: {}, size: 10, mode: 'timed', secondsPerQuestion: 90, order: 'random', seed: 11 });
  const answers: number[] = [];
  for (const item of block.items) answers.push((await api<{ answerIndex: number }>(request, server, 'questions:get', { id: item.questionId })).answerIndex);

  // Take the block in the runner: click the picks, move on with →.
  await page.goto(`${server.baseURL}#/blocks/${block.id}/run`);
  const runner = new RunnerModel(page);
  for (const [position, picks] of SCRIPT.entries()) {
    await runner.expectItem(position + 1, 10);
    for (const pick of picks) {
      const choice = pick === 'R' ? answers[position]! : (answers[position]! + 1) % 4;
      await runner.choice(LETTERS[choice]!).click();
      await expect(runner.choice(LETTERS[choice]!)).toHaveAttribute('aria-checked', 'true');
    }
    if (position < 9) await page.keyboard.press('ArrowRight');
  }
  await page.getByTestId('end-block').click();
  await page.getByTestId('end-confirm').click();

  // Results: score, answer changes, and the table.
  const results = new ResultsModel(page);
  await expect(page.getByTestId('review-score')).toContainText('5 of 10 correct');
  await expect(results.rows).toHaveCount(10);
  await expect(page.getByTestId('changes-correct_to_incorrect')).toContainText('1');
  await expect(page.getByTestId('changes-incorrect_to_correct')).toContainText('1');
  await expect(page.getByTestId('changes-incorrect_to_incorrect')).toContainText('0');
  await page.screenshot({ path: `${SHOTS}/review-results.png`, fullPage: true });
  await results.filter('changed').click();
  await expect(results.rows).toHaveCount(2);
  await results.filter('incorrect').click();
  await expect(results.rows).toHaveCount(INCORRECT.length);
  await expect(results.rows.first()).toContainText(`${INCORRECT[0]! + 1}`);

  // Item review: Enter on the first row, then the keyboard only.
  await results.rows.first().focus();
  await page.keyboard.press('Enter');
  const review = new ItemReviewModel(page);
  for (const [i, position] of INCORRECT.entries()) {
    await review.expectAt(i + 1, INCORRECT.length);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Item ${position + 1} of 10`);
    await expect(page.getByTestId('outcome-banner')).toContainText('Incorrect');
    await page.keyboard.press(REASON_KEYS[i]!);
    await expect(review.reason(REASON_CODES[i]!)).toHaveAttribute('aria-pressed', 'true');
    if (i === 0) {
      await page.keyboard.press('n');
      await expect(page.getByTestId('note-editor')).toBeFocused();
      await page.keyboard.type('Loop of Henle pearl: remember the **quokkaline** mnemonic.');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('note-status')).toHaveText('Saved');
      await page.keyboard.press('?');
      await expect(page.getByTestId('review-help')).toContainText('why I missed it');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('review-help')).toBeHidden();
      await page.screenshot({ path: `${SHOTS}/review-item.png`, fullPage: true });
    }
    if (i === 1) {
      // Changeable: another key replaces the reason; the same key again would clear it.
      await page.keyboard.press('1');
      await expect(review.reason('knowledge')).toHaveAttribute('aria-pressed', 'true');
      await page.keyboard.press('2');
      await expect(review.reason('misread')).toHaveAttribute('aria-pressed', 'true');
    }
    if (i < INCORRECT.length - 1) await page.keyboard.press(i % 2 ? 'ArrowRight' : 'j');
  }
  await expect(page.getByTestId('review-next')).toBeDisabled();
  await page.keyboard.press('k');
  await review.expectAt(INCORRECT.length - 1, INCORRECT.length);
  await page.keyboard.press('Escape');
  await expect(results.rows).toHaveCount(INCORRECT.length);
  await page.getByTestId('filter-reason').selectOption('reason:knowledge');
  await expect(results.rows).toHaveCount(1);
  // The tags are stored on the attempts.
  const tagged = await api<{ items: { position: number; reason: string | null }[] }>(request, server, 'review:results', { blockId: block.id });
  expect(INCORRECT.map((p) => tagged.items[p]!.reason)).toEqual(REASON_CODES);

  // Notebook: the note is found by a word in its body, highlighted, and links back to the question's review.
  const app = new AppPage(page, server);
  await app.nav('Notebook');
  await page.getByTestId('notes-search').fill('quokkaline');
  await expect(page.getByTestId('note-row')).toHaveCount(1);
  await expect(page.getByTestId('note-row').locator('mark.hit')).toHaveText('quokkaline');
  await page.getByTestId('note-row').click();
  await expect(page.getByTestId('note-view')).toContainText('quokkaline');
  await page.screenshot({ path: `${SHOTS}/notebook.png`, fullPage: true });
  await page.getByTestId('note-question-link').click();
  await expect(page).toHaveURL(new RegExp(`#/blocks/${block.id}/review/${INCORRECT[0]}$`));
  await expect(page.getByTestId('note-editor')).toHaveValue(/quokkaline/);

  // Review missed: exactly the questions whose latest attempt was wrong or omitted.
  await app.nav('Review');
  await page.getByTestId('open-missed').click();
  const missed = new MissedModel(page);
  const expected = [...INCORRECT, ...OMITTED].map((p) => block.items[p]!.questionId).sort((a, b) => a - b);
  await expect(missed.rows).toHaveCount(expected.length);
  expect(await missed.questionIds()).toEqual(expected);
  await expect(page.getByTestId('missed-total')).toHaveText(String(expected.length));
  await page.getByTestId('missed-reason').selectOption('careless');
  await expect(missed.rows).toHaveCount(1);
  await page.getByTestId('missed-reason').selectOption('');
  await expect(missed.rows).toHaveCount(expected.length);
  // Read the explanation right there: a row shows its question beside the list.
  await missed.rows.first().click();
  await expect(page.getByTestId('question-preview').getByRole('region', { name: 'Explanation' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-missed.png`, fullPage: true });

  // Build a block from these: Create block opens with the selection as its pool.
  await page.getByTestId('build-from-missed').click();
  await expect(page.getByTestId('pool-banner')).toContainText(`${expected.length} questions`);
  await expect(page.getByTestId('available')).toContainText(String(expected.length));
  await page.getByTestId('size').fill(String(expected.length));
  await page.screenshot({ path: `${SHOTS}/builder-pool.png`, fullPage: true });
  await page.getByTestId('start-block').click();
  await runner.expectItem(1, expected.length);
  const newId = Number(/#\/blocks\/(\d+)\/run/.exec(page.url())![1]);
  const drawn = await api<Block>(request, server, 'blocks:get', { blockId: newId });
  expect(drawn.items.map((i) => i.questionId).sort((a, b) => a - b)).toEqual(expected);
});

test('deleting a note in the Notebook can be undone, and bad reasons are refused with the field named', async ({ page, server, request }) => {
  await api(request, server, 'packs:loadSamples');
  const question = (await api<{ items: { id: number }[] }>(request, server, 'questions:search', { pageSize: 1 })).items[0]!;
  await api(request, server, 'notes:save', { questionId: question.id, text: 'Undo me: wombatine fact' });
  const app = new AppPage(page, server);
  await app.goto('/notes');
  await page.getByTestId('notes-search').fill('wombatine');
  await expect(page.getByTestId('note-row')).toHaveCount(1);
  await page.getByTestId('note-row').click();
  await page.getByTestId('note-delete').click();
  await expect(page.getByTestId('undo-bar')).toBeVisible();
  await expect(page.getByTestId('note-row')).toHaveCount(0);
  await page.getByTestId('undo-delete').click();
  await expect(page.getByTestId('note-row')).toHaveCount(1);
  await expect(page.getByTestId('note-view')).toContainText('wombatine');
  // Edit in place.
  await page.getByTestId('note-edit').click();
  await page.getByTestId('note-edit-text').fill('Edited: wombatine and numbat');
  await page.getByTestId('note-save').click();
  await expect(page.getByTestId('note-view')).toContainText('numbat');

  const res = await request.post(`${server.origin}/api/review:tag`, { headers: { 'x-vignette-token': server.token }, data: { blockId: 1, position: 0, reason: 'bored' } });
  const body = (await res.json()) as { ok: boolean; error: { details: { field: string }[] } };
  expect(body.ok).toBe(false);
  expect(body.error.details[0]!.field).toBe('reason');
});

test('dark mode: results and item review keep their colours and focus rings; the library writes the same note', async ({ page, server, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await api(request, server, 'packs:loadSamples');
  await api(request, server, 'settings:set', { theme: 'dark' });
  const block = await api<Block>(request, server, 'blocks:create', { filters: {}, size: 3, mode: 'tutor', secondsPerQuestion: null, order: 'random', seed: 5 });
  await api(request, server, 'blocks:select', { blockId: block.id, position: 0, choice: 0 });
  await api(request, server, 'blocks:select', { blockId: block.id, position: 0, choice: 1 });
  await api(request, server, 'blocks:end', { blockId: block.id });
  await page.goto(`${server.baseURL}#/blocks/${block.id}/review`);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const results = new ResultsModel(page);
  await expect(results.rows).toHaveCount(3);
  await page.keyboard.press('Tab');
  await results.rows.first().focus();
  await expect(results.rows.first()).toBeFocused();
  const outline = await results.rows.first().evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.screenshot({ path: `${SHOTS}/review-results-dark.png`, fullPage: true });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('item-review')).toBeVisible();
  await page.getByTestId('reason-bar').getByRole('button').first().focus();
  await page.screenshot({ path: `${SHOTS}/review-item-dark.png` });

  // A note written in the library is the same note the review shows.
  const questionId = block.items[0]!.questionId;
  await page.goto(`${server.baseURL}#/library?question=${questionId}`);
  await page.locator('#library-note').fill('Library note: platypine');
  await expect(page.getByTestId('question-preview').getByTestId('note-status')).toHaveText('Saved');
  const stored = await api<{ text: string }>(request, server, 'notes:question', { questionId });
  expect(stored.text).toBe('Library note: platypine');
  await page.goto(`${server.baseURL}#/blocks/${block.id}/review/0`);
  await expect(page.getByTestId('note-editor')).toHaveValue('Library note: platypine');
});
