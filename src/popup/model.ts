// What the popup shows for a tab, decided from plain data (no DOM, no browser APIs), so every state
// is unit-tested: pages Tifa cannot run on, a paused or switched-off site, a page whose content
// script is not there, a page without terms, and the term list.
import type { PageReport } from '@/src/messages';
import type { Settings } from '@/src/settings/settings';
import { isSiteEnabled, pageKind, siteHostOf, type PageKind } from '@/src/settings/site-rules';

/** What the popup knows about the page's content script. */
export type ReportState =
  | { status: 'loading' }
  /** No content script answered: the page was open before Tifa was installed, or is still loading. */
  | { status: 'missing' }
  | { status: 'ok'; report: PageReport };

export type TermsView =
  | { kind: 'unsupported'; reason: UnsupportedReason }
  | { kind: 'paused' }
  | { kind: 'site-off' }
  | { kind: 'loading' }
  | { kind: 'reload' }
  | { kind: 'empty' }
  | { kind: 'terms'; terms: PageReport['terms']; total: number };

export interface PopupView {
  /** The site's rule host (www. folded), or undefined where no site switch applies. */
  host: string | undefined;
  siteOn: boolean;
  paused: boolean;
  /** Which occurrences pages mark, and whether everyday words are marked. */
  displayMode: Settings['displayMode'];
  showEveryday: boolean;
  terms: TermsView;
}

/**
 * `addressHidden`: the tab exists but the browser does not show Tifa its address, which it shows for
 * every http(s) page (host permissions; Tifa has no `tabs` permission): a page Tifa cannot run on.
 */
/** Why Tifa cannot run on a tab's page: what its address says, or `closed`, an address Tifa may not see. */
export type UnsupportedReason = Exclude<PageKind, 'ok'> | 'closed';

export function popupView(url: string | undefined, settings: Settings, report: ReportState, addressHidden = false): PopupView {
  const kind: PageKind | 'closed' = url === undefined && addressHidden ? 'closed' : pageKind(url);
  const host = siteHostOf(url);
  const siteOn = host !== undefined && isSiteEnabled(settings, url);
  const base = { host, siteOn, paused: settings.paused, displayMode: settings.displayMode, showEveryday: settings.showEveryday };
  if (kind !== 'ok') return { ...base, terms: { kind: 'unsupported', reason: kind } };
  if (settings.paused) return { ...base, terms: { kind: 'paused' } };
  if (!siteOn) return { ...base, terms: { kind: 'site-off' } };
  if (report.status === 'loading') return { ...base, terms: { kind: 'loading' } };
  if (report.status === 'missing') return { ...base, terms: { kind: 'reload' } };
  // Just switched on: the page is still scanning and reports itself off until it has.
  if (!report.report.enabled) return { ...base, terms: { kind: 'loading' } };
  const terms = report.report.terms.filter((t) => t.count > 0);
  if (terms.length === 0) return { ...base, terms: { kind: 'empty' } };
  return { ...base, terms: { kind: 'terms', terms, total: terms.reduce((n, t) => n + t.count, 0) } };
}

/** The tab the popup is about: `?tab=<id>` when opened as a page (tests, a pinned tab), else the active tab. */
export function tabIdFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : undefined;
}
