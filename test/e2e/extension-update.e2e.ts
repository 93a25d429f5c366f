// An update as a reader with Tifa at work in open tabs meets it. Chromium injects the manifest's
// content scripts only into pages loaded after an extension is installed or updated; the scripts
// already in a page are cut off from the new version (they read no storage, hear of no change and
// load no tooltip). Tifa gives open pages the new content script itself
// (src/background/session-frames.ts, startInOpenTabs). The update: the extension's folder loaded
// again through the DevTools protocol, which Chromium treats as one (runtime.onInstalled, reason
// "update").
import type { Frame, Page, Worker } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { loadExtensionAgain, screenshot } from './harness';
import { setUserGlossary as setStoredGlossary } from './glossary-storage';
import { painted, setUserGlossary, tally, TEST_GLOSSARY, testGlossaryWithout } from './highlight-support';
import { readTooltip, termBox, tooltipAtRest } from './tooltip-helpers';
import { useExtensionBrowser } from './use-extension';

const fixture = useExtensionBrowser({ extensionDebugging: true });

beforeAll(async () => {
  await setUserGlossary(fixture.browser, TEST_GLOSSARY);
});

/** Loads the extension's folder again, as an update installs a new version; resolves with the new worker. */
async function updateExtension(): Promise<Worker> {
  const { id, worker } = await loadExtensionAgain(fixture.browser);
  expect(id).toBe(fixture.browser.extensionId);
  return worker;
}

test('after an update, a page open before it runs the new version: no mark twice, it follows a glossary edit, and a tooltip opens', { timeout: 90_000 }, async () => {
  const page = await fixture.browser.context.newPage();
  await page.goto(fixture.server.url('pages/frame.html?update'));
  const child = () => page.frames().find((f) => f.url().endsWith('frame-child.html'))!;
  await expect.poll(async () => tally(await painted(page)), { timeout: 10_000 }).toEqual({ 两个维护: 1 });
  await expect.poll(async () => tally(await painted(child())), { timeout: 10_000 }).toEqual({ 两个维护: 1, 四个意识: 1, 三会一课: 1 });

  // Each instance registers its highlights under names of its own (random).
  const oldNames = new Set([...(await painted(page)), ...(await painted(child()))].map((p) => p.name));
  /** What the frame shows, once no highlight of the old instance is left in it. */
  const renewed = async (frame: Page | Frame) => {
    const now = await painted(frame);
    return now.some((p) => oldNames.has(p.name)) ? 'the old version still paints' : tally(now);
  };

  const worker = await updateExtension();
  // The new version's content script has replaced the old one, which stopped and took its marks
  // away: one mark for each term, the new instance's.
  await expect.poll(() => renewed(page), { timeout: 10_000 }).toEqual({ 两个维护: 1 });
  await expect.poll(() => renewed(child()), { timeout: 10_000 }).toEqual({ 两个维护: 1, 四个意识: 1, 三会一课: 1 });

  // An edit stored by the new version reaches the page and its sub-frame.
  await setStoredGlossary(worker, testGlossaryWithout('san-hui-yi-ke', 'liang-ge-wei-hu'));
  await expect.poll(async () => tally(await painted(page)), { timeout: 10_000 }).toEqual({});
  await expect.poll(async () => tally(await painted(child())), { timeout: 10_000 }).toEqual({ 四个意识: 1 });

  // Hovering the term left opens its tooltip, which the new version injects.
  const box = await termBox(child(), '四个意识');
  const frameBox = (await page.locator('#child').boundingBox())!;
  await page.mouse.move(frameBox.x + box.x + box.width / 2, frameBox.y + box.y + box.height / 2);
  // The frame is smaller than the tooltip: the top frame shows it (src/tooltip/frame-host.ts).
  await expect.poll(async () => (await readTooltip(page))?.term, { timeout: 10_000 }).toBe('四个意识');
  await tooltipAtRest(page);
  await screenshot(page, 'extension-update-tooltip');
  await page.close();
});
