// Opening the popup for a tab, as the popup and brief tests do: a toolbar popup cannot be opened
// headless, so the popup page is opened with `?tab=<id>` for the tab it should speak for.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './harness';

declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };

/**
 * The tab id of an open page, asked of the extension's service worker. The extension sees the address
 * of http(s) tabs only (it has no `tabs` permission): another page is found as the active tab once
 * brought to the front.
 */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const url = page.url();
  let id = await browser.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined && !/^https?:/.test(url)) {
    await page.bringToFront();
    id = await browser.serviceWorker.evaluate(async () => {
      const active = await chrome.tabs.query({ active: true });
      return active.length === 1 ? active[0]!.id : undefined;
    });
  }
  if (id === undefined) throw new Error(`no tab for ${url}`);
  return id;
}

/** The popup for `page`'s tab, 340 px wide (its width in the toolbar), once it has rendered. */
export async function openPopupFor(browser: ExtensionBrowser, page: Page, height = 600): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 340, height });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${await tabIdOf(browser, page)}`);
  await popup.locator('main[aria-busy="false"]').waitFor();
  return popup;
}
