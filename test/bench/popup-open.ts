// `npx tsx test/bench/popup-open.ts [runs]`: how long the built popup takes to show its switch for a
// news tab, from navigation to the switch being on screen (median and range over fresh popup pages).
// A tool for work on the popup's bundle, not part of `npm run bench`.
import { launchWithExtension } from '../e2e/harness';
import { startFixtureServer } from '../e2e/server';

// The one `chrome` call made inside the extension's service worker.
declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };

const runs = Number(process.argv[2] ?? 15);
const server = await startFixtureServer();
const browser = await launchWithExtension({ allowedOrigins: [server.origin] });
try {
  const news = await browser.open(server.url('news/demo.html'));
  await browser.pageReport(news);
  const tabId = await browser.serviceWorker.evaluate(
    async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
    news.url(),
  );
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const popup = await browser.context.newPage();
    const started = Date.now();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('switch').first().waitFor();
    times.push(Date.now() - started);
    await popup.close();
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`popup to its switch: median ${sorted[Math.floor(runs / 2)]} ms, range ${sorted[0]}–${sorted.at(-1)} ms over ${runs} opens`);
} finally {
  await browser.close();
  await server.close();
}
