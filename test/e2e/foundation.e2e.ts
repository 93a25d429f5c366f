import { expect, test } from 'vitest';
import { screenshot } from './harness';
import { useExtensionBrowser } from './use-extension';

const fixture = useExtensionBrowser();

test('the extension loads with a service worker and an id', () => {
  expect(fixture.browser.extensionId).toMatch(/^[a-p]{32}$/);
});

test('the content script runs on the demo news page and answers the page report', async () => {
  const page = await fixture.browser.open(fixture.server.url('news/demo.html'));
  const report = await fixture.browser.pageReport(page);
  expect(report.enabled).toBe(true);
  expect(Array.isArray(report.terms)).toBe(true);
  await screenshot(page, 'foundation-demo-page');
  await page.close();
});

test('the options page renders with React', async () => {
  const page = await fixture.browser.openOptions();
  await expect.poll(() => page.locator('h1').first().textContent()).toContain('Tifa');
  await screenshot(page, 'foundation-options');
  await page.close();
});

test('the popup renders with React', async () => {
  const page = await fixture.browser.openPopup();
  await expect.poll(() => page.locator('h1').first().textContent()).toContain('Tifa');
  await screenshot(page, 'foundation-popup');
  await page.close();
});
