// Opens Chromium with the built extension on the bundled demo news page.
// --headless: no window; writes test-results/demo.png and exits (for machines without a display).
import { launchWithExtension, screenshot, waitFor } from '../test/e2e/harness';
import { startFixtureServer } from '../test/e2e/server';

const headless = process.argv.includes('--headless');
const server = await startFixtureServer(undefined, Number(process.env.TIFA_DEMO_PORT ?? 8377));
const browser = await launchWithExtension({ headless, allowedOrigins: [server.origin] });
const page = await browser.open(server.url('news/demo.html'));
console.log(`Demo page: ${page.url()}  (extension id ${browser.extensionId})`);

if (headless) {
  const report = await waitFor(async () => {
    const r = await browser.pageReport(page);
    return r.terms.length > 0 ? r : undefined;
  }, 10_000).catch(() => browser.pageReport(page));
  if (!report) throw new Error('the content script did not answer');
  console.log(`Terms found on the page: ${report.terms.length}`);
  console.log(`Screenshot: ${await screenshot(page, 'demo')}`);
  await browser.close();
  await server.close();
} else {
  console.log('Hover a highlighted term to read its explanation. Press Ctrl-C to quit.');
  browser.context.on('close', () => void server.close().then(() => process.exit(0)));
}
