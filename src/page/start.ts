// Content-script wiring: waits for Chinese text, then starts this frame's page session, and answers
// what the popup and the badge ask the page (its handle's `answer`, called through `askPage`). The
// tooltip plugs in below with the session's index and glossary view; its UI loads on first use.
// Everything this frame starts stops with one AbortSignal.
import { PAGE_GLOSSARY_KEY } from '@/src/glossary/page-glossary';
import { CONTENT_HANDLE, onAbort, type PageRequest } from '@/src/messages';
import { startLazyTooltip, type Reveal } from '@/src/tooltip/lazy';
import { loadTooltipUi } from '@/src/tooltip/ui-hook';
import { startSession, type PageSession } from './session';
import { holdNothing, paintStyledNow } from './paint';
import { CATEGORIES } from '@/src/glossary/categories';
import { whenChineseText } from './chinese-text';
import { EARLY_STYLE, type EarlyStyle } from './early-style';
import { childTerms } from './report';
import { nameTerms } from './page-names';
import { watchSiteActive, type SiteWatch } from '@/src/settings/site-watch';
import { SETTINGS_KEY, withDefaults } from '@/src/settings/stored-settings';
import { readPageStart, rereadPageStart, SEGMENTER_COLD_AFTER_MS, SEGMENTER_WARM_KEY } from '@/src/settings/session-copy';
import type { Settings } from '@/src/settings/settings';

export interface ContentHandle {
  /** The session, once this frame has Chinese text and has started one. */
  readonly session: PageSession | undefined;
  /**
   * Answers a page request (`askPage` of src/messages.ts, run in this world by executeScript): asked
   * of the top frame, which adds up its same-origin frames, so the popup gets one answer per tab.
   */
  answer(request: PageRequest): Promise<unknown>;
  /** Stops everything for good (extension reloaded or updated). */
  destroy(): void;
}

/**
 * Where a running instance keeps its handle. Content scripts of one extension share an isolated world
 * per frame, which page scripts never see; an instance injected again into it (a page that loaded
 * as Tifa was installed got the manifest's script, then the one the background gives open pages)
 * stops the one before it, which would otherwise keep painting. After a reload or an update the new
 * version's scripts run in a new world: the old instance stops itself (see `ticking` below).
 */
const RUNNING = Symbol.for(CONTENT_HANDLE);

/** Starts Tifa in this frame. Until the frame holds Chinese text it only watches for some. */
export function startContent(): ContentHandle {
  const slot = globalThis as unknown as Record<symbol, ContentHandle | undefined>;
  slot[RUNNING]?.destroy();
  // Made when the frame has Chinese text: a frame without any makes no AbortController (a DOM object,
  // whose first one in the extension's world costs ~0.05 ms of such a frame's ~1 ms).
  let life: AbortController | undefined;
  let session: PageSession | undefined;
  let site: SiteWatch | undefined;
  let reveal: Reveal | undefined;
  let started: Promise<void> | undefined;

  async function begin(signal: AbortSignal): Promise<void> {
    // Settings and the page glossary in one storage read (of the session copy where there is one:
    // src/settings/session-copy.ts); the service worker is not woken. Asked first: the highlight
    // sheet is made while the answer is on its way (~0.7 ms of CPU), in the same task, so still
    // before the page's first layout (see paintStyledNow). Where the early script adopted the sheet
    // as the page started (a top frame with a Chinese title), it asked then too: this takes over its
    // read, answered by now on most pages, and its sheet. The read once: an instance injected again
    // into this world later (as Tifa is installed) reads what is stored then, as it uses new names.
    const early = (globalThis as unknown as Record<string, EarlyStyle | undefined>)[EARLY_STYLE];
    const reading = (early?.takeRead() ?? readPageStart()).catch(() => ({}) as Record<string, unknown>);
    const painter = paintStyledNow(document, CATEGORIES, early);
    // Its sheet goes as this instance stops, whether or not the read has answered: a read under way
    // as Tifa is removed or updated never settles (Chromium 156), and a painter destroyed only once it
    // had answered stayed in the page with its sheet. The session that takes it over destroys it too,
    // when switched off; a second destroy does nothing.
    onAbort(signal, () => painter?.destroy());
    const stored = await reading;
    if (signal.aborted) return;
    // Segmentation answers only once jieba has loaded (~1 s) in a worker that starts cold: the first
    // marks are not held back for it (src/page/paint.ts). Written out, not a function of
    // session-copy.ts: terser leaves that one a call, 8 bytes more of the 30,000.
    if ((stored[SEGMENTER_WARM_KEY] as number) < Date.now() - SEGMENTER_COLD_AFTER_MS) holdNothing();
    const settings = withDefaults(stored[SETTINGS_KEY] as Partial<Settings> | undefined);
    // Site rules and the pause (issue 7): nothing is painted until the rule for this page is known,
    // then the session follows every switch live. Started off, it paints and reports nothing before
    // then (switching off after start made and dropped a painter, and told the badge).
    const current = startSession(document, { settings, glossaryValue: stored[PAGE_GLOSSARY_KEY], enabled: false, painter }, signal);
    session = current;
    onAbort(signal, (site = watchSiteActive(settings, (active) => current.setEnabled(active))).stop);
    reveal = startLazyTooltip(
      {
        matches: current.index,
        glossary: current.glossary,
        settings: current.settings,
        signal,
      },
      loadTooltipUi,
    );
  }

  const stopWaiting = whenChineseText(document, () => {
    life = new AbortController();
    // Tifa updated or reloaded: the extension's id is gone from this instance, which can read no
    // storage and load no tooltip any more, and the new version's content script (given to open
    // pages by src/background/session-frames.ts) runs in a world of its own, which cannot reach this
    // one. So it looks once a second, and stops, taking its marks with it. The same timer has the
    // painter put back what the page took from the registry or its sheets (src/page/paint.ts): one
    // wake-up a second for a page that shows Tifa's marks, not two.
    const ticking = setInterval(() => (browser.runtime?.id ? session?.reassert() : handle.destroy()), 1000);
    onAbort(life.signal, () => clearInterval(ticking));
    started = begin(life.signal);
  });

  const handle: ContentHandle = {
    get session() {
      return session;
    },
    async answer(request) {
      // After the watchers are in place (begin): a change told before then is read there.
      if (request.type === 'tifa:stored-changed') return started?.then(rereadPageStart);
      if (request.type === 'tifa:reveal') {
        // The popup names the entry by id; the page's matches, by entry key.
        const key = await session?.keyOf(request.id);
        return { found: key !== undefined && !!(await reveal?.(key)) };
      }
      // Reports and counts wait for the first pass, so one asked for right after load is complete.
      await started?.then(() => Promise.all([session?.ready.catch(() => undefined), site?.ready]));
      // No Chinese text here (yet): only same-origin frames can hold terms.
      if (request.type === 'tifa:page-count') return session ? session.count() : { enabled: true, count: childTerms(document).length, partial: false };
      return session ? session.report() : { enabled: true, terms: await nameTerms(childTerms(document, true)) };
    },
    destroy() {
      stopWaiting();
      life?.abort();
      if (slot[RUNNING] === handle) slot[RUNNING] = undefined;
    },
  };
  slot[RUNNING] = handle;
  return handle;
}
