/**
 * Imported Anki text as the student sees it (issue 14): a deck whose fields have the shapes that used to leave `**`
 * and `\1.` on screen, and an image in the middle of a sentence, is imported; Flashcards → Browse previews the
 * selected card rendered (front and back, sanitised) with no stray markup and the image where the note has it.
 */
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { api, SHOTS } from './helpers';
import { AppPage } from './pages/AppPage';
import { PNG, sampleDeck, type DeckSpec } from '../helpers/ankiPackage';
import { buildPackage } from '../helpers/ankiPackage';

function textDeck(): DeckSpec {
  const deck = sampleDeck();
  deck.noteTypes = deck.noteTypes.slice(0, 1);
  deck.notes = [
    { id: 21, mid: 1001, fields: ['<b>Korrelation </b>nach Pearson<b>:<br></b>Wertebereich?', '1. von −1<br>2. bis +1<div><b><i>nie</i></b> außerhalb</div>'] },
    { id: 22, mid: 1001, fields: ['Welche Welle zeigt <img src="heart.png"> dieses EKG?', 'Die <u>P-Welle</u> (H<sub>2</sub>O&nbsp;10<sup>3</sup>)'] },
  ];
  deck.cards = [
    { id: 201, nid: 21, did: 1, ord: 0 },
    { id: 202, nid: 22, did: 1, ord: 0 },
  ];
  deck.revlog = [];
  return deck;
}

test('Browse previews an imported Anki card as Anki shows it: no stray markup, the image in its place', async ({ page, server, request }) => {
  const bytes = buildPackage('legacy2', textDeck());
  await api(request, server, 'packs:import', { files: [{ path: 'Statistik.apkg', base64: Buffer.from(bytes).toString('base64') }] });
  const app = new AppPage(page, server);
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.goto('/cards/browse');

  const rows = page.getByTestId('card-row');
  await expect(rows).toHaveCount(2, { timeout: 30_000 }); // the first screen of a fresh server can be slow under load
  await rows.filter({ hasText: 'Korrelation' }).getByTestId('card-open').click();
  const preview = page.getByTestId('card-preview');
  const front = preview.getByTestId('preview-front');
  const back = preview.getByTestId('preview-back');
  // The first rendered card loads the core's sanitiser (jsdom) once; under a loaded machine that takes seconds.
  await expect(front).toHaveText(/Korrelation nach Pearson:\s*Wertebereich\?/, { timeout: 30_000 });
  await expect(front.locator('b').first()).toHaveText('Korrelation');
  await expect(back).toContainText('1. von −1');
  await expect(back).toContainText('2. bis +1');
  await expect(back.locator('b i, i b').first()).toHaveText('nie');
  for (const side of [front, back]) await expect(side).not.toContainText(/\*\*|\\|<\/?[a-z]/);
  await page.screenshot({ path: join(SHOTS, 'cards-browse-preview.png'), fullPage: true });

  await rows.filter({ hasText: 'Welche Welle' }).getByTestId('card-open').click();
  await expect(front).toContainText('Welche Welle zeigt');
  const img = front.locator('img');
  await expect(img).toHaveAttribute('src', `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`);
  // The image stands between "zeigt" and "dieses", as in the note.
  const order = await front.evaluate((el) => {
    const html = el.innerHTML;
    return [html.indexOf('zeigt'), html.indexOf('<img'), html.indexOf('dieses')];
  });
  expect(order[0]).toBeLessThan(order[1]!);
  expect(order[1]).toBeLessThan(order[2]!);
  await expect(back.locator('u')).toHaveText('P-Welle');
  await expect(back.locator('sub')).toHaveText('2');
  await expect(back.locator('sup')).toHaveText('3');
  await preview.getByRole('button', { name: 'Close preview' }).click();
  await expect(preview).toBeHidden();
});
