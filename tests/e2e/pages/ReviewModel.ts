/** Page models for the review screens: block results, item review, review missed; and the Notebook. */
import { expect, type Locator, type Page } from '@playwright/test';

export class ResultsModel {
  constructor(readonly page: Page) {}
  get rows(): Locator {
    return this.page.getByTestId('result-row');
  }
  filter(name: 'all' | 'incorrect' | 'marked' | 'omitted' | 'changed'): Locator {
    return this.page.getByTestId(`filter-${name}`);
  }
}

export class ItemReviewModel {
  constructor(readonly page: Page) {}
  get position(): Locator {
    return this.page.getByTestId('review-position');
  }
  reason(code: string): Locator {
    return this.page.getByTestId(`reason-${code}`);
  }
  async expectAt(n: number, of: number): Promise<void> {
    await expect(this.position).toContainText(`${n} of ${of}`);
    await expect(this.page.getByTestId('stem')).not.toBeEmpty();
  }
}

export class MissedModel {
  constructor(readonly page: Page) {}
  get rows(): Locator {
    return this.page.getByTestId('missed-row');
  }
  async questionIds(): Promise<number[]> {
    const ids = await this.rows.evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.questionId)));
    return ids.sort((a, b) => a - b);
  }
}
