// A reader removes Tifa (chrome://extensions, "Remove") with articles open. Chromium leaves a removed
// extension's content scripts in open pages, cut off from it; each instance sees its extension's id
// gone and stops, taking its marks and its sheet with it (src/page/start.ts, `ticking`), rather
// than leaving the pages marked, with no tooltip behind the marks, until they are reloaded. The
// removal: DevTools' Extensions.uninstall, which removes an unpacked extension as the button does.
// It refuses one loaded from the command line, as the harness loads Tifa: the folder is loaded
// again first (Extensions.loadUnpacked, an update: see extension-update.e2e.ts).
import type { Frame, Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { loadExtensionAgain, screenshot } from './harness';
import { painted, setUserGlossary, tally, TEST_GLOSSARY } from './highlight-support';
import { useExtensionBrowser } from './use-extension';

const fixture = useExtensionBrowser({ extensionDebugging: true });

beforeAll(async () => {
  await setUserGlossary(fixture.browser, TEST_GLOSSARY);
});

/** What Tifa left in a frame: its painted terms and how many sheets the document adopted (the test pages adopt none). */
const leftIn = (frame: Page | Frame) =>
  Promise.all([painted(frame).then(tally), frame.evaluate(() => document.adoptedStyleSheets.length)]).then(([terms, sheets]) => ({ terms, sheets }));

test('removing Tifa takes its marks and its sheet off the pages open, top frame and sub-frame, without a reload', { timeout: 60_000 }, async () => {
  const { context, extensionId } = fixture.browser;
  const page = await context.newPage();
  await page.goto(fixture.server.url('pages/frame.html?removed'));
  const child = () => page.frames().find((f) => f.url().endsWith('frame-child.html'))!;
  await expect.poll(() => leftIn(page), { timeout: 10_000 }).toEqual({ terms: { 两个维护: 1 }, sheets: 1 });
  await expect.poll(() => leftIn(child()), { timeout: 10_000 }).toEqual({ terms: { 两个维护: 1, 四个意识: 1, 三会一课: 1 }, sheets: 1 });
  const loaded = await page.evaluate(() => performance.timeOrigin);

  const oldNames = new Set((await painted(page)).map((p) => p.name));
  await loadExtensionAgain(fixture.browser);
  // The version loaded so paints the page: the old instance's marks gave way to the new one's.
  await expect.poll(async () => (await painted(page)).map((p) => (oldNames.has(p.name) ? 'old' : p.text)), { timeout: 10_000 }).toEqual(['两个维护']);
  const devtools = await context.browser()!.newBrowserCDPSession();
  await devtools.send('Extensions.uninstall' as 'Browser.getVersion', { id: extensionId } as never);
  await devtools.detach();

  await expect.poll(() => leftIn(page), { timeout: 10_000 }).toEqual({ terms: {}, sheets: 0 });
  await expect.poll(() => leftIn(child()), { timeout: 10_000 }).toEqual({ terms: {}, sheets: 0 });
  // The same document, not a reload: the page's text is all there, and untouched.
  expect(await page.evaluate(() => performance.timeOrigin)).toBe(loaded);
  expect(await child().locator('body').innerText()).toContain('四个意识');
  await screenshot(page, 'extension-removed');
  await page.close();
});
