// The store's screenshots at 1280×800, made from the built extension in headless Chromium: the tooltip
// on the bundled demo news page, the popup over that page, and the options page, in a browser of the
// variant's language. The e2e run makes them (test/e2e/store.e2e.ts, into test-results/store/);
// scripts/store-screenshots.ts makes the copies committed in store/screenshots/.
import path from 'node:path';
import { launchWithExtension, waitFor } from './harness';
import type { FixtureServer } from './server';
import { hover, readTooltip, termBox } from './tooltip-helpers';

const SIZE = { width: 1280, height: 800 };
const POPUP_WIDTH = 340; // src/popup/popup.css

export interface Variant {
  name: string;
  /** The browser's language, which the popup and the options page follow. */
  locale: string;
  /** The tooltip's explanation language (settings.language). */
  language: 'en' | 'zh' | 'both';
  /** The term hovered for the tooltip shot. */
  term: string;
}

/** The entry open in the options page's editor. */
const OPTIONS_ENTRY = 'liang-ge-wei-hu';

export const STORE_VARIANTS: Variant[] = [
  { name: 'en', locale: 'en-US', language: 'both', term: '两个维护' },
  { name: 'zh_CN', locale: 'zh-CN', language: 'zh', term: '两个维护' },
];

/** Writes `<variant>-{1-tooltip,2-popup,3-options}.png` (1280×800) into `outDir`; returns their paths. */
export async function shootStoreScreenshots(server: FixtureServer, variant: Variant, outDir: string): Promise<string[]> {
  // The shipped display defaults (first of each term, no everyday words): what a new user sees.
  const browser = await launchWithExtension({
    viewport: SIZE,
    locale: variant.locale,
    allowedOrigins: [server.origin],
    settings: { language: variant.language },
  });
  // tsx (esbuild, keepNames) wraps named functions in __name(…), and the test helpers' page functions
  // carry that call into the page: give pages the no-op it stands for (the tests run under Vitest,
  // which does not add it).
  await browser.context.addInitScript('globalThis.__name = (f) => f;');
  const file = (n: string) => path.join(outDir, `${variant.name}-${n}.png`);
  try {
    const page = await browser.open(server.url('news/demo.html'));
    await waitFor(async () => (await browser.pageReport(page)).terms.length > 0, 15_000);

    // 1. The tooltip, open on a term of the lead paragraph.
    await hover(page, await termBox(page, variant.term));
    const tip = await waitFor(() => readTooltip(page), 10_000);
    if (!tip?.open || !tip.term) throw new Error(`no tooltip for ${variant.term}`);
    await page.waitForTimeout(300); // the tooltip's fade-in
    await page.screenshot({ path: file('1-tooltip') });
    await page.mouse.move(5, SIZE.height - 5);
    await waitFor(async () => !(await readTooltip(page))?.open, 5000);
    const pageShot = await page.screenshot();

    // 2. The popup as it drops from the toolbar, over the page it describes (a toolbar popup cannot
    // be opened headless: the popup page is opened for that tab and laid over the page's screenshot).
    const tabId = await browser.serviceWorker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === u)?.id as number | undefined,
      page.url(),
    );
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: POPUP_WIDTH, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.locator('main[aria-busy="false"]').waitFor();
    // A toolbar popup is as tall as its content (the terms list scrolls inside it).
    const popupSize = { width: POPUP_WIDTH, height: Math.min(await popup.evaluate(() => document.documentElement.scrollHeight), 760) };
    await popup.setViewportSize(popupSize);
    await popup.waitForTimeout(200);
    const popupShot = await popup.screenshot();
    await popup.close();
    const compose = await browser.context.newPage();
    await compose.setViewportSize(SIZE);
    const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await compose.setContent(`<!doctype html><body style="margin:0;overflow:hidden">
      <img src="${dataUrl(pageShot)}" style="display:block;width:${SIZE.width}px;height:${SIZE.height}px;filter:brightness(0.96)">
      <img src="${dataUrl(popupShot)}" style="position:absolute;top:8px;right:24px;width:${popupSize.width}px;height:${popupSize.height}px;
        border-radius:8px;box-shadow:0 6px 24px rgba(0,0,0,.28),0 0 0 1px rgba(0,0,0,.12)">
    </body>`);
    await compose.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
    await compose.screenshot({ path: file('2-popup') });
    await compose.close();

    // 3. The options page: the glossary, with one entry open in the editor.
    const options = await browser.openOptions(`#entry=${OPTIONS_ENTRY}`);
    await options.setViewportSize(SIZE);
    await options.getByText(variant.term).first().waitFor();
    // The editor focuses its heading for keyboard users; a still picture needs no focus ring.
    await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await options.waitForTimeout(500);
    await options.screenshot({ path: file('3-options') });

    return ['1-tooltip', '2-popup', '3-options'].map(file);
  } finally {
    await browser.close();
  }
}

declare const chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
