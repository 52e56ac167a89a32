/** Page model for the Import screen (browser mode: files are picked through the hidden file input). */
import { expect, type Locator, type Page } from '@playwright/test';
import type { VignetteServer } from '../fixtures';
import { AppPage } from './AppPage';

/** One row of the counts table (preview or report), keyed by column header. */
export interface PackCountRow {
  Pack: string;
  Format: string;
  Added: string;
  Updated: string;
  Unchanged: string;
  Retired: string;
  Total: string;
}

export class ImportModel extends AppPage {
  constructor(page: Page, server: VignetteServer) {
    super(page, server);
  }

  async open(): Promise<void> {
    await this.goto('/import');
    await expect(this.heading).toHaveText('Import');
  }

  get fileInput(): Locator {
    return this.page.getByTestId('import-file-input');
  }
  get preview(): Locator {
    return this.page.getByTestId('import-preview');
  }
  get confirm(): Locator {
    return this.page.getByTestId('import-confirm');
  }
  get report(): Locator {
    return this.page.getByTestId('import-report');
  }
  get skipInvalid(): Locator {
    return this.page.getByTestId('skip-invalid');
  }
  get format(): Locator {
    return this.page.getByTestId('import-format');
  }
  /** The preview's error box (problems found by the dry run). */
  get previewError(): Locator {
    return this.page.getByRole('region', { name: '2. Check and import' }).locator('.error-box');
  }

  /** Picks files as the "Choose files…" button would, and waits for the dry run to finish (preview or error). */
  async pick(...paths: string[]): Promise<void> {
    await this.fileInput.setInputFiles(paths);
    await expect(this.page.getByTestId('import-picked')).toBeVisible();
    await expect(this.preview.or(this.previewError)).toBeVisible({ timeout: 30_000 });
  }

  /** Clicks Import and waits for the report. */
  async importNow(): Promise<void> {
    await expect(this.confirm).toBeEnabled();
    await this.confirm.click();
    await expect(this.report).toBeVisible({ timeout: 30_000 });
  }

  /** The rows of the counts table in the preview. */
  async previewCounts(): Promise<PackCountRow[]> {
    return readCounts(this.preview.locator('table.import-counts'));
  }

  /** The report line of one pack, e.g. "Imported MedQA …: 1,273 added, 0 updated, 1,273 unchanged, 0 retired — file". */
  reportLine(title: string | RegExp): Locator {
    return this.report.locator('.report-line').filter({ hasText: title });
  }

  /** "Import more files" on the report: back to an empty picker. */
  async again(): Promise<void> {
    await this.report.getByRole('button', { name: 'Import more files' }).click();
    await expect(this.page.getByTestId('import-dropzone')).toBeVisible();
  }
}

async function readCounts(table: Locator): Promise<PackCountRow[]> {
  await expect(table).toBeVisible();
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const rows: PackCountRow[] = [];
  for (const row of await table.locator('tbody tr').all()) {
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    rows.push(Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])) as unknown as PackCountRow);
  }
  return rows;
}
