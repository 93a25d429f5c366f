// An extension update as a user with a glossary of their own meets it: their copy was stored by the
// first release (which kept no record of the shipped entries it had seen), then the background
// starts afresh, as it does after Chrome installs an update (stopped through the DevTools protocol:
// chrome.runtime.reload would unload an extension loaded from the command line). The entries shipped
// since then appear in the user's glossary, on pages and in the options page; what the user deleted
// or edited stays so.
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { askPageVia, launchWithExtension, ROOT, screenshot, waitFor, type ExtensionBrowser } from './harness';
import { startFixtureServer, type FixtureServer } from './server';
import { setUserGlossary, shippedFromData, storedUserGlossary } from './glossary-storage';
import { SHIPPED_SEEN_KEY } from '../../src/glossary/storage/layout';

// The parts of the `chrome` API the test calls inside the extension's service worker.
declare const chrome: {
  storage: { local: { remove(keys: string[]): Promise<void> } };
  tabs: {
    query(q: object): Promise<Array<{ id?: number; url?: string }>>;
  };
};

interface Entry {
  id: string;
  english: string[];
}

const shipped = shippedFromData<Entry>();
const firstRelease = new Set((JSON.parse(fs.readFileSync(path.join(ROOT, 'data/shipped-v1-ids.json'), 'utf8')) as { ids: string[] }).ids);

let server: FixtureServer;
let browser: ExtensionBrowser;
beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchWithExtension({ allowedOrigins: [server.origin] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('after an update, a glossary of the user’s own gains the entries shipped since; deletions and edits stay', async () => {
  const added = shipped.filter((e) => !firstRelease.has(e.id));
  expect(added.map((e) => e.id)).toContain('zu-zhi-gong-zuo'); // 组织工作, on the demo page
  // The user's copy as the first release stored it: its entries, 党组 deleted, 回头看 edited.
  const old = shipped
    .filter((e) => firstRelease.has(e.id) && e.id !== 'dang-zu')
    .map((e) => (e.id === 'hui-tou-kan' ? { ...e, english: ['my own rendering'] } : e));
  await setUserGlossary(browser.serviceWorker, { entries: old });
  await browser.serviceWorker.evaluate((key) => chrome.storage.local.remove([key]), SHIPPED_SEEN_KEY);

  // The update: the background starts afresh; storage stays. A page load wakes it, and the glossary
  // it serves waits for the start-up work (src/background/glossary-service.ts).
  await browser.serviceWorker.evaluate(() => ((globalThis as { tifaTestMarker?: boolean }).tifaTestMarker = true));
  const devtools = await browser.context.newCDPSession(await browser.context.newPage());
  await devtools.send('ServiceWorker.enable');
  await devtools.send('ServiceWorker.stopAllWorkers');
  const page = await browser.context.newPage();
  await page.goto(server.url('news/demo.html'));
  const worker: Worker = (await waitFor(async () => {
    for (const w of browser.context.serviceWorkers()) {
      const fresh = await w.evaluate(() => !(globalThis as { tifaTestMarker?: boolean }).tifaTestMarker).catch(() => false);
      if (fresh) return w;
    }
    return undefined;
  }, 15_000))!;

  const stored = await waitFor(async () => {
    const g = await storedUserGlossary<Entry>(worker);
    return g && g.entries.length === old.length + added.length ? g : undefined;
  }, 10_000);
  const ids = stored!.entries.map((e) => e.id);
  expect(ids).toEqual(shipped.map((e) => e.id).filter((id) => id !== 'dang-zu'));
  expect(stored!.entries.find((e) => e.id === 'hui-tou-kan')?.english).toEqual(['my own rendering']);

  // On the page: a new entry is found and reported (the report asked of the restarted worker). The
  // page follows the page glossary the background publishes after catching up, so ask until it has.
  const report = (await waitFor(async () => {
    const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
    const r = tabId === undefined ? undefined : await askPageVia<{ terms: Array<{ id: string }> }>(worker, tabId, { type: 'tifa:page-report' });
    return r?.terms.some((t) => t.id === 'zu-zhi-gong-zuo') ? r : undefined;
  }, 15_000)) as { terms: Array<{ id: string }> };
  const found = report.terms.map((t) => t.id);
  expect(found).toContain('zu-zhi-gong-zuo');
  expect(found).not.toContain('dang-zu');

  // In the options page: the new entry is listed like any shipped one, the deletion still stands.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${new URL(worker.url()).host}/options.html`);
  await options.locator('[data-entry-id]').first().waitFor();
  expect(await options.locator('.count').textContent()).toMatch(new RegExp(`\\b${shipped.length - 1}\\b`));
  await options.locator('#search').fill('组织工作');
  await options.locator('[data-entry-id="zu-zhi-gong-zuo"]').waitFor();
  // The deleted entry is not back: searching its id (ids are searchable) finds only others.
  await options.locator('#search').fill('dang-zu');
  await expect.poll(() => options.locator('.count').textContent()).not.toMatch(new RegExp(`^\\s*${shipped.length - 1}\\s*/`));
  const rowIds = await options.locator('[data-entry-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry-id')));
  expect(rowIds).toContain('ji-ceng-dang-zu-zhi'); // ids with dang-zu in them: the search did run
  expect(rowIds).not.toContain('dang-zu');
  await options.locator('#search').fill('');
  await screenshot(options, 'updates-options-after-update');
  await options.close();
  await page.close();
});
