import { parseHTML } from 'linkedom';
import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startContent } from './start';

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
