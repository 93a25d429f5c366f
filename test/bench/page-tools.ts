// `npx tsx test/bench/page-tools.ts [runs]` (after `npm run build`): what the popup's two tools cost
// the page they read, on a news article and on the 1 MB page. The brief and "Not in your glossary"
// read the page once per request through scripting.executeScript (src/brief/page-excerpts.ts); the
// extraction itself runs in the service worker. Measured as the page's main-thread task time (CDP
// Performance.getMetrics TaskDuration) across the request, and the wall time until the popup has its
// answer. A tool for the popup's page tools, not part of `npm run bench` (nothing runs unless asked).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../e2e/harness';
import { startFixtureServer, type FixtureServer } from '../e2e/server';
import { newsPage } from './page';

declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };

const runs = Number(process.argv[2] ?? 5);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-tools-'));
fs.writeFileSync(path.join(dir, 'news-1mb.html'), newsPage().html);
const fixtures = await startFixtureServer();
const generated: FixtureServer = await startFixtureServer(dir);
const browser = await launchWithExtension({ allowedOrigins: [fixtures.origin, generated.origin] });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
try {
  for (const [label, url] of [
    ['article (a6, 1,256 characters)', fixtures.url('bench/a6-commentary-long.html')],
    ['1 MB page', generated.url('news-1mb.html')],
  ] as const) {
    const page = await browser.open(url);
    await browser.pageReport(page);
    const tabId = await browser.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskMs = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('main[aria-busy="false"]').waitFor();
    for (const tool of ['brief', 'new-formulations'] as const) {
      const cost: number[] = [];
      const wall: number[] = [];
      for (let i = 0; i < runs; i++) {
        const section = popup.locator(`[data-testid="${tool}"]`);
        const before = await taskMs();
        const started = Date.now();
        if (tool === 'brief') {
          await section.locator('.tool-head button').click();
          await section.locator('.brief-rows li').first().waitFor({ timeout: 60_000 });
        } else {
          const searches = Number(await section.getAttribute('data-searches'));
          await section.locator('.tool-head button').click();
          await popup.locator(`[data-testid="${tool}"][data-searches="${searches + 1}"]`).waitFor({ timeout: 120_000 });
        }
        wall.push(Date.now() - started);
        cost.push((await taskMs()) - before);
      }
      console.log(`${label}, ${tool}: page main thread +${median(cost).toFixed(1)} ms (median of ${runs}), answer after ${median(wall)} ms`);
    }
    await popup.close();
    await page.close();
  }
} finally {
  await browser.close();
  await fixtures.close();
  await generated.close();
}
