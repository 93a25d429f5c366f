import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '@/src/settings/settings';
import { setPaused, switchSite } from '@/src/settings/site-switch';
import { ICON_PATHS, startToolbarIcon, toolbarIconFor } from './toolbar-icon';

const settings = (change: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...change });

describe('toolbarIconFor', () => {
  test('the mark where Tifa is at work, grey where the site is off or Tifa paused', () => {
    expect(toolbarIconFor(settings(), 'https://www.news.cn/a.htm')).toBe('on');
    const off = settings({ siteRules: [{ host: 'news.cn', includeSubdomains: true, enabled: false }] });
    expect(toolbarIconFor(off, 'https://www.news.cn/a.htm')).toBe('off');
    expect(toolbarIconFor(off, 'https://people.com.cn/')).toBe('on');
    expect(toolbarIconFor(settings({ paused: true }), 'https://people.com.cn/')).toBe('off');
  });

  test("in 'listed' mode only listed sites get the mark", () => {
    const listed = settings({ siteMode: 'listed', siteRules: [{ host: 'people.com.cn', includeSubdomains: false, enabled: true }] });
    expect(toolbarIconFor(listed, 'https://people.com.cn/n1/')).toBe('on');
    expect(toolbarIconFor(listed, 'https://www.news.cn/')).toBe('off');
  });

  test('grey on pages no extension may read, even with every site on', () => {
    for (const url of ['chrome://newtab/', 'about:addons', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/', 'https://a.org/b.pdf', 'file:///tmp/a.html', undefined]) {
      expect(toolbarIconFor(settings(), url)).toBe('off');
    }
  });
});

describe('startToolbarIcon', () => {
  // The icon each tab was given last. WXT's fake browser leaves action.setIcon unimplemented: this
  // fills that gap in the fake with a record of the calls, the only thing a browser would show.
  const shown = new Map<number, Record<number, string>>();

  beforeEach(() => {
    fakeBrowser.reset();
    shown.clear();
    Object.assign(fakeBrowser.action, {
      setIcon: async ({ tabId, path }: { tabId: number; path: Record<number, string> }) => void shown.set(tabId, path),
    });
    startToolbarIcon();
  });

  test('follows navigations, site switches and the pause, tab by tab', async () => {
    const news = await fakeBrowser.tabs.create({ url: 'about:blank' });
    const other = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await fakeBrowser.tabs.update(news.id!, { url: 'https://www.news.cn/politics/a.htm' });
    await fakeBrowser.tabs.update(other.id!, { url: 'https://people.com.cn/' });
    await vi.waitFor(() => {
      expect(shown.get(news.id!)).toEqual(ICON_PATHS.on);
      expect(shown.get(other.id!)).toEqual(ICON_PATHS.on);
    });

    // The popup's switch (or the site command, Alt+Shift+O) turns one site off: only its tab goes grey.
    await switchSite('https://www.news.cn/politics/a.htm', false);
    await vi.waitFor(() => expect(shown.get(news.id!)).toEqual(ICON_PATHS.off));
    expect(shown.get(other.id!)).toEqual(ICON_PATHS.on);

    // Leaving the switched-off site brings the mark back.
    await fakeBrowser.tabs.update(news.id!, { url: 'https://people.com.cn/n1/b.html' });
    await vi.waitFor(() => expect(shown.get(news.id!)).toEqual(ICON_PATHS.on));

    await setPaused(true);
    await vi.waitFor(() => {
      expect(shown.get(news.id!)).toEqual(ICON_PATHS.off);
      expect(shown.get(other.id!)).toEqual(ICON_PATHS.off);
    });
  });

  test('a browser page is grey from the start', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await fakeBrowser.tabs.update(tab.id!, { url: 'chrome://settings/' });
    await vi.waitFor(() => expect(shown.get(tab.id!)).toEqual(ICON_PATHS.off));
  });

  test('every icon path is a PNG the build ships', async () => {
    const fs = await import('node:fs');
    const publicDir = new URL('../../public', import.meta.url).pathname;
    for (const path of Object.values(ICON_PATHS).flatMap((p) => Object.values(p))) {
      expect(fs.existsSync(publicDir + path), path).toBe(true);
    }
  });
});
