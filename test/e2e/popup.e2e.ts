// The popup and per-site control, as a user meets them in real Chromium: the popup (opened as a page
// with ?tab=<id>, since a toolbar popup cannot be opened headless) lists what the page report lists,
// its site switch darkens every tab of that site at once and survives a reload while another host
// stays lit, the badge counts the page's terms, and "Add to Tifa glossary" opens a draft.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, screenshot, waitFor, type ExtensionBrowser } from './harness';
import { startFixtureServer, type FixtureServer } from './server';
import { openPopupFor as openPopup, tabIdOf as tabIdOfTab } from './popup-helpers';
import { readTooltip } from './tooltip-helpers';
import { axeViolations } from './axe';

// The parts of the `chrome` API the tests call inside the extension's service worker.
declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string; index?: number }>> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  runtime: { onMessage: { addListener(f: (message: { type?: string }, sender: { tab?: { id?: number } }) => undefined): void } };
};
let server: FixtureServer;
let browser: ExtensionBrowser;
/** The fixture server under a second host name: another site as far as site rules go. */
let otherHost: (page: string) => string;

beforeAll(async () => {
  server = await startFixtureServer();
  const port = new URL(server.origin).port;
  otherHost = (page) => `http://localhost:${port}/${page}`;
  // With the back/forward cache, as a reader's browser has it: going back shows a page from it.
  browser = await launchWithExtension({ allowedOrigins: [server.origin, `http://localhost:${port}`], backForwardCache: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const tabIdOf = (page: Page) => tabIdOfTab(browser, page);

/** Every range Tifa painted on the page (read from the highlight registry the page shares). */
const paintedCount = (page: Page): Promise<number> =>
  page.evaluate(() => {
    let n = 0;
    CSS.highlights.forEach((highlight) => (n += highlight.size));
    return n;
  });

/** Opens a news page and waits for its first pass (the page report answers after it). */
async function openNews(url: string): Promise<Page> {
  const page = await browser.open(url);
  await waitFor(async () => (await browser.pageReport(page)).terms.length > 0, 15_000);
  return page;
}

const openPopupFor = (page: Page) => openPopup(browser, page);

const siteSwitch = (popup: Page) => popup.locator('.controls [role="switch"]').first();
const pauseSwitch = (popup: Page) => popup.locator('.controls [role="switch"]').last();
const badge = async (page: Page) => {
  const tabId = await tabIdOf(page);
  return browser.serviceWorker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
};

/** Screenshot of the popup at its natural height (the page is taller than the popup's content). */
async function popupShot(popup: Page, name: string): Promise<void> {
  const height = await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  await popup.setViewportSize({ width: 340, height: Math.max(120, height) });
  // A real popup is sized to its document: anything overflowing it would show as scrollbars.
  const overflow = await popup.evaluate(() => ({
    x: document.documentElement.scrollWidth - innerWidth,
    y: document.documentElement.scrollHeight - innerHeight,
  }));
  expect(overflow).toEqual({ x: 0, y: 0 });
  await screenshot(popup, name);
}

describe('terms on this page', () => {
  test('the popup lists exactly the page report’s terms and counts, and the badge counts them', async () => {
    const page = await openNews(server.url('news/demo.html?list'));
    const report = await browser.pageReport(page);
    const popup = await openPopupFor(page);
    await expect.poll(() => popup.locator('.term').count()).toBe(report.terms.length);
    const listed = await popup.locator('.term').evaluateAll((buttons) =>
      buttons.map((b) => ({
        id: b.getAttribute('data-entry-id'),
        term: b.querySelector('.term-zh')?.textContent,
        count: Number(b.querySelector('.count')?.getAttribute('data-count')),
      })),
    );
    expect(listed).toEqual(report.terms.map((t) => ({ id: t.id, term: t.term, count: t.count })));
    const total = report.terms.reduce((n, t) => n + t.count, 0);
    expect(await popup.locator('.summary').textContent()).toBe(`${report.terms.length} 个提法，共 ${total} 处`);
    expect(await popup.locator('.host').textContent()).toBe('127.0.0.1');
    expect(await siteSwitch(popup).getAttribute('aria-checked')).toBe('true');

    // The badge shows the number of distinct terms from the same report.
    await expect.poll(() => badge(page), { timeout: 5000 }).toBe(String(report.terms.length));

    await popupShot(popup, 'popup-terms-zh');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  test('the badge follows the tab: a page without terms has none, and going back counts again', async () => {
    // What the pages send the worker, by tab: a listener beside Tifa's own.
    await browser.serviceWorker.evaluate(() => {
      const g = globalThis as unknown as { sent?: Array<[string | undefined, number | undefined]> };
      if (g.sent) return;
      g.sent = [];
      chrome.runtime.onMessage.addListener((message, sender) => void g.sent!.push([message?.type, sender.tab?.id]));
    });
    // jieba loaded in the worker, as for any article after the first: the count rides along only
    // where segmentation answers at once (src/background/badge.ts).
    await (await openNews(server.url('news/demo.html?warm'))).close();
    const page = await openNews(server.url('news/demo.html?badge'));
    const terms = String((await browser.pageReport(page)).terms.length);
    await expect.poll(() => badge(page), { timeout: 5000 }).toBe(terms);
    // Its ambiguous terms (党组, 回头看…) went to segmentation with the count riding along: the
    // worker told the badge the count above, which the page, confirming, found unchanged.
    const tabId = await tabIdOf(page);
    const sent = await browser.serviceWorker.evaluate(
      (id) => (globalThis as unknown as { sent: Array<[string, number]> }).sent.filter(([, tab]) => tab === id).map(([type]) => type),
      tabId,
    );
    expect(sent).toContain('tifa:segment-check');
    expect(sent).not.toContain('tifa:report-changed');
    // Whether the page comes back from the back/forward cache (then its script state is kept).
    await page.evaluate(() => addEventListener('pageshow', (e) => ((window as unknown as { restored: boolean }).restored = e.persisted)));

    // Nobody asks the next page for a count: the browser empties the badge, and a page without
    // terms says nothing.
    await page.goto(server.url('popup/no-terms.html'));
    await expect.poll(() => badge(page), { timeout: 5000 }).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await badge(page)).toBe('');

    // Back to the article: shown again from the cache (no load event to wait for), where the page
    // tells its count again: its script state is kept, and it is not scanned anew.
    await page.goBack({ waitUntil: 'commit' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { restored?: boolean }).restored), { timeout: 5000 }).toBe(true);
    await expect.poll(() => badge(page), { timeout: 5000 }).toBe(terms);
    await page.close();
  });

  test('clicking a term scrolls the page to it and opens its tooltip', async () => {
    const page = await openNews(server.url('news/demo.html?reveal'));
    const popup = await openPopupFor(page);
    const report = await browser.pageReport(page);
    const target = report.terms.find((t) => t.term === '第一书记') ?? report.terms[report.terms.length - 1]!;
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.locator(`.term[data-entry-id="${target.id}"]`).click();
    const tip = (await waitFor(() => readTooltip(page)))!;
    expect(tip.term).toBe(target.term);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await popup.locator('.notice').textContent()).toBe('');
    await popup.close();
    await page.close();
  });
});

describe('site switch', () => {
  test('switching a site off darkens all its tabs at once, survives a reload, and leaves another host alone', async () => {
    const first = await openNews(server.url('news/demo.html?one'));
    const second = await openNews(server.url('news/demo.html?two'));
    const other = await openNews(otherHost('news/demo.html?other'));
    const otherPainted = await paintedCount(other);
    expect(await paintedCount(first)).toBeGreaterThan(0);
    expect(otherPainted).toBeGreaterThan(0);
    // A mark in the page's own world: it is gone if the page reloads.
    for (const page of [first, second]) await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const popup = await openPopupFor(first);
    await siteSwitch(popup).click();
    await expect.poll(() => siteSwitch(popup).getAttribute('aria-checked')).toBe('false');

    // Both tabs of 127.0.0.1 lose their highlights without a reload.
    await expect.poll(() => paintedCount(first), { timeout: 3000 }).toBe(0);
    await expect.poll(() => paintedCount(second), { timeout: 3000 }).toBe(0);
    for (const page of [first, second]) {
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    }
    expect((await browser.pageReport(first)).enabled).toBe(false);
    await expect.poll(() => badge(first)).toBe('');
    await expect.poll(() => popup.locator('.page-terms .state').textContent()).toContain('已关闭');
    await popupShot(popup, 'popup-site-off-zh');
    expect(await axeViolations(popup)).toEqual([]);

    // localhost is another site: untouched (its far-off marks may have been painted since, never removed).
    expect(await paintedCount(other)).toBeGreaterThanOrEqual(otherPainted);
    expect((await browser.pageReport(other)).enabled).toBe(true);

    // Reload: still off.
    await first.reload();
    await waitFor(async () => (await browser.pageReport(first)) !== undefined, 10_000);
    expect((await browser.pageReport(first)).enabled).toBe(false);
    expect(await paintedCount(first)).toBe(0);

    // And on again, live.
    await siteSwitch(popup).click();
    await expect.poll(() => paintedCount(first), { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => paintedCount(second), { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => popup.locator('.term').count(), { timeout: 5000 }).toBeGreaterThan(0);
    const report = await browser.pageReport(first);
    await expect.poll(() => badge(first)).toBe(String(report.terms.length));

    for (const page of [popup, first, second, other]) await page.close();
  });

  test('the global pause darkens every site and leaves the site rules as they were', async () => {
    const page = await openNews(server.url('news/demo.html?pause'));
    const other = await openNews(otherHost('news/demo.html?pause'));
    const popup = await openPopupFor(page);
    await pauseSwitch(popup).click();
    await expect.poll(() => paintedCount(page), { timeout: 3000 }).toBe(0);
    await expect.poll(() => paintedCount(other), { timeout: 3000 }).toBe(0);
    expect(await siteSwitch(popup).getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => popup.locator('.page-terms .state').textContent()).toContain('暂停');
    await popupShot(popup, 'popup-paused-zh');
    await pauseSwitch(popup).click();
    await expect.poll(() => paintedCount(page), { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => paintedCount(other), { timeout: 5000 }).toBeGreaterThan(0);
    for (const p of [popup, page, other]) await p.close();
  });

  test('a single-page-app navigation re-checks the rule: an off site stays off, an on site scans the new view', async () => {
    const page = await browser.open(otherHost('popup/spa.html'));
    await expect.poll(() => paintedCount(page), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.locator('#next').click();
    expect(page.url()).toContain('page=2');
    await expect.poll(async () => (await browser.pageReport(page)).terms.map((t) => t.term).sort(), { timeout: 5000 }).toEqual(
      ['回头看', '第一书记', '驻村工作队'].sort(),
    );

    const popup = await openPopupFor(page);
    await siteSwitch(popup).click();
    await expect.poll(() => paintedCount(page), { timeout: 3000 }).toBe(0);
    await page.evaluate(() => history.pushState({}, '', '/popup/spa.html?page=3'));
    await page.goBack();
    await new Promise((r) => setTimeout(r, 300));
    expect(await paintedCount(page)).toBe(0);
    await siteSwitch(popup).click(); // leave localhost on for the other tests
    await popup.close();
    await page.close();
  });
});

describe('states', () => {
  test('a page without terms says so', async () => {
    const page = await browser.open(server.url('popup/no-terms.html'));
    const popup = await openPopupFor(page);
    await expect.poll(() => popup.locator('.page-terms').textContent(), { timeout: 5000 }).toContain('本页没有词库中的提法');
    expect(await popup.locator('.term').count()).toBe(0);
    expect(await badge(page)).toBe('');
    await popupShot(popup, 'popup-empty-zh');
    await popup.close();
    await page.close();
  });

  test('a browser page gets a clear “can’t run here” and no site switch', async () => {
    const page = await browser.open('about:blank');
    const popup = await openPopupFor(page);
    await expect.poll(() => popup.locator('.state-unsupported').textContent()).toContain('此页不能使用 Tifa');
    expect(await popup.locator('.controls [role="switch"]').count()).toBe(1); // only the pause
    await popupShot(popup, 'popup-unsupported-zh');
    await popup.close();
    await page.close();
  });

  test('the options link opens the options page', async () => {
    const page = await browser.open(server.url('popup/no-terms.html?options'));
    const popup = await openPopupFor(page);
    const [options] = await Promise.all([browser.context.waitForEvent('page'), popup.locator('a.options').click()]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`chrome-extension://${browser.extensionId}/options.html`);
    for (const p of [options, popup, page]) await p.close();
  });
});

describe('add from the page', () => {
  test('“Add to Tifa glossary” on a selection opens the options page with a draft entry', async () => {
    const page = await openNews(server.url('news/demo.html?add'));
    // Select 查找差距 in the article, as a user would before right-clicking.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('查找差距');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 4);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error('查找差距 not on the page');
    });
    const tabId = await tabIdOf(page);
    // Headless Chromium cannot open a native context menu, so the test calls the menu's click handler
    // in the service worker with what Chrome passes it (menu id, selection text, frame, page, tab).
    const [options] = await Promise.all([
      browser.context.waitForEvent('page', { timeout: 10_000 }),
      browser.serviceWorker.evaluate(
        async ([id, pageUrl]) => {
          const tab = (await chrome.tabs.query({})).find((t) => t.id === id);
          const handler = (globalThis as unknown as { tifaOnMenuClick: (info: object, tab: unknown) => Promise<void> }).tifaOnMenuClick;
          await handler({ menuItemId: 'tifa-add-selection', selectionText: '查找差距', frameId: 0, pageUrl }, tab);
        },
        [tabId, page.url()] as const,
      ),
    ]);
    await options.waitForLoadState();
    const url = new URL(options.url());
    expect(url.pathname).toBe('/options.html');
    const draft = JSON.parse(decodeURIComponent(url.hash.slice('#draft='.length)));
    expect(draft).toEqual({
      term: '查找差距',
      // The sentence from the page, not just the selection.
      source: '各级党委（党组）要落实“首个议题”制度，理论中心组要带头深学细悟，经常对标对表，查找差距。',
      origin: page.url(),
    });
    // The options page turns it into a new-entry form holding the term and the pinyin it suggests
    // (dictionary tones: 差 as chā).
    await expect
      .poll(() => options.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['查找差距', 'chá zhǎo chā jù']));
    await screenshot(options, 'popup-context-menu-draft');
    await options.close();
    await page.close();
  });
});

describe('in English, dark', () => {
  let english: ExtensionBrowser;
  beforeAll(async () => {
    english = await launchWithExtension({ locale: 'en-US', colorScheme: 'dark', allowedOrigins: [server.origin] });
  });
  afterAll(async () => english?.close());

  test('the popup speaks English where the browser does', async () => {
    const page = await english.open(server.url('news/demo.html?en'));
    await waitFor(async () => (await english.pageReport(page)).terms.length > 0, 15_000);
    const tabId = await english.serviceWorker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
      page.url(),
    );
    const popup = await english.context.newPage();
    await popup.setViewportSize({ width: 340, height: 600 });
    await popup.goto(`chrome-extension://${english.extensionId}/popup.html?tab=${tabId}`);
    await expect.poll(() => popup.locator('.page-terms h2').textContent()).toBe('Terms on this page');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => popup.locator('.term-en').count(), { timeout: 5000 }).toBeGreaterThan(0);
    await popupShot(popup, 'popup-terms-en-dark');
    expect(await axeViolations(popup)).toEqual([]);
  });
});
