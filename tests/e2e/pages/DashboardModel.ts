/** Page model for the readiness dashboard. */
import type { Locator, Page } from '@playwright/test';

export class DashboardModel {
  constructor(readonly page: Page) {}

  get perfRows(): Locator {
    return this.page.getByTestId('performance').getByTestId('perf-row');
  }
  get trendPoints(): Locator {
    return this.page.locator('[data-testid=trend-chart] .recharts-scatter-symbol');
  }
  get trendTableRows(): Locator {
    return this.page.getByTestId('trend-table').locator('tbody tr');
  }
  readiness(testId: string): Locator {
    return this.page.getByTestId('readiness').getByTestId(testId);
  }
  get log(): Locator {
    return this.page.getByTestId('assessment-log');
  }
  /** Fills and submits the self-assessment form. */
  async logResult(opts: { product: string; form?: string; date: string; score: string }): Promise<void> {
    await this.log.getByTestId('sa-product').selectOption({ label: opts.product });
    if (opts.form) await this.log.getByTestId('sa-form').selectOption(opts.form);
    await this.log.getByTestId('sa-date').fill(opts.date);
    await this.log.getByTestId('sa-score').fill(opts.score);
    await this.log.getByTestId('sa-save').click();
  }
}
