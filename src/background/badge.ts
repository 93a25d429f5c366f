// The toolbar badge: how many distinct glossary terms the tab's page holds. Content scripts report
// changes (`tifa:report-changed`); the badge stays empty where Tifa is off, on pages without terms,
// and everywhere when the user turned the badge off (settings.showBadge).
import { listen, sendToTab, type PageCount, type RequestOf, type Sender } from '@/src/messages';
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

/** Asks the tab's page for its report; tabs without Tifa (browser pages, closed tabs) get an empty badge. */
async function refreshTab(tabId: number): Promise<void> {
  const mine = nextUpdate(tabId);
  // The count alone: the full report sorts the terms (walking the whole document) and has the page
  // ask this worker for their names, in the middle of the page's load.
  const report = await sendToTab(tabId, { type: 'tifa:page-count' }).catch(() => undefined);
  await render(tabId, report, mine);
}

async function refreshAllTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : refreshTab(tab.id))));
}

/** Handles `tifa:report-changed` (the background's handler table, ./start.ts). */
export function onReportChanged(request: RequestOf<'tifa:report-changed'>, sender: Sender): void {
  // Only the top frame speaks for the tab (frames report their own pages).
  const tabId = sender.tab?.id;
  if (tabId === undefined || (sender.frameId ?? 0) !== 0) return;
  void render(tabId, request, nextUpdate(tabId));
}

/** Keeps the badges in step until `signal` aborts (never, in the extension). */
export function startBadge(signal: AbortSignal): void {
  void action().setBadgeBackgroundColor({ color: BADGE_COLOR });

  listen(browser.tabs.onRemoved, (tabId) => void updates.delete(tabId), signal);

  // A finished load (also a single-page app's address change) may end on a page without Tifa, which
  // never reports: ask, so no stale count stays behind.
  listen(
    browser.tabs.onUpdated,
    (tabId, change) => {
      if (change.status === 'complete') void refreshTab(tabId);
    },
    signal,
  );

  // showBadge and the pause change what every tab shows.
  const unwatch = settingsItem.watch((next, previous) => {
    if (next?.showBadge !== previous?.showBadge || next?.paused !== previous?.paused) void refreshAllTabs();
  });
  signal.addEventListener('abort', unwatch);
}
