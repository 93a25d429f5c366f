import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from './settings';
import { watchSiteActive } from './site-watch';
import { readSettings } from './stored-settings';
import { rereadPageStart } from './session-copy';

// The watcher reads the page address and listens for navigations on the window: stand in for both.
let page: EventTarget;
const go = (href: string) => vi.stubGlobal('location', { href });

const settle = () => new Promise((r) => setTimeout(r, 20));
/** A change of settings as a page meets it: stored, then read again when the background says so. */
const change = async (settings: Settings) => {
  await settingsItem.setValue(settings);
  await rereadPageStart();
};
const withRules = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

beforeEach(() => {
  fakeBrowser.reset();
  page = new EventTarget();
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
  vi.stubGlobal('removeEventListener', page.removeEventListener.bind(page));
  go('https://example.com/a');
});
afterEach(() => vi.unstubAllGlobals());

describe('watchSiteActive', () => {
  test('reports on with no settings stored (a fresh install)', async () => {
    const seen: boolean[] = [];
    const { stop } = watchSiteActive(await readSettings(), (active) => seen.push(active), () => new URL(location.href));
    await settle();
    expect(seen).toEqual([true]);
    stop();
  });

  test('ready waits for the work the first state started', async () => {
    await settingsItem.setValue(withRules({ paused: true }));
    let finished = false;
    const watch = watchSiteActive(await readSettings(), async () => {
      await new Promise((r) => setTimeout(r, 30));
      finished = true;
    }, () => new URL(location.href));
    await watch.ready;
    expect(finished).toBe(true);
    watch.stop();
  });

  test('follows a site switch and the global pause, reporting only changes', async () => {
    const seen: boolean[] = [];
    const { stop } = watchSiteActive(await readSettings(), (active) => seen.push(active), () => new URL(location.href));
    await settle();
    await change(withRules({ siteRules: [{ host: 'example.com', includeSubdomains: false, enabled: false }] }));
    await settle();
    // Another site's rule changes nothing here.
    await change(
      withRules({
        siteRules: [
          { host: 'example.com', includeSubdomains: false, enabled: false },
          { host: 'other.org', includeSubdomains: false, enabled: false },
        ],
      }),
    );
    await settle();
    await change(withRules({}));
    await settle();
    await change(withRules({ paused: true }));
    await settle();
    expect(seen).toEqual([true, false, true, false]);
    stop();
  });

  test('starts off on a site switched off', async () => {
    await settingsItem.setValue(withRules({ siteMode: 'listed', siteRules: [] }));
    const seen: boolean[] = [];
    const { stop } = watchSiteActive(await readSettings(), (active) => seen.push(active), () => new URL(location.href));
    await settle();
    expect(seen).toEqual([false]);
    stop();
  });

  test('re-checks the rule when the page navigates', async () => {
    await settingsItem.setValue(withRules({ siteRules: [{ host: 'example.com', includeSubdomains: false, enabled: false }] }));
    const seen: boolean[] = [];
    const { stop } = watchSiteActive(await readSettings(), (active) => seen.push(active), () => new URL(location.href));
    await settle();
    // A navigation to an address the rule does not cover (only possible across documents today, but
    // the watcher must not cache the address).
    go('https://news.example.com/b');
    page.dispatchEvent(new Event('popstate'));
    expect(seen).toEqual([false, true]);
    stop();
  });

  test('stops reporting once stopped', async () => {
    const seen: boolean[] = [];
    const { stop } = watchSiteActive(await readSettings(), (active) => seen.push(active), () => new URL(location.href));
    await settle();
    stop();
    await change(withRules({ paused: true }));
    await settle();
    expect(seen).toEqual([true]);
  });
});

describe('the tab page a frame answers for', () => {
  /** A frame whose top is `top`: a window whose location reads, or null for a cross-origin one (reading throws). */
  const inFrame = (own: Record<string, unknown>, top: { location: Record<string, unknown> } | null) => {
    vi.stubGlobal('location', own);
    vi.stubGlobal('window', {
      get top() {
        return top ?? { get location() { throw new DOMException('cross-origin', 'SecurityError'); } };
      },
    });
  };
  const first = async (settings: Settings): Promise<boolean | undefined> => {
    await settingsItem.setValue(settings);
    const seen: boolean[] = [];
    const { stop } = watchSiteActive(await readSettings(), (active) => seen.push(active));
    await settle();
    stop();
    return seen[0];
  };
  const offOn = (host: string) => withRules({ siteRules: [{ host, includeSubdomains: false, enabled: false }] });

  test('the top frame reads its own location, in parts', async () => {
    const own = { href: 'https://www.example.com/a', protocol: 'https:', hostname: 'www.example.com' };
    inFrame(own, { location: own });
    expect(await first(offOn('example.com'))).toBe(false);
    expect(await first(offOn('other.org'))).toBe(true);
  });

  test("a frame under a cross-origin top answers for the top's origin", async () => {
    const own = { href: 'https://ads.example.net/x', protocol: 'https:', hostname: 'ads.example.net', ancestorOrigins: ['https://news.example.com'] };
    inFrame(own, null);
    expect(await first(offOn('news.example.com'))).toBe(false);
    expect(await first(offOn('ads.example.net'))).toBe(true);
  });

  test('under an opaque top ("null") no site answers: off', async () => {
    inFrame({ href: 'https://ads.example.net/x', protocol: 'https:', hostname: 'ads.example.net', ancestorOrigins: ['null'] }, null);
    expect(await first(withRules({}))).toBe(false);
  });
});
