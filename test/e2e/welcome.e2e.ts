// The first-run page: opened by itself when Tifa is installed in a fresh profile, naming the site
// key as the browser has it (or saying where to set one), accessible, in Chinese and English, and
// opened again from the popup's "About" link.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { launchWithExtension, screenshot, waitFor, type ExtensionBrowser } from './harness';
import { axeViolations } from './axe';

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string; active?: boolean }>> };
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
};

const launched: ExtensionBrowser[] = [];
afterAll(async () => {
  for (const browser of launched) await browser.close();
});

/** A fresh profile with Tifa just installed, its first-run page left open. */
async function install(locale: string): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension({ locale, keepWelcome: true, settings: null });
  launched.push(browser);
  return browser;
}

/** The tabs open in the browser, as the extension sees them. */
const tabUrls = (browser: ExtensionBrowser) => browser.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.url ?? ''));

/** The site command's key as the browser has it ('' when none). */
const browserSiteKey = (browser: ExtensionBrowser) =>
  browser.serviceWorker.evaluate(async () => (await chrome.commands.getAll()).find((c) => c.name === 'toggle-site')?.shortcut ?? '');

async function welcomePage(browser: ExtensionBrowser): Promise<Page> {
  const url = `chrome-extension://${browser.extensionId}/welcome.html`;
  const page = (await waitFor(() => browser.context.pages().find((p) => p.url() === url), 10_000))!;
  // Rendered, and the browser asked for the site key.
  await page.locator('[data-testid="site-key"] dt:not(:has(.muted))').waitFor();
  return page;
}

describe('the first-run page', () => {
  test('opens by itself on install; names the site key the browser gives, or where to set it; passes axe (Chinese)', async () => {
    const browser = await install('zh-CN');
    const welcomeUrl = `chrome-extension://${browser.extensionId}/welcome.html`;
    // The service worker has started; the tab list holds the first-run page, exactly once.
    await expect.poll(async () => (await tabUrls(browser)).filter((u) => u === welcomeUrl).length).toBe(1);
    const page = await welcomePage(browser);
    expect(await page.locator('h1').textContent()).toBe('欢迎使用 Tifa 提法');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    const key = await browserSiteKey(browser);
    const siteKey = page.locator('[data-testid="site-key"]');
    if (key) {
      expect(await siteKey.locator('dt kbd').textContent()).toBe(key);
      expect(await siteKey.locator('dd').textContent()).toContain('更改位置：');
    } else {
      expect(await siteKey.locator('dt').textContent()).toBe('未设置');
      expect(await siteKey.locator('dd').textContent()).toContain('设置位置： chrome://extensions/shortcuts');
    }
    expect(await siteKey.locator('dd code').textContent()).toBe('chrome://extensions/shortcuts');
    // What it says about the rest: stepping keys, settings, per-site switching, privacy.
    const text = (await page.locator('main').textContent()) ?? '';
    for (const words of ['Alt+Shift+.', '词库与设置', '当前网站', '不发出任何网络请求']) expect(text).toContain(words);

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'welcome-zh', true);

    // Its button opens the options page.
    const [options] = await Promise.all([
      browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html') }),
      page.getByRole('button', { name: '打开词库与设置' }).click(),
    ]);
    await options.close();
  });

  test('the popup’s “About” link opens it again', async () => {
    const browser = launched[0]!;
    for (const page of browser.context.pages()) if (page.url().endsWith('/welcome.html')) await page.close();
    const popup = await browser.openPopup();
    const [welcome] = await Promise.all([
      browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/welcome.html') }),
      popup.getByRole('link', { name: '使用说明' }).click(),
    ]);
    await welcome.locator('h1').waitFor();
    expect(await welcome.locator('h1').textContent()).toBe('欢迎使用 Tifa 提法');
    await popup.close();
  });

  test('in English for an English browser, and passes axe', async () => {
    const browser = await install('en-US');
    const page = await welcomePage(browser);
    expect(await page.locator('h1').textContent()).toBe('Welcome to Tifa 提法');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const key = await browserSiteKey(browser);
    expect(await page.locator('[data-testid="site-key"] dt').textContent()).toBe(key || 'Not set');
    expect(await page.locator('[data-testid="site-key"] dd').textContent()).toContain(key ? 'Change it at' : 'Set it at');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'welcome-en', true);
  });
});
