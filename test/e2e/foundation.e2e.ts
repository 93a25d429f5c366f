import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, screenshot, type ExtensionBrowser } from './harness';
import { startFixtureServer, type FixtureServer } from './server';

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

test('the extension loads with a service worker and an id', () => {
  expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
});

test('the content script runs on the demo news page and answers the page report', async () => {
  const page = await browser.open(server.url('news/demo.html'));
  const report = await browser.pageReport(page);
  expect(report.enabled).toBe(true);
  expect(Array.isArray(report.terms)).toBe(true);
  await screenshot(page, 'foundation-demo-page');
  await page.close();
});

test('the options page renders with React', async () => {
  const page = await browser.openOptions();
  await expect.poll(() => page.locator('h1').first().textContent()).toContain('Tifa');
  await screenshot(page, 'foundation-options');
  await page.close();
});

test('the popup renders with React', async () => {
  const page = await browser.openPopup();
  await expect.poll(() => page.locator('h1').first().textContent()).toContain('Tifa');
  await screenshot(page, 'foundation-popup');
  await page.close();
});
