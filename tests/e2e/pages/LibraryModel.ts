/** Page model for the Library: packs, search, facet chips, results and the question preview. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { VignetteServer } from '../fixtures';
import { AppPage } from './AppPage';

export class LibraryModel extends AppPage {
  constructor(page: Page, server: VignetteServer) {
    super(page, server);
  }

  /** Opens the Library, optionally with a question selected (`#/library?question=<id>`). */
  async open(questionId?: number): Promise<void> {
    await this.goto(questionId ? `/library?question=${questionId}` : '/library');
    await expect(this.heading).toHaveText('Library');
  }

  get search(): Locator {
    return this.page.getByTestId('library-search');
  }
  get packRows(): Locator {
    return this.page.getByTestId('pack-row');
  }
  packRow(title: string): Locator {
    return this.packRows.filter({ hasText: title });
  }
  get results(): Locator {
    return this.page.getByTestId('result-row');
  }
  get total(): Locator {
    return this.page.getByTestId('result-total');
  }
  get preview(): Locator {
    return this.page.getByTestId('question-preview');
  }
  /** The stem inside the preview. */
  get previewStem(): Locator {
    return this.preview.getByTestId('stem');
  }

  /** The number the "N questions" label shows (waits until it shows one). */
  async totalCount(): Promise<number> {
    await expect(this.total).toHaveText(/^[\d,]+ questions?$/);
    return Number((await this.total.innerText()).replace(/[^\d]/g, ''));
  }

  /** Types a query and waits until the total reflects it (the search is debounced). */
  async searchFor(text: string, expectedTotal?: number): Promise<void> {
    await this.search.fill(text);
    if (expectedTotal !== undefined) await expect(this.total).toHaveText(`${expectedTotal.toLocaleString('en-US')} question${expectedTotal === 1 ? '' : 's'}`);
  }

  /** A facet chip, e.g. chip('Exam', 'Step 1'): its accessible name is the label followed by the count. */
  chip(group: string, label: string): Locator {
    return this.page
      .getByRole('group', { name: group, exact: true })
      .getByRole('button', { name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[\\d,]+$`) });
  }

  /** Removes a pack with its inline confirmation. */
  async removePack(title: string): Promise<void> {
    await this.packRow(title).getByRole('button', { name: `Remove ${title}` }).click();
    const confirm = this.page.getByRole('alertdialog', { name: `Remove ${title}?` });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Remove pack' }).click();
    await expect(confirm).toBeHidden();
  }
}
