/** Page model for the app shell: routes (hash router) and the sidebar. Screen-specific models build on it. */
import type { Locator, Page } from '@playwright/test';
import type { VignetteServer } from '../fixtures';

export class AppPage {
  constructor(
    readonly page: Page,
    private readonly server: VignetteServer,
  ) {}

  /** Opens a route, e.g. goto('/settings'); the ?token= in baseURL authenticates the page. */
  async goto(route = '/'): Promise<void> {
    await this.page.goto(`${this.server.baseURL}#${route.startsWith('/') ? route : `/${route}`}`);
  }

  get sidebar(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  /** Clicks a sidebar link by its visible name, e.g. nav('Create block'). */
  async nav(label: string): Promise<void> {
    await this.sidebar.getByRole('link', { name: label, exact: true }).click();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
}
