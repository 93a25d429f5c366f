// The toolbar icon: the seal-red mark where Tifa is at work on the tab's page, the grey one where it
// is not (Tifa paused, the site switched off, or a page no extension may read: browser pages, add-on
// stores, the PDF viewer). Icons are set per tab, on every navigation (Firefox resets a tab's icon when
// it navigates) and for every tab when the pause or the site rules change.
import { isActiveOn, pageKind, type SiteSettings } from '@/src/settings/site-rules';
import { readSettings, watchSettings } from '@/src/settings/stored-settings';
import { listen } from '@/src/messages';
import type { PublicPath } from 'wxt/browser';

export type ToolbarIcon = 'on' | 'off';

// Rendered from assets/icon.svg by scripts/icons.ts. The toolbar draws 16 px, 32 px on dense screens.
export const ICON_PATHS: Record<ToolbarIcon, Record<number, PublicPath>> = {
  on: { 16: '/icon/16.png', 32: '/icon/32.png' },
  off: { 16: '/icon-off/16.png', 32: '/icon-off/32.png' },
};

// Firefox's MV2 build names the toolbar button `browserAction`.
const toolbarAction = () => browser.action ?? browser.browserAction;

/** Which icon the toolbar shows for a tab showing `url`. */
export function toolbarIconFor(settings: SiteSettings, url: string | undefined): ToolbarIcon {
  return pageKind(url) === 'ok' && isActiveOn(settings, url) ? 'on' : 'off';
}

/** An icon's pixels by size, as setIcon takes them. */
type IconPixels = Record<number, ImageData>;

/**
 * Each icon's pixels, decoded once in a worker's life. Given a path, Chromium's setIcon fetches and
 * decodes the images in the service worker on every call: a median 21.6 and 22.9 ms from the call to
 * its end in two runs of 16 loads of a bench article (test/bench/load-legs.ts), on every navigation
 * of every tab, just when the new page asks this worker to confirm its ambiguous terms. Given the
 * pixels: 2.0 and 3.3 ms. (Firefox sets an icon from its path without decoding it in the background
 * page, so its build passes the path.)
 */
const pixelsOf = new Map<ToolbarIcon, Promise<IconPixels | undefined>>();

async function decodeIcon(paths: Record<number, PublicPath>): Promise<IconPixels> {
  const sizes = await Promise.all(
    (Object.entries(paths) as Array<[string, PublicPath]>).map(async ([size, file]) => {
      const bitmap = await createImageBitmap(await (await fetch(browser.runtime.getURL(file))).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2D context to decode the toolbar icon');
      context.drawImage(bitmap, 0, 0);
      return [Number(size), context.getImageData(0, 0, bitmap.width, bitmap.height)] as const;
    }),
  );
  return Object.fromEntries(sizes);
}

/** The pixels of `icon`; undefined where they cannot be had (then setIcon is given the path). */
function iconPixels(icon: ToolbarIcon): Promise<IconPixels | undefined> {
  if (import.meta.env.FIREFOX) return Promise.resolve(undefined);
  let pixels = pixelsOf.get(icon);
  if (!pixels) {
    pixels = decodeIcon(ICON_PATHS[icon]).catch(() => undefined);
    pixelsOf.set(icon, pixels);
  }
  return pixels;
}

// A navigation and a settings change can race: only the newest update of a tab may set its icon.
const updates = new Map<number, number>();

async function setIcon(tabId: number, url: string | undefined, settings?: SiteSettings): Promise<void> {
  const update = (updates.get(tabId) ?? 0) + 1;
  updates.set(tabId, update);
  const icon = toolbarIconFor(settings ?? (await readSettings()), url);
  const pixels = await iconPixels(icon);
  if (updates.get(tabId) !== update) return;
  await toolbarAction()
    .setIcon(pixels ? { tabId, imageData: pixels } : { tabId, path: ICON_PATHS[icon] })
    .catch(async (error: unknown) => {
      // A tab that closed meanwhile has nothing to show; anything else (a missing image) is a bug.
      const open = await browser.tabs.get(tabId).then(
        () => true,
        () => false,
      );
      if (open) console.error('Tifa: could not set the toolbar icon', error);
    });
}

async function setAllIcons(settings?: SiteSettings): Promise<void> {
  const current = settings ?? (await readSettings());
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : setIcon(tab.id, tab.url, current))));
}

/** Keeps every tab's icon in step until `signal` aborts (never, in the extension). */
export function startToolbarIcon(signal: AbortSignal = new AbortController().signal): void {
  listen(
    browser.tabs.onUpdated,
    (tabId, change, tab) => {
      if (change.url !== undefined || change.status === 'complete') void setIcon(tabId, tab.url);
    },
    signal,
  );
  listen(browser.tabs.onRemoved, (tabId) => void updates.delete(tabId), signal);
  // Tabs open before an install or update keep whatever icon they had: set them all once.
  listen(browser.runtime.onInstalled, () => void setAllIcons(), signal);
  // Only the pause and the site rules decide the icon: a new colour or hover delay leaves it alone.
  let decisive: string | undefined;
  const unwatch = watchSettings((next) => {
    const now = JSON.stringify([next.paused, next.siteMode, next.siteRules]);
    if (now === decisive) return;
    decisive = now;
    void setAllIcons(next);
  });
  signal.addEventListener('abort', unwatch);
}
