// A long page read lazily (issue 10), in Chromium with the built extension: the top frame reads about
// 20,000 characters, then reads on only as the reader scrolls near where it stopped, or asks for the
// whole page (the popup's report, stepping from term to term). Until then the badge shows its count
// as a lower bound ("2+"). Screenshots: test-results/long-page-*.png.
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { screenshot, waitFor, type ExtensionBrowser } from './harness';
import { painted, setUserGlossary, tally, TEST_GLOSSARY } from './highlight-support';
import { openPopupFor, tabIdOf } from './popup-helpers';
import { writeLongPage } from './long-page-fixture';
import { useExtensionBrowser } from './use-extension';
import { readTooltip } from './tooltip-helpers';

declare const chrome: { action: { getBadgeText(details: { tabId: number }): Promise<string> } };

const fixture = useExtensionBrowser();

let browser: ExtensionBrowser;
let longPage = '';
beforeAll(async () => {
  longPage = writeLongPage();
  browser = fixture.browser;
  await setUserGlossary(browser, TEST_GLOSSARY);
});

/** A fresh tab on the long page, once Tifa painted the terms at its top. */
async function openLongPage(): Promise<Page> {
  const page = await browser.open(fixture.server.url(longPage));
  await expect.poll(async () => tally(await painted(page)), { timeout: 10_000 }).toEqual({ 两个维护: 1, 四个意识: 1 });
  return page;
}

const badge = async (page: Page) => {
  const tabId = await tabIdOf(browser, page);
  return browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
};
const pageCount = (page: Page) => browser.askPage<{ count: number; partial: boolean }>(page, { type: 'tifa:page-count' });

test('only the text near the view is read at first; the badge says there may be more', async () => {
  const page = await openLongPage();
  expect(await pageCount(page)).toMatchObject({ count: 2, partial: true });
  await expect.poll(() => badge(page), { timeout: 10_000 }).toBe('2+');
  // A moment later nothing more was read: the rest is screens away.
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(tally(await painted(page))).toEqual({ 两个维护: 1, 四个意识: 1 });
  await screenshot(page, 'long-page-top');
  await page.close();
});

test('scrolling reads on: the middle and then the end are highlighted as the reader reaches them', async () => {
  const page = await openLongPage();
  await page.evaluate(() => document.getElementById('p39')?.scrollIntoView({ block: 'center' }));
  await expect.poll(async () => tally(await painted(page)), { timeout: 10_000 }).toHaveProperty('十四五', 1);
  await screenshot(page, 'long-page-middle');
  // The End key jumps past everything unread: the paragraph where reading stopped is now above the view.
  await page.keyboard.press('End');
  await expect.poll(async () => tally(await painted(page)), { timeout: 10_000 }).toEqual({ 两个维护: 1, 四个意识: 1, 十四五: 1, 回头看: 1 });
  await expect.poll(() => pageCount(page), { timeout: 10_000 }).toMatchObject({ count: 4, partial: false });
  await expect.poll(() => badge(page), { timeout: 10_000 }).toBe('4');
  await screenshot(page, 'long-page-end');
  await page.close();
});

test('opened at an anchor far down, the page is read on to the view, and the term there is painted', async () => {
  const page = await browser.open(fixture.server.url(`${longPage}#p79`));
  await expect.poll(async () => tally(await painted(page)), { timeout: 10_000 }).toHaveProperty('回头看', 1);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(10_000);
  await screenshot(page, 'long-page-anchor');
  await page.close();
});

test("the popup's report reads the whole page: terms at the end are listed, and the badge is exact", async () => {
  const page = await openLongPage();
  const popup = await openPopupFor(browser, page);
  const listed = popup.getByText('回头看', { exact: true });
  await expect.poll(() => listed.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await pageCount(page)).toMatchObject({ count: 4, partial: false });
  await expect.poll(() => badge(page), { timeout: 10_000 }).toBe('4');
  await screenshot(popup, 'long-page-popup');
  await popup.close();
  await page.close();
});

test('stepping from term to term reaches the terms at the end', async () => {
  const page = await openLongPage();
  await page.bringToFront();
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Alt+Shift+Period');
    const tip = await waitFor(async () => {
      const now = await readTooltip(page);
      return now?.term && now.term !== seen[seen.length - 1] ? now : undefined;
    }, 5000);
    if (!tip) throw new Error(`no tooltip after step ${i + 1}`);
    seen.push(tip.term);
  }
  expect(seen).toEqual(['两个维护', '四个意识', '十四五', '回头看']);
  expect(await pageCount(page)).toMatchObject({ partial: false });
  await screenshot(page, 'long-page-stepped');
  await page.close();
});
