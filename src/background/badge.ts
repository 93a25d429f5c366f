// The toolbar badge: how many distinct glossary terms the tab's page holds. Content scripts report
// changes (`tifa:report-changed`); the badge stays empty where Tifa is off, on pages without terms,
// and everywhere when the user turned the badge off (settings.showBadge).
import { askPage, listen, type PageCount, type RequestOf, type Sender, type Span } from '@/src/messages';
import { loadSettings, settingsItem } from '@/src/settings/settings';

const BADGE_COLOR = '#8a2a1f';
// Firefox builds are MV2, where the toolbar button is still `browserAction`.
const action = () => browser.action ?? browser.browserAction;

/** The badge text for a page's count: a count ("12+" while a long page is partly read), or nothing. */
export function badgeText(report: PageCount | undefined, showBadge: boolean): string {
  if (!showBadge || !report?.enabled || report.count <= 0) return '';
  return report.count > 999 ? '999+' : report.count + (report.partial ? '+' : '');
}

// Reports pushed by a page and answers to our own questions can cross: a question asked before the
// page finished scanning must not overwrite the newer pushed count. Each tab's updates are numbered.
const updates = new Map<number, number>();
const nextUpdate = (tabId: number): number => {
  const n = (updates.get(tabId) ?? 0) + 1;
  updates.set(tabId, n);
  return n;
};

async function render(tabId: number, report: PageCount | undefined, update: number): Promise<void> {
  const { showBadge } = await loadSettings();
  if (updates.get(tabId) !== update) return;
  await action().setBadgeText({ tabId, text: badgeText(report, showBadge) }).catch(() => {
    // The tab closed meanwhile: nothing to show.
  });
}

/** Asks the tab's page for its count; tabs without Tifa (browser pages, closed tabs) get an empty badge. */
async function refreshTab(tabId: number): Promise<void> {
  const mine = nextUpdate(tabId);
  // The count alone: the full report sorts the terms (walking the whole document) and has the page
  // ask this worker for their names.
  const report = await askPage(tabId, { type: 'tifa:page-count' }).catch(() => undefined);
  await render(tabId, report, mine);
}

async function refreshAllTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : refreshTab(tab.id))));
}

/** Shows a page's count on its tab's badge; false when the sender does not speak for the tab. */
function tell(report: PageCount, sender: Sender): boolean {
  // Only the top frame speaks for the tab (frames report their own pages), and only the document
  // the tab shows: a page being left, kept in the back/forward cache or prerendered (Chromium says
  // which in documentLifecycle; Firefox says nothing) would put its count on the next page's badge.
  const tabId = sender.tab?.id;
  if (tabId === undefined || (sender.frameId ?? 0) !== 0) return false;
  if (sender.documentLifecycle !== undefined && sender.documentLifecycle !== 'active') return false;
  void render(tabId, report, nextUpdate(tabId));
  return true;
}

/** Handles `tifa:report-changed` (the background's handler table, ./start.ts). */
export function onReportChanged(request: RequestOf<'tifa:report-changed'>, sender: Sender): void {
  tell(request, sender);
}

/**
 * Each tab's loads, counted as it starts one (startBadge): a count that rides along a segmentation
 * request is told once segmentation answers, and a tab that has moved on by then would show the old
 * page's count on the new one (which tells its own only if it holds terms). Chromium says `loading`
 * for a single-page app's pushState and hash changes too: such a page then tells its count itself.
 */
const loads = new Map<number, number>();

/**
 * The count that rides along a page's segmentation request (`tifa:segment-check` with `terms`): the
 * entries the page holds, and those of the spans segmentation confirmed. Told to the badge as the
 * page would tell it once it applied the answer, so that the page need not send it (a message costs
 * a page ~0.2 ms of its main thread: docs/page-cost.md). Called as the request arrives; the function
 * it returns is called with segmentation's answer, and returns the count as the page compares it
 * (src/page/session.ts `lastTold`: the JSON of its PageCount, '' for an empty badge), or undefined
 * when nothing was told (a sub-frame, a page the tab does not show, a tab that has moved on, a
 * segmenter that was not `prompt`): the page then tells its count itself. Partial is false: a long
 * page read in part finds its count differs, and tells it.
 *
 * `prompt`: segmentation will answer within milliseconds (jieba loaded). A worker loading jieba
 * (about a second, after MV3 stopped it) hears of the tab's next load only once its answer is out,
 * by when a reader may well have followed a link: such a count is not told.
 */
export function countRidingAlong(
  terms: ReadonlyArray<{ key: string }>,
  sender: Sender,
  prompt: boolean,
): (candidates: readonly Span[], confirmed: readonly boolean[]) => string | undefined {
  const tabId = sender.tab?.id;
  const load = tabId === undefined ? undefined : (loads.get(tabId) ?? 0);
  return (candidates, confirmed) => {
    if (!prompt || tabId === undefined || (loads.get(tabId) ?? 0) !== load) return undefined;
    const found = new Set(terms.map((term) => term.key));
    candidates.forEach((span, index) => {
      if (confirmed[index] === true && span.id !== undefined) found.add(span.id);
    });
    // In PageCount's order, as the page writes its own.
    const report: PageCount = { enabled: true, count: found.size, partial: false };
    if (!tell(report, sender)) return undefined;
    return report.count > 0 ? JSON.stringify(report) : '';
  };
}

/** Keeps the badges in step until `signal` aborts (never, in the extension). */
export function startBadge(signal: AbortSignal): void {
  void action().setBadgeBackgroundColor({ color: BADGE_COLOR });

  listen(
    browser.tabs.onRemoved,
    (tabId) => {
      updates.delete(tabId);
      loads.delete(tabId);
    },
    signal,
  );
  // The worker listens to tab updates anyway (the toolbar icon, ./toolbar-icon.ts): no wake-up more.
  listen(browser.tabs.onUpdated, (tabId, change) => void (change.status === 'loading' && loads.set(tabId, (loads.get(tabId) ?? 0) + 1)), signal);

  // Nothing is asked when a page loads. The browser empties a tab's badge when the tab shows another
  // document (Chromium and Firefox clear the text set for a tab on each cross-document navigation),
  // so a page without Tifa, or without terms, keeps it empty; a page with terms reports them itself,
  // also when it comes back from the back/forward cache (src/page/session.ts). Asking each finished
  // load for its count, as before, made every article answer a message in the middle of its load
  // (~1–4 ms of its main thread) for a count it was about to send anyway. A single-page app's
  // address change keeps the document, its badge and its count, which the page keeps up to date.

  // showBadge and the pause change what every tab shows.
  const unwatch = settingsItem.watch((next, previous) => {
    if (next?.showBadge !== previous?.showBadge || next?.paused !== previous?.paused) void refreshAllTabs();
  });
  signal.addEventListener('abort', unwatch);
}
