// The national formulations collection, as a reader meets it in Chromium: its terms are marked on a
// news page next to the speech's, the tooltip says which collection an entry is from and cites the
// public text its quote comes from, the options page lists the collection apart and switches it off
// as a whole, after which the open page keeps only the speech's marks, and on again.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EVERY_OCCURRENCE, launchWithExtension, screenshot, waitFor, type ExtensionBrowser } from './harness';
import { startFixtureServer, type FixtureServer } from './server';
import { hover, inTooltip, readTooltip, termBox } from './tooltip-helpers';

declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension({ allowedOrigins: [server.origin] });
  await browser.serviceWorker.evaluate((settings) => chrome.storage.local.set({ settings }), EVERY_OCCURRENCE);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ids = async (page: Page) => (await browser.pageReport(page)).terms.map((t) => t.id);

test('national formulations are marked and explained as such; switched off in the options, the page drops them; on again, they are back', { timeout: 120_000 }, async () => {
  const page = await browser.open(server.url('pages/national.html'));
  await waitFor(async () => (await ids(page)).includes('san-nong') && (await ids(page)).includes('liang-ge-wei-hu'), 20_000);
  expect(await ids(page)).toEqual(expect.arrayContaining(['san-nong', 'si-feng', 'si-zhong-xing-tai', 'geng-di-hong-xian', 'zhong-yang-yi-hao-wen-jian']));

  await hover(page, await termBox(page, '四风'));
  const tip = await waitFor(async () => {
    const t = await readTooltip(page);
    return t?.open && t.term === '四风' ? t : undefined;
  }, 10_000);
  expect(tip?.term).toBe('四风');
  const chip = (await inTooltip(page, (root) => ({
    collection: root.querySelector('.collection')?.textContent,
    citation: root.querySelector('.citation')?.textContent ?? '',
  })))!;
  expect(chip.collection).toMatch(/全国性提法|National formulation/);
  expect(chip.citation.length).toBeGreaterThan(5);
  await screenshot(page, 'collections-tooltip-national');

  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('.collection-choice', { hasText: /全国性提法|National formulations/ }).click();
  // The list follows the choice once the deferred search settles: then every row shown is national.
  await expect
    .poll(async () => {
      const rows = await options.locator('[data-entry-id]').count();
      return rows > 0 && (await options.locator('.row .badge-national').count()) === rows;
    })
    .toBe(true);
  await screenshot(options, 'collections-options-national');
  await options.locator('[data-testid="collection-about"] input[type="checkbox"]').uncheck();

  // The open page follows: the national terms go, the speech's stay. Every report asked meanwhile
  // names the speech's terms too: the page's keys are of the glossary before until it is told.
  const seen: string[][] = [];
  await waitFor(async () => {
    seen.push(await ids(page));
    return !seen.at(-1)!.includes('san-nong');
  }, 20_000);
  for (const report of seen) expect(report).toContain('liang-ge-wei-hu');
  expect(await ids(page)).not.toContain('si-feng');

  await options.locator('[data-testid="collection-about"] input[type="checkbox"]').check();
  await waitFor(async () => (await ids(page)).includes('san-nong'), 20_000);
  await options.close();
  await page.close();
});
