// A page kept in the back/forward cache is frozen: a glossary edit told meanwhile does not reach it
// (the background's executeScript finds no live frame). Shown again, it must follow the edit, in the
// top frame and in a sub-frame running Tifa.
import { beforeAll, expect, test } from 'vitest';
import { screenshot } from './harness';
import { setUserGlossary as setStoredGlossary } from './glossary-storage';
import { childFrameTally, painted, setUserGlossary, tally, TEST_GLOSSARY, testGlossaryWithout } from './highlight-support';
import { useExtensionBrowser } from './use-extension';

const fixture = useExtensionBrowser({ backForwardCache: true });

beforeAll(async () => {
  await setUserGlossary(fixture.browser, TEST_GLOSSARY);
});

test('a page shown again from the back/forward cache follows a glossary edit made while it was cached, in its top frame and its sub-frame', { timeout: 60_000 }, async () => {
  const page = await fixture.browser.context.newPage();
  await page.goto(fixture.server.url('pages/frame.html'));
  // Playwright loses a page's sub-frames once it goes into the cache: the child is read through the page.
  const childTally = () => page.evaluate(childFrameTally, 'child');
  await expect.poll(async () => tally(await painted(page)), { timeout: 10_000 }).toEqual({ 两个维护: 1 });
  await expect.poll(async () => await childTally(), { timeout: 10_000 }).toEqual({ 两个维护: 1, 四个意识: 1, 三会一课: 1 });
  await page.evaluate(() => addEventListener('pageshow', (e) => ((window as unknown as { restored: boolean }).restored = e.persisted)));

  await page.goto(fixture.server.url('popup/no-terms.html'));
  const writer = await fixture.browser.context.newPage();
  await writer.goto(`chrome-extension://${fixture.browser.extensionId}/welcome.html`);
  await setStoredGlossary(writer, testGlossaryWithout('san-hui-yi-ke', 'liang-ge-wei-hu'));
  // Time for the background to tell the open pages (the cached one is not among them).
  await new Promise((resolve) => setTimeout(resolve, 1000));

  await page.goBack({ waitUntil: 'commit' });
  await expect.poll(() => page.evaluate(() => (window as unknown as { restored?: boolean }).restored), { timeout: 5000 }).toBe(true);
  await expect.poll(async () => tally(await painted(page)), { timeout: 10_000 }).toEqual({});
  await expect.poll(async () => await childTally(), { timeout: 10_000 }).toEqual({ 四个意识: 1 });
  await screenshot(page, 'back-forward-after-edit');

  // And it is told of the next edit, as any open page is.
  await setStoredGlossary(writer, TEST_GLOSSARY);
  await expect.poll(async () => tally(await painted(page)), { timeout: 10_000 }).toEqual({ 两个维护: 1 });
  await expect.poll(async () => await childTally(), { timeout: 10_000 }).toEqual({ 两个维护: 1, 四个意识: 1, 三会一课: 1 });
  await writer.close();
  await page.close();
});
