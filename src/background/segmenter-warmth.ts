// Tells pages whether word segmentation will answer soon. A page holds its first marks back until
// segmentation has confirmed the ambiguous ones (src/page/paint.ts, the hold), so that an article
// paints once; but a worker starting cold loads jieba for about a second, and the hold then only
// keeps the rest back. So the worker writes, in storage.session, which pages read as they start
// (src/settings/session-copy.ts): 0 as it starts (jieba not loaded), and the time whenever jieba
// is asked (a page's segmentation, the popup's brief), at most once every few seconds. MV3 stops a
// worker idle for 30 s, and jieba with it: a page that finds the time older than that, or 0, holds
// nothing back. Chromium only: Firefox lets no page read storage.session.
import { SEGMENTER_WARM_KEY } from '@/src/settings/session-copy';

/** The time is written again after this long at the soonest: the page's 30 s allow for it. */
const STAMP_EVERY_MS = 5000;
let stampedAt = -Infinity;

/** As the worker starts: jieba is not loaded. */
export function segmenterStarting(): Promise<void> {
  stampedAt = -Infinity;
  if (import.meta.env.FIREFOX) return Promise.resolve();
  return browser.storage.session.set({ [SEGMENTER_WARM_KEY]: 0 }).catch(() => undefined);
}

/** jieba is loaded and was asked for: writes the time, unless it did in the last few seconds. */
export function segmenterReady(now = Date.now()): void {
  if (import.meta.env.FIREFOX || now - stampedAt < STAMP_EVERY_MS) return;
  stampedAt = now;
  browser.storage.session.set({ [SEGMENTER_WARM_KEY]: now }).catch(() => undefined);
}
