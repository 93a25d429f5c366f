import { parseHTML } from 'linkedom';
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startContent } from './start';
import { EARLY_STYLE, startEarlyStyle } from './early-style';

// What a page holds of Tifa once its instance stops, whatever the instance was waiting for then.
// Node has neither the Highlight API nor constructable sheets: the few parts the painter touches are
// stood in for below (a sheet records its CSS; the registry is a Map), so the real painter runs.

class StandInSheet {
  css = '';
  replaceSync(css: string) {
    this.css = css;
  }
}

const saved = {
  document: globalThis.document,
  CSS: globalThis.CSS,
  Highlight: globalThis.Highlight,
  CSSStyleSheet: globalThis.CSSStyleSheet,
  MutationObserver: globalThis.MutationObserver,
  location: globalThis.location,
  addEventListener: globalThis.addEventListener,
  window: globalThis.window,
};

function chinesePage() {
  const { document, window } = parseHTML('<!doctype html><html lang="zh-CN"><head><title>新闻</title></head><body><p>坚持三会一课制度。</p></body></html>');
  Object.assign(document, { adoptedStyleSheets: [] });
  Object.assign(globalThis, {
    document,
    CSS: { highlights: new Map() },
    Highlight: class extends Set {},
    CSSStyleSheet: StandInSheet,
    MutationObserver: window.MutationObserver,
  });
  return document as unknown as Document;
}

afterEach(() => {
  Object.assign(globalThis, saved);
  delete (globalThis as unknown as Record<string, unknown>)[EARLY_STYLE];
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

test('stopped while its first storage read is under way (a read Tifa’s removal or update leaves unanswered), it takes its sheet off the page', async () => {
  const doc = chinesePage();
  // Chromium 156: a read under way as the extension goes never settles, and later calls throw.
  vi.spyOn(fakeBrowser.storage.session, 'get').mockReturnValue(new Promise(() => undefined));
  vi.spyOn(fakeBrowser.storage.local, 'get').mockReturnValue(new Promise(() => undefined));
  const handle = startContent();
  // The sheet is adopted while the read is on its way, so it is there before the page's first layout.
  expect(doc.adoptedStyleSheets).toHaveLength(1);
  expect((doc.adoptedStyleSheets[0] as unknown as StandInSheet).css).toContain('::highlight(');
  await new Promise((resolve) => setTimeout(resolve, 10));
  // What the instance's once-a-second check calls when the extension's id is gone.
  handle.destroy();
  expect(doc.adoptedStyleSheets).toHaveLength(0);
  expect(handle.session).toBeUndefined();
});

test('on a page whose early script adopted the sheet, it takes over that script’s storage read and sheet rather than asking and adopting again', async () => {
  const doc = chinesePage();
  Object.defineProperty(doc, 'contentType', { value: 'text/html' });
  // What the site watch reads of the window; Tifa paused, so that the session, told so by the early
  // read alone, switches off and takes the sheet away.
  const listen = () => undefined;
  Object.assign(globalThis, { location: { href: 'https://news.example/a' }, addEventListener: listen, window: { addEventListener: listen, cancelAnimationFrame: listen } });
  await fakeBrowser.storage.local.set({ settings: { paused: true } });
  // The session copy (empty in the fake: no worker has made one) and then storage.local, as on a browser's first page.
  const read = vi.spyOn(fakeBrowser.storage.session, 'get');
  const readLocal = vi.spyOn(fakeBrowser.storage.local, 'get');
  startEarlyStyle(doc);
  // The early script asks as the page starts (here its title is parsed already), and adopts the sheet.
  expect(read).toHaveBeenCalledTimes(1);
  expect(doc.adoptedStyleSheets).toHaveLength(1);
  const handle = startContent();
  expect(doc.adoptedStyleSheets).toHaveLength(1);
  await vi.waitFor(() => expect(doc.adoptedStyleSheets).toHaveLength(0));
  expect(handle.session).toBeDefined();
  expect(read).toHaveBeenCalledTimes(1);
  expect(readLocal).toHaveBeenCalledTimes(1);
  // An instance injected again into this world later (as Tifa is installed) reads what is stored then.
  const again = startContent();
  expect(read).toHaveBeenCalledTimes(2);
  again.destroy();
  handle.destroy();
});
