// Whether word segmentation will answer soon, as pages read it as they start (src/background/
// segmenter-warmth.ts): the real worker writes when jieba last answered a page, and 0 once it has
// started again after being stopped, as MV3 stops it after 30 s idle. A page that reads 0, or a
// time over 30 s old, holds none of its first marks back for segmentation (src/page/paint.ts); every
// mark still shows, the ones segmentation confirms once jieba has loaded.
import { beforeAll, expect, test } from 'vitest';
import { SEGMENTER_WARM_KEY } from '@/src/settings/session-copy';
import { screenshot } from './harness';
import { NEWS_SIMPLIFIED_PAINTED, painted, setUserGlossary, tally, TEST_GLOSSARY } from './highlight-support';
import { useExtensionBrowser } from './use-extension';

const fixture = useExtensionBrowser();

beforeAll(async () => {
  await setUserGlossary(fixture.browser, TEST_GLOSSARY);
});

/** An extension page to read storage.session from, and the DevTools session that stops the worker. */
async function openReader() {
  const { context, extensionId } = fixture.browser;
  const reader = await context.newPage();
  await reader.goto(`chrome-extension://${extensionId}/welcome.html`);
  const stamp = () => reader.evaluate(async (key) => (await chrome.storage.session.get(key))[key], SEGMENTER_WARM_KEY);
  const devtools = await context.newCDPSession(reader);
  await devtools.send('ServiceWorker.enable');
  const stopWorker = () => devtools.send('ServiceWorker.stopAllWorkers');
  return { reader, stamp, devtools, stopWorker };
}

/** The worker stopped, then started again by a page (returned) without ambiguous terms: jieba is not loaded. */
async function openWithColdWorker() {
  const { reader, stamp, devtools, stopWorker } = await openReader();
  await stopWorker();
  const page = await fixture.browser.context.newPage();
  await page.goto(fixture.server.url('pages/frame.html'));
  await expect.poll(stamp, { timeout: 10_000 }).toBe(0);
  return { reader, stamp, devtools, page };
}

test('the worker tells pages when jieba last answered, and 0 after it was stopped and started again; a page read then still shows every mark', { timeout: 60_000 }, async () => {
  const { context } = fixture.browser;
  const { reader, stamp, devtools, stopWorker } = await openReader();

  // news-simplified.html holds 党组 in 党委（党组）, which segmentation confirms.
  const page = await context.newPage();
  const asked = Date.now();
  await page.goto(fixture.server.url('pages/news-simplified.html'));
  await expect.poll(async () => tally(await painted(page)).党组, { timeout: 15_000 }).toBe(1);
  const answered = (await stamp()) as number;
  // Written at most once every 5 s: this answer's time, or one up to 5 s before it.
  expect(answered).toBeGreaterThan(asked - 5000);
  expect(answered).toBeLessThanOrEqual(Date.now());

  await stopWorker();
  // A page without ambiguous terms starts the worker (the badge listens to tabs), which asks jieba nothing.
  await page.goto(fixture.server.url('pages/frame.html'));
  await expect.poll(async () => tally(await painted(page)), { timeout: 15_000 }).toEqual({ 两个维护: 1 });
  await expect.poll(stamp, { timeout: 10_000 }).toBe(0);

  // The article again, on a page that read 0: every mark, 党组 once jieba has loaded, and the time again.
  await page.goto(fixture.server.url('pages/news-simplified.html'));
  await expect.poll(async () => tally(await painted(page)), { timeout: 15_000 }).toEqual(NEWS_SIMPLIFIED_PAINTED);
  await expect.poll(stamp, { timeout: 10_000 }).toBeGreaterThan(answered);
  await screenshot(page, 'cold-worker-article');
  await devtools.detach();
  await page.close();
  await reader.close();
});

test("the popup's brief loads jieba too, and the worker tells pages so", { timeout: 60_000 }, async () => {
  const { reader, stamp, devtools, page } = await openWithColdWorker();

  // What the popup's brief asks of the worker (src/popup/PageTools.tsx), which cuts the text with jieba.
  const asked = Date.now();
  const answer = (await reader.evaluate(
    (request) => chrome.runtime.sendMessage(request),
    { type: 'tifa:new-formulations', text: '会议强调，要持续推进“一网通办”改革，做好“六稳”“六保”工作。', dismissed: [] },
  )) as { found?: unknown[] };
  expect(Array.isArray(answer.found)).toBe(true);
  // Written without waiting, as jieba is ready: its write and this answer cross on separate channels.
  await expect.poll(stamp, { timeout: 10_000 }).toBeGreaterThanOrEqual(asked);
  expect(await stamp()).toBeLessThanOrEqual(Date.now());
  await devtools.detach();
  await page.close();
  await reader.close();
});

test("a page left while a cold worker loads jieba: its count, which rode along its segmentation request, is not put on the next page's badge", { timeout: 60_000 }, async () => {
  const { reader, stamp, devtools, page } = await openWithColdWorker();
  // The article's first marks show at once (the page read 0); its segmentation request, with its
  // count, waits for jieba (about a second), and the reader follows a link meanwhile.
  await page.goto(fixture.server.url('pages/news-simplified.html'));
  await expect.poll(async () => Object.keys(tally(await painted(page))).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await page.goto(fixture.server.url('popup/no-terms.html'));
  // jieba answered the article's request after the tab had moved on.
  await expect.poll(stamp, { timeout: 15_000 }).toBeGreaterThan(0);
  /** The badge of the tab showing `url`, read from an extension page. */
  const badgeOf = (url: string) =>
    reader.evaluate(async (u) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
      return tab?.id === undefined ? undefined : chrome.action.getBadgeText({ tabId: tab.id });
    }, url);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await badgeOf(page.url())).toBe('');
  // Back to the article: a new load, whose own count shows.
  await page.goto(fixture.server.url('pages/news-simplified.html'));
  await expect.poll(() => badgeOf(page.url()), { timeout: 15_000 }).toMatch(/^[1-9]\d*$/);
  await devtools.detach();
  await page.close();
  await reader.close();
});

declare const chrome: {
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
};
