/** Page model for the exam runner. */
import { expect, type Locator, type Page } from '@playwright/test';

export class RunnerModel {
  constructor(readonly page: Page) {}

  get itemCount(): Locator {
    return this.page.getByTestId('item-count');
  }
  choice(letter: string): Locator {
    return this.page.getByTestId(`choice-${letter}`);
  }
  nav(n: number): Locator {
    return this.page.getByTestId(`nav-${n}`);
  }
  async expectItem(n: number, of: number): Promise<void> {
    await expect(this.itemCount).toHaveText(`Item ${n} of ${of}`);
    await expect(this.page.getByTestId('stem')).not.toBeEmpty();
  }
  /** Remaining block time as the screen shows it, in ms (from the clock's data attribute). */
  async remainingMs(): Promise<number> {
    return Number(await this.page.getByTestId('clock').getAttribute('data-remaining-ms'));
  }
  /** Selects stem characters [start, end) the way a mouse drag would, then releases the mouse. */
  async highlightStem(start: number, end: number): Promise<string> {
    return this.page.getByTestId('stem').evaluate(
      (el, [s, e]) => {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        let pos = 0;
        const range = document.createRange();
        let startSet = false;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = (n as Text).data.length;
          if (!startSet && s! < pos + len) {
            range.setStart(n, s! - pos);
            startSet = true;
          }
          if (startSet && e! <= pos + len) {
            range.setEnd(n, e! - pos);
            break;
          }
          pos += len;
        }
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        const text = range.toString();
        el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return text;
      },
      [start, end],
    );
  }
}
